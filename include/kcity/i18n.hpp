// Languages of the reports: one message table (i18n.cpp) for every label, status, reason and
// message that a report shows, in English and Korean.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "kcity/model.hpp"
#include "kcity/result.hpp"

namespace kcity {

enum class Lang { en, ko };

// `ko_KR.UTF-8` and the like → Korean; anything else (or nothing) → English.
Lang lang_from_locale(const char* locale);

// A report label ("Selected", "Reserve", ...) by its key in the table; the key itself when
// the table has no such entry.
std::string label(std::string_view key, Lang lang);

// "selected" → "Selected" / "선정".
std::string status_label(Status s, Lang lang);

// A country's name from the built-in table ("Ukraine" / "우크라이나"); the code when unknown.
std::string country_name(const std::string& code, Lang lang);

// "KRW 450,000,000" / "4억 5,000만원".
std::string format_krw(Krw amount, Lang lang);

// Korean amount in 억/만 units: 450000000 → "4억 5,000만원", 300000000 → "3억원".
std::string format_krw_korean(Krw amount);

Arg arg(std::string same);
Arg arg_krw(Krw amount);
Arg arg_text(const LocalText& text);
Arg arg_country(const std::string& code);  // "Ukraine (UA)" / "우크라이나(UA)"

// A reason whose message comes from the table entry `key` with these values; its English
// message is filled in.
Reason make_reason(std::string code, std::string key, std::vector<Arg> args);

// The reason's message in a language.
std::string reason_text(const Reason& r, Lang lang);

}  // namespace kcity
