// The message table: every label, status and reason message a report shows, in English and
// Korean. Code elsewhere names an entry and gives its values; nothing else holds UI text.
#include "kcity/i18n.hpp"

#include <algorithm>
#include <string_view>

#include "kcity/countries.hpp"

namespace kcity {
namespace {

struct Entry {
    std::string_view key, en, ko;
};

// Sorted by key (checked below), looked up by binary search.
constexpr Entry table[] = {
    {"award-above", "requests {0}, above the maximum award {1}",
     "신청액 {0}: 최대 지원액 {1} 초과"},
    {"award-below", "requests {0}, below the minimum award {1}",
     "신청액 {0}: 최소 지원액 {1} 미만"},
    {"budget", "its award of {0} exceeds the {1} left",
     "지원액 {0}이(가) 남은 예산 {1}을(를) 초과"},
    {"budget-stop",
     "the selection stopped at rank {0}, whose award did not fit the budget left (budget_fit: "
     "stop)",
     "{0}위에서 예산이 부족하여 선정 중단 (budget_fit: stop)"},
    {"country-cap", "{0} already has {1} selected (max_per_country {2})",
     "{0}: 이미 {1}건 선정 (국가별 최대 {2}건)"},
    {"cutoff", "{0} {1} is below its cut-off {2}", "{0} {1}점: 과락 기준 {2}점 미만"},
    {"deadline", "submitted {0}, after the deadline {1}", "{0} 제출: 마감({1}) 이후"},
    {"label.award", "Award", "지원액"},
    {"label.awarded", "awarded", "지원"},
    {"label.below-threshold", "Below threshold", "기준 미달"},
    {"label.budget", "budget", "예산"},
    {"label.candidates", "candidates", "후보"},
    {"label.city", "City", "도시"},
    {"label.country", "Country", "국가"},
    {"label.eligible", "eligible", "자격 충족"},
    {"label.id", "ID", "ID"},
    {"label.ineligible", "Ineligible", "자격 미달"},
    {"label.method", "method", "선정 방식"},
    {"label.none", "(none)", "(없음)"},
    {"label.not-selected", "Not selected", "미선정"},
    {"label.proposals", "Proposals", "신청서"},
    {"label.rank", "Rank", "순위"},
    {"label.reason", "Reason", "사유"},
    {"label.reasons", "Reasons", "사유"},
    {"label.received", "received", "접수"},
    {"label.report", "selection report", "선정 결과 보고서"},
    {"label.request", "Request", "신청액"},
    {"label.reserve", "Reserve", "예비"},
    {"label.rules", "Rules", "규칙"},
    {"label.score", "Score", "점수"},
    {"label.scored", "scored", "평가 완료"},
    {"label.selected", "Selected", "선정"},
    {"label.selected-of", "selected", "선정"},
    {"label.shortfall", "SHORTFALL", "선정 부족"},
    {"label.shortfall-line", "{0} selected, at least {1} required", "{0}건 선정, 최소 {1}건 필요"},
    {"label.unscored", "Unscored", "미평가"},
    {"label.warnings", "Warnings", "경고"},
    {"label.withdrawn", "Withdrawn", "철회"},
    {"optimal", "not part of the optimal set of selections", "최적 선정 조합에 포함되지 않음"},
    {"panel-size", "valid reviews: {0} of the {1} needed", "유효 심사 {0}건 (최소 {1}건 필요)"},
    {"panel-size-conflicts",
     "valid reviews: {0} of the {1} needed ({2} excluded for conflicts of interest)",
     "유효 심사 {0}건 (최소 {1}건 필요, 이해충돌 제외 {2}건)"},
    {"quota", "the quota of {0} selections was already filled", "선정 한도 {0}건이 이미 채워짐"},
    {"rule-failed", "does not meet the rule: {0}", "자격 요건 미충족: {0}"},
    {"shortfall-budget", "the {0} cheapest candidates need {1}; {2} is available",
     "지원액이 가장 적은 후보 {0}건에 {1} 필요, 가용 예산 {2}"},
    {"shortfall-candidates",
     "only {0} candidates passed eligibility, the panel and the cut-offs; at least {1} are needed",
     "자격·심사·과락을 통과한 후보 {0}건, 최소 {1}건 필요"},
    {"shortfall-combined", "no set of {0} candidates fits the budget of {1}{2}",
     "예산 {1}{2} 안에서 후보 {0}건을 선정할 수 있는 조합이 없음"},
    {"shortfall-country-cap",
     "the candidates come from {0} countries, at most {1} each: at most {2} selections ({3})",
     "후보 국가 {0}개국, 국가별 최대 {1}건: 최대 {2}건 선정 가능 ({3})"},
    {"shortfall-merit-order",
     "a feasible set of {0} exists (ranks {1}), but the rank-order walk selected {2}",
     "{0}건을 선정할 수 있는 조합(순위 {1})이 있으나 순위순 선정은 {2}건"},
    {"status.below-threshold", "below threshold", "기준 미달"},
    {"status.ineligible", "ineligible", "자격 미달"},
    {"status.not-selected", "not selected", "미선정"},
    {"status.reserve", "reserve", "예비"},
    {"status.selected", "selected", "선정"},
    {"status.unscored", "unscored", "미평가"},
    {"status.withdrawn", "withdrawn", "철회"},
    {"threshold", "base score {0} is below the threshold {1}",
     "기본 점수 {0}점: 최저 기준 {1}점 미만"},
    {"withdrawn", "withdrawn after applying (decisions.yaml)", "신청 후 철회 (decisions.yaml)"},
};

constexpr bool table_sorted() {
    for (std::size_t i = 1; i < std::size(table); ++i)
        if (!(table[i - 1].key < table[i].key)) return false;
    return true;
}
static_assert(table_sorted(), "keep the message table sorted by key");

const Entry* find(std::string_view key) {
    auto it = std::lower_bound(std::begin(table), std::end(table), key,
                               [](const Entry& e, std::string_view k) { return e.key < k; });
    return it != std::end(table) && it->key == key ? it : nullptr;
}

std::string fill(std::string_view tmpl, const std::vector<Arg>& args, Lang lang) {
    std::string out;
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}' && tmpl[i + 1] >= '0' &&
            tmpl[i + 1] <= '9') {
            std::size_t n = static_cast<std::size_t>(tmpl[i + 1] - '0');
            if (n < args.size()) out += lang == Lang::ko ? args[n].ko : args[n].en;
            i += 2;
        } else {
            out += tmpl[i];
        }
    }
    return out;
}

std::string group(Krw n) {
    return format_grouped(n);
}

}  // namespace

Lang lang_from_locale(const char* locale) {
    return locale && std::string_view(locale).starts_with("ko") ? Lang::ko : Lang::en;
}

std::string label(std::string_view key, Lang lang) {
    const Entry* e = find(key);
    if (!e) return std::string(key);
    return std::string(lang == Lang::ko ? e->ko : e->en);
}

std::string status_label(Status s, Lang lang) {
    return label(std::string("status.") + status_code(s), lang);
}

std::string format_krw_korean(Krw amount) {
    if (amount < 0) return "-" + format_krw_korean(-amount);
    if (amount == 0) return "0원";
    Krw eok = amount / 100'000'000, man = amount / 10'000 % 10'000, won = amount % 10'000;
    std::string out;
    if (eok) out += group(eok) + "억";
    if (man) out += (out.empty() ? "" : " ") + group(man) + "만";
    if (won) out += (out.empty() ? "" : " ") + group(won);
    return out + "원";
}

std::string format_krw(Krw amount, Lang lang) {
    return lang == Lang::ko ? format_krw_korean(amount) : "KRW " + group(amount);
}

std::string country_name(const std::string& code, Lang lang) {
    const Country* c = find_country(code);
    return c ? std::string(lang == Lang::ko ? c->ko : c->en) : code;
}

Arg arg(std::string same) {
    return {same, same};
}
Arg arg_krw(Krw amount) {
    return {format_krw(amount, Lang::en), format_krw(amount, Lang::ko)};
}
Arg arg_text(const LocalText& text) {
    return {text.get(false), text.get(true)};
}

Arg arg_country(const std::string& code) {
    const Country* c = find_country(code);
    if (!c) return arg(code);
    return {std::string(c->en) + " (" + code + ")", std::string(c->ko) + "(" + code + ")"};
}

Reason make_reason(std::string code, std::string key, std::vector<Arg> args) {
    Reason r{std::move(code), "", std::move(key), std::move(args)};
    r.message = reason_text(r, Lang::en);
    return r;
}

std::string reason_text(const Reason& r, Lang lang) {
    const Entry* e = r.key.empty() ? nullptr : find(r.key);
    if (!e) return r.message;
    return fill(lang == Lang::ko ? e->ko : e->en, r.args, lang);
}

}  // namespace kcity
