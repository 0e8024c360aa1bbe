// The rules' predicate language (SPEC §5) parsed from YAML: operators, operands typed by
// the field they test, misspelt keys with a suggestion.
#include "kcity/load/predicate.hpp"

#include <algorithm>

#include "kcity/base/countries.hpp"
#include "kcity/base/diagnostics.hpp"

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
// The proposal's own country fields, which load checks as ISO codes: a rule value that is not
// one (`kr`, `RUS`) would silently never match. Free attributes are not checked.
bool is_country_path(std::string_view path) {
    return !path.starts_with("attributes.") && last_part(path) == "country";
}

// A country a rule compares with, checked as the proposals' are (load/schema.cpp), with the
// same suggestion.
bool check_country_value(const YamlReader& r, const YamlNode& n, std::string_view path) {
    if (scalar_type(n) != ScalarType::string) {
        r.error(n,
                "`" + std::string(path) + "` is a country code (KR, UA, ...), not " + describe(n));
        return false;
    }
    if (find_country(n.text)) return true;
    std::string_view hint = suggest_country(n.text);
    r.error(n, "`" + n.text + "` is not an ISO 3166-1 alpha-2 country code" +
                   (hint.empty() ? "" : " (did you mean `" + std::string(hint) + "`?)"));
    return false;
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
    if (is_country_path(path) && !check_country_value(r, n, path)) return std::nullopt;
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
            // An empty list has no type to check the proposals' values against, and a test
            // that no value passes (or every value does) is a mistake: refused as `all: []` is.
            if (n.items.empty()) {
                r.error(n, "`in` and `not_in` take a non-empty list of values");
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
        p.history_city = last == "city";
    }
    // Resolved once here: evaluation reads the field by its id and compares as this type.
    p.path = resolve_field(p.field);
    if (p.op == Op::in_history)
        p.operand_type = Value::Type::string;
    else if (!p.values.empty())
        p.operand_type = p.values.front().type;
    return p;
}

}  // namespace

const std::vector<std::string>& known_fields() {
    return fixed_field_paths();
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

}  // namespace kcity
