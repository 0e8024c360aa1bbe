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

}  // namespace kcity
