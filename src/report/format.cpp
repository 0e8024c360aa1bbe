#include "kcity/report/format.hpp"

#include <array>
#include <utility>

namespace kcity {
namespace {

constexpr std::array<std::pair<Format, std::string_view>, 6> names = {{
    {Format::text, "text"},
    {Format::markdown, "markdown"},
    {Format::json, "json"},
    {Format::csv, "csv"},
    {Format::html, "html"},
    {Format::github, "github"},
}};

}  // namespace

std::string_view format_name(Format format) {
    for (const auto& [f, name] : names)
        if (f == format) return name;
    return "text";  // not reached: every Format is in the table
}

std::optional<Format> parse_format(std::string_view name) {
    for (const auto& [f, n] : names)
        if (n == name) return f;
    return std::nullopt;
}

}  // namespace kcity
