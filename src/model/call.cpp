// Names of the model's values in messages.
#include "kcity/model/call.hpp"

#include <algorithm>

namespace kcity {

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

Value text_value(const std::string& s, const Position& where) {
    Value v;
    v.type = Value::Type::string;
    v.text = s;
    v.where = where;
    return v;
}

void read_date_text(Value& v) {
    // Only text shaped YYYY-MM-DD... or YYYY.M... can be a date: other text (most of it) is not
    // parsed.
    const std::string& t = v.text;
    if (v.type != Value::Type::string || t.size() < 8) return;
    if (t[4] != '.' && (t.size() < 10 || t[4] != '-' || t[7] != '-')) return;
    DateParse d = parse_datetime(t);
    if (!d.ok) return;
    v.text_is_date = true;
    v.date = d.value;
}

namespace {

struct FieldName {
    const char* path;
    Field field;
};
constexpr FieldName field_names[] = {
    {"id", Field::id},
    {"track", Field::track},
    {"country", Field::country},
    {"city", Field::city},
    {"domain", Field::domain},
    {"requested_krw", Field::requested_krw},
    {"submitted_at", Field::submitted_at},
    {"applicant.name", Field::applicant_name},
    {"applicant.type", Field::applicant_type},
    {"applicant.country", Field::applicant_country},
    {"partner.name", Field::partner_name},
    {"partner.type", Field::partner_type},
    {"partner.country", Field::partner_country},
};

}  // namespace

FieldPath resolve_field(std::string_view path) {
    constexpr std::string_view attributes = "attributes.";
    if (path.starts_with(attributes))
        return {Field::attribute, std::string(path.substr(attributes.size()))};
    auto it = std::find_if(std::begin(field_names), std::end(field_names),
                           [&](const FieldName& f) { return path == f.path; });
    return {it == std::end(field_names) ? Field::none : it->field, {}};
}

const std::vector<std::string>& fixed_field_paths() {
    static const std::vector<std::string> paths = [] {
        std::vector<std::string> out;
        for (const auto& f : field_names) out.emplace_back(f.path);
        return out;
    }();
    return paths;
}

}  // namespace kcity
