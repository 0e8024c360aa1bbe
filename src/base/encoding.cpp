#include "kcity/base/encoding.hpp"

#include <iconv.h>

#include <algorithm>

namespace kcity {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// The line and column just after a UTF-8 text (or a prefix of one), counted as check_text
// counts them: characters, and the line breaks of `breaks`.
TextProblem place_after(std::string_view text, LineBreaks breaks) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) == 0x80) continue;  // a continuation byte: the same character
        bool lone_cr = c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n');
        std::string_view rest = text.substr(i);
        bool yaml_break = breaks == LineBreaks::yaml &&
                          (lone_cr || rest.starts_with("\xC2\x85") ||
                           rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9"));
        if (c == '\n' || (lone_cr && breaks == LineBreaks::lf_or_cr) || yaml_break) {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column, {}};
}

TextProblem problem_after(std::string_view decoded, LineBreaks breaks, std::string message) {
    TextProblem p = place_after(decoded, breaks);
    p.message = std::move(message);
    return p;
}

// UTF-16 after its byte-order mark, by hand: a few lines, and no conversion library's idea of
// what to do with an unpaired surrogate.
DecodedText from_utf16(std::string_view units, bool little_endian, LineBreaks breaks) {
    DecodedText out;
    out.encoding = little_endian ? Encoding::utf16le : Encoding::utf16be;
    out.converted.reserve(units.size() / 2 * 3);
    auto unit = [&](std::size_t i) -> unsigned long {
        auto a = static_cast<unsigned char>(units[i]), b = static_cast<unsigned char>(units[i + 1]);
        return little_endian ? (b << 8 | a) : (a << 8 | b);
    };
    std::size_t i = 0;
    for (; i + 1 < units.size(); i += 2) {
        unsigned long u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < units.size()) {
            unsigned long low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(out.converted, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            out.problem = problem_after(out.converted, breaks,
                                        "the file is not valid UTF-16 here (a lone surrogate); "
                                        "save it as UTF-8");
            return out;
        }
        append_utf8(out.converted, u);
    }
    if (i < units.size())
        out.problem = problem_after(out.converted, breaks,
                                    "the file ends in the middle of a UTF-16 character; save it "
                                    "as UTF-8");
    return out;
}

// Text without a byte-order mark in which zeros are a quarter of the bytes or more: UTF-16
// (or UTF-32) that lost its mark. Read as UTF-8 it would be "a control character (U+0000)".
bool looks_like_utf16(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 4096);
    auto zeros = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\0'));
    return head.size() >= 2 && zeros >= 2 && zeros * 4 >= head.size();
}

// Closes an iconv descriptor on every path.
struct Iconv {
    iconv_t cd;
    ~Iconv() {
        if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
    }
};

// CP949 through glibc's iconv (its UHC module): the whole text, or how far it got (`stop`, a
// byte offset, with the converted text up to there).
struct Cp949 {
    bool complete = false;
    bool available = true;
    std::size_t stop = 0;
    std::string text;
};

Cp949 from_cp949(std::string_view bytes) {
    Cp949 out;
    Iconv conv{iconv_open("UTF-8", "CP949")};
    if (conv.cd == reinterpret_cast<iconv_t>(-1)) {
        out.available = false;
        return out;
    }
    // A CP949 character is one or two bytes; in UTF-8 it is at most three.
    out.text.resize(bytes.size() * 2 + 4);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char* to = out.text.data();
    std::size_t to_left = out.text.size();
    std::size_t done = iconv(conv.cd, &in, &in_left, &to, &to_left);
    out.text.resize(out.text.size() - to_left);
    out.stop = bytes.size() - in_left;
    out.complete = done != static_cast<std::size_t>(-1) && in_left == 0;
    return out;
}

// Not UTF-8 at `utf8`: CP949 if all of it is, else an error at the first byte that fits
// neither (the further of the two places where each reading stops).
DecodedText from_cp949_or_error(std::string_view bytes, const TextProblem& utf8,
                                LineBreaks breaks) {
    DecodedText out;
    Cp949 cp = from_cp949(bytes);
    if (cp.complete) {
        out.encoding = Encoding::cp949;
        out.converted = std::move(cp.text);
        out.problem = check_text(out.converted, breaks);
        return out;
    }
    const char* neither =
        "the file is neither UTF-8 nor CP949 (Korean Windows) here; save it as UTF-8";
    if (cp.available && cp.stop > utf8.offset) {
        out.problem = problem_after(cp.text, breaks, neither);
        out.problem->offset = cp.stop;
    } else {
        out.problem = utf8;
        out.problem->message = cp.available ? neither
                                            : std::string(not_utf8_message) +
                                                  " (CP949 cannot be read: the system's iconv "
                                                  "has no CP949); save it as UTF-8";
    }
    return out;
}

}  // namespace

const char* encoding_name(Encoding e) {
    switch (e) {
        case Encoding::utf8:
            return "UTF-8";
        case Encoding::utf8_bom:
            return "UTF-8 with a byte-order mark";
        case Encoding::utf16le:
            return "UTF-16LE";
        case Encoding::utf16be:
            return "UTF-16BE";
        case Encoding::cp949:
            return "CP949";
    }
    return "UTF-8";
}

std::string_view DecodedText::text(std::string_view bytes) const {
    if (was_converted()) return converted;
    if (encoding == Encoding::utf8_bom) bytes.remove_prefix(utf8_bom.size());
    return bytes;
}

DecodedText decode_text(std::string_view bytes, LineBreaks breaks) {
    DecodedText out;
    if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4)) ||
        bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
        out.problem = TextProblem{1, 1, "the file is UTF-32; save it as UTF-8"};
        return out;
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        out = from_utf16(bytes.substr(2), bytes[0] == '\xFF', breaks);
        if (!out.problem) out.problem = check_text(out.converted, breaks);
        return out;
    }
    if (bytes.starts_with(utf8_bom)) {
        // The mark says UTF-8: no second guess.
        out.encoding = Encoding::utf8_bom;
        out.problem = check_text(bytes.substr(utf8_bom.size()), breaks);
        return out;
    }
    if (looks_like_utf16(bytes)) {
        out.problem = TextProblem{1, 1,
                                  "the file looks like UTF-16 without a byte-order mark (every "
                                  "other byte is 0); save it as UTF-8"};
        return out;
    }
    out.problem = check_text(bytes, breaks);
    if (out.problem && out.problem->message == not_utf8_message)
        return from_cp949_or_error(bytes, *out.problem, breaks);
    return out;
}

}  // namespace kcity
