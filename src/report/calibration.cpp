// A calibrated track's offsets (SPEC §6 step 2a) as every report shows them.
#include "kcity/report/calibration.hpp"

#include <fmt/format.h>

#include "kcity/report/escape.hpp"

namespace kcity {

std::string offset_text(const Rational& offset, int places) {
    Decimal d = round_half_away(offset, places);
    return (d > Decimal{} ? "+" : "") + format_decimal(d, places);
}

std::vector<std::string> calibration_head(const TrackRules& t, Lang lang) {
    std::vector<std::string> head = {label("calib.reviewer", lang), label("calib.proposals", lang)};
    for (const auto& k : t.criteria) head.push_back(k.name.get(lang == Lang::ko));
    return head;
}

std::vector<std::vector<std::string>> calibration_rows(const TrackRules& t, const Calibration& c) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& o : c.reviewers) {
        std::vector<std::string> row = {o.reviewer, std::to_string(o.proposals)};
        for (const auto& v : o.offsets) row.push_back(offset_text(v, t.rounding));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string calibration_json(const TrackRules& t, const Calibration& c, const std::string& indent) {
    std::string out = "{\"method\": \"offset\", \"reviewers\": [";
    for (std::size_t r = 0; r < c.reviewers.size(); ++r) {
        const ReviewerOffset& o = c.reviewers[r];
        out += fmt::format("{}\n{}  {{\"reviewer\": {}, \"proposals\": {}, \"offsets\": {{",
                           r ? "," : "", indent, json_quote(o.reviewer), o.proposals);
        for (std::size_t i = 0; i < o.offsets.size() && i < t.criteria.size(); ++i)
            out +=
                fmt::format("{}{}: {}", i ? ", " : "", json_quote(t.criteria[i].id),
                            format_decimal(round_half_away(o.offsets[i], t.rounding), t.rounding));
        out += "}}";
    }
    return out + (c.reviewers.empty() ? "]}" : "\n" + indent + "]}");
}

}  // namespace kcity
