// How a path is shown (src/load/files.hpp): the shortcut for plain paths, which a folder's walk
// gives for every one of a large call's files, shows them exactly as the path arithmetic does.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../../../src/load/files.hpp"

namespace fs = std::filesystem;

namespace {

// display()'s rule written out with std::filesystem alone: relative to `cwd` when below it.
std::string shown_by_path_arithmetic(const fs::path& p, const fs::path& cwd) {
    fs::path abs = (p.is_absolute() ? p : cwd / p).lexically_normal();
    fs::path rel = abs.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    return abs.generic_string();
}

}  // namespace

TEST_CASE("display: plain paths are shown as the path arithmetic shows them", "[display]") {
    const char* paths[] = {"a.yaml",
                           "proposals/planning/000/PLN-0001.yaml",
                           "./a.yaml",
                           "a//b.yaml",
                           "a/../b.yaml",
                           "dir/",
                           ".",
                           "..",
                           "../x/a.yaml",
                           "/work/call/proposals/a.yaml",
                           "/work/call",
                           "/work",
                           "/work/callx/a.yaml",
                           "/work/call/../other/a.yaml",
                           "/other/a.yaml",
                           "/",
                           "/a.yaml"};
    for (const char* cwd : {"/work/call", "/work/call/proposals", "/", "/work"}) {
        for (const char* p : paths) {
            INFO(std::string(p) + " in " + cwd);
            std::string expected = shown_by_path_arithmetic(p, cwd);
            CHECK(kcity::display(fs::path(p), fs::path(cwd)) == expected);
            CHECK(kcity::display_path(p, fs::path(cwd)) == expected);
        }
    }
}
