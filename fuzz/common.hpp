// Helpers shared by the libFuzzer targets: the built-in rules and the example call, read once
// per process, and a check that turns a broken invariant into a crash that libFuzzer reports.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "kcity/load/load.hpp"
#include "kcity/model/call.hpp"

namespace kcity_fuzz {

// libFuzzer reports an abort as a crash, with the input that caused it.
inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

// The files of the rules built into the binary, named "<built-in>/program.yaml", ...
std::vector<kcity::SourceFile> builtin_rule_sources();

// The built-in rules, loaded once.
const kcity::Rules& builtin_rules();

// The proposal files and score sheets of examples/2023, read from the source tree once.
struct ExampleFiles {
    std::vector<kcity::SourceFile> proposals, sheets;
};
const ExampleFiles& example_files();

// Loads the example call with `rules` as load_call does: proposals (sorted by id), sheets,
// then the checks across files.
void load_example(kcity::Call& call, kcity::Diagnostics& diags);

// The example proposals (built-in rules, without the example sheets), their reviews reset to
// the examples' own for every input: a sheet target adds its reviews to them.
std::vector<kcity::Proposal>& example_proposals_reset();

// Every diagnostic must point somewhere a person can look: a file, a line and a column.
void require_positions(const kcity::Diagnostics& diags);

}  // namespace kcity_fuzz
