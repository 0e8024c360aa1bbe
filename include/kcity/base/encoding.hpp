// The one place where a text file's bytes become UTF-8 text (SPEC §2): UTF-8 with or without
// a byte-order mark, UTF-16 with one, or CP949 (Korean Windows) when the bytes are not UTF-8
// but are CP949 throughout. Every text input (rules, proposals, history, CSV sheets) goes
// through decode_text before a parser sees it; the file's sha256 stays that of its bytes.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "kcity/base/utf8.hpp"

namespace kcity {

enum class Encoding { utf8, utf8_bom, utf16le, utf16be, cp949 };

// "UTF-8", "UTF-16LE", "CP949", ... as named in messages.
const char* encoding_name(Encoding e);

struct DecodedText {
    Encoding encoding = Encoding::utf8;
    // The text as UTF-8 when it had to be converted (UTF-16, CP949); empty otherwise, when the
    // text is the bytes themselves after a UTF-8 byte-order mark (see text()).
    std::string converted;
    // Why the bytes are not text: an unknown encoding, a byte that fits neither UTF-8 nor
    // CP949, a control character. Its line and column count characters of the decoded text.
    std::optional<TextProblem> problem;

    bool was_converted() const {
        return encoding == Encoding::utf16le || encoding == Encoding::utf16be ||
               encoding == Encoding::cp949;
    }
    // The UTF-8 text of `bytes` (the same bytes decode_text was given), without a BOM.
    std::string_view text(std::string_view bytes) const;
};

// Decodes a file's bytes; `breaks` says how positions count lines (utf8.hpp).
DecodedText decode_text(std::string_view bytes, LineBreaks breaks);

// The note that names a file read as CP949, for the file's first line (SPEC §2).
inline constexpr const char* cp949_note =
    "the file is not UTF-8; it was read as CP949 (Korean Windows), which decodes all of it "
    "(save it as UTF-8 to silence this note)";

}  // namespace kcity
