// Renderers: a Result in, the report's text out. The CLI decides where it goes.
#pragma once
#include <string>

#include "kcity/i18n.hpp"
#include "kcity/result.hpp"

namespace kcity {

// SPEC §8.
std::string render_json(const Result& result, Lang lang = Lang::en);

// The selection report for people: summary, selected, reserve, and every other proposal with
// its reasons.
std::string render_text(const Result& result, Lang lang = Lang::en);

}  // namespace kcity
