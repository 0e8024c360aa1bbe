// What a rules change does: the rule values that differ, and every proposal whose status,
// award or rank moves, with the step and rule value that decided it.
#include "kcity/diff/diff.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <type_traits>
#include <variant>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "kcity/evaluate/evaluate.hpp"
#include "kcity/load/yaml.hpp"

namespace kcity {
namespace {

using Flat = std::vector<std::pair<std::string, std::string>>;

std::string flow(const YamlNode& n);

std::string flow_scalar(const YamlNode& n) {
    if (n.is_null()) return "null";
    return n.quoted ? "\"" + n.text + "\"" : n.text;
}

// A compact one-line rendering, for list items without an id and for scalar lists.
std::string flow(const YamlNode& n) {
    if (n.is_map()) {
        std::string s = "{";
        for (std::size_t i = 0; i < n.keys.size(); ++i)
            s += (i ? ", " : "") + n.keys[i].text + ": " + flow(n.items[i]);
        return s + "}";
    }
    if (n.is_sequence()) {
        std::string s = "[";
        for (std::size_t i = 0; i < n.items.size(); ++i) s += (i ? ", " : "") + flow(n.items[i]);
        return s + "]";
    }
    return flow_scalar(n);
}

bool all_have_ids(const YamlNode& seq) {
    return !seq.items.empty() &&
           std::all_of(seq.items.begin(), seq.items.end(), [](const YamlNode& item) {
               const YamlNode* id = item.is_map() ? item.find("id") : nullptr;
               return id && id->is_scalar();
           });
}

void flatten(const YamlNode& n, const std::string& path, Flat& out) {
    if (n.is_map()) {
        for (std::size_t i = 0; i < n.keys.size(); ++i)
            flatten(n.items[i], path + "." + n.keys[i].text, out);
    } else if (n.is_sequence() && all_have_ids(n)) {
        // Criteria, eligibility rules and adjustments are known by id, not by position.
        for (const auto& item : n.items) {
            std::string key = path + "[" + item.find("id")->text + "]";
            for (std::size_t i = 0; i < item.keys.size(); ++i)
                if (item.keys[i].text != "id")
                    flatten(item.items[i], key + "." + item.keys[i].text, out);
        }
    } else if (n.is_sequence() && !n.items.empty() && n.items.front().is_map()) {
        // History entries and the like: each entry is there or not.
        for (const auto& item : n.items) out.emplace_back(path + "[" + flow(item) + "]", "present");
    } else {
        out.emplace_back(path, flow(n));
    }
}

// "criteria[impact]" for a path inside a list entry known by id, else "".
std::string entry_of(const std::string& path) {
    auto close = path.find(']');
    return path.find('[') == std::string::npos || close == std::string::npos
               ? ""
               : path.substr(0, close + 1);
}

using Index = std::map<std::string_view, std::string_view>;

bool has_entry(const Index& flat, const std::string& entry) {
    auto it = flat.lower_bound(entry);
    return it != flat.end() && it->first.starts_with(entry);
}

// A criterion, rule or adjustment added or removed as a whole is one change, not one per key.
std::vector<RuleChange> collapse_whole_entries(const std::vector<RuleChange>& changes,
                                               const Index& old_map, const Index& new_map) {
    std::vector<RuleChange> out;
    for (const auto& c : changes) {
        std::string entry = entry_of(c.path);
        bool whole = !entry.empty() &&
                     (c.old_value ? !has_entry(new_map, entry) : !has_entry(old_map, entry));
        if (!whole || c.path == entry) {
            out.push_back(c);
            continue;
        }
        std::string part =
            c.path.substr(entry.size() + 1) + ": " + (c.old_value ? *c.old_value : *c.new_value);
        if (!out.empty() && out.back().path == entry) {
            auto& v = out.back().old_value ? out.back().old_value : out.back().new_value;
            *v += ", " + part;
        } else {
            out.push_back({entry, c.old_value ? std::optional(part) : std::nullopt,
                           c.new_value ? std::optional(part) : std::nullopt});
        }
    }
    for (auto& c : out)
        if (c.path.ends_with("]"))
            for (auto* v : {&c.old_value, &c.new_value})
                if (*v && !v->value().starts_with("{")) **v = "{" + **v + "}";
    return out;
}

}  // namespace

Flat flatten_rules(const std::vector<SourceFile>& files) {
    Flat out;
    for (const auto& f : files) {
        std::string stem = std::filesystem::path(f.path).stem().string();
        Diagnostics ignored;  // both rule sets were validated before
        read_yaml_stream(f.bytes, f.path, ignored, [&](YamlNode&& doc) {
            if (doc.is_map() && stem != "program" && stem != "decisions" && doc.find("track"))
                for (std::size_t i = 0; i < doc.keys.size(); ++i) {
                    if (doc.keys[i].text != "track")
                        flatten(doc.items[i], stem + "." + doc.keys[i].text, out);
                }
            else
                flatten(doc, stem, out);
        });
    }
    return out;
}

std::vector<RuleChange> diff_rules(const std::vector<SourceFile>& old_files,
                                   const std::vector<SourceFile>& new_files) {
    Flat a = flatten_rules(old_files), b = flatten_rules(new_files);
    // Views into a and b: 100,000 rules' paths and values are not copied twice more.
    Index old_map(a.begin(), a.end()), new_map(b.begin(), b.end());
    std::vector<RuleChange> out;
    // In the new files' order, then what was removed in the old files' order.
    for (const auto& [path, value] : b) {
        auto it = old_map.find(path);
        if (it == old_map.end())
            out.push_back({path, std::nullopt, value});
        else if (it->second != value)
            out.push_back({path, std::string(it->second), value});
    }
    for (const auto& [path, value] : a)
        if (!new_map.count(path)) out.push_back({path, value, std::nullopt});
    return collapse_whole_entries(out, old_map, new_map);
}

namespace {

bool unselected(Status s) {
    return s == Status::reserve || s == Status::not_selected;
}

// A track's proposals on one side by id, sorted once and searched: 24 bytes an id, where a
// std::map took about 64 (a node each), at the diff's peak (the current run's result alive).
template <class P>
class ById {
  public:
    void add(std::string_view id, const P* p) { rows_.emplace_back(id, p); }
    void sort() { std::sort(rows_.begin(), rows_.end()); }  // ids are unique in a call
    const P* find(std::string_view id) const {
        auto it = std::lower_bound(rows_.begin(), rows_.end(),
                                   std::pair(id, static_cast<const P*>(nullptr)));
        return it != rows_.end() && it->first == id ? it->second : nullptr;
    }
    auto begin() const { return rows_.begin(); }
    auto end() const { return rows_.end(); }

  private:
    std::vector<std::pair<std::string_view, const P*>> rows_;
};

// Under `optimal`, a candidate left out: the trace's optimal set and the best set with it, and
// the candidates those sets name (by rank), so that the report can name them.
std::optional<Because::WhyNot> why_not(const ProposalResult& n, const TrackResult& track) {
    if (!n.trace || !n.trace->optimal || !n.trace->optimal->counterfactual) return std::nullopt;
    const OptimumTrace& o = *n.trace->optimal;
    const TrackRules& t = *track.rules;
    Because::WhyNot w{o, n.award_candidate, t.selection.budget_krw, t.selection.min, t.rounding,
                      {}};
    const Counterfactual& cf = *o.counterfactual;
    std::vector<int> named = cf.displaced;
    named.insert(named.end(), cf.added.begin(), cf.added.end());
    for (const auto& r : track.proposals)
        if (r.rank && r.score && std::find(named.begin(), named.end(), *r.rank) != named.end())
            w.members.push_back({*r.rank, r.proposal->id, *r.score});
    return w;
}

// Selected on both sides with another award: the trace's award check says whether the award
// was capped at award.max_krw (a committee's award is the committee's, never a cap).
Because award_because(const ProposalResult& n, const TrackRules& t, const Result& new_result) {
    Because b;
    bool committee = new_result.rules && new_result.rules->decisions.awards.count(n.proposal->id);
    if (n.award_krw && *n.award_krw < n.award_candidate) {
        b.kind = Because::Kind::award_reduced;
    } else if (n.trace && n.trace->award == AwardCheck::capped && !committee) {
        b.kind = Because::Kind::award_capped;
        b.amount = t.award_max;
    } else {
        b.kind = Because::Kind::award_changed;
        b.amount = n.award_candidate;
        b.requested = n.proposal->requested_krw;
    }
    return b;
}

// Why a proposal's status or award changed: the track's presence, the reserve list, its old
// reasons when it is selected now, its new ones otherwise, and for an award what the run
// recorded.
Because because(const BaseProposal* o, const ProposalResult* n, const TrackResult* new_track,
                const Result& new_result) {
    Because b;
    if (!n) return {Because::Kind::track_gone};
    if (!o) return {Because::Kind::track_new};
    if (unselected(o->status) && unselected(n->status)) {
        b.reserve = new_track->rules->selection.reserve;
        if (o->rank != n->rank) {
            b.kind = Because::Kind::reserve_moved;
            b.old_rank = o->rank.value_or(0);
            b.new_rank = n->rank.value_or(0);
            return b;
        }
        b.kind = Because::Kind::reserve_above;
        for (const auto& r : new_track->proposals)
            if (r.is_candidate && r.rank < n->rank && r.status != Status::selected)
                b.above.push_back(r.proposal->id);
        return b;
    }
    if (o->status != n->status) {
        if (n->status == Status::selected) {
            b.kind = Because::Kind::selected_now;
            b.was = o->status;
            b.reasons.assign(o->reasons.begin(), o->reasons.end());
            return b;
        }
        b.kind =
            n->status == Status::ineligible ? Because::Kind::ineligible : Because::Kind::dropped;
        b.reasons = n->reasons;
        if (unselected(n->status) && new_track->method == Method::optimal)
            b.why_not = why_not(*n, *new_track);
        return b;
    }
    return award_because(*n, *new_track->rules, new_result);
}

// Whether the because line of a change to `n` reads the current run's trace of it: an award
// that changed, or a proposal the optimal set drops. Both were selected in the base run, so
// that no more are traced than the base rules select, whatever the size of the call (a
// candidate that was not selected before and is left out now says the run's reason without
// the counterfactual's numbers: `explain` gives them).
bool reads_trace(const BaseProposal* o, const ProposalResult* n, const TrackResult* new_track) {
    if (!o || !n || o->status != Status::selected) return false;
    return n->status == Status::selected ||                                  // the award
           (unselected(n->status) && new_track->method == Method::optimal);  // dropped
}

// Either side: a ProposalResult of a TrackResult, or a BaseProposal of a BaseTrack.
template <class P, class T>
ProposalSide side_of(const P& r, const T& t) {
    return {r.status, r.rank, r.score, r.award_krw, t.rules->rounding};
}

template <class R>
const auto* find_track(const R& r, const std::string& id) {
    for (const auto& t : r.tracks)
        if (t.rules->id == id) return &t;
    return static_cast<decltype(&r.tracks.front())>(nullptr);
}

template <class T>
std::optional<ShortfallSide> shortfall_of(const T* t) {
    if (!t || !t->shortfall) return std::nullopt;
    return ShortfallSide{t->selected, t->rules->selection.min, t->shortfall_reasons};
}

// A track whose calibration was switched: the calibrating side's offsets, and its rounding.
// Null when both sides calibrate alike (or the track is on one side only).
struct Switched {
    bool on = true;
    const Calibration* offsets = nullptr;
    int places = 2;
};

std::optional<Switched> calibration_switched(const BaseTrack* o, const TrackResult* n) {
    if (!o || !n || o->rules->calibrate == n->rules->calibrate) return std::nullopt;
    const bool on = n->rules->calibrate == Calibrate::offset;
    const auto& cal = on ? n->calibration : o->calibration;
    if (!cal) return std::nullopt;
    return Switched{on, &*cal, (on ? n->rules : o->rules)->rounding};
}

// The reviewers of `r`'s valid reviews (used or trimmed) whose offsets calibration applies, by
// id: a non-zero offset on some criterion, each with the offset of their total.
CalibrationSwitch calibration_moves(const Switched& s, const ProposalResult& r,
                                    const TrackRules& t) {
    CalibrationSwitch out{s.on, {}, s.places};
    std::set<std::string> seen;
    for (std::size_t i = 0; i < r.proposal->reviews.size(); ++i) {
        if (r.role(i) != ReviewRole::used && r.role(i) != ReviewRole::trimmed) continue;
        const std::string& reviewer = r.proposal->reviews[i].reviewer;
        const std::vector<Rational>* offsets = s.offsets->find(reviewer);
        if (!offsets || !seen.insert(reviewer).second ||
            std::all_of(offsets->begin(), offsets->end(),
                        [](const Rational& x) { return x == Rational(); }))
            continue;
        out.offsets.push_back({reviewer, total_offset(t, *offsets)});
    }
    std::sort(out.offsets.begin(), out.offsets.end(),
              [](const auto& a, const auto& b) { return a.reviewer < b.reviewer; });
    return out;
}

TrackDiff diff_track(const std::string& id, const BaseTrack* o, const TrackResult* n,
                     const Result& new_result) {
    TrackDiff d;
    d.track = id;
    d.old_shortfall = shortfall_of(o);
    d.new_shortfall = shortfall_of(n);
    // A track only one side has is reported by its proposals, not as a shortfall change.
    d.shortfall_changed = o && n && d.old_shortfall.has_value() != d.new_shortfall.has_value();
    const std::optional<Switched> switched = calibration_switched(o, n);
    // Keyed by views of the ids the two runs hold: 100,000 ids are not copied twice more.
    ById<BaseProposal> old_by_id;
    if (o)
        for (const auto& r : o->proposals) old_by_id.add(r.id, &r);
    old_by_id.sort();
    std::vector<std::string_view> order;  // the new report's order, then what only the old has
    ById<ProposalResult> new_by_id;
    if (n)
        for (const auto& r : n->proposals) {
            new_by_id.add(r.proposal->id, &r);
            order.push_back(r.proposal->id);
        }
    new_by_id.sort();
    if (o)
        for (const auto& r : o->proposals)
            if (!new_by_id.find(r.id)) order.push_back(r.id);
    for (const auto& pid : order) {
        const BaseProposal* a = old_by_id.find(pid);
        const ProposalResult* b = new_by_id.find(pid);
        ProposalChange c;
        c.id = std::string(pid);
        if (a) c.old_side = side_of(*a, *o);
        if (b) c.new_side = side_of(*b, *n);
        bool status = !a || !b || a->status != b->status;
        bool award = a && b && a->award_krw != b->award_krw;
        bool rank = a && b && a->rank != b->rank;
        if (!status && !award && !rank) continue;
        c.decisive = status || award;
        if (c.decisive) {
            c.because = because(a, b, n, new_result);
            c.reads_trace = reads_trace(a, b, n);
        }
        if (switched && b && b->has_reviews)
            c.calibration = calibration_moves(*switched, *b, switched->on ? *n->rules : *o->rules);
        bool was = a && a->status == Status::selected, is = b && b->status == Status::selected;
        if (is && !was)
            ++d.newly_selected;
        else if (was && !is)
            ++d.dropped;
        else if (status)
            ++d.other_changes;
        else if (award)
            ++d.award_changes;
        if (rank) ++d.rank_changes;
        d.changes.push_back(std::move(c));
    }
    return d;
}

}  // namespace

namespace {

// A list of reasons as bytes, equal exactly when the lists are: every value with its type and
// length, so that no two lists share a key. A rules text (LocalText) by its address: the same
// rules' text is the same pointer.
void put_bytes(std::string& key, const void* p, std::size_t n) {
    key.append(static_cast<const char*>(p), n);
}

template <class T>
void put_raw(std::string& key, const T& v) {
    put_bytes(key, &v, sizeof v);
}

void put_str(std::string& key, std::string_view s) {
    put_raw(key, s.size());
    key.append(s);
}

void put_value(std::string& key, const ArgValue& v) {
    put_raw(key, v.index());
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Count>) {
                put_raw(key, x.n);
            } else if constexpr (std::is_same_v<T, Money>) {
                put_raw(key, x.krw);
            } else if constexpr (std::is_same_v<T, Score>) {
                put_raw(key, x.value.units);
                put_raw(key, x.places);
            } else if constexpr (std::is_same_v<T, Decimal>) {
                put_raw(key, x.units);
            } else if constexpr (std::is_same_v<T, DateTime>) {
                for (int n : {x.year, x.month, x.day, int(x.has_time), x.hour, x.minute, x.second,
                              int(x.has_offset), x.offset_minutes})
                    put_raw(key, n);
            } else if constexpr (std::is_same_v<T, CountryCode>) {
                put_str(key, x.code);
            } else if constexpr (std::is_same_v<T, CountryCounts>) {
                put_raw(key, x.counts.size());
                for (const auto& [code, n] : x.counts) {
                    put_str(key, code);
                    put_raw(key, n);
                }
            } else if constexpr (std::is_same_v<T, Ranks>) {
                put_raw(key, x.ranks.size());
                for (int n : x.ranks) put_raw(key, n);
            } else if constexpr (std::is_same_v<T, std::string>) {
                put_str(key, x);
            } else if constexpr (std::is_same_v<T, const LocalText*>) {
                put_raw(key, x);
            } else {
                static_assert(std::is_same_v<T, TestedValues>);
                put_raw(key, x.fields.size());
                for (const auto& f : x.fields) {
                    put_str(key, f.field);
                    put_raw(key, f.value.has_value());
                    if (f.value) put_str(key, *f.value);
                }
            }
        },
        v);
}

std::string reason_key(const std::vector<Reason>& reasons) {
    std::string key;
    put_raw(key, reasons.size());
    for (const auto& r : reasons) {
        put_str(key, r.code);
        put_raw(key, r.msg);
        put_raw(key, r.args.size());
        for (const auto& a : r.args) {
            put_str(key, a.slot);
            put_value(key, a.value);
        }
    }
    return key;
}

}  // namespace

std::span<const Reason> ReasonLists::intern(const std::vector<Reason>& reasons) {
    if (reasons.empty()) return {};
    auto [it, added] = index_.try_emplace(reason_key(reasons), lists_.size());
    if (added) lists_.push_back(reasons);
    return lists_[it->second];
}

BaseRun summarize_run(const Result& r) {
    BaseRun out{r.rules->origin, r.rules->sha256, {}, {}};
    auto store = std::make_shared<BaseStore>();
    std::size_t text = 0;
    for (const auto& t : r.tracks)
        for (const auto& p : t.proposals)
            text += p.proposal->id.size() + p.proposal->country.size();
    store->text.reserve(text);  // once: the views below stay valid
    auto keep = [&](const std::string& s) {
        std::size_t at = store->text.size();
        store->text += s;
        return std::string_view(store->text).substr(at, s.size());
    };
    out.tracks.reserve(r.tracks.size());
    for (const auto& t : r.tracks) {
        BaseTrack bt{t.rules, t.calibration, t.shortfall, t.selected, t.shortfall_reasons, {}};
        bt.proposals.reserve(t.proposals.size());
        for (const auto& p : t.proposals) {
            std::string_view id = keep(p.proposal->id), country = keep(p.proposal->country);
            bt.proposals.push_back({id, country, store->reasons.intern(p.reasons), p.score,
                                    p.award_krw, p.rank, p.status, p.is_candidate});
        }
        out.tracks.push_back(std::move(bt));
    }
    store->reasons.seal();
    out.store = std::move(store);
    return out;
}

BaseRun run_base(const Call& old_call, const RunOptions& options) {
    RunOptions untraced = options;
    untraced.trace = {};
    return summarize_run(run_selection(old_call, untraced));
}

void release_proposals(Call& call) {
    std::vector<Proposal>().swap(call.proposals);
#ifdef __GLIBC__
    // Hand the freed pages back: glibc keeps them in the loader threads' arenas otherwise, where
    // the current side's load does not always reuse them (100 MB more peak on 100,000).
    malloc_trim(0);
#endif
}

DiffResult diff_results(const Result& old_result, const Result& new_result) {
    return diff_results(summarize_run(old_result), new_result);
}

DiffResult diff_results(const BaseRun& old_result, const Result& new_result) {
    DiffResult d;
    d.old_origin = old_result.origin;
    d.new_origin = new_result.rules->origin;
    d.old_sha256 = old_result.sha256;
    d.new_sha256 = new_result.rules->sha256;
    std::vector<std::string> ids;
    for (const auto& t : new_result.tracks) ids.push_back(t.rules->id);
    for (const auto& t : old_result.tracks)
        if (!find_track(new_result, t.rules->id)) ids.push_back(t.rules->id);
    for (const auto& id : ids) {
        TrackDiff t =
            diff_track(id, find_track(old_result, id), find_track(new_result, id), new_result);
        d.decisive = d.decisive || t.shortfall_changed;
        for (const auto& c : t.changes) d.decisive = d.decisive || c.decisive;
        d.tracks.push_back(std::move(t));
    }
    return d;
}

std::vector<std::string> ids_to_trace(const DiffResult& d) {
    std::vector<std::string> ids;
    for (const auto& t : d.tracks)
        for (const auto& c : t.changes)
            if (c.reads_trace) ids.push_back(c.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

DiffResult diff_runs(const Call& old_call, const Call& new_call, const RunOptions& options,
                     Result& new_result) {
    return diff_runs(run_base(old_call, options), new_call, options, new_result);
}

DiffResult diff_runs(const BaseRun& old_result, const Call& new_call, const RunOptions& options,
                     Result& new_result) {
    // Every change whose because line reads the trace was selected in the base run
    // (reads_trace): the current run records those ids, as many as the base rules select,
    // whatever the size of the call, and nothing has to run a third time.
    std::vector<std::string> ids;
    for (const auto& t : old_result.tracks)
        for (const auto& r : t.proposals)
            if (r.status == Status::selected) ids.emplace_back(r.id);
    RunOptions traced = options;
    traced.trace = ids.empty() ? TraceRequest{} : TraceRequest{true, std::move(ids)};
    new_result = run_selection(new_call, traced);
    return diff_results(old_result, new_result);
}

namespace {

template <class P>
const P* at(const ById<P>& by, std::string_view id) {
    return by.find(id);
}

struct TrackSides {
    const BaseTrack* old_track = nullptr;
    const TrackResult* new_track = nullptr;
    ById<BaseProposal> old_by;
    ById<ProposalResult> new_by;
    // Every proposal of the track on either side, by its new rank, else its old one, then id:
    // sorted once for the track, not once per change (a rank change of 160 proposals in a
    // track of 55,000 sorted 55,000 ids 160 times: minutes).
    std::vector<std::string_view> by_rank;
    // Each of by_rank's proposals on the two sides (null where absent): read once per track,
    // so that the walk for each change looks nothing up in the maps.
    std::vector<std::pair<const BaseProposal*, const ProposalResult*>> rows;
};

TrackSides sides_of(const BaseRun& a, const Result& b, const std::string& track) {
    TrackSides t{find_track(a, track), find_track(b, track), {}, {}, {}, {}};
    if (t.old_track)
        for (const auto& r : t.old_track->proposals) t.old_by.add(r.id, &r);
    if (t.new_track)
        for (const auto& r : t.new_track->proposals) t.new_by.add(r.proposal->id, &r);
    t.old_by.sort();
    t.new_by.sort();
    std::vector<std::pair<int, std::string_view>> keyed;
    for (const auto& [pid, r] : t.old_by) keyed.emplace_back(0, pid);
    for (const auto& [pid, r] : t.new_by)
        if (!t.old_by.find(pid)) keyed.emplace_back(0, pid);
    for (auto& [rank, pid] : keyed) {
        const ProposalResult* r = at(t.new_by, pid);
        const BaseProposal* o = at(t.old_by, pid);
        rank = r && r->rank ? *r->rank : o && o->rank ? *o->rank : 1 << 30;
    }
    std::sort(keyed.begin(), keyed.end());
    t.by_rank.reserve(keyed.size());
    t.rows.reserve(keyed.size());
    for (auto& [rank, pid] : keyed) {
        t.rows.emplace_back(at(t.old_by, pid), at(t.new_by, pid));
        t.by_rank.push_back(pid);
    }
    return t;
}

template <class P>
bool has_reason(const P* r, std::string_view code) {
    return r && std::any_of(r->reasons.begin(), r->reasons.end(),
                            [&](const Reason& x) { return x.code == code; });
}

template <class P>
bool is_selected(const P* r) {
    return r && r->status == Status::selected;
}

template <class P>
bool before(const P* a, const P* b) {
    return a && b && a->rank && b->rank && *a->rank < *b->rank;
}

// The budget left when the walk reached `r`: the track's budget less the awards ranked above
// it (nothing when it is unranked).
template <class T, class P>
std::optional<Krw> budget_left_at(const T* t, const P* r) {
    if (!t || !r || !r->rank) return std::nullopt;
    Krw left = t->rules->selection.budget_krw;
    for (const auto& p : t->proposals)
        if (p.rank && *p.rank < *r->rank && p.award_krw) left -= *p.award_krw;
    return left;
}

// The input changes a proposal's own inputs made: its fields, reviews, conflicts, decisions.
std::vector<std::size_t> own_inputs(const std::vector<InputChange>& inputs, const std::string& id) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].id == id && inputs[i].kind != InputChange::Kind::rule &&
            inputs[i].kind != InputChange::Kind::history &&
            inputs[i].kind != InputChange::Kind::panel)
            out.push_back(i);
    return out;
}

Cause other_cause(Cause::Kind kind, std::string_view id, const TrackSides& t) {
    Cause c;
    c.kind = kind;
    c.other = std::string(id);
    if (const auto* a = at(t.old_by, id)) c.old_side = side_of(*a, *t.old_track);
    if (const auto* b = at(t.new_by, id)) c.new_side = side_of(*b, *t.new_track);
    return c;
}

// What moved a proposal whose own inputs did not change, read from the two runs: a country's
// selections that moved (its country-cap reason), the awards above it (its budget reason), the
// candidates above it that left or joined, and those that crossed it in rank.
std::vector<Cause> others_causes(const std::string& id, const TrackSides& t,
                                 const std::vector<InputChange>& inputs) {
    const BaseProposal* xo = at(t.old_by, id);
    const ProposalResult* xn = at(t.new_by, id);
    std::vector<Cause> out;
    // A withdrawal (or a proposal added or removed) is said as that input change.
    auto as_input = [&](std::string_view other) -> std::optional<Cause> {
        for (std::size_t i = 0; i < inputs.size(); ++i)
            if (inputs[i].id == other && ((inputs[i].kind == InputChange::Kind::decision &&
                                           inputs[i].field == "withdrawn") ||
                                          inputs[i].kind == InputChange::Kind::proposal_added ||
                                          inputs[i].kind == InputChange::Kind::proposal_removed)) {
                Cause c;
                c.input = i;
                c.other = std::string(other);
                return c;
            }
        return std::nullopt;
    };
    bool decisive = !xo || !xn || xo->status != xn->status || xo->award_krw != xn->award_krw;
    bool rank_moved = xo && xn && xo->rank != xn->rank;
    // Selection: a country's selections, the budget left at its rank, the candidates above it.
    bool in_selection = decisive && ((xo && xo->is_candidate) || (xn && xn->is_candidate));
    bool cap = in_selection && (has_reason(xo, "country-cap") || has_reason(xn, "country-cap"));
    bool budget = in_selection && (has_reason(xo, "budget") || has_reason(xn, "budget")) &&
                  budget_left_at(t.old_track, xo) != budget_left_at(t.new_track, xn);
    for (std::size_t k = 0; k < t.by_rank.size(); ++k) {
        std::string_view other = t.by_rank[k];
        if (other == id) continue;
        const auto [po, pn] = t.rows[k];
        bool above_old = before(po, xo), above_new = before(pn, xn);
        if (cap && xn && (po ? po->country : pn->proposal->country) == xn->proposal->country &&
            is_selected(po) != is_selected(pn)) {
            Cause c = other_cause(Cause::Kind::country_cap, other, t);
            c.country = xn->proposal->country;
            c.selected = is_selected(pn);
            out.push_back(std::move(c));
            continue;
        }
        if (budget && xn && xn->rank && (above_old || above_new) &&
            (po ? po->award_krw : std::nullopt) != (pn ? pn->award_krw : std::nullopt)) {
            Cause c = other_cause(Cause::Kind::budget_left, other, t);
            c.rank = *xn->rank;
            c.old_award = po ? po->award_krw : std::nullopt;
            c.new_award = pn ? pn->award_krw : std::nullopt;
            out.push_back(std::move(c));
            continue;
        }
        bool was_candidate = po && po->is_candidate, is_candidate = pn && pn->is_candidate;
        if (in_selection && was_candidate && !is_candidate && above_old) {
            out.push_back(as_input(other).value_or(other_cause(Cause::Kind::left, other, t)));
            continue;
        }
        if (in_selection && is_candidate && !was_candidate && above_new) {
            out.push_back(as_input(other).value_or(other_cause(Cause::Kind::joined, other, t)));
            continue;
        }
        // Ranking: another now above it that was not (a new score, or newly ranked), or the
        // reverse.
        if (rank_moved && above_new && !above_old)
            out.push_back(other_cause(Cause::Kind::overtook, other, t));
        else if (rank_moved && above_old && !above_new)
            out.push_back(other_cause(Cause::Kind::fell_behind, other, t));
    }
    return out;
}

}  // namespace

DiffResult diff_base_runs(const Call& old_call, const Call& new_call, const RunOptions& options,
                          std::vector<InputChange> inputs, Result& new_result) {
    return diff_base_runs(run_base(old_call, options), new_call, options, std::move(inputs),
                          new_result);
}

DiffResult diff_base_runs(const BaseRun& old_result, const Call& new_call,
                          const RunOptions& options, std::vector<InputChange> inputs,
                          Result& new_result) {
    RunOptions untraced = options;
    untraced.trace = {};
    new_result = run_selection(new_call, untraced);
    DiffResult d = diff_results(old_result, new_result);
    d.whole_call = true;
    d.inputs = std::move(inputs);
    for (auto& track : d.tracks) {
        TrackSides t = sides_of(old_result, new_result, track.track);
        for (auto& c : track.changes) {
            for (std::size_t i : own_inputs(d.inputs, c.id)) {
                Cause own;
                own.input = i;
                c.causes.push_back(std::move(own));
            }
            if (!c.causes.empty()) continue;
            c.causes = others_causes(c.id, t, d.inputs);
            // A rules change of its track moves it as well: named after the others.
            if (c.decisive)
                for (std::size_t i = 0; i < d.inputs.size(); ++i)
                    if (d.inputs[i].kind == InputChange::Kind::rule &&
                        d.inputs[i].id.starts_with(track.track + ".")) {
                        Cause rule;
                        rule.input = i;
                        c.causes.push_back(std::move(rule));
                    }
        }
    }
    return d;
}

}  // namespace kcity
