// Attested reports (SPEC §12): `--attest STATEMENT` writes an in-toto Statement v1 that binds
// the files a run wrote to the exact inputs, options and kcity version that produced them, and
// `kcity verify STATEMENT` checks every input and re-runs the command byte for byte. Every
// command that attests goes through write_attestation (the CLI's add_attest_option).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

// The predicate's type: kcity's predicate, version 1.
inline constexpr const char* attest_predicate_type = "urn:kcity:predicate:report:v1";

struct AttestRequest {
    std::string command;  // "score", "letters", ...
    InputOptions inputs;  // as given on the command line (relative to the current folder)
    // The command's other options that shape the output, as arguments (`--format`, `json`).
    std::vector<std::string> options;
    std::vector<std::string> outputs;  // the files the run wrote (the statement's subjects)
    // Where the run wrote them: an --output FILE, or an --output-dir DIR (then `outputs`
    // are inside it).
    std::string output_option = "--output";
    std::string output_target;
    std::string statement;         // where to write the statement
    std::string environment_lang;  // "ko" or "en": the language LC_ALL, LC_MESSAGES, LANG say
};

// Writes the statement atomically; an error message, or nothing.
std::optional<std::string> write_attestation(const AttestRequest& request);

struct VerifyOptions {
    std::string statement;
    std::optional<std::string> call;  // --call DIR: the call directory, over the statement's
    std::string program;              // the kcity binary that re-runs the command
    Lang lang = Lang::en;             // of its messages and its line on standard output
};

// Checks every input's sha256 and re-runs the command: exit 0 (Failure::none) when all
// matches; otherwise each changed input and whether the output differs, and Failure::input.
Outcome verify_command(const VerifyOptions& options);

}  // namespace kcity
