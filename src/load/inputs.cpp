#include "kcity/load/inputs.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <memory>
#include <set>

#include "kcity/base/money.hpp"
#include "kcity/base/parallel.hpp"
#include "kcity/base/sha256.hpp"
#include "kcity/load/builtin_rules.hpp"
#include "kcity/load/load.hpp"
#include "kcity/load/yaml.hpp"

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

// Closes a file descriptor on every path.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

std::optional<std::string> read_file(const fs::path& p, Diagnostics& diags) {
    // POSIX calls rather than a stream: one open, one fstat and reads straight into the string,
    // for each of 10,000 files. The size is checked before reading, so that a huge file is
    // refused at once; the read itself stops at the limit too, for files whose size the
    // system cannot tell (a pipe).
    Fd file{::open(p.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat st {};
    if (file.fd < 0 || ::fstat(file.fd, &st) != 0) {
        diags.error({display(p), 0, 0}, "cannot read the file");
        return std::nullopt;
    }
    bool sized = S_ISREG(st.st_mode);
    if (sized && static_cast<std::uintmax_t>(st.st_size) > max_file_bytes) {
        diags.error({display(p), 1, 1}, too_large(static_cast<std::uintmax_t>(st.st_size)));
        return std::nullopt;
    }
    std::string bytes;
    // Its size, plus one byte to see the end without a second step; else 64 KiB at a time.
    std::size_t step = sized ? static_cast<std::size_t>(st.st_size) + 1 : 1 << 16;
    for (;;) {
        std::size_t have = bytes.size();
        bytes.resize(have + step);
        ssize_t got = ::read(file.fd, bytes.data() + have, step);
        if (got < 0 && errno == EINTR) {
            bytes.resize(have);
            continue;
        }
        if (got < 0) {
            diags.error({display(p), 0, 0}, "cannot read the file");
            return std::nullopt;
        }
        bytes.resize(have + static_cast<std::size_t>(got));
        if (bytes.size() > max_file_bytes) {
            diags.error({display(p), 1, 1}, too_large(bytes.size()) + " (or more)");
            return std::nullopt;
        }
        // A regular file's short read is its end (and so is 0 bytes, for anything).
        if (got == 0 || (sized && static_cast<std::size_t>(got) < step)) break;
        step = 1 << 16;
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

namespace {

// A file larger than this is cut into parts of about this size, parsed in parallel.
constexpr std::size_t part_bytes = 1 << 20;

// One piece of parallel work on the proposal files: hashing a file, or parsing a part of one.
struct Task {
    std::size_t file = 0;
    std::size_t begin = 0, end = 0;  // the part's bytes (parse), unused for the hash
    int first_line = 1;
    bool hash = false;
    // Results, written by the one thread that runs the task.
    std::string sha256;
    std::vector<Proposal> proposals;
    Diagnostics diags;
};

struct ProposalFile {
    std::optional<std::string> bytes;
    Diagnostics read_diags;
    std::size_t first_task = 0, end_task = 0;  // its parse tasks
    // Per part: how many of its two readers (the hash, the parse) are done with it.
    std::unique_ptr<std::atomic<int>[]> readers_done;
    bool in_parts() const { return end_task - first_task > 1; }
};

// Gives the pages of text[begin, end) back to the system once nothing reads them any more: a
// 100 MB file in parts does not stay whole in memory while its proposals pile up. Only pages
// wholly inside the range; their contents read as zeros afterwards.
void release_pages(const std::string& text, std::size_t begin, std::size_t end) {
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    auto base = reinterpret_cast<std::uintptr_t>(text.data());
    std::uintptr_t from = (base + begin + page - 1) / page * page;
    std::uintptr_t to = (base + end) / page * page;
    if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

// A reader of part `t` is done with it; the second one releases its pages.
void done_with_part(ProposalFile& file, const Task& part, std::size_t t) {
    if (!file.in_parts()) return;
    if (file.readers_done[t - file.first_task].fetch_add(1) + 1 == 2)
        release_pages(*file.bytes, part.begin, part.end);
}

// The tasks of a file: its hash, and one parse per part.
void plan_tasks(std::size_t index, ProposalFile& file, std::vector<Task>& tasks) {
    if (!file.bytes) return;
    std::string_view text = *file.bytes;
    Task hash;
    hash.file = index;
    hash.hash = true;
    tasks.push_back(std::move(hash));
    file.first_task = tasks.size();
    std::vector<std::size_t> parts = document_parts(text, part_bytes);
    int line = 1;  // the part's first line: 1 + the LFs before it (document_parts ensures)
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::size_t end = i + 1 < parts.size() ? parts[i + 1] : text.size();
        Task parse;
        parse.file = index;
        parse.begin = parts[i];
        parse.end = end;
        parse.first_line = line;
        tasks.push_back(std::move(parse));
        std::string_view part = text.substr(parts[i], end - parts[i]);
        line += static_cast<int>(std::count(part.begin(), part.end(), '\n'));
    }
    file.end_task = tasks.size();
    file.readers_done = std::make_unique<std::atomic<int>[]>(parts.size());
}

// By id, then place. An order of indices is sorted and the proposals are then moved along
// its cycles, in place: a call of 100,000 proposals is neither copied nor held twice.
void sort_proposals(std::vector<Proposal>& proposals) {
    std::vector<std::size_t> order(proposals.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Proposal &pa = proposals[a], &pb = proposals[b];
        return std::tie(pa.id, pa.where, a) < std::tie(pb.id, pb.where, b);
    });
    // Position k receives the proposal now at order[k].
    std::vector<bool> placed(order.size());
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (placed[start] || order[start] == start) continue;
        Proposal held = std::move(proposals[start]);
        std::size_t k = start;
        while (order[k] != start) {
            proposals[k] = std::move(proposals[order[k]]);
            placed[k] = true;
            k = order[k];
        }
        proposals[k] = std::move(held);
        placed[k] = true;
    }
}

}  // namespace

Call load_inputs(const InputOptions& in, Rules rules, Diagnostics& diags) {
    Call call;
    call.rules = std::move(rules);
    InputFiles files = collect_inputs(in, diags);
    // Files are independent until the checks across them: they are read, hashed and parsed in
    // parallel (large files in parts), and the results are merged in file order. Proposals are
    // sorted and messages sorted afterwards, so nothing depends on the threads' timing.
    std::vector<ProposalFile> loaded(files.proposals.size());
    parallel_for(loaded.size(), [&](std::size_t i) {
        loaded[i].bytes = read_file(files.proposals[i], loaded[i].read_diags);
    });
    std::vector<Task> tasks;
    for (std::size_t i = 0; i < loaded.size(); ++i) plan_tasks(i, loaded[i], tasks);
    const Rules& the_rules = call.rules;
    parallel_for(tasks.size(), [&](std::size_t t) {
        Task& task = tasks[t];
        ProposalFile& file = loaded[task.file];
        std::string_view text = *file.bytes;
        if (task.hash) {  // part by part, so that each part can be released behind it
            Sha256 h;
            for (std::size_t p = file.first_task; p < file.end_task; ++p) {
                h.update(text.substr(tasks[p].begin, tasks[p].end - tasks[p].begin));
                done_with_part(file, tasks[p], p);
            }
            task.sha256 = h.hex();
            return;
        }
        parse_proposal_text(text.substr(task.begin, task.end - task.begin),
                            files.proposals[task.file], task.first_line, the_rules, task.proposals,
                            task.diags);
        done_with_part(file, task, t);
    });
    std::vector<std::string> hashes;
    // A file with a problem in one of its parts is parsed again whole, at once, so that what
    // is reported is exactly what one pass over the file reports. Then every text is freed
    // before the proposals are gathered.
    for (std::size_t i = 0; i < loaded.size(); ++i) {
        ProposalFile& file = loaded[i];
        diags.append(file.read_diags);
        if (!file.bytes) continue;
        bool parts_clean = true;
        for (std::size_t t = file.first_task; t < file.end_task; ++t)
            parts_clean = parts_clean && tasks[t].diags.size() == 0;
        file.bytes.reset();
        if (file.in_parts() && !parts_clean) {
            // Its parts' pages are released: the file is read again (a rare path: errors).
            for (std::size_t t = file.first_task; t < file.end_task; ++t) tasks[t] = Task{};
            Task& whole = tasks[file.first_task];
            if (auto bytes = read_file(files.proposals[i], whole.diags))
                parse_proposals({files.proposals[i], std::move(*bytes)}, call.rules,
                                whole.proposals, whole.diags);
        }
    }
    std::size_t total = 0;
    for (const auto& task : tasks) total += task.proposals.size();
    call.proposals.reserve(total);
    for (auto& task : tasks) {
        diags.append(task.diags);
        std::move(task.proposals.begin(), task.proposals.end(), std::back_inserter(call.proposals));
        std::vector<Proposal>().swap(task.proposals);  // `= {}` would keep its capacity
    }
    for (const auto& task : tasks)
        if (task.hash) hashes.push_back(task.sha256);
    sort_proposals(call.proposals);
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
