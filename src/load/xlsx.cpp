// Excel workbooks (.xlsx): a zip archive (libzip, read from memory) of XML parts (expat, fed
// in pieces as they are decompressed, so that no part is ever held whole). The parts read:
// _rels/.rels -> the workbook part (xl/workbook.xml) -> its relationships -> the shared strings
// and each worksheet, in the order of the workbook's <sheets>. Element names are matched by
// their local name, so that transitional and strict OOXML, prefixed or not, read alike.
#include "kcity/load/xlsx.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "kcity/base/utf8.hpp"

namespace kcity {
namespace {

constexpr int max_rows = 1048576;  // Excel's own limits: row 1048576, column XFD
constexpr int max_columns = 16384;
constexpr std::size_t max_cell_errors = 100;

std::string_view local_name(const char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string_view attribute(const char** attrs, std::string_view local) {
    for (int i = 0; attrs[i]; i += 2)
        if (local_name(attrs[i]) == local) return attrs[i + 1];
    return {};
}

bool has_attribute(const char** attrs, std::string_view local) {
    for (int i = 0; attrs[i]; i += 2)
        if (local_name(attrs[i]) == local) return true;
    return false;
}

// ---- XML: expat, fed in pieces ------------------------------------------------------------

class XmlHandler {
  public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view name, const char** attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
};

class XmlStream {
  public:
    explicit XmlStream(XmlHandler& handler)
        : handler_(handler), parser_(XML_ParserCreate(nullptr)) {
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, on_start, on_end);
        XML_SetCharacterDataHandler(parser_, on_text);
        // A DOCTYPE has no place in a workbook: refusing it refuses every entity trick at once.
        XML_SetStartDoctypeDeclHandler(parser_, on_doctype);
        XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
    }
    ~XmlStream() { XML_ParserFree(parser_); }
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // False once the XML is found broken; error() then says why.
    bool feed(const char* data, std::size_t size, bool last) {
        if (!error_.empty()) return false;
        if (XML_Parse(parser_, data, static_cast<int>(size), last ? XML_TRUE : XML_FALSE) ==
            XML_STATUS_OK)
            return true;
        if (error_.empty())
            error_ = "not well-formed XML at line " +
                     std::to_string(XML_GetCurrentLineNumber(parser_)) + ", column " +
                     std::to_string(XML_GetCurrentColumnNumber(parser_) + 1) + ": " +
                     XML_ErrorString(XML_GetErrorCode(parser_));
        return false;
    }
    const std::string& error() const { return error_; }

  private:
    static void on_start(void* self, const char* name, const char** attrs) {
        static_cast<XmlStream*>(self)->handler_.start(local_name(name), attrs);
    }
    static void on_end(void* self, const char* name) {
        static_cast<XmlStream*>(self)->handler_.end(local_name(name));
    }
    static void on_text(void* self, const char* s, int len) {
        static_cast<XmlStream*>(self)->handler_.text({s, static_cast<std::size_t>(len)});
    }
    static void on_doctype(void* self, const char*, const char*, const char*, int) {
        auto* me = static_cast<XmlStream*>(self);
        me->error_ = "a DOCTYPE declaration, which a workbook never has";
        XML_StopParser(me->parser_, XML_FALSE);
    }

    XmlHandler& handler_;
    XML_Parser parser_;
    std::string error_;
};

// ---- Text of the parts ----------------------------------------------------------------------

// The UTF-16 code unit of `_xHHHH_` at s[i], if there is one.
std::optional<unsigned> escaped_unit(std::string_view s, std::size_t i) {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return std::nullopt;
    unsigned v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        char c = s[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0) return std::nullopt;
        v = v * 16 + static_cast<unsigned>(d);
    }
    return v;
}

// OOXML strings escape the characters XML cannot hold as `_xHHHH_` (Excel writes a line break
// typed with Alt+Enter as `_x000D_` beside the LF, and an underscore before `x` as `_x005F_`).
std::string decode_xstring(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        auto unit = escaped_unit(s, i);
        if (!unit || (*unit >= 0xDC00 && *unit <= 0xDFFF)) {
            out += s[i++];
            continue;
        }
        if (*unit >= 0xD800 && *unit <= 0xDBFF) {
            auto low = escaped_unit(s, i + 7);
            if (!low || *low < 0xDC00 || *low > 0xDFFF) {
                out += s[i++];
                continue;
            }
            append_utf8(out, 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00));
            i += 14;
            continue;
        }
        append_utf8(out, *unit);
        i += 7;
    }
    return out;
}

// "D7" -> row 7, column 4. False unless it is a cell of an Excel worksheet.
bool parse_cell_ref(std::string_view ref, int& row, int& column) {
    std::size_t i = 0;
    int col = 0;
    while (i < ref.size() && i < 4) {
        char c = ref[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        col = col * 26 + (c - 'A' + 1);
        ++i;
    }
    if (i == 0 || col > max_columns) return false;
    if (i == ref.size() || ref.size() - i > 7 || ref[i] == '0') return false;
    long r = 0;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9') return false;
        r = r * 10 + (ref[i] - '0');
    }
    if (r < 1 || r > max_rows) return false;
    row = static_cast<int>(r);
    column = col;
    return true;
}

bool parse_row_number(std::string_view s, int& row) {
    if (s.empty() || s.size() > 7 || s[0] == '0') return false;
    long r = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        r = r * 10 + (c - '0');
    }
    if (r > max_rows) return false;
    row = static_cast<int>(r);
    return true;
}

// A shared string's index: digits, 0-based.
std::optional<std::size_t> parse_index(std::string_view s) {
    if (s.empty() || s.size() > 12) return std::nullopt;
    std::size_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<std::size_t>(c - '0');
    }
    return v;
}

// ---- The parts --------------------------------------------------------------------------

struct Relationship {
    std::string type, target;
    bool external = false;
};

class RelsHandler : public XmlHandler {
  public:
    std::map<std::string, Relationship> by_id;
    void start(std::string_view name, const char** attrs) override {
        if (name != "Relationship") return;
        by_id[std::string(attribute(attrs, "Id"))] = Relationship{
            std::string(attribute(attrs, "Type")), std::string(attribute(attrs, "Target")),
            attribute(attrs, "TargetMode") == "External"};
    }
    void end(std::string_view) override {}
};

struct SheetEntry {
    std::string name, rel_id;
};

class WorkbookHandler : public XmlHandler {
  public:
    std::vector<SheetEntry> sheets;
    bool is_workbook = false;
    void start(std::string_view name, const char** attrs) override {
        if (depth_++ == 0) is_workbook = name == "workbook";
        if (name == "sheet")
            sheets.push_back(
                {std::string(attribute(attrs, "name")), std::string(attribute(attrs, "id"))});
    }
    void end(std::string_view) override { --depth_; }

  private:
    int depth_ = 0;
};

// <si> holds a <t>, or runs <r><t> of rich text; the <t> of a phonetic run <rPh> (the reading
// of East Asian text) is not part of the value.
class SharedStringsHandler : public XmlHandler {
  public:
    std::vector<std::string> strings;
    void start(std::string_view name, const char**) override {
        if (name == "si") {
            in_si_ = true;
            current_.clear();
        } else if (name == "rPh") {
            ++phonetic_;
        } else if (name == "t" && in_si_ && phonetic_ == 0) {
            in_t_ = true;
        }
    }
    void end(std::string_view name) override {
        if (name == "si") {
            strings.push_back(decode_xstring(current_));
            in_si_ = false;
        } else if (name == "rPh") {
            --phonetic_;
        } else if (name == "t") {
            in_t_ = false;
        }
    }
    void text(std::string_view s) override {
        if (in_t_) current_ += s;
    }

  private:
    bool in_si_ = false, in_t_ = false;
    int phonetic_ = 0;
    std::string current_;
};

struct PlacedCell {
    int row = 0, column = 0;
    std::string text;
};

// The cells of a worksheet's <sheetData>, as they come: <row r="7"><c r="D7" t="s"><v>3</v></c>.
class WorksheetHandler : public XmlHandler {
  public:
    WorksheetHandler(const std::vector<std::string>& shared, std::vector<PlacedCell>& cells,
                     std::vector<CsvError>& errors)
        : shared_(shared), cells_(cells), errors_(errors) {}

    bool too_many = false;

    void start(std::string_view name, const char** attrs) override {
        if (name == "row")
            start_row(attrs);
        else if (name == "c")
            start_cell(attrs);
        else if (!in_cell_)
            return;
        else if (name == "v")
            in_v_ = true;
        else if (name == "f")
            has_formula_ = true;
        else if (name == "is")
            in_inline_ = true;
        else if (name == "rPh")
            ++phonetic_;
        else if (name == "t" && in_inline_ && phonetic_ == 0)
            in_t_ = true;
    }

    void end(std::string_view name) override {
        if (name == "c" && in_cell_)
            end_cell();
        else if (name == "v")
            in_v_ = false;
        else if (name == "is")
            in_inline_ = false;
        else if (name == "rPh")
            --phonetic_;
        else if (name == "t")
            in_t_ = false;
    }

    void text(std::string_view s) override {
        if (in_v_)
            value_ += s;
        else if (in_t_)
            inline_ += s;
    }

  private:
    // The first errors of a worksheet: a broken writer repeats its mistake in every cell, and a
    // million messages would help no one.
    void error(std::string message) {
        if (errors_.size() < max_cell_errors)
            errors_.push_back({row_, column_, std::move(message)});
        else if (errors_.size() == max_cell_errors)
            errors_.push_back({row_, column_,
                               "more errors in this worksheet's cells: the first " +
                                   std::to_string(max_cell_errors) + " are reported"});
    }

    void start_row(const char** attrs) {
        int r = row_ + 1;
        if (has_attribute(attrs, "r") && !parse_row_number(attribute(attrs, "r"), r)) {
            row_ = std::min(row_ + 1, max_rows);
            column_ = 1;
            error("a row numbered `" + std::string(attribute(attrs, "r")) +
                  "`, which is not a row of a worksheet (1 to 1048576)");
        }
        row_ = std::min(r, max_rows);
        column_ = 0;
    }

    void start_cell(const char** attrs) {
        in_cell_ = true;
        has_formula_ = in_v_ = in_inline_ = in_t_ = false;
        phonetic_ = 0;
        value_.clear();
        inline_.clear();
        type_ = attribute(attrs, "t");
        if (row_ == 0) row_ = 1;  // a cell outside any <row>
        if (!has_attribute(attrs, "r")) {
            column_ = std::min(column_ + 1, max_columns);
            ref_ok_ = true;
            return;
        }
        int r = 0, c = 0;
        ref_ok_ = parse_cell_ref(attribute(attrs, "r"), r, c);
        if (!ref_ok_) {
            column_ = std::min(column_ + 1, max_columns);
            error("a cell named `" + std::string(attribute(attrs, "r")) +
                  "`, which is not a cell of a worksheet (A1 to XFD1048576)");
            return;
        }
        row_ = r;
        column_ = c;
    }

    // The cell's text as Excel shows it; nullopt after an error.
    std::optional<std::string> cell_text() {
        if (type_ == "inlineStr") return decode_xstring(inline_);
        if (has_formula_ && value_.empty()) {
            error(
                "the formula in this cell has no saved value: open the workbook in Excel and "
                "save it again");
            return std::nullopt;
        }
        if (value_.empty()) return std::string();  // an empty cell that has a type or a style
        if (type_.empty() || type_ == "n") return excel_number_text(value_);
        if (type_ == "s") {
            auto index = parse_index(value_);
            if (!index || *index >= shared_.size()) {
                error("the cell refers to shared string `" + value_ + "`, which the workbook " +
                      "does not have");
                return std::nullopt;
            }
            return shared_[*index];
        }
        if (type_ == "b") {
            if (value_ == "1") return std::string("TRUE");
            if (value_ == "0") return std::string("FALSE");
            error("a boolean cell holding `" + value_ + "`");
            return std::nullopt;
        }
        if (type_ == "str") return decode_xstring(value_);
        if (type_ == "e" || type_ == "d") return value_;
        error("a cell of unknown type `" + type_ + "`");
        return std::nullopt;
    }

    void end_cell() {
        in_cell_ = false;
        if (!ref_ok_) return;
        auto text = cell_text();
        if (!text || text->empty()) return;
        if (cells_.size() >= max_xlsx_cells) {
            too_many = true;
            return;
        }
        cells_.push_back({row_, column_, std::move(*text)});
    }

    const std::vector<std::string>& shared_;
    std::vector<PlacedCell>& cells_;
    std::vector<CsvError>& errors_;
    int row_ = 0, column_ = 0;
    bool in_cell_ = false, ref_ok_ = true, has_formula_ = false;
    bool in_v_ = false, in_inline_ = false, in_t_ = false;
    int phonetic_ = 0;
    std::string type_, value_, inline_;
};

// ---- The zip container ----------------------------------------------------------------------

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

class Container {
  public:
    // The archive, or an error that says what the file is instead.
    std::string open(std::string_view bytes) {
        zip_error_t err;
        zip_error_init(&err);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (!src) return "cannot read the workbook: " + std::string(zip_error_strerror(&err));
        zip_.reset(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err));
        if (!zip_) {
            zip_source_free(src);
            std::string why =
                zip_error_code_zip(&err) == ZIP_ER_NOZIP
                    ? "the file is not a zip archive"
                    : "its zip archive is damaged (" + std::string(zip_error_strerror(&err)) + ")";
            zip_error_fini(&err);
            return "not an Excel workbook (.xlsx): " + why;
        }
        zip_error_fini(&err);
        return {};
    }

    bool has(const std::string& part) const { return index_of(part).has_value(); }

    // Feeds the part to `xml` as it is decompressed. An error names the part.
    std::string read(const std::string& part, XmlHandler& handler) {
        auto index = index_of(part);
        if (!index) return "the workbook has no part " + part;
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip_.get(), *index, 0, &st) != 0)
            return "cannot read " + part + ": " + zip_strerror(zip_.get());
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            return "password-protected workbook: save it without a password";
        if ((st.valid & ZIP_STAT_SIZE) && st.size > max_xlsx_unzipped_bytes - used_)
            return too_large();
        std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(zip_.get(), *index, 0));
        if (!file) return "cannot read " + part + ": " + zip_strerror(zip_.get());
        XmlStream xml(handler);
        std::vector<char> buffer(1 << 16);
        for (;;) {
            zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
            if (n < 0)
                return "the workbook is damaged: cannot decompress " + part + " (" +
                       zip_file_strerror(file.get()) + ")";
            used_ += static_cast<std::uint64_t>(n);
            if (used_ > max_xlsx_unzipped_bytes) return too_large();
            if (!xml.feed(buffer.data(), static_cast<std::size_t>(n), n == 0))
                return part + ": " + xml.error();
            if (n == 0) return {};
        }
    }

  private:
    // Part names are case-insensitive (ECMA-376 part 2).
    std::optional<zip_uint64_t> index_of(const std::string& part) const {
        zip_int64_t i = zip_name_locate(zip_.get(), part.c_str(), ZIP_FL_NOCASE);
        if (i < 0) return std::nullopt;
        return static_cast<zip_uint64_t>(i);
    }
    static std::string too_large() {
        return "the workbook holds more than " + std::to_string(max_xlsx_unzipped_bytes >> 20) +
               " MiB once decompressed: too large for a score sheet (docs/validation.md)";
    }

    std::unique_ptr<zip_t, ZipCloser> zip_;
    std::uint64_t used_ = 0;
};

// ---- Reading a workbook -----------------------------------------------------------------

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A relationship's target, relative to the folder of the part that names it, as a part name.
std::string resolve(const std::string& from_part, std::string_view target) {
    std::vector<std::string> segments;
    if (!target.starts_with("/")) {
        std::string_view dir(from_part);
        auto slash = dir.rfind('/');
        dir = slash == std::string_view::npos ? std::string_view{} : dir.substr(0, slash);
        for (std::size_t start = 0; start < dir.size();) {
            auto end = dir.find('/', start);
            if (end == std::string_view::npos) end = dir.size();
            segments.emplace_back(dir.substr(start, end - start));
            start = end + 1;
        }
    }
    for (std::size_t start = 0; start <= target.size();) {
        auto end = target.find('/', start);
        if (end == std::string_view::npos) end = target.size();
        std::string_view seg = target.substr(start, end - start);
        if (seg == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.emplace_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string rels_of(const std::string& part) {
    auto slash = part.rfind('/');
    if (slash == std::string::npos) return "_rels/" + part + ".rels";
    return part.substr(0, slash) + "/_rels/" + part.substr(slash + 1) + ".rels";
}

// An Office 97-2003 file (a compound file), which is also how Excel stores an .xlsx saved
// with a password: its EncryptedPackage stream holds the encrypted zip.
std::optional<std::string> compound_file_error(std::string_view bytes) {
    if (!bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return std::nullopt;
    static const std::string encrypted = [] {
        std::string s;
        for (char c : std::string_view("EncryptedPackage")) s += {c, '\0'};
        return s;
    }();
    if (bytes.find(encrypted) != std::string_view::npos)
        return "password-protected workbook: save it without a password";
    return "not an Excel workbook (.xlsx): this is an Excel 97-2003 file (.xls) with another "
           "name; save it as Excel Workbook (.xlsx)";
}

class Reader {
  public:
    Workbook run(std::string_view bytes) {
        if (bytes.empty()) return fail("not an Excel workbook (.xlsx): the file is empty");
        if (auto e = compound_file_error(bytes)) return fail(*e);
        if (auto e = zip_.open(bytes); !e.empty()) return fail(e);
        std::string main = main_part();
        if (!zip_.has(main))
            return fail("not an Excel workbook (.xlsx): the zip archive has no " + main);
        WorkbookHandler wb;
        if (auto e = zip_.read(main, wb); !e.empty()) return fail(e);
        if (!wb.is_workbook)
            return fail("not an Excel workbook (.xlsx): " + main + " is not a workbook");
        RelsHandler rels;
        if (zip_.has(rels_of(main)))
            if (auto e = zip_.read(rels_of(main), rels); !e.empty()) return fail(e);
        if (auto e = read_shared_strings(main, rels); !e.empty()) return fail(e);
        for (const auto& entry : wb.sheets)
            if (auto e = read_sheet(main, rels, entry); !e.empty()) return fail(e);
        return std::move(out_);
    }

  private:
    Workbook fail(std::string message) {
        Workbook w;
        w.errors.push_back(std::move(message));
        return w;
    }

    // The workbook part the package's relationships name; xl/workbook.xml, where Excel puts it,
    // when the package has none.
    std::string main_part() {
        RelsHandler root;
        if (!zip_.has("_rels/.rels") || !zip_.read("_rels/.rels", root).empty())
            return "xl/workbook.xml";
        for (const auto& [id, rel] : root.by_id)
            if (ends_with(rel.type, "/officeDocument") && !rel.external)
                return resolve("", rel.target);
        return "xl/workbook.xml";
    }

    std::string read_shared_strings(const std::string& main, const RelsHandler& rels) {
        for (const auto& [id, rel] : rels.by_id) {
            if (!ends_with(rel.type, "/sharedStrings") || rel.external) continue;
            SharedStringsHandler h;
            std::string part = resolve(main, rel.target);
            if (!zip_.has(part)) return "the workbook has no part " + part;
            if (auto e = zip_.read(part, h); !e.empty()) return e;
            shared_ = std::move(h.strings);
        }
        return {};
    }

    std::string read_sheet(const std::string& main, const RelsHandler& rels,
                           const SheetEntry& entry) {
        auto rel = rels.by_id.find(entry.rel_id);
        if (rel == rels.by_id.end() || rel->second.external)
            return "the worksheet `" + entry.name + "` has no part in the workbook";
        // Chart sheets, dialog sheets and macro sheets hold no cells.
        if (!ends_with(rel->second.type, "/worksheet")) return {};
        std::string part = resolve(main, rel->second.target);
        std::vector<PlacedCell> cells;
        Worksheet sheet{entry.name, {}};
        WorksheetHandler h(shared_, cells, sheet.table.errors);
        if (auto e = zip_.read(part, h); !e.empty()) return "worksheet `" + entry.name + "`: " + e;
        if (h.too_many) return too_many_cells(entry.name);
        // The budget is the workbook's, not each worksheet's: the worksheets are held together,
        // and a workbook of kilobytes could otherwise hold many of 2^22 padded cells.
        if (!build_table(cells, max_xlsx_cells - padded_cells_, sheet.table, padded_cells_))
            return too_many_cells(entry.name, padded_cells_ > 0);
        out_.sheets.push_back(std::move(sheet));
        return {};
    }

    static std::string too_many_cells(const std::string& sheet, bool after_others = false) {
        return "worksheet `" + sheet + "`: more than " + std::to_string(max_xlsx_cells) +
               " cells once its rows are made as wide as the widest" +
               (after_others ? " (with the workbook's worksheets before it)" : "") +
               ": too large for a score sheet (docs/validation.md)";
    }

    // Rows in order, each padded with empty cells to the worksheet's width, added to `used`.
    // False when that makes more cells than `budget`.
    static bool build_table(std::vector<PlacedCell>& cells, std::uint64_t budget, CsvTable& table,
                            std::uint64_t& used) {
        std::stable_sort(cells.begin(), cells.end(), [](const PlacedCell& a, const PlacedCell& b) {
            return std::tie(a.row, a.column) < std::tie(b.row, b.column);
        });
        int width = 0;
        std::set<int> rows;
        for (const auto& c : cells) {
            width = std::max(width, c.column);
            rows.insert(c.row);
        }
        const std::uint64_t padded = rows.size() * static_cast<std::uint64_t>(width);
        if (padded > budget) return false;
        used += padded;
        std::set<int> bad;
        for (const auto& e : table.errors) bad.insert(e.line);
        std::size_t twice = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const PlacedCell& c = cells[i];
            if (i > 0 && cells[i - 1].row == c.row && cells[i - 1].column == c.column) {
                if (++twice <= max_cell_errors)
                    table.errors.push_back({c.row, c.column, "the workbook gives this cell twice"});
                bad.insert(c.row);
                continue;
            }
            if (table.rows.empty() || table.rows.back().line != c.row) {
                CsvRow row;
                row.line = c.row;
                for (int col = 1; col <= width; ++col) row.cells.push_back({"", c.row, col});
                table.rows.push_back(std::move(row));
            }
            table.rows.back().cells[static_cast<std::size_t>(c.column - 1)].text =
                std::move(cells[i].text);
        }
        for (auto& row : table.rows) row.bad = bad.count(row.line) > 0;
        std::sort(table.errors.begin(), table.errors.end(), [](const auto& a, const auto& b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });
        return true;
    }

    Container zip_;
    std::vector<std::string> shared_;
    Workbook out_;
    std::uint64_t padded_cells_ = 0;  // of the worksheets read so far, against max_xlsx_cells
};

}  // namespace

Workbook read_xlsx(std::string_view bytes) {
    return Reader().run(bytes);
}

std::string cell_name(int row, int column) {
    std::string letters;
    for (int c = column; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

std::string excel_number_text(std::string_view stored) {
    std::string_view s = stored;
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    std::string digits;
    long point = 0;  // the value is 0.DIGITS x 10^point
    std::size_t i = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) digits += s[i];
    point = static_cast<long>(digits.size());
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) digits += s[i];
    if (digits.empty()) return std::string(stored);
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool minus = i < s.size() && s[i] == '-';
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        if (i == s.size()) return std::string(stored);
        long e = 0;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            e = std::min(e * 10 + (s[i] - '0'), 1000000L);  // saturated: far past any display
        point += minus ? -e : e;
    }
    if (i != s.size()) return std::string(stored);
    std::size_t lead = digits.find_first_not_of('0');
    if (lead == std::string::npos) return "0";
    digits.erase(0, lead);
    point -= static_cast<long>(lead);
    // Fifteen significant digits, the half rounded away from zero as Excel does.
    if (digits.size() > 15) {
        bool up = digits[15] >= '5';
        digits.resize(15);
        for (std::size_t k = 15; up && k-- > 0;) {
            up = digits[k] == '9';
            digits[k] = up ? '0' : static_cast<char>(digits[k] + 1);
        }
        if (up) {
            digits.insert(digits.begin(), '1');
            digits.pop_back();
            ++point;
        }
    }
    digits.erase(digits.find_last_not_of('0') + 1);
    std::string out = negative ? "-" : "";
    auto size = static_cast<long>(digits.size());
    if (point > 21 || point < -5) {
        long e = point - 1;
        out += digits.substr(0, 1);
        if (size > 1) out += "." + digits.substr(1);
        std::string exp = std::to_string(e < 0 ? -e : e);
        if (exp.size() < 2) exp.insert(exp.begin(), '0');
        return out + (e < 0 ? "E-" : "E+") + exp;
    }
    if (point <= 0) return out + "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
    if (point >= size)
        return out + digits + std::string(static_cast<std::size_t>(point - size), '0');
    return out + digits.substr(0, static_cast<std::size_t>(point)) + "." +
           digits.substr(static_cast<std::size_t>(point));
}

void add_worksheet_diagnostics(const Diagnostics& sheet_diags, const std::string& file,
                               const std::string& sheet, Diagnostics& out) {
    for (auto d : sheet_diags.sorted()) {
        if (d.where.file == FileName(file) && d.where.line >= 1)
            d.message += " (sheet " + sheet + ", cell " +
                         cell_name(d.where.line, std::max(d.where.column, 1)) + ")";
        if (d.severity == Severity::error)
            out.error(d.where, std::move(d.message));
        else
            out.warning(d.where, std::move(d.message));
    }
}

}  // namespace kcity
