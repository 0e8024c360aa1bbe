// The proposal files of a call, read, hashed and parsed in parallel: large files in parts,
// whose pages are given back as soon as both the hash and the parse are done with them.
#include "proposal_files.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>

#include "batch_read.hpp"
#include "files.hpp"
#include "kcity/base/encoding.hpp"
#include "kcity/base/pages.hpp"
#include "kcity/base/parallel.hpp"
#include "kcity/base/progress.hpp"
#include "kcity/base/sha256.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/load/load.hpp"
#include "kcity/load/yaml.hpp"

namespace kcity {
namespace {

// A file larger than this is cut into parts of about this size, parsed in parallel.
constexpr std::size_t part_bytes = 1 << 20;
// Tasks whose proposals one core moves into the call's list at a time.
constexpr std::size_t gather_chunk = 256;

// One piece of parallel work on the proposal files: hashing a file, or parsing a part of one.
struct Task {
    std::size_t file = 0;
    std::size_t begin = 0, end = 0;  // the part's bytes (parse), unused for the hash
    int first_line = 1;
    bool hash = false;
    // Results, written by the one thread that runs the task.
    std::string sha256;
    std::vector<Proposal> proposals;
    // Or, for a file parsed whole by read_files that holds one proposal (nearly every file):
    // that proposal, kept in its ProposalFile (see there).
    Proposal* single = nullptr;
    Diagnostics diags;
    // Once the run holds more than max_proposals (or max_attributes), a task's proposals are
    // dropped as soon as it has parsed them (memory stays bounded) and only where they were is
    // kept, so that the message can name the first one too many whatever the threads' timing.
    std::size_t parsed = 0;
    std::vector<DroppedProposal> dropped;

    std::span<Proposal> kept() { return single ? std::span(single, 1) : std::span(proposals); }
};

// Proposals and attributes kept by the tasks so far (all threads).
struct KeptCount {
    std::atomic<std::size_t> proposals{0}, attributes{0};
};

// Counts the task's proposals and attributes into `kept`, and drops the proposals when the
// run has too many of either.
void keep_within_limit(Task& task, KeptCount& kept) {
    task.parsed = task.proposals.size();
    std::size_t attributes = 0;
    for (const auto& p : task.proposals) attributes += p.attributes.size();
    bool over = kept.proposals.fetch_add(task.parsed) + task.parsed > max_proposals;
    over = kept.attributes.fetch_add(attributes) + attributes > max_attributes || over;
    if (!over) return;
    task.dropped.reserve(task.parsed);
    for (const auto& p : task.proposals) task.dropped.push_back({p.where, p.attributes.size()});
    std::vector<Proposal>().swap(task.proposals);
}

struct ProposalFile {
    std::optional<std::string> bytes;
    // Of the bytes as stored, when `bytes` holds them converted to UTF-8 (UTF-16, CP949).
    std::optional<std::string> stored_sha256;
    bool whole = false;  // parsed in one part: its bytes are not text (the parse says why)
    Diagnostics read_diags;
    std::size_t first_task = 0, end_task = 0;  // its parse tasks
    // Per part: how many of its two readers (the hash, the parse) are done with it.
    std::unique_ptr<std::atomic<int>[]> readers_done;
    // A file of at most part_bytes is read, hashed and parsed by one task in read_files: its
    // hash and its parse, for plan_tasks to put in their places.
    std::optional<Task> parsed;
    std::string sha256;
    // Its one proposal, when it holds one: here, in the list of files whose memory is mapped
    // at once (base/pages), rather than in a list of its own for each of 10,000 files, whose
    // 6.7 MB of new pages cost 1,600 page faults.
    std::optional<Proposal> single;
    bool in_parts() const { return end_task - first_task > 1; }
};

// A reader of part `t` is done with it; the second one releases its pages.
void done_with_part(ProposalFile& file, const Task& part, std::size_t t) {
    if (!file.in_parts()) return;
    if (file.readers_done[t - file.first_task].fetch_add(1) + 1 == 2)
        release_pages(file.bytes->data() + part.begin, part.end - part.begin);
}

// A file large enough to be cut into parts is decoded first (base/encoding), since a part of
// UTF-16 or CP949 is not text on its own: its hash is taken of the bytes as stored, then the
// bytes are replaced by the UTF-8 text. A smaller file is decoded by its one parse.
void decode_before_parts(ProposalFile& file, const std::string& path) {
    if (file.bytes->size() <= part_bytes) return;
    DecodedText decoded = decode_text(*file.bytes, LineBreaks::lf);
    if (decoded.problem) {
        file.whole = true;
    } else if (decoded.was_converted()) {
        file.stored_sha256 = sha256_hex(*file.bytes);
        if (decoded.encoding == Encoding::cp949) file.read_diags.note({path, 1, 1}, cp949_note);
        file.bytes = std::move(decoded.converted);
    }
}

// Parses the task's text (a whole file or a part of one) and counts what it kept.
void parse_task(Task& task, std::string_view text, const std::string& path, const Rules& rules,
                KeptCount& kept) {
    parse_proposal_text(text, path, task.first_line, rules, task.proposals, task.diags);
    keep_within_limit(task, kept);
}

// A file of at most part_bytes, hashed and parsed whole by the task that read it. Its
// proposals are parsed into the thread's list, whose memory serves file after file; one
// proposal is then moved to the file's own place.
void hash_and_parse(std::size_t index, std::string_view bytes, ProposalFile& file,
                    const std::string& path, const Rules& rules, KeptCount& kept) {
    thread_local std::vector<Proposal> parsed;
    Task parse;
    parse.file = index;
    parse.end = bytes.size();
    parse.proposals.swap(parsed);
    parse_task(parse, bytes, path, rules, kept);
    if (parse.proposals.size() == 1) {
        file.single = std::move(parse.proposals.front());
        parse.single = &*file.single;
        parse.proposals.clear();
        parse.proposals.swap(parsed);
    }
    file.sha256 = sha256_hex(bytes);
    file.parsed = std::move(parse);
}

// A file read the usual way (read_file): hashed and parsed at once when it is small, else kept,
// decoded, for its parts (run_tasks).
void read_one(std::size_t index, ProposalFile& file, const std::string& path, const Rules& rules,
              KeptCount& kept) {
    std::optional<std::string> bytes = read_file(path, file.read_diags);
    if (bytes && bytes->size() <= part_bytes) {
        hash_and_parse(index, *bytes, file, path, rules, kept);
    } else if (bytes) {
        file.bytes = std::move(bytes);
        decode_before_parts(file, path);
    }
}

// Every file, read on every core, a batch at a time. A file of at most part_bytes (nearly all)
// is hashed and parsed by the thread that read it while its bytes are in the cache, and the
// next batch reuses that memory, where reading every file first would touch 40 MB of new pages
// for 10,000 files. The files that their folder's listing says are regular are read together
// (load/batch_read); any other, or one the batch could not read, the usual way.
std::vector<ProposalFile> read_files(const std::vector<std::string>& paths,
                                     const std::vector<char>& listed_regular, const Rules& rules,
                                     KeptCount& kept) {
    std::vector<ProposalFile> files;
    resize_mapped(files, paths.size());
    Progress progress(ProgressStep::read_files, files.size());
    parallel_chunks(files.size(), batch_files, [&](std::size_t begin, std::size_t end) {
        std::vector<std::size_t> batched;  // the chunk's files read in the batch
        std::vector<const std::string*> batch_paths;
        for (std::size_t i = begin; i < end; ++i)
            if (i < listed_regular.size() && listed_regular[i]) {
                batched.push_back(i);
                batch_paths.push_back(&paths[i]);
            }
        std::vector<std::optional<std::string_view>> contents(end - begin);
        std::vector<std::optional<std::string_view>> read = read_batch(batch_paths);
        for (std::size_t b = 0; b < batched.size(); ++b) contents[batched[b] - begin] = read[b];
        for (std::size_t i = begin; i < end; ++i) {
            if (const auto& bytes = contents[i - begin])
                hash_and_parse(i, *bytes, files[i], paths[i], rules, kept);
            else
                read_one(i, files[i], paths[i], rules, kept);
            progress.advance();
        }
    });
    return files;
}

// The tasks of a file: its hash, and one parse per part.
// A file parsed whole by read_files has its two tasks done already.
void plan_tasks(std::size_t index, ProposalFile& file, std::vector<Task>& tasks) {
    if (!file.bytes && !file.parsed) return;
    Task hash;
    hash.file = index;
    hash.hash = true;
    hash.sha256 = std::move(file.sha256);
    tasks.push_back(std::move(hash));
    file.first_task = tasks.size();
    if (file.parsed) {
        tasks.push_back(std::move(*file.parsed));
        file.parsed.reset();
        file.end_task = tasks.size();
        return;
    }
    std::string_view text = *file.bytes;
    std::vector<std::size_t> parts =
        file.whole ? std::vector<std::size_t>{0} : document_parts(text, part_bytes);
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

// The tasks of the files kept for their parts (read_files did the others).
void run_tasks(std::vector<Task>& tasks, std::vector<ProposalFile>& files,
               const std::vector<std::string>& paths, const Rules& rules, KeptCount& kept) {
    std::vector<std::size_t> todo;
    for (const auto& file : files)
        if (file.bytes)
            for (std::size_t t = file.first_task - 1; t < file.end_task; ++t) todo.push_back(t);
    if (todo.empty()) return;
    Progress progress(ProgressStep::parse_files, todo.size());
    parallel_for(todo.size(), [&](std::size_t k) {
        struct Advance {  // every task counts, whichever way it returns
            Progress& p;
            ~Advance() { p.advance(); }
        } advance{progress};
        const std::size_t t = todo[k];
        Task& task = tasks[t];
        ProposalFile& file = files[task.file];
        std::string_view text = *file.bytes;
        if (task.hash) {  // part by part, so that each part can be released behind it
            Sha256 h;
            for (std::size_t p = file.first_task; p < file.end_task; ++p) {
                if (!file.stored_sha256)
                    h.update(text.substr(tasks[p].begin, tasks[p].end - tasks[p].begin));
                done_with_part(file, tasks[p], p);
            }
            task.sha256 = file.stored_sha256 ? *file.stored_sha256 : h.hex();
            return;
        }
        parse_task(task, text.substr(task.begin, task.end - task.begin), paths[task.file], rules,
                   kept);
        done_with_part(file, task, t);
    });
}

// A file with a problem in one of its parts is parsed again whole, at once, so that what is
// reported is exactly what one pass over the file reports. Every text is freed on the way.
void reparse_files_with_errors(std::vector<Task>& tasks, std::vector<ProposalFile>& files,
                               const std::vector<std::string>& paths, const Rules& rules,
                               Diagnostics& diags) {
    for (std::size_t i = 0; i < files.size(); ++i) {
        ProposalFile& file = files[i];
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
            // At most max_proposals kept: a 256 MiB file of small proposals would hold millions.
            if (auto bytes = read_file(paths[i], whole.diags))
                parse_proposal_text_within(*bytes, paths[i], 1, rules,
                                           {max_proposals, max_attributes}, whole.proposals,
                                           whole.dropped, whole.diags);
            whole.parsed = whole.proposals.size() + whole.dropped.size();
        }
    }
}

// Where the first proposal after max_proposals is, in task order (the files' order, then
// the documents'), when there is one: the same place whichever tasks dropped theirs.
std::optional<Position> first_too_many(std::vector<Task>& tasks) {
    std::size_t before = 0;
    for (auto& task : tasks) {
        if (before + task.parsed > max_proposals) {
            // The k-th of the task's: among those it kept, else where one it dropped was.
            std::size_t k = max_proposals - before;
            std::span<Proposal> kept = task.kept();
            return k < kept.size() ? kept[k].where : task.dropped[k - kept.size()].where;
        }
        before += task.parsed;
    }
    return std::nullopt;
}

// The proposal whose attributes pass max_attributes, in task order, when there is one.
std::optional<Position> first_past_attributes(std::vector<Task>& tasks) {
    std::size_t before = 0;
    for (auto& task : tasks) {
        for (const auto& p : task.kept())
            if ((before += p.attributes.size()) > max_attributes) return p.where;
        for (const auto& d : task.dropped)
            if ((before += d.attributes) > max_attributes) return d.where;
    }
    return std::nullopt;
}

// The tasks' proposals, messages and hashes, in task order. With more than max_proposals
// (or max_attributes), none: which tasks dropped theirs depends on the threads' timing, and the
// messages must not. The proposals are moved on every core, each task's to its own place in the
// list, and each task's list freed behind them.
ProposalFiles gather(std::vector<Task>& tasks, bool any_dropped, Diagnostics& diags) {
    ProposalFiles out;
    if (auto at = first_too_many(tasks)) {
        const std::string limit = format_grouped(static_cast<Krw>(max_proposals));
        diags.error(*at, "more than " + limit + " proposals: kcity reads at most " + limit +
                             " in one run, to stay within its memory; this is proposal " +
                             format_grouped(static_cast<Krw>(max_proposals + 1)));
        out.too_many = true;
    }
    if (auto at = first_past_attributes(tasks)) {
        const std::string limit = format_grouped(static_cast<Krw>(max_attributes));
        diags.error(*at, "more than " + limit + " attributes: kcity reads at most " + limit +
                             " in one run, to stay within its memory; this proposal's attributes "
                             "pass the limit");
        out.too_many = true;
    }
    // Some task dropped its proposals exactly when all parts together hold more than the
    // limit, whatever the timing. A file parsed again whole after a syntax error may hold fewer
    // than its parts did, and the run then no longer reaches the limit: it has an error
    // already, and keeps no proposal rather than some.
    out.too_many = out.too_many || any_dropped;
    const bool keep = !out.too_many;
    std::vector<std::size_t> offset(tasks.size() + 1);
    for (std::size_t t = 0; t < tasks.size(); ++t)
        offset[t + 1] = offset[t] + (keep ? tasks[t].kept().size() : 0);
    resize_mapped(out.proposals, offset.back());
    parallel_chunks(tasks.size(), gather_chunk, [&](std::size_t begin, std::size_t end) {
        for (std::size_t t = begin; t < end; ++t) {
            std::span<Proposal> from = tasks[t].kept();
            if (keep) std::move(from.begin(), from.end(), out.proposals.begin() + offset[t]);
            std::vector<Proposal>().swap(tasks[t].proposals);  // `= {}` would keep its capacity
        }
    });
    for (auto& task : tasks) {
        diags.append(task.diags);
        if (task.hash) out.sha256.push_back(std::move(task.sha256));
    }
    return out;
}

}  // namespace

ProposalFiles load_proposal_files(const std::vector<std::string>& paths,
                                  const std::vector<char>& listed_regular, const Rules& rules,
                                  Diagnostics& diags) {
    KeptCount kept;
    std::vector<ProposalFile> files = read_files(paths, listed_regular, rules, kept);
    std::vector<Task> tasks;
    reserve_mapped(tasks, 2 * files.size());  // a hash and a parse each, unless cut into parts
    for (std::size_t i = 0; i < files.size(); ++i) plan_tasks(i, files[i], tasks);
    run_tasks(tasks, files, paths, rules, kept);
    // Before a file is parsed again, which resets its tasks.
    const bool any_dropped =
        std::any_of(tasks.begin(), tasks.end(), [](const Task& t) { return !t.dropped.empty(); });
    reparse_files_with_errors(tasks, files, paths, rules, diags);
    auto g = gather(tasks, any_dropped, diags);
    std::vector<Task>().swap(tasks);
    std::vector<ProposalFile>().swap(files);
    return g;
}

}  // namespace kcity
