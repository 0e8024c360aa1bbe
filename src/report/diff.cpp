// `kcity diff` as text (terminal), Markdown (a pull-request comment) and JSON: the diff
// stage's values (DiffResult, Because) in words, every one of them from the message catalogue.
#include "kcity/report/diff.hpp"

#include <fmt/format.h>

#include "kcity/base/text.hpp"
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

std::string dropped_text(const Because& b, Lang lang) {
    std::string out = reasons_line(b.reasons, lang);
    if (b.why_not)
        for (const auto& line : why_not_of(*b.why_not, lang))
            out += (out.empty() ? "" : "; ") + line;
    return out;
}

}  // namespace

std::string because_text(const Because& b, Lang lang) {
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
            std::vector<Arg> args = {{"was", status_word(b.was, lang)}};
            if (!b.reasons.empty()) args.push_back({"reasons", reasons_line(b.reasons, lang)});
            return say("diff.selected-now", args);
        }
        case K::ineligible:
            return say("diff.ineligible", {{"reasons", reasons_line(b.reasons, lang)}});
        case K::dropped:
            return dropped_text(b, lang);
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

}  // namespace

std::string render_diff_text(const DiffResult& d, Lang lang) {
    std::string out = diff_summary(d, lang) + "\n\n";
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
    for (const auto& t : d.tracks) {
        out += fmt::format("\n{}", t.track);
        if (t.changes.empty()) {
            out += ": " + label("diff.no-change", lang) + "\n";
            continue;
        }
        out += "\n";
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
            if (c.because)
                out += "      " +
                       format_message("diff.because-line", lang,
                                      {{"because", because_text(*c.because, lang)}}) +
                       "\n";
        }
    }
    return out;
}

namespace {

std::string md_table(const std::vector<ProposalChange>& changes, Lang lang) {
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
            .cell(c.because ? because_text(*c.because, lang) : "")
            .end();
    return out;
}

// GitHub refuses comments over 65,536 characters; keep well under it.
constexpr std::size_t markdown_limit = 60000;

}  // namespace

std::string render_diff_markdown(const DiffResult& d, Lang lang) {
    std::string out = "### kcity diff\n\n**" + markdown_cell(diff_summary(d, lang)) + "**\n\n";
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
    for (const auto& t : d.tracks) {
        out += "\n#### " + t.track + "\n\n";
        std::vector<ProposalChange> decisive, ranks;
        for (const auto& c : t.changes) (c.decisive ? decisive : ranks).push_back(c);
        if (t.changes.empty()) out += label("diff.md-no-change", lang) + "\n";
        if (!decisive.empty()) out += md_table(decisive, lang);
        if (!ranks.empty())
            out += "\n<details><summary>" +
                   format_message("diff.md-rank-only", lang, {{"count", Count{ranks.size()}}}) +
                   "</summary>\n\n" + md_table(ranks, lang) + "\n</details>\n";
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

}  // namespace

std::string render_diff_json(const DiffResult& d, Lang lang) {
    std::string out = "{\n  \"format_version\": 1,\n";
    out += fmt::format("  \"kcity_version\": {},\n", json_quote(KCITY_VERSION));
    out += fmt::format("  \"summary\": {},\n", json_quote(diff_summary(d, lang)));
    out += fmt::format("  \"changed\": {},\n", d.decisive ? "true" : "false");
    out += fmt::format("  \"base_rules\": {{\"origin\": {}, \"sha256\": {}}},\n",
                       json_quote(d.old_origin), json_quote(d.old_sha256));
    out += fmt::format("  \"rules\": {{\"origin\": {}, \"sha256\": {}}},\n",
                       json_quote(d.new_origin), json_quote(d.new_sha256));
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
            "\"rank_changes\": {}, \"changes\": [",
            i ? "," : "", json_quote(t.track), t.newly_selected, t.dropped, t.other_changes,
            t.award_changes, t.rank_changes);
        for (std::size_t j = 0; j < t.changes.size(); ++j) {
            const ProposalChange& c = t.changes[j];
            out += fmt::format(
                "{}\n      {{\"id\": {}, \"old\": {}, \"new\": {}, \"because\": {}}}", j ? "," : "",
                json_quote(c.id), side_json(c.old_side), side_json(c.new_side),
                c.because ? json_quote(because_text(*c.because, lang)) : "null");
        }
        out += t.changes.empty() ? "]}" : "\n    ]}";
    }
    out += d.tracks.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace kcity
