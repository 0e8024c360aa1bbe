// What a command hands back to the CLI: the report (whole or streamed), the lines for standard
// error, and what it found. A command never decides the exit code: exit_code() does (exit.hpp).
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "kcity/report/render.hpp"

namespace kcity {

// Why a command failed. Every kind is exit 1 (SPEC §7); the kinds say what standard error
// already told the user, and let tests say which failure they expect.
enum class Failure {
    none,
    usage,     // a bad command line: an option a command lacks, an unknown track or proposal
    input,     // bad input or rules: the diagnostics name the files; no report
    output,    // the report could not be written (--output, init's files)
    internal,  // an exception escaped a command (the catch-all): a bug, or the system's
};

struct Outcome {
    Failure failure = Failure::none;
    // The warnings --strict counts (SPEC §7: a shortfall, or those `check` documents).
    std::size_t warnings = 0;
    // diff: a status, award or shortfall changed (what --detailed-exitcode reports).
    bool changed = false;
    std::string output;                 // the report (empty when there is an error)
    std::vector<std::string> messages;  // standard error lines, formatted
    // Standard error lines said only when --strict fails on the warnings: the warnings that
    // `messages` do not say already, and why the exit code is 1.
    std::vector<std::string> strict_messages;
    // Instead of `output`: writes the report to a sink as it renders it (score), holding what
    // it reads, so that the report of a large call never sits whole in memory.
    std::function<void(const Sink&)> stream;
};

}  // namespace kcity
