// `kcity diff` as text (terminal), Markdown (a pull-request comment) and JSON: the diff
// stage's values (DiffResult, Because) in words, every one of them from the message catalogue.
#include "kcity/report/diff.hpp"

#include <fmt/format.h>

#include "kcity/base/text.hpp"
#include "kcity/diff/inputs.hpp"
#include "kcity/report/calibration.hpp"
#include "kcity/report/escape.hpp"
#include "why_not.hpp"

namespace kcity {
namespace {

// English names a status by its code, as the JSON does; Korean by its word.
std::string status_word(Status s, Lang lang) {
    return lang == Lang::ko ? status_label(s, lang) : status_code(s);
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& x : items) out += (out.empty() ? "" : std::string(separator)) + x;
    return out;
}

// The counterfactual's lines (explain's wording), for a candidate the optimal set leaves out.
std::vector<std::string> why_not_of(const Because::WhyNot& w, Lang lang) {
    WhyNotFacts f{w.optimum,
                  w.award,
                  w.budget,
                  w.min,
                  w.places,
                  [&w](int rank) -> std::optional<std::pair<std::string, Decimal>> {
                      for (const auto& m : w.members)
                          if (m.rank == rank) return std::pair{m.id, m.score};
                      return std::nullopt;
                  }};
    return why_not_lines(f, lang);
}

// The reasons by code (JSON) or by the reader's word: `budget` / `예산`.
std::string reasons_of(const std::vector<Reason>& reasons, Lang lang, bool json) {
    return json ? reasons_line(reasons, lang) : reasons_words(reasons, lang);
}

std::string dropped_text(const Because& b, Lang lang, bool json) {
    std::string out = reasons_of(b.reasons, lang, json);
    if (b.why_not)
        for (const auto& line : why_not_of(*b.why_not, lang))
            out += (out.empty() ? "" : "; ") + line;
    return out;
}

}  // namespace

std::string because_text(const Because& b, Lang lang, bool json) {
    using K = Because::Kind;
    auto say = [lang](std::string_view key, const std::vector<Arg>& args = {}) {
        return format_message(key, lang, args);
    };
    switch (b.kind) {
        case K::track_gone:
            return say("diff.track-gone");
        case K::track_new:
            return say("diff.track-new");
        case K::reserve_moved:
            return say("diff.reserve-moved", {{"reserve", Count{b.reserve}},
                                              {"old", Count{b.old_rank}},
                                              {"new", Count{b.new_rank}}});
        case K::reserve_above:
            return say(
                "diff.reserve-above",
                {{"reserve", Count{b.reserve}},
                 {"above", b.above.empty() ? label("explain.none", lang) : joined(b.above, ", ")}});
        case K::selected_now: {
            // One list built at once: GCC 12 warns of an Arg pushed onto it as maybe
            // uninitialised once this file inlines more (a false positive).
            if (b.reasons.empty())
                return say("diff.selected-now", {{"was", status_word(b.was, lang)}});
            return say("diff.selected-now", {{"was", status_word(b.was, lang)},
                                             {"reasons", reasons_of(b.reasons, lang, json)}});
        }
        case K::ineligible:
            return say("diff.ineligible", {{"reasons", reasons_of(b.reasons, lang, json)}});
        case K::dropped:
            return dropped_text(b, lang, json);
        case K::award_capped:
            return say("diff.award-capped", {{"max", Money{b.amount}}});
        case K::award_reduced:
            return say("diff.award-reduced");
        case K::award_changed:
            return say("diff.award-changed",
                       {{"award", Money{b.amount}}, {"requested", Money{b.requested}}});
    }
    return {};
}

namespace {

// A criterion as the report names it: in Korean by the rules' Korean name, in English by its
// id, as the other reports' reason codes do.
std::string criterion_word(const InputChange& c, const std::string& id, Lang lang) {
    if (lang == Lang::ko && c.track)
        for (const auto& k : c.track->criteria)
            if (k.id == id && !k.name.ko.empty()) return k.name.ko;
    return id;
}

// A review's scores added or removed: "importance: 26, viability: 23.5" (in Korean by name).
std::string scores_words(const InputChange& c, const std::optional<std::string>& text, Lang lang) {
    if (c.scores.empty() || lang != Lang::ko) return text ? *text : label("label.none", lang);
    std::string out;
    for (const auto& [criterion, score] : c.scores)
        out += (out.empty() ? "" : ", ") + criterion_word(c, criterion, lang) + ": " + score;
    return out;
}

}  // namespace

std::string input_change_text(const InputChange& c, Lang lang, bool with_id) {
    using K = InputChange::Kind;
    auto value = [lang](const std::optional<std::string>& v) {
        return v ? *v : label("label.none", lang);
    };
    std::vector<Arg> args = {{"old", value(c.old_value)},
                             {"new", value(c.new_value)},
                             {"reviewer", c.reviewer},
                             {"criterion", criterion_word(c, c.field, lang)}};
    auto say = [&](std::string_view key, std::vector<Arg> a) {
        return format_message(key, lang, a);
    };
    std::string text;
    switch (c.kind) {
        case K::rule:
        case K::history:
        case K::panel:
            return c.id + ": " + value(c.old_value) + " → " + value(c.new_value);
        case K::proposal_added:
            text = say("diff-base.added", {{"track", value(c.new_value)}});
            break;
        case K::proposal_removed:
            text = say("diff-base.removed", {{"track", value(c.old_value)}});
            break;
        case K::proposal:
            text = c.field + " " + value(c.old_value) + " → " + value(c.new_value);
            break;
        case K::review_added:
            text = say("diff-base.review-added",
                       {{"reviewer", c.reviewer}, {"scores", scores_words(c, c.new_value, lang)}});
            break;
        case K::review_removed:
            text = say("diff-base.review-removed",
                       {{"reviewer", c.reviewer}, {"scores", scores_words(c, c.old_value, lang)}});
            break;
        case K::review:
            text = say("diff-base.review", args);
            break;
        case K::conflict:
            text = say(c.new_value ? "diff-base.conflict-declared" : "diff-base.conflict-dropped",
                       {{"reviewer", c.reviewer}});
            break;
        case K::decision:
            text = c.field == "withdrawn"
                       ? label(c.new_value ? "diff-base.withdrew" : "diff-base.withdrawal-revoked",
                               lang)
                       : say("diff-base.award",
                             {{"old", value(c.old_value)}, {"new", value(c.new_value)}});
            break;
    }
    if (!with_id) return text;
    // "PLN-2023-05 withdrew", "PLN-2023-02: R3's feasibility 20 → 24"
    bool verb = c.kind == K::decision && c.field == "withdrawn";
    return c.id + (verb ? " " : ": ") + text;
}

namespace {

std::string side_score_of(const std::optional<ProposalSide>& s) {
    return s && s->score ? format_decimal(*s->score, s->rounding) : "-";
}

std::string side_status_of(const std::optional<ProposalSide>& s, Lang lang) {
    return s ? status_word(s->status, lang) : label("label.none", lang);
}

std::string award_of(const std::optional<Krw>& k, Lang lang) {
    return k ? format_grouped(*k) : label("label.none", lang);
}

std::string cause_text(const DiffResult& d, const ProposalChange& change, const Cause& c,
                       Lang lang) {
    using K = Cause::Kind;
    auto say = [lang](std::string_view key, const std::vector<Arg>& args) {
        return format_message(key, lang, args);
    };
    switch (c.kind) {
        case K::input:
            return input_change_text(d.inputs[c.input], lang, d.inputs[c.input].id != change.id);
        case K::budget_left:
            return say("diff-base.budget-left", {{"rank", Count{c.rank}},
                                                 {"other", c.other},
                                                 {"old", award_of(c.old_award, lang)},
                                                 {"new", award_of(c.new_award, lang)}});
        case K::country_cap:
            return say(c.selected ? "diff-base.country-cap-now" : "diff-base.country-cap-gone",
                       {{"other", c.other}, {"country", CountryCode{c.country}}});
        case K::overtook:
        case K::fell_behind:
            return say(c.kind == K::overtook ? "diff-base.overtook" : "diff-base.fell-behind",
                       {{"other", c.other},
                        {"old", side_score_of(c.old_side)},
                        {"new", side_score_of(c.new_side)}});
        case K::left:
        case K::joined:
            return say(c.kind == K::left ? "diff-base.left" : "diff-base.joined",
                       {{"other", c.other},
                        {"old", side_status_of(c.old_side, lang)},
                        {"new", side_status_of(c.new_side, lang)}});
    }
    return {};
}

// A track that switched calibration: the offsets of the proposal's reviewers, "R2 +1.50, R5
// -0.75" (the offsets of their totals, at the calibrating side's rounding).
std::string calibration_text(const CalibrationSwitch& s, Lang lang) {
    std::vector<std::string> offsets;
    for (const auto& o : s.offsets)
        offsets.push_back(o.reviewer + " " + offset_text(o.total, s.places));
    const std::string key = s.on ? "diff.calibration-on" : "diff.calibration-off";
    if (offsets.empty()) return format_message(key + "-none", lang, {});
    return format_message(key, lang, {{"offsets", joined(offsets, ", ")}});
}

}  // namespace

std::vector<std::string> because_lines(const DiffResult& d, const ProposalChange& c, Lang lang,
                                       bool json) {
    std::vector<std::string> out;
    for (const auto& cause : c.causes) out.push_back(cause_text(d, c, cause, lang));
    if (c.calibration) out.push_back(calibration_text(*c.calibration, lang));
    // Its own inputs say why; else the step that decided it now comes last, after the others'
    // changes that led there.
    bool own = !c.causes.empty() && c.causes.front().kind == Cause::Kind::input &&
               d.inputs[c.causes.front().input].id == c.id;
    if (!own && c.because) out.push_back(because_text(*c.because, lang, json));
    return out;
}

std::string diff_summary(const DiffResult& d, Lang lang) {
    std::string out;
    for (const auto& t : d.tracks) {
        std::vector<std::string> parts;
        auto add = [&](int n, std::string_view key) {
            if (n) parts.push_back(format_message(key, lang, {{"count", Count{n}}}));
        };
        add(t.newly_selected, "diff.newly-selected");
        add(t.dropped, "diff.dropped");
        add(t.other_changes, "diff.other-changes");
        add(t.award_changes, "diff.award-changes");
        add(t.rank_changes, "diff.rank-changes");
        if (t.shortfall_changed)
            parts.push_back(
                label(t.new_shortfall ? "diff-shortfall.new" : "diff-shortfall.gone", lang));
        out += (out.empty() ? "" : "; ") + t.track + ": " +
               (parts.empty() ? label("diff.no-change", lang) : joined(parts, ", "));
    }
    return out.empty() ? label("diff.no-tracks", lang) : out;
}

namespace {

std::string side_status(const std::optional<ProposalSide>& s, Lang lang) {
    return s ? status_word(s->status, lang) : label("label.none", lang);
}
std::string side_rank(const std::optional<ProposalSide>& s) {
    return s && s->rank ? std::to_string(*s->rank) : "-";
}
std::string side_score(const std::optional<ProposalSide>& s) {
    return s && s->score ? format_decimal(*s->score, s->rounding) : "-";
}
std::string side_award(const std::optional<ProposalSide>& s) {
    return s && s->award ? format_grouped(*s->award) : "-";
}

std::string arrow(const std::string& a, const std::string& b) {
    return a == b ? a : a + " → " + b;
}

std::string rule_value(const std::optional<std::string>& v, Lang lang) {
    return v ? *v : label("label.none", lang);
}

std::string short_sha(const std::string& sha) {
    return sha.substr(0, 12);
}

std::string shortfall_side(const std::optional<ShortfallSide>& s, Lang lang) {
    if (!s) return label("label.none", lang);
    return format_message("diff-shortfall.side", lang,
                          {{"selected", Count{s->selected}}, {"min", Count{s->min}}});
}

bool has_shortfall(const TrackDiff& t) {
    return t.old_shortfall || t.new_shortfall;
}

// "Shortfall: (none) → 3 selected, at least 4 required", then the reasons of the side that
// falls short (the current one when both do).
std::vector<std::string> shortfall_lines(const TrackDiff& t, Lang lang) {
    std::vector<std::string> lines = {
        label("diff-shortfall.label", lang) + ": " +
        arrow(shortfall_side(t.old_shortfall, lang), shortfall_side(t.new_shortfall, lang))};
    const auto& side = t.new_shortfall ? t.new_shortfall : t.old_shortfall;
    for (const auto& r : side->reasons)
        lines.push_back(reason_label(r, lang) + ": " + reason_text(r, lang));
    return lines;
}

}  // namespace

namespace {

// What kind of input changed: its code in English (as the JSON has it), a Korean word in Korean.
std::string kind_word(InputChange::Kind k, Lang lang) {
    return label(std::string("diff-base.kind.") + input_change_code(k), lang);
}

std::string input_changes_text(const DiffResult& d, Lang lang) {
    std::string out = format_message("diff-base.base", lang, {{"origin", d.old_origin}}) + "\n" +
                      format_message("diff-base.current", lang, {{"origin", d.new_origin}}) +
                      "\n\n" + label("diff-base.input-changes", lang);
    out += d.inputs.empty() ? ": " + label("explain.none", lang) + "\n" : "\n";
    for (const auto& c : d.inputs)
        out += "  " + pad(kind_word(c.kind, lang), 16, Align::left) + " " +
               input_change_text(c, lang) + "\n";
    return out;
}

}  // namespace

std::string render_diff_text(const DiffResult& d, Lang lang) {
    std::string out = diff_summary(d, lang) + "\n\n";
    if (d.whole_call) {
        out += input_changes_text(d, lang);
    } else {
        out += format_message("diff.base-rules", lang,
                              {{"origin", d.old_origin}, {"sha256", short_sha(d.old_sha256)}}) +
               "\n" +
               format_message("diff.new-rules", lang,
                              {{"origin", d.new_origin}, {"sha256", short_sha(d.new_sha256)}}) +
               "\n";
        out += "\n" + label("diff.rule-changes", lang);
        if (d.rules.empty())
            out += ": " + label("explain.none", lang) + "\n";
        else
            out += "\n";
        for (const auto& r : d.rules)
            out += fmt::format("  {}: {} → {}\n", r.path, rule_value(r.old_value, lang),
                               rule_value(r.new_value, lang));
    }
    for (const auto& t : d.tracks) {
        out += fmt::format("\n{}", t.track);
        if (t.changes.empty() && !t.shortfall_changed) out += ": " + label("diff.no-change", lang);
        out += "\n";
        if (has_shortfall(t)) {
            auto lines = shortfall_lines(t, lang);
            out += "  !! " + lines[0] + "\n";
            for (std::size_t i = 1; i < lines.size(); ++i) out += "     - " + lines[i] + "\n";
        }
        if (t.changes.empty()) continue;
        std::vector<std::vector<std::string>> rows = {
            {label("label.id", lang), label("label.status", lang), label("label.rank", lang),
             label("label.score", lang), label("diff.award-krw", lang)}};
        for (const auto& c : t.changes)
            rows.push_back({c.id,
                            arrow(side_status(c.old_side, lang), side_status(c.new_side, lang)),
                            arrow(side_rank(c.old_side), side_rank(c.new_side)),
                            arrow(side_score(c.old_side), side_score(c.new_side)),
                            arrow(side_award(c.old_side), side_award(c.new_side))});
        std::string table = render_columns(
            rows, {Align::left, Align::left, Align::left, Align::left, Align::left}, "  ");
        // Interleave each change's "because" line under its row.
        std::size_t line_start = table.find('\n') + 1;
        out += table.substr(0, line_start);
        for (const auto& c : t.changes) {
            std::size_t end = table.find('\n', line_start);
            out += table.substr(line_start, end - line_start + 1);
            line_start = end + 1;
            for (const auto& line : because_lines(d, c, lang))
                out += "      " + format_message("diff.because-line", lang, {{"because", line}}) +
                       "\n";
        }
    }
    return out;
}

namespace {

std::string md_table(const DiffResult& d, const std::vector<ProposalChange>& changes, Lang lang) {
    std::string out;
    MarkdownRow head(out);
    for (const char* h : {"label.id", "label.status", "label.rank", "label.score", "diff.award-krw",
                          "diff.because"})
        head.cell(label(h, lang));
    head.end();
    out += markdown_rule("llllll");
    for (const auto& c : changes)
        MarkdownRow(out)
            .cell(c.id)
            .cell(arrow(side_status(c.old_side, lang), side_status(c.new_side, lang)))
            .cell(arrow(side_rank(c.old_side), side_rank(c.new_side)))
            .cell(arrow(side_score(c.old_side), side_score(c.new_side)))
            .cell(arrow(side_award(c.old_side), side_award(c.new_side)))
            .cell(joined(because_lines(d, c, lang), "; "))
            .end();
    return out;
}

// diff --base: where both states come from, and every input that differs.
std::string markdown_inputs(const DiffResult& d, Lang lang) {
    std::string out = format_message("diff-base.md-origins", lang,
                                     {{"old", d.old_origin}, {"new", d.new_origin}}) +
                      "\n\n#### " + label("diff-base.input-changes", lang) + "\n\n";
    if (d.inputs.empty()) return out + label("diff.md-none", lang) + "\n";
    MarkdownRow head(out);
    for (const char* h : {"diff-base.input", "diff-base.change", "diff-base.file"})
        head.cell(label(h, lang));
    head.end();
    out += markdown_rule("lll");
    for (const auto& c : d.inputs)
        MarkdownRow(out)
            .markdown((lang == Lang::ko ? markdown_cell(kind_word(c.kind, lang))
                                        : "`" + markdown_cell(input_change_code(c.kind)) + "`") +
                      " " + markdown_cell(c.id))
            .cell(input_change_text(c, lang, false))
            .cell(c.file)
            .end();
    return out;
}

// GitHub refuses comments over 65,536 characters; keep well under it.
constexpr std::size_t markdown_limit = 60000;

}  // namespace

std::string render_diff_markdown(const DiffResult& d, Lang lang) {
    std::string out = "### kcity diff\n\n**" + markdown_cell(diff_summary(d, lang)) + "**\n\n";
    if (d.whole_call) {
        out += markdown_inputs(d, lang);
    } else {
        out += format_message("diff.md-rules", lang,
                              {{"old", d.old_origin},
                               {"old_sha256", short_sha(d.old_sha256)},
                               {"new", d.new_origin},
                               {"new_sha256", short_sha(d.new_sha256)}}) +
               "\n\n";
        out += "#### " + label("diff.rule-changes", lang) + "\n\n";
        if (d.rules.empty()) {
            out += label("diff.md-none", lang) + "\n";
        } else {
            std::string table;
            MarkdownRow head(table);
            for (const char* h : {"diff.rule", "diff.old", "diff.new"}) head.cell(label(h, lang));
            head.end();
            table += markdown_rule("lll");
            for (const auto& r : d.rules)
                MarkdownRow(table)
                    .markdown("`" + markdown_cell(r.path) + "`")
                    .cell(rule_value(r.old_value, lang))
                    .cell(rule_value(r.new_value, lang))
                    .end();
            out += d.rules.size() > 15 ? "<details><summary>" +
                                             format_message("diff.md-rule-values", lang,
                                                            {{"count", Count{d.rules.size()}}}) +
                                             "</summary>\n\n" + table + "\n</details>\n"
                                       : table;
        }
    }
    for (const auto& t : d.tracks) {
        out += "\n#### " + t.track + "\n\n";
        std::vector<ProposalChange> decisive, ranks;
        for (const auto& c : t.changes) (c.decisive ? decisive : ranks).push_back(c);
        if (has_shortfall(t)) {
            auto lines = shortfall_lines(t, lang);
            out += "> **" + markdown_cell(lines[0]) + "**\n";
            for (std::size_t i = 1; i < lines.size(); ++i)
                out += "> - " + markdown_cell(lines[i]) + "\n";
            out += "\n";
        }
        if (t.changes.empty() && !t.shortfall_changed)
            out += label("diff.md-no-change", lang) + "\n";
        if (!decisive.empty()) out += md_table(d, decisive, lang);
        if (!ranks.empty())
            out += "\n<details><summary>" +
                   format_message("diff.md-rank-only", lang, {{"count", Count{ranks.size()}}}) +
                   "</summary>\n\n" + md_table(d, ranks, lang) + "\n</details>\n";
    }
    if (out.size() > markdown_limit) {
        std::size_t cut = out.rfind('\n', markdown_limit);
        out = out.substr(0, cut + 1) + "\n" + label("diff.md-cut", lang) + "\n";
    }
    return out;
}

namespace {

std::string side_json(const std::optional<ProposalSide>& s) {
    if (!s) return "null";
    return fmt::format("{{\"status\": {}, \"rank\": {}, \"score\": {}, \"award_krw\": {}}}",
                       json_quote(status_code(s->status)),
                       s->rank ? std::to_string(*s->rank) : "null",
                       s->score ? format_decimal(*s->score, s->rounding) : "null",
                       s->award ? std::to_string(*s->award) : "null");
}

std::string opt_json(const std::optional<std::string>& v) {
    return v ? json_quote(*v) : "null";
}

std::string shortfall_json(const std::optional<ShortfallSide>& s, Lang lang) {
    if (!s) return "null";
    std::string reasons;
    for (const auto& r : s->reasons)
        reasons += fmt::format("{}{{\"code\": {}, \"message\": {}}}", reasons.empty() ? "" : ", ",
                               json_quote(r.code), json_quote(reason_text(r, lang)));
    return fmt::format("{{\"selected\": {}, \"min\": {}, \"reasons\": [{}]}}", s->selected, s->min,
                       reasons);
}

// SPEC §7: `because` is a list of lines (one, for a rules change; the input changes, for
// --base), empty for a change of rank only.
std::string because_json(const DiffResult& d, const ProposalChange& c, Lang lang) {
    std::string out;
    for (const auto& line : because_lines(d, c, lang, true))
        out += (out.empty() ? "" : ", ") + json_quote(line);
    return "[" + out + "]";
}

}  // namespace

std::string render_diff_json(const DiffResult& d, Lang lang) {
    std::string out = "{\n  \"format_version\": 1,\n";
    out += fmt::format("  \"kcity_version\": {},\n", json_quote(KCITY_VERSION));
    out += fmt::format("  \"summary\": {},\n", json_quote(diff_summary(d, lang)));
    out += fmt::format("  \"changed\": {},\n", d.decisive ? "true" : "false");
    // --base compares calls (their rules' sha256 beside them); --base-rules rule sets.
    const char* sides[2][2] = {{"base_rules", "rules"}, {"base", "current"}};
    const char* sha = d.whole_call ? "rules_sha256" : "sha256";
    out += fmt::format("  \"{}\": {{\"origin\": {}, \"{}\": {}}},\n", sides[d.whole_call][0],
                       json_quote(d.old_origin), sha, json_quote(d.old_sha256));
    out += fmt::format("  \"{}\": {{\"origin\": {}, \"{}\": {}}},\n", sides[d.whole_call][1],
                       json_quote(d.new_origin), sha, json_quote(d.new_sha256));
    if (d.whole_call) {
        out += "  \"input_changes\": [";
        for (std::size_t i = 0; i < d.inputs.size(); ++i) {
            const InputChange& c = d.inputs[i];
            out += fmt::format(
                "{}\n    {{\"kind\": {}, \"file\": {}, \"id\": {}, \"field\": {}, "
                "\"reviewer\": {}, \"old\": {}, \"new\": {}}}",
                i ? "," : "", json_quote(input_change_code(c.kind)), json_quote(c.file),
                json_quote(c.id), json_quote(c.field),
                c.reviewer.empty() ? "null" : json_quote(c.reviewer), opt_json(c.old_value),
                opt_json(c.new_value));
        }
        out += d.inputs.empty() ? "],\n" : "\n  ],\n";
    }
    out += "  \"rule_changes\": [";
    for (std::size_t i = 0; i < d.rules.size(); ++i)
        out += fmt::format("{}\n    {{\"path\": {}, \"old\": {}, \"new\": {}}}", i ? "," : "",
                           json_quote(d.rules[i].path), opt_json(d.rules[i].old_value),
                           opt_json(d.rules[i].new_value));
    out += d.rules.empty() ? "],\n" : "\n  ],\n";
    out += "  \"tracks\": [";
    for (std::size_t i = 0; i < d.tracks.size(); ++i) {
        const TrackDiff& t = d.tracks[i];
        out += fmt::format(
            "{}\n    {{\"track\": {}, \"newly_selected\": {}, \"dropped\": {}, "
            "\"other_status_changes\": {}, \"award_changes\": {}, "
            "\"rank_changes\": {}, \"shortfall\": {{\"old\": {}, \"new\": {}}}, \"changes\": [",
            i ? "," : "", json_quote(t.track), t.newly_selected, t.dropped, t.other_changes,
            t.award_changes, t.rank_changes, shortfall_json(t.old_shortfall, lang),
            shortfall_json(t.new_shortfall, lang));
        for (std::size_t j = 0; j < t.changes.size(); ++j) {
            const ProposalChange& c = t.changes[j];
            out +=
                fmt::format("{}\n      {{\"id\": {}, \"old\": {}, \"new\": {}, \"because\": {}}}",
                            j ? "," : "", json_quote(c.id), side_json(c.old_side),
                            side_json(c.new_side), because_json(d, c, lang));
        }
        out += t.changes.empty() ? "]}" : "\n    ]}";
    }
    out += d.tracks.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace kcity
