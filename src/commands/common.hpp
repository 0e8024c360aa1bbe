// What the commands share: loading messages into an Outcome. Private to src/commands/.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "kcity/base/diagnostics.hpp"
#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"
#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/select/pipeline.hpp"
#include "kcity/select/robustness.hpp"

namespace kcity {

// The notes (files read as CP949, files ignored: SPEC §2) as standard error lines.
void add_notes(const Diagnostics& diags, Outcome& out);

// The notes, then every diagnostic, in order, as standard error lines; an error among them fails
// the outcome (Failure::input). Returns whether it did.
bool add_diagnostics(const Diagnostics& diags, Outcome& out);

// An error with no file: `kcity: error: MESSAGE`, and no report.
Outcome fail(const std::string& message, Failure failure = Failure::usage);

// A failure when `format` is not one of `command`'s formats; nothing when it is.
std::optional<Outcome> unavailable_format(Format format, const std::string& command,
                                          std::initializer_list<Format> formats);

// The call of a command that writes files into --output-dir (sheets, letters), loaded and
// checked, its notes and errors in `out`. False when there is nothing to write from: no
// --output-dir, or errors in the call.
bool load_for_output_dir(const InputOptions& inputs, const std::string& output_dir, Call& call,
                         Outcome& out);

// SPEC §2: when the built-in rules are used, the program names them on standard error.
void note_builtin_rules(const Call& call, Outcome& out);

// A run's warnings (a shortfall, ...) as standard error lines: `kcity: warning: TRACK: ...`.
// In `lang`, by the message catalogue (the CLI leaves lines it cannot match as they are).
std::vector<std::string> warning_lines(const Result& result, Lang lang = Lang::en);

// SPEC §10: the warnings about the panel of the tracks `result` reports (an incomplete panel, a
// flat reviewer, a lenient or severe one), which every command that runs the selection prints
// on standard error; the lines added.
std::vector<std::string> add_panel_warnings(const Result& result, Outcome& out);

// What standard error says last when --strict fails on a run's warnings.
inline constexpr const char* strict_run_note = "kcity: error: --strict: the run has warnings";

// The panel's warnings on standard error (add_panel_warnings, from `result`), and --strict: it
// fails on the warnings `check --strict` fails on, in every command that reports (SPEC §7):
// `load_warnings` of loading, the run's (shortfalls) and check's own, from a run of every
// track by the rules' method. Check's other warnings are named on standard error when
// --strict fails, after what `out.strict_messages` holds already.
void add_strict_warnings(const Call& call, const Result& result, const RunOptions& run,
                         std::size_t load_warnings, Outcome& out);

// --track names a track by its id or by its Korean or English name (the rules' `name`),
// names compared as people mean them (fold_name: case, Unicode forms). Null when none.
const TrackRules* track_named(const Rules& rules, const std::string& given);

// What --track could have meant: the ids and both names of every track.
std::vector<std::string> track_words(const Rules& rules);

// --track's track id (track_named); else an error that says what it could have meant.
std::optional<std::string> track_option(const Rules& rules, const std::string& given,
                                        Diagnostics& diags);

// The number of runs (`option`: --runs, or score's --robustness) and --weights as given (a
// percentage above 0 and at most 50, two decimals at most) of SPEC §9, checked into `run`;
// errors in `diags`.
void check_robustness_options(const std::string& option, const std::optional<std::string>& weights,
                              RobustnessOptions& run, Diagnostics& diags);

// A private temporary folder (mkdtemp under the system's temporary folder, named PREFIX-XXXXXX),
// removed with everything in it when the value goes. dir() is empty when it could not be made.
class TempDir {
  public:
    explicit TempDir(const std::string& prefix);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& dir() const { return dir_; }

  private:
    std::string dir_;
};

}  // namespace kcity
