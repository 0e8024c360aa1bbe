// Checks that a file is text before a parser sees it. The YAML parser and the CSV reader would
// take any bytes: invalid UTF-8 (a sheet saved as CP949 by a Korean spreadsheet, a UTF-16 file)
// or control characters would turn into mojibake in ids and names, or into parser errors
// that quote raw bytes. Both are refused here, at their line and column.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kcity {

struct TextProblem {
    int line = 0, column = 0;  // 1-based; columns count characters
    std::string message;
    std::size_t offset = 0;  // the byte where it is, in the text checked
};

enum class LineBreaks {
    lf,        // YAML as yaml-cpp counts lines: LF (and so CRLF); a lone CR, NEL, U+2028 and
               // U+2029 are characters within a line
    yaml,      // YAML as libyaml counts lines: LF, CRLF, a lone CR, NEL, U+2028 and U+2029
    lf_or_cr,  // CSV: LF, CRLF, or a lone CR (old Mac spreadsheets) ends a line
};

// check_text's message for bytes that are not UTF-8.
inline constexpr const char* not_utf8_message = "the file is not valid UTF-8 here";

// The first place where `text` is not UTF-8, or holds a character that is not text: a C0
// control other than tab, line feed and carriage return, DEL, a C1 control other than NEL,
// U+FFFE or U+FFFF (what YAML 1.2 excludes from a character stream). nullopt when clean.
// A leading byte-order mark must already be removed.
std::optional<TextProblem> check_text(std::string_view text, LineBreaks breaks);

// The first character of a value (a YAML scalar, after its escapes) that must not reach a
// terminal or a spreadsheet: any C0 control (a line break and a tab too: every value kcity
// reads is one line of a report), DEL, a C1 control, a line or paragraph separator, and the
// bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
// U+202A-U+202E, U+2066-U+2069), which can reorder or hide what a report shows.
struct ValueProblem {
    std::size_t character = 0;  // 1-based, in characters of the value
    std::string message;        // "a control character U+001B (escape)"
};
std::optional<ValueProblem> check_value_text(std::string_view value);

// Whether the text is blank to a reader: empty, or only spaces, tabs, line breaks, Unicode
// spaces (U+00A0, U+2000-U+200A, U+3000, ...) and zero-width characters (U+200B-U+200D,
// U+2060, U+FEFF).
bool is_blank_text(std::string_view text);

// Appends the code point (at most U+10FFFF, not a surrogate) to `out` as UTF-8.
void append_utf8(std::string& out, unsigned long cp);

}  // namespace kcity
