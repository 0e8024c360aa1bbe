// Korean won amounts (SPEC §3). Everything is computed with integers: "4.5억" must be exactly
// 450,000,000, and a floating-point detour could round a fraction of a won into a whole one.
#include "kcity/base/money.hpp"

#include <array>
#include <optional>
#include <string>
#include <utility>

namespace kcity {
namespace {

constexpr std::string_view won_suffix = "원";

struct Unit {
    std::string_view name;
    Krw value;
    int zeros;  // value == 10^zeros
};

// No name is a prefix of another, so matching does not depend on the order; the table lists
// the units as amounts are written, largest first.
constexpr std::array<Unit, 4> units{{
    {"억", 100'000'000, 8},
    {"천만", 10'000'000, 7},
    {"백만", 1'000'000, 6},
    {"만", 10'000, 4},
}};

// The multipliers inside a number before 억 or 만 ("2천3백만"): not units of their own, since
// "4억 5천" alone could mean 5천만 or 5천 won.
constexpr std::array<Unit, 2> inner_units{{
    {"천", 1'000, 3},
    {"백", 100, 2},
}};
constexpr const Unit& eok_unit = units[0];
constexpr const Unit& man_unit = units[3];

// What a written amount may start with (SPEC §3): "₩450,000,000", "KRW 450,000,000".
constexpr std::array<std::string_view, 2> currency_prefixes{"₩", "KRW"};

// The last term may be plain digits only below the smallest unit, so that "1억 10000" (which
// could be a typo for 1억 1000 or 1억 1만) is never read silently.
constexpr Krw plain_term_limit = 10'000;

MoneyParse fail(std::string error) {
    return MoneyParse{false, 0, std::move(error)};
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_space(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string quoted(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

// Value of a run of digits, saturated just above max_krw so that huge inputs cannot overflow.
Krw digits_value(std::string_view digits) {
    Krw value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') continue;  // separators
        value = value * 10 + (c - '0');
        if (value > max_krw) value = max_krw + 1;
    }
    return value;
}

// ---------------------------------------------------------------- float notation

// "4.5e8", "45E7", "4.5e+8": YAML floats that a spreadsheet or a careless editor produces.
struct FloatNotation {
    bool negative = false;
    std::string_view int_digits, frac_digits, exp_digits;
    bool exp_negative = false;
};

std::optional<FloatNotation> as_float_notation(std::string_view s) {
    FloatNotation f;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) f.negative = s[i++] == '-';
    std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    f.int_digits = s.substr(start, i - start);
    if (i < s.size() && s[i] == '.') {
        start = ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
        f.frac_digits = s.substr(start, i - start);
    }
    if (f.int_digits.empty() && f.frac_digits.empty()) return std::nullopt;
    if (i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return std::nullopt;
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) f.exp_negative = s[i++] == '-';
    start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    f.exp_digits = s.substr(start, i - start);
    if (f.exp_digits.empty() || i != s.size()) return std::nullopt;
    return f;
}

// The exact whole-won value of a float notation, when it has one within range.
std::optional<Krw> float_value(const FloatNotation& f) {
    std::string_view frac = f.frac_digits;
    while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
    if (f.negative || f.exp_digits.size() > 3) return std::nullopt;
    int shift = static_cast<int>(digits_value(f.exp_digits));
    if (f.exp_negative) shift = -shift;
    shift -= static_cast<int>(frac.size());
    Krw value = digits_value(std::string(f.int_digits) + std::string(frac));
    for (; shift < 0; ++shift) {
        if (value % 10 != 0) return std::nullopt;
        value /= 10;
    }
    for (; shift > 0 && value != 0; --shift) {
        if (value > max_krw / 10) return std::nullopt;
        value *= 10;
    }
    if (value > max_krw) return std::nullopt;
    return value;
}

// "4.5억" for 450000000, "5000만" for 50000000: the Korean form to suggest instead.
std::optional<std::string> korean_form(Krw value) {
    constexpr Krw eok = 100'000'000;
    if (value >= eok) {
        std::string text = std::to_string(value / eok);
        if (Krw rest = value % eok; rest != 0) {
            std::string frac = std::to_string(rest + eok).substr(1);  // 8 digits, zero-padded
            while (frac.back() == '0') frac.pop_back();
            text += "." + frac;
        }
        return text + "억";
    }
    if (value >= 10'000 && value % 10'000 == 0) return std::to_string(value / 10'000) + "만";
    return std::nullopt;
}

std::string float_notation_error(std::string_view text, const FloatNotation& f) {
    std::string error = std::string(text) + " is float notation; write ";
    std::optional<Krw> value = float_value(f);
    if (!value) return error + "a whole number of won such as 450000000 or 4.5억";
    error += std::to_string(*value);
    if (std::optional<std::string> korean = korean_form(*value)) error += " or " + *korean;
    return error;
}

// ---------------------------------------------------------------- numbers and terms

// A NUMBER as written: digits with optional ',' or '_' separators, then an optional ".digits".
struct Number {
    std::string_view integer;   // with separators
    std::string_view fraction;  // digits after '.', empty when none
    bool has_point = false;
};

class Scanner {
  public:
    explicit Scanner(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ == text_.size(); }
    std::size_t pos() const { return pos_; }
    std::string_view rest() const { return text_.substr(pos_); }
    std::string_view slice(std::size_t from) const { return text_.substr(from, pos_ - from); }
    std::string_view view(std::size_t from, std::size_t to) const {
        return text_.substr(from, to - from);
    }

    void skip_spaces() {
        while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    }

    bool eat(std::string_view word) {
        if (!rest().starts_with(word)) return false;
        pos_ += word.size();
        return true;
    }

    std::optional<Number> number() {
        if (at_end() || !is_digit(text_[pos_])) return std::nullopt;
        Number n;
        std::size_t start = pos_;
        while (pos_ < text_.size() &&
               (is_digit(text_[pos_]) || text_[pos_] == ',' || text_[pos_] == '_')) {
            ++pos_;
        }
        n.integer = text_.substr(start, pos_ - start);
        // A point counts only when digits follow; "4.억" leaves the '.' as unexpected text.
        if (pos_ + 1 < text_.size() && text_[pos_] == '.' && is_digit(text_[pos_ + 1])) {
            start = ++pos_;
            while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
            n.fraction = text_.substr(start, pos_ - start);
            n.has_point = true;
        }
        return n;
    }

    const Unit* unit() {
        for (const Unit& u : units) {
            if (eat(u.name)) return &u;
        }
        return nullptr;
    }

    const Unit* inner_unit() {
        for (const Unit& u : inner_units) {
            if (eat(u.name)) return &u;
        }
        return nullptr;
    }

    bool at_inner_unit() const {
        return rest().starts_with(inner_units[0].name) || rest().starts_with(inner_units[1].name);
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

// Separators must cut the digits into groups of three ("4,50,000" is refused: it is either a
// typo or an Indian-style grouping, and guessing could be off by a factor of ten).
std::optional<std::string> grouping_error(std::string_view integer, std::string_view text,
                                          bool underscore_allowed) {
    bool comma = integer.find(',') != std::string_view::npos;
    bool underscore = integer.find('_') != std::string_view::npos;
    if (comma && underscore) return std::string(text) + ": mixes , and _ between digits";
    if (underscore && !underscore_allowed) {
        return std::string(text) + ": group the digits of a term with commas, not _";
    }
    if (!comma && !underscore) return std::nullopt;
    char separator = comma ? ',' : '_';
    std::size_t group_start = 0;
    for (std::size_t i = 0; i <= integer.size(); ++i) {
        if (i < integer.size() && integer[i] != separator) continue;
        std::size_t length = i - group_start;
        bool first = group_start == 0;
        if (length == 0 || length > 3 || (!first && length != 3)) {
            return std::string(text) + ": " + (comma ? "commas" : "underscores") +
                   " must separate the digits in groups of three";
        }
        group_start = i + 1;
    }
    return std::nullopt;
}

std::optional<std::string> leading_zero_error(std::string_view integer, std::string_view text) {
    if (integer.size() > 1 && integer[0] == '0') {
        return std::string(text) + " has a leading zero";
    }
    return std::nullopt;
}

std::optional<std::string> number_error(const Number& n, std::string_view text,
                                        bool underscore_allowed) {
    if (auto error = leading_zero_error(n.integer, text)) return error;
    return grouping_error(n.integer, text, underscore_allowed);
}

std::string too_large(std::string_view text) {
    return std::string(text) + " is more than 10^15 won";
}

std::string not_whole(std::string_view text) {
    return std::string(text) + " is not a whole number of won";
}

// A number without a unit is whole won: "4.5" is refused, and so is "450000000.0", whose
// point says nothing.
std::string point_without_unit(std::string_view text, const Number& n) {
    if (n.fraction.find_first_not_of('0') != std::string_view::npos) return not_whole(text);
    return std::string(text) + ": write whole won without a decimal point";
}

std::string unexpected(std::string_view text, std::string_view rest) {
    std::string error = std::string(text) + " is not an amount: unexpected " + quoted(rest);
    if (!rest.empty() && static_cast<unsigned char>(rest[0]) >= 0x80) {
        error += " (units are 억, 천만, 백만 and 만)";  // most likely a unit kcity does not know
    }
    return error;
}

// NUMBER × unit, exactly; the fraction must not leave a part of a won.
std::optional<Krw> term_value(const Number& n, const Unit& unit, std::string& error,
                              std::string_view text) {
    std::string_view frac = n.fraction;
    while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
    if (static_cast<int>(frac.size()) > unit.zeros) {
        error = not_whole(text);
        return std::nullopt;
    }
    Krw whole = digits_value(n.integer);
    if (whole > max_krw / unit.value) {
        error = too_large(text);
        return std::nullopt;
    }
    Krw frac_scale = 1;
    for (int i = static_cast<int>(frac.size()); i < unit.zeros; ++i) frac_scale *= 10;
    return whole * unit.value + digits_value(frac) * frac_scale;
}

// ---------------------------------------------------------------- the two forms

// After the last term: an optional 원, then nothing. Takes a copy: a caller that finds more
// text goes on from where the term ended.
bool at_clean_end(Scanner s) {
    s.skip_spaces();
    s.eat(won_suffix);
    return s.at_end();
}

std::string_view rest_after_spaces(Scanner s) {
    s.skip_spaces();
    return s.rest();
}

// "450000000", "450_000_000", "450,000,000원".
MoneyParse parse_plain(std::string_view text, const Number& n, const Scanner& s) {
    if (!at_clean_end(s)) return fail(unexpected(text, rest_after_spaces(s)));
    if (auto error = number_error(n, text, true)) return fail(*error);
    if (n.has_point) return fail(point_without_unit(text, n));
    Krw value = digits_value(n.integer);
    if (value > max_krw) return fail(too_large(text));
    return MoneyParse{true, value, {}};
}

struct Term {
    Number number;
    const Unit* unit = nullptr;  // nullptr: a last term of plain digits
    std::string_view written;    // "2,345만", for messages
    // The number before the unit when written with 천 and 백 ("2천3백" = 2300); with no unit
    // after it, the term is refused with both of its readings.
    std::optional<Krw> inner;
};

std::string krw_words(Krw value) {
    return format_grouped(value) + " won";
}

// "4억 5천" or "3천5백원": 천 or 백 with no unit after it. People mean 4억 5천만 more often
// than 4억 5천원, but a decision on public money cannot guess, so the message shows both.
std::string missing_unit_error(std::string_view text, const Term& term, Krw total_before,
                               const Unit* previous) {
    std::string before(text.substr(0, static_cast<std::size_t>(term.written.data() - text.data())));
    std::string written(term.written);
    std::string error = std::string(text) + " has no unit after " + written + ": write ";
    Krw as_man = *term.inner * man_unit.value;
    if (!previous || as_man < previous->value) {
        error += before + written + "만 (" + krw_words(total_before + as_man) + ") or ";
    }
    return error + before + std::to_string(*term.inner) + " (" +
           krw_words(total_before + *term.inner) + ")";
}

// A last term of plain digits after unit terms: "6,789" in "1억 2,345만 6,789원".
std::optional<std::string> plain_term_error(std::string_view text, const Term& term) {
    if (auto error = number_error(term.number, text, false)) return error;
    if (term.number.has_point) return point_without_unit(text, term.number);
    if (digits_value(term.number.integer) >= plain_term_limit) {
        return std::string(text) + ": the last term " + std::string(term.written) +
               " has no unit, so it must be below 10,000";
    }
    return std::nullopt;
}

// The value of one term, checked against the unit of the term before it (nullptr for the
// first): each term must be worth less than that unit, which refuses "5천만 4억", "1억 1억"
// and "4억 15천만" — amounts that overlap are typos more often than intentions.
std::optional<Krw> checked_term(std::string_view text, const Term& term, const Unit* previous,
                                std::string& error) {
    std::optional<Krw> value;
    if (term.inner) {
        value = *term.inner * term.unit->value;  // below 10^4 × 10^8: no overflow
    } else if (term.unit) {
        if (auto e = number_error(term.number, text, false)) {
            error = *e;
            return std::nullopt;
        }
        value = term_value(term.number, *term.unit, error, text);
    } else if (auto e = plain_term_error(text, term)) {
        error = *e;
    } else {
        value = digits_value(term.number.integer);
    }
    if (value && previous && *value >= previous->value) {
        error = "terms out of order in " + std::string(text) + ": " + std::string(term.written) +
                " must be worth less than one " + std::string(previous->name);
        return std::nullopt;
    }
    return value;
}

// One part of a number written with 천 and 백: a digit before 천 or 백, or the plain digits
// after them ("50" in "2천50만"). Each part is worth less than `limit`, the part before's
// multiplier, so that "3백2천만" and "2천1500만" are refused.
std::optional<Krw> inner_part(std::string_view text, const Number& n, const Unit* multiplier,
                              Krw limit, std::string& error) {
    if (multiplier && (n.integer.size() != 1 || n.has_point || n.integer[0] == '0')) {
        error = std::string(text) + ": write a single digit 1-9 before " +
                std::string(multiplier->name);
        return std::nullopt;
    }
    if (!multiplier) {
        if (auto e = number_error(n, text, false)) {
            error = *e;
            return std::nullopt;
        }
        if (n.has_point) {
            error = point_without_unit(text, n);
            return std::nullopt;
        }
    }
    Krw value = digits_value(n.integer) * (multiplier ? multiplier->value : 1);
    if (value >= limit) {
        error = "terms out of order in " + std::string(text) + ": " + std::string(n.integer) +
                (multiplier ? std::string(multiplier->name) : "") + " must be worth less than " +
                format_grouped(limit);
        return std::nullopt;
    }
    return value;
}

// "2천3백" before 만 or 억 (SPEC §3: "1억2천3백만원"), the scanner just after the first digit
// and at its 천 or 백. A term with `inner` set and no unit when nothing follows: the caller
// refuses it with both readings.
std::optional<Term> inner_term(std::string_view text, std::size_t start, Number n, Scanner& s,
                               std::string& error) {
    Krw count = 0;
    Krw limit = man_unit.value;  // the whole number is below 10,000
    for (;;) {
        const Unit* multiplier = s.inner_unit();
        std::optional<Krw> part = inner_part(text, n, multiplier, limit, error);
        if (!part) return std::nullopt;
        count += *part;
        limit = multiplier ? multiplier->value : 1;
        std::size_t end = s.pos();
        Scanner after = s;
        s.skip_spaces();
        if (s.eat(eok_unit.name)) return Term{n, &eok_unit, s.slice(start), count};
        if (s.eat(man_unit.name)) return Term{n, &man_unit, s.slice(start), count};
        if (at_clean_end(after)) {
            s = after;
            return Term{n, nullptr, s.view(start, end), count};
        }
        if (!multiplier) {
            error = unexpected(text, rest_after_spaces(after));
            return std::nullopt;
        }
        std::optional<Number> next = s.number();
        if (!next) {
            error = unexpected(text, s.rest());
            return std::nullopt;
        }
        n = *next;
    }
}

// Reads the next term, or explains what stands where a term should be.
std::optional<Term> next_term(std::string_view text, Scanner& s, std::string& error) {
    s.skip_spaces();
    std::size_t start = s.pos();
    std::optional<Number> n = s.number();
    if (!n) {
        error = unexpected(text, s.rest());
        return std::nullopt;
    }
    std::size_t number_end = s.pos();
    Scanner after_number = s;
    s.skip_spaces();
    if (const Unit* unit = s.unit()) return Term{*n, unit, s.slice(start), std::nullopt};
    s = after_number;
    if (s.at_inner_unit()) return inner_term(text, start, *n, s, error);
    return Term{*n, nullptr, s.view(start, number_end), std::nullopt};
}

// "4억 5천만원", "4.5억", "1억 2,345만 6,789원": terms from the largest unit down, the last
// one possibly plain digits.
MoneyParse parse_terms(std::string_view text, Term term, Scanner& s) {
    Krw total = 0;
    const Unit* previous = nullptr;
    std::string error;
    for (;;) {
        if (term.inner && !term.unit) return fail(missing_unit_error(text, term, total, previous));
        std::optional<Krw> value = checked_term(text, term, previous, error);
        if (!value) return fail(error);
        total += *value;
        if (total > max_krw) return fail(too_large(text));
        if (at_clean_end(s)) return MoneyParse{true, total, {}};
        if (!term.unit) return fail(unexpected(text, rest_after_spaces(s)));
        previous = term.unit;
        std::optional<Term> next = next_term(text, s, error);
        if (!next) return fail(error);
        term = *next;
    }
}

}  // namespace

MoneyParse parse_money(std::string_view raw) {
    std::string_view text = trim(raw);
    if (text.empty()) return fail("empty amount");
    if (auto f = as_float_notation(text)) return fail(float_notation_error(text, *f));
    if (text.front() == '-')
        return fail(std::string(text) + " is negative; an amount is 0 or more");
    // The body after "₩" or "KRW", a view into `text`, whose whole is quoted in messages.
    std::string_view body = text;
    for (std::string_view prefix : currency_prefixes) {
        if (!body.starts_with(prefix)) continue;
        body = trim(body.substr(prefix.size()));
        if (body.empty())
            return fail(std::string(text) + ": no amount after " + std::string(prefix));
        if (auto f = as_float_notation(body)) return fail(float_notation_error(text, *f));
        if (body.front() == '-') {
            return fail(std::string(text) + " is negative; an amount is 0 or more");
        }
        break;
    }

    Scanner s(body);
    std::string error;
    std::optional<Term> first = next_term(text, s, error);
    if (!first) return fail(error);
    if (!first->unit && !first->inner) return parse_plain(text, first->number, s);
    return parse_terms(text, *first, s);
}

std::string format_grouped(Krw amount) {
    // Through unsigned so that the most negative value has a magnitude too.
    std::uint64_t magnitude =
        amount < 0 ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    std::string digits = std::to_string(magnitude);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return amount < 0 ? "-" + out : out;
}

std::string format_krw_en(Krw amount) {
    return "KRW " + format_grouped(amount);
}

}  // namespace kcity
