// Every input that differs between two states of a call, compared as loaded values (so that
// a file moved, reformatted or split changes nothing) and listed structurally.
#include "kcity/diff/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

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

std::vector<InputChange> rule_input_changes(const std::vector<SourceFile>& old_files,
                                            const std::vector<SourceFile>& new_files) {
    std::vector<InputChange> out;
    for (const auto& r : diff_rules(old_files, new_files)) {
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

void diff_fields(const Proposal& a, const Proposal& b, std::vector<InputChange>& out) {
    Fields fa = fields_of(a), fb = fields_of(b);
    std::map<std::string, std::string> ma(fa.begin(), fa.end()), mb(fb.begin(), fb.end());
    auto add = [&](const std::string& field, std::optional<std::string> o,
                   std::optional<std::string> n) {
        out.push_back({InputChange::Kind::proposal, b.where.file, b.id, field, "", std::move(o),
                       std::move(n)});
    };
    for (const auto& [field, value] : fb) {
        auto it = ma.find(field);
        if (it == ma.end())
            add(field, std::nullopt, value);
        else if (it->second != value)
            add(field, it->second, value);
    }
    for (const auto& [field, value] : fa)
        if (!mb.count(field)) add(field, value, std::nullopt);
}

void diff_conflicts(const Proposal& a, const Proposal& b, std::vector<InputChange>& out) {
    auto has = [](const Proposal& p, const std::string& r) {
        return std::find(p.conflicts.begin(), p.conflicts.end(), r) != p.conflicts.end();
    };
    for (const auto& r : b.conflicts)
        if (!has(a, r))
            out.push_back({InputChange::Kind::conflict, b.where.file, b.id, "conflicts", r,
                           std::nullopt, "declared"});
    for (const auto& r : a.conflicts)
        if (!has(b, r))
            out.push_back({InputChange::Kind::conflict, b.where.file, b.id, "conflicts", r,
                           "declared", std::nullopt});
}

// The criteria of a proposal's track on one side, by index (empty when the track is unknown).
std::vector<std::string> criteria_of(const Rules& rules, const Proposal& p) {
    std::vector<std::string> ids;
    if (const TrackRules* t = rules.track(p.track))
        for (const auto& c : t->criteria) ids.push_back(c.id);
    return ids;
}

std::string scores_text(const Review& r, const std::vector<std::string>& criteria) {
    std::string s;
    for (std::size_t i = 0; i < r.scores.size() && i < criteria.size(); ++i)
        s += (s.empty() ? "" : ", ") + criteria[i] + ": " + format_decimal_short(r.scores[i]);
    return s;
}

void diff_reviews(const Proposal& a, const Rules& ra, const Proposal& b, const Rules& rb,
                  std::vector<InputChange>& out) {
    std::vector<std::string> ca = criteria_of(ra, a), cb = criteria_of(rb, b);
    std::map<std::string, const Review*> old_by, new_by;
    for (const auto& r : a.reviews) old_by[r.reviewer] = &r;
    for (const auto& r : b.reviews) new_by[r.reviewer] = &r;
    std::map<std::string, int> reviewers;
    for (const auto& [id, r] : old_by) reviewers[id] |= 1;
    for (const auto& [id, r] : new_by) reviewers[id] |= 2;
    for (const auto& [id, sides] : reviewers) {
        const Review* o = sides & 1 ? old_by[id] : nullptr;
        const Review* n = sides & 2 ? new_by[id] : nullptr;
        if (!o) {
            out.push_back({InputChange::Kind::review_added, n->where.file, b.id, "", id,
                           std::nullopt, scores_text(*n, cb)});
            continue;
        }
        if (!n) {
            out.push_back({InputChange::Kind::review_removed, o->where.file, b.id, "", id,
                           scores_text(*o, ca), std::nullopt});
            continue;
        }
        // Each criterion of the current rules, by id in the base rules' order of scores.
        for (std::size_t i = 0; i < cb.size() && i < n->scores.size(); ++i) {
            auto at = std::find(ca.begin(), ca.end(), cb[i]);
            std::size_t j = static_cast<std::size_t>(at - ca.begin());
            std::optional<std::string> old_score;
            if (at != ca.end() && j < o->scores.size())
                old_score = format_decimal_short(o->scores[j]);
            std::string new_score = format_decimal_short(n->scores[i]);
            if (old_score != new_score)
                out.push_back({InputChange::Kind::review, n->where.file, b.id, cb[i], id, old_score,
                               new_score});
        }
        if (o->conflict != n->conflict)
            out.push_back({InputChange::Kind::conflict, n->where.file, b.id, "conflict", id,
                           o->conflict ? std::optional<std::string>("declared") : std::nullopt,
                           n->conflict ? std::optional<std::string>("declared") : std::nullopt});
    }
}

}  // namespace

std::vector<InputChange> proposal_input_changes(const Call& old_call, const Call& new_call) {
    std::vector<InputChange> out;
    const auto& a = old_call.proposals;
    const auto& b = new_call.proposals;
    std::size_t i = 0, j = 0;
    // Both lists are sorted by id: one merge walk.
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i].id < b[j].id)) {
            out.push_back({InputChange::Kind::proposal_removed, a[i].where.file, a[i].id, "", "",
                           a[i].track, std::nullopt});
            ++i;
        } else if (i == a.size() || b[j].id < a[i].id) {
            out.push_back({InputChange::Kind::proposal_added, b[j].where.file, b[j].id, "", "",
                           std::nullopt, b[j].track});
            ++j;
        } else {
            diff_fields(a[i], b[j], out);
            diff_conflicts(a[i], b[j], out);
            diff_reviews(a[i], old_call.rules, b[j], new_call.rules, out);
            ++i;
            ++j;
        }
    }
    return out;
}

}  // namespace kcity
