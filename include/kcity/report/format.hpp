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

}  // namespace kcity
