// Reading rules from a git revision (`kcity diff --base-rules git:REV[:PATH]`), by running
// git without a shell.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/base/diagnostics.hpp"
#include "kcity/load/load.hpp"

namespace kcity {

struct ProcessResult {
    int status = -1;  // exit status; -1 when the program could not be run
    std::string out, err;
};

// Runs a program found on PATH with these arguments (no shell), capturing its output; its
// messages are in English (LC_ALL=C, no LANGUAGE), so that kcity can recognise them whatever
// the user's language.
ProcessResult run_process(const std::vector<std::string>& argv);

// The .yaml files of the rules folder at `spec` ("REV" or "REV:PATH", without "git:").
// Without PATH, the path of `current_rules_dir` inside its repository. Errors go to `diags`.
std::optional<std::vector<SourceFile>> read_git_rules(const std::string& spec,
                                                      const std::string& current_rules_dir,
                                                      Diagnostics& diags);

// Every file of the call directory at `spec` ("REV" or "REV:PATH", without "git:"), named
// "git:REV:PATH/NAME"; without PATH, the path of `current_dir` inside its repository.
// `prefix` receives "git:REV:PATH/", what each name begins with. Errors go to `diags`.
std::optional<std::vector<SourceFile>> read_git_call(const std::string& spec,
                                                     const std::string& current_dir,
                                                     Diagnostics& diags, std::string& prefix);

}  // namespace kcity
