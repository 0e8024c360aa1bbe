// Text helpers for reports: display width (Hangul and other wide characters take two
// terminal columns) and padding by it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kcity {

// Terminal columns the UTF-8 text takes.
std::size_t display_width(std::string_view text);

enum class Align { left, right };

// At most `width` display columns: a longer text is cut at a character boundary and ends in
// "…" (a wide character that would straddle the limit is left out whole).
std::string truncate_width(std::string_view text, std::size_t width);

// Pads to `width` display columns.
std::string pad(std::string_view text, std::size_t width, Align align);

// Columns padded to the widest cell, separated by two spaces; no trailing spaces.
std::string render_columns(const std::vector<std::vector<std::string>>& rows,
                           const std::vector<Align>& align, std::string_view indent);

// The text with A-Z made a-z and every other byte kept (file extensions, codes, names).
std::string ascii_lower(std::string_view s);

}  // namespace kcity
