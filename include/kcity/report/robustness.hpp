// The report of `kcity robustness` (SPEC §9) in text, Markdown, JSON and HTML, in English or
// Korean: every word from the message table (i18n.cpp).
#pragma once
#include <string>

#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/select/robustness.hpp"

namespace kcity {

// The report in one of text, markdown, json, html. JSON's codes and statuses are never
// translated (SPEC §8).
std::string render_robustness(const Robustness& r, Format format, Lang lang);

// "97.5%": a share in tenths of a percent.
std::string share_text(std::int64_t tenths);

}  // namespace kcity
