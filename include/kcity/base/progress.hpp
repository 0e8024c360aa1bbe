// Progress of a long step, for a person watching a terminal (issue 19): the loader counts, and
// whoever set a reporter (the CLI: standard error is a terminal, no --quiet) shows it once the
// step has run for about a second. Nothing is reported without a reporter, so output never
// depends on it. The steps are codes: the CLI words them in the run's language.
#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>

namespace kcity {

enum class ProgressStep { read_files, parse_files };

// Called with the step, how much is done and the total; done == total ends the step (the
// reporter then clears its line, if it showed one).
using ProgressReporter = std::function<void(ProgressStep, std::size_t done, std::size_t total)>;

// The process's reporter (empty: none, the default).
void set_progress_reporter(ProgressReporter reporter);

// One step's counter, safe to advance from many threads. It reports at most ten times a
// second, and only after `delay` has passed since it began.
class Progress {
  public:
    Progress(ProgressStep step, std::size_t total,
             std::chrono::milliseconds delay = std::chrono::milliseconds(1000));
    ~Progress();  // reports the end, when it reported anything
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    void advance();

  private:
    ProgressStep step_;
    std::size_t total_;
    std::chrono::steady_clock::time_point start_, next_;
    std::atomic<std::size_t> done_{0};
    std::mutex report_;
    bool reported_ = false;
};

}  // namespace kcity
