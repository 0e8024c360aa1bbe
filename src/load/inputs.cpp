// Loading a call from its files: the rules, then the proposals and score sheets of the
// inputs, put together and checked across files. Each step is a function of its own:
// discover.cpp finds the files, files.cpp reads one, proposal_files.cpp parses the proposal
// files in parallel.
#include "kcity/load/inputs.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <tuple>

#include "files.hpp"
#include "kcity/base/sha256.hpp"
#include "kcity/load/builtin_rules.hpp"
#include "kcity/load/load.hpp"
#include "proposal_files.hpp"

namespace kcity {
namespace fs = std::filesystem;
namespace {

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

// The inputs, as a message names them.
std::string inputs_named(const InputOptions& in) {
    if (in.inputs.empty()) return "the current folder";
    std::string out;
    for (const auto& i : in.inputs) out += (out.empty() ? "" : ", ") + i;
    return out;
}

// The reviews of the score sheets, added to the proposals they name; each sheet's hash is
// appended to `hashes`.
void apply_score_sheets(const std::vector<std::string>& paths, const Rules& rules,
                        std::vector<Proposal>& proposals, std::vector<std::string>& hashes,
                        Diagnostics& diags) {
    for (const auto& path : paths) {
        auto bytes = read_file(path, diags);
        if (!bytes) continue;
        hashes.push_back(sha256_hex(*bytes));
        if (is_workbook_path(path))
            apply_workbook({path, std::move(*bytes)}, rules, proposals, diags);
        else
            apply_score_sheet({path, std::move(*bytes)}, rules, proposals, diags);
    }
}

}  // namespace

std::vector<SourceFile> read_rule_files(const RulesLocation& where, Diagnostics& diags) {
    std::vector<SourceFile> files;
    if (where.builtin) {
        for (const auto& f : builtin_rule_files())
            files.push_back({"<built-in>/" + std::string(f.name), std::string(f.bytes)});
        return files;
    }
    std::vector<fs::path> paths;
    std::error_code ec;
    fs::directory_iterator it(where.dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec))
        if (it->path().extension() == ".yaml" && !it->path().filename().string().starts_with("."))
            paths.push_back(it->path());
    if (ec) {
        // One error for the folder; program.yaml stands for it, unread, so that nothing else
        // is reported as missing.
        diags.error({where.dir, 1, 1}, "cannot read the rules folder: " + ec.message());
        return {{display(fs::path(where.dir) / "program.yaml"), {}, true}};
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
        auto bytes = read_file(p, diags);
        files.push_back({display(p), bytes ? std::move(*bytes) : std::string(), !bytes});
    }
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
    ProposalFiles loaded =
        load_proposal_files(files.proposals, files.listed_regular, call.rules, diags);
    // A run with no proposals decides nothing: an empty or wrong folder is an error, not an
    // empty report. Said only when nothing else is wrong: an error in the rules, or a folder
    // that could not be read, says why already.
    if (loaded.proposals.empty() && !diags.has_errors())
        diags.error({}, files.proposals.empty()
                            ? "no proposals: " + inputs_named(in) +
                                  " holds no proposal files (.yaml, .yml); give a call folder "
                                  "or a folder of proposals"
                            : std::string("no proposals: the proposal files hold none"));
    // Too many proposals: none is kept, and the sheets would only name each of theirs unknown.
    if (loaded.too_many) return call;
    call.proposals = std::move(loaded.proposals);
    sort_proposals(call.proposals);
    std::vector<std::string> hashes = std::move(loaded.sha256);
    apply_score_sheets(files.sheets, call.rules, call.proposals, hashes, diags);
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
