// `kcity diff` in words: the summary, the because lines, and the report as text (a terminal),
// Markdown (a pull-request comment) or JSON, in English or Korean (the message catalogue).
#pragma once
#include <string>

#include "kcity/diff/diff.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

// "planning: 2 newly selected, 2 dropped, 1 award change, 5 rank changes; pilot: no change"
std::string diff_summary(const DiffResult& d, Lang lang);

// Why a change happened, in one line: "award: capped at award.max_krw KRW 450,000,000".
// Reasons are named by their codes in `json` (SPEC §8), else as reason_label names them (a
// Korean word in Korean).
std::string because_text(const Because& b, Lang lang, bool json = false);

// diff --base: one input change in a line: "PLN-2023-02: R3's feasibility 20 → 24" (without
// the proposal's id when `with_id` is false, as its own because line).
std::string input_change_text(const InputChange& c, Lang lang, bool with_id = true);

// A change's because lines: under --base, each cause; else the one Because (none for a change
// of rank only).
std::vector<std::string> because_lines(const DiffResult& d, const ProposalChange& c, Lang lang,
                                       bool json = false);

std::string render_diff_text(const DiffResult& d, Lang lang);
std::string render_diff_markdown(const DiffResult& d, Lang lang);
// Statuses stay codes; the summary and the because lines are in `lang` (English unless
// --lang is given, as in the JSON of `score`).
std::string render_diff_json(const DiffResult& d, Lang lang);

}  // namespace kcity
