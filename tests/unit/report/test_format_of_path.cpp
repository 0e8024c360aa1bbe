// --output's extension chooses the format when --format is not given (SPEC §7).
#include <catch2/catch.hpp>

#include "kcity/report/format.hpp"

using kcity::Format;
using kcity::format_of_path;

TEST_CASE("format of path: by extension, in any case", "[format]") {
    CHECK(format_of_path("report.md") == Format::markdown);
    CHECK(format_of_path("report.MD") == Format::markdown);
    CHECK(format_of_path("report.markdown") == Format::markdown);
    CHECK(format_of_path("out/report.json") == Format::json);
    CHECK(format_of_path("report.Json") == Format::json);
    CHECK(format_of_path("report.csv") == Format::csv);
    CHECK(format_of_path("report.html") == Format::html);
    CHECK(format_of_path("report.HTM") == Format::html);
    CHECK(format_of_path("report.txt") == Format::text);
    CHECK(format_of_path("report.2024.json") == Format::json);
}

TEST_CASE("format of path: no extension is text, an unknown one nothing", "[format]") {
    CHECK(format_of_path("report") == Format::text);
    CHECK(format_of_path(".report") == Format::text);       // hidden, no extension
    CHECK(format_of_path("out.d/report") == Format::text);  // the folder's dot is not the name's
    CHECK(format_of_path("report.") == Format::text);
    CHECK_FALSE(format_of_path("report.xlsx"));
    CHECK_FALSE(format_of_path("report.jsn"));
    CHECK_FALSE(format_of_path("report.pdf"));
}
