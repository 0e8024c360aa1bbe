// The one exit-code function (SPEC §7) and the catch-all around the command line.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "kcity/commands/diff.hpp"
#include "kcity/commands/exit.hpp"
#include "kcity/report/format.hpp"

using kcity::ExitRules;
using kcity::Failure;
using kcity::Outcome;

namespace {

Outcome outcome(Failure failure, std::size_t warnings = 0, bool changed = false) {
    Outcome o;
    o.failure = failure;
    o.warnings = warnings;
    o.changed = changed;
    return o;
}

}  // namespace

TEST_CASE("exit codes: 0 success, 1 any failure or a failed --strict, 2 a diff's change",
          "[commands][exit]") {
    ExitRules plain, strict{true, false}, detailed{false, true}, both{true, true};
    CHECK(kcity::exit_code(outcome(Failure::none), plain) == 0);
    for (Failure f : {Failure::usage, Failure::input, Failure::output, Failure::internal}) {
        CHECK(kcity::exit_code(outcome(f), plain) == 1);
        CHECK(kcity::exit_code(outcome(f, 0, true), detailed) == 1);  // an error beats 2
    }
    CHECK(kcity::exit_code(outcome(Failure::none, 2), plain) == 0);
    CHECK(kcity::exit_code(outcome(Failure::none, 2), strict) == 1);
    CHECK(kcity::exit_code(outcome(Failure::none, 0), strict) == 0);
    CHECK(kcity::exit_code(outcome(Failure::none, 0, true), plain) == 0);
    CHECK(kcity::exit_code(outcome(Failure::none, 0, true), detailed) == 2);
    CHECK(kcity::exit_code(outcome(Failure::none, 1, true), both) == 1);  // --strict beats 2
    CHECK_FALSE(kcity::strict_fails(outcome(Failure::input, 1), strict));
    CHECK(kcity::strict_fails(outcome(Failure::none, 1), strict));
}

TEST_CASE("the catch-all: an escaped exception is a message and exit 1", "[commands][exit]") {
    std::ostringstream err;
    CHECK(kcity::run_guarded([] { return 2; }, err) == 2);
    CHECK(err.str().empty());
    CHECK(kcity::run_guarded([]() -> int { throw std::runtime_error("boom"); }, err) == 1);
    CHECK(err.str() == "kcity: error: boom\n");
    err.str("");
    CHECK(kcity::run_guarded([]() -> int { throw 42; }, err) == 1);
    CHECK(err.str() == "kcity: error: an unknown exception\n");
}

TEST_CASE("diff: a --base-rules name the system refuses is an error, not an exception",
          "[commands][exit]") {
    kcity::DiffOptions o;
    o.inputs.inputs = {std::filesystem::path(KCITY_SOURCE_DIR) / "examples" / "2023"};
    o.base_rules = std::string(300, 'a');
    Outcome out = kcity::diff_command(o);
    CHECK(out.failure == Failure::input);
    REQUIRE_FALSE(out.messages.empty());
    CHECK(out.messages.back() ==
          "kcity: error: --base-rules " + o.base_rules + ": File name too long");
}

TEST_CASE("formats are named once", "[commands][format]") {
    using kcity::Format;
    for (Format f :
         {Format::text, Format::markdown, Format::json, Format::csv, Format::html, Format::github})
        CHECK(kcity::parse_format(kcity::format_name(f)) == f);
    CHECK(kcity::format_name(Format::markdown) == "markdown");
    CHECK_FALSE(kcity::parse_format("xml"));
    CHECK_FALSE(kcity::parse_format("JSON"));
}
