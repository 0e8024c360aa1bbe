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

constexpr std::array<std::pair<std::string_view, Format>, 7> extensions = {{
    {"txt", Format::text},
    {"md", Format::markdown},
    {"markdown", Format::markdown},
    {"json", Format::json},
    {"csv", Format::csv},
    {"html", Format::html},
    {"htm", Format::html},
}};

bool same_letters(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
        if (c != lower[i]) return false;
    }
    return true;
}

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

std::optional<Format> format_of_path(std::string_view path) {
    std::string_view name = path.substr(path.find_last_of('/') + 1);
    std::size_t dot = name.find_last_of('.');
    // `.report` is a hidden file without an extension, as is `report.`.
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) return Format::text;
    std::string_view ext = name.substr(dot + 1);
    for (const auto& [e, f] : extensions)
        if (same_letters(ext, e)) return f;
    return std::nullopt;
}

}  // namespace kcity
