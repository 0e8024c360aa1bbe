// Checks that need the whole call: ids across files, committee decisions, predicate types.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "kcity/base/parallel.hpp"
#include "kcity/evaluate/predicate.hpp"
#include "kcity/load/load.hpp"

namespace kcity {
namespace {

// Proposals whose types one core checks at a time.
constexpr std::size_t types_chunk = 512;

std::string place(const Position& p) {
    return p.file.str() + ":" + std::to_string(p.line);
}

void check_duplicate_ids(const std::vector<Proposal>& proposals, Diagnostics& diags) {
    // Sorted by id and place, as a loaded call is: each repeat follows the first of its id,
    // which is the earlier place. The same errors, in the same order, as the map below gives.
    if (std::is_sorted(proposals.begin(), proposals.end(), [](const auto& a, const auto& b) {
            return std::tie(a.id, a.where) < std::tie(b.id, b.where);
        })) {
        for (std::size_t i = 1, first = 0; i < proposals.size(); ++i) {
            if (proposals[i].id != proposals[first].id) {
                first = i;
                continue;
            }
            diags.error(proposals[i].where, "proposal id `" + proposals[i].id +
                                                "` is also used at " +
                                                place(proposals[first].where));
        }
        return;
    }
    std::unordered_map<std::string, const Proposal*> first;
    for (const auto& p : proposals) {
        auto [it, inserted] = first.emplace(p.id, &p);
        if (inserted) continue;
        // Report the later of the two places, naming the earlier one.
        const Proposal* a = it->second;
        const Proposal* b = &p;
        if (b->where < a->where) std::swap(a, b);
        diags.error(b->where, "proposal id `" + p.id + "` is also used at " + place(a->where));
    }
}

// Where errors were already reported: a value that could not be read is not checked again.
std::set<Position> error_positions(const Diagnostics& diags) {
    std::set<Position> out;
    for (const auto& d : diags.sorted())
        if (d.severity == Severity::error) out.insert(d.where);
    return out;
}

bool request_readable(const Proposal& p, const std::set<Position>& unreadable) {
    std::optional<Position> where = p.at.find("requested_krw");
    return where && !unreadable.count(*where);
}

void check_decisions(const Call& call, Diagnostics& diags) {
    const Decisions& d = call.rules.decisions;
    if (d.withdrawn.empty() && d.awards.empty()) return;  // nothing to look up
    std::set<Position> unreadable = error_positions(diags);
    std::unordered_map<std::string, const Proposal*> by_id;
    std::vector<std::string> ids;
    for (const auto& p : call.proposals) {
        by_id.emplace(p.id, &p);
        ids.push_back(p.id);
    }
    for (const auto& [id, where] : d.withdrawn)
        if (!by_id.count(id))
            diags.error(where, "withdrawn proposal `" + id + "` is not among the proposals" +
                                   did_you_mean(id, ids));
    for (const auto& [id, award] : d.awards) {
        auto it = by_id.find(id);
        if (it == by_id.end()) {
            diags.error(award.second,
                        "the award for `" + id + "` names no proposal" + did_you_mean(id, ids));
            continue;
        }
        const Proposal& p = *it->second;
        const TrackRules* t = call.rules.track(p.track);
        if (!t || t->has_errors) continue;
        if (award.first < t->award_min || award.first > t->award_max)
            diags.error(award.second, "the committee's award " + format_krw_en(award.first) +
                                          " for `" + id + "` is outside the award range " +
                                          format_krw_en(t->award_min) + " to " +
                                          format_grouped(t->award_max));
        else if (award.first > p.requested_krw && request_readable(p, unreadable))
            diags.error(award.second, "the committee's award " + format_krw_en(award.first) +
                                          " for `" + id + "` exceeds its request of " +
                                          format_krw_en(p.requested_krw));
    }
}

}  // namespace

void check_call(const Call& call, Diagnostics& diags) {
    check_duplicate_ids(call.proposals, diags);
    check_decisions(call, diags);
    // Each proposal's types on every core, each chunk's messages kept apart and added in the
    // proposals' order.
    const std::size_t n = call.proposals.size();
    std::vector<Diagnostics> found((n + types_chunk - 1) / types_chunk);
    parallel_chunks(n, types_chunk, [&](std::size_t begin, std::size_t end) {
        Diagnostics& out = found[begin / types_chunk];
        for (std::size_t i = begin; i < end; ++i) {
            const Proposal& p = call.proposals[i];
            const TrackRules* t = call.rules.track(p.track);
            if (!t || t->has_errors) continue;
            for (const auto& e : t->eligibility) check_types(e.require, p, e.id, out);
            for (const auto& a : t->adjustments) check_types(a.when, p, a.id, out);
        }
    });
    for (const auto& f : found) diags.append(f);
}

}  // namespace kcity
