// Names of the model's values in messages.
#include "kcity/model/call.hpp"

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

}  // namespace kcity
