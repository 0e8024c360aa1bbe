#include "kcity/load/csv.hpp"

#include <algorithm>

namespace kcity {
namespace {

// Walks the text keeping the line and column (in characters) of the next byte. A line ends
// at LF, CRLF, or a lone CR: spreadsheets on old Macs still write CR alone.
class Cursor {
  public:
    explicit Cursor(std::string_view text) : text_(text) {}

    bool done() const { return i_ >= text_.size(); }
    char peek(std::size_t ahead = 0) const {
        return i_ + ahead < text_.size() ? text_[i_ + ahead] : '\0';
    }
    bool at_line_end() const { return !done() && (peek() == '\n' || peek() == '\r'); }
    int line() const { return line_; }
    int column() const { return column_; }

    void advance() {
        char c = text_[i_++];
        bool lone_cr = c == '\r' && peek() != '\n';
        if (c == '\n' || lone_cr) {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column_;  // count characters, not UTF-8 continuation bytes
        }
    }
    // Past one line end (LF, CRLF or CR).
    void skip_line_end() {
        if (peek() == '\r') advance();
        if (peek() == '\n') advance();
    }

  private:
    std::string_view text_;
    std::size_t i_ = 0;
    int line_ = 1, column_ = 1;
};

class Parser {
  public:
    Parser(std::string_view text, char delimiter, std::size_t max_cells = max_csv_cells)
        : in_(text), delimiter_(delimiter), max_cells_(max_cells) {}

    // `max_rows`: stop after that many rows (the delimiter's detection looks at the first ones).
    CsvTable run(std::size_t max_rows = static_cast<std::size_t>(-1)) {
        while (!in_.done() && out_.rows.size() < max_rows && !too_many_) {
            CsvRow row = read_row();
            bool blank = row.cells.size() == 1 && row.cells[0].text.empty() &&
                         !row.cells[0].quoted && !row.bad;
            if (!blank) out_.rows.push_back(std::move(row));
        }
        return std::move(out_);
    }

  private:
    void error(CsvRow& row, int line, int column, std::string message) {
        out_.errors.push_back({line, column, std::move(message)});
        row.bad = true;
    }

    CsvRow read_row() {
        CsvRow row;
        row.line = in_.line();
        for (;;) {
            CsvCell cell;
            cell.line = in_.line();
            cell.column = in_.column();
            if (++cells_ > max_cells_) {
                too_many_ = true;
                error(row, cell.line, cell.column,
                      "more than " + std::to_string(max_cells_) +
                          " cells in this score sheet: kcity reads at most that many in one "
                          "sheet, to stay within its memory; the rest of the file is not read");
                return row;
            }
            if (in_.peek() == '"' && !in_.done())
                read_quoted(row, cell);
            else
                read_plain(row, cell);
            row.cells.push_back(std::move(cell));
            if (in_.done() || in_.at_line_end()) break;
            in_.advance();  // the delimiter
        }
        in_.skip_line_end();
        return row;
    }

    void read_plain(CsvRow& row, CsvCell& cell) {
        while (!in_.done() && in_.peek() != delimiter_ && !in_.at_line_end()) {
            if (in_.peek() == '"')
                error(row, in_.line(), in_.column(),
                      "a quote inside an unquoted field (quote the whole field and double the "
                      "quote)");
            cell.text += in_.peek();
            in_.advance();
        }
    }

    void read_quoted(CsvRow& row, CsvCell& cell) {
        cell.quoted = true;
        in_.advance();
        for (;;) {
            if (in_.done()) {
                error(row, cell.line, cell.column, "a quoted field is never closed");
                return;
            }
            char c = in_.peek();
            if (c == '"' && in_.peek(1) == '"') {
                cell.text += '"';
                in_.advance();
                in_.advance();
            } else if (c == '"') {
                in_.advance();
                break;
            } else {
                // A line break inside a field is kept as LF, however the file ends its lines.
                if (c == '\r') {
                    cell.text += '\n';
                    if (in_.peek(1) == '\n') in_.advance();
                } else {
                    cell.text += c;
                }
                in_.advance();
            }
        }
        if (!in_.done() && in_.peek() != delimiter_ && !in_.at_line_end()) {
            error(row, in_.line(), in_.column(), "text after the closing quote of a field");
            while (!in_.done() && in_.peek() != delimiter_ && !in_.at_line_end()) in_.advance();
        }
    }

    Cursor in_;
    char delimiter_;
    CsvTable out_;
    std::size_t max_cells_;
    std::size_t cells_ = 0;  // read so far, against max_cells_
    bool too_many_ = false;
};

std::string_view without_bom(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return text;
}

// Title rows above the header are few; a header further down is not looked for.
constexpr std::size_t rows_searched_for_header = 100;

// The first row among the first ones that `is_header` accepts, read with `delimiter`.
const CsvRow* header_row(const CsvTable& table, const HeaderTest& is_header) {
    for (const auto& row : table.rows) {
        if (row.bad) continue;
        std::vector<std::string> cells;
        for (const auto& c : row.cells) cells.push_back(c.text);
        if (is_header(cells)) return &row;
    }
    return nullptr;
}

}  // namespace

CsvTable parse_csv(std::string_view text, char delimiter, std::size_t max_cells) {
    return Parser(without_bom(text), delimiter, max_cells).run();
}

char detect_delimiter(std::string_view text, const HeaderTest& is_header) {
    text = without_bom(text);
    if (header_row(Parser(text, ',').run(rows_searched_for_header), is_header)) return ',';
    for (char d : {';', '\t'}) {
        CsvTable table = Parser(text, d).run(rows_searched_for_header);
        const CsvRow* row = header_row(table, is_header);
        bool comma = row && std::any_of(row->cells.begin(), row->cells.end(), [](const CsvCell& c) {
                         return c.text.find(',') != std::string::npos;
                     });
        if (row && !comma) return d;
    }
    return ',';
}

}  // namespace kcity
