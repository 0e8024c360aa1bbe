// The one writer per escaping (escape.hpp), pinned with exact strings.
#include <catch2/catch.hpp>
#include <string>

#include "kcity/report/escape.hpp"

using namespace std::string_literals;

TEST_CASE("json_quote: quotes, backslashes and control characters are escaped") {
    CHECK(kcity::json_quote("") == R"("")");
    CHECK(kcity::json_quote("plain 한글") == R"("plain 한글")");
    CHECK(kcity::json_quote(R"(say "hi" \ bye)") == R"("say \"hi\" \\ bye")");
    CHECK(kcity::json_quote("a\nb\rc\td") == R"("a\nb\rc\td")");
    CHECK(kcity::json_quote("\x01\x1b\x1f"s) == R"("\u0001\u001b\u001f")");
    CHECK(kcity::json_quote("\0x"s) == R"("\u0000x")");
    CHECK(kcity::json_quote("\x7f/") == "\"\x7f/\"");  // DEL and / need no escape
    std::string out = "[";
    kcity::append_json_quote(out, "a\"b");
    CHECK(out == R"(["a\"b")");
}

TEST_CASE("markdown_cell: | and backslash escaped, < as an HTML entity, line breaks as one space") {
    CHECK(kcity::markdown_cell("") == "");
    CHECK(kcity::markdown_cell("a | b") == R"(a \| b)");
    CHECK(kcity::markdown_cell("||") == R"(\|\|)");
    // A backslash is escaped too: else `back\` + `|` would read as an escaped pipe...
    CHECK(kcity::markdown_cell(R"(back\)") == R"(back\\)");
    // ... and `\|` in the text would end the cell.
    CHECK(kcity::markdown_cell(R"(a\|b)") == R"(a\\\|b)");
    CHECK(kcity::markdown_cell("one\ntwo\r\nthree\rfour") == "one two three four");
    CHECK(kcity::markdown_cell("\n\n") == "  ");
    CHECK(kcity::markdown_cell("*not* touched `code`") == "*not* touched `code`");
    // No HTML from an applicant's text acts in a pull-request comment.
    CHECK(kcity::markdown_cell("<img src=x> a<b") == "&lt;img src=x> a&lt;b");
}

TEST_CASE("csv_text: SPEC §8's formula rule, then RFC 4180 quoting") {
    CHECK(kcity::csv_text("") == "");
    CHECK(kcity::csv_text("plain") == "plain");
    CHECK(kcity::csv_text("a,b") == R"("a,b")");
    CHECK(kcity::csv_text(R"(say "hi")") == R"("say ""hi""")");
    CHECK(kcity::csv_text("two\nlines") == "\"two\nlines\"");
    // A cell that begins with = + - @ tab or CR gets a leading '.
    CHECK(kcity::csv_text("=1+2") == "'=1+2");
    CHECK(kcity::csv_text("+82 2") == "'+82 2");
    CHECK(kcity::csv_text("-minus") == "'-minus");
    CHECK(kcity::csv_text("@SUM(A1)") == "'@SUM(A1)");
    CHECK(kcity::csv_text("\tTab") == "'\tTab");
    CHECK(kcity::csv_text("\rCR") == "\"'\rCR\"");  // the ' inside the quotes
    CHECK(kcity::csv_text(R"(=HYPERLINK("u","x"))") == R"c("'=HYPERLINK(""u"",""x"")")c");
    CHECK(kcity::csv_text("-1, minus") == R"("'-1, minus")");
    // Only at the start.
    CHECK(kcity::csv_text("a=b-c") == "a=b-c");
    CHECK(kcity::csv_text(" =1") == " =1");
    CHECK(kcity::csv_text("'quoted") == "'quoted");
}

TEST_CASE("html_escape: markup and both quotes") {
    CHECK(kcity::html_escape("") == "");
    CHECK(kcity::html_escape(R"(<a href="x">O'Brien & co</a>)") ==
          "&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt;");
    CHECK(kcity::html_escape("&amp;") == "&amp;amp;");  // escaped once more: text, not markup
    CHECK(kcity::html_escape("한글 | \\ =") == "한글 | \\ =");
}

TEST_CASE("MarkdownRow and markdown_rule: one table row") {
    std::string out;
    kcity::MarkdownRow(out).cell("1").cell("a|b").cell("").markdown("`x`").end();
    CHECK(out == "| 1 | a\\|b |  | `x` |\n");
    out.clear();
    kcity::MarkdownRow(out).end();
    CHECK(out == "|\n");
    CHECK(kcity::markdown_rule("lrl") == "|---|---:|---|\n");
    CHECK(kcity::markdown_rule("") == "|\n");
}

TEST_CASE("CsvRow: text cells escaped, numbers as they are, CRLF") {
    std::string out;
    kcity::CsvRow(out).text("=x").number("-1.50").number("").text("a,b").end();
    CHECK(out == "'=x,-1.50,,\"a,b\"\r\n");
    out.clear();
    kcity::CsvRow(out).text("").end();
    CHECK(out == "\r\n");
}

TEST_CASE("plain_text: control characters become one space each") {
    CHECK(kcity::plain_text("") == "");
    CHECK(kcity::plain_text("plain 한글 | \\ =") == "plain 한글 | \\ =");
    CHECK(kcity::plain_text("a\tb\nc\r\nd\re") == "a b c d e");
    CHECK(kcity::plain_text("\x1b[31mred\x1b[0m\x7f") == " [31mred [0m ");
    CHECK(kcity::plain_text("x\xc2\x9b"
                            "1y") == "x 1y");                            // U+009B, the 8-bit CSI
    CHECK(kcity::plain_text("\xc2\xa0\xc3\xa9") == "\xc2\xa0\xc3\xa9");  // U+00A0, é stay
}

TEST_CASE("css_string: quotes and backslashes escaped, nothing can end the <style> element") {
    CHECK(kcity::css_string("") == R"("")");
    CHECK(kcity::css_string("위원회 · 2023-05-30") == R"("위원회 · 2023-05-30")");
    CHECK(kcity::css_string(R"(say "hi" \ bye)") == R"("say \"hi\" \\ bye")");
    CHECK(kcity::css_string("</style><script>") == R"("\3c /style\3e \3c script\3e ")");
    CHECK(kcity::css_string("a\nb\x7f"s) == R"("a\a b\7f ")");
}
