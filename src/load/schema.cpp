#include "schema.hpp"

#include "kcity/base/countries.hpp"
#include "kcity/base/utf8.hpp"

namespace kcity {

std::optional<LocalText> read_local_text(const YamlReader& r, const YamlNode& n,
                                         std::string_view what) {
    LocalText t;
    if (n.is_map()) {
        MapFields f(r, n, std::string(what));
        const YamlNode* ko = f.optional("ko");
        const YamlNode* en = f.optional("en");
        f.finish();
        if (ko) t.ko = r.text(*ko, std::string(what) + " (ko)").value_or("");
        if (en) t.en = r.text(*en, std::string(what) + " (en)").value_or("");
        if (!ko && !en) {
            r.error(n, std::string(what) + " needs `ko` or `en`");
            return std::nullopt;
        }
        // `{ko: "", en: ""}` or a name of only U+3000 is as blank as "": each part given
        // must say something.
        if (ko && ko->is_scalar() && is_blank_text(t.ko))
            r.error(*ko, std::string(what) + " (ko) is empty");
        if (en && en->is_scalar() && is_blank_text(t.en))
            r.error(*en, std::string(what) + " (en) is empty");
        return t;
    }
    auto s = r.text(n, what);
    if (!s) return std::nullopt;
    if (is_blank_text(*s)) r.error(n, std::string(what) + " is empty");
    t.en = *s;
    return t;
}

std::optional<std::size_t> read_choice(const YamlReader& r, const YamlNode& n,
                                       std::string_view what,
                                       const std::vector<std::string>& choices) {
    auto s = r.text(n, what);
    if (!s) return std::nullopt;
    for (std::size_t i = 0; i < choices.size(); ++i)
        if (choices[i] == *s) return i;
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    r.error(n, std::string(what) + " must be one of " + list + ", not `" + *s + "`" +
                   did_you_mean(*s, choices));
    return std::nullopt;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

std::optional<std::string> read_id(const YamlReader& r, const YamlNode& n, std::string_view what) {
    std::optional<std::string> s;
    if (n.is_scalar() && !n.quoted && (scalar_type(n) == ScalarType::integer))
        s = n.text;  // an id of digits is still an id
    else
        s = r.text(n, what);
    if (!s) return std::nullopt;
    if (!is_valid_id(*s)) {
        r.error(n, std::string(what) + " `" + *s +
                       "` must be 1 to 64 letters, digits, '.', '_' or '-'");
        return std::nullopt;
    }
    return s;
}

std::optional<DateTime> read_date(const YamlReader& r, const YamlNode& n, std::string_view what) {
    if (!n.is_scalar() || scalar_type(n) != ScalarType::string) {
        r.error(n, std::string(what) +
                       " must be a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+09:00]), not " +
                       describe(n));
        return std::nullopt;
    }
    DateParse d = parse_datetime(n.text);
    if (!d.ok) {
        r.error(n, std::string(what) + ": " + d.error);
        return std::nullopt;
    }
    return d.value;
}

std::optional<std::string> read_country(const YamlReader& r, const YamlNode& n,
                                        std::string_view what) {
    auto s = r.text(n, what);
    if (!s) return std::nullopt;
    if (find_country(*s)) return s;
    std::string_view hint = suggest_country(*s);
    r.error(n, std::string(what) + " `" + *s + "` is not an ISO 3166-1 alpha-2 country code" +
                   (hint.empty() ? "" : " (did you mean `" + std::string(hint) + "`?)"));
    return std::nullopt;
}

// A score: a number from 0 to the criterion's maximum with at most two decimals.
std::optional<Decimal> read_score(const YamlReader& r, const YamlNode& n, const Criterion& c) {
    auto s = r.number(n, "the score of `" + c.id + "`", 2);
    if (!s) return std::nullopt;
    if (*s < Decimal{} || *s > c.max) {
        r.error(n, "the score of `" + c.id + "` must be from 0 to " + format_decimal_short(c.max) +
                       ", not " + n.text);
        return std::nullopt;
    }
    return s;
}

}  // namespace kcity
