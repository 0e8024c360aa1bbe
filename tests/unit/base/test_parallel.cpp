#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "kcity/base/parallel.hpp"
#include "kcity/load/yaml.hpp"

using kcity::document_parts;
using kcity::parallel_for;

namespace {

// Sets KCITY_THREADS for one test and restores it after.
struct ThreadsEnv {
    explicit ThreadsEnv(const char* value) {
        if (const char* old = std::getenv("KCITY_THREADS")) saved = old;
        setenv("KCITY_THREADS", value, 1);
    }
    ~ThreadsEnv() {
        if (saved.empty())
            unsetenv("KCITY_THREADS");
        else
            setenv("KCITY_THREADS", saved.c_str(), 1);
    }
    std::string saved;
};

std::string documents(int n) {
    std::string text;
    for (int i = 0; i < n; ++i) text += "---\nid: P" + std::to_string(i) + "\nscore: 1\n";
    return text;
}

}  // namespace

TEST_CASE("parallel: worker_count follows KCITY_THREADS", "[parallel]") {
    {
        ThreadsEnv env("3");
        CHECK(kcity::worker_count() == 3);
    }
    for (const char* bad : {"0", "-2", "two", "3x", ""}) {
        ThreadsEnv env(bad);
        INFO(bad);
        CHECK(kcity::worker_count() >= 1);  // ignored: the number of CPUs
    }
}

TEST_CASE("parallel: every item runs once, whatever the number of threads", "[parallel]") {
    for (const char* threads : {"1", "2", "7"}) {
        ThreadsEnv env(threads);
        std::vector<std::atomic<int>> runs(1000);
        parallel_for(runs.size(), [&](std::size_t i) { runs[i]++; });
        for (const auto& r : runs) CHECK(r == 1);
        parallel_for(0, [&](std::size_t) { FAIL("no items"); });
    }
}

TEST_CASE("parallel: an exception in an item reaches the caller", "[parallel]") {
    ThreadsEnv env("4");
    CHECK_THROWS_AS(parallel_for(100,
                                 [](std::size_t i) {
                                     if (i == 37) throw std::runtime_error("item 37");
                                 }),
                    std::runtime_error);
}

TEST_CASE("yaml: document_parts cuts at document markers about part_size apart", "[yaml]") {
    std::string text = documents(100);  // 100 documents of 22 to 23 bytes
    std::vector<std::size_t> parts = document_parts(text, 200);
    REQUIRE(parts.size() > 5);
    CHECK(parts.front() == 0);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        INFO(i);
        CHECK(text.compare(parts[i], 4, "---\n") == 0);
        CHECK(text[parts[i] - 1] == '\n');
        CHECK(parts[i] - parts[i - 1] >= 200);
        CHECK(parts[i] - parts[i - 1] < 200 + 30);
    }
    SECTION("a small text is one part") {
        CHECK(document_parts(text, text.size()).size() == 1);
    }
    SECTION("only `---` followed by a space, a tab or the line's end is a marker") {
        std::string t = "a: 1\n" + std::string(300, '#') + "\n---x\n----\n--- |\n  z\n";
        std::vector<std::size_t> p = document_parts(t, 100);
        REQUIRE(p.size() == 2);
        CHECK(t.substr(p[1], 5) == "--- |");
    }
    SECTION("a lone CR, NEL, U+2028 and U+2029 are no line breaks to yaml-cpp: cut all the same") {
        for (const char* other : {"\r", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
            INFO(other);
            std::string t = "title: a" + std::string(other) + "b\n" + text;
            CHECK(document_parts(t, 200).size() > 1);
        }
    }
}

TEST_CASE("yaml: parts parse to the same documents and lines as the whole text", "[yaml]") {
    std::string text = "# comment\n" + documents(200);
    std::vector<std::size_t> parts = document_parts(text, 500);
    REQUIRE(parts.size() > 3);
    auto read = [](std::string_view t, int first_line) {
        std::vector<std::string> seen;
        kcity::Diagnostics diags;
        read_yaml_stream(
            t, "t.yaml", diags,
            [&](kcity::YamlNode&& doc) {
                seen.push_back(doc.find("id")->text + "@" + std::to_string(doc.line) + ":" +
                               std::to_string(doc.find("score")->line));
            },
            first_line);
        CHECK_FALSE(diags.has_errors());
        return seen;
    };
    std::vector<std::string> whole = read(text, 1);
    std::vector<std::string> joined;
    int line = 1;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::size_t end = i + 1 < parts.size() ? parts[i + 1] : text.size();
        std::string_view part = std::string_view(text).substr(parts[i], end - parts[i]);
        for (auto& s : read(part, line)) joined.push_back(s);
        line += static_cast<int>(std::count(part.begin(), part.end(), '\n'));
    }
    CHECK(joined == whole);
    CHECK(whole.size() == 200);
}

TEST_CASE("parallel: parallel_chunks covers every item once, in ranges of the chunk size",
          "[parallel]") {
    for (const char* threads : {"1", "2", "7"}) {
        ThreadsEnv env(threads);
        for (std::size_t n : {0, 1, 99, 100, 101, 1000}) {
            INFO(std::string(threads) + " threads, " + std::to_string(n) + " items");
            std::vector<std::atomic<int>> runs(n);
            std::atomic<int> bad_ranges{0};
            kcity::parallel_chunks(n, 100, [&](std::size_t begin, std::size_t end) {
                if (begin % 100 != 0 || end <= begin || end - begin > 100 ||
                    (end - begin < 100 && end != n))
                    ++bad_ranges;
                for (std::size_t i = begin; i < end; ++i) runs[i]++;
            });
            CHECK(bad_ranges == 0);
            for (const auto& r : runs) CHECK(r == 1);
        }
    }
}
