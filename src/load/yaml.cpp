#include "kcity/load/yaml.hpp"

#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

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

// A place in the text as libyaml marks it (0-based, columns in characters, as kcity counts
// everywhere, so that Korean text earlier on a line does not shift the column).
struct Mark {
    int line = 0, column = 0;  // 1-based
};

// `first_line`: the line of the file on which the parsed text begins (a part of a large file).
Mark mark_of(const yaml_mark_t& m, int first_line) {
    return {static_cast<int>(m.line) + first_line, static_cast<int>(m.column) + 1};
}

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

// Beyond this depth the parse stops: libyaml keeps a stack entry per open level, and a file
// of nothing but `[` must not grow it without bound. Far above max_yaml_depth, which is
// reported first.
constexpr int parser_depth_limit = 1000;

// Builds one YamlNode tree per document from libyaml's events, checking as it goes.
class TreeBuilder {
  public:
    TreeBuilder(const YamlReader& r, int first_line, const std::function<void(YamlNode&&)>& sink)
        : r_(r), first_line_(first_line), sink_(sink) {}

    // Feeds one event; false when the parse must stop (too deep for the parser).
    bool on_event(const yaml_event_t& e) {
        Mark m = mark_of(e.start_mark, first_line_);
        switch (e.type) {
            case YAML_DOCUMENT_START_EVENT:
                start_document();
                break;
            case YAML_DOCUMENT_END_EVENT:
                end_document();
                break;
            case YAML_ALIAS_EVENT:
                on_alias(m);
                break;
            case YAML_SCALAR_EVENT:
                on_scalar(m, e);
                break;
            case YAML_SEQUENCE_START_EVENT:
                open(m, YamlNode::Kind::sequence, e.data.sequence_start.tag,
                     e.data.sequence_start.anchor);
                return depth_ < parser_depth_limit;
            case YAML_MAPPING_START_EVENT:
                open(m, YamlNode::Kind::map, e.data.mapping_start.tag, e.data.mapping_start.anchor);
                return depth_ < parser_depth_limit;
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                close();
                break;
            default:  // stream start and end
                break;
        }
        return true;
    }
    // The parse stopped inside the document (a syntax error, or the parser's depth limit):
    // what was seen so far is reported, and nothing is handed on.
    void abandon(std::string_view why) {
        report_pending(why);
        stack_.clear();
        depth_ = dropped_levels_ = 0;
        have_root_ = false;
    }
    bool reported_depth() const { return too_deep_.seen(); }
    std::size_t documents() const { return documents_; }

  private:
    struct Frame {
        YamlNode node;
        bool have_key = false;
        bool bad_key = false;  // the key is not a scalar: the entry is left out
        YamlNode key;
        bool dropped = false;  // deeper than max_yaml_depth: its contents are not kept
        std::unordered_map<std::string, std::size_t> key_index;  // of node.keys, when large
        std::size_t indexed = 0;                                 // keys in key_index so far
    };

    void start_document() {
        ++documents_;
        stack_.clear();
        depth_ = dropped_levels_ = 0;
        bad_ = false;
        anchors_ = aliases_ = too_deep_ = FirstOfKind{};
    }
    void end_document() {
        report_pending("");
        if (!bad_ && have_root_) sink_(std::move(root_));
        have_root_ = false;
        root_ = YamlNode{};
    }
    void on_alias(Mark m) {
        // The value behind an alias is never looked up, so no alias can expand into anything:
        // the document is refused.
        YamlNode n = make(m, YamlNode::Kind::null);
        aliases_.note(n);
        bad_ = true;
        add(std::move(n));
    }
    void on_scalar(Mark m, const yaml_event_t& e) {
        const auto& s = e.data.scalar;
        YamlNode n = make(m, YamlNode::Kind::scalar);
        const char* tag = reinterpret_cast<const char*>(s.tag);
        // Quoted, a block scalar, or the non-specific tag `!`: always a string.
        n.quoted = s.style != YAML_PLAIN_SCALAR_STYLE || (tag && std::strcmp(tag, "!") == 0);
        if (tag && std::strcmp(tag, "!") != 0) check_tag(n, tag);
        check_anchor(n, s.anchor);
        n.text.assign(reinterpret_cast<const char*>(s.value), s.length);
        if (!n.quoted && is_plain_null(n.text)) n.kind = YamlNode::Kind::null;
        add(std::move(n));
    }

    YamlNode make(Mark m, YamlNode::Kind kind) const {
        YamlNode n;
        n.kind = kind;
        n.line = m.line;
        n.column = m.column;
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
    }
    void check_tag(const YamlNode& n, const char* tag) {
        fail(n, "tags (" + std::string(tag) + ") are not supported: remove the tag");
    }
    void check_anchor(const YamlNode& n, const yaml_char_t* anchor) {
        if (anchor) anchors_.note(n);
    }
    void open(Mark m, YamlNode::Kind kind, const yaml_char_t* tag, const yaml_char_t* anchor) {
        Frame f;
        f.node = make(m, kind);
        if (tag) check_tag(f.node, reinterpret_cast<const char*>(tag));
        check_anchor(f.node, anchor);
        ++depth_;
        // Nothing kcity reads is nested deeper; a deeper tree is not kept, so that no later
        // step recurses or allocates beyond this depth, whatever the file holds.
        if (static_cast<int>(stack_.size()) >= max_yaml_depth) {
            if (!too_deep_.seen()) too_deep_.note(f.node);
            if (dropped_levels_ == 0) dropped_at_ = m;
            ++dropped_levels_;
            return;  // not kept: only its depth is counted
        }
        stack_.push_back(std::move(f));
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
    int first_line_;
    const std::function<void(YamlNode&&)>& sink_;
    std::vector<Frame> stack_;
    int depth_ = 0;           // levels open in the text, kept or not
    int dropped_levels_ = 0;  // levels open from the outermost one too deep
    Mark dropped_at_;         // where that one began
    YamlNode root_;
    bool have_root_ = false;
    bool bad_ = false;
    FirstOfKind anchors_, aliases_, too_deep_;
    std::size_t documents_ = 0;
};

// libyaml's own words for a syntax error, with where the construct it was in began.
std::string syntax_message(const yaml_parser_t& p, int first_line) {
    std::string msg = "YAML syntax: ";
    msg += p.problem ? p.problem : "the file cannot be read on from here";
    if (p.context) {
        Mark c = mark_of(p.context_mark, first_line);
        msg += " (" + std::string(p.context) + " that began at line " + std::to_string(c.line) +
               ", column " + std::to_string(c.column) + ")";
    }
    return msg;
}

// Owns libyaml's parser and its current event, so that both are freed on every path.
class Parser {
  public:
    explicit Parser(std::string_view text) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
        yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    }
    ~Parser() {
        if (have_event_) yaml_event_delete(&event_);
        yaml_parser_delete(&parser_);
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    // The next event, or nullptr at the end of the stream or after an error.
    const yaml_event_t* next() {
        if (have_event_) {
            bool end = event_.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event_);
            have_event_ = false;
            if (end) return nullptr;
        }
        if (!yaml_parser_parse(&parser_, &event_)) return nullptr;
        have_event_ = true;
        return &event_;
    }
    bool failed() const { return parser_.error != YAML_NO_ERROR; }
    const yaml_parser_t& state() const { return parser_; }

  private:
    yaml_parser_t parser_;
    yaml_event_t event_;
    bool have_event_ = false;
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
                             const std::function<void(YamlNode&&)>& on_document, int first_line) {
    YamlReader r(file, diags);
    // The byte-order mark goes first: it is not a column of the first line.
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (auto problem = check_text(text, LineBreaks::yaml)) {
        diags.error({file, problem->line + first_line - 1, problem->column}, problem->message);
        return 0;
    }
    TreeBuilder builder(r, first_line, on_document);
    Parser parser(text);
    while (const yaml_event_t* e = parser.next()) {
        if (!builder.on_event(*e)) {
            // Far deeper than kcity's own limit, which is already reported at its first place.
            bool reported = builder.reported_depth();
            builder.abandon("; the rest of the file was not read");
            if (!reported) {
                Mark m = mark_of(e->start_mark, first_line);
                diags.error({file, m.line, m.column},
                            "nesting is too deep; the rest of the file was not read");
            }
            return builder.documents();
        }
    }
    if (parser.failed()) {
        builder.abandon("");
        Mark m = mark_of(parser.state().problem_mark, first_line);
        diags.error({file, m.line, m.column}, syntax_message(parser.state(), first_line));
    }
    return builder.documents();
}

namespace {

// A lone CR, NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9): line breaks libyaml counts besides LF.
bool has_other_line_breaks(std::string_view text) {
    for (std::size_t i = text.find_first_of("\r\xC2\xE2"); i != std::string_view::npos;
         i = text.find_first_of("\r\xC2\xE2", i + 1)) {
        std::string_view rest = text.substr(i);
        if (rest[0] == '\r' && !rest.starts_with("\r\n")) return true;
        if (rest.starts_with("\xC2\x85") || rest.starts_with("\xE2\x80\xA8") ||
            rest.starts_with("\xE2\x80\xA9"))
            return true;
    }
    return false;
}

bool is_document_marker(std::string_view text, std::size_t at) {
    std::string_view rest = text.substr(at);
    return rest.starts_with("---") && (rest.size() == 3 || rest[3] == ' ' || rest[3] == '\t' ||
                                       rest[3] == '\n' || rest[3] == '\r');
}

}  // namespace

std::vector<std::size_t> document_parts(std::string_view text, std::size_t part_size) {
    std::vector<std::size_t> parts{0};
    if (text.size() <= part_size || has_other_line_breaks(text)) return parts;
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
