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

// A proposal's keys are appended piece by piece (put): 10,000 proposals are 8 MB of JSON, and a
// string per value (or fmt's buffer per line) cost half the rendering.
struct Quoted {  // text written as a JSON string
    std::string_view text;
};

void put_one(std::string& out, std::string_view s) {
    out += s;
}
void put_one(std::string& out, Quoted q) {
    append_json_quote(out, q.text);
}
void put_one(std::string& out, long long n) {
    const fmt::format_int digits(n);
    out.append(digits.data(), digits.size());
}

template <class... Pieces>
void put(std::string& out, const Pieces&... pieces) {
    (put_one(out, pieces), ...);
}

void list(std::string& out, const ProposalResult& r, ReviewRole role) {
    std::vector<std::string> items = r.reviewers(role);
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) put(out, i ? ", " : "", Quoted{items[i]});
    out += ']';
}

// Why each excluded reviewer is excluded, only when one is (as `shortfall_reasons` is given
// only with a shortfall): `, "exclusions": [{"reviewer", "code", "message"}, ...]`.
void exclusions_json(std::string& out, const ProposalResult& r, Lang lang) {
    if (r.exclusions.empty()) return;
    out += ", \"exclusions\": [";
    for (std::size_t i = 0; i < r.exclusions.size(); ++i) {
        const Exclusion& e = r.exclusions[i];
        put(out, i ? ", " : "", "{\"reviewer\": ", Quoted{e.reviewer},
            ", \"code\": ", Quoted{e.reason.code},
            ", \"message\": ", Quoted{reason_text(e.reason, lang)}, "}");
    }
    out += ']';
}

void reasons_json(std::string& out, const std::vector<Reason>& reasons, std::string_view indent,
                  Lang lang) {
    if (reasons.empty()) {
        out += "[]";
        return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < reasons.size(); ++i)
        put(out, indent, "  {\"code\": ", Quoted{reasons[i].code},
            ", \"message\": ", Quoted{reason_text(reasons[i], lang)}, "}",
            i + 1 < reasons.size() ? ",\n" : "\n");
    put(out, indent, "]");
}

// A text the proposal may leave out: null then, never "".
void text_or_null(std::string& out, const std::string& s) {
    if (s.empty())
        out += "null";
    else
        append_json_quote(out, s);
}

void number_or_null(std::string& out, const std::optional<Decimal>& d, int places) {
    out += d ? format_decimal(*d, places) : "null";
}

void int_or_null(std::string& out, const std::optional<long long>& n) {
    if (n)
        put_one(out, *n);
    else
        out += "null";
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
    constexpr std::string_view in = "        ";
    put(out, in, "{\n", in, "  \"id\": ", Quoted{p.id}, ", \"country\": ", Quoted{p.country},
        ", \"city\": ", Quoted{p.city}, ",\n");
    put(out, in, "  \"status\": ", Quoted{status_code(r.status)}, ", \"rank\": ");
    int_or_null(out, r.rank);
    put(out, ",\n", in, "  \"score\": ");
    number_or_null(out, r.score, t.rounding);
    out += ", \"base\": ";
    number_or_null(out, r.base, t.rounding);
    put(out, ",\n", in, "  \"criteria\": ");
    if (r.rank) {
        out += '{';
        for (std::size_t i = 0; i < t.criteria.size(); ++i)
            put(out, i ? ", " : "", Quoted{t.criteria[i].id}, ": ",
                format_decimal(r.criteria[i], t.rounding));
        out += '}';
    } else {
        out += "null";
    }
    put(out, ",\n", in, "  \"adjustments\": [");
    for (std::size_t i = 0; i < r.adjustments.size(); ++i)
        put(out, i ? ", " : "", "{\"id\": ", Quoted{r.adjustments[i]->id},
            ", \"points\": ", r.adjustments[i]->points_text, "}");
    put(out, "],\n", in, "  \"requested_krw\": ", static_cast<long long>(p.requested_krw),
        ", \"award_krw\": ");
    int_or_null(out, r.award_krw);
    put(out, ",\n", in, "  \"reviews\": ");
    if (r.has_reviews) {
        out += "{\"used\": ";
        list(out, r, ReviewRole::used);
        out += ", \"trimmed\": ";
        list(out, r, ReviewRole::trimmed);
        out += ", \"excluded\": ";
        list(out, r, ReviewRole::excluded);
        exclusions_json(out, r, lang);
        out += '}';
    } else {
        out += "null";
    }
    put(out, ",\n", in, "  \"reasons\": ");
    reasons_json(out, r.reasons, "          ", lang);
    // After the keys SPEC §8 orders: what a mail merge or a web page needs without the YAML.
    put(out, ",\n", in, "  \"title\": {\"ko\": ");
    text_or_null(out, p.title.ko);
    out += ", \"en\": ";
    text_or_null(out, p.title.en);
    put(out, "},\n", in, "  \"applicant\": {\"name\": ", Quoted{p.applicant.name}, ", \"type\": ");
    text_or_null(out, p.applicant.type);
    out += ", \"country\": ";
    text_or_null(out, p.applicant.country.value_or(""));
    put(out, "}", calibrated || shares ? "," : "", "\n");
    // SPEC §6 step 2a: with calibration, `score` and `base` are calibrated; these are without.
    if (calibrated) {
        put(out, in, "  \"raw_score\": ");
        number_or_null(out, r.raw_score, t.rounding);
        out += ", \"raw_base\": ";
        number_or_null(out, r.raw_base, t.rounding);
        put(out, shares ? "," : "", "\n");
    }
    if (shares) put(out, in, "  \"robustness\": ", share_json(*shares, r), "\n");
    put(out, in, "}");
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
    if (tr.shortfall) {
        put(out, in, "  \"shortfall_reasons\": ");
        reasons_json(out, tr.shortfall_reasons, in + "  ", lang);
        out += ",\n";
    }
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
