// Languages of the reports: one message table (i18n.cpp) for every label, status, reason and
// message that a report shows, in English and Korean.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"

namespace kcity {

enum class Lang { en, ko };

// `ko_KR.UTF-8` and the like → Korean; anything else (or nothing) → English.
Lang lang_from_locale(const char* locale);

// A report label ("Selected", "Reserve", ...) by its key in the table; the key itself when
// the table has no such entry.
std::string label(std::string_view key, Lang lang);

// A label whose template holds {0}..{9}, filled with values already in the report's language
// (and already escaped, for HTML): "{0} selected, at least {1} required".
std::string format_label(std::string_view key, Lang lang, const std::vector<std::string>& values);

// "selected" → "Selected" / "선정".
std::string status_label(Status s, Lang lang);

// An entry of the message table, for tests and tools that check it.
struct Message {
    std::string_view key, en, ko;
};

// The whole table, sorted by key.
std::span<const Message> message_table();

// Whether the table has an entry `key`.
bool has_message(std::string_view key);

// A country's name from the built-in table ("Ukraine" / "우크라이나"); the code when unknown.
std::string country_name(const std::string& code, Lang lang);

// "KRW 450,000,000" / "4억 5,000만원".
std::string format_krw(Krw amount, Lang lang);

// Korean amount in 억/만 units: 450000000 → "4억 5,000만원", 300000000 → "3억원".
std::string format_krw_korean(Krw amount);

Arg arg(std::string same);
Arg arg_krw(Krw amount);  // "KRW 450,000,000" / "4억 5,000만원"
Arg arg_text(const LocalText& text);
Arg arg_country(const std::string& code);       // "Ukraine (UA)" / "우크라이나(UA)"
Arg arg_country_code(const std::string& code);  // "UA" / "우크라이나(UA)"

// A reason whose message comes from the table entry `key` with these values.
Reason make_reason(std::string code, std::string key, std::vector<Arg> args);

// The reason's message in a language.
std::string reason_text(const Reason& r, Lang lang);

// A warning of a track whose message comes from the table entry `key` with these values; its
// English message is filled in.
Warning make_warning(std::string track, std::string code, std::string key, std::vector<Arg> args);

// The warning's message in a language.
std::string warning_text(const Warning& w, Lang lang);

}  // namespace kcity
