// User errors are values: every problem found in a run is collected, sorted and printed at
// once as FILE:LINE:COLUMN: error: MESSAGE. One place (the CLI) turns them into an exit code.
#pragma once
#include <compare>
#include <string>
#include <string_view>
#include <vector>

namespace kcity {

// A file's name as shown in messages, stored once per run: every value of a call keeps a
// Position, and a copy of a long path in each of them was most of a proposal's memory.
// Copying is copying a pointer; equal names are the same pointer.
class FileName {
  public:
    FileName();
    FileName(std::string_view name);  // NOLINT: implicit, like the string it stands for
    FileName(const std::string& name) : FileName(std::string_view(name)) {}
    FileName(const char* name) : FileName(std::string_view(name)) {}

    const std::string& str() const { return *name_; }
    operator const std::string&() const { return *name_; }  // NOLINT
    bool empty() const { return name_->empty(); }
    bool starts_with(std::string_view prefix) const { return name_->starts_with(prefix); }

    bool operator==(const FileName& other) const { return name_ == other.name_; }
    std::strong_ordering operator<=>(const FileName& other) const {
        return name_ == other.name_ ? std::strong_ordering::equal : *name_ <=> *other.name_;
    }

  private:
    const std::string* name_;
};

// Where a value came from. `file` is the path as the user named it (or "<built-in>/x.yaml").
// line and column are 1-based; 0 means "the whole file".
struct Position {
    FileName file;
    int line = 0;
    int column = 0;
    auto operator<=>(const Position&) const = default;
};

// A note is neither: it tells what kcity did with an input (a file read as CP949, the files
// it ignored) and is kept apart from the errors and warnings (Diagnostics::notes).
enum class Severity { error, warning, note };

struct Diagnostic {
    Position where;  // empty file: a problem with no file (usage, no rules found)
    Severity severity = Severity::error;
    std::string message;
};

class Diagnostics {
  public:
    void error(const Position& where, std::string message);
    void warning(const Position& where, std::string message);
    void note(const Position& where, std::string message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    bool has_errors() const;
    std::size_t size() const { return items_.size(); }
    // Sorted by file, line, column, then severity and message; exact duplicates removed.
    std::vector<Diagnostic> sorted() const;
    // The notes, apart: they go to standard error, never into check's list of problems, and
    // count as neither errors nor warnings. Sorted the same way, duplicates removed.
    std::vector<Diagnostic> notes() const;

  private:
    std::vector<Diagnostic> items_;
    std::vector<Diagnostic> notes_;
};

// "FILE:LINE:COLUMN: error: MESSAGE", or "kcity: error: MESSAGE" when there is no file
// (warning, note alike).
std::string format_diagnostic(const Diagnostic& d);

// "did you mean `x`?" helper: the candidate nearest to `word` by edit distance, letter case
// aside first (then by bytes), when it is close enough to be a plausible typo. Empty when none is.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// Whether `a` and `b` differ by one edit (a letter inserted, deleted or replaced) or only in
// letter case: a typo of an accepted value (`goverment`, `Government` for `government`).
bool one_edit_apart(std::string_view a, std::string_view b);

// " (did you mean `x`?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kcity
