// The rules' predicates evaluated on a proposal (SPEC §5), and their type checks.
#include "kcity/evaluate/predicate.hpp"

#include <algorithm>

#include "kcity/base/date.hpp"
#include "kcity/base/diagnostics.hpp"

namespace kcity {
namespace {

std::string_view last_part(std::string_view path) {
    auto dot = path.rfind('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

}  // namespace

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
