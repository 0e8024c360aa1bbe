#include "kcity/inputs.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "kcity/builtin_rules.hpp"
#include "kcity/load.hpp"
#include "kcity/money.hpp"
#include "kcity/sha256.hpp"

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

// How a path is shown: relative to the current folder `cwd` when it lies below it.
std::string display(const fs::path& p, const fs::path& cwd) {
    fs::path abs = (p.is_absolute() ? p : cwd / p).lexically_normal();
    fs::path rel = abs.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    return abs.generic_string();
}

std::string display(const fs::path& p) {
    std::error_code ec;
    return display(p, fs::current_path(ec));
}

std::string too_large(std::uintmax_t size) {
    return "the file is " + format_grouped(static_cast<Krw>(size)) + " bytes, more than the " +
           format_grouped(static_cast<Krw>(max_file_bytes)) +
           " bytes (256 MiB) kcity reads from one file: split it into several files";
}

std::optional<std::string> read_file(const fs::path& p, Diagnostics& diags) {
    // The size is checked before reading, so that a huge file is refused at once; the read
    // itself stops at the limit too, for files whose size the system cannot tell (a pipe).
    std::error_code ec;
    std::uintmax_t size = fs::file_size(p, ec);
    if (!ec && size > max_file_bytes) {
        diags.error({display(p), 1, 1}, too_large(size));
        return std::nullopt;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        diags.error({display(p), 0, 0}, "cannot read the file");
        return std::nullopt;
    }
    // Read into the string itself, in steps of its known size (or 64 KiB), growing it as
    // needed: no zero-filled buffer per file, no copy.
    std::string bytes;
    std::size_t step = !ec && size > 0 ? static_cast<std::size_t>(size) : 1 << 16;
    for (;;) {
        std::size_t have = bytes.size();
        bytes.resize(have + step);
        in.read(bytes.data() + have, static_cast<std::streamsize>(step));
        bytes.resize(have + static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_file_bytes) {
            diags.error({display(p), 1, 1}, too_large(bytes.size()) + " (or more)");
            return std::nullopt;
        }
        // A file of the size it had is read whole once nothing follows: no second step.
        if (!in || in.peek() == std::char_traits<char>::eof()) break;
        step = 1 << 16;
    }
    if (in.bad()) {
        diags.error({display(p), 0, 0}, "cannot read the file");
        return std::nullopt;
    }
    return bytes;
}

enum class Kind { proposal, sheet, other };
Kind kind_of(const fs::path& p) {
    std::string ext = p.extension().string();
    if (ext == ".yaml" || ext == ".yml") return Kind::proposal;
    if (ext == ".csv") return Kind::sheet;
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
    std::vector<fs::path> found;
    std::vector<std::string> inputs = in.inputs.empty() ? std::vector<std::string>{"."} : in.inputs;
    std::error_code ec;
    for (const auto& input : inputs) {
        fs::path p(input);
        if (fs::is_directory(p, ec)) {
            for (const auto& dir : folders_of(p)) walk(dir, found);
        } else if (fs::exists(p, ec)) {
            if (kind_of(p) == Kind::other)
                diags.error(
                    {},
                    input + " is neither a proposal file (.yaml, .yml) nor a score sheet (.csv)");
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
    // Each file once, however many inputs name it; then in byte order of the shown paths.
    std::set<std::pair<dev_t, ino_t>> seen;
    InputFiles out;
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

std::vector<SourceFile> read_rule_files(const RulesLocation& where, Diagnostics& diags) {
    std::vector<SourceFile> files;
    if (where.builtin) {
        for (const auto& f : builtin_rule_files())
            files.push_back({"<built-in>/" + std::string(f.name), std::string(f.bytes)});
        return files;
    }
    std::vector<fs::path> paths;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(where.dir, ec))
        if (e.path().extension() == ".yaml" && !e.path().filename().string().starts_with("."))
            paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths)
        if (auto bytes = read_file(p, diags)) files.push_back({display(p), std::move(*bytes)});
    return files;
}

Rules load_rules(const RulesLocation& where, Diagnostics& diags) {
    return parse_rules(read_rule_files(where, diags),
                       where.builtin ? builtin_rules_origin : where.dir, diags);
}

Call load_inputs(const InputOptions& in, Rules rules, Diagnostics& diags) {
    Call call;
    call.rules = std::move(rules);
    InputFiles files = collect_inputs(in, diags);
    std::vector<std::string> hashes;
    for (const auto& path : files.proposals) {
        auto bytes = read_file(path, diags);
        if (!bytes) continue;
        hashes.push_back(sha256_hex(*bytes));
        parse_proposals({path, std::move(*bytes)}, call.rules, call.proposals, diags);
    }
    std::sort(call.proposals.begin(), call.proposals.end(),
              [](const Proposal& a, const Proposal& b) {
                  return std::tie(a.id, a.where) < std::tie(b.id, b.where);
              });
    for (const auto& path : files.sheets) {
        auto bytes = read_file(path, diags);
        if (!bytes) continue;
        hashes.push_back(sha256_hex(*bytes));
        apply_score_sheet({path, std::move(*bytes)}, call.rules, call.proposals, diags);
    }
    call.proposals_sha256 = hash_of_files(hashes);
    check_call(call, diags);
    return call;
}

Call load_call(const InputOptions& in, Diagnostics& diags, std::string& rules_used) {
    auto where = find_rules(in, diags);
    if (!where) return Call{};
    Rules rules = load_rules(*where, diags);
    rules_used = rules.origin;
    return load_inputs(in, std::move(rules), diags);
}

}  // namespace kcity
