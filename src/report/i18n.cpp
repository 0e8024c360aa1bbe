// The message table: every label, status and reason message a report shows, in English and
// Korean. Code elsewhere names an entry and gives its values; nothing else holds UI text.
#include "kcity/report/i18n.hpp"

#include <algorithm>
#include <string_view>

#include "kcity/base/countries.hpp"

namespace kcity {
namespace {

// Sorted by key (checked below), looked up by binary search. A template's {0}..{9} are filled
// with values in the same language; both languages use the same slots (a unit test checks).
// Keys: a reason's message by the reason (`budget`, `shortfall-budget`, ...); `label.*` words
// of every report; `html.*` those only the HTML report has; `explain.*` the steps of `kcity
// explain`; `status.*` and `method.*` the words for the rules' and the result's values.
constexpr Message table[] = {
    {"award-above", "requests {0}, above the maximum award {1}",
     "신청액 {0}, 최대 지원액 {1} 초과"},
    {"award-below", "requests {0}, below the minimum award {1}",
     "신청액 {0}, 최소 지원액 {1} 미만"},
    // Korean amounts always end in 원, so the particles are 이 and 을.
    {"budget", "its award of {0} exceeds the {1} left", "지원액 {0}이 남은 예산 {1}을 초과"},
    {"budget-stop",
     "the selection stopped at rank {0}, whose award did not fit the budget left (budget_fit: "
     "stop)",
     "{0}위 신청서의 지원액이 남은 예산을 초과하여 선정 중단 (budget_fit: stop)"},
    {"country-cap", "{0} already has {1} selections (max_per_country {2})",
     "{0}에서 이미 {1}건 선정 (국가별 최대 {2}건)"},
    {"country-cap-one", "{0} already has {1} selection (max_per_country {2})",
     "{0}에서 이미 {1}건 선정 (국가별 최대 {2}건)"},
    {"cutoff", "{0} {1} is below its cut-off {2}", "{0} {1}점, 과락 기준 {2}점 미만"},
    {"deadline", "submitted {0}, after the deadline {1}", "{0} 제출, 마감({1}) 이후"},
    {"explain.above", "above: rank {0} {1} score {2} (decided by {3})",
     "바로 위: {0}위 {1}, {2}점 (순서 결정: {3})"},
    {"explain.above-cap", "cap", "최대 지원액으로 조정"},
    {"explain.above-reject", "reject", "탈락"},
    {"explain.absent", "(absent)", "(없음)"},
    {"explain.adjustment", "{0} ({1} points): {2}", "{0}, {1}점: {2}"},
    {"explain.aggregate", "{0}: {1} of ({2}) = {3} → {4}{5}", "{0}: ({2})의 {1} = {3} → {4}{5}"},
    {"explain.applies", "applies", "해당"},
    {"explain.award-range", "award-range: requested {0}, range {1}–{2} (above: {3}): {4}",
     "신청액 {0}, 허용 범위 {1}–{2} (초과 시 {3}): {4}"},
    {"explain.awarded", "awarded {0}", "지원 결정: {0}"},
    {"explain.base", "base = {0} → {1} (rounded half away from zero to {2} places)",
     "기본 점수 = {0} → {1} (소수점 이하 {2}자리로 반올림)"},
    {"explain.base-outcome", "base {0}", "기본 점수 {0}점"},
    {"explain.before", "before it: {0} of {1} selected, {2} of {3} left, {4} selected from {5}{6}",
     "차례가 왔을 때: {0}/{1}건 선정, 예산 {3} 중 {2} 남음, {5}에서 {4}건 선정{6}"},
    {"explain.below", "below: rank {0} {1} score {2} (decided by {3})",
     "바로 아래: {0}위 {1}, {2}점 (순서 결정: {3})"},
    {"explain.below-threshold", "below threshold", "기준 미달"},
    {"explain.by-score", "score", "점수"},
    {"explain.by-tie-break", "tie-break {0}", "동점 처리 기준 {0}"},
    {"explain.cap", " (cap {0})", " (국가별 최대 {0}건)"},
    {"explain.caps", "caps: bonus {0}, penalty {1}", "가감점 상한: 가점 {0}, 감점 {1}"},
    {"explain.cf-award", "no feasible set contains it: its award {0} alone exceeds the budget {1}",
     "이 제안을 포함하는 선정 조합 없음: 지원액 {0}만으로 예산 {1} 초과"},
    {"explain.cf-brings-in", "and would bring in {0}", "대신 함께 선정되는 제안: {0}"},
    {"explain.cf-displaces", "it would displace {0}", "이 제안을 선정하면 제외되는 제안: {0}"},
    {"explain.cf-fewer",
     "no feasible set of {2} contains it: with it at most {0} could be selected (ranks {1}), and "
     "a set that reaches min {2} comes first",
     "이 제안을 포함하여 {2}건을 선정할 수 있는 조합 없음: 포함 시 최대 {0}건({1}위)만 선정 "
     "가능하며, 최소 선정 건수 {2}건을 채우는 조합이 우선"},
    {"explain.cf-fewer-most",
     "with it at most {0} could be selected (ranks {1}), fewer than the optimal set's {2}: the set "
     "with the most selections comes first",
     "이 제안을 포함하면 최대 {0}건({1}위)만 선정 가능하여, {2}건을 선정하는 최적 조합보다 "
     "적음 (선정 건수가 많은 조합이 우선)"},
    {"explain.cf-member", "{0} (rank {1}, score {2})", "{0} ({1}위, {2}점)"},
    {"explain.cf-none", "no feasible set contains it (max or max_per_country is 0)",
     "이 제안을 포함하는 선정 조합 없음 (최대 선정 건수 또는 국가별 최대 건수가 0)"},
    {"explain.cf-set", "the best set with it: ranks {0}, total score {1}, awards {2} of {3}",
     "이 제안을 포함하는 최선의 조합: {0}위, 총점 {1}점, 지원액 {2} (예산 {3})"},
    {"explain.cf-short", "its total is {0} points below the optimal set's {1}",
     "총점이 최적 조합의 {1}점보다 {0}점 낮음"},
    {"explain.cf-tie",
     "its total equals the optimal set's {0}; the optimal set comes first in rank order",
     "총점은 최적 조합과 같은 {0}점이나, 순위 비교에서 최적 조합이 앞섬"},
    {"explain.committee-award", " (committee's award)", " (위원회 결정 지원액)"},
    {"explain.cutoff", "{0} {1} against cut-off {2}: {3}", "{0} {1}점 (과락 기준 {2}점): {3}"},
    {"explain.deadline", "deadline: submitted {0}, deadline {1}: {2}", "마감 {1}, 제출 {0}: {2}"},
    {"explain.eligible", "eligible", "자격 충족"},
    {"explain.enough-reviews", "enough reviews", "유효 심사 충족"},
    {"explain.excluded", "excluded (conflict of interest)", "제외 (이해충돌)"},
    {"explain.fail", "FAIL", "탈락"},
    {"explain.header", "{0} — {1} ({2}, {3})", "{0} — {1} ({2}, {3})"},
    {"explain.ineligible", "ineligible", "자격 미달"},
    {"explain.lowest-selected",
     "the lowest selected proposal, {0} (rank {1}), scores {2}: {3} points above this one",
     "선정된 최하위 신청서 {0}({1}위)의 점수는 {2}점으로 이 신청서보다 {3}점 높음"},
    {"explain.lowest-selected-below",
     "the lowest selected proposal, {0} (rank {1}), scores {2}: {3} points below this one",
     "선정된 최하위 신청서 {0}({1}위)의 점수는 {2}점으로 이 신청서보다 {3}점 낮음"},
    {"explain.margins", "margins", "점수 여유와 격차"},
    {"explain.mean", "mean", "평균"},
    {"explain.median", "median", "중앙값"},
    {"explain.method", "method {0}; award {1}{2}", "선정 방식 {0}; 지원액 {1}{2}"},
    {"explain.needs-cutoff", "{0}: needs {1} more points", "{0}: 과락 기준까지 {1}점 부족"},
    {"explain.needs-threshold", "needs {0} more base points to reach the threshold",
     "최저 기준까지 기본 점수 {0}점 부족"},
    {"explain.none", "none", "없음"},
    {"explain.not-applies", "does not apply", "해당 없음"},
    {"explain.optimum",
     "optimal set: ranks {0} ({1} selections), total score {2}, awards {3} of {4}",
     "최적 선정 조합: {0}위 ({1}건), 총점 {2}점, 지원액 {3} (예산 {4})"},
    {"explain.pass", "pass", "통과"},
    {"explain.pass-capped", "pass (capped)", "통과 (최대 지원액으로 조정)"},
    {"explain.passed", "passed", "통과"},
    {"explain.rank", "; rank {0}; score {1}", "; 순위 {0}위; 점수 {1}점"},
    {"explain.rank-outcome", "rank {0}", "{0}위"},
    {"explain.review", "{0}: {1} (total {2}): {3}", "{0}: {1} (합계 {2}): {3}"},
    {"explain.rule", "{0} ({1}): {2}", "{0} ({1}): {2}"},
    {"explain.score", "score = base {0} + {1} = {2}", "점수 = 기본 점수 {0} + 가감점 {1} = {2}"},
    {"explain.score-outcome", "score {0}", "점수 {0}점"},
    {"explain.spare-cutoff", "{0}: {1} points above its cut-off", "{0}: 과락 기준보다 {1}점 높음"},
    {"explain.spare-threshold", "could lose {0} base points and still pass the threshold",
     "기본 점수가 {0}점 낮아도 최저 기준 통과"},
    {"explain.status", "track {0}; status {1}", "분야 {0}; 상태 {1}"},
    {"explain.step.adjustments", "adjustments", "가감점"},
    {"explain.step.aggregation", "aggregation", "점수 집계"},
    {"explain.step.cut-offs", "cut-offs", "과락·최저 기준"},
    {"explain.step.decisions", "decisions", "위원회 결정"},
    {"explain.step.eligibility", "eligibility", "자격 검토"},
    {"explain.step.panel", "panel", "심사위원 평가"},
    {"explain.step.ranking", "ranking", "순위"},
    {"explain.step.selection", "selection", "선정"},
    {"explain.tested", "    {0} = {1}", "    {0} = {1}"},
    {"explain.threshold", "base {0} against threshold {1}: {2}",
     "기본 점수 {0}점 (최저 기준 {1}점): {2}"},
    {"explain.trimmed", "trimmed (highest or lowest total)", "절사 (합계 최고 또는 최저)"},
    {"explain.trimmed-mean", "trimmed mean", "절사 평균"},
    {"explain.unscored", "unscored", "미평가"},
    {"explain.used", "used", "반영"},
    {"explain.valid-reviews", "valid reviews {0}, at least {1} needed",
     "유효 심사 {0}건, 최소 {1}건 필요"},
    {"explain.weight", " (weight {0})", " (가중치 {0})"},
    {"html.base", "base", "기본"},
    {"html.budget", "Budget", "예산"},
    {"html.budget-line", "Awarded {0} of {1} ({2}%); {3} left",
     "예산 {1} 중 {0} 지원 ({2}%), 잔액 {3}"},
    {"html.budget-used", "Budget used", "예산 집행"},
    {"html.chart", "Scores in rank order", "순위별 점수"},
    {"html.chart-legend",
     "Each bar is a scored proposal's base score, one segment per criterion (criterion score × "
     "weight), in rank order. The dashed line is the threshold on the base score; selected "
     "proposals are highlighted; a red outline marks a criterion below its cut-off. Adjustment "
     "points are not drawn: the number after a bar is the final score, with the adjustment in "
     "brackets.",
     "막대는 평가 완료된 신청서의 기본 점수를 순위순으로 나타내며, 평가 항목별 점수(항목 점수 × "
     "가중치)를 이어 붙인 것입니다. 점선은 기본 점수의 최저 기준이고, 강조된 행은 선정된 신청서, "
     "빨간 테두리는 과락 기준에 못 미친 항목입니다. 가감점은 막대에 넣지 않았으며, 막대 오른쪽 "
     "숫자가 최종 점수(괄호 안은 가감점)입니다."},
    {"html.detail", "Every proposal", "신청서별 상세 내역"},
    {"html.generated",
     "Generated by kcity {0}. Statuses and reason codes are the stable words of "
     "the JSON report.",
     "kcity {0}에서 생성. 상태와 사유 코드는 JSON 보고서와 같은 고정 코드입니다."},
    {"html.max", "max", "만점"},
    {"html.max-per-country", "max per country", "국가별 최대"},
    {"html.method-merit", "merit (rank order)", "순위순 (merit)"},
    {"html.method-optimal", "optimal set", "최적 조합 (optimal)"},
    {"html.no-chart", "No proposal of this track was scored.", "평가 완료된 신청서가 없습니다."},
    {"html.no-threshold", "no threshold", "최저 기준 없음"},
    {"html.number", "No.", "번호"},
    {"html.of", "of {0}", "목표 {0}건"},
    {"html.of-budget", "of {0}", "예산 {0}"},
    {"html.threshold", "threshold", "최저 기준"},
    {"html.tracks", "Tracks", "분야"},
    {"label.applicant", "Applicant", "신청기관"},
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
    {"label.project", "Project", "사업명"},
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
    {"label.selection-list", "Selection list", "선정 결과"},
    {"label.shortfall", "SHORTFALL", "선정 부족"},
    {"label.shortfall-line", "{0} selected, at least {1} required", "{0}건 선정, 최소 {1}건 필요"},
    {"label.status", "Status", "상태"},
    {"label.title", "Title", "사업명"},
    {"label.track", "Track", "분야"},
    {"label.unscored", "Unscored", "미평가"},
    {"label.warnings", "Warnings", "경고"},
    {"label.withdrawn", "Withdrawn", "철회"},
    {"label.withdrawn-count", "withdrawn", "철회"},
    // The announcement's list says 구분 (선정 / 예비) where the report says 상태.
    {"list.status", "Status", "구분"},
    {"method.merit", "merit", "순위순 (merit)"},
    {"method.optimal", "optimal", "최적 조합 (optimal)"},
    {"optimal", "not part of the optimal set of selections", "최적 선정 조합에 포함되지 않음"},
    {"panel-size", "valid reviews: {0} of the {1} needed", "유효 심사 {0}건 (최소 {1}건 필요)"},
    {"panel-size-conflicts",
     "valid reviews: {0} of the {1} needed ({2} excluded for conflicts of interest)",
     "유효 심사 {0}건 (최소 {1}건 필요, 이해충돌 제외 {2}건)"},
    {"quota", "the quota of {0} selections was already filled", "선정 한도 {0}건이 이미 채워짐"},
    {"quota-one", "the quota of {0} selection was already filled", "선정 한도 {0}건이 이미 채워짐"},
    {"rule-failed", "does not meet the rule: {0}", "{0} 요건 미충족"},
    {"shortfall-budget", "the {0} cheapest candidates need {1}; {2} is available",
     "지원액이 가장 적은 후보 {0}건에도 {1} 필요, 가용 예산 {2}"},
    {"shortfall-budget-all", "the {0} candidates together need {1}; {2} is available",
     "후보 {0}건 전체에 {1} 필요, 가용 예산 {2}"},
    {"shortfall-budget-one", "the cheapest candidate needs {1}; {2} is available",
     "지원액이 가장 적은 후보에도 {1} 필요, 가용 예산 {2}"},
    {"shortfall-budget-only", "the only candidate needs {1}; {2} is available",
     "유일한 후보에도 {1} 필요, 가용 예산 {2}"},
    // How many passed each step (SPEC §6 steps 1, 2 and 5), so that the secretariat sees where
    // the candidates were lost; the `-withdrawn` forms also count those who withdrew after
    // passing them, so that the numbers add up to the candidates.
    {"shortfall-candidates",
     "only {0} candidates, at least {1} needed: {2} received, {3} eligible, {4} scored, {5} passed "
     "the cut-offs and threshold",
     "후보 {0}건 (최소 {1}건 필요): 접수 {2}건, 자격 충족 {3}건, 평가 완료 {4}건, 과락·최저 기준 "
     "통과 {5}건"},
    {"shortfall-candidates-one",
     "only {0} candidate, at least {1} needed: {2} received, {3} eligible, {4} scored, {5} passed "
     "the cut-offs and threshold",
     "후보 {0}건 (최소 {1}건 필요): 접수 {2}건, 자격 충족 {3}건, 평가 완료 {4}건, 과락·최저 기준 "
     "통과 {5}건"},
    {"shortfall-candidates-withdrawn",
     "only {0} candidates, at least {1} needed: {2} received, {3} eligible, {4} scored, {5} passed "
     "the cut-offs and threshold, {6} withdrawn",
     "후보 {0}건 (최소 {1}건 필요): 접수 {2}건, 자격 충족 {3}건, 평가 완료 {4}건, 과락·최저 기준 "
     "통과 {5}건, 철회 {6}건"},
    {"shortfall-candidates-withdrawn-one",
     "only {0} candidate, at least {1} needed: {2} received, {3} eligible, {4} scored, {5} passed "
     "the cut-offs and threshold, {6} withdrawn",
     "후보 {0}건 (최소 {1}건 필요): 접수 {2}건, 자격 충족 {3}건, 평가 완료 {4}건, 과락·최저 기준 "
     "통과 {5}건, 철회 {6}건"},
    {"shortfall-combined", "no set of {0} candidates fits the budget of {1}",
     "예산 {1} 안에서 후보 {0}건을 선정할 수 있는 조합이 없음"},
    {"shortfall-combined-cap",
     "no set of {0} candidates fits the budget of {1} within the country cap",
     "국가별 최대 건수와 예산 {1} 안에서 후보 {0}건을 선정할 수 있는 조합이 없음"},
    {"shortfall-country", "{0} {1}", "{0} {1}건"},
    {"shortfall-country-cap",
     "the candidates come from {0} countries, at most {1} each: at most {2} selections (capped: "
     "{3})",
     "후보 국가 {0}개국, 국가별 최대 {1}건: 최대 {2}건 선정 가능 (초과: {3})"},
    // One country: `-one`; one country capped at one selection: `-one-one`.
    {"shortfall-country-cap-one",
     "the candidates come from {0} country, at most {1} each: at most {2} selections (capped: {3})",
     "후보 국가 {0}개국, 국가별 최대 {1}건: 최대 {2}건 선정 가능 (초과: {3})"},
    {"shortfall-country-cap-one-one",
     "the candidates come from {0} country, at most {1} each: at most {2} selection (capped: {3})",
     "후보 국가 {0}개국, 국가별 최대 {1}건: 최대 {2}건 선정 가능 (초과: {3})"},
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
    {"text.summary",
     "Received {0}, eligible {1}, scored {2}, candidates {3}; selected {4} of {5}; awarded {6} of "
     "{7}; method {8}",
     "접수 {0}, 자격 충족 {1}, 평가 완료 {2}, 후보 {3}; 선정 {4}건 (목표 {5}건); 지원 {6} / 예산 "
     "{7}; 선정 방식 {8}"},
    // With withdrawals ({9}), which are neither below the threshold nor candidates.
    {"text.summary-withdrawn",
     "Received {0}, eligible {1}, scored {2}, withdrawn {9}, candidates {3}; selected {4} of {5}; "
     "awarded {6} of {7}; method {8}",
     "접수 {0}, 자격 충족 {1}, 평가 완료 {2}, 철회 {9}, 후보 {3}; 선정 {4}건 (목표 {5}건); 지원 "
     "{6} / 예산 {7}; 선정 방식 {8}"},
    {"threshold", "base score {0} is below the threshold {1}",
     "기본 점수 {0}점, 최저 기준 {1}점 미만"},
    {"withdrawn", "withdrawn after applying (decisions.yaml)", "신청 후 철회 (decisions.yaml)"},
};

constexpr bool table_sorted() {
    for (std::size_t i = 1; i < std::size(table); ++i)
        if (!(table[i - 1].key < table[i].key)) return false;
    return true;
}
static_assert(table_sorted(), "keep the message table sorted by key");

const Message* find(std::string_view key) {
    auto it = std::lower_bound(std::begin(table), std::end(table), key,
                               [](const Message& e, std::string_view k) { return e.key < k; });
    return it != std::end(table) && it->key == key ? it : nullptr;
}

// Fills {0}..{9}; `value(n)` is the text of slot n (nullptr: left empty).
template <class Value>
std::string fill(std::string_view tmpl, Value value) {
    std::string out;
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}' && tmpl[i + 1] >= '0' &&
            tmpl[i + 1] <= '9') {
            if (const std::string* v = value(static_cast<std::size_t>(tmpl[i + 1] - '0')))
                out += *v;
            i += 2;
        } else {
            out += tmpl[i];
        }
    }
    return out;
}

std::string_view text_of(const Message& e, Lang lang) {
    return lang == Lang::ko ? e.ko : e.en;
}

std::string group(Krw n) {
    return format_grouped(n);
}

// A reason's or a warning's text: the entry `key` filled with `args`, or `message` as it is
// when there is no such entry.
std::string message_text(const std::string& key, const std::vector<Arg>& args,
                         const std::string& message, Lang lang) {
    const Message* e = key.empty() ? nullptr : find(key);
    if (!e) return message;
    return fill(text_of(*e, lang), [&](std::size_t n) {
        return n < args.size() ? (lang == Lang::ko ? &args[n].ko : &args[n].en) : nullptr;
    });
}

}  // namespace

Lang lang_from_locale(const char* locale) {
    return locale && std::string_view(locale).starts_with("ko") ? Lang::ko : Lang::en;
}

std::string label(std::string_view key, Lang lang) {
    const Message* e = find(key);
    if (!e) return std::string(key);
    return std::string(text_of(*e, lang));
}

std::string format_label(std::string_view key, Lang lang, const std::vector<std::string>& values) {
    const Message* e = find(key);
    if (!e) return std::string(key);
    return fill(text_of(*e, lang),
                [&](std::size_t n) { return n < values.size() ? &values[n] : nullptr; });
}

std::span<const Message> message_table() {
    return table;
}

bool has_message(std::string_view key) {
    return find(key) != nullptr;
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

Arg arg_country_code(const std::string& code) {
    return {code, arg_country(code).ko};
}

Reason make_reason(std::string code, std::string key, std::vector<Arg> args) {
    return Reason{std::move(code), std::move(key), std::move(args)};
}

// A key missing from the table is a programming error that a unit test guards against
// (test_i18n: every reason select.cpp and evaluate.cpp make); the key is shown then.
std::string reason_text(const Reason& r, Lang lang) {
    return message_text(r.key, r.args, r.key, lang);
}

std::string Reason::message() const {
    return reason_text(*this, Lang::en);
}

Warning make_warning(std::string track, std::string code, std::string key, std::vector<Arg> args) {
    Warning w{std::move(track), std::move(code), "", std::move(key), std::move(args)};
    w.message = warning_text(w, Lang::en);
    return w;
}

std::string warning_text(const Warning& w, Lang lang) {
    return message_text(w.key, w.args, w.message, lang);
}

}  // namespace kcity
