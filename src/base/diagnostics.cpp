#include "kcity/base/diagnostics.hpp"

#include <algorithm>
#include <mutex>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "kcity/base/text.hpp"

namespace kcity {
namespace {

// The names of a run, each stored once. Never freed: a name lives as long as any Position may,
// and the table is small (one entry per file read). Loading runs on several threads.
struct NameTable {
    std::mutex lock;
    std::unordered_set<std::string> names{""};
};

NameTable& name_table() {
    static auto* table = new NameTable;
    return *table;
}

const std::string* intern(std::string_view name) {
    NameTable& t = name_table();
    std::lock_guard guard(t.lock);
    return &*t.names.emplace(name).first;
}

// A message is one line whatever the user's text inside it holds ("a\nb" in a quoted YAML
// scalar, a line break in a quoted CSV cell): control characters are shown escaped.
std::string one_line(std::string message) {
    if (std::none_of(message.begin(), message.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
        return message;
    std::string out;
    for (char c : message) {
        auto u = static_cast<unsigned char>(c);
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (u < 0x20 || u == 0x7F)
            out += "\\x" + std::string(1, "0123456789ABCDEF"[u >> 4]) + "0123456789ABCDEF"[u & 15];
        else
            out += c;
    }
    return out;
}

// What a message quotes of the user's input (between backticks or double quotes) is cut to
// this many columns, and a whole message to message_width: a 200,000-character id must not
// make a 200,000-character error line, and the start of a value is enough to find it.
constexpr std::size_t quoted_width = 80;
constexpr std::size_t message_width = 1000;

std::string cut_quoted(std::string message) {
    if (message.size() <= quoted_width) return message;
    std::string out;
    std::size_t i = 0;
    while (i < message.size()) {
        const char q = message[i];
        const std::size_t close = q == '`' || q == '"' ? message.find(q, i + 1) : std::string::npos;
        if (close == std::string::npos) {
            out += q;
            ++i;
            continue;
        }
        out += q;
        out += truncate_width(std::string_view(message).substr(i + 1, close - i - 1), quoted_width);
        out += q;
        i = close + 1;
    }
    return out.size() > message_width ? truncate_width(out, message_width) : out;
}

}  // namespace

FileName::FileName() {
    static const std::string* const empty = intern("");
    name_ = empty;
}

FileName::FileName(std::string_view name) : name_(intern(name)) {}

void Diagnostics::error(const Position& where, std::string message) {
    items_.push_back({where, Severity::error, cut_quoted(one_line(std::move(message)))});
}

void Diagnostics::warning(const Position& where, std::string message) {
    items_.push_back({where, Severity::warning, cut_quoted(one_line(std::move(message)))});
}

void Diagnostics::note(const Position& where, std::string message) {
    notes_.push_back({where, Severity::note, one_line(std::move(message))});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    notes_.insert(notes_.end(), other.notes_.begin(), other.notes_.end());
}

bool Diagnostics::has_errors() const {
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {

std::vector<Diagnostic> sorted_unique(std::vector<Diagnostic> out) {
    auto key = [](const Diagnostic& d) {
        return std::tie(d.where.file, d.where.line, d.where.column, d.severity, d.message);
    };
    std::sort(out.begin(), out.end(),
              [&](const auto& a, const auto& b) { return key(a) < key(b); });
    out.erase(std::unique(out.begin(), out.end(),
                          [&](const auto& a, const auto& b) { return key(a) == key(b); }),
              out.end());
    return out;
}

}  // namespace

std::vector<Diagnostic> Diagnostics::sorted() const {
    return sorted_unique(items_);
}

std::vector<Diagnostic> Diagnostics::notes() const {
    return sorted_unique(notes_);
}

std::string format_diagnostic(const Diagnostic& d) {
    const char* kind = d.severity == Severity::error     ? "error"
                       : d.severity == Severity::warning ? "warning"
                                                         : "note";
    if (d.where.file.empty()) return std::string("kcity: ") + kind + ": " + d.message;
    std::string s = d.where.file.str();
    if (d.where.line > 0) {
        s += ":" + std::to_string(d.where.line) + ":" + std::to_string(std::max(d.where.column, 1));
    }
    return s + ": " + kind + ": " + d.message;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
    // Case first: `pln-2024-01` means `PLN-2024-01`, never `PIL-2024-01`, one letter nearer by
    // bytes. Ties between folded distances go to the nearer by bytes.
    std::string folded = ascii_lower(word);
    const std::string* best = nullptr;
    std::pair<std::size_t, std::size_t> best_distance{};
    for (const auto& c : candidates) {
        std::pair<std::size_t, std::size_t> d{edit_distance(folded, ascii_lower(c)),
                                              edit_distance(word, c)};
        if (!best || d < best_distance) {
            best = &c;
            best_distance = d;
        }
    }
    // A typo changes a few characters; anything further is a different word.
    std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3 + 1));
    return best && best_distance.first <= limit ? *best : std::string();
}

bool one_edit_apart(std::string_view a, std::string_view b) {
    if (a == b) return false;
    // Only the case differs: however many letters, one slip of the Caps Lock.
    if (ascii_lower(a) == ascii_lower(b)) return true;
    std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
    return longer - shorter <= 1 && edit_distance(a, b) == 1;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string n = nearest(word, candidates);
    return n.empty() ? std::string() : " (did you mean `" + n + "`?)";
}

}  // namespace kcity
