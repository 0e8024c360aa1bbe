// Every input that differs between two states of a call, compared as loaded values (so that
// a file moved, reformatted or split changes nothing) and listed structurally.
#include "kcity/diff/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "kcity/base/date.hpp"
#include "kcity/base/money.hpp"

namespace kcity {

const char* input_change_code(InputChange::Kind k) {
    using K = InputChange::Kind;
    switch (k) {
        case K::rule:
            return "rule";
        case K::proposal_added:
            return "proposal-added";
        case K::proposal_removed:
            return "proposal-removed";
        case K::proposal:
            return "proposal";
        case K::review_added:
            return "review-added";
        case K::review_removed:
            return "review-removed";
        case K::review:
            return "review";
        case K::conflict:
            return "conflict";
        case K::decision:
            return "decision";
        case K::history:
            return "history";
        case K::panel:
            return "panel";
    }
    return "rule";
}

std::vector<InputChange> rule_input_changes(const std::vector<RuleChange>& rules,
                                            const std::vector<SourceFile>& old_files,
                                            const std::vector<SourceFile>& new_files) {
    std::vector<InputChange> out;
    for (const auto& r : rules) {
        InputChange c;
        std::string top = r.path.substr(0, r.path.find_first_of(".["));
        if (top == "decisions") continue;  // by proposal: decision_input_changes
        c.kind = top == "history" ? InputChange::Kind::history
                 : top == "panel" ? InputChange::Kind::panel
                                  : InputChange::Kind::rule;
        // The file the value is in: the current rules' file of that name, else the base's.
        c.file = top + ".yaml";
        for (const auto* files : {&new_files, &old_files})
            for (const auto& f : *files)
                if (std::filesystem::path(f.path).stem() == top && c.file == top + ".yaml")
                    c.file = f.path;
        c.id = r.path;
        c.old_value = r.old_value;
        c.new_value = r.new_value;
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<InputChange> decision_input_changes(const Rules& old_rules, const Rules& new_rules) {
    const Decisions& a = old_rules.decisions;
    const Decisions& b = new_rules.decisions;
    // By proposal id: a withdrawal, then an award, each there or not on either side.
    std::map<std::string, int> ids;
    for (const auto* d : {&a, &b}) {
        for (const auto& [id, at] : d->withdrawn) ids[id];
        for (const auto& [id, award] : d->awards) ids[id];
    }
    std::vector<InputChange> out;
    auto file_of = [](const Position& p) { return p.file.str(); };
    for (const auto& [id, unused] : ids) {
        auto wa = a.withdrawn.find(id), wb = b.withdrawn.find(id);
        bool was = wa != a.withdrawn.end(), is = wb != b.withdrawn.end();
        if (was != is)
            out.push_back({InputChange::Kind::decision,
                           is ? file_of(wb->second) : file_of(wa->second), id, "withdrawn", "",
                           was ? std::optional<std::string>("yes") : std::nullopt,
                           is ? std::optional<std::string>("yes") : std::nullopt});
        auto aa = a.awards.find(id), ab = b.awards.find(id);
        std::optional<std::string> old_award, new_award;
        if (aa != a.awards.end()) old_award = format_grouped(aa->second.first);
        if (ab != b.awards.end()) new_award = format_grouped(ab->second.first);
        if (old_award != new_award)
            out.push_back(
                {InputChange::Kind::decision,
                 ab != b.awards.end() ? file_of(ab->second.second) : file_of(aa->second.second), id,
                 "award_krw", "", old_award, new_award});
    }
    return out;
}

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

void add_party(Fields& f, const std::string& prefix, const Party& p) {
    f.emplace_back(prefix + ".name", p.name);
    f.emplace_back(prefix + ".type", p.type);
    if (p.country) f.emplace_back(prefix + ".country", *p.country);
}

// A proposal's fields as path → text, in the proposal's order; reviews and conflicts apart.
Fields fields_of(const Proposal& p) {
    Fields f = {{"track", p.track},
                {"title.en", p.title.en},
                {"title.ko", p.title.ko},
                {"country", p.country},
                {"city", p.city}};
    add_party(f, "applicant", p.applicant);
    if (p.partner) add_party(f, "partner", *p.partner);
    f.emplace_back("requested_krw", format_grouped(p.requested_krw));
    f.emplace_back("submitted_at", format_datetime(p.submitted_at));
    if (p.domain) f.emplace_back("domain", *p.domain);
    for (const auto& [name, value] : p.attributes) f.emplace_back("attributes." + name, value.text);
    std::erase_if(f, [](const auto& kv) { return kv.second.empty(); });
    return f;
}

// The criteria of a track on one side, by index (empty when the track is unknown).
std::vector<std::string> criteria_of(const Rules& rules, const std::string& track) {
    std::vector<std::string> ids;
    if (const TrackRules* t = rules.track(track))
        for (const auto& c : t->criteria) ids.push_back(c.id);
    return ids;
}

// What the comparison reads of one proposal, from a loaded proposal or a packed one.
struct Side {
    struct Rev {
        std::string reviewer, file;
        std::vector<std::pair<std::string, std::string>> scores;  // criterion id → score
        bool conflict = false;
    };
    Fields fields;
    std::vector<std::string> conflicts;
    std::vector<Rev> reviews;
};

// Each score with its criterion, as far as both go.
std::vector<std::pair<std::string, std::string>> scores_by_criterion(
    const Scores& scores, const std::vector<std::string>& criteria) {
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < scores.size() && i < criteria.size(); ++i)
        out.emplace_back(criteria[i], format_decimal_short(scores[i]));
    return out;
}

Side side_of(const Proposal& p, const Rules& rules) {
    Side s{fields_of(p), p.conflicts, {}};
    std::vector<std::string> criteria = criteria_of(rules, p.track);
    for (const auto& r : p.reviews)
        s.reviews.push_back(
            {r.reviewer, r.where.file.str(), scores_by_criterion(r.scores, criteria), r.conflict});
    return s;
}

// Packing: lengths, numbers and word indexes as LEB128 (a score as its zigzag-coded units).
void put_number(std::string& out, std::size_t n) {
    do {
        unsigned char b = n & 0x7f;
        n >>= 7;
        out.push_back(static_cast<char>(n ? b | 0x80 : b));
    } while (n);
}

// A score as its exact units, zigzag-coded (3 bytes for 35.44, against 6 as text).
void put_signed(std::string& out, std::int64_t n) {
    put_number(out, (static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63));
}

struct Reader {
    std::string_view in;
    std::size_t number() {
        std::size_t n = 0;
        for (int shift = 0;; shift += 7) {
            auto b = static_cast<unsigned char>(in.front());
            in.remove_prefix(1);
            n |= static_cast<std::size_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return n;
        }
    }
    std::int64_t signed_number() {
        std::uint64_t z = number();
        return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
    }
    std::string bytes(std::size_t n) {
        std::string s(in.substr(0, n));
        in.remove_prefix(n);
        return s;
    }
};

// The longest field value packed as a word of the table.
constexpr std::size_t short_value = 24;

// The packed form; `word` gives a word's index (or none, and then packing stops with false).
template <class Word>
bool pack_proposal(const Proposal& p, const Rules& rules, Word&& word, std::string& out) {
    auto put_word = [&](std::string_view w) {
        std::optional<std::uint32_t> i = word(w);
        if (i) put_number(out, *i);
        return i.has_value();
    };
    Fields fields = fields_of(p);
    put_number(out, fields.size());
    for (const auto& [name, value] : fields) {
        if (!put_word(name)) return false;
        // A short value (a type, a country, a city, an amount, a date) repeats across a call:
        // a word of the table, odd; a longer one (a title, a name) as text, its length even.
        if (value.size() <= short_value) {
            std::optional<std::uint32_t> i = word(value);
            if (!i) return false;
            put_number(out, std::size_t(*i) * 2 + 1);
        } else {
            put_number(out, value.size() * 2);
            out.append(value);
        }
    }
    put_number(out, p.conflicts.size());
    for (const auto& r : p.conflicts)
        if (!put_word(r)) return false;
    std::size_t criteria = rules.track(p.track) ? rules.track(p.track)->criteria.size() : 0;
    put_number(out, p.reviews.size());
    for (const auto& r : p.reviews) {
        if (!put_word(r.reviewer) || !put_word(r.where.file.str())) return false;
        out.push_back(r.conflict ? '1' : '0');
        std::size_t n = std::min(r.scores.size(), criteria);
        put_number(out, n);
        for (std::size_t i = 0; i < n; ++i) put_signed(out, r.scores[i].units);
    }
    return true;
}

Side unpack(const ProposalInputs& inputs, const ProposalInputs::Entry& e, const Rules& rules) {
    Reader r{e.packed};
    Side s;
    for (std::size_t n = r.number(); n; --n) {
        std::string name = inputs.word(static_cast<std::uint32_t>(r.number()));
        std::size_t v = r.number();
        s.fields.emplace_back(std::move(name), v % 2
                                                   ? inputs.word(static_cast<std::uint32_t>(v / 2))
                                                   : r.bytes(v / 2));
    }
    for (std::size_t n = r.number(); n; --n)
        s.conflicts.push_back(inputs.word(static_cast<std::uint32_t>(r.number())));
    std::vector<std::string> criteria = criteria_of(rules, inputs.word(e.track));
    for (std::size_t n = r.number(); n; --n) {
        Side::Rev rev;
        rev.reviewer = inputs.word(static_cast<std::uint32_t>(r.number()));
        rev.file = inputs.word(static_cast<std::uint32_t>(r.number()));
        rev.conflict = r.in.front() == '1';
        r.in.remove_prefix(1);
        for (std::size_t k = 0, scores = r.number(); k < scores; ++k)
            rev.scores.emplace_back(criteria[k], format_decimal_short(Decimal{r.signed_number()}));
        s.reviews.push_back(std::move(rev));
    }
    return s;
}

struct Target {
    const std::string& file;  // the current side's file of the proposal
    const std::string& id;
    const TrackRules* track = nullptr;  // the current rules' track of the proposal
};

void diff_fields(const Side& a, const Side& b, const Target& t, std::vector<InputChange>& out) {
    std::map<std::string, std::string> ma(a.fields.begin(), a.fields.end()),
        mb(b.fields.begin(), b.fields.end());
    auto add = [&](const std::string& field, std::optional<std::string> o,
                   std::optional<std::string> n) {
        out.push_back(
            {InputChange::Kind::proposal, t.file, t.id, field, "", std::move(o), std::move(n)});
    };
    for (const auto& [field, value] : b.fields) {
        auto it = ma.find(field);
        if (it == ma.end())
            add(field, std::nullopt, value);
        else if (it->second != value)
            add(field, it->second, value);
    }
    for (const auto& [field, value] : a.fields)
        if (!mb.count(field)) add(field, value, std::nullopt);
}

void diff_conflicts(const Side& a, const Side& b, const Target& t, std::vector<InputChange>& out) {
    auto has = [](const Side& s, const std::string& r) {
        return std::find(s.conflicts.begin(), s.conflicts.end(), r) != s.conflicts.end();
    };
    for (const auto& r : b.conflicts)
        if (!has(a, r))
            out.push_back({InputChange::Kind::conflict, t.file, t.id, "conflicts", r, std::nullopt,
                           "declared"});
    for (const auto& r : a.conflicts)
        if (!has(b, r))
            out.push_back({InputChange::Kind::conflict, t.file, t.id, "conflicts", r, "declared",
                           std::nullopt});
}

std::string scores_text(const Side::Rev& r) {
    std::string s;
    for (const auto& [criterion, score] : r.scores)
        s += (s.empty() ? "" : ", ") + criterion + ": " + score;
    return s;
}

void diff_reviews(const Side& a, const Side& b, const Target& t, std::vector<InputChange>& out) {
    std::map<std::string, const Side::Rev*> old_by, new_by;
    for (const auto& r : a.reviews) old_by[r.reviewer] = &r;
    for (const auto& r : b.reviews) new_by[r.reviewer] = &r;
    std::map<std::string, int> reviewers;
    for (const auto& [id, r] : old_by) reviewers[id] |= 1;
    for (const auto& [id, r] : new_by) reviewers[id] |= 2;
    for (const auto& [id, sides] : reviewers) {
        const Side::Rev* o = sides & 1 ? old_by[id] : nullptr;
        const Side::Rev* n = sides & 2 ? new_by[id] : nullptr;
        if (!o) {
            out.push_back({InputChange::Kind::review_added, n->file, t.id, "", id, std::nullopt,
                           scores_text(*n), t.track, n->scores});
            continue;
        }
        if (!n) {
            out.push_back({InputChange::Kind::review_removed, o->file, t.id, "", id,
                           scores_text(*o), std::nullopt, t.track, o->scores});
            continue;
        }
        // Each criterion of the current rules, matched by id with the base's scores.
        for (const auto& [criterion, new_score] : n->scores) {
            std::optional<std::string> old_score;
            for (const auto& [c, s] : o->scores)
                if (c == criterion) old_score = s;
            if (old_score != new_score)
                out.push_back({InputChange::Kind::review, n->file, t.id, criterion, id, old_score,
                               new_score, t.track});
        }
        if (o->conflict != n->conflict)
            out.push_back({InputChange::Kind::conflict, n->file, t.id, "conflict", id,
                           o->conflict ? std::optional<std::string>("declared") : std::nullopt,
                           n->conflict ? std::optional<std::string>("declared") : std::nullopt});
    }
}

// Tracks whose criteria are the same on both sides: there, equal packed forms mean equal
// inputs, and the comparison of the values is skipped.
std::set<std::string> tracks_with_same_criteria(const Rules& a, const Rules& b) {
    std::set<std::string> same;
    for (const auto& t : b.tracks)
        if (criteria_of(a, t.id) == criteria_of(b, t.id)) same.insert(t.id);
    return same;
}

}  // namespace

ProposalInputs::ProposalInputs(const Call& call) {
    entries_.reserve(call.proposals.size());
    std::string buffer;
    for (const auto& p : call.proposals) {
        buffer.clear();
        pack_proposal(
            p, call.rules, [&](std::string_view w) { return intern(w); }, buffer);
        std::string_view id = keep(p.id);
        entries_.push_back({id, intern(p.track), p.where.file, keep(buffer)});
    }
}

std::string_view ProposalInputs::keep(std::string_view s) {
    constexpr std::size_t block_size = std::size_t(1) << 20;
    if (blocks_.empty() || block_left_ < s.size()) {
        std::size_t n = std::max(block_size, s.size());
        // Not zeroed: a block's pages are touched only as far as it is filled.
        blocks_.push_back(std::make_unique_for_overwrite<char[]>(n));
        block_left_ = n;
        block_end_ = blocks_.back().get();
    }
    char* at = block_end_;
    std::copy(s.begin(), s.end(), at);
    block_end_ += s.size();
    block_left_ -= s.size();
    return {at, s.size()};
}

std::uint32_t ProposalInputs::intern(std::string_view w) {
    if (auto it = index_.find(w); it != index_.end()) return it->second;
    auto i = static_cast<std::uint32_t>(words_.size());
    index_.emplace(words_.emplace_back(w), i);
    return i;
}

std::optional<std::uint32_t> ProposalInputs::find(std::string_view w) const {
    auto it = index_.find(w);
    return it == index_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
}

bool ProposalInputs::pack(const Proposal& p, const Rules& rules, std::string& out) const {
    out.clear();
    return pack_proposal(
        p, rules, [&](std::string_view w) { return find(w); }, out);
}

std::vector<InputChange> proposal_input_changes(const ProposalInputs& old_inputs,
                                                const Rules& old_rules, const Call& new_call) {
    std::vector<InputChange> out;
    const auto& a = old_inputs.entries();
    const auto& b = new_call.proposals;
    const std::set<std::string> same = tracks_with_same_criteria(old_rules, new_call.rules);
    std::string packed;
    std::size_t i = 0, j = 0;
    // Both lists are sorted by id: one merge walk.
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i].id < b[j].id)) {
            out.push_back({InputChange::Kind::proposal_removed, a[i].file, std::string(a[i].id), "",
                           "", old_inputs.word(a[i].track), std::nullopt});
            ++i;
        } else if (i == a.size() || b[j].id < a[i].id) {
            out.push_back({InputChange::Kind::proposal_added, b[j].where.file, b[j].id, "", "",
                           std::nullopt, b[j].track});
            ++j;
        } else {
            bool equal = same.count(b[j].track) && old_inputs.word(a[i].track) == b[j].track &&
                         old_inputs.pack(b[j], new_call.rules, packed) && packed == a[i].packed;
            if (!equal) {
                Side sa = unpack(old_inputs, a[i], old_rules), sb = side_of(b[j], new_call.rules);
                Target t{b[j].where.file.str(), b[j].id, new_call.rules.track(b[j].track)};
                diff_fields(sa, sb, t, out);
                diff_conflicts(sa, sb, t, out);
                diff_reviews(sa, sb, t, out);
            }
            ++i;
            ++j;
        }
    }
    return out;
}

std::vector<InputChange> proposal_input_changes(const Call& old_call, const Call& new_call) {
    return proposal_input_changes(ProposalInputs(old_call), old_call.rules, new_call);
}

}  // namespace kcity
