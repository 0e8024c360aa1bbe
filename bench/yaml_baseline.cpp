// Baseline for issue 7: how long yaml-cpp's node API needs merely to load a call's proposals.
//
//   yaml_baseline CALL_DIR            every *.yaml / *.yml under CALL_DIR/proposals
//   yaml_baseline DIR                 (a folder without proposals/) every *.yaml / *.yml under DIR
//   yaml_baseline FILE...             these files
//   yaml_baseline --events ...        yaml-cpp's bare event parser instead (YAML::Parser with a
//                                     handler that only counts events): the floor of any
//                                     program that reads YAML with yaml-cpp, kcity included
//
// Files are found as kcity finds them (recursively, in sorted order, skipping names that
// start with '.', not following links to folders) and each is loaded with
// YAML::LoadAllFromFile, which is YAML::LoadFile for a one-document file and also reads
// multi-document files. The rules are not read: only the proposals, which are nearly all of
// the bytes. To keep the work from being optimised away, the result is touched minimally
// (documents and top-level entries are counted; with --walk every node is visited) and one
// line with the counts is printed. Exit 1 on any error.
//
// Built by bench/run.sh with the flags of CMake's Release (-O3 -DNDEBUG) against the
// system yaml-cpp:
//   c++ -std=c++20 -O3 -DNDEBUG bench/yaml_baseline.cpp -o yaml_baseline $(pkg-config --cflags
//   --libs yaml-cpp)

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool is_yaml(const fs::path& p) {
    const std::string ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

void walk(const fs::path& dir, std::vector<fs::path>& out) {
    std::error_code ec;
    std::vector<fs::path> entries;
    for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e.path());
    if (ec) throw fs::filesystem_error("cannot read the folder", dir, ec);
    std::sort(entries.begin(), entries.end());
    for (const auto& p : entries) {
        if (p.filename().string().starts_with(".")) continue;
        if (fs::is_symlink(p, ec) && fs::is_directory(p, ec)) continue;
        if (fs::is_directory(p, ec))
            walk(p, out);
        else if (is_yaml(p))
            out.push_back(p);
    }
}

// Counts the events and nothing else.
struct CountingHandler : YAML::EventHandler {
    std::size_t events = 0, documents = 0;
    void OnDocumentStart(const YAML::Mark&) override { ++documents; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {
        ++events;
    }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        ++events;
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        ++events;
    }
    void OnMapEnd() override {}
};

std::size_t count_nodes(const YAML::Node& n) {
    std::size_t count = 1;
    if (n.IsMap())
        for (const auto& kv : n) count += count_nodes(kv.first) + count_nodes(kv.second);
    else if (n.IsSequence())
        for (const auto& item : n) count += count_nodes(item);
    return count;
}

}  // namespace

int main(int argc, char** argv) {
    bool walk_nodes = false, events_only = false;
    std::vector<fs::path> files;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg == "--walk") {
                walk_nodes = true;
            } else if (arg == "--events") {
                events_only = true;
            } else if (arg == "-h" || arg == "--help") {
                std::puts("usage: yaml_baseline [--walk | --events] CALL_DIR | DIR | FILE...");
                return 0;
            } else if (fs::is_directory(arg)) {
                const fs::path proposals = fs::path(arg) / "proposals";
                walk(fs::is_directory(proposals) ? proposals : fs::path(arg), files);
            } else {
                files.emplace_back(arg);
            }
        }
        if (argc < 2) {
            std::fputs("usage: yaml_baseline [--walk | --events] CALL_DIR | DIR | FILE...\n",
                       stderr);
            return 1;
        }
        std::size_t documents = 0, entries = 0, nodes = 0;
        if (events_only) {
            CountingHandler handler;
            for (const auto& f : files) {
                std::ifstream in(f, std::ios::binary);
                if (!in) throw std::runtime_error("cannot read " + f.string());
                YAML::Parser parser(in);
                while (parser.HandleNextDocument(handler)) {
                }
            }
            std::printf("%zu files, %zu documents, %zu events\n", files.size(), handler.documents,
                        handler.events);
            return 0;
        }
        for (const auto& f : files) {
            const std::vector<YAML::Node> docs = YAML::LoadAllFromFile(f.string());
            documents += docs.size();
            for (const auto& d : docs) {
                entries += d.size();
                if (walk_nodes) nodes += count_nodes(d);
            }
        }
        std::printf("%zu files, %zu documents, %zu top-level entries", files.size(), documents,
                    entries);
        if (walk_nodes) std::printf(", %zu nodes", nodes);
        std::printf("\n");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "yaml_baseline: %s\n", e.what());
        return 1;
    }
    return 0;
}
