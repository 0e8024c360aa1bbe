// Finding a call's files (SPEC §2): where the rules are, and which proposal files and score
// sheets the inputs name.
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "files.hpp"
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

enum class Kind { proposal, sheet, other };
Kind kind_of(const fs::path& p) {
    std::string ext = p.extension().string();
    if (ext == ".yaml" || ext == ".yml") return Kind::proposal;
    if (ext == ".csv" || ext == ".xlsx") return Kind::sheet;
    return Kind::other;
}

// Recursively, skipping names that start with '.', not following links to folders. The
// entries' types come from the folder listing itself, without a stat per file.
void walk(const fs::path& dir, std::vector<fs::path>& out) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& e : entries) {
        if (e.path().filename().string().starts_with(".")) continue;
        if (e.is_symlink(ec) && e.is_directory(ec)) continue;
        if (e.is_directory(ec))
            walk(e.path(), out);
        else if (kind_of(e.path()) != Kind::other)
            out.push_back(e.path());
    }
}

// Which file a path names, however it is written: two inputs that name the same file
// (`proposals/` and `proposals/a.yaml`, or through a link) read it once.
std::pair<dev_t, ino_t> file_identity(const fs::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return {0, 0};
    return {st.st_dev, st.st_ino};
}

// A folder given as input, as the folders whose files it stands for.
std::vector<fs::path> folders_of(const fs::path& dir) {
    fs::path call = dir;
    // CALL/proposals stands for the whole call, so that its score sheets come along.
    if (!is_call_dir(call) && dir.filename() == "proposals" && is_call_dir(dir.parent_path()))
        call = dir.parent_path();
    if (!is_call_dir(call)) return {dir};
    std::vector<fs::path> out;
    std::error_code ec;
    for (const char* sub : {"proposals", "scores"})
        if (fs::is_directory(call / sub, ec)) out.push_back(call / sub);
    return out;
}

// The files the inputs and --scores name, in the order found (a folder's in path order).
std::vector<fs::path> find_input_files(const InputOptions& in, Diagnostics& diags) {
    std::vector<fs::path> found;
    std::vector<std::string> inputs = in.inputs.empty() ? std::vector<std::string>{"."} : in.inputs;
    std::error_code ec;
    for (const auto& input : inputs) {
        fs::path p(input);
        if (fs::is_directory(p, ec)) {
            for (const auto& dir : folders_of(p)) walk(dir, found);
        } else if (fs::exists(p, ec)) {
            if (kind_of(p) == Kind::other)
                diags.error({}, input +
                                    " is neither a proposal file (.yaml, .yml) nor a score sheet "
                                    "(.csv, .xlsx)");
            else
                found.push_back(p);
        } else {
            diags.error({}, input + ": no such file or folder");
        }
    }
    for (const auto& s : in.score_files) {
        if (!fs::is_regular_file(s, ec))
            diags.error({}, "--scores " + s + ": no such file");
        else
            found.push_back(s);
    }
    return found;
}

}  // namespace

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
    std::vector<fs::path> found = find_input_files(in, diags);
    // Each file once, however many inputs name it; then in byte order of the shown paths.
    std::set<std::pair<dev_t, ino_t>> seen;
    InputFiles out;
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    for (const auto& p : found) {
        auto id = file_identity(p);
        if (id != std::pair<dev_t, ino_t>{0, 0} && !seen.insert(id).second) continue;
        (kind_of(p) == Kind::sheet ? out.sheets : out.proposals).push_back(display(p, cwd));
    }
    std::sort(out.proposals.begin(), out.proposals.end());
    std::sort(out.sheets.begin(), out.sheets.end());
    return out;
}

}  // namespace kcity
