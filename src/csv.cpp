#include "kcity/csv.hpp"

namespace kcity {

CsvTable parse_csv(std::string_view text) {
    CsvTable out;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t i = 0;
    int line = 1, column = 1;
    auto advance = [&](char c) {
        ++i;
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column;  // count characters, not UTF-8 continuation bytes
        }
    };
    while (i < text.size()) {
        CsvRow row;
        row.line = line;
        bool end_of_row = false;
        while (!end_of_row) {
            CsvCell cell;
            cell.line = line;
            cell.column = column;
            if (i < text.size() && text[i] == '"') {
                cell.quoted = true;
                advance('"');
                bool closed = false;
                while (i < text.size()) {
                    char c = text[i];
                    if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                        cell.text += '"';
                        advance(c);
                        advance(c);
                    } else if (c == '"') {
                        advance(c);
                        closed = true;
                        break;
                    } else {
                        if (!(c == '\r' && i + 1 < text.size() && text[i + 1] == '\n'))
                            cell.text += c;
                        advance(c);
                    }
                }
                if (!closed)
                    out.errors.push_back(
                        {cell.line, cell.column, "a quoted field is never closed"});
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    out.errors.push_back({line, column, "text after the closing quote of a field"});
                    while (i < text.size() && text[i] != ',' && text[i] != '\n') advance(text[i]);
                }
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"')
                        out.errors.push_back({line, column,
                                              "a quote inside an unquoted field (quote the whole "
                                              "field and double the quote)"});
                    cell.text += text[i];
                    advance(text[i]);
                }
            }
            row.cells.push_back(std::move(cell));
            if (i < text.size() && text[i] == ',') {
                advance(',');
            } else {
                if (i < text.size() && text[i] == '\r') advance('\r');
                if (i < text.size() && text[i] == '\n') advance('\n');
                end_of_row = true;
            }
        }
        bool blank = row.cells.size() == 1 && row.cells[0].text.empty() && !row.cells[0].quoted;
        if (!blank) out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace kcity
