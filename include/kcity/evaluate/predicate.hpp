// The rules' predicates (SPEC §5) evaluated on proposals.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kcity/base/diagnostics.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

// The proposal's value at a dotted path (`country`, `applicant.type`, `attributes.x`, ...);
// a null Value when the path is absent. For messages and explanations: its text is formatted.
Value lookup_field(const Proposal& p, std::string_view path);
// The same for the field a test reads, without resolving its path again.
Value lookup_field(const Proposal& p, const Predicate& test);

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
