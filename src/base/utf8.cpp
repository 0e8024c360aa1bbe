#include "kcity/base/utf8.hpp"

#include <cstdio>

namespace kcity {
namespace {

// Length of the UTF-8 sequence that starts with `c`, or 0 when `c` cannot start one.
std::size_t sequence_length(unsigned char c) {
    if (c < 0x80) return 1;
    if ((c >> 5) == 0x6) return 2;
    if ((c >> 4) == 0xE) return 3;
    if ((c >> 3) == 0x1E) return 4;
    return 0;
}

// The code point of a complete sequence, or -1 when it is not UTF-8: a missing continuation
// byte, an overlong form, a surrogate, or a value beyond U+10FFFF.
long decode(std::string_view s, std::size_t len) {
    auto lead = static_cast<unsigned char>(s[0]);
    unsigned long cp = len == 1   ? lead
                       : len == 2 ? (lead & 0x1F)
                       : len == 3 ? (lead & 0x0F)
                                  : (lead & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        auto c = static_cast<unsigned char>(s[k]);
        if ((c >> 6) != 0x2) return -1;
        cp = (cp << 6) | (c & 0x3F);
    }
    static const unsigned long min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return -1;
    return static_cast<long>(cp);
}

bool is_text(long cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x85) return true;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return false;
    return cp != 0xFFFE && cp != 0xFFFF;
}

std::string code_point_name(long cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04lX", cp);
    return buf;
}

}  // namespace

std::optional<TextProblem> check_text(std::string_view text, LineBreaks breaks) {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
        return TextProblem{1, 1, "the file is UTF-16; save it as UTF-8"};
    int line = 1, column = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        // Printable ASCII, most of any file, without decoding.
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F) {
            ++column;
            ++i;
            continue;
        }
        std::size_t len = sequence_length(static_cast<unsigned char>(text[i]));
        long cp = len == 0 || i + len > text.size() ? -1 : decode(text.substr(i), len);
        if (cp < 0) return TextProblem{line, column, not_utf8_message, i};
        if (!is_text(cp))
            return TextProblem{line, column,
                               "the file holds a control character (" + code_point_name(cp) +
                                   ") here; only text, tabs and line breaks belong in it",
                               i};
        bool lone_cr = cp == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n');
        bool yaml_break =
            breaks == LineBreaks::yaml && (lone_cr || cp == 0x85 || cp == 0x2028 || cp == 0x2029);
        if (cp == '\n' || (lone_cr && breaks == LineBreaks::lf_or_cr) || yaml_break) {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
    return std::nullopt;
}

}  // namespace kcity
