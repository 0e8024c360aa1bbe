// `kcity init DIR`: a new call directory from the built-in rules, with two example proposals
// and an empty score-sheet template, ready for `kcity check` and `kcity score`.
#include "kcity/commands/init.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "kcity/commands/output.hpp"
#include "kcity/load/builtin_rules.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/load/load.hpp"

namespace kcity {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view example_planning =
    R"(# An example application of the planning track (계획수립형): replace it with real ones.
# One file may hold several proposals, as YAML documents separated by ---.
id: PLN-0001
track: planning
title:
  ko: 스마트시티 마스터플랜 수립
  en: Smart city master plan
country: VN
city: Da Nang
applicant:
  name: Da Nang People's Committee
  type: government
  country: VN
requested_krw: 4억 5천만원
submitted_at: 2023-05-09T16:20:00+09:00
domain: master-plan
# reviews may be given here, or in a score sheet under scores/:
# reviews:
#   - reviewer: R1
#     scores: {importance: 27, viability: 24.5, feasibility: 35}
)";

constexpr std::string_view example_pilot =
    R"(# An example application of the pilot track (해외실증형): replace it with real ones.
id: PIL-0001
track: pilot
title:
  ko: 스마트 가로등 실증
  en: Smart street-lighting pilot
country: ID
city: Surabaya
applicant:
  name: Example Smart Solutions Co., Ltd.
  type: company
  country: KR
partner:
  name: Surabaya City Government
  type: government
  country: ID
requested_krw: 400000000
submitted_at: 2023-05-29
domain: energy
attributes:
  commercialised_in_korea: true
  matching_fund_krw: 1억
)";

// The header of an empty sheet: every criterion of every track, then conflict.
std::string sheet_template(const Rules& rules) {
    std::string header = "proposal,reviewer";
    std::vector<std::string> seen;
    for (const auto& t : rules.tracks)
        for (const auto& c : t.criteria)
            if (std::find(seen.begin(), seen.end(), c.id) == seen.end()) {
                seen.push_back(c.id);
                header += "," + c.id;
            }
    return header + ",conflict\n";
}

}  // namespace

Outcome init_command(const std::string& dir) {
    Outcome out;
    std::vector<SourceFile> rule_files;
    for (const auto& f : builtin_rule_files())
        rule_files.push_back({"<built-in>/" + std::string(f.name), std::string(f.bytes)});
    Diagnostics diags;
    Rules rules = parse_rules(rule_files, builtin_rules_origin, diags);
    std::vector<std::pair<fs::path, std::string>> files;
    for (const auto& f : builtin_rule_files())
        files.emplace_back(fs::path(dir) / "rules" / f.name, std::string(f.bytes));
    files.emplace_back(fs::path(dir) / "proposals" / "planning-example.yaml",
                       std::string(example_planning));
    files.emplace_back(fs::path(dir) / "proposals" / "pilot-example.yaml",
                       std::string(example_pilot));
    files.emplace_back(fs::path(dir) / "scores" / "panel.csv", sheet_template(rules));
    // Refuse before writing anything, so that a refused init leaves the folder as it was.
    std::error_code ec;
    for (const auto& [path, bytes] : files)
        if (fs::exists(path, ec))
            out.messages.push_back("kcity: error: " + path.generic_string() +
                                   " exists; init never overwrites a file");
    if (!out.messages.empty()) {
        out.failure = Failure::output;
        return out;
    }
    for (const auto& [path, bytes] : files) {
        fs::create_directories(path.parent_path(), ec);
        if (auto err = write_file_atomically(path.string(), bytes)) {
            out.messages.push_back("kcity: error: " + *err);
            out.failure = Failure::output;
            return out;
        }
    }
    out.messages.push_back("kcity: wrote a new call in " + dir +
                           " (rules/, proposals/, scores/panel.csv); next: kcity check " + dir);
    return out;
}

}  // namespace kcity
