#include <catch2/catch.hpp>
#include <string>

#include "kcity/base/diagnostics.hpp"
#include "kcity/base/encoding.hpp"

using kcity::decode_text;
using kcity::Encoding;
using kcity::LineBreaks;

namespace {

// The UTF-8 text decoded from `bytes`, or the problem's message when there is one.
std::string decoded(const std::string& bytes, Encoding expected) {
    auto d = decode_text(bytes, LineBreaks::lf);
    if (d.problem) return "problem: " + d.problem->message;
    CHECK(d.encoding == expected);
    return std::string(d.text(bytes));
}

std::string bytes(std::initializer_list<int> list) {
    std::string s;
    for (int b : list) s += static_cast<char>(b);
    return s;
}

}  // namespace

TEST_CASE("encoding: UTF-8 with or without a byte-order mark is the bytes themselves",
          "[encoding]") {
    CHECK(decoded("id: 한글\n", Encoding::utf8) == "id: 한글\n");
    CHECK(decoded("\xEF\xBB\xBFid: 한글\n", Encoding::utf8_bom) == "id: 한글\n");
    CHECK(decoded("", Encoding::utf8).empty());
    auto d = decode_text("abc", LineBreaks::lf);
    CHECK_FALSE(d.was_converted());
    CHECK(d.converted.empty());  // nothing copied
}

TEST_CASE("encoding: UTF-16 with a byte-order mark is decoded, either byte order", "[encoding]") {
    // "id: 한\n" and U+1F600 (a surrogate pair).
    std::string le = bytes(
        {0xFF, 0xFE, 'i', 0, 'd', 0, ':', 0, ' ', 0, 0x5C, 0xD5, '\n', 0, 0x3D, 0xD8, 0x00, 0xDE});
    std::string be = bytes(
        {0xFE, 0xFF, 0, 'i', 0, 'd', 0, ':', 0, ' ', 0xD5, 0x5C, 0, '\n', 0xD8, 0x3D, 0xDE, 0x00});
    CHECK(decoded(le, Encoding::utf16le) == "id: 한\n\xF0\x9F\x98\x80");
    CHECK(decoded(be, Encoding::utf16be) == "id: 한\n\xF0\x9F\x98\x80");
    // A lone surrogate, and an odd byte at the end, at their line and column.
    auto lone =
        decode_text(bytes({0xFF, 0xFE, 'a', 0, '\n', 0, 'b', 0, 0x00, 0xDC}), LineBreaks::lf);
    REQUIRE(lone.problem);
    CHECK(lone.problem->line == 2);
    CHECK(lone.problem->column == 2);
    CHECK(lone.problem->message.find("UTF-16") != std::string::npos);
    auto odd = decode_text(bytes({0xFE, 0xFF, 0, 'a', 0}), LineBreaks::lf);
    REQUIRE(odd.problem);
    CHECK(odd.problem->column == 2);
}

TEST_CASE("encoding: CP949 when the bytes are not UTF-8 and all of them are CP949", "[encoding]") {
    // "id: 한글\n사업 중요도" in CP949 (bytes written by iconv -t CP949).
    std::string cp949 = bytes({'i',  'd',  ':',  ' ', 0xC7, 0xD1, 0xB1, 0xDB, '\n', 0xBB,
                               0xE7, 0xBE, 0xF7, ' ', 0xC1, 0xDF, 0xBF, 0xE4, 0xB5, 0xB5});
    CHECK(decoded(cp949, Encoding::cp949) == "id: 한글\n사업 중요도");
    // An extended (UHC) syllable beyond EUC-KR: 똠 is 0x8C 0x63.
    CHECK(decoded(bytes({0x8C, 0x63}), Encoding::cp949) == "똠");
    // CP949 checked for control characters like any text, at the decoded column.
    auto control = decode_text(cp949 + "\x01", LineBreaks::lf);
    REQUIRE(control.problem);
    CHECK(control.problem->line == 2);
    CHECK(control.problem->column == 7);
    CHECK(control.problem->message.find("U+0001") != std::string::npos);
}

TEST_CASE("encoding: a byte that fits neither UTF-8 nor CP949 is an error at its place",
          "[encoding]") {
    // UTF-8 stops first (at the CP949 text), CP949 later (0x80 fits no CP949 character): the
    // error is where CP949 stopped, counted in the CP949 text's characters.
    std::string later = bytes({'a', '\n', 0xC7, 0xD1, 0xB1, 0xDB, ' ', 0x80});
    auto d = decode_text(later, LineBreaks::lf);
    REQUIRE(d.problem);
    CHECK(d.problem->message.find("neither UTF-8 nor CP949") != std::string::npos);
    CHECK(d.problem->line == 2);
    CHECK(d.problem->column == 4);
    // CP949 stops first (UTF-8 한 is not CP949), UTF-8 later: the error is where UTF-8 stopped.
    auto first = decode_text("한글 x\n\xFF", LineBreaks::lf);
    REQUIRE(first.problem);
    CHECK(first.problem->line == 2);
    CHECK(first.problem->column == 1);
    // Latin-1 (Müller): neither.
    auto latin1 = decode_text("M\xFCller", LineBreaks::lf);
    REQUIRE(latin1.problem);
    CHECK(latin1.problem->column == 2);
    // After a UTF-8 byte-order mark, no second guess: CP949 bytes are an error.
    auto marked = decode_text(std::string("\xEF\xBB\xBF") + "\xC7\xD1", LineBreaks::lf);
    REQUIRE(marked.problem);
    CHECK(marked.problem->message == kcity::not_utf8_message);
}

TEST_CASE("encoding: UTF-32 and UTF-16 without a byte-order mark are named and refused",
          "[encoding]") {
    auto utf32 = decode_text(bytes({0xFF, 0xFE, 0, 0, 'a', 0, 0, 0}), LineBreaks::lf);
    REQUIRE(utf32.problem);
    CHECK(utf32.problem->message == "the file is UTF-32; save it as UTF-8");
    auto utf32be = decode_text(bytes({0, 0, 0xFE, 0xFF, 0, 0, 0, 'a'}), LineBreaks::lf);
    REQUIRE(utf32be.problem);
    CHECK(utf32be.problem->message.find("UTF-32") != std::string::npos);
    auto bare = decode_text(bytes({'i', 0, 'd', 0, ':', 0, ' ', 0, 'x', 0}), LineBreaks::lf);
    REQUIRE(bare.problem);
    CHECK(bare.problem->message.find("UTF-16 without a byte-order mark") != std::string::npos);
    CHECK(bare.problem->message.find("U+0000") == std::string::npos);
    // One NUL in text is a control character, not UTF-16.
    auto nul = decode_text(std::string("id: P1\ncity: A\0B\n", 16), LineBreaks::lf);
    REQUIRE(nul.problem);
    CHECK(nul.problem->message.find("U+0000") != std::string::npos);
}

TEST_CASE("encoding: glibc's iconv has CP949 on this system", "[encoding]") {
    // Debian's libc6 ships the UHC module; without it every CP949 file would be refused.
    CHECK(decoded(bytes({0xC7, 0xD1}), Encoding::cp949) == "한");
}

TEST_CASE("diagnostics: notes are kept apart from errors and warnings", "[encoding]") {
    kcity::Diagnostics diags;
    diags.note({"b.csv", 1, 1}, kcity::cp949_note);
    diags.note({"a.yaml", 1, 1}, kcity::cp949_note);
    diags.note({"a.yaml", 1, 1}, kcity::cp949_note);  // a file parsed twice says it once
    diags.warning({"c.csv", 1, 1}, "w");
    CHECK_FALSE(diags.has_errors());
    CHECK(diags.sorted().size() == 1);  // check's list of problems: the warning only
    auto notes = diags.notes();
    REQUIRE(notes.size() == 2);
    CHECK(kcity::format_diagnostic(notes[0]) ==
          std::string("a.yaml:1:1: note: ") + kcity::cp949_note);
    kcity::Diagnostics all;
    all.append(diags);
    CHECK(all.notes().size() == 2);
    kcity::Diagnostics none;
    none.note({}, "ignored 1 input");
    CHECK(kcity::format_diagnostic(none.notes()[0]) == "kcity: note: ignored 1 input");
}
