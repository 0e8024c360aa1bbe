// The rules' predicate language (SPEC §5): parsed once from YAML, evaluated on proposals.
#pragma once
#include <string>
#include <vector>

#include "kcity/model.hpp"
#include "kcity/yaml.hpp"

namespace kcity {

// Parses {field: PATH, OP: VALUE}, {all: [...]}, {any: [...]}, {not: P}; errors go to the
// reader's diagnostics. Returns a predicate even after errors (it is never evaluated then).
Predicate parse_predicate(const YamlReader& r, const YamlNode& node);

// The proposal's value at a dotted path (`country`, `applicant.type`, `attributes.x`, ...);
// a null Value when the path is absent.
Value lookup_field(const Proposal& p, std::string_view path);

// Paths a rule may test, other than `attributes.NAME`.
const std::vector<std::string>& known_fields();

struct PredicateContext {
    const std::vector<HistoryEntry>* history = nullptr;
    int year = 0;  // history entries of this year or later are not "earlier"
    int tz_minutes = 540;
};

bool evaluate(const Predicate& p, const Proposal& proposal, const PredicateContext& ctx);

// SPEC §5: a proposal value whose type does not match a rule that tests it is an error in the
// proposal, found for every test whatever evaluation would short-circuit.
void check_types(const Predicate& p, const Proposal& proposal, const std::string& rule,
                 Diagnostics& diags);

// Every test (leaf) of a predicate, depth first.
void for_each_test(const Predicate& p, const std::function<void(const Predicate&)>& fn);

}  // namespace kcity
