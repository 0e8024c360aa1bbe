#include "kcity/base/text.hpp"

#include <algorithm>

namespace kcity {
namespace {

// East Asian Wide and Fullwidth ranges that occur in reports (Hangul, CJK, fullwidth forms).
bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_combining(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || c == 0x200B;
}

}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : 4;
        char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) c = (c << 6) | (s[i + k] & 0x3F);
        width += is_combining(c) ? 0 : is_wide(c) ? 2 : 1;
        i += len;
    }
    return width;
}

namespace {

// Length in bytes of the UTF-8 sequence starting with byte b.
std::size_t sequence_length(unsigned char b) {
    return b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : 4;
}

}  // namespace

std::string truncate_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return "";
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len =
            std::min(sequence_length(static_cast<unsigned char>(text[i])), text.size() - i);
        std::size_t w = display_width(text.substr(i, len));
        if (used + w > width - 1) break;  // keep one column for the ellipsis
        out.append(text.substr(i, len));
        used += w;
        i += len;
    }
    return out + "…";
}

std::string pad(std::string_view text, std::size_t width, Align align) {
    std::size_t w = display_width(text);
    std::string fill(width > w ? width - w : 0, ' ');
    return align == Align::left ? std::string(text) + fill : fill + std::string(text);
}

std::string render_columns(const std::vector<std::vector<std::string>>& rows,
                           const std::vector<Align>& align, std::string_view indent) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], display_width(row[i]));
        }
    std::string out;
    for (const auto& row : rows) {
        std::string line(indent);
        for (std::size_t i = 0; i < row.size(); ++i) {
            Align a = i < align.size() ? align[i] : Align::left;
            line += (i ? "  " : "") +
                    pad(row[i], i + 1 == row.size() && a == Align::left ? 0 : widths[i], a);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace kcity
