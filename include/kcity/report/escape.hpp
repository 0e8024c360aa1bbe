// One writer per escaping (SPEC §8, last paragraph): every report embeds the inputs' text
// (titles, cities, names, ids, messages) only through these, so that no title can break a
// JSON string, a Markdown table, a CSV record or an HTML page, or run as a formula in Excel.
// Each function comes in two forms: one that returns the escaped text, and one that appends
// it to a report being written (no temporary per cell in a report of 100,000 proposals).
#pragma once
#include <string>
#include <string_view>

namespace kcity {

// JSON: a string literal, quotes included; `"` `\` and control characters escaped
// (\n \r \t by name, the others as \u00XX). Other UTF-8 is written as it is.
std::string json_quote(std::string_view text);
void append_json_quote(std::string& out, std::string_view text);

// Markdown: the text of a table cell. `|` would end the cell and is written `\|`; `\` is
// written `\\`, so that a backslash in the text cannot escape anything (a title ending in `\`
// would otherwise turn the next `|` into text); a line break (LF, CR or CRLF) would end the
// row and becomes one space; `<` is written `&lt;`, so that no tag in an applicant's text
// (`<img src=…>`) acts as HTML where the Markdown is shown (a pull-request comment). The cell
// renders as the text it holds.
std::string markdown_cell(std::string_view text);
void append_markdown_cell(std::string& out, std::string_view text);

// CSV (RFC 4180): a text cell. One that begins with `=`, `+`, `-`, `@`, a tab or a carriage
// return gets a leading `'`, so that Excel shows it instead of running it as a formula (SPEC
// §8); then it is quoted when it holds a comma, a quote or a line break, quotes doubled.
std::string csv_text(std::string_view text);
void append_csv_text(std::string& out, std::string_view text);

// HTML: text for element content and attribute values (in double or single quotes):
// & < > " ' escaped.
std::string html_escape(std::string_view text);
void append_html(std::string& out, std::string_view text);

// CSS: a quoted string for a `content` property, inside a <style> element: \ and " escaped,
// and < and control characters as hexadecimal escapes, so that no text can end the element.
std::string css_string(std::string_view text);

// Plain text (the text reports, for a terminal or a file): a control character (a tab, a line
// break, ESC, DEL, U+0080–U+009F) would break a column or drive the terminal, and becomes one
// space; CRLF becomes one space.
std::string plain_text(std::string_view text);
void append_plain_text(std::string& out, std::string_view text);

// A Markdown table row, cell by cell: `| a | b |` and a line break.
//
//   MarkdownRow(out).cell(title).cell(city).end();
class MarkdownRow {
  public:
    explicit MarkdownRow(std::string& out);
    // Text of the inputs or the catalogue, escaped.
    MarkdownRow& cell(std::string_view text);
    // Markdown made by the report itself (`code`, an arrow between two escaped values).
    MarkdownRow& markdown(std::string_view markdown);
    void end();

  private:
    std::string& out_;
};

// The line under a Markdown table's head: `|---|---:|` for left and right (`:`) columns,
// one character of `spec` per column: `l` or `r`.
std::string markdown_rule(std::string_view spec);

// A CSV record (RFC 4180), cell by cell, ended by CRLF.
//
//   CsvRow(out).text(id).number(score).end();
class CsvRow {
  public:
    explicit CsvRow(std::string& out);
    // Text: csv_text (the formula rule, quoting).
    CsvRow& text(std::string_view text);
    // A number the report wrote (a score, an amount, a rank), or empty: as it is. A negative
    // number is a number to Excel, not a formula, so the formula rule is not for these.
    CsvRow& number(std::string_view number);
    void end();

  private:
    void separate();
    std::string& out_;
    bool first_ = true;
};

}  // namespace kcity
