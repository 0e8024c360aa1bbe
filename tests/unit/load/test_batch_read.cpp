// Small files read in batches through io_uring (src/load/batch_read): a file is read whole or
// left to read_file (nullopt), never cut short; with io_uring unavailable or turned off, every
// file is left to read_file.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "../../../src/load/batch_read.hpp"

namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path dir = fs::temp_directory_path() / ("kcity-test-batch-" + std::to_string(getpid()));
    Folder() { fs::create_directories(dir); }
    ~Folder() { fs::remove_all(dir); }
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream(dir / name, std::ios::binary) << bytes;
        return (dir / name).string();
    }
};

}  // namespace

TEST_CASE("batch read: small files whole, the rest left to read_file", "[batch]") {
    Folder f;
    const std::string small = "id: PLN-1\ntitle: \"x\"\n";
    const std::vector<std::string> paths = {
        f.write("small.yaml", small),
        f.write("empty.yaml", ""),
        f.write("brim.yaml", std::string(kcity::batch_file_bytes, 'a')),  // may hold more
        f.write("large.yaml", std::string(kcity::batch_file_bytes + 1, 'b')),
        (f.dir / "missing.yaml").string(),
        f.dir.string(),  // a folder: not readable as a file
    };
    std::vector<const std::string*> batch;
    for (const auto& p : paths) batch.push_back(&p);
    const auto read = kcity::read_batch(batch);
    REQUIRE(read.size() == paths.size());
    if (kcity::batch_read_available()) {
        REQUIRE(read[0]);
        CHECK(*read[0] == small);
        REQUIRE(read[1]);
        CHECK(read[1]->empty());
    } else {
        WARN("io_uring is not available here: every file is read the usual way");
        CHECK_FALSE(read[0]);
        CHECK_FALSE(read[1]);
    }
    for (std::size_t i = 2; i < paths.size(); ++i) CHECK_FALSE(read[i]);
    // The same ring serves the next batch: its file slots were given back.
    const auto again = kcity::read_batch(batch);
    CHECK(again[0].has_value() == read[0].has_value());
    if (again[0]) CHECK(*again[0] == small);
}

TEST_CASE("batch read: more files than a batch, or none, are left to read_file", "[batch]") {
    Folder f;
    const std::string path = f.write("a.yaml", "a: 1\n");
    std::vector<const std::string*> many(kcity::batch_files + 1, &path);
    for (const auto& r : kcity::read_batch(many)) CHECK_FALSE(r);
    CHECK(kcity::read_batch({}).empty());
}

TEST_CASE("batch read: KCITY_IO_URING=off leaves every file to read_file", "[batch]") {
    Folder f;
    const std::string path = f.write("a.yaml", "a: 1\n");
    const std::vector<const std::string*> batch = {&path};
    ::setenv("KCITY_IO_URING", "off", 1);
    bool read = true, available = true;
    // A thread of its own: a thread's ring is made at its first batch.
    std::thread([&] {
        read = kcity::read_batch(batch)[0].has_value();
        available = kcity::batch_read_available();
    }).join();
    ::unsetenv("KCITY_IO_URING");
    CHECK_FALSE(read);
    CHECK_FALSE(available);
}
