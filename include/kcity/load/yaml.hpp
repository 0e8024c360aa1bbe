// A YAML document as kcity reads it: yaml-cpp's event parser feeds a small tree that keeps
// every value's position and whether it was quoted, refuses what a YAML parser would silently
// accept (duplicate keys, anchors and aliases, tags, deep nesting, text that is not UTF-8),
// and resolves scalars by YAML 1.2's core schema (`yes` is a string; `"27"` is a string;
// `010` is refused as ambiguous). docs/validation.md lists the traps and how each is met.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kcity/base/decimal.hpp"
#include "kcity/base/diagnostics.hpp"

namespace kcity {

struct YamlNode {
    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    int line = 0, column = 0;     // 1-based
    bool quoted = false;          // written quoted or as a block scalar: always a string
    std::string text;             // scalar text; for a map entry's key node, the key
    std::vector<YamlNode> items;  // sequence items, or map values
    std::vector<YamlNode> keys;   // map keys (scalars), parallel to items

    bool is_map() const { return kind == Kind::map; }
    bool is_sequence() const { return kind == Kind::sequence; }
    bool is_scalar() const { return kind == Kind::scalar; }
    bool is_null() const { return kind == Kind::null; }
    // The value under `key` in a map, or nullptr.
    const YamlNode* find(std::string_view key) const;
};

// What a scalar is under the core schema.
enum class ScalarType { null, boolean, integer, number, string };
ScalarType scalar_type(const YamlNode& n);

// "a map", "a list", "text", "a number", "a boolean", "null": for messages.
std::string describe(const YamlNode& n);

// Maximum nesting of maps and lists in any document kcity reads.
inline constexpr int max_yaml_depth = 32;

// The most keys and values (scalars, maps and lists alike) kcity keeps of one proposal
// document (docs/validation.md, "Memory"): a node of the tree takes about 100 bytes whatever
// its text, so that a document of nothing but `a: 1` would take 20 times its size. A real
// proposal has a few hundred; a document past the limit is reported at its value 100,001 and
// not handed on.
inline constexpr std::size_t max_document_values = 100'000;

// Parses a stream of documents, handing each complete document to `on_document`, one at a
// time (a multi-document file is never held whole as a tree). Problems are reported into
// `diags` against `file` (line and column 1-based, columns in characters; `first_line` is the
// file's line on which `text` begins, when it is a part of the file); a document is still
// handed on after most problems, so that one run reports all of them, but not after an alias,
// whose value is unknown. Anchors and aliases are reported once per document (the first of
// each, with a count of the others); what lies deeper than max_yaml_depth is reported once
// and not kept. A document of more than `max_values` keys and values is reported once, at
// the first one past the limit, and neither kept further nor handed on. Returns the number of
// documents seen.
std::size_t read_yaml_stream(std::string_view text, const std::string& file, Diagnostics& diags,
                             const std::function<void(YamlNode&&)>& on_document, int first_line = 1,
                             std::size_t max_values = static_cast<std::size_t>(-1));

// Where a large multi-document text may be cut into parts that are parsed on their own, in
// parallel: the offsets of lines that start with the document marker `---`, about
// `part_size` bytes apart, after the first part at offset 0. yaml-cpp counts lines by LF alone
// (a lone CR, NEL, U+2028 and U+2029 are no line breaks to it), so a part's first line is
// 1 + the LFs before it, as the caller counts. A marker at the start of a line
// always starts a document or is a syntax error, so parts parse as the whole text does; the
// caller still parses the whole text at once whenever a part reports any problem.
std::vector<std::size_t> document_parts(std::string_view text, std::size_t part_size);

// Typed reading of nodes with errors at their position.
class YamlReader {
  public:
    YamlReader(FileName file, Diagnostics& diags) : file_(file), diags_(diags) {}

    Position at(const YamlNode& n) const { return {file_, n.line, n.column}; }
    Position at(int line, int column) const { return {file_, line, column}; }
    void error(const YamlNode& n, std::string message) const;
    const std::string& file() const { return file_.str(); }
    Diagnostics& diags() const { return diags_; }

    std::optional<std::string> text(const YamlNode& n, std::string_view what) const;
    std::optional<Decimal> number(const YamlNode& n, std::string_view what, int max_places) const;
    std::optional<long long> integer(const YamlNode& n, std::string_view what) const;
    std::optional<bool> boolean(const YamlNode& n, std::string_view what) const;
    std::optional<long long> money(const YamlNode& n, std::string_view what) const;

  private:
    FileName file_;
    Diagnostics& diags_;
};

// Reads the keys of one map: ask for each known key, then finish() reports the unknown ones
// with the nearest known key suggested.
class MapFields {
  public:
    MapFields(const YamlReader& r, const YamlNode& map, std::string what);
    bool ok() const { return map_ != nullptr; }
    const YamlNode* optional(std::string_view key);
    const YamlNode* required(std::string_view key);
    void finish();

  private:
    const YamlReader& r_;
    const YamlNode* map_;
    std::string what_;
    std::vector<std::string> known_;
};

}  // namespace kcity
