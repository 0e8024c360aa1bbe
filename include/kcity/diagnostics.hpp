// User errors are values: every problem found in a run is collected, sorted and printed at
// once as FILE:LINE:COLUMN: error: MESSAGE. One place (the CLI) turns them into an exit code.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kcity {

// Where a value came from. `file` is the path as the user named it (or "<built-in>/x.yaml").
// line and column are 1-based; 0 means "the whole file".
struct Position {
    std::string file;
    int line = 0;
    int column = 0;
    auto operator<=>(const Position&) const = default;
};

enum class Severity { error, warning };

struct Diagnostic {
    Position where;  // empty file: a problem with no file (usage, no rules found)
    Severity severity = Severity::error;
    std::string message;
};

class Diagnostics {
  public:
    void error(const Position& where, std::string message);
    void warning(const Position& where, std::string message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    bool has_errors() const;
    std::size_t size() const { return items_.size(); }
    // Sorted by file, line, column, then severity and message; exact duplicates removed.
    std::vector<Diagnostic> sorted() const;

  private:
    std::vector<Diagnostic> items_;
};

// "FILE:LINE:COLUMN: error: MESSAGE", or "kcity: error: MESSAGE" when there is no file.
std::string format_diagnostic(const Diagnostic& d);

// "did you mean `x`?" helper: the candidate nearest to `word` by edit distance, when it is
// close enough to be a plausible typo. Empty when none is.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean `x`?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kcity
