// SPEC §8: the JSON report. Keys in the order the spec shows; scores with exactly `rounding`
// decimals; the same bytes for the same inputs.
#include <fmt/format.h>

#include "kcity/base/parallel.hpp"
#include "kcity/evaluate/evaluate.hpp"
#include "kcity/report/calibration.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/lottery.hpp"
#include "kcity/report/render.hpp"
#include "kcity/select/robustness.hpp"
#include "out.hpp"

namespace kcity {
namespace {

std::string list(const ProposalResult& r, ReviewRole role) {
    std::vector<std::string> items = r.reviewers(role);
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_quote(items[i]);
    return out + "]";
}

// Why each excluded reviewer is excluded, only when one is (as `shortfall_reasons` is given
// only with a shortfall): `, "exclusions": [{"reviewer", "code", "message"}, ...]`.
std::string exclusions_json(const ProposalResult& r, Lang lang) {
    if (r.exclusions.empty()) return "";
    std::string out = ", \"exclusions\": [";
    for (std::size_t i = 0; i < r.exclusions.size(); ++i) {
        const Exclusion& e = r.exclusions[i];
        out += fmt::format("{}{{\"reviewer\": {}, \"code\": {}, \"message\": {}}}", i ? ", " : "",
                           json_quote(e.reviewer), json_quote(e.reason.code),
                           json_quote(reason_text(e.reason, lang)));
    }
    return out + "]";
}

std::string reasons_json(const std::vector<Reason>& reasons, const std::string& indent, Lang lang) {
    if (reasons.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t i = 0; i < reasons.size(); ++i)
        out += fmt::format("{}  {{\"code\": {}, \"message\": {}}}{}\n", indent,
                           json_quote(reasons[i].code), json_quote(reason_text(reasons[i], lang)),
                           i + 1 < reasons.size() ? "," : "");
    return out + indent + "]";
}

// A text the proposal may leave out: null then, never "".
std::string text_or_null(const std::string& s) {
    return s.empty() ? "null" : json_quote(s);
}

std::string number_or_null(const std::optional<Decimal>& d, int places) {
    return d ? format_decimal(*d, places) : "null";
}

// Proposals written together into one string, and such strings written at once.
// A chunk is small, since a piece handed on may exceed Piecewise::piece by one chunk.
constexpr std::size_t json_chunk = 8;
constexpr std::size_t json_wave = 256;

// Appends to `out`, which the caller hands on to the sink piece by piece.
// `score --robustness N`: the proposal over the runs (SPEC §9), null when it is unranked.
std::string share_json(const TrackResult& tr, const ProposalResult& r) {
    const RunShare* share = tr.share(r);
    if (!share) return "null";
    return fmt::format("{{\"selected_runs\": {}, \"share\": {}.{}, \"class\": \"{}\"}}",
                       share->selected_runs, share->share_tenths / 10, share->share_tenths % 10,
                       robust_class_code(share->cls));
}

// `shares`: with `score --robustness N`, the track whose proposals get a `robustness` key.
void proposal_json(std::string& out, const TrackRules& t, const ProposalResult& r, bool calibrated,
                   const TrackResult* shares, Lang lang) {
    const Proposal& p = *r.proposal;
    const std::string in = "        ";
    std::string criteria = "null";
    if (r.rank) {
        criteria = "{";
        for (std::size_t i = 0; i < t.criteria.size(); ++i)
            criteria += fmt::format("{}{}: {}", i ? ", " : "", json_quote(t.criteria[i].id),
                                    format_decimal(r.criteria[i], t.rounding));
        criteria += "}";
    }
    std::string adjustments = "[";
    for (std::size_t i = 0; i < r.adjustments.size(); ++i)
        adjustments += fmt::format("{}{{\"id\": {}, \"points\": {}}}", i ? ", " : "",
                                   json_quote(r.adjustments[i]->id), r.adjustments[i]->points_text);
    adjustments += "]";
    std::string reviews = r.has_reviews
                              ? fmt::format("{{\"used\": {}, \"trimmed\": {}, \"excluded\": {}{}}}",
                                            list(r, ReviewRole::used), list(r, ReviewRole::trimmed),
                                            list(r, ReviewRole::excluded), exclusions_json(r, lang))
                              : "null";
    out += in + "{\n";
    out += fmt::format("{}  \"id\": {}, \"country\": {}, \"city\": {},\n", in, json_quote(p.id),
                       json_quote(p.country), json_quote(p.city));
    out += fmt::format("{}  \"status\": {}, \"rank\": {},\n", in, json_quote(status_code(r.status)),
                       r.rank ? std::to_string(*r.rank) : "null");
    out += fmt::format("{}  \"score\": {}, \"base\": {},\n", in,
                       number_or_null(r.score, t.rounding), number_or_null(r.base, t.rounding));
    out += fmt::format("{}  \"criteria\": {},\n", in, criteria);
    out += fmt::format("{}  \"adjustments\": {},\n", in, adjustments);
    out += fmt::format("{}  \"requested_krw\": {}, \"award_krw\": {},\n", in, p.requested_krw,
                       r.award_krw ? std::to_string(*r.award_krw) : "null");
    out += fmt::format("{}  \"reviews\": {},\n", in, reviews);
    out += fmt::format("{}  \"reasons\": {},\n", in, reasons_json(r.reasons, in + "  ", lang));
    // After the keys SPEC §8 orders: what a mail merge or a web page needs without the YAML.
    out += fmt::format("{}  \"title\": {{\"ko\": {}, \"en\": {}}},\n", in, text_or_null(p.title.ko),
                       text_or_null(p.title.en));
    out += fmt::format("{}  \"applicant\": {{\"name\": {}, \"type\": {}, \"country\": {}}}{}\n", in,
                       json_quote(p.applicant.name), text_or_null(p.applicant.type),
                       text_or_null(p.applicant.country.value_or("")),
                       calibrated || shares ? "," : "");
    // SPEC §6 step 2a: with calibration, `score` and `base` are calibrated; these are without.
    if (calibrated)
        out += fmt::format("{}  \"raw_score\": {}, \"raw_base\": {}{}\n", in,
                           number_or_null(r.raw_score, t.rounding),
                           number_or_null(r.raw_base, t.rounding), shares ? "," : "");
    if (shares) out += fmt::format("{}  \"robustness\": {}\n", in, share_json(*shares, r));
    out += in + "}";
}

// The ties the lottery decided (SPEC §6), only when it decided one: `,\n "lottery": [{"seed",
// "ids", "ranks", "message"}, ...]`.
std::string lottery_json(const TrackResult& tr, int tz, Lang lang, const std::string& in) {
    std::vector<LotteryGroup> groups = lottery_groups(tr, tz);
    if (groups.empty()) return "";
    std::string out = ",\n" + in + "  \"lottery\": [";
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::string ids, ranks;
        for (const ProposalResult* r : groups[g].proposals) {
            ids += (ids.empty() ? "" : ", ") + json_quote(r->proposal->id);
            ranks += (ranks.empty() ? "" : ", ") + std::to_string(*r->rank);
        }
        std::string message = lottery_line(groups[g], lang);
        out += fmt::format("{}{{\"seed\": {}, \"ids\": [{}], \"ranks\": [{}], \"message\": {}}}",
                           g ? ", " : "", json_quote(groups[g].key->seed), ids, ranks,
                           json_quote(message));
    }
    return out + "]";
}

void track_json(Piecewise& w, const TrackResult& tr, int tz, bool shares, Lang lang) {
    std::string& out = w.buffer();
    const TrackRules& t = *tr.rules;
    const std::string in = "    ";
    out += in + "{\n";
    out += fmt::format("{}  \"track\": {},\n", in, json_quote(t.id));
    out += fmt::format("{}  \"method\": {},\n", in,
                       tr.method == Method::merit ? "\"merit\"" : "\"optimal\"");
    out += fmt::format("{}  \"budget_krw\": {},\n", in, t.selection.budget_krw);
    out += fmt::format("{}  \"awarded_krw\": {},\n", in, tr.awarded_krw);
    out += fmt::format("{}  \"min\": {}, \"max\": {},\n", in, t.selection.min, t.selection.max);
    out += fmt::format("{}  \"selected\": {},\n", in, tr.selected);
    out += fmt::format("{}  \"shortfall\": {},\n", in, tr.shortfall ? "true" : "false");
    if (tr.shortfall)
        out += fmt::format("{}  \"shortfall_reasons\": {},\n", in,
                           reasons_json(tr.shortfall_reasons, in + "  ", lang));
    out += in + "  \"proposals\": [";
    // The proposals are written on every core, a wave of chunks at a time, each chunk into its
    // own string; the chunks are then handed on in order: the same bytes, and never more than
    // a wave of the report held.
    const std::size_t n = tr.proposals.size();
    std::vector<std::string> chunks(json_wave);
    for (std::size_t wave = 0; wave < n; wave += json_wave * json_chunk) {
        std::size_t count = std::min(json_wave, (n - wave + json_chunk - 1) / json_chunk);
        parallel_for(count, [&](std::size_t c) {
            std::string& text = chunks[c];
            text.clear();
            std::size_t begin = wave + c * json_chunk, end = std::min(n, begin + json_chunk);
            for (std::size_t i = begin; i < end; ++i) {
                text += i ? ",\n" : "\n";
                proposal_json(text, t, tr.proposals[i], tr.calibration.has_value(),
                              shares ? &tr : nullptr, lang);
            }
        });
        for (std::size_t c = 0; c < count; ++c) {
            out += chunks[c];
            w.boundary();
        }
    }
    out += tr.proposals.empty() ? "]" : "\n" + in + "  ]";
    // After the keys SPEC §8 orders: the reviewers' offsets when the track calibrates.
    if (tr.calibration)
        out += fmt::format(",\n{}  \"calibration\": {}", in,
                           calibration_json(t, *tr.calibration, in + "  "));
    out += lottery_json(tr, tz, lang, in);
    out += "\n" + in + "}";
}

}  // namespace

void render_json(const Result& result, Lang lang, const Sink& sink) {
    const Program& prog = result.rules->program;
    Piecewise w(sink);
    std::string& out = w.buffer();
    out += "{\n";
    out += "  \"format_version\": 1,\n";
    out += fmt::format("  \"kcity_version\": {},\n", json_quote(KCITY_VERSION));
    out += fmt::format("  \"program\": {{\"name\": {}, \"year\": {}, \"budget_krw\": {}}},\n",
                       json_quote(prog.name), prog.year, prog.budget_krw);
    out += fmt::format(
        "  \"inputs\": {{\"rules_sha256\": {}, \"proposals_sha256\": {}, \"proposals\": {}}},\n",
        json_quote(result.rules->sha256), json_quote(result.proposals_sha256),
        result.proposal_count);
    out += "  \"tracks\": [";
    for (std::size_t i = 0; i < result.tracks.size(); ++i) {
        out += i ? ",\n" : "\n";
        track_json(w, result.tracks[i], result.rules->program.tz_minutes,
                   result.robustness.has_value(), lang);
    }
    out += result.tracks.empty() ? "],\n" : "\n  ],\n";
    out += "  \"warnings\": [";
    for (std::size_t i = 0; i < result.warnings.size(); ++i) {
        const Warning& wn = result.warnings[i];
        out += fmt::format("{}\n    {{\"track\": {}, \"code\": {}, \"message\": {}}}", i ? "," : "",
                           json_quote(wn.track), json_quote(wn.code),
                           json_quote(warning_text(wn, lang)));
    }
    out += result.warnings.empty() ? "]" : "\n  ]";
    // After the keys SPEC §8 orders, with `score --robustness N` only: what the runs were.
    if (const auto& rb = result.robustness)
        out += fmt::format(
            ",\n  \"robustness\": {{\"runs\": {}, \"seed\": {}, \"perturb\": {{\"resample\": {}, "
            "\"weights_percent\": {}}}}}",
            rb->runs, json_quote(rb->seed), rb->resample ? "true" : "false",
            rb->weights_percent ? format_decimal_short(*rb->weights_percent) : "null");
    out += "\n}\n";
    w.finish();
}

std::string render_json(const Result& result, Lang lang) {
    return collect([&](const Sink& sink) { render_json(result, lang, sink); },
                   4096 + 640 * result.proposal_count);
}

}  // namespace kcity
