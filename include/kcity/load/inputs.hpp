// Finding and reading a call's files (SPEC §2): the only part of the library that touches
// the file system.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kcity/base/diagnostics.hpp"
#include "kcity/load/load.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

// The largest file kcity reads, rules, proposals or score sheets alike (docs/validation.md):
// 256 MiB, over twice a multi-document file of 100,000 proposals with seven reviews each
// (about 96 MB), yet small enough that a file written by mistake (a log, a disk image named
// .yaml) is refused at once rather than filling the memory.
inline constexpr std::uintmax_t max_file_bytes = std::uintmax_t{256} << 20;

// The most proposals kcity reads in one run (docs/validation.md, "Memory"): each takes about
// 1 KB loaded and as much again once evaluated, whatever its text's size, so that a run of
// small proposals would otherwise take ten times its input. 200,000 is hundreds of times a
// real call and twice the largest benchmark (bench/README.md); it keeps a run within five
// times its input plus about 256 MB. The proposal after the limit is an error, and the run
// then keeps no proposal (nor reads the score sheets).
inline constexpr std::size_t max_proposals = 200'000;

// The most free attributes kcity reads in one run, all proposals together (docs/validation.md,
// "Memory"): an attribute takes about 150 bytes loaded, whatever its text, so that a file of
// nothing but `a: 1` would take 10 to 20 times its size, and 200,000 proposals of five
// attributes took 507 MB for 42 MB. 500,000 is two and a half for each of max_proposals; a
// real call has a few thousand. Past it, as past max_proposals, the proposal
// whose attributes pass the limit is an error and the run keeps no proposal.
inline constexpr std::size_t max_attributes = 500'000;

struct InputOptions {
    std::vector<std::string> inputs;       // empty: the current folder
    std::optional<std::string> rules_dir;  // --rules
    std::optional<std::string> rules_env;  // KCITY_RULES
    std::vector<std::string> score_files;  // --scores
};

// The origin named in reports when the rules built into the binary are used.
inline constexpr const char* builtin_rules_origin = "built-in (2023)";

struct RulesLocation {
    bool builtin = false;
    std::string dir;  // when !builtin
};

// SPEC §2's order: --rules, KCITY_RULES, the nearest rules/program.yaml from the first input,
// ./rules, the built-in rules.
std::optional<RulesLocation> find_rules(const InputOptions& in, Diagnostics& diags);

// The files of the inputs, each once, in byte order of their paths.
struct InputFiles {
    std::vector<std::string> proposals;  // .yaml / .yml
    // Per proposal file, whether its folder's listing says it is a regular file (such files
    // are read in batches; any other is looked at first).
    std::vector<char> listed_regular;
    std::vector<std::string> sheets;  // .csv
};
InputFiles collect_inputs(const InputOptions& in, Diagnostics& diags);

// The rules files at a location: a folder's .yaml files, or the built-in ones.
std::vector<SourceFile> read_rule_files(const RulesLocation& where, Diagnostics& diags);

// The rules at a location.
Rules load_rules(const RulesLocation& where, Diagnostics& diags);

// The proposals and score sheets of the inputs, loaded against `rules` and checked.
Call load_inputs(const InputOptions& in, Rules rules, Diagnostics& diags);

// Loads everything; `rules_used` tells where the rules came from (for standard error).
// The proposals come back sorted by id.
Call load_call(const InputOptions& in, Diagnostics& diags, std::string& rules_used);

}  // namespace kcity
