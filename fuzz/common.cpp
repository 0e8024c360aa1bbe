#include "common.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "kcity/load/builtin_rules.hpp"

namespace kcity_fuzz {
namespace fs = std::filesystem;

std::vector<kcity::SourceFile> builtin_rule_sources() {
    std::vector<kcity::SourceFile> files;
    for (const auto& f : kcity::builtin_rule_files())
        files.push_back({"<built-in>/" + std::string(f.name), std::string(f.bytes)});
    return files;
}

const kcity::Rules& builtin_rules() {
    static const kcity::Rules rules = [] {
        kcity::Diagnostics diags;
        kcity::Rules r = kcity::parse_rules(builtin_rule_sources(), "built-in (2023)", diags);
        require(!diags.has_errors(), "the built-in rules load without errors");
        return r;
    }();
    return rules;
}

const ExampleFiles& example_files() {
    static const ExampleFiles files = [] {
        std::vector<fs::path> paths;
        for (const auto& e : fs::recursive_directory_iterator(KCITY_EXAMPLE_DIR))
            if (e.is_regular_file()) paths.push_back(e.path());
        std::sort(paths.begin(), paths.end());
        ExampleFiles out;
        for (const auto& p : paths) {
            bool sheet = p.extension() == ".csv";
            bool proposal =
                p.extension() == ".yaml" && p.parent_path().parent_path().filename() == "proposals";
            if (!sheet && !proposal) continue;
            std::ifstream in(p, std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            (sheet ? out.sheets : out.proposals).push_back({p.string(), s.str()});
        }
        require(!out.proposals.empty() && !out.sheets.empty(), "examples/2023 is readable");
        return out;
    }();
    return files;
}

void load_example(kcity::Call& call, kcity::Diagnostics& diags) {
    for (const auto& f : example_files().proposals)
        kcity::parse_proposals(f, call.rules, call.proposals, diags);
    std::sort(call.proposals.begin(), call.proposals.end(),
              [](const kcity::Proposal& a, const kcity::Proposal& b) {
                  return std::tie(a.id, a.where) < std::tie(b.id, b.where);
              });
    for (const auto& f : example_files().sheets)
        kcity::apply_score_sheet(f, call.rules, call.proposals, diags);
    kcity::check_call(call, diags);
}

void require_positions(const kcity::Diagnostics& diags) {
    for (const auto& d : diags.sorted()) {
        require(!d.where.file.empty(), "every diagnostic names a file");
        require(d.where.line >= 1 && d.where.column >= 1,
                "every diagnostic has a line and a column");
        require(!d.message.empty() && d.message.find('\n') == std::string::npos,
                "every message is one line");
    }
}

std::vector<kcity::Proposal>& example_proposals_reset() {
    static const std::vector<kcity::Proposal> pristine = [] {
        kcity::Call call;
        call.rules = builtin_rules();
        kcity::Diagnostics diags;
        for (const auto& f : example_files().proposals)
            kcity::parse_proposals(f, call.rules, call.proposals, diags);
        require(!diags.has_errors(), "the example proposals load");
        return call.proposals;
    }();
    // Reset to the examples' own reviews (cheaper than copying every proposal each time).
    static std::vector<kcity::Proposal> proposals = pristine;
    for (std::size_t i = 0; i < proposals.size(); ++i) proposals[i].reviews = pristine[i].reviews;
    return proposals;
}

}  // namespace kcity_fuzz
