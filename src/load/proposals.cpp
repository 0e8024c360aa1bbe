// Proposal files (SPEC §3): one or several YAML documents, read one document at a time.
#include <algorithm>
#include <unordered_map>

#include "kcity/base/fold.hpp"
#include "kcity/base/utf8.hpp"
#include "kcity/load/load.hpp"
#include "proposal_files.hpp"
#include "schema.hpp"

namespace kcity {
namespace {

// "pilot, planning": a member's tracks, for messages.
std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

// A required text: `city: ""` is as missing as no `city` at all.
std::string required_text(const YamlReader& r, const YamlNode& n, const std::string& what) {
    auto s = r.text(n, what);
    // Unicode spaces and zero-width characters are as blank as "" (utf8.hpp is_blank_text).
    if (s && is_blank_text(*s)) r.error(n, what + " is empty");
    return s.value_or("");
}

std::optional<Party> read_party(const YamlReader& r, const YamlNode& n, const std::string& what) {
    Party p;
    p.where = r.at(n);
    MapFields f(r, n, "`" + what + "`");
    if (auto* v = f.required("name")) p.name = required_text(r, *v, "`" + what + ".name`");
    if (auto* v = f.required("type")) p.type = required_text(r, *v, "`" + what + ".type`");
    if (auto* v = f.optional("country")) p.country = read_country(r, *v, "`" + what + ".country`");
    f.finish();
    if (!f.ok()) return std::nullopt;
    return p;
}

std::optional<Value> read_attribute(const YamlReader& r, const YamlNode& key, const YamlNode& n) {
    Value v;
    v.where = r.at(n);
    v.text = n.text;
    if (n.is_null()) return v;  // null is absent (SPEC §5), also on a `*_krw` path
    if (key.text.ends_with("_krw")) {
        auto m = r.money(n, "`attributes." + key.text + "`");
        if (!m) return std::nullopt;
        v.type = Value::Type::money;
        v.money = *m;
        return v;
    }
    if (!n.is_scalar() && !n.is_null()) {
        r.error(n, "`attributes." + key.text + "` must be a single value, not " + describe(n));
        return std::nullopt;
    }
    switch (scalar_type(n)) {
        case ScalarType::null:
            v.type = Value::Type::null;
            return v;
        case ScalarType::boolean:
            v.type = Value::Type::boolean;
            v.boolean = *r.boolean(n, "");
            return v;
        case ScalarType::integer:
        case ScalarType::number: {
            // Attributes are free: a number no rule tests keeps its text, whatever its precision
            // (`site_lat: 37.566535`). 010, .nan and .inf are refused as everywhere.
            DecimalParse d = parse_decimal(n.text, Decimal::max_places);
            if (!d.ok && parse_decimal(n.text, 30).ok) {
                v.type = Value::Type::string;
                v.inexact_number = true;
                return v;
            }
            auto exact = r.number(n, "`attributes." + key.text + "`", Decimal::max_places);
            if (!exact) return std::nullopt;
            v.type = Value::Type::number;
            v.number = *exact;
            return v;
        }
        case ScalarType::string:
            v.type = Value::Type::string;
            read_date_text(v);  // once here, not at each rule that compares it with a date
            return v;
    }
    return std::nullopt;
}

std::vector<std::string> criterion_ids(const TrackRules& t) {
    std::vector<std::string> ids;
    for (const auto& c : t.criteria) ids.push_back(c.id);
    return ids;
}

}  // namespace

namespace {

// A review as far as it can be read. It is kept whenever its reviewer is known, even with
// errors in its scores (nothing is scored while an error stands), so that a score sheet giving
// the same reviewer again is still reported. `track` is null when the proposal's track is
// unknown or its rules have errors: the scores are then not checked against its criteria.
std::optional<Review> read_review(const YamlReader& r, const YamlNode& n, const TrackRules* track) {
    Review rv;
    rv.where = r.at(n);
    MapFields f(r, n, "a review");
    if (auto* v = f.required("reviewer")) rv.reviewer = read_id(r, *v, "`reviewer`").value_or("");
    const YamlNode* scores = f.required("scores");
    f.finish();
    if (!f.ok() || rv.reviewer.empty()) return std::nullopt;
    if (!scores || !track) return rv;
    if (!scores->is_map()) {
        r.error(*scores, "`scores` must map each criterion to a score, not " + describe(*scores));
        return rv;
    }
    auto ids = criterion_ids(*track);
    rv.scores.assign(track->criteria.size(), Decimal{});
    for (std::size_t i = 0; i < scores->keys.size(); ++i) {
        int ci = track->criterion_index(scores->keys[i].text);
        if (ci < 0) {
            r.error(scores->keys[i], "`" + scores->keys[i].text +
                                         "` is not a criterion of track `" + track->id + "`" +
                                         did_you_mean(scores->keys[i].text, ids));
            continue;
        }
        if (auto s = read_score(r, scores->items[i], track->criteria[ci])) rv.scores[ci] = *s;
    }
    for (const auto& c : track->criteria)
        if (!scores->find(c.id)) r.error(*scores, "this review has no score for `" + c.id + "`");
    return rv;
}

// With a panel (SPEC §5), a review or a conflict names a reviewer listed for the proposal's
// track. A member's name where the id belongs is answered with the id.
void check_on_panel(const YamlReader& r, const YamlNode& n, const std::string& reviewer,
                    const Rules& rules, const Proposal& p) {
    const Panel& panel = rules.panel;
    if (!panel.present || panel.has_errors || !rules.track(p.track)) return;
    const PanelMember* m = panel.find(reviewer);
    if (!m) {
        const PanelMember* by_name = panel.named(reviewer);
        std::vector<std::string> ids;
        for (const auto& x : panel.members) ids.push_back(x.id);
        r.error(n, "reviewer `" + reviewer + "` is not on the panel (panel.yaml)" +
                       (by_name ? " (did you mean `" + by_name->id + "`, whose name this is?)"
                                : did_you_mean(reviewer, ids)));
    } else if (!m->sits_on(p.track)) {
        r.error(n, "reviewer `" + reviewer + "` does not sit on track `" + p.track +
                       "`: panel.yaml (line " + std::to_string(m->where.line) +
                       ") lists them for " + joined(m->tracks));
    }
}

// A panel member's name where an id belongs (`conflicts: [김민수]`): the id is suggested.
// True when `n` is such a name, and the error given.
bool name_for_id(const YamlReader& r, const YamlNode& n, const Rules& rules) {
    if (!rules.panel.present || !n.is_scalar() || is_valid_id(n.text)) return false;
    const PanelMember* m = rules.panel.named(n.text);
    if (!m) return false;
    r.error(n, "reviewer `" + n.text + "` is not on the panel (panel.yaml) (did you mean `" +
                   m->id + "`, whose name this is?)");
    return true;
}

// The members whose organisation is the applicant's or the partner's name (SPEC §5), among
// those who sit on the proposal's track.
void find_same_organisation(const Rules& rules, Proposal& p) {
    if (!rules.panel.present) return;
    std::string applicant = fold_name(p.applicant.name);
    std::string partner = p.partner ? fold_name(p.partner->name) : std::string();
    for (const auto& m : rules.panel.members) {
        if (m.organisation_key.empty() || !m.sits_on(p.track)) continue;
        if (m.organisation_key == applicant)
            p.same_organisation.push_back({m.id, false});
        else if (m.organisation_key == partner)
            p.same_organisation.push_back({m.id, true});
    }
}

// The reviews of a proposal so far, by reviewer, for the one given twice. A proposal has a
// handful: they are searched (a map of them cost eight allocations per proposal). A long list
// is indexed, since searching it for each review was quadratic (200,000 reviews of one proposal
// took 43 s).
class ReviewersSeen {
  public:
    explicit ReviewersSeen(std::size_t reviews) : indexed_(reviews > searched) {
        if (indexed_) index_.reserve(reviews);
    }
    // The review of `reviewer` among `kept` (every review so far but the one asked about), or
    // null; the reviewer is then taken as the next one kept.
    const Review* find(const std::string& reviewer, const std::vector<Review>& kept) {
        if (!indexed_) {
            for (const Review& rv : kept)
                if (rv.reviewer == reviewer) return &rv;
            return nullptr;
        }
        auto [it, fresh] = index_.try_emplace(reviewer, kept.size());
        return fresh ? nullptr : &kept[it->second];
    }

  private:
    static constexpr std::size_t searched = 32;
    bool indexed_;
    std::unordered_map<std::string, std::size_t> index_;  // reviewer -> index into the kept
};

void read_reviews(const YamlReader& r, const YamlNode& n, const TrackRules* track,
                  const Rules& rules, Proposal& p) {
    if (!n.is_sequence()) {
        r.error(n, "`reviews` must be a list of {reviewer, scores}");
        return;
    }
    p.reviews.reserve(n.items.size());
    ReviewersSeen seen(n.items.size());
    for (const auto& item : n.items) {
        const YamlNode* who = item.is_map() ? item.find("reviewer") : nullptr;
        if (who && name_for_id(r, *who, rules)) continue;
        auto rv = read_review(r, item, track);
        if (!rv) continue;
        check_on_panel(r, *item.find("reviewer"), rv->reviewer, rules, p);
        if (const Review* first = seen.find(rv->reviewer, p.reviews))
            r.error(item, "reviewer `" + rv->reviewer + "` already reviewed this proposal (line " +
                              std::to_string(first->where.line) + ")");
        else
            p.reviews.push_back(std::move(*rv));
    }
}

void read_conflicts(const YamlReader& r, const YamlNode& n, const Rules& rules, Proposal& p) {
    if (!n.is_sequence()) {
        r.error(n, "`conflicts` must be a list of reviewer ids");
        return;
    }
    for (const auto& item : n.items)
        if (name_for_id(r, item, rules))
            continue;
        else if (auto id = read_id(r, item, "a reviewer id")) {
            check_on_panel(r, item, *id, rules, p);
            p.conflicts.push_back(*id);
        }
}

std::optional<Proposal> read_proposal(const YamlReader& r, const YamlNode& doc,
                                      const Rules& rules) {
    Proposal p;
    p.where = r.at(doc);
    MapFields f(r, doc, "a proposal");
    if (!f.ok()) return std::nullopt;
    p.at.reserve(doc.keys.size());
    auto note = [&](const char* key, const YamlNode* n) {
        if (n) p.at.set(key, r.at(*n));
        return n;
    };
    if (auto* n = note("id", f.required("id"))) {
        p.id = read_id(r, *n, "`id`").value_or("");
        p.where = r.at(*n);
    }
    const TrackRules* track = nullptr;
    if (auto* n = note("track", f.required("track"))) {
        p.track = r.text(*n, "`track`").value_or("");
        track = rules.track(p.track);
        // With errors in program.yaml its list of tracks may be incomplete: no proposal is
        // then reported for naming a track that is not in it.
        if (!track && !p.track.empty() && !rules.program.has_errors)
            r.error(*n, "`" + p.track + "` is not a track of this call" +
                            did_you_mean(p.track, rules.program.tracks));
        if (track && track->has_errors) track = nullptr;
    }
    if (auto* n = note("title", f.required("title"))) {
        p.title = read_local_text(r, *n, "`title`").value_or(LocalText{});
    }
    if (auto* n = note("country", f.required("country")))
        p.country = read_country(r, *n, "`country`").value_or("");
    if (auto* n = note("city", f.required("city"))) p.city = required_text(r, *n, "`city`");
    if (auto* n = note("applicant", f.required("applicant")))
        p.applicant = read_party(r, *n, "applicant").value_or(Party{});
    if (auto* n = note("partner", f.optional("partner"))) p.partner = read_party(r, *n, "partner");
    if (auto* n = note("requested_krw", f.required("requested_krw")))
        p.requested_krw = r.money(*n, "`requested_krw`").value_or(0);
    if (auto* n = note("submitted_at", f.required("submitted_at")))
        p.submitted_at = read_date(r, *n, "`submitted_at`").value_or(DateTime{});
    if (auto* n = note("domain", f.optional("domain"))) p.domain = r.text(*n, "`domain`");
    if (auto* n = f.optional("attributes")) {
        if (!n->is_map()) r.error(*n, "`attributes` must be a map of names to values");
        p.attributes.reserve(n->keys.size());
        for (std::size_t i = 0; i < n->keys.size(); ++i)
            if (auto v = read_attribute(r, n->keys[i], n->items[i]))
                p.attributes.emplace_back(n->keys[i].text, std::move(*v));
        std::sort(p.attributes.begin(), p.attributes.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    if (auto* n = f.optional("conflicts")) read_conflicts(r, *n, rules, p);
    if (auto* n = f.optional("reviews")) read_reviews(r, *n, track, rules, p);
    f.finish();
    find_same_organisation(rules, p);
    // A proposal with errors is still kept (nothing is scored while an error stands) so that
    // score sheets naming it do not report it as unknown.
    if (p.id.empty()) return std::nullopt;
    return p;
}

}  // namespace

const Value* Proposal::attribute(std::string_view name) const {
    auto it = std::lower_bound(attributes.begin(), attributes.end(), name,
                               [](const auto& a, std::string_view n) { return a.first < n; });
    return it != attributes.end() && it->first == name ? &it->second : nullptr;
}

void FieldPositions::set(const char* key, const Position& where) {
    file_ = where.file;  // one file per proposal
    for (auto& e : items_)
        if (std::string_view(e.key) == key) {
            e.line = where.line;
            e.column = where.column;
            return;
        }
    items_.push_back({key, where.line, where.column});
}

std::optional<Position> FieldPositions::find(std::string_view key) const {
    for (const auto& e : items_)
        if (key == e.key) return Position{file_, e.line, e.column};
    return std::nullopt;
}

std::size_t parse_proposal_text_within(std::string_view text, const std::string& path,
                                       int first_line, const Rules& rules, KeepLimit keep,
                                       std::vector<Proposal>& out,
                                       std::vector<DroppedProposal>& beyond, Diagnostics& diags) {
    YamlReader r(path, diags);
    std::size_t attributes = 0;
    return read_yaml_stream(
        text, path, diags,
        [&](YamlNode&& doc) {
            if (doc.is_null()) return;  // an empty document, e.g. after a trailing ---
            auto p = read_proposal(r, doc, rules);
            if (!p) return;
            attributes += p->attributes.size();
            // Once one is past a limit, so is every one after it: the kept ones come first.
            if (beyond.empty() && out.size() < keep.proposals && attributes <= keep.attributes)
                out.push_back(std::move(*p));
            else
                beyond.push_back({p->where, p->attributes.size()});
        },
        first_line, max_document_values);
}

std::size_t parse_proposal_text(std::string_view text, const std::string& path, int first_line,
                                const Rules& rules, std::vector<Proposal>& out,
                                Diagnostics& diags) {
    std::vector<DroppedProposal> beyond;  // stays empty: every proposal is kept
    constexpr auto all = static_cast<std::size_t>(-1);
    return parse_proposal_text_within(text, path, first_line, rules, {all, all}, out, beyond,
                                      diags);
}

std::size_t parse_proposals(const SourceFile& file, const Rules& rules, std::vector<Proposal>& out,
                            Diagnostics& diags) {
    return parse_proposal_text(file.bytes, file.path, 1, rules, out, diags);
}

}  // namespace kcity
