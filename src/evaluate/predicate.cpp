// The rules' predicates evaluated on a proposal (SPEC §5), and their type checks. A test's
// field was resolved to an id when the rules were read: evaluation reads the proposal's typed
// value in place, with no path matching, no copy and no formatting.
#include "kcity/evaluate/predicate.hpp"

#include <algorithm>
#include <string_view>

#include "kcity/base/date.hpp"
#include "kcity/base/diagnostics.hpp"
#include "kcity/base/money.hpp"

namespace kcity {
namespace {

// The proposal's value of a field, borrowed from the proposal.
struct FieldView {
    Value::Type type = Value::Type::null;
    std::string_view text;           // string
    const Value* value = nullptr;    // an attribute: its number, boolean, money or date
    Krw money = 0;                   // requested_krw
    const DateTime* date = nullptr;  // submitted_at, a date attribute, a text attribute's date
    bool fixed_text = false;         // a fixed text field (`city`), whose date is not read ahead
};

FieldView text_view(const std::string& s) {
    FieldView f;
    f.type = Value::Type::string;
    f.text = s;
    f.fixed_text = true;
    return f;
}

FieldView party_view(const Party* party, Field part) {
    if (!party) return {};
    switch (part) {
        case Field::applicant_name:
        case Field::partner_name:
            return text_view(party->name);
        case Field::applicant_type:
        case Field::partner_type:
            return text_view(party->type);
        default:
            return party->country ? text_view(*party->country) : FieldView{};
    }
}

FieldView read_field(const FieldPath& path, const Proposal& p) {
    switch (path.field) {
        case Field::none:
            return {};
        case Field::id:
            return text_view(p.id);
        case Field::track:
            return text_view(p.track);
        case Field::country:
            return text_view(p.country);
        case Field::city:
            return text_view(p.city);
        case Field::domain:
            return p.domain ? text_view(*p.domain) : FieldView{};
        case Field::requested_krw: {
            FieldView f;
            f.type = Value::Type::money;
            f.money = p.requested_krw;
            return f;
        }
        case Field::submitted_at: {
            FieldView f;
            f.type = Value::Type::date;
            f.date = &p.submitted_at;
            return f;
        }
        case Field::applicant_name:
        case Field::applicant_type:
        case Field::applicant_country:
            return party_view(&p.applicant, path.field);
        case Field::partner_name:
        case Field::partner_type:
        case Field::partner_country:
            return party_view(p.partner ? &*p.partner : nullptr, path.field);
        case Field::attribute: {
            const Value* v = p.attribute(path.attribute);
            if (!v || v->type == Value::Type::null) return {};
            FieldView f;
            f.type = v->type;
            f.text = v->text;
            f.value = v;
            f.money = v->money;
            if (v->type == Value::Type::date || v->text_is_date) f.date = &v->date;
            return f;
        }
    }
    return {};
}

// The value seen as the type the rule compares with: itself, or a text's date. `parsed` holds
// the date of a fixed text field, the one text not read as a date ahead: a rule comparing a
// city or a name with a date is odd, but SPEC §5 gives it a meaning.
bool as_type(FieldView& f, Value::Type want, DateTime& parsed) {
    if (f.type == want) return true;
    if (f.type != Value::Type::string || want != Value::Type::date) return false;
    if (f.fixed_text) {
        DateParse d = parse_datetime(f.text);
        if (!d.ok) return false;
        parsed = d.value;
        f.date = &parsed;
    }
    if (!f.date) return false;
    f.type = Value::Type::date;
    return true;
}

template <class T>
int three_way(const T& a, const T& b) {
    return a < b ? -1 : b < a ? 1 : 0;
}

// `f` has the type the rule compares as (as_type); `rule` has it too unless the rule had an
// error, and is then never evaluated.
int compare(const FieldView& f, const Value& rule, int tz) {
    switch (f.type) {
        case Value::Type::number:
            return three_way(f.value->number, rule.number);
        case Value::Type::money:
            return three_way(f.money, rule.money);
        case Value::Type::date:
            return compare_dates(*f.date, rule.date, tz);
        case Value::Type::boolean:
            return three_way(f.value->boolean, rule.boolean);
        case Value::Type::string:
            return three_way(f.text, std::string_view(rule.text));
        case Value::Type::null:
            return 0;
    }
    return 0;
}

bool in_history(std::string_view v, bool city, const Proposal& p, const PredicateContext& ctx) {
    if (!ctx.history) return false;
    for (const auto& h : *ctx.history) {
        if (h.year >= ctx.year) continue;
        if (city ? (h.city && *h.city == v && h.country == p.country) : h.country == v) return true;
    }
    return false;
}

bool evaluate_test(const Predicate& t, const Proposal& p, const PredicateContext& ctx) {
    // Well defined even for a test whose operand had an error (it is never evaluated then).
    if (t.values.empty()) return false;
    FieldView f = read_field(t.path, p);
    bool present = f.type != Value::Type::null;
    if (t.op == Op::exists) return present == t.values[0].boolean;
    if (!present) return false;
    if (t.op == Op::in_history)  // on the text as written (a value of another type is refused)
        return in_history(f.text, t.history_city, p, ctx) == t.values[0].boolean;
    DateTime parsed;
    if (!as_type(f, t.operand_type, parsed)) return false;  // refused by check_types before
    auto cmp = [&](const Value& rule) { return compare(f, rule, ctx.tz_minutes); };
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

// A fixed field's value as a Value, with the text shown in messages.
Value fixed_value(const Proposal& p, Field field, const FieldView& f) {
    auto at = [&](const char* key) { return p.at.find(key).value_or(p.where); };
    Value v;
    switch (field) {
        case Field::requested_krw:
            v.type = Value::Type::money;
            v.money = p.requested_krw;
            v.text = format_grouped(p.requested_krw);
            v.where = at("requested_krw");
            return v;
        case Field::submitted_at:
            v.type = Value::Type::date;
            v.date = p.submitted_at;
            v.text = format_datetime(p.submitted_at);
            v.where = at("submitted_at");
            return v;
        case Field::id:
            return text_value(p.id, p.where);
        case Field::track:
            return text_value(p.track, at("track"));
        case Field::country:
            return text_value(p.country, at("country"));
        case Field::city:
            return text_value(p.city, at("city"));
        case Field::domain:
            return text_value(std::string(f.text), at("domain"));
        case Field::applicant_name:
        case Field::applicant_type:
        case Field::applicant_country:
            return text_value(std::string(f.text), p.applicant.where);
        default:  // the partner's
            return text_value(std::string(f.text), p.partner->where);
    }
}

Value field_value(const Proposal& p, const FieldPath& path) {
    if (path.field == Field::attribute) {
        const Value* v = p.attribute(path.attribute);
        return v ? *v : Value{};
    }
    FieldView f = read_field(path, p);
    return f.type == Value::Type::null ? Value{} : fixed_value(p, path.field, f);
}

}  // namespace

Value lookup_field(const Proposal& p, std::string_view path) {
    return field_value(p, resolve_field(path));
}

Value lookup_field(const Proposal& p, const Predicate& test) {
    return field_value(p, test.path);
}

bool evaluate(const Predicate& p, const Proposal& proposal, const PredicateContext& ctx) {
    switch (p.kind) {
        case Predicate::Kind::test:
            return evaluate_test(p, proposal, ctx);
        case Predicate::Kind::negate:
            return !p.children.empty() && !evaluate(p.children[0], proposal, ctx);
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

namespace {

void check_test(const Predicate& t, const Proposal& proposal, const std::string& rule,
                Diagnostics& diags) {
    if (t.values.empty() || t.op == Op::exists) return;
    FieldView f = read_field(t.path, proposal);
    if (f.type == Value::Type::null) return;
    DateTime parsed;
    if (as_type(f, t.operand_type, parsed)) return;
    // The error path only: the value as a Value, with its text and position.
    Value v = field_value(proposal, t.path);
    if (v.inexact_number) {
        diags.error(v.where, "`" + t.field + "` is " + v.text + ", a number with more than " +
                                 std::to_string(Decimal::max_places) +
                                 " decimal places, which rule `" + rule + "` (" +
                                 t.where.file.str() + ":" + std::to_string(t.where.line) +
                                 ") cannot compare exactly");
        return;
    }
    diags.error(v.where, "`" + t.field + "` is " + type_name(v.type) + " (" + v.text +
                             "), but rule `" + rule + "` (" + t.where.file.str() + ":" +
                             std::to_string(t.where.line) + ") compares it with " +
                             type_name(t.operand_type));
}

}  // namespace

// Walks the tree itself rather than through for_each_test: it runs for every proposal and
// every rule, and a std::function call per test cost more than the test.
void check_types(const Predicate& p, const Proposal& proposal, const std::string& rule,
                 Diagnostics& diags) {
    if (p.kind == Predicate::Kind::test) {
        check_test(p, proposal, rule, diags);
        return;
    }
    for (const auto& c : p.children) check_types(c, proposal, rule, diags);
}

}  // namespace kcity
