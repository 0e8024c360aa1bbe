// `kcity init DIR [--year YYYY]`: a new call directory from the built-in rules, with two example
// proposals and an empty score-sheet template, ready for `kcity check` and `kcity score`. With
// --year, the call of that year: its year, its deadlines in that year, and the history of the
// selections before it.
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

// An example panel (SPEC §5): seven reviewers, as Korean public evaluations seat 5 to 8, so
// that each track has its five reviews with one to spare, and `kcity sheets` has someone to
// write for. Names and organisations are examples to replace.
constexpr std::string_view example_panel =
    R"(# The evaluation panel (평가위원): an example, replace it with the real one.
# id: how sheets and reviews name the reviewer ([A-Za-z0-9._-]); name: text or {ko, en}, unique;
# organisation: a reviewer of the applicant's or the partner's organisation is excluded (제척);
# tracks: the tracks they review (default: every track).
# `kcity sheets DIR --output-dir sheets` writes a blank score sheet for each of them.
- {id: R1, name: {ko: 김민수, en: Kim Minsu}, organisation: 한국교통연구원}
- {id: R2, name: {ko: 이서연, en: Lee Seoyeon}, organisation: 서울대학교}
- {id: R3, name: {ko: 박지훈, en: Park Jihoon}, organisation: 국토연구원}
- {id: R4, name: {ko: 최유진, en: Choi Yujin}, organisation: 한국수자원공사}
- {id: R5, name: {ko: 정우성, en: Jung Woosung}, organisation: 한국건설기술연구원}
- {id: R6, name: {ko: 강하늘, en: Kang Haneul}, organisation: 한국토지주택공사, tracks: [planning]}
- {id: R7, name: {ko: 윤지아, en: Yoon Jia}, organisation: 정보통신산업진흥원, tracks: [pilot]}
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

// The selections of the 2023 call (the ministry's press release, as in
// /work/shared/data/kcity-selections-2020-2023.yaml): the built-in rules run 2023, so their
// history stops at 2022; a later call's history includes these.
constexpr std::string_view selections_2023 =
    R"(- {year: 2023, track: planning, country: UA, city: Uman}
- {year: 2023, track: planning, country: ID, city: Nusantara}
- {year: 2023, track: planning, country: EG, city: Badr}
- {year: 2023, track: planning, country: AZ, city: Aghdam}
- {year: 2023, track: pilot, country: BD, city: Rangpur}
- {year: 2023, track: pilot, country: VN, city: Haiphong}
- {year: 2023, track: pilot, country: TR, city: Sakarya}
- {year: 2023, track: pilot, country: ID, city: Banyumas}
)";

// Calls `f` with each line of `text`, without its newline.
template <class F>
void each_line(std::string_view text, F f) {
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        f(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
}

// The year of a history entry's line (`- {year: 2021, ...`), or 0.
int entry_year(std::string_view line) {
    constexpr std::string_view prefix = "- {year: ";
    if (!line.starts_with(prefix) || line.size() < prefix.size() + 4) return 0;
    int year = 0;
    for (char c : line.substr(prefix.size(), 4)) {
        if (c < '0' || c > '9') return 0;
        year = year * 10 + (c - '0');
    }
    return year;
}

// The history of a call in `year`: the comment lines of the built-in file, then every known
// selection of an earlier year.
std::string history_for(std::string_view builtin, int year) {
    std::string comments, entries;
    auto take = [&](std::string_view line) {
        int y = entry_year(line);
        if (y != 0 && y < year) entries += std::string(line) + "\n";
        if (y == 0 && line.starts_with("#")) comments += std::string(line) + "\n";
    };
    each_line(builtin, take);
    each_line(selections_2023, take);
    comments += "# Written by `kcity init --year " + std::to_string(year) +
                "`: the selections of the years before " + std::to_string(year) + ".\n";
    return comments + (entries.empty() ? "[]\n" : entries);
}

// A built-in file made that year's: `year: 2023`, the deadlines and submission dates in 2023,
// and the comments' "2023 call".
std::string for_year(std::string_view text, int year) {
    const std::string y = std::to_string(year);
    std::string out;
    each_line(text, [&](std::string_view line) {
        std::string l(line);
        if (l == "year: 2023") l = "year: " + y;
        for (std::string key : {"deadline: 2023-", "submitted_at: 2023-"})
            if (l.starts_with(key)) l.replace(key.size() - 5, 4, y);
        if (auto at = l.find("2023 call"); at != std::string::npos) l.replace(at, 4, y);
        out += l + "\n";
    });
    return out;
}

}  // namespace

Outcome init_command(const std::string& dir, std::optional<int> year) {
    Outcome out;
    if (year && (*year < first_call_year || *year > last_call_year)) {
        out.failure = Failure::usage;
        out.messages.push_back("kcity: error: --year " + std::to_string(*year) +
                               " is not a year of a call (" + std::to_string(first_call_year) +
                               "–" + std::to_string(last_call_year) + ")");
        return out;
    }
    // The built-in rules' own bytes when no year is asked: the call they describe.
    auto adapt = [&](std::string_view name, std::string_view bytes) {
        if (!year) return std::string(bytes);
        if (name == "history.yaml") return history_for(bytes, *year);
        return for_year(bytes, *year);
    };
    std::vector<SourceFile> rule_files;
    for (const auto& f : builtin_rule_files())
        rule_files.push_back({"<built-in>/" + std::string(f.name), adapt(f.name, f.bytes)});
    Diagnostics diags;
    Rules rules = parse_rules(rule_files, builtin_rules_origin, diags);
    std::vector<std::pair<fs::path, std::string>> files;
    for (const auto& f : rule_files)
        files.emplace_back(fs::path(dir) / "rules" / fs::path(f.path).filename(), f.bytes);
    files.emplace_back(fs::path(dir) / "rules" / "panel.yaml", std::string(example_panel));
    files.emplace_back(fs::path(dir) / "proposals" / "planning-example.yaml",
                       adapt("", example_planning));
    files.emplace_back(fs::path(dir) / "proposals" / "pilot-example.yaml",
                       adapt("", example_pilot));
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
    out.messages.push_back(
        "kcity: wrote a new " + std::to_string(rules.program.year) + " call in " + dir +
        " (rules/ with panel.yaml, proposals/, scores/panel.csv); next: kcity check " + dir +
        ", then kcity sheets " + dir + " --output-dir DIR for the panel");
    return out;
}

}  // namespace kcity
