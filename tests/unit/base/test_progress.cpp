#include <catch2/catch.hpp>
#include <chrono>
#include <vector>

#include "kcity/base/progress.hpp"

using namespace kcity;

namespace {

struct Call {
    ProgressStep step;
    std::size_t done, total;
};

// Captures what the reporter is told, and unsets it at the end of the test.
struct Captured {
    std::vector<Call> calls;
    Captured() {
        set_progress_reporter([this](ProgressStep s, std::size_t d, std::size_t t) {
            calls.push_back({s, d, t});
        });
    }
    ~Captured() { set_progress_reporter({}); }
};

}  // namespace

TEST_CASE("progress is reported once its delay has passed, and its end", "[progress]") {
    Captured captured;
    {
        Progress p(ProgressStep::parse_files, 10, std::chrono::milliseconds(0));
        for (int i = 0; i < 4; ++i) p.advance();
    }
    // The first advance, then at most one report a tenth of a second (none, unless this thread
    // was held up); the end.
    REQUIRE(captured.calls.size() >= 2);
    CHECK(captured.calls.front().step == ProgressStep::parse_files);
    CHECK(captured.calls.front().done == 1);
    CHECK(captured.calls.front().total == 10);
    CHECK(captured.calls.back().done == 10);
    CHECK(captured.calls.size() <= 5);
}

TEST_CASE("a short step reports nothing, not even its end", "[progress]") {
    Captured captured;
    {
        Progress p(ProgressStep::read_files, 3, std::chrono::hours(1));
        for (int i = 0; i < 3; ++i) p.advance();
    }
    CHECK(captured.calls.empty());
}

TEST_CASE("without a reporter, progress is silent", "[progress]") {
    set_progress_reporter({});
    Progress p(ProgressStep::read_files, 2, std::chrono::milliseconds(0));
    p.advance();
    p.advance();
    SUCCEED("nothing to report to");
}
