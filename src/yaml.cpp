#include "kcity/yaml.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>

#include "kcity/money.hpp"
#include "kcity/utf8.hpp"

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

// yaml-cpp counts columns in bytes; kcity counts characters everywhere (CSV and UTF-8 errors
// too), so that Korean text earlier on a line does not shift the column.
int character_column(std::string_view text, const YAML::Mark& m) {
    if (m.pos < 0 || static_cast<std::size_t>(m.pos) > text.size()) return m.column + 1;
    std::size_t end = static_cast<std::size_t>(m.pos);
    std::size_t start = end;
    while (start > 0 && text[start - 1] != '\n') --start;
    int column = 1;
    for (std::size_t i = start; i < end; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return column;
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

class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(const YamlReader& r, std::string_view text,
                const std::function<void(YamlNode&&)>& sink)
        : r_(r), text_(text), sink_(sink) {}

    void OnDocumentStart(const YAML::Mark& m) override {
        // yaml-cpp 0.7 never consumes a `,` that starts a document: it hands out the same
        // empty document forever (jbeder/yaml-cpp#1040). A document that starts where the
        // previous one did means the parser is stuck; the caller stops there.
        stuck_ = documents_ > 0 && m.pos == document_start_.pos;
        if (stuck_) {
            held_null_ = false;  // the empty document was yaml-cpp's, not the file's
        } else {
            hand_on_held();
            ++documents_;
        }
        document_start_ = m;
        stack_.clear();
        bad_ = stuck_;
        anchors_ = aliases_ = too_deep_ = FirstOfKind{};
    }
    void OnDocumentEnd() override {
        report_pending("");
        if (!bad_ && have_root_) {
            if (root_.is_null())
                held_null_ = true;  // handed on once the parser has moved past it
            else
                sink_(std::move(root_));
        }
        have_root_ = false;
        root_ = YamlNode{};
    }
    // An empty document held back by OnDocumentEnd, once it is known to be the file's own.
    void hand_on_held() {
        if (!held_null_) return;
        held_null_ = false;
        YamlNode empty;
        empty.line = document_start_.line + 1;
        empty.column = character_column(text_, document_start_);
        sink_(std::move(empty));
    }
    bool stuck() const { return stuck_; }
    // yaml-cpp gave up inside the document (a syntax error, or its own nesting limit): what
    // was seen so far is reported, and nothing is handed on.
    void abandon(std::string_view why) {
        report_pending(why);
        stack_.clear();
        have_root_ = false;
    }
    bool reported_depth() const { return too_deep_.seen(); }
    const YAML::Mark& document_start() const { return document_start_; }

    void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
        YamlNode n = make(m, YamlNode::Kind::null);
        check_anchor(n, anchor);
        add(std::move(n));
    }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
        // The value behind an alias is never looked up, so no alias can expand into anything:
        // the document is refused.
        YamlNode n = make(m, YamlNode::Kind::null);
        aliases_.note(n);
        bad_ = true;
        add(std::move(n));
    }
    void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        YamlNode n = make(m, YamlNode::Kind::scalar);
        n.quoted = tag == "!";
        check_tag(n, tag);
        check_anchor(n, anchor);
        if (!n.quoted && is_plain_null(value)) n.kind = YamlNode::Kind::null;
        n.text = value;
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(m, YamlNode::Kind::sequence, tag, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(m, YamlNode::Kind::map, tag, anchor);
    }
    void OnMapEnd() override { close(); }

    std::size_t documents() const { return documents_; }

  private:
    struct Frame {
        YamlNode node;
        bool have_key = false;
        bool bad_key = false;  // the key is not a scalar: the entry is left out
        YamlNode key;
        bool dropped = false;  // deeper than max_yaml_depth: its contents are not kept
    };

    YamlNode make(const YAML::Mark& m, YamlNode::Kind kind) const {
        YamlNode n;
        n.kind = kind;
        n.line = m.line + 1;
        n.column = character_column(text_, m);
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
        r_.diags().error({r_.file(), k.line, k.column}, message + more);
    }
    void report_pending(std::string_view why) {
        report(anchors_, "anchors (&name) are not supported: write the value out in full",
               "anchors");
        report(aliases_, "aliases (*name) are not supported: write the value out in full",
               "aliases");
        if (too_deep_.seen())
            r_.diags().error({r_.file(), too_deep_.line, too_deep_.column},
                             "nesting is deeper than " + std::to_string(max_yaml_depth) +
                                 " levels of maps and lists" + std::string(why));
        anchors_ = aliases_ = too_deep_ = FirstOfKind{};
    }
    void check_tag(const YamlNode& n, const std::string& tag) {
        if (tag != "?" && tag != "!" && !tag.empty())
            fail(n, "tags (" + tag + ") are not supported: remove the tag");
    }
    void check_anchor(const YamlNode& n, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) anchors_.note(n);
    }
    void open(const YAML::Mark& m, YamlNode::Kind kind, const std::string& tag,
              YAML::anchor_t anchor) {
        Frame f;
        f.node = make(m, kind);
        check_tag(f.node, tag);
        check_anchor(f.node, anchor);
        // Nothing kcity reads is nested deeper; a deeper tree is not kept, so that no later
        // step recurses or allocates beyond this depth, whatever the file holds.
        if (static_cast<int>(stack_.size()) >= max_yaml_depth) {
            if (!too_deep_.seen()) too_deep_.note(f.node);
            f.dropped = true;
        }
        stack_.push_back(std::move(f));
    }
    void close() {
        bool dropped = stack_.back().dropped;
        YamlNode n = std::move(stack_.back().node);
        stack_.pop_back();
        if (dropped) {
            n.kind = YamlNode::Kind::null;  // its place is kept, its contents are not
            n.items.clear();
            n.keys.clear();
        }
        add(std::move(n));
    }
    void add(YamlNode&& n) {
        if (stack_.empty()) {
            root_ = std::move(n);
            have_root_ = true;
            return;
        }
        Frame& top = stack_.back();
        if (top.dropped) return;
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
    void add_key(Frame& top, YamlNode&& key) {
        top.bad_key = key.kind != YamlNode::Kind::scalar;
        if (top.bad_key) {
            fail(key, "a key must be a plain word, not " + describe(key));
        } else {
            // yaml-cpp keeps both silently; one of them would be ignored.
            for (const auto& k : top.node.keys)
                if (k.text == key.text) {
                    std::string where = "line " + std::to_string(k.line);
                    if (k.line == key.line) where += ", column " + std::to_string(k.column);
                    fail(key, "duplicate key `" + key.text + "` (first at " + where + ")");
                    break;
                }
        }
        top.key = std::move(key);
        top.have_key = true;
    }

    const YamlReader& r_;
    std::string_view text_;
    const std::function<void(YamlNode&&)>& sink_;
    std::vector<Frame> stack_;
    YamlNode root_;
    bool have_root_ = false;
    bool bad_ = false;
    FirstOfKind anchors_, aliases_, too_deep_;
    YAML::Mark document_start_;
    bool stuck_ = false;
    bool held_null_ = false;
    std::size_t documents_ = 0;
};

std::string stuck_message(std::string_view text, const YAML::Mark& at) {
    auto pos = static_cast<std::size_t>(std::max(at.pos, 0));
    if (pos < text.size() && text[pos] == ',')
        return "YAML syntax: a `,` cannot start a document; commas separate the items of "
               "[...] and {...}";
    return "YAML syntax: the file cannot be read on from here";
}

// An input stream over the text without copying it: a 100 MB file is not held twice.
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
                             const std::function<void(YamlNode&&)>& on_document) {
    YamlReader r(file, diags);
    // The byte-order mark goes first: it is not a column of the first line.
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (auto problem = check_text(text, LineBreaks::lf)) {
        diags.error({file, problem->line, problem->column}, problem->message);
        return 0;
    }
    ViewBuffer buffer(text);
    std::istream in(&buffer);
    TreeBuilder builder(r, text, on_document);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
            if (builder.stuck()) {
                const YAML::Mark& start = builder.document_start();
                diags.error({file, start.line + 1, character_column(text, start)},
                            stuck_message(text, start));
                break;
            }
        }
        builder.hand_on_held();
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own limit (2000 calls deep, some 500 levels) lies far beyond kcity's, which
        // is already reported at its first place: yaml-cpp's message ("bad file") would confuse.
        bool reported = builder.reported_depth();
        builder.abandon("; the rest of the file was not read");
        builder.hand_on_held();
        if (!reported)
            diags.error({file, e.mark.line + 1, character_column(text, e.mark)},
                        "nesting is too deep; the rest of the file was not read");
    } catch (const YAML::Exception& e) {
        builder.abandon("");
        builder.hand_on_held();
        diags.error({file, e.mark.line + 1, character_column(text, e.mark)},
                    "YAML syntax: " + e.msg);
    }
    return builder.documents();
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
