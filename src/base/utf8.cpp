#include "kcity/base/utf8.hpp"

#include <algorithm>
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
    char buf[24];  // room for any long, which the compiler cannot rule out
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

namespace {

bool is_bidi_control(long cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

std::string control_name(long cp) {
    switch (cp) {
        case '\n':
            return "a line break (U+000A)";
        case '\r':
            return "a carriage return (U+000D)";
        case '\t':
            return "a tab (U+0009)";
        case 0x1B:
            return "an escape character (U+001B)";
        case 0x85:
            return "a line break (U+0085)";
        case 0x2028:
            return "a line separator (U+2028)";
        case 0x2029:
            return "a paragraph separator (U+2029)";
        default:
            return "a control character (" + code_point_name(cp) + ")";
    }
}

// Each code point of valid UTF-8 text (values come from a parser that checked the file).
template <typename F>
void for_each_code_point(std::string_view text, F&& f) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = sequence_length(static_cast<unsigned char>(text[i]));
        if (len == 0 || i + len > text.size()) len = 1;
        long cp = decode(text.substr(i), len);
        if (!f(cp)) return;
        i += len;
    }
}

bool is_invisible_space(long cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF ||
           cp == 0x3164 || cp == 0x115F || cp == 0x1160;
}

}  // namespace

std::optional<ValueProblem> check_value_text(std::string_view value) {
    // Printable ASCII, most values, without decoding.
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c < 0x7F; }))
        return std::nullopt;
    std::optional<ValueProblem> problem;
    std::size_t character = 0;
    for_each_code_point(value, [&](long cp) {
        ++character;
        bool control = cp >= 0 && (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
                                   cp == 0x2028 || cp == 0x2029);
        if (control) {
            problem = ValueProblem{character, control_name(cp)};
        } else if (is_bidi_control(cp)) {
            problem =
                ValueProblem{character, "a bidirectional control (" + code_point_name(cp) + ")"};
        }
        return !problem;
    });
    return problem;
}

bool is_blank_text(std::string_view text) {
    bool blank = true;
    for_each_code_point(text, [&](long cp) {
        blank = is_invisible_space(cp);
        return blank;
    });
    return blank;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace kcity
