// Finding a call's files (SPEC §2): where the rules are, and which proposal files and score
// sheets the inputs name. No input is dropped in silence: a file that looks like a call's data
// but cannot be read is an error, an Excel lock file a warning, and every other file is named
// in one note.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>
#include <system_error>

#include "files.hpp"
#include "kcity/base/parallel.hpp"
#include "kcity/base/text.hpp"
#include "kcity/load/inputs.hpp"

namespace kcity {
namespace fs = std::filesystem;
namespace {

bool has_program(const fs::path& rules_dir) {
    std::error_code ec;
    return fs::is_regular_file(rules_dir / "program.yaml", ec);
}

bool is_call_dir(const fs::path& dir) {
    return has_program(dir / "rules");
}

enum class Kind {
    proposal,     // .yaml, .yml
    sheet,        // .csv, .xlsx
    notepad_txt,  // .yaml.txt, .yml.txt, .csv.txt: refused, with the name to give it
    spreadsheet,  // .xls, .xlsm, .xlsb, .ods, .numbers: refused, with the format to save as
    lock,         // ~$NAME.xlsx: Excel's lock file, a warning
    other,        // ignored, and named in the note
};

// By the file name's ending, in any case (R1.CSV, P.YAML, x.Yml).
Kind kind_of_name(std::string_view file_name) {
    std::string name = ascii_lower(file_name);
    auto ends = [&](std::string_view suffix) { return name.ends_with(suffix); };
    if (name.starts_with("~$") && (ends(".xlsx") || ends(".csv"))) return Kind::lock;
    if (ends(".yaml") || ends(".yml")) return Kind::proposal;
    if (ends(".csv") || ends(".xlsx")) return Kind::sheet;
    if (ends(".yaml.txt") || ends(".yml.txt") || ends(".csv.txt")) return Kind::notepad_txt;
    for (const char* ext : {".xls", ".xlsm", ".xlsb", ".ods", ".numbers"})
        if (ends(ext)) return Kind::spreadsheet;
    return Kind::other;
}

Kind kind_of(const fs::path& p) {
    return kind_of_name(p.filename().native());
}

// Which file a path names (device, inode): {0, 0} when unknown.
using FileId = std::pair<dev_t, ino_t>;

// What the walk found besides the files to read: for the note of ignored files.
struct Found {
    std::vector<std::string> files;  // proposals and sheets (paths as strings: 10,000 of them)
    // Per file, its identity as its folder's listing gives it (the folder's device, the entry's
    // inode), or {0, 0} for a file named on the command line or reached through a link.
    std::vector<FileId> listed;
    // Per file, whether the listing says it is a regular file (read in batches: load/batch_read).
    std::vector<char> regular;
    std::vector<fs::path> ignored;  // neither
    std::vector<fs::path> links;    // symbolic links to folders, not followed
};

// The error, warning or nothing for a file of a kind that is not read; true when it was one.
bool refuse(const fs::path& p, Kind kind, Diagnostics& diags) {
    Position at{display(p), 1, 1};
    std::string name = p.filename().string();
    if (kind == Kind::notepad_txt) {
        std::string meant = name.substr(0, name.size() - 4);
        bool sheet = ascii_lower(meant).ends_with(".csv");
        diags.error(at, "the name ends in .txt, which Windows Notepad adds: rename the file to " +
                            meant + " to read it as " +
                            (sheet ? "a score sheet" : "a proposal file"));
        return true;
    }
    if (kind == Kind::spreadsheet) {
        std::string ext = name.substr(name.rfind('.'));
        diags.error(at, "kcity does not read " + ext +
                            " spreadsheets: save the sheet as an Excel workbook (.xlsx) or as "
                            "CSV UTF-8 (.csv)");
        return true;
    }
    if (kind == Kind::lock) {
        diags.warning(at, name.substr(2) +
                              " is open in Excel (this is Excel's lock file): changes not yet "
                              "saved are not read");
        return true;
    }
    return false;
}

// "cannot read the folder: Permission denied".
void folder_error(const fs::path& dir, const std::error_code& ec, Diagnostics& diags) {
    diags.error({display(dir), 1, 1},
                "cannot read the folder: " + ec.message() + "; its files would be missing");
}

// One entry of a folder's listing: its name, and the type and inode the listing gives.
struct Entry {
    std::string name;
    unsigned char type = DT_UNKNOWN;
    ino_t inode = 0;
};

// A folder's entries but `.` and `..`, or an error; `device` is the folder's.
std::vector<Entry> list_folder(const fs::path& dir, dev_t& device, std::error_code& ec) {
    std::vector<Entry> entries;
    DIR* d = ::opendir(dir.c_str());
    struct stat st {};
    if (!d || ::fstat(::dirfd(d), &st) != 0) {
        ec.assign(errno, std::generic_category());
        if (d) ::closedir(d);
        return entries;
    }
    device = st.st_dev;
    for (;;) {
        errno = 0;
        const dirent* e = ::readdir(d);
        if (!e) {
            if (errno != 0) ec.assign(errno, std::generic_category());
            break;
        }
        std::string_view name = e->d_name;
        if (name != "." && name != "..")
            entries.push_back({std::string(name), e->d_type, e->d_ino});
    }
    ::closedir(d);
    return entries;
}

// Whether an entry is a folder, following a link, and whether it is a link. The listing's type
// saves a stat per file; a link (or a file system that does not say) costs one or two.
std::pair<bool, bool> folder_and_link(const std::string& path, unsigned char type) {
    struct stat st {};
    if (type == DT_UNKNOWN) {
        if (::lstat(path.c_str(), &st) != 0) return {false, false};
        type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
    }
    if (type == DT_LNK) return {::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode), true};
    return {type == DT_DIR, false};
}

void add_file(Found& found, std::string path, FileId listed, bool regular = false) {
    found.files.push_back(std::move(path));
    found.listed.push_back(listed);
    found.regular.push_back(regular);
}

// Recursively, in byte order of the paths, skipping names that start with '.', not following
// links to folders. POSIX's listing rather than std::filesystem's: a large call has 10,000
// files, and a std::filesystem::path per file costs an allocation per element of the path.
void walk(const fs::path& dir, Found& out, Diagnostics& diags) {
    std::error_code ec;
    dev_t device = 0;
    std::vector<Entry> entries = list_folder(dir, device, ec);
    if (ec) {
        folder_error(dir, ec, diags);
        return;
    }
    // The paths of one folder's entries differ only in their names: sorted by name.
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    std::string base = dir.native();
    if (!base.empty() && base.back() != '/') base += '/';  // as fs::path's operator/ joins
    for (auto& e : entries) {
        if (e.name.starts_with(".")) continue;
        Kind kind = kind_of_name(e.name);
        std::string path = base + e.name;
        auto [directory, link] = folder_and_link(path, e.type);
        if (link && directory)
            out.links.emplace_back(path);
        else if (directory && kind != Kind::spreadsheet)  // a .numbers package is a folder
            walk(path, out, diags);
        else if (kind == Kind::proposal || kind == Kind::sheet)
            add_file(out, std::move(path), link ? FileId{0, 0} : FileId{device, e.inode},
                     e.type == DT_REG);
        else if (!refuse(path, kind, diags))
            out.ignored.emplace_back(path);
    }
}

// Which file a path names, however it is written: two inputs that name the same file
// (`proposals/` and `proposals/a.yaml`, or through a link) read it once.
FileId file_identity(const std::string& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return {0, 0};
    return {st.st_dev, st.st_ino};
}

// The files' identities. When every file came from a folder's listing and no two of them share
// an identity there, the listing's are used: a stat per file cost a third of the discovery of
// 10,000 files. Otherwise (a file named on the command line or through a link, or two names
// of one file such as hard links or overlapping inputs) every file is looked at with stat, as
// a listing's inode and a stat's need not agree on every file system (overlayfs, FUSE).
std::vector<FileId> identities(const Found& found) {
    std::vector<FileId> listed = found.listed;
    std::sort(listed.begin(), listed.end());
    const bool listing_will_do = !listed.empty() && listed.front() != FileId{0, 0} &&
                                 std::adjacent_find(listed.begin(), listed.end()) == listed.end();
    if (listing_will_do) return found.listed;
    std::vector<FileId> ids(found.files.size());
    parallel_for(ids.size(), [&](std::size_t i) { ids[i] = file_identity(found.files[i]); });
    return ids;
}

// The call folder that `dir` lies inside (a parent with rules/program.yaml), if any.
std::optional<fs::path> enclosing_call(const fs::path& dir) {
    std::error_code ec;
    fs::path abs = fs::absolute(dir, ec).lexically_normal();
    if (!abs.has_filename()) abs = abs.parent_path();  // "dir/" as "dir"
    for (fs::path d = abs.parent_path(); !d.empty(); d = d.parent_path()) {
        if (is_call_dir(d)) return d;
        if (d == d.parent_path()) break;
    }
    return std::nullopt;
}

// A folder inside a call whose score sheets it leaves out: say so, and how to read them.
void note_sheets_left_out(const fs::path& dir, Diagnostics& diags) {
    auto call = enclosing_call(dir);
    std::error_code ec;
    if (!call || !fs::is_directory(*call / "scores", ec)) return;
    fs::path abs = fs::absolute(dir, ec).lexically_normal();
    fs::path rel = abs.lexically_relative(*call);
    if (!rel.empty() && *rel.begin() == "scores") return;
    std::string shown = display(*call);
    diags.note({}, display(dir) + " lies inside the call folder " + shown +
                       ", whose score sheets in " + display(*call / "scores") +
                       " were not read; give the call folder (" + shown +
                       ") as the input to read them");
}

// A folder given as input, as the folders whose files it stands for.
std::vector<fs::path> folders_of(const fs::path& dir, Diagnostics& diags) {
    fs::path call = dir;
    // CALL/proposals stands for the whole call, so that its score sheets come along.
    if (!is_call_dir(call) && dir.filename() == "proposals" && is_call_dir(dir.parent_path()))
        call = dir.parent_path();
    if (!is_call_dir(call)) {
        note_sheets_left_out(dir, diags);
        return {dir};
    }
    std::vector<fs::path> out;
    std::error_code ec;
    for (const char* sub : {"proposals", "scores"})
        if (fs::exists(fs::symlink_status(call / sub, ec))) out.push_back(call / sub);
    return out;
}

// The reason a path named on the command line cannot be looked at (ENOENT, EACCES, ELOOP...).
std::string missing_input(const std::string& input, int error) {
    if (error == ENOENT || error == ENOTDIR) return input + ": no such file or folder";
    return input + ": cannot read it: " + std::generic_category().message(error);
}

// A file named on the command line: read when it is a proposal file or a sheet, else refused.
void add_named_file(const fs::path& p, Found& found, Diagnostics& diags) {
    Kind kind = kind_of(p);
    if (kind == Kind::proposal || kind == Kind::sheet)
        add_file(found, p.native(), {0, 0});
    else if (!refuse(p, kind, diags))
        diags.error({display(p), 1, 1},
                    "this is neither a proposal file (.yaml, .yml) nor a score sheet (.csv, "
                    ".xlsx)");
}

// The files the inputs and --scores name, in the order found (a folder's in path order).
Found find_input_files(const InputOptions& in, Diagnostics& diags) {
    Found found;
    std::vector<std::string> inputs = in.inputs.empty() ? std::vector<std::string>{"."} : in.inputs;
    for (const auto& input : inputs) {
        fs::path p(input);
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0)
            diags.error({}, missing_input(input, errno));
        else if (S_ISDIR(st.st_mode))
            for (const auto& dir : folders_of(p, diags)) walk(dir, found, diags);
        else
            add_named_file(p, found, diags);  // a FIFO too: read_file refuses it, unopened
    }
    std::error_code ec;
    for (const auto& s : in.score_files) {
        if (!fs::exists(s, ec))
            diags.error({}, "--scores " + s + ": no such file");
        else
            add_file(found, s, {0, 0});
    }
    return found;
}

// Names in a note: at most this many, then how many more.
constexpr std::size_t listed_names = 10;

std::string name_list(const std::vector<fs::path>& paths, const fs::path& cwd) {
    std::vector<std::string> names;
    for (const auto& p : paths) names.push_back(display(p, cwd));
    std::sort(names.begin(), names.end());
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < listed_names; ++i)
        out += (i ? ", " : "") + names[i];
    if (names.size() > listed_names)
        out += " and " + std::to_string(names.size() - listed_names) + " more";
    return out;
}

// SPEC §2: one note naming every file not read, and every link to a folder not followed.
void note_ignored(const Found& found, const fs::path& cwd, Diagnostics& diags) {
    std::size_t n = found.ignored.size() + found.links.size();
    if (n == 0) return;
    std::string msg = "ignored " + std::to_string(n) + (n == 1 ? " input" : " inputs");
    if (!found.ignored.empty())
        msg += ": " + std::to_string(found.ignored.size()) +
               (found.ignored.size() == 1 ? " file that is" : " files that are") +
               " neither a proposal file (.yaml, .yml) nor a score sheet (.csv, .xlsx): " +
               name_list(found.ignored, cwd);
    if (!found.links.empty())
        msg += std::string(found.ignored.empty() ? ": " : "; ") +
               std::to_string(found.links.size()) +
               (found.links.size() == 1 ? " link to a folder, not followed: "
                                        : " links to folders, not followed: ") +
               name_list(found.links, cwd);
    diags.note({}, msg);
}

}  // namespace

bool is_read_by_discovery(std::string_view file_name) {
    Kind k = kind_of_name(file_name);
    return k == Kind::proposal || k == Kind::sheet;
}

std::optional<RulesLocation> find_rules(const InputOptions& in, Diagnostics& diags) {
    auto explicit_dir = [&](const std::string& dir,
                            const char* how) -> std::optional<RulesLocation> {
        if (has_program(dir)) return RulesLocation{false, display(dir)};
        diags.error({}, std::string(how) + " " + dir + " has no program.yaml");
        return std::nullopt;
    };
    if (in.rules_dir) return explicit_dir(*in.rules_dir, "--rules");
    if (in.rules_env && !in.rules_env->empty()) return explicit_dir(*in.rules_env, "KCITY_RULES");
    std::error_code ec;
    fs::path first = in.inputs.empty() ? fs::path(".") : fs::path(in.inputs.front());
    fs::path start = fs::is_directory(first, ec) ? first : first.parent_path();
    for (fs::path d = fs::absolute(start, ec).lexically_normal();; d = d.parent_path()) {
        if (has_program(d / "rules")) return RulesLocation{false, display(d / "rules")};
        if (d == d.parent_path() || d.empty()) break;
    }
    if (has_program("rules")) return RulesLocation{false, "rules"};
    return RulesLocation{true, {}};
}

InputFiles collect_inputs(const InputOptions& in, Diagnostics& diags) {
    Found found = find_input_files(in, diags);
    // Each file once, however many inputs name it; then in byte order of the shown paths.
    std::set<FileId> seen;
    InputFiles out;
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    const std::vector<FileId> ids = identities(found);
    // A shown path per file, on every core (10,000 files in a large call); then taken in the
    // order found, so that the first of two names of one file is the one kept.
    struct Named {
        FileId id;
        std::string shown;
        bool sheet = false;
        bool regular = false;
    };
    std::vector<Named> named(found.files.size());
    parallel_for(named.size(), [&](std::size_t i) {
        const std::string& p = found.files[i];
        std::string_view name = std::string_view(p).substr(p.rfind('/') + 1);
        named[i] = {ids[i], display_path(p, cwd), kind_of_name(name) == Kind::sheet,
                    found.regular[i] != 0};
    });
    std::vector<std::pair<std::string, bool>> proposals;  // with whether they are regular
    for (auto& n : named) {
        if (n.id != FileId{0, 0} && !seen.insert(n.id).second) continue;
        if (n.sheet)
            out.sheets.push_back(std::move(n.shown));
        else
            proposals.emplace_back(std::move(n.shown), n.regular);
    }
    std::sort(proposals.begin(), proposals.end());
    for (auto& [shown, regular] : proposals) {
        out.proposals.push_back(std::move(shown));
        out.listed_regular.push_back(regular);
    }
    std::sort(out.sheets.begin(), out.sheets.end());
    note_ignored(found, cwd, diags);
    return out;
}

}  // namespace kcity
