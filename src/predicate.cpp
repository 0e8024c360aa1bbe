#include "kcity/predicate.hpp"

#include <algorithm>

#include "kcity/diagnostics.hpp"

namespace kcity {
namespace {

struct OpName {
    const char* name;
    Op op;
};
constexpr OpName op_names[] = {
    {"equals", Op::equals},         {"not_equals", Op::not_equals}, {"in", Op::in},
    {"not_in", Op::not_in},         {"at_least", Op::at_least},     {"at_most", Op::at_most},
    {"before", Op::before},         {"after", Op::after},           {"exists", Op::exists},
    {"in_history", Op::in_history},
};

bool is_money_path(std::string_view path) {
    return path.ends_with("_krw");
}
bool is_date_path(std::string_view path) {
    return path == "submitted_at";
}
std::string_view last_part(std::string_view path) {
    auto dot = path.rfind('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

Value text_value(const std::string& s, const Position& where) {
    Value v;
    v.type = Value::Type::string;
    v.text = s;
    v.where = where;
    return v;
}

// A rule's operand: typed by the path (money, dates) or by how it is written.
std::optional<Value> rule_value(const YamlReader& r, const YamlNode& n, std::string_view path,
                                Op op) {
    Value v;
    v.where = r.at(n);
    v.text = n.text;
    if (!n.is_scalar()) {
        r.error(n, "the value to compare with must be a single value, not " + describe(n));
        return std::nullopt;
    }
    if (is_money_path(path)) {
        auto m = r.money(n, "an amount compared with `" + std::string(path) + "`");
        if (!m) return std::nullopt;
        v.type = Value::Type::money;
        v.money = *m;
        return v;
    }
    if (op == Op::before || op == Op::after || is_date_path(path)) {
        DateParse d = scalar_type(n) == ScalarType::string ? parse_datetime(n.text) : DateParse{};
        if (!d.ok) {
            r.error(n, "a date is needed here, not " + describe(n) +
                           (d.error.empty() ? "" : ": " + d.error));
            return std::nullopt;
        }
        v.type = Value::Type::date;
        v.date = d.value;
        return v;
    }
    switch (scalar_type(n)) {
        case ScalarType::boolean:
            v.type = Value::Type::boolean;
            v.boolean = *r.boolean(n, "value");
            return v;
        case ScalarType::integer:
        case ScalarType::number: {
            auto d = r.number(n, "the value to compare with", Decimal::max_places);
            if (!d) return std::nullopt;
            v.type = Value::Type::number;
            v.number = *d;
            return v;
        }
        case ScalarType::string:
            return text_value(n.text, v.where);
        case ScalarType::null:
            break;
    }
    r.error(n, "the value to compare with is missing");
    return std::nullopt;
}

void parse_operand(const YamlReader& r, const YamlNode& n, Predicate& p) {
    switch (p.op) {
        case Op::exists:
        case Op::in_history: {
            if (auto b = r.boolean(n, "the value of `exists` and `in_history`")) {
                Value v;
                v.type = Value::Type::boolean;
                v.boolean = *b;
                v.where = r.at(n);
                p.values.push_back(v);
            }
            return;
        }
        case Op::in:
        case Op::not_in: {
            if (!n.is_sequence()) {
                r.error(n, "`in` and `not_in` take a list, not " + describe(n));
                return;
            }
            for (const auto& item : n.items)
                if (auto v = rule_value(r, item, p.field, p.op)) p.values.push_back(*v);
            for (const auto& v : p.values)
                if (v.type != p.values.front().type)
                    r.error(n, "the values of the list must all be of one type");
            return;
        }
        default:
            if (auto v = rule_value(r, n, p.field, p.op)) {
                bool ordered = v->type == Value::Type::number || v->type == Value::Type::money;
                if ((p.op == Op::at_least || p.op == Op::at_most) && !ordered)
                    r.error(n, "`at_least` and `at_most` compare numbers or amounts, not " +
                                   type_name(v->type));
                else
                    p.values.push_back(*v);
            }
    }
}

void check_field(const YamlReader& r, const YamlNode& n, const std::string& path) {
    if (path.starts_with("attributes.") && path.size() > 11) return;
    const auto& known = known_fields();
    if (std::find(known.begin(), known.end(), path) == known.end())
        r.error(n, "unknown field `" + path + "`" + did_you_mean(path, known) +
                       "; free data is tested as `attributes.NAME`");
}

// Every key a condition's map may hold, for the suggestion after a misspelt one: a misspelt
// combinator (`nott`) or `field` lands in parse_test too, as an unknown operator.
const std::vector<std::string>& condition_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto& o : op_names) k.emplace_back(o.name);
        for (const char* other : {"field", "all", "any", "not"}) k.emplace_back(other);
        return k;
    }();
    return keys;
}

Predicate parse_test(const YamlReader& r, const YamlNode& node) {
    Predicate p;
    p.where = r.at(node);
    const YamlNode* field = node.find("field");
    if (field) {
        if (auto f = r.text(*field, "`field`")) {
            p.field = *f;
            check_field(r, *field, p.field);
        }
    }
    int count = 0;
    // What the unknown keys stood for. Each is reported once, with its suggestion; a missing
    // operator or `field` that it stood for is the same mistake and is not reported again.
    bool unknown_key = false, meant_field = false, meant_combinator = false;
    for (std::size_t i = 0; i < node.keys.size(); ++i) {
        const std::string& key = node.keys[i].text;
        if (key == "field") continue;
        auto it = std::find_if(std::begin(op_names), std::end(op_names),
                               [&](const OpName& o) { return key == o.name; });
        if (it == std::end(op_names)) {
            r.error(node.keys[i],
                    "unknown operator `" + key + "`" + did_you_mean(key, condition_keys()));
            const std::string near = nearest(key, condition_keys());
            unknown_key = true;
            meant_field = meant_field || near == "field";
            meant_combinator = meant_combinator || near == "all" || near == "any" || near == "not";
            continue;
        }
        if (++count > 1) {
            r.error(node.keys[i], "a test has exactly one operator; `" + key +
                                      "` is a second one (combine tests with `all`)");
            continue;
        }
        p.op = it->op;
        if (field) parse_operand(r, node.items[i], p);
    }
    if (!field && !meant_field && !meant_combinator)
        r.error(node, count > 0 || unknown_key ? "a test needs `field`, the path it tests"
                                               : "a test needs `field` and one operator");
    if (field && count == 0 && !unknown_key)
        r.error(node, "a test needs one operator: equals, in, at_least, ...");
    if (p.op == Op::in_history && !p.field.empty()) {
        auto last = last_part(p.field);
        if (last != "country" && last != "city")
            r.error(*field,
                    "`in_history` tests a `country` or `city` field, not `" + p.field + "`");
    }
    return p;
}

}  // namespace

const std::vector<std::string>& known_fields() {
    static const std::vector<std::string> fields = {
        "id",
        "track",
        "country",
        "city",
        "domain",
        "requested_krw",
        "submitted_at",
        "applicant.name",
        "applicant.type",
        "applicant.country",
        "partner.name",
        "partner.type",
        "partner.country",
    };
    return fields;
}

std::string type_name(Value::Type t) {
    switch (t) {
        case Value::Type::null:
            return "nothing";
        case Value::Type::boolean:
            return "a boolean";
        case Value::Type::number:
            return "a number";
        case Value::Type::string:
            return "text";
        case Value::Type::date:
            return "a date";
        case Value::Type::money:
            return "an amount of won";
    }
    return "?";
}

Predicate parse_predicate(const YamlReader& r, const YamlNode& node) {
    if (!node.is_map()) {
        Predicate p;
        p.where = r.at(node);
        r.error(node,
                "a condition must be a map ({field: ..., equals: ...}, {all: [...]}, ...), not " +
                    describe(node));
        return p;
    }
    for (const char* combinator : {"all", "any", "not"}) {
        const YamlNode* inner = node.find(combinator);
        if (!inner) continue;
        Predicate p;
        p.where = r.at(node);
        if (node.keys.size() != 1)
            r.error(node, std::string("`") + combinator + "` stands alone in its map");
        if (std::string_view(combinator) == "not") {
            p.kind = Predicate::Kind::negate;
            p.children.push_back(parse_predicate(r, *inner));
            return p;
        }
        p.kind =
            std::string_view(combinator) == "all" ? Predicate::Kind::all : Predicate::Kind::any;
        if (!inner->is_sequence() || inner->items.empty()) {
            r.error(*inner,
                    std::string("`") + combinator + "` takes a non-empty list of conditions");
            return p;
        }
        for (const auto& item : inner->items) p.children.push_back(parse_predicate(r, item));
        return p;
    }
    return parse_test(r, node);
}

Value lookup_field(const Proposal& p, std::string_view path) {
    auto at = [&](const char* key) { return p.at.find(key).value_or(p.where); };
    auto party = [&](const std::optional<Party>& party, std::string_view part) -> Value {
        if (!party) return {};
        if (part == "name") return text_value(party->name, party->where);
        if (part == "type") return text_value(party->type, party->where);
        if (part == "country" && party->country) return text_value(*party->country, party->where);
        return {};
    };
    if (path == "id") return text_value(p.id, p.where);
    if (path == "track") return text_value(p.track, at("track"));
    if (path == "country") return text_value(p.country, at("country"));
    if (path == "city") return text_value(p.city, at("city"));
    if (path == "domain") return p.domain ? text_value(*p.domain, at("domain")) : Value{};
    if (path == "requested_krw") {
        Value v;
        v.type = Value::Type::money;
        v.money = p.requested_krw;
        v.text = format_grouped(p.requested_krw);
        v.where = at("requested_krw");
        return v;
    }
    if (path == "submitted_at") {
        Value v;
        v.type = Value::Type::date;
        v.date = p.submitted_at;
        v.text = format_datetime(p.submitted_at);
        v.where = at("submitted_at");
        return v;
    }
    if (path.starts_with("applicant.")) return party(p.applicant, path.substr(10));
    if (path.starts_with("partner.")) return party(p.partner, path.substr(8));
    if (path.starts_with("attributes.")) {
        const Value* v = p.attribute(path.substr(11));
        return v ? *v : Value{};
    }
    return {};
}

namespace {

// A proposal's value seen as the type the rule needs (a text attribute may hold a date).
std::optional<Value> as_type(const Value& v, Value::Type want) {
    if (v.type == want) return v;
    if (v.type == Value::Type::string && want == Value::Type::date) {
        DateParse d = parse_datetime(v.text);
        if (!d.ok) return std::nullopt;
        Value out = v;
        out.type = Value::Type::date;
        out.date = d.value;
        return out;
    }
    return std::nullopt;
}

int compare_values(const Value& a, const Value& b, int tz) {
    switch (a.type) {
        case Value::Type::number:
            return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
        case Value::Type::money:
            return a.money < b.money ? -1 : a.money > b.money ? 1 : 0;
        case Value::Type::date:
            return compare_dates(a.date, b.date, tz);
        case Value::Type::boolean:
            return a.boolean == b.boolean ? 0 : a.boolean ? 1 : -1;
        case Value::Type::string:
            return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
        case Value::Type::null:
            return 0;
    }
    return 0;
}

bool in_history(const Value& v, std::string_view path, const Proposal& p,
                const PredicateContext& ctx) {
    if (!ctx.history) return false;
    bool city = last_part(path) == "city";
    for (const auto& h : *ctx.history) {
        if (h.year >= ctx.year) continue;
        if (city ? (h.city && *h.city == v.text && h.country == p.country) : h.country == v.text)
            return true;
    }
    return false;
}

bool evaluate_test(const Predicate& t, const Proposal& p, const PredicateContext& ctx) {
    Value raw = lookup_field(p, t.field);
    bool present = raw.type != Value::Type::null;
    if (t.op == Op::exists) return present == t.values.at(0).boolean;
    if (!present) return false;
    if (t.op == Op::in_history) return in_history(raw, t.field, p, ctx) == t.values.at(0).boolean;
    auto v = as_type(raw, t.values.at(0).type);
    if (!v) return false;  // refused by check_types before any evaluation
    auto cmp = [&](const Value& rule) { return compare_values(*v, rule, ctx.tz_minutes); };
    auto any_equal = [&] {
        return std::any_of(t.values.begin(), t.values.end(),
                           [&](const Value& x) { return cmp(x) == 0; });
    };
    switch (t.op) {
        case Op::equals:
            return cmp(t.values[0]) == 0;
        case Op::not_equals:
            return cmp(t.values[0]) != 0;
        case Op::in:
            return any_equal();
        case Op::not_in:
            return !any_equal();
        case Op::at_least:
            return cmp(t.values[0]) >= 0;
        case Op::at_most:
            return cmp(t.values[0]) <= 0;
        case Op::before:
            return cmp(t.values[0]) < 0;
        case Op::after:
            return cmp(t.values[0]) > 0;
        default:
            return false;
    }
}

}  // namespace

bool evaluate(const Predicate& p, const Proposal& proposal, const PredicateContext& ctx) {
    switch (p.kind) {
        case Predicate::Kind::test:
            return evaluate_test(p, proposal, ctx);
        case Predicate::Kind::negate:
            return !evaluate(p.children.at(0), proposal, ctx);
        case Predicate::Kind::all:
            return std::all_of(p.children.begin(), p.children.end(),
                               [&](const Predicate& c) { return evaluate(c, proposal, ctx); });
        case Predicate::Kind::any:
            return std::any_of(p.children.begin(), p.children.end(),
                               [&](const Predicate& c) { return evaluate(c, proposal, ctx); });
    }
    return false;
}

void for_each_test(const Predicate& p, const std::function<void(const Predicate&)>& fn) {
    if (p.kind == Predicate::Kind::test) {
        fn(p);
        return;
    }
    for (const auto& c : p.children) for_each_test(c, fn);
}

void check_types(const Predicate& p, const Proposal& proposal, const std::string& rule,
                 Diagnostics& diags) {
    for_each_test(p, [&](const Predicate& t) {
        if (t.values.empty() || t.op == Op::exists) return;
        Value v = lookup_field(proposal, t.field);
        if (v.type == Value::Type::null) return;
        Value::Type want = t.op == Op::in_history ? Value::Type::string : t.values[0].type;
        if (as_type(v, want)) return;
        diags.error(v.where, "`" + t.field + "` is " + type_name(v.type) + " (" + v.text +
                                 "), but rule `" + rule + "` (" + t.where.file.str() + ":" +
                                 std::to_string(t.where.line) + ") compares it with " +
                                 type_name(want));
    });
}

}  // namespace kcity
