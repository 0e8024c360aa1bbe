// The result notices of `kcity letters` (SPEC §11): one letter per proposal, addressed to its
// applicant, and an index of them, as text, Markdown or HTML, in English or Korean. A letter
// reads the run's result and trace (what evaluation and selection decided) and works nothing
// out again; it names no other proposal and shows no other score than the lowest selected.
#pragma once
#include <string>
#include <vector>

#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

enum class LetterFormat { html, markdown, text };

// "html", "md", "txt": the letters' file extension.
const char* letter_extension(LetterFormat format);

struct LetterOptions {
    LetterFormat format = LetterFormat::html;
    Lang lang = Lang::en;
    bool panel = false;  // --panel: name the track's panel (panel.yaml)
};

// The letter to the applicant of `proposal`, a proposal of `track` in the run of `call`.
std::string render_letter(const Call& call, const TrackResult& track,
                          const ProposalResult& proposal, const LetterOptions& options);

// The index: every proposal's id, applicant, track, status and a link to its letter, tracks in
// the program's order, proposals by id.
std::string render_letter_index(const Call& call, const Result& result,
                                const LetterOptions& options);

// The last day to object: results_date + appeal_days calendar days (nullopt unless both set).
std::optional<DateTime> appeal_deadline(const Program& program);

}  // namespace kcity
