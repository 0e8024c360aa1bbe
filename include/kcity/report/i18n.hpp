// Languages of the reports: one message table (i18n.cpp) for every label, status, reason and
// message that a report shows, in English and Korean. Evaluation and selection give reasons
// as values (model/result.hpp); only here do they become words. A template names its slots:
//   {budget}            the slot's value, written in the language (amounts, dates, names)
//   {n|one|other}       `one` when slot `n` is the count 1, else `other` (singular, plural)
//   {n?text}            `text` when slot `n` is given and is not the count 0
// and `one`, `other` and `text` may name slots themselves. The compiler checks every template
// (braces, slot names, the same slots in both languages) and that every Msg has its entry.
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

// The language the environment asks for (SPEC §7): the first of LC_ALL, LC_MESSAGES and LANG
// that is set and not empty (POSIX: an empty variable counts as unset), by lang_from_locale.
// The values, not the process's environment: the CLI reads it, tests give strings.
Lang lang_from_environment(const char* lc_all, const char* lc_messages, const char* lang);

// A report label ("Selected", "Reserve", ...) by its key in the table; the key itself when
// the table has no such entry.
std::string label(std::string_view key, Lang lang);

// A message of the table with its named slots filled: {{"selected", Count{2}}, {"min",
// Count{4}}} in "{selected} selected, at least {min} required". Strings are put in as they
// are (already escaped, for HTML).
std::string format_message(std::string_view key, Lang lang, const std::vector<Arg>& args);

// A label whose template holds the slots {0}..{9}, filled with values already in the report's
// language: the messages of `kcity explain`, until it names them too.
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

// "VN" / "베트남(VN)": how reasons name a country.
std::string country_label(const std::string& code, Lang lang);

// A value of a slot in a language: "KRW 450,000,000" / "4억 5,000만원", "12", "2023-05-10".
std::string value_text(const ArgValue& value, Lang lang);

// The table entry that says a reason's or a warning's message.
std::string_view message_key(Msg msg);

// The slots a message's English text names, in order, each once (for tests and tools).
std::vector<std::string_view> message_slots(std::string_view key);

// The reason's message in a language.
std::string reason_text(const Reason& r, Lang lang);
// Several reasons on one line, as the text, Markdown and CSV reports show them:
// "code: message; code: message".
std::string reasons_line(const std::vector<Reason>& reasons, Lang lang);

// What a reason is about, as a reader names it: the code in English (`budget`, `cutoff:impact`,
// a rule's id), a Korean word in Korean (`예산`, `과락(impact)`, `자격 요건`). Text, Markdown
// and HTML show it; JSON and CSV keep the codes (SPEC §8).
std::string reason_label(const Reason& r, Lang lang);
std::string warning_label(const Warning& w, Lang lang);
// Like reasons_line, with reason_label for the code: "예산: 지원액 …; 과락(impact): …".
std::string reasons_words(const std::vector<Reason>& reasons, Lang lang);

// A proposal's matching adjustments as a reader checks them: "Matching fund +2, Late documents
// -1; base 84.33 → score 85.33", the caps when they applied; "" when none matched.
std::string adjustments_words(const TrackRules& t, const ProposalResult& r, Lang lang);
// Its parts: the matching adjustments by name with their points ("Matching fund +2, Late
// documents -1"), and the caps that changed their sum ("" when none did).
std::string adjustment_names(const ProposalResult& r, Lang lang);
std::string adjustment_caps(const TrackRules& t, const ProposalResult& r, Lang lang);

// The warning's message in a language.
std::string warning_text(const Warning& w, Lang lang);

}  // namespace kcity
