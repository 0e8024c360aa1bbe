#include "kcity/load/yaml.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>

#include "kcity/base/encoding.hpp"
#include "kcity/base/money.hpp"
#include "kcity/base/utf8.hpp"

namespace kcity {

const YamlNode* YamlNode::find(std::string_view key) const {
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i].text == key) return &items[i];
    return nullptr;
}

namespace {

bool is_digits(std::string_view s, std::string_view allowed = "0123456789") {
    return !s.empty() && s.find_first_not_of(allowed) == std::string_view::npos;
}

bool is_core_float(std::string_view s) {
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    if (s == ".inf" || s == ".Inf" || s == ".INF" || s == ".nan" || s == ".NaN" || s == ".NAN")
        return true;
    std::size_t e = s.find_first_of("eE");
    std::string_view mant = s.substr(0, e);
    if (e != std::string_view::npos) {
        std::string_view ex = s.substr(e + 1);
        if (!ex.empty() && (ex[0] == '-' || ex[0] == '+')) ex.remove_prefix(1);
        if (!is_digits(ex)) return false;
    }
    std::size_t dot = mant.find('.');
    if (dot == std::string_view::npos) return is_digits(mant);
    std::string_view whole = mant.substr(0, dot), frac = mant.substr(dot + 1);
    if (whole.empty()) return is_digits(frac);
    return is_digits(whole) && (frac.empty() || is_digits(frac));
}

bool is_plain_null(std::string_view s) {
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// The line (0-based, in LFs) and column (1-based, in characters) of a byte offset: for the few
// places that yaml-cpp marks wrongly (the end of the text: line 0, column 0) or not at all.
struct Place {
    int line = 0, column = 1;
};
Place place_of(std::string_view text, std::size_t pos) {
    std::string_view before = text.substr(0, std::min(pos, text.size()));
    Place p;
    p.line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    std::size_t start = before.rfind('\n');
    start = start == std::string_view::npos ? 0 : start + 1;
    for (std::size_t i = start; i < before.size(); ++i)
        if ((static_cast<unsigned char>(before[i]) & 0xC0) != 0x80) ++p.column;
    return p;
}

// yaml-cpp's marks count bytes from the last LF; kcity counts characters everywhere (CSV and
// UTF-8 errors too), so that Korean text earlier on a line does not shift the column. Marks
// come mostly in order, so the count goes on from the last mark on the same line rather than
// from the line's start: a long flow-style line is not counted again for each of its values.
class Columns {
  public:
    explicit Columns(std::string_view text) : text_(text) {}
    int of(const YAML::Mark& m) {
        if (m.pos < 0 || m.column < 0 || m.column > m.pos ||
            static_cast<std::size_t>(m.pos) > text_.size())
            return m.column + 1;
        auto pos = static_cast<std::size_t>(m.pos);
        std::size_t line_start = pos - static_cast<std::size_t>(m.column);
        if (m.column == 0 && pos > 0 && text_[pos - 1] != '\n') {
            // yaml-cpp's mark of the end of the text (an empty value there) has column 0
            // wherever the last line ends.
            std::size_t lf = text_.rfind('\n', pos - 1);
            line_start = lf == std::string_view::npos ? 0 : lf + 1;
        }
        if (line_start != line_start_ || pos < at_) {
            line_start_ = at_ = line_start;
            characters_ = 0;
        }
        for (; at_ < pos; ++at_)
            if ((static_cast<unsigned char>(text_[at_]) & 0xC0) != 0x80) ++characters_;
        return characters_ + 1;
    }

  private:
    std::string_view text_;
    std::size_t line_start_ = 0, at_ = 0;
    int characters_ = 0;  // between line_start_ and at_
};

// A problem that stands for every one of its kind in a document: reported once, at its first
// place, with a count of the others, so that a file of a thousand aliases ("billion laughs")
// gives one clear message rather than a thousand.
struct FirstOfKind {
    int line = 0, column = 0;
    int more = 0;
    bool seen() const { return line > 0; }
    void note(const YamlNode& n) {
        if (seen()) {
            ++more;
        } else {
            line = n.line;
            column = n.column;
        }
    }
};

// Beyond this depth the parse stops, thrown from the handler: yaml-cpp 0.7 recurses once per
// level and gives up with its own DeepRecursion ("bad file") at 500, and a file of nothing but
// `[` must never come near the end of the stack. Far above max_yaml_depth, which is reported
// first.
constexpr int parser_depth_limit = 400;

// Thrown from the handler to stop yaml-cpp's parse (the depth limit, a stuck parser): every
// message is already reported.
struct StopParse {};

// What kind of construct an open map or list is, for syntax messages.
struct Construct {
    YamlNode::Kind kind = YamlNode::Kind::null;
    bool flow = false;
    int line = 0, column = 0;
};

// Builds one YamlNode tree per document from yaml-cpp's events, checking as it goes.
class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(const YamlReader& r, std::string_view text, int first_line,
                const std::function<void(YamlNode&&)>& sink, std::size_t max_values)
        : r_(r),
          text_(text),
          columns_(text),
          first_line_(first_line),
          sink_(sink),
          max_values_(max_values) {}

    void OnDocumentStart(const YAML::Mark& m) override {
        // yaml-cpp 0.7 never consumes a `,` that starts a document: it hands out the same empty
        // document forever (jbeder/yaml-cpp#1040). A document that starts at a `,`, or where the
        // previous one did, means the parser is stuck: the parse stops here.
        bool stuck = at_comma(m) || (documents_ > 0 && m.pos == document_start_pos_);
        if (stuck) held_null_ = false;  // the empty document before was yaml-cpp's, not the file's
        hand_on_held();
        ++documents_;
        document_start_pos_ = m.pos;
        stack_.clear();
        depth_ = dropped_levels_ = 0;
        bad_ = false;
        anchors_ = aliases_ = too_deep_ = FirstOfKind{};
        values_ = 0;
        too_many_ = FirstOfKind{};
        if (stuck) stop_stuck(m);
    }
    void OnDocumentEnd() override {
        check_closing_quote();
        report_pending("");
        if (!bad_ && have_root_) {
            if (root_.is_null()) {
                held_ = std::move(root_);  // handed on once the parser has moved past it
                held_null_ = true;
            } else {
                sink_(std::move(root_));
            }
        }
        have_root_ = false;
        root_ = YamlNode{};
    }
    // An empty document held back by OnDocumentEnd, once it is known to be the file's own.
    void hand_on_held() {
        if (!held_null_) return;
        held_null_ = false;
        sink_(std::move(held_));
        held_ = YamlNode{};
    }

    void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
        if (stack_.empty() && dropped_levels_ == 0 && at_comma(m)) stop_stuck(m);
        last_quote_ = -1;
        YamlNode n = make(m, YamlNode::Kind::null);
        check_anchor(n, anchor);
        add(std::move(n));
    }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
        // The value behind an alias is never looked up, so no alias can expand into anything:
        // the document is refused.
        last_quote_ = -1;
        YamlNode n = make(m, YamlNode::Kind::null);
        aliases_.note(n);
        bad_ = true;
        add(std::move(n));
    }
    void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        YamlNode n = make(m, YamlNode::Kind::scalar);
        // yaml-cpp tags a quoted or block scalar `!` (as the non-specific tag `!` itself), and a
        // plain one `?`: the former is always a string.
        n.quoted = tag.size() == 1 && tag[0] == '!';
        last_quote_ = n.quoted && at_quote(m) ? m.pos : -1;
        check_tag(n, tag);
        if (n.quoted && at_char(m, '!')) {
            // YAML's non-specific tag: `! 27` is the text "27", which would then be refused as
            // "quoted text" where a number is needed, with no quote in sight.
            fail(n, "a `!` before a value is a YAML tag that makes it text (`! " + value +
                        "` is the text \"" + value + "\"): remove the `!`");
            n.quoted = false;  // read as written without it: one error, not a second one
        }
        check_anchor(n, anchor);
        check_characters(n, value);
        if (!n.quoted && is_plain_null(value))
            n.kind = YamlNode::Kind::null;
        else
            n.text = value;
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open(m, YamlNode::Kind::sequence, tag, anchor, style);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open(m, YamlNode::Kind::map, tag, anchor, style);
    }
    void OnMapEnd() override { close(); }

    // The parse stopped inside the document (a syntax error, or the depth limit): what was
    // seen so far is reported, and nothing of it is handed on.
    void abandon(std::string_view why) {
        report_pending(why);
        stack_.clear();
        depth_ = dropped_levels_ = 0;
        have_root_ = false;
        root_ = YamlNode{};
    }
    // After the parse: an empty last document is the file's own.
    void finish() { hand_on_held(); }
    // An alias of an anchor that was never defined: yaml-cpp stops, kcity refuses aliases.
    void unknown_alias(const YAML::Mark& m) {
        aliases_.note(make(m, YamlNode::Kind::null));
        bad_ = true;
    }
    bool reported_depth() const { return too_deep_.seen(); }
    std::size_t documents() const { return documents_; }
    // The innermost map or list still open, if it is kept.
    std::optional<Construct> open_construct() const {
        if (dropped_levels_ > 0 || stack_.empty()) return std::nullopt;
        const Frame& f = stack_.back();
        return Construct{f.node.kind, f.flow, f.node.line, f.node.column};
    }
    int line_of(const YAML::Mark& m) const { return m.line + first_line_; }
    int column_of(const YAML::Mark& m) { return columns_.of(m); }

  private:
    struct Frame {
        YamlNode node;
        bool flow = false;
        bool have_key = false;
        bool bad_key = false;  // the key is not a scalar: the entry is left out
        YamlNode key;
        std::unordered_map<std::string, std::size_t> key_index;  // of node.keys, when large
        std::size_t indexed = 0;                                 // keys in key_index so far
    };

    bool at_char(const YAML::Mark& m, char c) const {
        return m.pos >= 0 && static_cast<std::size_t>(m.pos) < text_.size() &&
               text_[static_cast<std::size_t>(m.pos)] == c;
    }
    bool at_quote(const YAML::Mark& m) const {
        return m.pos >= 0 && static_cast<std::size_t>(m.pos) < text_.size() &&
               (text_[m.pos] == '"' || text_[m.pos] == '\'');
    }
    // yaml-cpp 0.7 takes a quoted scalar that is never closed, when a line break follows it,
    // as running to the end of the file (`a: "open` LF `b: 2` LF reads as one value). Only
    // the last value of a document can be one: its closing quote is looked for.
    void check_closing_quote() {
        if (last_quote_ < 0) return;
        auto at = static_cast<std::size_t>(last_quote_);
        last_quote_ = -1;
        char quote = text_[at];
        for (std::size_t i = at + 1; i < text_.size(); ++i) {
            if (quote == '"' && text_[i] == '\\') {
                ++i;  // an escape: the next character is not the end
            } else if (text_[i] == quote) {
                if (quote == '"' || i + 1 >= text_.size() || text_[i + 1] != '\'') return;
                ++i;  // '' is a quote inside single quotes
            }
        }
        bad_ = true;
        Place p = place_of(text_, at);
        r_.diags().error(
            r_.at(p.line + first_line_, p.column),
            "YAML syntax: this quoted text is never closed: a closing quote is missing");
    }
    bool at_comma(const YAML::Mark& m) const {
        return m.pos >= 0 && static_cast<std::size_t>(m.pos) < text_.size() && text_[m.pos] == ',';
    }
    [[noreturn]] void stop_stuck(const YAML::Mark& m) {
        abandon("");
        std::string message = at_comma(m)
                                  ? "YAML syntax: a `,` cannot start a document; commas separate "
                                    "the items of [...] and {...}"
                                  : "YAML syntax: the file cannot be read on from here";
        r_.diags().error(r_.at(line_of(m), column_of(m)), std::move(message));
        throw StopParse{};
    }

    YamlNode make(const YAML::Mark& m, YamlNode::Kind kind) {
        YamlNode n;
        n.kind = kind;
        n.line = line_of(m);
        n.column = columns_.of(m);
        return n;
    }
    // Reports a problem and reads on, so that one run shows every problem of the document.
    void fail(const YamlNode& at, std::string message) { r_.error(at, std::move(message)); }
    void report(const FirstOfKind& k, const std::string& message, std::string_view what) {
        if (!k.seen()) return;
        std::string more;
        if (k.more > 0)
            more =
                " (" + std::to_string(k.more) + " more " + std::string(what) + " in this document)";
        r_.diags().error(r_.at(k.line, k.column), message + more);
    }
    void report_pending(std::string_view why) {
        report(anchors_, "anchors (&name) are not supported: write the value out in full",
               "anchors");
        report(aliases_, "aliases (*name) are not supported: write the value out in full",
               "aliases");
        if (too_deep_.seen())
            r_.diags().error(r_.at(too_deep_.line, too_deep_.column),
                             "nesting is deeper than " + std::to_string(max_yaml_depth) +
                                 " levels of maps and lists" + std::string(why));
        anchors_ = aliases_ = too_deep_ = FirstOfKind{};
        if (too_many_.seen())
            r_.diags().error(r_.at(too_many_.line, too_many_.column),
                             "more than " + format_grouped(static_cast<Krw>(max_values_)) +
                                 " keys and values in one document: kcity reads at most " +
                                 format_grouped(static_cast<Krw>(max_values_)) +
                                 " in a proposal, to stay within its memory; this is value " +
                                 format_grouped(static_cast<Krw>(max_values_ + 1)) +
                                 ", and the proposal is not read");
        too_many_ = FirstOfKind{};
    }
    // `?` (plain) and `!` (quoted, or the non-specific tag) are yaml-cpp's own; any other is
    // the file's.
    // Every value kcity reads is one line of a report, a terminal or a spreadsheet cell: a
    // control character (written raw in a block scalar or as an escape such as "\e" in a
    // quoted one) or a bidirectional override could forge or hide what those show.
    void check_characters(const YamlNode& n, const std::string& value) {
        std::optional<ValueProblem> p = check_value_text(value);
        if (!p) return;
        std::string hint = p->message.starts_with("a line break")
                               ? "; a value is one line (fold a long one with `>-`)"
                           : p->message.starts_with("a bidirectional")
                               ? "; remove it: it can reorder what a report shows"
                               : "; remove it";
        fail(n, "the text holds " + p->message + " at character " + std::to_string(p->character) +
                    hint);
    }
    void check_tag(const YamlNode& n, const std::string& tag) {
        if (tag.empty() || (tag.size() == 1 && (tag[0] == '?' || tag[0] == '!'))) return;
        fail(n, "tags (" + tag + ") are not supported: remove the tag");
    }
    void check_anchor(const YamlNode& n, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) anchors_.note(n);
    }
    void open(const YAML::Mark& m, YamlNode::Kind kind, const std::string& tag,
              YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
        ++depth_;
        last_quote_ = -1;
        Frame f;
        f.node = make(m, kind);
        // On a map or a list, `!` is a tag like any other: it makes nothing text.
        if (tag != "?") fail(f.node, "tags (" + tag + ") are not supported: remove the tag");
        check_anchor(f.node, anchor);
        if (dropped_levels_ > 0) {
            ++dropped_levels_;  // inside a level too deep: only its depth is counted
        } else if (static_cast<int>(stack_.size()) >= max_yaml_depth) {
            // Nothing kcity reads is nested deeper; a deeper tree is not kept, so that no later
            // step recurses or allocates beyond this depth, whatever the file holds.
            if (!too_deep_.seen()) too_deep_.note(f.node);
            dropped_at_ = m;
            dropped_levels_ = 1;
        } else {
            f.flow = style == YAML::EmitterStyle::Flow;
            stack_.push_back(std::move(f));
        }
        if (depth_ > parser_depth_limit) stop_too_deep(m);
    }
    [[noreturn]] void stop_too_deep(const YAML::Mark& m) {
        // Far deeper than kcity's own limit, which is already reported at its first place.
        bool reported = reported_depth();
        abandon("; the rest of the file was not read");
        if (!reported)
            r_.diags().error(r_.at(line_of(m), column_of(m)),
                             "nesting is too deep; the rest of the file was not read");
        throw StopParse{};
    }
    void close() {
        --depth_;
        if (dropped_levels_ > 0) {
            // Its place is kept (as null), its contents are not.
            if (--dropped_levels_ == 0) add(make(dropped_at_, YamlNode::Kind::null));
            return;
        }
        YamlNode n = std::move(stack_.back().node);
        stack_.pop_back();
        add(std::move(n));
    }
    void add(YamlNode&& n) {
        if (dropped_levels_ > 0) return;
        // Past max_values_ nothing more is kept (the memory stays bounded), nor handed on.
        if (++values_ > max_values_) {
            if (!too_many_.seen()) too_many_.note(n);
            bad_ = true;
            return;
        }
        if (stack_.empty()) {
            root_ = std::move(n);
            have_root_ = true;
            return;
        }
        Frame& top = stack_.back();
        if (top.node.kind == YamlNode::Kind::sequence) {
            top.node.items.push_back(std::move(n));
        } else if (!top.have_key) {
            add_key(top, std::move(n));
        } else {
            if (!top.bad_key) {
                top.node.keys.push_back(std::move(top.key));
                top.node.items.push_back(std::move(n));
            }
            top.have_key = false;
        }
    }
    // The key of this map named `text` so far, or nullptr. A map of a few keys is searched;
    // a large one (a file may hold a map of 100,000 keys) is indexed once it grows.
    static const YamlNode* earlier_key(Frame& top, const std::string& text) {
        const std::vector<YamlNode>& keys = top.node.keys;
        if (keys.size() < 16) {
            for (const auto& k : keys)
                if (k.text == text) return &k;
            return nullptr;
        }
        for (; top.indexed < keys.size(); ++top.indexed)
            top.key_index.emplace(keys[top.indexed].text, top.indexed);  // the first one stays
        auto it = top.key_index.find(text);
        return it == top.key_index.end() ? nullptr : &keys[it->second];
    }
    void add_key(Frame& top, YamlNode&& key) {
        top.bad_key = key.kind != YamlNode::Kind::scalar;
        if (top.bad_key) {
            fail(key, "a key must be a plain word, not " + describe(key));
        } else if (!key.quoted && key.text == "<<") {
            // YAML 1.1's merge key, which YAML 1.2 and kcity do not have: it would otherwise be
            // reported as an unknown key named `<<`.
            top.bad_key = true;
            fail(key, "merge keys (<<) are not supported: write the keys out in full");
        } else {
            // A parser keeps both silently; one of them would be ignored.
            if (const YamlNode* k = earlier_key(top, key.text)) {
                std::string where = "line " + std::to_string(k->line);
                if (k->line == key.line) where += ", column " + std::to_string(k->column);
                fail(key, "duplicate key `" + key.text + "` (first at " + where + ")");
            }
        }
        top.key = std::move(key);
        top.have_key = true;
    }

    const YamlReader& r_;
    std::string_view text_;
    Columns columns_;
    int first_line_;
    const std::function<void(YamlNode&&)>& sink_;
    std::vector<Frame> stack_;
    int depth_ = 0;           // levels open in the text, kept or not
    int dropped_levels_ = 0;  // levels open from the outermost one too deep
    YAML::Mark dropped_at_;   // where that one began
    YamlNode root_;
    bool have_root_ = false;
    bool bad_ = false;
    FirstOfKind anchors_, aliases_, too_deep_;
    int document_start_pos_ = -1;
    int last_quote_ = -1;  // where the last value began, if it is quoted text
    bool held_null_ = false;
    YamlNode held_;
    std::size_t documents_ = 0;
    std::size_t max_values_;
    std::size_t values_ = 0;  // kept in this document so far
    FirstOfKind too_many_;    // the first value past max_values_
};

// yaml-cpp's words for a syntax error are terse ("end of map flow not found"): say what was
// expected instead and, for an unclosed map or list, where it began, as far as kcity's own
// tree knows it (the innermost map or list still open when yaml-cpp stopped).
std::string syntax_message(const std::string& what, const std::optional<Construct>& in) {
    struct Known {
        const char* yaml_cpp;
        const char* message;
        YamlNode::Kind kind;  // the construct whose beginning is named, if any
        bool flow;
        const char* name;
    };
    using K = YamlNode::Kind;
    static const Known known[] = {
        {YAML::ErrorMsg::END_OF_MAP_FLOW, "did not find the expected ',' or '}'", K::map, true,
         "the map {...}"},
        {YAML::ErrorMsg::END_OF_SEQ_FLOW, "did not find the expected ',' or ']'", K::sequence, true,
         "the list [...]"},
        {YAML::ErrorMsg::END_OF_MAP, "did not find the expected key (is the indentation right?)",
         K::map, false, "the map"},
        {YAML::ErrorMsg::END_OF_SEQ,
         "did not find the expected '-' of a list item (is the indentation right?)", K::sequence,
         false, "the list"},
        {YAML::ErrorMsg::MAP_VALUE,
         "a `:` is not allowed here (text that holds \": \" must be quoted)", K::null, false, ""},
        {YAML::ErrorMsg::BLOCK_ENTRY, "a list item `- ` is not allowed here", K::null, false, ""},
        {YAML::ErrorMsg::MAP_KEY, "a `? ` key is not allowed here", K::null, false, ""},
        {YAML::ErrorMsg::FLOW_END, "a `]` or `}` that closes no `[` or `{`", K::null, false, ""},
        {YAML::ErrorMsg::UNKNOWN_TOKEN, "found a character that cannot start any token", K::null,
         false, ""},
        {YAML::ErrorMsg::TAB_IN_INDENTATION, "found a tab where an indentation space is expected",
         K::null, false, ""},
        {YAML::ErrorMsg::EOF_IN_SCALAR,
         "the file ends inside quoted text: a closing quote is missing", K::null, false, ""},
        {YAML::ErrorMsg::DOC_IN_SCALAR,
         "a document marker (--- or ...) inside quoted text: a closing quote is missing", K::null,
         false, ""},
    };
    std::string msg = "YAML syntax: ";
    for (const Known& k : known) {
        if (what != k.yaml_cpp) continue;
        msg += k.message;
        if (k.kind != K::null && in && in->kind == k.kind && in->flow == k.flow)
            msg += " (in " + std::string(k.name) + " that began at line " +
                   std::to_string(in->line) + ", column " + std::to_string(in->column) + ")";
        return msg;
    }
    return msg + what;
}

// The 0-based line, of the one where a syntax error stopped the parse and the one before it,
// whose indentation holds a tab: yaml-cpp then reports whatever the tab made of the structure
// ("end of map not found"), when the mistake is the tab.
std::optional<int> tab_indented_line(std::string_view text, int pos) {
    if (pos < 0) return std::nullopt;
    std::size_t at = std::min(static_cast<std::size_t>(pos), text.size());
    std::size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    for (int back = 0; back < 2; ++back) {
        for (std::size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i)
            if (text[i] == '\t')
                return static_cast<int>(std::count(text.begin(), text.begin() + start, '\n'));
        if (start == 0) break;
        std::size_t prev = start >= 2 ? text.rfind('\n', start - 2) : std::string_view::npos;
        start = prev == std::string_view::npos ? 0 : prev + 1;
    }
    return std::nullopt;
}

// yaml-cpp accepts a `%YAML 1.1` directive and reads on by YAML 1.2's rules, as kcity does
// (`yes` is text): a file that asks for 1.1 would not be read as its author expects.
void check_version_directives(std::string_view text, const std::string& file, int first_line,
                              Diagnostics& diags) {
    for (std::size_t at = text.find("%YAML"); at != std::string_view::npos;
         at = text.find("%YAML", at + 1)) {
        if (at > 0 && text[at - 1] != '\n') continue;
        std::string_view line = text.substr(at, text.find('\n', at) - at);
        std::string_view version = line.substr(5);
        while (!version.empty() && (version.front() == ' ' || version.front() == '\t'))
            version.remove_prefix(1);
        if (version.starts_with("1.2") &&
            (version.size() == 3 || version[3] == ' ' || version[3] == '\t' || version[3] == '\r'))
            continue;
        int line_number =
            first_line + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
        diags.error({file, line_number, 1},
                    "a `%YAML` directive other than 1.2: kcity reads YAML 1.2 (`yes` is text, not "
                    "a boolean); remove the directive");
    }
}

// An input stream over the text without copying it: a 100 MB file is not held twice, and
// yaml-cpp takes its bytes 2 KiB at a time straight from the text.
class ViewBuffer : public std::streambuf {
  public:
    explicit ViewBuffer(std::string_view text) {
        char* p = const_cast<char*>(text.data());  // read only: streambuf's API is not const
        setg(p, p, p + text.size());
    }
};

}  // namespace

ScalarType scalar_type(const YamlNode& n) {
    if (n.kind == YamlNode::Kind::null) return ScalarType::null;
    if (n.quoted) return ScalarType::string;
    std::string_view s = n.text;
    if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
        return ScalarType::boolean;
    std::string_view digits = s;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    if (is_digits(digits)) return ScalarType::integer;
    if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && is_digits(s.substr(2), "01234567"))
        return ScalarType::integer;
    if (s.size() > 2 && s[0] == '0' && s[1] == 'x' &&
        is_digits(s.substr(2), "0123456789abcdefABCDEF"))
        return ScalarType::integer;
    if (is_core_float(s)) return ScalarType::number;
    return ScalarType::string;
}

std::string describe(const YamlNode& n) {
    switch (n.kind) {
        case YamlNode::Kind::map:
            return "a map";
        case YamlNode::Kind::sequence:
            return "a list";
        case YamlNode::Kind::null:
            return "nothing (null)";
        case YamlNode::Kind::scalar:
            break;
    }
    switch (scalar_type(n)) {
        case ScalarType::boolean:
            return "a boolean (" + n.text + ")";
        case ScalarType::integer:
        case ScalarType::number:
            return "a number (" + n.text + ")";
        default:
            return n.quoted ? "quoted text (\"" + n.text + "\")" : "text (" + n.text + ")";
    }
}

std::size_t read_yaml_stream(std::string_view text, const std::string& file, Diagnostics& diags,
                             const std::function<void(YamlNode&&)>& on_document, int first_line,
                             std::size_t max_values) {
    YamlReader r(file, diags);
    // Bytes to UTF-8 text (base/encoding): the byte-order mark goes, it is not a column of
    // the first line; UTF-16 and CP949 are converted, so that positions count characters.
    const DecodedText decoded = decode_text(text, LineBreaks::lf);
    if (decoded.problem) {
        diags.error({file, decoded.problem->line + first_line - 1, decoded.problem->column},
                    decoded.problem->message);
        return 0;
    }
    if (decoded.encoding == Encoding::cp949) diags.note({file, 1, 1}, cp949_note);
    text = decoded.text(text);
    check_version_directives(text, file, first_line, diags);
    ViewBuffer buffer(text);
    std::istream in(&buffer);
    TreeBuilder builder(r, text, first_line, on_document, max_values);
    // Where yaml-cpp stopped: recounted from the byte offset, which yaml-cpp keeps right
    // where its line and column are not (at the end of the text).
    auto at = [&](const YAML::Mark& m) -> Position {
        if (m.pos < 0) return {file, first_line, 1};
        Place p = place_of(text, static_cast<std::size_t>(m.pos));
        return {file, p.line + first_line, p.column};
    };
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
        builder.finish();
    } catch (const StopParse&) {
        // Reported by the handler.
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own guard, which the handler's limit keeps out of reach; its message
        // ("bad file") would confuse.
        bool reported = builder.reported_depth();
        builder.abandon("; the rest of the file was not read");
        builder.finish();
        if (!reported)
            diags.error(at(e.mark), "nesting is too deep; the rest of the file was not read");
    } catch (const YAML::Exception& e) {
        if (std::string_view(e.msg).starts_with(YAML::ErrorMsg::UNKNOWN_ANCHOR)) {
            // An alias of no anchor: refused as every alias is, yaml-cpp stops there.
            builder.unknown_alias(e.mark);
            builder.abandon("");
        } else {
            std::optional<Construct> in_construct = builder.open_construct();
            builder.abandon("");
            if (auto tab = tab_indented_line(text, e.mark.pos))
                diags.error({file, *tab + first_line, 1},
                            "YAML syntax: YAML does not allow tabs for indentation; indent "
                            "with spaces");
            else
                diags.error(at(e.mark), syntax_message(e.msg, in_construct));
        }
        builder.finish();
    }
    return builder.documents();
}

namespace {

bool is_document_marker(std::string_view text, std::size_t at) {
    std::string_view rest = text.substr(at);
    return rest.starts_with("---") && (rest.size() == 3 || rest[3] == ' ' || rest[3] == '\t' ||
                                       rest[3] == '\n' || rest[3] == '\r');
}

}  // namespace

std::vector<std::size_t> document_parts(std::string_view text, std::size_t part_size) {
    std::vector<std::size_t> parts{0};
    if (text.size() <= part_size) return parts;
    std::size_t from = part_size;
    while (from < text.size()) {
        std::size_t at = from;
        for (;;) {
            at = text.find("\n---", at);
            if (at == std::string_view::npos) return parts;
            ++at;  // the marker's line starts after the LF
            if (is_document_marker(text, at)) break;
        }
        parts.push_back(at);
        from = at + part_size;
    }
    return parts;
}

void YamlReader::error(const YamlNode& n, std::string message) const {
    diags_.error(at(n), std::move(message));
}

std::optional<std::string> YamlReader::text(const YamlNode& n, std::string_view what) const {
    if (n.kind == YamlNode::Kind::scalar && scalar_type(n) == ScalarType::string) return n.text;
    std::string hint = n.is_scalar() ? " (quote it if it is meant as text)" : "";
    error(n, std::string(what) + " must be text, not " + describe(n) + hint);
    return std::nullopt;
}

std::optional<Decimal> YamlReader::number(const YamlNode& n, std::string_view what,
                                          int max_places) const {
    std::string w(what);
    if (n.kind != YamlNode::Kind::scalar) {
        error(n, w + " must be a number, not " + describe(n));
        return std::nullopt;
    }
    if (n.quoted) {
        error(n, w + " must be a number, not quoted text (\"" + n.text + "\"): remove the quotes");
        return std::nullopt;
    }
    ScalarType t = scalar_type(n);
    if (t != ScalarType::integer && t != ScalarType::number) {
        error(n, w + " must be a number, not " + describe(n));
        return std::nullopt;
    }
    if (n.text.find_first_of("eExo") != std::string::npos ||
        n.text.find("inf") != std::string::npos || n.text.find("INF") != std::string::npos ||
        n.text.find("Inf") != std::string::npos || n.text.find("nan") != std::string::npos ||
        n.text.find("NaN") != std::string::npos || n.text.find("NAN") != std::string::npos ||
        n.text.starts_with("+")) {
        error(n, w + " must be written as a plain decimal number, not " + n.text);
        return std::nullopt;
    }
    DecimalParse d = parse_decimal(n.text, max_places);
    if (!d.ok) {
        error(n, w + ": " + d.error);
        return std::nullopt;
    }
    return d.value;
}

std::optional<long long> YamlReader::integer(const YamlNode& n, std::string_view what) const {
    std::optional<Decimal> d = number(n, what, 0);
    if (!d) return std::nullopt;
    return d->units / Decimal::scale;
}

std::optional<bool> YamlReader::boolean(const YamlNode& n, std::string_view what) const {
    if (n.kind == YamlNode::Kind::scalar && scalar_type(n) == ScalarType::boolean)
        return n.text[0] == 't' || n.text[0] == 'T';
    error(n, std::string(what) + " must be true or false, not " + describe(n));
    return std::nullopt;
}

std::optional<long long> YamlReader::money(const YamlNode& n, std::string_view what) const {
    if (n.kind != YamlNode::Kind::scalar || scalar_type(n) == ScalarType::boolean) {
        error(n, std::string(what) + " must be an amount of won, not " + describe(n));
        return std::nullopt;
    }
    MoneyParse m = parse_money(n.text);
    if (!m.ok) {
        error(n, std::string(what) + ": " + m.error);
        return std::nullopt;
    }
    return m.value;
}

MapFields::MapFields(const YamlReader& r, const YamlNode& map, std::string what)
    : r_(r), map_(&map), what_(std::move(what)) {
    if (!map.is_map()) {
        r_.error(map, what_ + " must be a map of keys and values, not " + describe(map));
        map_ = nullptr;
    }
}

const YamlNode* MapFields::optional(std::string_view key) {
    known_.emplace_back(key);
    if (!map_) return nullptr;
    const YamlNode* v = map_->find(key);
    return v && !v->is_null() ? v : nullptr;
}

const YamlNode* MapFields::required(std::string_view key) {
    const YamlNode* v = optional(key);
    if (map_ && !v) {
        // An empty value (`city:`) has the position of whatever follows it, often the next
        // line: point at its key instead.
        const YamlNode* key_node = nullptr;
        for (const auto& k : map_->keys)
            if (!key_node && k.text == key) key_node = &k;
        r_.error(key_node ? *key_node : *map_, what_ + " has no `" + std::string(key) + "`" +
                                                   (key_node ? " value" : ", which is required"));
    }
    return v;
}

void MapFields::finish() {
    if (!map_) return;
    for (const auto& k : map_->keys) {
        bool known = false;
        for (const auto& name : known_) known = known || name == k.text;
        if (!known)
            r_.error(k, "unknown key `" + k.text + "` in " + what_ + did_you_mean(k.text, known_));
    }
}

}  // namespace kcity
