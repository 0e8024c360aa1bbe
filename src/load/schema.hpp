// Small readers shared by the rules and proposal loaders.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/load/yaml.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

// Text, or {ko: ..., en: ...}.
std::optional<LocalText> read_local_text(const YamlReader& r, const YamlNode& n,
                                         std::string_view what);

// One of a fixed set of words; an unknown one is an error with a suggestion. Returns its index.
std::optional<std::size_t> read_choice(const YamlReader& r, const YamlNode& n,
                                       std::string_view what,
                                       const std::vector<std::string>& choices);

// [A-Za-z0-9._-]{1,64}
bool is_valid_id(std::string_view id);

// A required id field, checked for syntax.
std::optional<std::string> read_id(const YamlReader& r, const YamlNode& n, std::string_view what);

// A date or date-time (SPEC §3).
std::optional<DateTime> read_date(const YamlReader& r, const YamlNode& n, std::string_view what);

// An upper-case ISO 3166-1 alpha-2 code.
std::optional<std::string> read_country(const YamlReader& r, const YamlNode& n,
                                        std::string_view what);

// A score: a number from 0 to the criterion's maximum with at most two decimals.
std::optional<Decimal> read_score(const YamlReader& r, const YamlNode& n, const Criterion& c);

}  // namespace kcity
