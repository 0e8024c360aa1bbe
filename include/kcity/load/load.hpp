// Loading: text in, values out. Every function here takes the bytes of a file and its name
// (so tests need no files); inputs.hpp finds and reads the files.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kcity/base/diagnostics.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

struct CsvTable;  // load/csv.hpp (not included: report has a CsvRow of its own)

struct SourceFile {
    std::string path;  // as shown in messages
    std::string bytes;
    // It could not be read (the error is given already): its contents are unknown, and what
    // depends on it is not checked, so that one unreadable program.yaml is one error.
    bool unreadable = false;
};

// The largest rules file kcity reads (program.yaml, a track's, history.yaml, decisions.yaml,
// panel.yaml): 8 MiB. A rules file is read whole into a tree of about 20 times its size
// before its values are taken (a 72 MB history.yaml took 1.1 GB); real ones are kilobytes,
// and a track of 100,000 eligibility rules (bench/hostile.sh) is 6.5 MB.
inline constexpr std::size_t max_rules_file_bytes = std::size_t{8} << 20;

// The most bytes of rules files kcity parses in one run, all files together: 12 MiB. A track's
// eligibility rules are kept at about 20 times their text (a track of 100,000 rules, 6.5 MB,
// takes 130 MB more than none), and a call may have up to 1,000 tracks of 8 MiB each; the
// files past the limit (in the order they are read: program.yaml, the tracks in program.yaml's
// order, history.yaml, decisions.yaml, panel.yaml) are refused. Real rules folders are tens of
// kilobytes; a track of 100,000 eligibility rules fits, and a history.yaml of 8 MiB with it.
inline constexpr std::size_t max_rules_bytes = std::size_t{12} << 20;

// The rules of a call from the files of its rules folder. `files` holds program.yaml, the
// track files, and optionally history.yaml and decisions.yaml, identified by file name.
Rules parse_rules(const std::vector<SourceFile>& files, std::string origin, Diagnostics& diags);

// Appends the proposals of one YAML file (one or several documents) to `out`.
// Returns the number of documents read.
std::size_t parse_proposals(const SourceFile& file, const Rules& rules, std::vector<Proposal>& out,
                            Diagnostics& diags);

// Appends the proposals of a part of a YAML file: `text` begins on line `first_line` of `path`
// (see document_parts). Returns the number of documents read.
std::size_t parse_proposal_text(std::string_view text, const std::string& path, int first_line,
                                const Rules& rules, std::vector<Proposal>& out, Diagnostics& diags);

// The most reviews a run holds (docs/validation.md, "Memory"): a review read from a score
// sheet takes about 130 bytes, ten times a short row of the sheet. The proposals' own reviews
// count, but only a score sheet's row is refused: one that would add a review past the limit
// is an error, and the rest of its sheet is not read. 1,000,000 is five reviews for each of
// max_proposals and more than the largest benchmark's 700,000; a real call has a few thousand.
inline constexpr std::size_t max_reviews = 1'000'000;

// Adds the reviews of one table of a score sheet (SPEC §4) to the proposals they name: a CSV
// file's, or a worksheet's (`sheet` names it; every message then names the sheet and the cell
// as Excel does, `sheet 평가표, cell D7`, from the cells' line and column). Empty `sheet`: CSV.
// `review_limit`: max_reviews, or a smaller limit for tests.
struct CsvTable;
void apply_score_table(const CsvTable& table, const std::string& file, std::string_view sheet,
                       const Rules& rules, std::vector<Proposal>& proposals, Diagnostics& diags,
                       std::size_t review_limit = max_reviews);

// Adds the reviews of one CSV score sheet (its delimiter detected) to the proposals they name.
void apply_score_sheet(const SourceFile& file, const Rules& rules, std::vector<Proposal>& proposals,
                       Diagnostics& diags, std::size_t review_limit = max_reviews);

// Whether `id` is an id of proposals and reviewers (SPEC §3): [A-Za-z0-9._-]{1,64}.
bool is_valid_id(std::string_view id);

// Whether a score sheet is an Excel workbook: its name ends `.xlsx`, in any case.
bool is_workbook_path(std::string_view path);

// Adds the reviews of every worksheet of an Excel workbook (.xlsx) to the proposals they name.
void apply_workbook(const SourceFile& file, const Rules& rules, std::vector<Proposal>& proposals,
                    Diagnostics& diags);

// Checks across files: ids used twice, decisions naming unknown proposals or awards out of
// range, proposal values of the wrong type for the rules' predicates.
void check_call(const Call& call, Diagnostics& diags);

// sha256 of the sorted list of the files' sha256 (hex, one per line, each ending in "\n").
std::string hash_of_files(const std::vector<std::string>& file_hashes);

}  // namespace kcity
