// The rules' predicate language (SPEC §5), parsed once from YAML.
#pragma once
#include <string>
#include <vector>

#include "kcity/load/yaml.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

// Parses {field: PATH, OP: VALUE}, {all: [...]}, {any: [...]}, {not: P}; errors go to the
// reader's diagnostics. Returns a predicate even after errors (it is never evaluated then).
Predicate parse_predicate(const YamlReader& r, const YamlNode& node);

// Paths a rule may test, other than `attributes.NAME`.
const std::vector<std::string>& known_fields();

}  // namespace kcity
