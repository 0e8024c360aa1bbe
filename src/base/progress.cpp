#include "kcity/base/progress.hpp"

#include <utility>

namespace kcity {
namespace {

ProgressReporter& reporter() {
    static ProgressReporter r;
    return r;
}

}  // namespace

void set_progress_reporter(ProgressReporter r) {
    reporter() = std::move(r);
}

Progress::Progress(ProgressStep step, std::size_t total, std::chrono::milliseconds delay)
    : step_(step), total_(total), start_(std::chrono::steady_clock::now()), next_(start_ + delay) {}

Progress::~Progress() {
    if (reported_ && reporter()) reporter()(step_, total_, total_);
}

void Progress::advance() {
    const std::size_t done = ++done_;
    if (!reporter() || done >= total_) return;
    // One thread reports; the others go on with their work rather than wait.
    std::unique_lock lock(report_, std::try_to_lock);
    if (!lock) return;
    const auto now = std::chrono::steady_clock::now();
    if (now < next_) return;
    next_ = now + std::chrono::milliseconds(100);
    reported_ = true;
    reporter()(step_, done, total_);
}

}  // namespace kcity
