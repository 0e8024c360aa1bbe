// `kcity check`: validation on its own, with the warnings worth a look.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kcity/commands.hpp"
#include "kcity/text_util.hpp"

namespace kcity {
namespace {

// Only proposals that need reviews: an ineligible one is never scored.
void warn_no_reviews(const Result& result, Diagnostics& diags) {
    for (const auto& tr : result.tracks)
        for (const auto& r : tr.proposals)
            if (r.status == Status::unscored && r.proposal->reviews.empty())
                diags.warning(r.proposal->where,
                              "proposal `" + r.proposal->id + "` has no reviews yet");
}

// A reviewer who gave every one of their (two or more) proposals the very same scores.
void warn_flat_reviewers(const Call& call, Diagnostics& diags) {
    struct Seen {
        const Review* first = nullptr;
        int count = 0;
        bool same = true;
    };
    std::map<std::pair<std::string, std::string>, Seen> by_reviewer;  // (track, reviewer)
    for (const auto& p : call.proposals)
        for (const auto& r : p.reviews) {
            if (r.conflict) continue;
            Seen& s = by_reviewer[{p.track, r.reviewer}];
            if (!s.first)
                s.first = &r;
            else
                s.same = s.same && s.first->scores == r.scores;
            ++s.count;
        }
    for (const auto& [key, s] : by_reviewer)
        if (s.count >= 2 && s.same)
            diags.warning(s.first->where, "reviewer `" + key.second + "` gave all " +
                                              std::to_string(s.count) + " proposals of track `" +
                                              key.first + "` the same scores");
}

// The run's shortfall warnings, with their reasons, at the track's rules file. Diagnostics are
// English: the warning's English message, from the same table entry as the reports'.
void warn_shortfalls(const Result& result, Diagnostics& diags) {
    for (const auto& tr : result.tracks) {
        if (!tr.shortfall) continue;
        auto w = std::find_if(
            result.warnings.begin(), result.warnings.end(),
            [&](const Warning& x) { return x.track == tr.rules->id && x.code == "shortfall"; });
        if (w == result.warnings.end()) continue;
        std::string reasons;
        for (const auto& r : tr.shortfall_reasons)
            reasons += (reasons.empty() ? "" : "; ") + r.code + ": " + r.message();
        diags.warning({tr.rules->file, 1, 1}, fmt::format("track `{}` falls short: {} ({})",
                                                          tr.rules->id, w->message, reasons));
    }
}

// GitHub's workflow commands: data escapes %, CR and LF; property values also : and ,.
std::string github_escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else if (property && c == ':')
            out += "%3A";
        else if (property && c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

}  // namespace

void check_warnings(const Call& call, Diagnostics& diags) {
    Result result = run_selection(call, {});
    warn_no_reviews(result, diags);
    warn_flat_reviewers(call, diags);
    warn_shortfalls(result, diags);
}

std::string render_diagnostics(const std::vector<Diagnostic>& diags, const std::string& format) {
    std::string out;
    if (format == "json") {
        out = "{\n  \"format_version\": 1,\n  \"diagnostics\": [";
        for (std::size_t i = 0; i < diags.size(); ++i) {
            const Diagnostic& d = diags[i];
            out += fmt::format(
                "{}\n    {{\"file\": {}, \"line\": {}, \"column\": {}, \"severity\": \"{}\", "
                "\"message\": {}}}",
                i ? "," : "", d.where.file.empty() ? "null" : json_quote(d.where.file.str()),
                d.where.line, d.where.column, d.severity == Severity::error ? "error" : "warning",
                json_quote(d.message));
        }
        return out + (diags.empty() ? "]\n}\n" : "\n  ]\n}\n");
    }
    for (const auto& d : diags) {
        if (format == "github") {
            const char* kind = d.severity == Severity::error ? "error" : "warning";
            std::string props;
            if (!d.where.file.empty())
                props =
                    fmt::format(" file={},line={},col={}", github_escape(d.where.file.str(), true),
                                std::max(d.where.line, 1), std::max(d.where.column, 1));
            out += fmt::format("::{}{}::{}\n", kind, props, github_escape(d.message, false));
        } else {
            out += format_diagnostic(d) + "\n";
        }
    }
    return out;
}

}  // namespace kcity
