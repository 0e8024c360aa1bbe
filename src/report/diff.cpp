// `kcity diff` as text (terminal), Markdown (a pull-request comment) and JSON.
#include "kcity/diff/diff.hpp"

#include <fmt/format.h>

#include "kcity/base/text.hpp"
#include "kcity/report/escape.hpp"

namespace kcity {
namespace {

std::string side_status(const std::optional<ProposalSide>& s) {
    return s ? status_code(s->status) : "(none)";
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

std::string rule_value(const std::optional<std::string>& v) {
    return v ? *v : "(none)";
}

std::string short_sha(const std::string& sha) {
    return sha.substr(0, 12);
}

}  // namespace

std::string render_diff_text(const DiffResult& d) {
    std::string out = d.summary() + "\n\n";
    out += fmt::format("Base rules: {} (sha256 {})\nNew rules:  {} (sha256 {})\n", d.old_origin,
                       short_sha(d.old_sha256), d.new_origin, short_sha(d.new_sha256));
    out += "\nRule changes";
    if (d.rules.empty())
        out += ": none\n";
    else
        out += "\n";
    for (const auto& r : d.rules)
        out += fmt::format("  {}: {} → {}\n", r.path, rule_value(r.old_value),
                           rule_value(r.new_value));
    for (const auto& t : d.tracks) {
        out += fmt::format("\n{}", t.track);
        if (t.changes.empty()) {
            out += ": no change\n";
            continue;
        }
        out += "\n";
        std::vector<std::vector<std::string>> rows = {
            {"ID", "Status", "Rank", "Score", "Award (KRW)"}};
        for (const auto& c : t.changes)
            rows.push_back({c.id, arrow(side_status(c.old_side), side_status(c.new_side)),
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
            if (c.decisive) out += "      because " + c.because + "\n";
        }
    }
    return out;
}

namespace {

std::string md_table(const std::vector<ProposalChange>& changes) {
    std::string out;
    MarkdownRow head(out);
    for (const char* h : {"ID", "Status", "Rank", "Score", "Award (KRW)", "Because"}) head.cell(h);
    head.end();
    out += markdown_rule("llllll");
    for (const auto& c : changes)
        MarkdownRow(out)
            .cell(c.id)
            .cell(arrow(side_status(c.old_side), side_status(c.new_side)))
            .cell(arrow(side_rank(c.old_side), side_rank(c.new_side)))
            .cell(arrow(side_score(c.old_side), side_score(c.new_side)))
            .cell(arrow(side_award(c.old_side), side_award(c.new_side)))
            .cell(c.because)
            .end();
    return out;
}

// GitHub refuses comments over 65,536 characters; keep well under it.
constexpr std::size_t markdown_limit = 60000;

}  // namespace

std::string render_diff_markdown(const DiffResult& d) {
    std::string out = "### kcity diff\n\n**" + markdown_cell(d.summary()) + "**\n\n";
    out +=
        fmt::format("Base rules `{}` (sha256 `{}`) → new rules `{}` (sha256 `{}`)\n\n",
                    d.old_origin, short_sha(d.old_sha256), d.new_origin, short_sha(d.new_sha256));
    out += "#### Rule changes\n\n";
    if (d.rules.empty()) {
        out += "None.\n";
    } else {
        std::string table = "| Rule | Old | New |\n" + markdown_rule("lll");
        for (const auto& r : d.rules)
            MarkdownRow(table)
                .markdown("`" + markdown_cell(r.path) + "`")
                .cell(rule_value(r.old_value))
                .cell(rule_value(r.new_value))
                .end();
        out += d.rules.size() > 15
                   ? "<details><summary>" + std::to_string(d.rules.size()) +
                         " rule values changed</summary>\n\n" + table + "\n</details>\n"
                   : table;
    }
    for (const auto& t : d.tracks) {
        out += "\n#### " + t.track + "\n\n";
        std::vector<ProposalChange> decisive, ranks;
        for (const auto& c : t.changes) (c.decisive ? decisive : ranks).push_back(c);
        if (t.changes.empty()) out += "No change.\n";
        if (!decisive.empty()) out += md_table(decisive);
        if (!ranks.empty())
            out += "\n<details><summary>" + std::to_string(ranks.size()) + " rank change" +
                   (ranks.size() == 1 ? "" : "s") + " only</summary>\n\n" + md_table(ranks) +
                   "\n</details>\n";
    }
    if (out.size() > markdown_limit) {
        std::size_t cut = out.rfind('\n', markdown_limit);
        out = out.substr(0, cut + 1) +
              "\n… (cut to fit a comment; run `kcity diff` for the whole list)\n";
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

std::string render_diff_json(const DiffResult& d) {
    std::string out = "{\n  \"format_version\": 1,\n";
    out += fmt::format("  \"kcity_version\": {},\n", json_quote(KCITY_VERSION));
    out += fmt::format("  \"summary\": {},\n", json_quote(d.summary()));
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
            out +=
                fmt::format("{}\n      {{\"id\": {}, \"old\": {}, \"new\": {}, \"because\": {}}}",
                            j ? "," : "", json_quote(c.id), side_json(c.old_side),
                            side_json(c.new_side), c.decisive ? json_quote(c.because) : "null");
        }
        out += t.changes.empty() ? "]}" : "\n    ]}";
    }
    out += d.tracks.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace kcity
