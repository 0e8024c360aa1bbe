// program.yaml, <track>.yaml, history.yaml and decisions.yaml (SPEC §5).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "kcity/base/fold.hpp"
#include "kcity/base/sha256.hpp"
#include "kcity/base/utf8.hpp"
#include "kcity/load/load.hpp"
#include "kcity/load/predicate.hpp"
#include "kcity/model/result.hpp"
#include "schema.hpp"

namespace kcity {

int TrackRules::criterion_index(std::string_view id) const {
    for (std::size_t i = 0; i < criteria.size(); ++i)
        if (criteria[i].id == id) return static_cast<int>(i);
    return -1;
}

bool PanelMember::sits_on(std::string_view track) const {
    return tracks.empty() || std::find(tracks.begin(), tracks.end(), track) != tracks.end();
}

const PanelMember* Panel::find(std::string_view id) const {
    for (const auto& m : members)
        if (m.id == id) return &m;
    return nullptr;
}

const PanelMember* Panel::named(std::string_view text) const {
    if (const PanelMember* m = find(text)) return m;
    std::string key = fold_name(text);
    if (key.empty()) return nullptr;
    for (const auto& m : members)
        for (const std::string* n : {&m.name.ko, &m.name.en})
            if (!n->empty() && fold_name(*n) == key) return &m;
    return nullptr;
}

const TrackRules* Rules::track(std::string_view id) const {
    for (const auto& t : tracks)
        if (t.id == id) return &t;
    return nullptr;
}

namespace {

const std::set<std::string> reserved_tracks = {"program", "history", "decisions", "panel"};

// Bounds of the rules' numbers (docs/validation.md "Bounds"), so that no sum or product of
// scores can overflow the 64-bit units of a Decimal: the highest base score is
// 100 criteria × 10,000 points × weight 1,000 = 10^9 points (10^13 units), and the points of
// 10,000 adjustments of at most 10,000 each add up to 10^8.
constexpr int max_criteria = 100;
constexpr std::int64_t max_criterion_max = 10'000;
constexpr std::int64_t max_weight = 1'000;
constexpr int max_adjustments = 10'000;
constexpr std::int64_t max_points = 10'000;
constexpr std::int64_t max_cap = 100'000'000;
constexpr i128 max_award_sum = 1'000'000'000'000'000'000;
// Each track's budget is at most 10^15 won: 1,000 of them add up to well within 64 bits.
constexpr int max_tracks = 1'000;
// An approval box (결재란) wider than this would not fit the width of an A4 page.
constexpr std::size_t max_approval_titles = 8;

// A number read from the rules, refused when above `limit` (the bounds above).
std::optional<Decimal> bounded(const YamlReader& r, const YamlNode& n, std::optional<Decimal> v,
                               std::string_view what, std::int64_t limit) {
    if (v && (*v > Decimal::from_int(limit) || *v < Decimal::from_int(-limit))) {
        r.error(n, std::string(what) + " must be at most " + format_grouped(limit) +
                       (*v < Decimal{} ? " in size" : "") + ", not " + format_decimal_short(*v));
        return std::nullopt;
    }
    return v;
}

// Column names of a score sheet (SPEC §4, with their aliases): a criterion with one of them as
// its id or name could not be told from that column.
const std::vector<std::string> sheet_columns = {
    "proposal", "id",       "제안번호", "과제번호", "접수번호", "reviewer",
    "평가위원", "심사위원", "total",    "합계",     "총점",     "conflict",
    "이해충돌", "제척",     "comment",  "비고",     "의견"};

// A name as a sheet header matches it: trimmed, in lower case, without a maximum in brackets
// ("Total (30)").
std::string header_form(std::string_view name) {
    std::string s(name);
    if (auto open = s.rfind('('); open != std::string::npos && s.ends_with(")")) s.resize(open);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The sheet column that the criterion's id or one of its names would be read as, if any.
std::optional<std::string> sheet_column_clash(const Criterion& c) {
    for (const std::string* name : {&c.id, &c.name.ko, &c.name.en}) {
        const std::string form = header_form(*name);
        if (std::find(sheet_columns.begin(), sheet_columns.end(), form) != sheet_columns.end())
            return *name;
    }
    return std::nullopt;
}

// The bytes of rules files parsed so far in a run, against max_rules_bytes: the first file
// past the limit is refused with its message, the ones after it without one (one mistake).
struct RulesBudget {
    std::size_t used = 0;
    bool reported = false;
    bool refused_last = false;  // the last file asked about was refused: what it holds is unknown
};

// Whether `file` still fits in the run's rules bytes; the error is given when it does not.
bool within_rules_budget(const SourceFile& file, RulesBudget& budget, Diagnostics& diags) {
    budget.refused_last = false;
    if (file.bytes.size() > max_rules_file_bytes) return true;  // refused by its own size
    budget.used += file.bytes.size();
    if (budget.used <= max_rules_bytes) return true;
    budget.refused_last = true;
    if (!budget.reported)
        diags.error({file.path, 1, 1},
                    "the rules files add up to more than " +
                        format_grouped(static_cast<Krw>(max_rules_bytes)) +
                        " bytes (12 MiB) with this one: kcity reads at most that much of rules "
                        "in one run, to stay within its memory; this file and the rules files "
                        "read after it are not read");
    budget.reported = true;
    return false;
}

// Reads the single document of a rules file; false when it has none or errors.
bool read_single_document(const SourceFile& file, Diagnostics& diags, YamlNode& out,
                          RulesBudget& budget) {
    if (file.unreadable) return false;
    if (!within_rules_budget(file, budget, diags)) return false;
    if (file.bytes.size() > max_rules_file_bytes) {
        diags.error({file.path, 1, 1}, "the rules file is " +
                                           format_grouped(static_cast<Krw>(file.bytes.size())) +
                                           " bytes, more than the " +
                                           format_grouped(static_cast<Krw>(max_rules_file_bytes)) +
                                           " bytes (8 MiB) kcity reads from a rules file");
        return false;
    }
    int count = 0;
    std::size_t before = diags.size();
    Position second{file.path, 1, 1};
    read_yaml_stream(file.bytes, file.path, diags, [&](YamlNode&& doc) {
        if (++count == 1) out = std::move(doc);
        if (count == 2 && doc.line > 0) second = {file.path, doc.line, doc.column};
    });
    if (count > 1)
        diags.error(second, "a rules file holds one YAML document; this is a second one");
    if (count == 0 && diags.size() == before) diags.error({file.path, 1, 1}, "the file is empty");
    return count == 1;
}

std::optional<int> small_int(const YamlReader& r, const YamlNode* n, std::string_view what, int lo,
                             int hi) {
    if (!n) return std::nullopt;
    auto v = r.integer(*n, what);
    if (!v) return std::nullopt;
    if (*v < lo || *v > hi) {
        r.error(*n, std::string(what) + " must be from " + std::to_string(lo) + " to " +
                        std::to_string(hi) + ", not " + std::to_string(*v));
        return std::nullopt;
    }
    return static_cast<int>(*v);
}

// SPEC §5: `results_date` (a plain date: the day results are announced) and `appeal_days` (the
// days after it to object), which the letters (§11) turn into the last day to object.
void read_results(const YamlReader& r, MapFields& f, Program& p) {
    if (auto* n = f.optional("results_date")) {
        p.results_date = read_date(r, *n, "`results_date`");
        if (p.results_date && p.results_date->has_time) {
            r.error(*n,
                    "`results_date` must be a date (YYYY-MM-DD), not a date-time: the "
                    "objection period counts calendar days");
            p.results_date.reset();
        }
    }
    if (auto* n = f.optional("appeal_days"))
        p.appeal_days = small_int(r, n, "`appeal_days`", 1, 365);
}

// SPEC §5: the `lottery` tie-break's seed, text that anyone can copy to redraw the lottery.
void read_lottery_seed(const YamlReader& r, const YamlNode& n, Program& p) {
    auto seed = r.text(n, "`lottery_seed`");
    if (!seed) return;
    if (is_blank_text(*seed))
        r.error(n, "`lottery_seed` must not be blank: it is what anyone redraws the lottery from");
    else
        p.lottery_seed = *seed;
}

// program.yaml `committee` (docs/html-report.md): who signs the HTML report. Every field is
// optional; names and titles are text or {ko, en}.
Committee read_committee(const YamlReader& r, const YamlNode& n) {
    Committee c;
    MapFields f(r, n, "`committee`");
    if (!f.ok()) return c;
    if (auto* v = f.optional("name"))
        c.name = read_local_text(r, *v, "`committee.name`").value_or(LocalText{});
    if (auto* v = f.optional("meeting_date")) {
        c.meeting_date = read_date(r, *v, "`committee.meeting_date`");
        if (c.meeting_date && c.meeting_date->has_time) {
            r.error(*v, "`committee.meeting_date` must be a date (YYYY-MM-DD), without a time");
            c.meeting_date.reset();
        }
    }
    if (auto* v = f.optional("approval")) {
        if (!v->is_sequence() || v->items.empty() || v->items.size() > max_approval_titles)
            r.error(*v, "`committee.approval` must be a list of 1 to " +
                            std::to_string(max_approval_titles) +
                            " titles, such as [담당, 팀장, 과장, 국장]");
        else
            for (const auto& item : v->items)
                if (auto t = read_local_text(r, item, "an approval title"))
                    c.approval.push_back(*t);
    }
    f.finish();
    return c;
}

// `tracks_known`: whether `tracks` was read without errors, so that a track file it does not
// list can be told from a list that could not be read.
Program read_program(const YamlReader& r, const YamlNode& doc, bool& tracks_known) {
    Program p;
    MapFields f(r, doc, "program.yaml");
    if (auto* n = f.required("program")) p.name = r.text(*n, "`program`").value_or("");
    if (auto* n = f.required("year")) p.year = small_int(r, n, "`year`", 2000, 2100).value_or(0);
    if (auto* n = f.optional("committee")) p.committee = read_committee(r, *n);
    if (auto* n = f.optional("lottery_seed")) read_lottery_seed(r, *n, p);
    if (auto* n = f.optional("timezone")) {
        auto tz = r.text(*n, "`timezone`");
        auto minutes = tz ? parse_utc_offset(*tz) : std::nullopt;
        if (tz && *tz == "Z") {
            // parse_utc_offset takes Z for a date-time's offset; the programme's zone is written
            // as the spec shows it, so that it reads the same in every report.
            r.error(*n,
                    "`timezone` must be an offset such as \"+09:00\"; write \"+00:00\" for UTC");
            minutes = 0;
        } else if (tz && !minutes)
            r.error(*n, "`timezone` must be an offset such as \"+09:00\", not `" + *tz + "`");
        p.tz_minutes = minutes.value_or(540);
    }
    if (auto* n = f.required("budget_krw")) p.budget_krw = r.money(*n, "`budget_krw`").value_or(0);
    if (auto* n = f.required("tracks")) {
        std::size_t before = r.diags().size();
        if (!n->is_sequence() || n->items.empty())
            r.error(*n, "`tracks` must be a non-empty list of track ids");
        if (n->items.size() > static_cast<std::size_t>(max_tracks))
            r.error(*n, "`tracks` lists " + std::to_string(n->items.size()) + " tracks; at most " +
                            format_grouped(max_tracks));
        for (const auto& item : n->items) {
            auto id = read_id(r, item, "a track id");
            if (!id) continue;
            if (reserved_tracks.count(*id))
                r.error(item, "`" + *id + "` is reserved and cannot be a track id");
            else if (std::find(p.tracks.begin(), p.tracks.end(), *id) != p.tracks.end())
                r.error(item, "track `" + *id + "` is listed twice");
            else
                p.tracks.push_back(*id);
        }
        tracks_known = r.diags().size() == before;
    }
    read_results(r, f, p);
    f.finish();
    return p;
}

void read_award(const YamlReader& r, const YamlNode& n, TrackRules& t) {
    MapFields f(r, n, "`award`");
    std::optional<Krw> min, max;
    if (auto* v = f.required("min_krw")) min = r.money(*v, "`award.min_krw`");
    if (auto* v = f.required("max_krw")) {
        max = r.money(*v, "`award.max_krw`");
        if (max && *max == 0) {
            r.error(*v, "`award.max_krw` must be more than 0: no award could be made");
            max.reset();
        }
    }
    t.award_min = min.value_or(0);
    t.award_max = max.value_or(0);
    if (auto* v = f.optional("above_max"))
        t.reject_above_max =
            read_choice(r, *v, "`award.above_max`", {"cap", "reject"}).value_or(0) == 1;
    f.finish();
    // Compared only when both were read: a bad amount is reported once, not again here.
    if (min && max && *min > *max) r.error(n, "`award.min_krw` is more than `award.max_krw`");
}

// `warn` reports into other diagnostics than `r`: a track's errors are counted to mark it
// (`has_errors`), and a warning must not mark it.
void read_panel(const YamlReader& r, const YamlReader& warn, const YamlNode& n, TrackRules& t) {
    MapFields f(r, n, "`panel`");
    auto min_reviewers =
        small_int(r, f.required("min_reviewers"), "`panel.min_reviewers`", 1, 1000);
    t.min_reviewers = min_reviewers.value_or(1);
    std::optional<std::size_t> aggregate;
    if (auto* v = f.required("aggregate")) {
        aggregate = read_choice(r, *v, "`panel.aggregate`", {"mean", "median", "trimmed-mean"});
        t.aggregate = static_cast<Aggregate>(aggregate.value_or(2));
    }
    const YamlNode* trim = f.optional("trim");
    std::optional<int> trim_value = trim ? small_int(r, trim, "`panel.trim`", 0, 100) : 1;
    t.trim = trim_value.value_or(1);
    if (auto* v = f.optional("calibrate"))
        t.calibrate = static_cast<Calibrate>(
            read_choice(r, *v, "`panel.calibrate`", {"none", "offset"}).value_or(0));
    f.finish();
    if (trim && aggregate && *aggregate != 2)
        warn.diags().warning(r.at(*trim),
                             "`panel.trim` has no effect: `panel.aggregate` is not "
                             "trimmed-mean");
    // Only values that were read are compared, so that one bad value gives one error.
    if (min_reviewers && trim_value && aggregate == 2 && 2 * t.trim + 1 > t.min_reviewers)
        r.error(trim ? *trim : n, "`panel.trim` " + std::to_string(t.trim) +
                                      " drops more reviews than `min_reviewers` " +
                                      std::to_string(t.min_reviewers) +
                                      " leaves (2 × trim + 1 must not exceed min_reviewers)");
}

const std::vector<std::string> tie_words = {"base", "requested_krw", "submitted_at", "id",
                                            "lottery"};

// Returns whether every criterion's `max` was read, so that sums of the maxima can be trusted.
bool read_criteria(const YamlReader& r, const YamlNode& n, TrackRules& t) {
    if (!n.is_sequence() || n.items.empty()) {
        r.error(n, "`criteria` must be a non-empty list");
        return false;
    }
    if (n.items.size() > static_cast<std::size_t>(max_criteria)) {
        r.error(n, "`criteria` lists " + std::to_string(n.items.size()) + " criteria; at most " +
                       std::to_string(max_criteria));
        return false;
    }
    bool all_max = true;
    for (const auto& item : n.items) {
        Criterion c;
        c.where = r.at(item);
        MapFields f(r, item, "a criterion");
        if (auto* v = f.required("id")) c.id = read_id(r, *v, "a criterion id").value_or("");
        if (auto* v = f.required("name"))
            c.name = read_local_text(r, *v, "`name`").value_or(LocalText{});
        bool have_max = false;  // read and more than 0
        if (auto* v = f.required("max")) {
            auto max = bounded(r, *v, r.number(*v, "`max`", 2), "`max`", max_criterion_max);
            if (max && *max <= Decimal{}) r.error(*v, "`max` must be more than 0");
            have_max = max && *max > Decimal{};
            c.max = max.value_or(Decimal{});
        }
        all_max = all_max && have_max;
        const YamlNode* cutoff = f.optional("cutoff");
        if (cutoff) c.cutoff = r.number(*cutoff, "`cutoff`", 2);
        if (auto* v = f.optional("weight")) {
            auto weight = bounded(r, *v, r.number(*v, "`weight`", 4), "`weight`", max_weight);
            if (weight && *weight <= Decimal{}) r.error(*v, "`weight` must be more than 0");
            // A weight refused is reported once: the highest base score is then unknown, and
            // no threshold is compared with it.
            if (!weight || *weight <= Decimal{}) all_max = false;
            c.weight = weight.value_or(Decimal::from_int(1));
        }
        f.finish();
        if (!f.ok() || c.id.empty()) continue;
        if (c.cutoff && *c.cutoff < Decimal{})
            r.error(*cutoff, "`cutoff` must not be negative");
        else if (c.cutoff && have_max && *c.cutoff > c.max)
            r.error(*cutoff, "`cutoff` is more than the criterion's `max`");
        if (std::find(tie_words.begin(), tie_words.end(), c.id) != tie_words.end())
            r.error(*item.find("id"),
                    "`" + c.id + "` is a tie-break key and cannot be a criterion id");
        else if (auto clash = sheet_column_clash(c))
            r.error(item, "criterion `" + c.id + "`: `" + *clash +
                              "` is a score sheet column (proposal, reviewer, total, conflict, "
                              "comment and their Korean names); choose another id or name");
        if (t.criterion_index(c.id) >= 0)
            r.error(*item.find("id"), "criterion `" + c.id + "` is defined twice");
        else
            t.criteria.push_back(std::move(c));
    }
    return all_max;
}

template <typename Rule, typename Fill>
void read_rule_list(const YamlReader& r, const YamlNode& n, std::string_view what, Fill fill,
                    std::vector<Rule>& out) {
    if (!n.is_sequence()) {
        r.error(n, std::string(what) + " must be a list");
        return;
    }
    std::set<std::string> ids;  // a search of the rules so far was quadratic (100,000 rules: 20 s)
    for (const auto& item : n.items) {
        Rule rule;
        rule.where = r.at(item);
        MapFields f(r, item, std::string(what).substr(0, what.size() - 1) + " rule");
        const YamlNode* id = f.required("id");
        if (id) rule.id = read_id(r, *id, "a rule id").value_or("");
        if (auto* v = f.required("name"))
            rule.name = read_local_text(r, *v, "`name`").value_or(LocalText{});
        fill(f, rule);
        f.finish();
        if (!id || rule.id.empty()) continue;
        if (!ids.insert(rule.id).second) r.error(*id, "rule id `" + rule.id + "` is used twice");
        out.push_back(std::move(rule));
    }
}

void read_selection(const YamlReader& r, const YamlNode& n, TrackRules& t) {
    SelectionRules& s = t.selection;
    MapFields f(r, n, "`selection`");
    auto min = small_int(r, f.required("min"), "`selection.min`", 0, 100000);
    auto max = small_int(r, f.required("max"), "`selection.max`", 1, 100000);
    s.min = min.value_or(0);
    s.max = max.value_or(1);
    std::optional<Krw> budget;
    if (auto* v = f.required("budget_krw")) budget = r.money(*v, "`selection.budget_krw`");
    s.budget_krw = budget.value_or(0);
    if (auto* v = f.optional("max_per_country"))
        s.max_per_country = small_int(r, v, "`selection.max_per_country`", 1, 100000);
    if (auto* v = f.optional("method"))
        s.method = static_cast<Method>(
            read_choice(r, *v, "`selection.method`", {"merit", "optimal"}).value_or(0));
    if (auto* v = f.optional("budget_fit"))
        s.budget_fit = static_cast<BudgetFit>(
            read_choice(r, *v, "`selection.budget_fit`", {"skip", "stop", "reduce"}).value_or(0));
    if (auto* v = f.optional("reserve"))
        s.reserve = small_int(r, v, "`selection.reserve`", 0, 100000).value_or(0);
    f.finish();
    if (!f.ok()) return;
    // Only values that were read are compared: a bad value is one error, not two.
    if (min && max && s.min > s.max) r.error(n, "`selection.min` is more than `selection.max`");
    // An `award.min_krw` that could not be read is 0 here, so it gives no second error either.
    // The `min` cheapest awards are added up when a selection falls short (select/shortfall):
    // bounded here so that the sum fits 64 bits.
    if (min && static_cast<i128>(s.min) * t.award_max > max_award_sum)
        r.error(n, "`selection.min` " + std::to_string(s.min) + " × `award.max_krw` " +
                       format_krw_en(t.award_max) + " is more than 10^18 won");
    if (min && budget && static_cast<i128>(s.min) * t.award_min > s.budget_krw)
        r.error(n, "`selection.budget_krw` " + format_krw_en(s.budget_krw) + " cannot fund `min` " +
                       std::to_string(s.min) + " awards of at least " + format_krw_en(t.award_min));
}

void read_tie_break(const YamlReader& r, const YamlReader& warn, const YamlNode& n, TrackRules& t,
                    const Program& program) {
    if (!n.is_sequence()) {
        r.error(n, "`tie_break` must be a list of keys");
        return;
    }
    std::vector<std::string> keys = tie_words;
    for (const auto& c : t.criteria) keys.push_back(c.id);
    std::vector<std::string> seen;  // without :asc or :desc
    bool after_id = false;
    for (const auto& item : n.items) {
        auto s = r.text(item, "a tie-break key");
        if (!s) continue;
        TieKey k;
        k.text = *s;
        std::string name = *s;
        std::optional<bool> desc;
        if (name.ends_with(":asc")) desc = false;
        if (name.ends_with(":desc")) desc = true;
        if (desc) name = name.substr(0, name.rfind(':'));
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            r.error(item, "tie-break key `" + name +
                              "` is listed twice; the second one can never decide");
            continue;
        }
        seen.push_back(name);
        // Ids are unique: no key after `id` can ever decide.
        if (after_id)
            warn.diags().warning(
                r.at(item),
                "tie-break key `" + *s + "` never decides: `id` before it orders every tie");
        if (name == "id") after_id = true;
        if (name == "base")
            k.kind = TieKey::Kind::base;
        else if (name == "requested_krw")
            k.kind = TieKey::Kind::requested_krw;
        else if (name == "submitted_at")
            k.kind = TieKey::Kind::submitted_at;
        else if (name == "id")
            k.kind = TieKey::Kind::id;
        else if (name == "lottery") {
            k.kind = TieKey::Kind::lottery;
            if (program.lottery_seed)
                k.seed = *program.lottery_seed;
            else if (!program.has_errors)
                r.error(item,
                        "tie-break key `lottery` needs program.yaml's `lottery_seed`, the text "
                        "the lottery is drawn from, fixed before the deadline");
        } else if (int i = t.criterion_index(name); i >= 0) {
            k.kind = TieKey::Kind::criterion;
            k.criterion = static_cast<std::size_t>(i);
        } else {
            r.error(item, "unknown tie-break key `" + name + "`" + did_you_mean(name, keys));
            continue;
        }
        bool natural_desc = k.kind == TieKey::Kind::criterion || k.kind == TieKey::Kind::base;
        k.descending = desc.value_or(natural_desc);
        t.tie_break.push_back(k);
    }
}

TrackRules read_track(const YamlReader& r, const YamlReader& warn, const YamlNode& doc,
                      const std::string& expected_id, const Program& program) {
    TrackRules t;
    t.file = r.file();
    MapFields f(r, doc, "the track rules");
    if (auto* n = f.required("track")) {
        t.id = read_id(r, *n, "`track`").value_or("");
        if (!t.id.empty() && t.id != expected_id)
            r.error(*n,
                    "`track` is `" + t.id + "` but the file is named for `" + expected_id + "`");
    }
    t.id = expected_id;
    if (auto* n = f.required("name"))
        t.name = read_local_text(r, *n, "`name`").value_or(LocalText{});
    if (auto* n = f.required("deadline"))
        t.deadline = read_date(r, *n, "`deadline`").value_or(DateTime{});
    if (auto* n = f.required("award")) read_award(r, *n, t);
    if (auto* n = f.required("panel")) read_panel(r, warn, *n, t);
    bool all_max = false;
    if (auto* n = f.required("criteria")) all_max = read_criteria(r, *n, t);
    const YamlNode* threshold = f.optional("threshold");
    if (threshold) t.threshold = r.number(*threshold, "`threshold`", 2);
    if (t.threshold && *t.threshold < Decimal{}) {
        r.error(*threshold, "`threshold` must not be negative: a base score is never below 0");
        t.threshold.reset();
    }
    if (auto* n = f.optional("rounding"))
        t.rounding = small_int(r, n, "`rounding`", 0, 4).value_or(2);
    if (auto* n = f.optional("eligibility")) {
        read_rule_list<EligibilityRule>(
            r, *n, "eligibility rules",
            [&](MapFields& rf, EligibilityRule& rule) {
                if (auto* p = rf.required("require")) rule.require = parse_predicate(r, *p);
            },
            t.eligibility);
        for (std::size_t i = 0; i < t.eligibility.size(); ++i) {
            const auto& id = t.eligibility[i].id;
            if (id == "deadline" || id == "award-range")
                r.error(*n->items[i].find("id"),
                        "`" + id + "` is a built-in check; choose another rule id");
            else if (is_builtin_reason_code(id))
                r.error(*n->items[i].find("id"),
                        "`" + id +
                            "` is the code of one of kcity's own reasons; choose another rule id");
        }
    }
    if (auto* n = f.optional("adjustments")) {
        read_rule_list<Adjustment>(
            r, *n, "adjustments",
            [&](MapFields& rf, Adjustment& a) {
                if (auto* p = rf.required("when")) a.when = parse_predicate(r, *p);
                if (auto* p = rf.required("points")) {
                    a.points = bounded(r, *p, r.number(*p, "`points`", 2), "`points`", max_points)
                                   .value_or(Decimal{});
                    a.points_text = p->text;
                }
            },
            t.adjustments);
        if (t.adjustments.size() > static_cast<std::size_t>(max_adjustments))
            r.error(*n, "`adjustments` lists " + std::to_string(t.adjustments.size()) +
                            " adjustments; at most " + format_grouped(max_adjustments));
    }
    if (auto* n = f.optional("adjustment_caps")) {
        MapFields caps(r, *n, "`adjustment_caps`");
        if (auto* v = caps.optional("bonus"))
            t.cap_bonus = bounded(r, *v, r.number(*v, "`adjustment_caps.bonus`", 2),
                                  "`adjustment_caps.bonus`", max_cap);
        if (auto* v = caps.optional("penalty"))
            t.cap_penalty = bounded(r, *v, r.number(*v, "`adjustment_caps.penalty`", 2),
                                    "`adjustment_caps.penalty`", max_cap);
        caps.finish();
        for (auto* cap : {&t.cap_bonus, &t.cap_penalty})
            if (*cap && **cap < Decimal{})
                r.error(*n, "adjustment caps are positive numbers of points");
    }
    if (auto* n = f.required("selection")) read_selection(r, *n, t);
    if (auto* n = f.optional("tie_break")) read_tie_break(r, warn, *n, t, program);
    f.finish();
    if (threshold && t.threshold && all_max) {
        Rational most;
        for (const auto& c : t.criteria) most = most + Rational(c.weight) * Rational(c.max);
        if (Rational(*t.threshold) > most)
            r.error(*threshold, "`threshold` is more than the highest possible base score");
    }
    return t;
}

std::vector<HistoryEntry> read_history(const YamlReader& r, const YamlNode& doc) {
    std::vector<HistoryEntry> out;
    if (!doc.is_sequence()) {
        r.error(doc, "history.yaml must be a list of {year, track, country, city}");
        return out;
    }
    for (const auto& item : doc.items) {
        HistoryEntry h;
        MapFields f(r, item, "a history entry");
        h.year = small_int(r, f.required("year"), "`year`", 1900, 2100).value_or(0);
        if (auto* n = f.required("track")) h.track = r.text(*n, "`track`").value_or("");
        if (auto* n = f.required("country"))
            h.country = read_country(r, *n, "`country`").value_or("");
        if (auto* n = f.optional("city")) h.city = r.text(*n, "`city`");
        f.finish();
        out.push_back(std::move(h));
    }
    return out;
}

Decisions read_decisions(const YamlReader& r, const YamlNode& doc) {
    Decisions d;
    MapFields f(r, doc, "decisions.yaml");
    if (auto* n = f.optional("withdrawn")) {
        if (!n->is_sequence()) r.error(*n, "`withdrawn` must be a list of proposal ids");
        for (const auto& item : n->items)
            if (auto id = read_id(r, item, "a proposal id")) {
                if (d.withdrawn.count(*id)) r.error(item, "`" + *id + "` is listed twice");
                d.withdrawn.emplace(*id, r.at(item));
            }
    }
    if (auto* n = f.optional("awards")) {
        if (!n->is_map()) r.error(*n, "`awards` must map proposal ids to amounts");
        for (std::size_t i = 0; i < n->keys.size(); ++i) {
            auto id = read_id(r, n->keys[i], "a proposal id");
            auto amount = r.money(n->items[i], "the committee's award");
            if (id && amount) d.awards.emplace(*id, std::make_pair(*amount, r.at(n->keys[i])));
        }
    }
    f.finish();
    return d;
}

// A name of a member that another member has too, or that is another member's id, would make
// a sheet naming it ambiguous.
void check_panel_names(const YamlReader& r, const YamlNode& doc, const Panel& panel) {
    std::map<std::string, std::string> owner;  // folded name or id -> member id
    for (const auto& m : panel.members) owner.emplace(fold_name(m.id), m.id);
    for (std::size_t i = 0; i < panel.members.size(); ++i) {
        const PanelMember& m = panel.members[i];
        std::set<std::string> own;
        for (const std::string* n : {&m.name.ko, &m.name.en}) {
            std::string key = fold_name(*n);
            if (key.empty() || !own.insert(key).second) continue;
            auto [it, fresh] = owner.emplace(key, m.id);
            if (fresh || it->second == m.id) continue;
            const YamlNode* name = doc.items[i].find("name");
            r.error(name ? *name : doc.items[i],
                    "the name `" + *n + "` of reviewer `" + m.id + "` is already " +
                        (fold_name(it->second) == key ? "the id" : "a name") + " of reviewer `" +
                        it->second + "`: sheets could not tell them apart");
        }
    }
}

// panel.yaml (SPEC §5): a list of {id, name, organisation, tracks}. `tracks_known`: program.yaml
// listed its tracks without errors, so that a member's tracks can be checked against them.
Panel read_panel_file(const YamlReader& r, const YamlNode& doc, const Program& program,
                      bool tracks_known) {
    Panel panel;
    panel.present = true;
    if (!doc.is_sequence() || doc.items.empty()) {
        r.error(doc, "panel.yaml must be a non-empty list of {id, name, organisation, tracks}");
        return panel;
    }
    for (const auto& item : doc.items) {
        PanelMember m;
        m.where = r.at(item);
        MapFields f(r, item, "a reviewer");
        const YamlNode* id = f.required("id");
        if (id) m.id = read_id(r, *id, "a reviewer id").value_or("");
        if (auto* n = f.required("name"))
            m.name = read_local_text(r, *n, "`name`").value_or(LocalText{});
        if (auto* n = f.optional("organisation")) {
            m.organisation = r.text(*n, "`organisation`");
            if (m.organisation) m.organisation_key = fold_name(*m.organisation);
        }
        if (auto* n = f.optional("tracks")) {
            if (!n->is_sequence() || n->items.empty())
                r.error(*n, "`tracks` must be a non-empty list of track ids");
            for (const auto& t : n->items) {
                auto track = read_id(r, t, "a track id");
                if (!track) continue;
                if (tracks_known && std::find(program.tracks.begin(), program.tracks.end(),
                                              *track) == program.tracks.end())
                    r.error(t, "`" + *track + "` is not a track of this call" +
                                   did_you_mean(*track, program.tracks));
                else if (std::find(m.tracks.begin(), m.tracks.end(), *track) != m.tracks.end())
                    r.error(t, "track `" + *track + "` is listed twice");
                else
                    m.tracks.push_back(*track);
            }
        }
        f.finish();
        if (!f.ok() || m.id.empty()) continue;
        if (panel.find(m.id)) {
            r.error(*id, "reviewer `" + m.id + "` is listed twice");
            continue;
        }
        panel.members.push_back(std::move(m));
    }
    if (panel.members.size() == doc.items.size()) check_panel_names(r, doc, panel);
    return panel;
}

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

}  // namespace

std::string hash_of_files(const std::vector<std::string>& file_hashes) {
    // The digest of the sorted hashes, a line each, taken line by line: 10,000 files made a
    // copy of every hash and a 650 KB list, on one thread after the parse.
    std::vector<std::string_view> sorted(file_hashes.begin(), file_hashes.end());
    std::sort(sorted.begin(), sorted.end());
    Sha256 digest;
    for (std::string_view h : sorted) {
        digest.update(h);
        digest.update("\n");
    }
    return digest.hex();
}

Rules parse_rules(const std::vector<SourceFile>& files, std::string origin, Diagnostics& diags) {
    Rules rules;
    rules.origin = std::move(origin);
    std::vector<std::string> hashes;
    auto find = [&](const std::string& name) -> const SourceFile* {
        for (const auto& f : files)
            if (file_name(f.path) == name) return &f;
        return nullptr;
    };
    const SourceFile* program = find("program.yaml");
    if (!program) {
        diags.error({}, "the rules folder " + rules.origin + " has no program.yaml");
        rules.program.has_errors = true;  // no proposal is checked against missing rules
        return rules;
    }
    if (program->unreadable) {
        rules.program.has_errors = true;
        return rules;
    }
    YamlNode doc;
    std::vector<std::string> used = {"program.yaml"};
    // Every diagnostic while a file is read is an error in it: counting them tells which
    // parts of the rules cannot be trusted to check proposals with.
    std::size_t before = diags.size();
    Diagnostics warnings;  // appended once the files' errors are counted
    bool tracks_known = false;
    RulesBudget budget;
    if (read_single_document(*program, diags, doc, budget))
        rules.program = read_program(YamlReader(program->path, diags), doc, tracks_known);
    hashes.push_back(sha256_hex(program->bytes));
    for (const auto& id : rules.program.tracks) {
        const SourceFile* tf = find(id + ".yaml");
        used.push_back(id + ".yaml");
        if (!tf) {
            diags.error({program->path, 1, 1},
                        "track `" + id + "` has no rules file " + id + ".yaml");
            continue;
        }
        hashes.push_back(sha256_hex(tf->bytes));
        std::size_t track_before = diags.size();
        if (read_single_document(*tf, diags, doc, budget)) {
            rules.tracks.push_back(read_track(YamlReader(tf->path, diags),
                                              YamlReader(tf->path, warnings), doc, id,
                                              rules.program));
        } else {
            // Unreadable: the track still exists, so that its proposals are not each reported
            // as naming an unknown track.
            rules.tracks.emplace_back();
            rules.tracks.back().id = id;
            rules.tracks.back().file = tf->path;
        }
        rules.tracks.back().has_errors =
            diags.size() > track_before || tf->unreadable || budget.refused_last;
        before += diags.size() - track_before;
    }
    rules.program.has_errors = diags.size() > before;
    diags.append(warnings);
    for (const char* optional_file : {"history.yaml", "decisions.yaml", "panel.yaml"}) {
        const SourceFile* sf = find(optional_file);
        used.push_back(optional_file);
        if (!sf) continue;
        hashes.push_back(sha256_hex(sf->bytes));
        const bool panel = std::string_view(optional_file) == "panel.yaml";
        const std::size_t file_before = diags.size();
        YamlNode d;
        if (read_single_document(*sf, diags, d, budget)) {
            YamlReader r(sf->path, diags);
            if (std::string_view(optional_file) == "history.yaml")
                rules.history = read_history(r, d);
            else if (panel)
                rules.panel = read_panel_file(r, d, rules.program, tracks_known);
            else
                rules.decisions = read_decisions(r, d);
        }
        if (panel) {
            rules.panel.present = true;
            rules.panel.has_errors =
                diags.size() > file_before || sf->unreadable || budget.refused_last;
        }
    }
    for (const auto& f : files)
        if (tracks_known && std::find(used.begin(), used.end(), file_name(f.path)) == used.end()) {
            diags.error({f.path, 1, 1}, "this track file is not listed in program.yaml `tracks`");
            rules.program.has_errors = true;  // the list of tracks is incomplete
        }
    Krw total = 0;
    for (const auto& t : rules.tracks) total += t.selection.budget_krw;
    if (total > rules.program.budget_krw && rules.program.budget_krw > 0)
        diags.error({program->path, 1, 1}, "the track budgets add up to " + format_krw_en(total) +
                                               ", more than the programme's budget_krw " +
                                               format_krw_en(rules.program.budget_krw));
    rules.sha256 = hash_of_files(hashes);
    return rules;
}

}  // namespace kcity
