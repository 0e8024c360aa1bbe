// The report formats, named once: the CLI parses `--format` into a Format, and from there on
// every command and renderer dispatches on the enum, never on a string.
#pragma once
#include <optional>
#include <string_view>

namespace kcity {

enum class Format { text, markdown, json, csv, html, github };

// "text", "markdown", ... as written after --format.
std::string_view format_name(Format format);

// The Format named `name`, or nothing when kcity has no format of that name.
std::optional<Format> parse_format(std::string_view name);

// The format an output file's name asks for when --format is not given (SPEC §7), by its
// extension in any case: .txt text, .md/.markdown markdown, .json, .csv, .html/.htm. A name
// without an extension is text; an extension kcity does not know gives nothing (the CLI refuses
// it rather than write text into `report.xlsx`).
std::optional<Format> format_of_path(std::string_view path);

}  // namespace kcity
