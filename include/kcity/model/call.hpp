// The values the pipeline works on: a call's rules and proposals, as loaded and checked.
// Plain data; every value that a message may point at keeps its Position.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kcity/base/date.hpp"
#include "kcity/base/decimal.hpp"
#include "kcity/base/diagnostics.hpp"
#include "kcity/base/money.hpp"
#include "kcity/model/scores.hpp"

namespace kcity {

// A name given in both languages ({ko: ..., en: ...}) or as one text.
struct LocalText {
    std::string ko, en;
    const std::string& get(bool korean) const {
        return korean && !ko.empty() ? ko : en.empty() ? ko : en;
    }
};

// A typed scalar: what a predicate compares. Proposals and rules both produce these.
struct Value {
    enum class Type { null, boolean, number, string, date, money };
    Type type = Type::null;
    bool boolean = false;
    // A string whose text is a date of SPEC §3: `date` holds it, read once with the value, so
    // that a rule comparing it with a date (SPEC §5) does not parse the text again.
    bool text_is_date = false;
    // A free attribute written as a number with more than 4 decimal places, which a Decimal
    // cannot hold exactly (`site_lat: 37.566535`): kept as its text, a string, and refused only
    // by a rule that compares it.
    bool inexact_number = false;
    Decimal number;
    std::string text;  // string value; for every type, the text as written
    DateTime date;     // a date, or a string's date when text_is_date
    Krw money = 0;
    Position where;
};

std::string type_name(Value::Type t);                           // "a number", "text", ...
Value text_value(const std::string& s, const Position& where);  // a string Value
// Sets v.text_is_date and v.date when the text of the string `v` is a date (SPEC §3).
void read_date_text(Value& v);

struct Party {
    std::string name, type;
    std::optional<std::string> country;
    Position where;
};

struct Review {
    std::string reviewer;
    Scores scores;          // one per criterion of the track, in the rules' order
    bool conflict = false;  // marked conflicting in a score sheet
    Position where;
    // The worksheet of a workbook the review came from (empty: a CSV sheet or a proposal
    // file), so that a review given again names the sheet of the first one. Interned like a
    // file's name: 8 bytes, where a string took 32 in each of a call's 700,000 reviews.
    FileName sheet;
};

// Positions of a proposal's top-level fields, for messages. A few entries, looked up rarely,
// in every proposal of a call that may hold 100,000: a list of (name, line, column) with the
// file named once is the smallest form. Names are the loader's string literals.
class FieldPositions {
  public:
    void reserve(std::size_t n) { items_.reserve(n); }
    void set(const char* key, const Position& where);
    std::optional<Position> find(std::string_view key) const;

  private:
    struct Entry {
        const char* key;
        int line, column;
    };
    FileName file_;
    std::vector<Entry> items_;
};

struct Proposal {
    std::string id;
    std::string track;
    LocalText title;
    std::string country, city;
    Party applicant;
    std::optional<Party> partner;
    Krw requested_krw = 0;
    DateTime submitted_at;
    std::optional<std::string> domain;
    // Sorted by name (YAML keys are unique): a flat list takes half the memory of a map's nodes.
    std::vector<std::pair<std::string, Value>> attributes;

    const Value* attribute(std::string_view name) const;  // null when absent
    std::vector<std::string> conflicts;
    // Reviewers of panel.yaml whose organisation is the applicant's (or the partner's) name:
    // excluded from this proposal (SPEC §5). Found when the proposal is read, where names are
    // folded (base/fold.hpp), so that evaluation only reads the result.
    struct SameOrganisation {
        std::string reviewer;
        bool partner = false;  // the partner's name, else the applicant's
    };
    std::vector<SameOrganisation> same_organisation;
    std::vector<Review> reviews;
    Position where;     // the document's first line
    FieldPositions at;  // positions of the top-level fields, for messages
};

// A predicate of the rules (SPEC §5): a field test or a combination.
enum class Op {
    equals,
    not_equals,
    in,
    not_in,
    at_least,
    at_most,
    before,
    after,
    exists,
    in_history
};

// The proposal field a test reads, resolved once from its dotted path when the rules are
// read, so that evaluation neither matches paths nor formats values.
enum class Field : std::uint8_t {
    none,  // a path that names no field: absent in every proposal
    id,
    track,
    country,
    city,
    domain,
    requested_krw,
    submitted_at,
    applicant_name,
    applicant_type,
    applicant_country,
    partner_name,
    partner_type,
    partner_country,
    attribute,  // attributes.NAME
};

struct FieldPath {
    Field field = Field::none;
    std::string attribute;  // NAME, for Field::attribute
};

// `country`, `applicant.type`, `attributes.x`, ... as a field; Field::none for any other path.
FieldPath resolve_field(std::string_view path);

// Every path of a fixed field (all but `attributes.NAME`), in the proposal's order.
const std::vector<std::string>& fixed_field_paths();

struct Predicate {
    enum class Kind { test, all, any, negate };
    Kind kind = Kind::test;
    std::string field;   // dotted path as written (test), for messages
    FieldPath path;      // the field it names (test)
    Op op = Op::equals;  // (test)
    // The type the proposal's value is compared as: the operands' type, text for in_history
    // (test). null while the operand had an error: such rules are never evaluated.
    Value::Type operand_type = Value::Type::null;
    bool history_city = false;  // in_history: the path's last part is `city`, not `country`
    std::vector<Value> values;  // one value, or the non-empty list of `in`/`not_in` (test)
    std::vector<Predicate> children;
    Position where;
};

struct Criterion {
    std::string id;
    LocalText name;
    Decimal max;
    std::optional<Decimal> cutoff;
    Decimal weight = Decimal::from_int(1);
    // The weight one run of `kcity robustness` gives it (SPEC §9: weight × a factor, exactly,
    // which a Decimal cannot hold); unset in every other run. Evaluation reads exact_weight().
    std::optional<Rational> run_weight;
    Position where;

    Rational exact_weight() const { return run_weight ? *run_weight : Rational(weight); }
};

struct EligibilityRule {
    std::string id;
    LocalText name;
    Predicate require;
    Position where;
};

struct Adjustment {
    std::string id;
    LocalText name;
    Predicate when;
    Decimal points;
    std::string points_text;  // as written in the rules, for the report
    Position where;
};

enum class Aggregate { mean, median, trimmed_mean };
enum class Method { merit, optimal };
enum class BudgetFit { skip, stop, reduce };
// SPEC §6 step 2a: `panel.calibrate`.
enum class Calibrate { none, offset };

struct TieKey {
    enum class Kind { criterion, base, requested_krw, submitted_at, id, lottery };
    Kind kind = Kind::id;
    std::size_t criterion = 0;  // index, for Kind::criterion
    bool descending = false;    // higher (later) first
    std::string text;           // as written
    // Kind::lottery: program.yaml's lottery_seed, so that comparing needs nothing else (SPEC §6:
    // ascending SHA-256 hex of SEED + newline + id).
    std::string seed;
};

struct SelectionRules {
    int min = 0, max = 0;
    Krw budget_krw = 0;
    std::optional<int> max_per_country;
    Method method = Method::merit;
    BudgetFit budget_fit = BudgetFit::skip;
    int reserve = 0;
};

struct TrackRules {
    std::string id;
    LocalText name;
    DateTime deadline;
    Krw award_min = 0, award_max = 0;
    bool reject_above_max = false;
    int min_reviewers = 1;
    Aggregate aggregate = Aggregate::trimmed_mean;
    int trim = 1;
    Calibrate calibrate = Calibrate::none;
    std::vector<Criterion> criteria;
    std::optional<Decimal> threshold;
    int rounding = 2;
    std::vector<EligibilityRule> eligibility;
    std::vector<Adjustment> adjustments;
    std::optional<Decimal> cap_bonus, cap_penalty;
    SelectionRules selection;
    std::vector<TieKey> tie_break;
    std::string file;
    // Its file had errors: proposals are then not checked against its criteria, predicates
    // or award range, since those checks would only repeat the rules' errors.
    bool has_errors = false;

    // Index of the criterion with this id, or -1.
    int criterion_index(std::string_view id) const;
};

struct HistoryEntry {
    int year = 0;
    std::string track, country;
    std::optional<std::string> city;
};

struct Decisions {
    std::map<std::string, Position> withdrawn;
    std::map<std::string, std::pair<Krw, Position>> awards;
};

// A reviewer of rules/panel.yaml (SPEC §5).
struct PanelMember {
    std::string id;
    LocalText name;
    std::optional<std::string> organisation;
    std::string organisation_key;     // folded (base/fold.hpp); empty without an organisation
    std::vector<std::string> tracks;  // empty: every track
    Position where;

    bool sits_on(std::string_view track) const;
};

struct Panel {
    bool present = false;  // the rules have a panel.yaml
    // panel.yaml had errors: reviewers are then not checked against it, since a member may be
    // missing only because of them.
    bool has_errors = false;
    std::vector<PanelMember> members;  // in the file's order

    const PanelMember* find(std::string_view id) const;  // null when not listed
    // The member named `text` by id or by name (names compared folded); null when none.
    const PanelMember* named(std::string_view text) const;
};

// Who signs the HTML report: the committee's name, the meeting's date and the approval box's
// titles (결재란, left to right). From program.yaml's optional `committee` block, each field
// overridden by `score --committee`, `--meeting-date`, `--approval`. Changes no decision.
struct Committee {
    LocalText name;
    std::optional<DateTime> meeting_date;  // a plain date
    std::vector<LocalText> approval;
};

struct Program {
    std::string name;
    int year = 0;
    int tz_minutes = 540;
    Krw budget_krw = 0;
    std::vector<std::string> tracks;
    // Fixed and published before the deadline: the `lottery` tie-break's seed (SPEC §5, §6).
    std::optional<std::string> lottery_seed;
    // When results are announced, and the days after it to object (이의신청): the letters
    // (SPEC §11) give the last day when both are set.
    std::optional<DateTime> results_date;
    std::optional<int> appeal_days;
    Committee committee;
    // program.yaml had errors (or names a track without its file): a proposal's track is then
    // not checked against `tracks`, which may be incomplete.
    bool has_errors = false;
};

struct Rules {
    Program program;
    std::vector<TrackRules> tracks;  // in program.yaml's order
    std::vector<HistoryEntry> history;
    Decisions decisions;
    Panel panel;
    std::string origin;  // the rules folder as named, or "built-in (2023)"
    std::string sha256;  // SPEC §8 inputs.rules_sha256

    const TrackRules* track(std::string_view id) const;
};

// Everything one run reads.
struct Call {
    Rules rules;
    std::vector<Proposal> proposals;  // sorted by id
    std::string proposals_sha256;     // SPEC §8 inputs.proposals_sha256
};

}  // namespace kcity
