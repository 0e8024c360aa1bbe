#include "kcity/report/escape.hpp"

#include <fmt/format.h>

namespace kcity {
namespace {

template <class Append>
std::string returned(std::string_view text, Append append) {
    std::string out;
    out.reserve(text.size() + 2);
    append(out, text);
    return out;
}

constexpr char hex_digits[] = "0123456789abcdef";

bool needs_json_escape(char ch) {
    return ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20;
}

void append_json_escape(std::string& out, char ch) {
    switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {  // another control character
            const auto c = static_cast<unsigned char>(ch);
            out += "\\u00";
            out += hex_digits[c >> 4];
            out += hex_digits[c & 0xF];
        }
    }
}

}  // namespace

// Runs that need no escape (nearly all text) are appended whole.
void append_json_quote(std::string& out, std::string_view text) {
    out += '"';
    while (!text.empty()) {
        std::size_t plain = 0;
        while (plain < text.size() && !needs_json_escape(text[plain])) ++plain;
        out.append(text.data(), plain);
        if (plain == text.size()) break;
        append_json_escape(out, text[plain]);
        text.remove_prefix(plain + 1);
    }
    out += '"';
}

std::string json_quote(std::string_view text) {
    return returned(text, append_json_quote);
}

void append_markdown_cell(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '|' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '<') {
            // An applicant's `<img src=…>` or `<a href=…>` would be HTML in a pull-request
            // comment (GitHub keeps such tags): the text shows, the tag does not act.
            out += "&lt;";
        } else if (c == '\r' || c == '\n') {
            out += ' ';
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CRLF: one break
        } else {
            out += c;
        }
    }
}

std::string markdown_cell(std::string_view text) {
    return returned(text, append_markdown_cell);
}

void append_csv_text(std::string& out, std::string_view text) {
    bool formula =
        !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    bool quoted = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quoted) out += '"';
    if (formula) out += '\'';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quoted) out += '"';
}

std::string csv_text(std::string_view text) {
    return returned(text, append_csv_text);
}

void append_html(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
}

std::string html_escape(std::string_view text) {
    return returned(text, append_html);
}

std::string css_string(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (ch == '\\' || ch == '"')
            out += std::string("\\") + ch;
        else if (c < 0x20 || c == 0x7F || ch == '<' || ch == '>')
            out += fmt::format("\\{:x} ", c);
        else
            out += ch;
    }
    return out + "\"";
}

void append_plain_text(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        bool c1 = c == 0xC2 && i + 1 < text.size() &&
                  static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                  static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (c < 0x20 || c == 0x7F || c1) {
            out += ' ';
            if ((c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') || c1) ++i;
        } else {
            out += text[i];
        }
    }
}

std::string plain_text(std::string_view text) {
    return returned(text, append_plain_text);
}

MarkdownRow::MarkdownRow(std::string& out) : out_(out) {
    out_ += '|';
}

MarkdownRow& MarkdownRow::cell(std::string_view text) {
    out_ += ' ';
    append_markdown_cell(out_, text);
    out_ += " |";
    return *this;
}

MarkdownRow& MarkdownRow::markdown(std::string_view markdown) {
    out_ += ' ';
    out_ += markdown;
    out_ += " |";
    return *this;
}

void MarkdownRow::end() {
    out_ += '\n';
}

std::string markdown_rule(std::string_view spec) {
    std::string out = "|";
    for (char c : spec) out += c == 'r' ? "---:|" : "---|";
    return out + "\n";
}

CsvRow::CsvRow(std::string& out) : out_(out) {}

void CsvRow::separate() {
    if (!first_) out_ += ',';
    first_ = false;
}

CsvRow& CsvRow::text(std::string_view text) {
    separate();
    append_csv_text(out_, text);
    return *this;
}

CsvRow& CsvRow::number(std::string_view number) {
    separate();
    out_ += number;
    return *this;
}

void CsvRow::end() {
    out_ += "\r\n";
}

}  // namespace kcity
