// The message table: every label, status and reason message a report shows, in English and
// Korean. Code elsewhere names an entry and gives its values; nothing else holds UI text.
#include "kcity/report/i18n.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <variant>

#include "kcity/base/countries.hpp"

namespace kcity {
namespace {

// Sorted by key (checked below), looked up by binary search. Slots are named ({budget}); the
// messages of `kcity explain` still number theirs ({0}..{9}, format_label). Both languages use
// the same slots, and every template is well formed: the compiler checks both, below.
// Keys: a reason's message by the reason (`budget`, `shortfall-budget`, ...); `label.*` words
// of every report; `html.*` those only the HTML report has; `explain.*` the steps of `kcity
// explain`; `status.*` and `method.*` the words for the rules' and the result's values.
constexpr Message table[] = {
    // A proposal's adjustments as a reader checks them (adjustments_words): each by name with
    // its points, a cap when one applied, and base → score.
    {"adjust.cap-bonus", "bonuses of {sum} points capped at {cap}",
     "가점 합계 {sum}점, 상한 {cap}점 적용"},
    {"adjust.cap-penalty", "penalties of {sum} points capped at {cap}",
     "감점 합계 {sum}점, 상한 {cap}점 적용"},
    {"adjust.heading", "Adjustments", "가감점"},
    {"adjust.line", "{adjustments}; base {base} → score {score}",
     "{adjustments}; 기본 점수 {base} → 최종 점수 {score}"},
    {"award-above", "requests {requested}, above the maximum award {max}",
     "신청액 {requested}, 최대 지원액 {max} 초과"},
    {"award-below", "requests {requested}, below the minimum award {min}",
     "신청액 {requested}, 최소 지원액 {min} 미만"},
    // Korean amounts always end in 원, so the particles are 이 and 을.
    {"budget", "its award of {award} exceeds the {left} left",
     "지원액 {award}이 남은 예산 {left}을 초과"},
    {"budget-stop",
     "the selection stopped at rank {rank}, whose award did not fit the budget left (budget_fit: "
     "stop)",
     "{rank}위 신청서의 지원액이 남은 예산을 초과하여 선정 중단 (budget_fit: stop)"},
    // Calibration (SPEC §6 step 2a, `panel.calibrate: offset`): the reviewers' offsets in every
    // report, the raw scores beside the calibrated ones, and both in `kcity explain`.
    {"calib.explain-offsets", "calibration (offset): {0}", "점수 보정 (offset): {0}"},
    {"calib.explain-review", "    calibrated: {0} (total {1})", "    보정 후: {0} (합계 {1})"},
    {"calib.explain-score", "without calibration: base {0}, score {1}",
     "보정 전: 기본 점수 {0}, 점수 {1}"},
    {"calib.heading", "Calibration: reviewer offsets", "점수 보정: 평가위원별 편차"},
    {"calib.note",
     "Scores are calibrated (panel.calibrate: offset): each review's score minus its reviewer's "
     "offset, clamped to 0..max. Raw: the score without calibration.",
     "점수 보정 적용 (panel.calibrate: offset): 각 평가 점수에서 평가위원 편차를 빼고 0~만점 "
     "범위로 제한. 보정 전: 보정하지 않은 점수."},
    {"calib.proposals", "Proposals", "비교 신청서"},
    {"calib.raw-score", "Raw", "보정 전"},
    {"calib.reviewer", "Reviewer", "평가위원"},
    // `check`'s warning of a certain shortfall (commands/check.cpp): the run's warning, reasons.
    {"check.shortfall", "track `{track}` falls short: {warning} ({reasons})",
     "분야 `{track}` 선정 미달: {warning} ({reasons})"},
    // Who signs the HTML report (program.yaml `committee`), and its printed pages' footers.
    {"committee.approval", "Approval", "결재"},
    {"committee.budget-key", "Awards in the order of the bar", "막대 순서별 지원액"},
    {"committee.meeting-date", "Meeting date", "회의 일자"},
    {"committee.name", "Committee", "위원회"},
    {"committee.page", "Page {page} of {pages}", "{page} / {pages}쪽"},
    // Why a reviewer is excluded from a proposal (SPEC §6 step 2, §5): the JSON report's
    // `reviews.exclusions` and `kcity explain`.
    {"conflict", "{reviewer} has a declared conflict of interest",
     "{reviewer} 위원 이해충돌 신고 (회피)"},
    {"country-cap",
     "{country} already has {count} {count|selection|selections} (max_per_country {cap})",
     "{country}에서 이미 {count}건 선정 (국가별 최대 {cap}건)"},
    {"cutoff", "{criterion} {score} is below its cut-off {cutoff}",
     "{criterion} {score}점, 과락 기준 {cutoff}점 미만"},
    // The programme's wall time too, when the proposal gave another offset: the deadline is
    // compared in it.
    {"deadline",
     "submitted {submitted}{submitted_local? ({submitted_local})}, after the deadline {deadline}",
     "{submitted}{submitted_local? ({submitted_local})} 제출, 마감({deadline}) 이후"},
    // `kcity diff`: a track's shortfall on either side (both kinds of diff), and `diff --base`'s
    // input changes and the because lines it reads from them.
    {"diff-base.added", "added ({track})", "신청서 추가 ({track})"},
    {"diff-base.award", "committee award {old} → {new}", "위원회 결정 지원액 {old} → {new}"},
    {"diff-base.base", "Base:    {origin}", "기준: {origin}"},
    {"diff-base.budget-left",
     "the budget left at rank {rank} changed: {other}'s award {old} → {new}",
     "{rank}위 시점의 남은 예산 변경: {other} 지원액 {old} → {new}"},
    {"diff-base.change", "Change", "변경 내용"},
    {"diff-base.conflict-declared", "{reviewer}'s conflict of interest declared",
     "{reviewer} 위원 이해충돌 신고"},
    {"diff-base.conflict-dropped", "{reviewer}'s conflict of interest withdrawn",
     "{reviewer} 위원 이해충돌 신고 철회"},
    {"diff-base.country-cap-gone", "country cap: {other} of {country} is no longer selected",
     "국가별 상한: {country} {other} 선정 제외"},
    {"diff-base.country-cap-now", "country cap: {other} of {country} is now selected",
     "국가별 상한: {country} {other} 신규 선정"},
    {"diff-base.current", "Current: {origin}", "현재: {origin}"},
    {"diff-base.fell-behind", "{other} now ranks below it (score {old} → {new})",
     "{other} 순위 역전, 이제 하위 (점수 {old} → {new})"},
    {"diff-base.file", "File", "파일"},
    {"diff-base.input", "Input", "입력"},
    {"diff-base.input-changes", "Input changes", "입력 변경"},
    {"diff-base.joined", "{other} is now a candidate ({old} → {new})",
     "{other} 신규 후보 ({old} → {new})"},
    // diff --base: what kind of input changed, in Korean text and Markdown (English and JSON
    // keep the code, which is what the English says).
    {"diff-base.kind.conflict", "conflict", "이해충돌"},
    {"diff-base.kind.decision", "decision", "위원회 결정"},
    {"diff-base.kind.history", "history", "선정 이력"},
    {"diff-base.kind.panel", "panel", "평가위원단"},
    {"diff-base.kind.proposal", "proposal", "신청서"},
    {"diff-base.kind.proposal-added", "proposal-added", "신청서 추가"},
    {"diff-base.kind.proposal-removed", "proposal-removed", "신청서 삭제"},
    {"diff-base.kind.review", "review", "평가"},
    {"diff-base.kind.review-added", "review-added", "평가 추가"},
    {"diff-base.kind.review-removed", "review-removed", "평가 삭제"},
    {"diff-base.kind.rule", "rule", "규칙"},
    {"diff-base.left", "{other} is no longer a candidate ({old} → {new})",
     "{other} 후보 제외 ({old} → {new})"},
    {"diff-base.md-origins", "Base `{old}`, current `{new}`.", "기준 `{old}`, 현재 `{new}`."},
    {"diff-base.overtook", "{other} now ranks above it (score {old} → {new})",
     "{other} 순위 역전, 이제 상위 (점수 {old} → {new})"},
    {"diff-base.removed", "removed ({track})", "신청서 삭제 ({track})"},
    {"diff-base.review", "{reviewer}'s {criterion} {old} → {new}",
     "{reviewer} 위원 {criterion} {old} → {new}"},
    {"diff-base.review-added", "review of {reviewer} added ({scores})",
     "{reviewer} 위원 평가 추가 ({scores})"},
    {"diff-base.review-removed", "review of {reviewer} removed ({scores})",
     "{reviewer} 위원 평가 삭제 ({scores})"},
    {"diff-base.withdrawal-revoked", "withdrawal revoked", "신청 철회 취소"},
    {"diff-base.withdrew", "withdrew", "신청 철회"},
    {"diff-shortfall.gone", "no longer falls short", "선정 부족 해소"},
    {"diff-shortfall.label", "Shortfall", "선정 부족"},
    {"diff-shortfall.new", "now falls short", "선정 부족 발생"},
    {"diff-shortfall.side", "{selected} selected, at least {min} required",
     "{selected}건 선정, 최소 {min}건 필요"},
    // `kcity diff`: its report's words, and the because lines the diff stage gives as values
    // (diff/diff.hpp's Because).
    {"diff.award-capped", "award: capped at award.max_krw {max}",
     "지원액: 최대 지원액(award.max_krw) {max}으로 조정"},
    {"diff.award-changed", "award: {award} (requested {requested})",
     "지원액: {award} (신청액 {requested})"},
    {"diff.award-changes", "{count} {count|award change|award changes}", "지원액 변경 {count}건"},
    {"diff.award-krw", "Award (KRW)", "지원액 (원)"},
    {"diff.award-reduced", "award: reduced to the budget left (budget_fit: reduce)",
     "지원액: 남은 예산에 맞춰 감액 (budget_fit: reduce)"},
    {"diff.base-rules", "Base rules: {origin} (sha256 {sha256})",
     "기준 규칙: {origin} (sha256 {sha256})"},
    {"diff.because", "Because", "사유"},
    {"diff.because-line", "because {because}", "사유: {because}"},
    {"diff.calibration-off",
     "calibration switched off: its reviewers' total offsets {offsets} no longer come off "
     "their reviews",
     "점수 보정 해제: 평가위원별 합계 편차를 더 이상 각 평가에서 빼지 않음 ({offsets})"},
    {"diff.calibration-off-none",
     "calibration switched off: none of its reviewers has an offset (others' offsets moved it)",
     "점수 보정 해제: 이 신청서의 평가위원에게는 편차가 없음 (다른 평가위원의 편차가 영향을 줌)"},
    {"diff.calibration-on",
     "calibration switched on: its reviewers' total offsets {offsets} come off their reviews",
     "점수 보정 적용: 각 평가에서 평가위원별 합계 편차를 뺌 ({offsets})"},
    {"diff.calibration-on-none",
     "calibration switched on: none of its reviewers has an offset (others' offsets moved it)",
     "점수 보정 적용: 이 신청서의 평가위원에게는 편차가 없음 (다른 평가위원의 편차가 영향을 줌)"},
    {"diff.dropped", "{count} dropped", "선정 제외 {count}건"},
    {"diff.ineligible", "eligibility rule {reasons}", "자격 요건 미충족: {reasons}"},
    {"diff.md-cut", "… (cut to fit a comment; run `kcity diff` for the whole list)",
     "… (댓글 길이에 맞춰 줄임; 전체 목록은 `kcity diff`로 확인)"},
    {"diff.md-no-change", "No change.", "변경 없음."},
    {"diff.md-none", "None.", "없음."},
    {"diff.md-rank-only", "{count} {count|rank change|rank changes} only", "순위만 변경 {count}건"},
    {"diff.md-rule-values", "{count} rule {count|value|values} changed", "규칙 값 {count}건 변경"},
    {"diff.md-rules",
     "Base rules `{old}` (sha256 `{old_sha256}`) → new rules `{new}` (sha256 `{new_sha256}`)",
     "기준 규칙 `{old}` (sha256 `{old_sha256}`) → 변경 규칙 `{new}` (sha256 `{new_sha256}`)"},
    {"diff.new", "New", "변경"},
    {"diff.new-rules", "New rules:  {origin} (sha256 {sha256})",
     "변경 규칙: {origin} (sha256 {sha256})"},
    {"diff.newly-selected", "{count} newly selected", "신규 선정 {count}건"},
    {"diff.no-change", "no change", "변경 없음"},
    {"diff.no-tracks", "no tracks", "분야 없음"},
    {"diff.old", "Old", "이전"},
    {"diff.other-changes", "{count} other {count|status change|status changes}",
     "기타 상태 변경 {count}건"},
    {"diff.rank-changes", "{count} {count|rank change|rank changes}", "순위 변경 {count}건"},
    {"diff.reserve-above",
     "reserve list: it takes {reserve|the first unselected candidate|the first {reserve} "
     "unselected candidates} in rank order; unselected above it now: {above}",
     "예비 목록: 미선정 후보 중 순위가 높은 {reserve}건; 현재 이 신청서보다 순위가 높은 미선정 "
     "후보: {above}"},
    {"diff.reserve-moved",
     "reserve list: it takes {reserve|the first unselected candidate|the first {reserve} "
     "unselected candidates} in rank order, and this one moved from rank {old} to {new}",
     "예비 목록: 미선정 후보 중 순위가 높은 {reserve}건, 이 신청서의 순위가 {old}위에서 "
     "{new}위로 바뀜"},
    {"diff.rule", "Rule", "규칙"},
    {"diff.rule-changes", "Rule changes", "규칙 변경"},
    {"diff.selected-now", "selected now; it was {was}{reasons? ({reasons})}",
     "새로 선정; 이전 상태 {was}{reasons? ({reasons})}"},
    {"diff.track-gone", "the track is gone from the rules", "변경된 규칙에 없는 분야"},
    {"diff.track-new", "the track is new in the rules", "변경된 규칙에 새로 생긴 분야"},
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
    // A tie the lottery decided: each tied proposal's draw, and the command that redraws them.
    {"explain.lottery",
     "lottery (seed \"{0}\"): the tied proposals in ascending order of the SHA-256 of the seed, a "
     "newline and the id",
     "추첨(시드 \"{0}\"): 동점 신청서는 시드, 줄바꿈, id를 이은 텍스트의 SHA-256 오름차순"},
    {"explain.lottery-hash", "{0}: {1}", "{0} 해시: {1}"},
    {"explain.lottery-redraw", "redraw: {0}", "다시 추첨: {0}"},
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
    {"html.budget-line", "Awarded {awarded} of {budget} ({percent}%); {left} left",
     "예산 {budget} 중 {awarded} 지원 ({percent}%), 잔액 {left}"},
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
     "Generated by kcity {version}. Statuses and reason codes are the stable words of "
     "the JSON report.",
     "kcity {version}에서 생성. 상태와 사유 코드는 JSON 보고서와 같은 고정 코드입니다."},
    {"html.max", "max", "만점"},
    {"html.max-per-country", "max per country", "국가별 최대"},
    {"html.method-merit", "merit (rank order)", "순위순 (merit)"},
    {"html.method-optimal", "optimal set", "최적 조합 (optimal)"},
    {"html.no-chart", "No proposal of this track was scored.", "평가 완료된 신청서가 없습니다."},
    {"html.no-threshold", "no threshold", "최저 기준 없음"},
    {"html.number", "No.", "번호"},
    {"html.of", "of {wanted}", "목표 {wanted}건"},
    {"html.of-budget", "of {budget}", "예산 {budget}"},
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
    {"label.shortfall-line", "{selected} selected, at least {min} required",
     "{selected}건 선정, 최소 {min}건 필요"},
    {"label.status", "Status", "상태"},
    {"label.title", "Title", "사업명"},
    {"label.track", "Track", "분야"},
    {"label.unscored", "Unscored", "미평가"},
    {"label.warnings", "Warnings", "경고"},
    {"label.withdrawn", "Withdrawn", "철회"},
    {"label.withdrawn-count", "withdrawn", "철회"},
    // `kcity letters` (SPEC §11): a result notice per proposal, in Korean as an official notice
    // (공문: 제목, 수신, 결과, 사유, 이의신청 안내) and in English as a funder's letter.
    {"letter.appeal",
     "If you wish to object to this result, please write to the secretariat by {deadline}, {days} "
     "calendar days after the results were announced on {results}, giving your reference {id} and "
     "the grounds of your objection.",
     "평가 결과에 이의가 있는 경우 결과 통보일인 {results}부터 {days}일 이내인 {deadline}까지 "
     "접수번호({id})와 이의 사유를 적어 사무국에 이의신청하시기 바랍니다."},
    {"letter.appeal-open",
     "If you wish to object to this result, please write to the secretariat, giving your reference "
     "{id} and the grounds of your objection.",
     "평가 결과에 이의가 있는 경우 접수번호({id})와 이의 사유를 적어 사무국에 이의신청하시기 "
     "바랍니다."},
    {"letter.caps", "Caps: {caps}", "상한 적용: {caps}"},
    {"letter.closing", "Yours sincerely,", "끝."},
    {"letter.col.criterion", "Criterion", "평가 항목"},
    {"letter.col.cutoff", "Cut-off", "과락 기준"},
    {"letter.col.letter", "Letter", "통보문"},
    {"letter.col.max", "Maximum", "배점"},
    {"letter.col.points", "Score", "점수"},
    {"letter.date", "{day} {month} {year} ({weekday})", "{year}. {month}. {day}.({weekday})"},
    {"letter.date-label", "Date", "시행일자"},
    {"letter.dear", "Dear {applicant},", "{applicant} 귀중"},
    {"letter.h.appeal", "Objections", "이의신청 안내"},
    {"letter.h.panel", "Evaluation panel", "평가위원"},
    {"letter.h.reasons", "Reasons", "사유"},
    {"letter.h.result", "Result", "평가 결과"},
    {"letter.h.scores", "Your scores", "평가 점수"},
    {"letter.h.standing", "Your standing in the track", "순위 및 선정 현황"},
    {"letter.index-title", "Result letters: {program} {year}",
     "{program} {year} 평가결과 통보 목록"},
    {"letter.intro",
     "Thank you for applying to the {program} {year} call. The evaluation of your proposal {id}, "
     "“{title}”, in the {track} track is complete, and we write to tell you its result.",
     "귀 기관이 {program} {year} 공모 {track} 분야에 신청한 「{title}」(접수번호 {id})의 평가 "
     "결과를 다음과 같이 알려드립니다."},
    {"letter.lowest", "The lowest score selected in the {track} track: {score}.",
     "{track} 분야 선정 사업의 최저 점수는 {score}점입니다."},
    {"letter.lowest-none", "No proposal was selected in the {track} track.",
     "{track} 분야에서 선정된 사업은 없습니다."},
    {"letter.month.1", "January", "1"},
    {"letter.month.10", "October", "10"},
    {"letter.month.11", "November", "11"},
    {"letter.month.12", "December", "12"},
    {"letter.month.2", "February", "2"},
    {"letter.month.3", "March", "3"},
    {"letter.month.4", "April", "4"},
    {"letter.month.5", "May", "5"},
    {"letter.month.6", "June", "6"},
    {"letter.month.7", "July", "7"},
    {"letter.month.8", "August", "8"},
    {"letter.month.9", "September", "9"},
    {"letter.panel", "Your proposal was evaluated by the panel of the {track} track:",
     "{track} 분야 평가위원은 다음과 같습니다."},
    {"letter.project-label", "Project", "사업명"},
    {"letter.rank",
     "Your proposal ranks {rank} of the {count} scored proposals of the {track} track.",
     "귀 기관의 신청 사업은 {track} 분야 평가 대상 {count}건 중 {rank}위입니다."},
    {"letter.ref-label", "Reference", "접수번호"},
    {"letter.result.below-threshold",
     "We regret to inform you that your proposal has not been selected: its scores did not reach "
     "the minimum the call sets.",
     "귀 기관의 신청 사업은 평가 점수가 공모에서 정한 기준에 미달하여 선정되지 않았습니다."},
    {"letter.result.ineligible",
     "We regret to inform you that your proposal did not meet the eligibility requirements of the "
     "call, and so was not evaluated.",
     "귀 기관의 신청 사업은 공모의 신청 자격 요건을 충족하지 못하여 평가 대상에서 제외되었습니다."},
    {"letter.result.not-selected",
     "We regret to inform you that your proposal has not been selected for funding.",
     "귀 기관의 신청 사업은 아쉽게도 지원 대상으로 선정되지 않았습니다."},
    {"letter.result.reserve",
     "Your proposal has not been selected, but it is place {place} on the reserve list: should a "
     "selected project withdraw, reserves move up in that order, and we will write to you again.",
     "귀 기관의 신청 사업은 선정되지 않았으나 예비 {place}순위로 지정되었습니다. 선정 사업의 포기 "
     "등으로 결원이 생기면 예비 순위에 따라 승계되며, 이 경우 별도로 알려드리겠습니다."},
    {"letter.result.selected",
     "We are pleased to inform you that your proposal has been selected for funding, with an award "
     "of {award}.",
     "귀 기관의 신청 사업이 지원 대상으로 선정되었음을 알려드립니다. 지원 결정액은 {award}입니다."},
    {"letter.result.unscored",
     "We regret to inform you that your proposal could not be scored, as too few valid reviews "
     "remained, and so could not be selected.",
     "귀 기관의 신청 사업은 유효한 평가 인원이 부족하여 점수를 산정할 수 없었으며, 선정되지 "
     "않았습니다."},
    {"letter.result.withdrawn",
     "As you withdrew your application, your proposal was not considered for selection; its "
     "evaluation is given below for your information.",
     "귀 기관이 신청을 철회하여 선정 대상에서 제외되었습니다. 참고로 평가 결과를 알려드립니다."},
    {"letter.row.adjustments", "Bonus and penalty points, after caps", "가감점 합계(상한 적용)"},
    {"letter.row.base", "Base score", "기본 점수"},
    {"letter.row.score", "Final score", "최종 점수"},
    {"letter.row.threshold", "(threshold {threshold})", "(기준 점수 {threshold})"},
    {"letter.sender", "{program} {year} Secretariat", "{program} {year} 사무국"},
    {"letter.signature", "The {program} {year} Secretariat", "{program} {year} 사무국장"},
    {"letter.status.below-threshold", "Not selected (below the minimum score)",
     "미선정(평가 기준 미달)"},
    {"letter.status.ineligible", "Ineligible", "신청 자격 미달"},
    {"letter.status.not-selected", "Not selected", "미선정"},
    {"letter.status.reserve", "Reserve (not selected)", "예비 후보"},
    {"letter.status.selected", "Selected", "선정"},
    {"letter.status.unscored", "Not scored", "평가 불가(유효 평가 부족)"},
    {"letter.status.withdrawn", "Withdrawn by the applicant", "신청 철회"},
    {"letter.subject", "{program} {year}: the result of the evaluation of proposal {id}",
     "{program} {year} 공모 평가결과 통보({id})"},
    {"letter.subject-label", "Subject", "제목"},
    {"letter.threshold",
     "Threshold for the base score: {threshold}; a criterion below its cut-off also ends the "
     "evaluation.",
     "기본 점수가 기준 점수 {threshold}점 미만이거나 평가 항목 점수가 과락 기준 미만이면 선정에서 "
     "제외됩니다."},
    {"letter.to-label", "To", "수신"},
    {"letter.track-label", "Track", "분야"},
    {"letter.weekday.0", "Monday", "월"},
    {"letter.weekday.1", "Tuesday", "화"},
    {"letter.weekday.2", "Wednesday", "수"},
    {"letter.weekday.3", "Thursday", "목"},
    {"letter.weekday.4", "Friday", "금"},
    {"letter.weekday.5", "Saturday", "토"},
    {"letter.weekday.6", "Sunday", "일"},
    {"letter.wrote", "wrote {count} {count|letter|letters} and the index into {dir}",
     "통보문 {count}건과 목록을 {dir}에 작성함"},
    // The announcement's list says 구분 (선정 / 예비) where the report says 상태.
    {"list.status", "Status", "구분"},
    // The `lottery` tie-break (SPEC §6): the ties it decided, in every report of the track.
    {"lottery.decided", "the lottery (seed \"{seed}\") ordered {ids}, tied at ranks {ranks}",
     "추첨(시드 \"{seed}\")으로 동점인 {ids}의 순서를 정함 ({ranks}위)"},
    {"lottery.heading", "Lottery", "추첨"},
    {"method.merit", "merit", "순위순 (merit)"},
    {"method.optimal", "optimal", "최적 조합 (optimal)"},
    {"optimal", "not part of the optimal set of selections", "최적 선정 조합에 포함되지 않음"},
    {"panel-size",
     "valid reviews: {valid} of the {needed} needed{excluded? ({excluded} excluded for conflicts "
     "of interest)}",
     "유효 심사 {valid}건 (최소 {needed}건 필요{excluded?, 이해충돌 제외 {excluded}건})"},
    // kcity panel (SPEC §10): how the panel scored. Shared by the four formats.
    {"panel.alpha", "Krippendorff's alpha (interval)", "크리펜도르프 알파 (등간)"},
    {"panel.alpha-undefined", "undefined", "계산 불가"},
    {"panel.calibrated", "Calibration (panel.calibrate: offset) is on",
     "평가위원 보정(offset) 적용 중"},
    {"panel.cell.conflict", "conflict", "제척"},
    {"panel.cell.missing", "missing", "미평가"},
    {"panel.cell.trimmed", "trimmed", "절사"},
    {"panel.conflicts", "Conflicts", "제척"},
    {"panel.consistency", "Consistency", "일관성"},
    {"panel.deviation", "Deviation from the other reviewers", "다른 평가위원 평균과의 차이"},
    {"panel.flat", "flat", "전부 같은 점수"},
    {"panel.flips", "What switching calibration would change", "보정 전환 시 달라지는 선정"},
    {"panel.flips-in", "Selected only with the switch: {ids}", "전환 시에만 선정: {ids}"},
    {"panel.flips-none", "No selection would change", "달라지는 선정 없음"},
    {"panel.flips-off", "With calibration switched off", "보정을 끄면"},
    {"panel.flips-on", "With calibration switched on", "보정을 켜면"},
    {"panel.flips-out", "Selected only without the switch: {ids}", "전환 시 선정 제외: {ids}"},
    {"panel.flips-reviewers", "Offsets that move them: {reviewers}",
     "영향을 준 평가위원 보정값: {reviewers}"},
    {"panel.grid", "Reviewer × proposal", "평가위원 × 제안"},
    // kcity panel's HTML page (report/panel_html.cpp): the dot plot's and the grid's words.
    {"panel.html.above", "above the others' mean (darker: further)",
     "다른 평가위원 평균보다 높음 (진할수록 차이 큼)"},
    {"panel.html.alone", "no other review to compare with", "비교할 다른 평가 없음"},
    {"panel.html.below", "below the others' mean (darker: further)",
     "다른 평가위원 평균보다 낮음 (진할수록 차이 큼)"},
    {"panel.html.dot-caption",
     "Each dot is a reviewer's leniency: their total minus the mean total of the other reviews "
     "of the same proposal, averaged over the proposals they reviewed. The shaded band is "
     "±{band}, 10% of the highest possible total; a red dot lies beyond it.",
     "점은 평가위원별 관대도(같은 제안에 대한 본인 총점과 다른 평가위원 평균 총점의 차이를 "
     "평균한 값)입니다. 음영 구간은 최고 가능 총점의 10%인 ±{band}이며, 빨간 점은 이 구간을 "
     "벗어난 평가위원입니다."},
    {"panel.html.generated", "Generated by kcity {version}. Totals are raw, before calibration.",
     "kcity {version}에서 생성. 총점은 보정 전 원점수입니다."},
    {"panel.html.grid-caption",
     "Each cell is the reviewer's total minus the mean total of the proposal's other valid "
     "reviews.",
     "각 칸은 해당 평가위원의 총점에서 그 제안의 다른 유효 평가 평균 총점을 뺀 값입니다."},
    {"panel.leniency", "Leniency", "관대도"},
    {"panel.lenient", "beyond 10% of the highest possible total", "최고 가능 총점의 10% 초과"},
    // kcity panel's Markdown and HTML (report/panel_markdown.cpp, panel_html.cpp).
    {"panel.md.band",
     "Leniency warned beyond ±{band} (10% of the highest possible total, {highest})",
     "관대도 경고 기준: ±{band} (최고 가능 총점 {highest}의 10%)"},
    {"panel.md.calibration-off", "Calibration (panel.calibrate: offset) is off",
     "평가위원 보정(offset) 미적용"},
    {"panel.md.notes", "Notes", "비고"},
    {"panel.mean-spread", "Mean spread", "평균 점수 폭"},
    {"panel.mean-total", "Mean total", "평균 총점"},
    {"panel.missing", "Missing", "미평가"},
    {"panel.offset", "Offset", "보정값"},
    {"panel.proposal", "Proposal", "제안"},
    {"panel.proposals", "Proposals", "제안별"},
    {"panel.reviewer", "Reviewer", "평가위원"},
    {"panel.reviewers", "Reviewers", "평가위원별"},
    {"panel.reviews", "Reviews", "평가 건수"},
    {"panel.spread", "Spread", "점수 폭"},
    {"panel.title", "How the panel scored", "평가위원단 분석"},
    {"panel.trimmed-high", "Trimmed high", "최고점 절사"},
    {"panel.trimmed-low", "Trimmed low", "최저점 절사"},
    {"quota", "the quota of {max} {max|selection|selections} was already filled",
     "선정 한도 {max}건이 이미 채워짐"},
    // kcity robustness (SPEC §9): how often each proposal came out selected over N runs.
    {"robustness.against-odds", "Ordered against the odds", "확률과 반대로 정해진 선정"},
    {"robustness.borderline", "Funding line (borderline)", "선정선 경계 제안"},
    {"robustness.class", "Class", "분류"},
    {"robustness.class.borderline", "borderline", "경계"},
    {"robustness.class.out", "out", "탈락권"},
    {"robustness.class.secure", "secure", "안정"},
    {"robustness.legend",
     "Bar: the share of the runs that selected it (the mark at 95%). Rank interval: 5th to 95th "
     "percentile, the dot at the median; the dashed line is the real run's funding line.",
     "막대: 선정된 실행의 비율 (95% 표시). 순위 구간: 5–95 백분위, 점은 중앙값; 점선은 실제 "
     "결과의 선정선."},
    {"robustness.nothing", "nothing perturbed", "변동 없음"},
    {"robustness.pair", "{selected} selected in {a} of the runs, {other} not selected but in {b}",
     "{selected} 선정 (실행 중 {a}), {other} 미선정 (실행 중 {b})"},
    {"robustness.perturbed", "Perturbed", "변동"},
    {"robustness.rank-interval", "Rank p5–p50–p95", "순위 p5–p50–p95"},
    // score --robustness N: each ranked proposal's share beside its status.
    {"robustness.report-column", "Share of runs", "실행 중 선정 비율"},
    {"robustness.report-line",
     "Share of runs: how often each ranked proposal was selected in {runs} {runs|run|runs} of the "
     "selection on perturbed inputs (seed \"{seed}\"; {perturbed}), as kcity robustness reports",
     "실행 중 선정 비율: 입력을 변동시켜 선정을 {runs}회 다시 실행했을 때 순위가 있는 각 제안이 "
     "선정된 비율 (시드 \"{seed}\"; {perturbed}), kcity robustness와 같음"},
    {"robustness.resampled", "reviewers resampled", "평가위원 복원 재추출"},
    {"robustness.runs", "Runs", "실행 횟수"},
    {"robustness.secure", "Secure selections: {secure} of {selected}",
     "안정 선정: {selected}건 중 {secure}건"},
    {"robustness.seed", "Seed", "시드"},
    {"robustness.selected-runs", "Selected in", "선정 횟수"},
    {"robustness.share", "Share", "선정 비율"},
    {"robustness.status", "Real run", "실제 결과"},
    {"robustness.title", "How sure is the selection?", "선정 결과의 견고성"},
    {"robustness.unranked", "unranked", "순위 없음"},
    {"robustness.weights", "weights ±{percent}%", "가중치 ±{percent}%"},
    {"rule-failed", "does not meet the rule: {rule}{tested? ({tested})}",
     "{rule} 요건 미충족{tested? ({tested})}"},
    // The `count` cheapest candidates' awards; `-all`: all of them, fewer than `min`.
    {"same-organisation", "{reviewer}'s organisation, {organisation}, is the applicant",
     "{reviewer} 위원의 소속 기관({organisation})이 신청기관임 (제척)"},
    {"same-organisation-partner",
     "{reviewer}'s organisation, {organisation}, is the partner institution",
     "{reviewer} 위원의 소속 기관({organisation})이 협력기관임 (제척)"},
    // kcity sheets (SPEC §11): the blank score sheets' headers are names the sheet reader
    // knows (SPEC §4), in either language.
    {"sheet.city", "city", "도시"},
    {"sheet.comment", "comment", "비고"},
    {"sheet.conflict", "conflict", "이해충돌"},
    {"sheet.country", "country", "국가"},
    {"sheet.declared-conflict", "declared conflict of interest", "이해충돌 신고"},
    {"sheet.no", "no", "아니오"},
    {"sheet.proposal", "proposal", "제안번호"},
    {"sheet.reviewer", "reviewer", "평가위원"},
    {"sheet.same-organisation", "same organisation as the applicant (excluded)",
     "신청기관 소속 (제척)"},
    {"sheet.same-organisation-partner", "same organisation as the partner (excluded)",
     "협력기관 소속 (제척)"},
    {"sheet.score-rule", "A number from 0 to {0}, at most two decimals",
     "0부터 {0}까지의 숫자, 소수점 둘째 자리까지"},
    {"sheet.score-title", "Score", "점수"},
    {"sheet.title", "title", "사업명"},
    {"sheet.title-line", "{0} {1} · {2} · score sheet of {3}", "{0} {1} · {2} · 평가표 ({3})"},
    {"sheet.total", "total", "합계"},
    {"sheet.wrote", "wrote {count} score {count|sheet|sheets} in {dir}",
     "{dir}에 평가표 {count}개를 썼습니다"},
    {"sheet.yes", "yes", "예"},
    {"shortfall-budget",
     "{count|the cheapest candidate needs|the {count} cheapest candidates need} {need}; "
     "{available} is available",
     "지원액이 가장 적은 후보{count|| {count}건}에도 {need} 필요, 가용 예산 {available}"},
    {"shortfall-budget-all",
     "{count|the only candidate needs|the {count} candidates together need} {need}; {available} "
     "is available",
     "{count|유일한 후보에도|후보 {count}건 전체에} {need} 필요, 가용 예산 {available}"},
    // How many passed each step (SPEC §6 steps 1, 2 and 5), so that the secretariat sees where
    // the candidates were lost; those who withdrew after passing them are counted too, so that
    // the numbers add up to the candidates.
    {"shortfall-candidates",
     "only {candidates} {candidates|candidate|candidates}, at least {min} needed: {received} "
     "received, {eligible} eligible, {scored} scored, {passed} passed the cut-offs and "
     "threshold{withdrawn?, {withdrawn} withdrawn}",
     "후보 {candidates}건 (최소 {min}건 필요): 접수 {received}건, 자격 충족 {eligible}건, 평가 "
     "완료 {scored}건, 과락·최저 기준 통과 {passed}건{withdrawn?, 철회 {withdrawn}건}"},
    {"shortfall-combined",
     "no set of {min} candidates fits the budget of {budget}{cap? within the country cap}",
     "{cap?국가별 최대 건수와 }예산 {budget} 안에서 후보 {min}건을 선정할 수 있는 조합이 없음"},
    {"shortfall-country", "{country} {count}", "{country} {count}건"},
    {"shortfall-country-cap",
     "the candidates come from {countries} {countries|country|countries}, at most {cap} each: at "
     "most {possible} {possible|selection|selections} (capped: {capped})",
     "후보 국가 {countries}개국, 국가별 최대 {cap}건: 최대 {possible}건 선정 가능 (초과: "
     "{capped})"},
    {"shortfall-merit-order",
     "a feasible set of {count} exists (ranks {ranks}), but the rank-order walk selected "
     "{selected}",
     "{count}건을 선정할 수 있는 조합(순위 {ranks})이 있으나 순위순 선정은 {selected}건"},
    {"status.below-threshold", "below threshold", "기준 미달"},
    {"status.ineligible", "ineligible", "자격 미달"},
    {"status.not-selected", "not selected", "미선정"},
    {"status.reserve", "reserve", "예비"},
    {"status.selected", "selected", "선정"},
    {"status.unscored", "unscored", "미평가"},
    {"status.withdrawn", "withdrawn", "철회"},
    // Withdrawals, when there are any: they are neither below the threshold nor candidates.
    {"text.summary",
     "Received {received}, eligible {eligible}, scored {scored}{withdrawn?, withdrawn "
     "{withdrawn}}, candidates {candidates}; selected {selected} of {wanted}; awarded {awarded} "
     "of {budget}; method {method}",
     "접수 {received}, 자격 충족 {eligible}, 평가 완료 {scored}{withdrawn?, 철회 {withdrawn}}, "
     "후보 "
     "{candidates}; 선정 {selected}건 (목표 {wanted}건); 지원 {awarded} / 예산 {budget}; 선정 방식 "
     "{method}"},
    {"threshold", "base score {base} is below the threshold {threshold}",
     "기본 점수 {base}점, 최저 기준 {threshold}점 미만"},
    // `kcity verify` (SPEC §12): what it found of a statement, its inputs and its outputs. The
    // roles (rules, proposals, sheet, ...) and sha256 are the statement's own words.
    {"verify.cannot-read", "cannot read {file}", "{file}을(를) 읽을 수 없습니다"},
    {"verify.does-not-verify", "{file} does not verify", "{file}은(는) 검증되지 않았습니다"},
    {"verify.incomplete", "{file} is not a complete kcity attestation",
     "{file}은(는) 완전한 kcity 증명서가 아닙니다"},
    {"verify.input-changed", "{path}: changed ({role}; sha256 {now}, attested {attested})",
     "{path}: 변경됨 ({role}; sha256 {now}, 증명서의 값 {attested})"},
    {"verify.input-missing", "{path}: missing ({role})", "{path}: 파일이 없음 ({role})"},
    {"verify.not-attestation", "{file} is not a kcity attestation (predicateType {type})",
     "{file}은(는) kcity 증명서가 아닙니다 (predicateType {type})"},
    {"verify.not-json", "{file} is not a kcity attestation (not JSON)",
     "{file}은(는) kcity 증명서가 아닙니다 (JSON이 아님)"},
    {"verify.output-differs", "{path}: the output differs when run again",
     "{path}: 다시 실행한 출력이 다릅니다"},
    {"verify.output-edited",
     "{path}: the attested output was edited (its sha256 is not the statement's)",
     "{path}: 증명된 출력이 수정되었습니다 (sha256이 증명서와 다름)"},
    {"verify.output-missing", "{path}: the attested output is missing",
     "{path}: 증명된 출력 파일이 없습니다"},
    {"verify.rerun-failed",
     "the command failed when run again (exit {status}): run `kcity check` on the call",
     "명령을 다시 실행했으나 실패했습니다 (종료 코드 {status}). 공모 폴더에 `kcity check`를 "
     "실행하십시오"},
    {"verify.temp-folder", "cannot create a temporary folder", "임시 폴더를 만들 수 없습니다"},
    {"verify.verified",
     "verified {file}: {inputs} inputs unchanged, {outputs} output(s) the same bytes when run "
     "again (kcity {version})",
     "{file} 검증됨: 입력 파일 {inputs}개 변경 없음, 출력 {outputs}개가 다시 실행해도 같은 "
     "바이트 (kcity {version})"},
    {"withdrawn", "withdrawn after applying (decisions.yaml)", "신청 후 철회 (decisions.yaml)"},
};

constexpr bool table_sorted() {
    for (std::size_t i = 1; i < std::size(table); ++i)
        if (!(table[i - 1].key < table[i].key)) return false;
    return true;
}
static_assert(table_sorted(), "keep the message table sorted by key");

constexpr const Message* find(std::string_view key) {
    auto it = std::lower_bound(std::begin(table), std::end(table), key,
                               [](const Message& e, std::string_view k) { return e.key < k; });
    return it != std::end(table) && it->key == key ? it : nullptr;
}

// The entry of each Msg, in the enum's order.
constexpr std::string_view msg_keys[] = {
    "award-above",
    "award-below",
    "budget",
    "budget-stop",
    "conflict",
    "country-cap",
    "cutoff",
    "deadline",
    "optimal",
    "panel-size",
    "quota",
    "rule-failed",
    "same-organisation",
    "same-organisation-partner",
    "label.shortfall-line",
    "shortfall-budget",
    "shortfall-budget-all",
    "shortfall-candidates",
    "shortfall-combined",
    "shortfall-country-cap",
    "shortfall-merit-order",
    "threshold",
    "withdrawn",
};
static_assert(std::size(msg_keys) == msg_count, "one entry for each Msg");
static_assert(std::ranges::all_of(msg_keys, [](std::string_view k) { return find(k) != nullptr; }),
              "every Msg names an entry of the table");

// A slot of a template, `{name}`, `{name|one|other}` or `{name?text}`, found at a '{'.
struct Slot {
    std::string_view name;
    char kind = '}';                 // '}', '|' or '?'
    std::string_view first, second;  // the forms (one, other) or the text
    std::size_t end = 0;             // just past the closing '}'
};

constexpr bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The slot at t[at] == '{'; nullopt when it is not well formed. Forms may hold slots: the
// closing '}' and a form's '|' are those outside any inner slot.
constexpr std::optional<Slot> parse_slot(std::string_view t, std::size_t at) {
    Slot s;
    std::size_t i = at + 1;
    while (i < t.size() && name_char(t[i])) ++i;
    s.name = t.substr(at + 1, i - at - 1);
    if (s.name.empty() || i >= t.size()) return std::nullopt;
    s.kind = t[i];
    if (s.kind == '}') {
        s.end = i + 1;
        return s;
    }
    if (s.kind != '|' && s.kind != '?') return std::nullopt;
    std::size_t start = i + 1, bar = std::string_view::npos;
    int depth = 0;
    for (i = start; i < t.size(); ++i) {
        if (t[i] == '{') {
            ++depth;
        } else if (t[i] == '}' && depth > 0) {
            --depth;
        } else if (t[i] == '|' && depth == 0 && s.kind == '|' && bar == std::string_view::npos) {
            bar = i;
        } else if (t[i] == '}') {
            if (s.kind == '|' && bar == std::string_view::npos) return std::nullopt;
            s.first = t.substr(start, (s.kind == '|' ? bar : i) - start);
            if (s.kind == '|') s.second = t.substr(bar + 1, i - bar - 1);
            s.end = i + 1;
            return s;
        }
    }
    return std::nullopt;
}

// Calls `f(name)` for every slot the template names, inner ones too; false when it is not
// well formed (an unmatched brace, a bad name).
template <class F>
constexpr bool each_slot(std::string_view t, F f) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '}') return false;
        if (t[i] != '{') continue;
        std::optional<Slot> s = parse_slot(t, i);
        if (!s) return false;
        f(s->name);
        if (!each_slot(s->first, f) || !each_slot(s->second, f)) return false;
        i = s->end - 1;
    }
    return true;
}

constexpr bool names_slot(std::string_view t, std::string_view name) {
    bool found = false;
    each_slot(t, [&](std::string_view n) { found = found || n == name; });
    return found;
}

constexpr bool well_formed(const Message& m) {
    bool same = true;
    auto in_ko = [&](std::string_view n) { same = same && names_slot(m.ko, n); };
    auto in_en = [&](std::string_view n) { same = same && names_slot(m.en, n); };
    return each_slot(m.en, in_ko) && each_slot(m.ko, in_en) && same;
}
static_assert(std::ranges::all_of(table, well_formed),
              "a template has a bad slot, or its languages name different slots");

std::string_view text_of(const Message& e, Lang lang) {
    return lang == Lang::ko ? e.ko : e.en;
}

std::string group(Krw n) {
    return format_grouped(n);
}

const ArgValue* value_of(const std::vector<Arg>& args, std::string_view name) {
    for (const Arg& a : args)
        if (a.slot == name) return &a.value;
    return nullptr;
}

const Count* count_of(const ArgValue* v) {
    return v ? std::get_if<Count>(v) : nullptr;
}

// Fills a template; a slot without a value is left empty (a unit test checks that every
// reason gives the slots of its message).
void fill(std::string_view t, const std::vector<Arg>& args, Lang lang, std::string& out) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        std::optional<Slot> s = t[i] == '{' ? parse_slot(t, i) : std::nullopt;
        if (!s) {
            out += t[i];
            continue;
        }
        const ArgValue* v = value_of(args, s->name);
        const Count* n = count_of(v);
        if (s->kind == '}') {
            if (v) out += value_text(*v, lang);
        } else if (s->kind == '|') {
            fill(n && n->n == 1 ? s->first : s->second, args, lang, out);
        } else if (v && !(n && n->n == 0)) {
            fill(s->first, args, lang, out);
        }
        i = s->end - 1;
    }
}

std::string message_text(std::string_view key, const std::vector<Arg>& args, Lang lang) {
    const Message* e = find(key);
    if (!e) return std::string(key);
    std::string out;
    fill(text_of(*e, lang), args, lang, out);
    return out;
}

template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

}  // namespace

Lang lang_from_locale(const char* locale) {
    return locale && std::string_view(locale).starts_with("ko") ? Lang::ko : Lang::en;
}

Lang lang_from_environment(const char* lc_all, const char* lc_messages, const char* lang) {
    for (const char* v : {lc_all, lc_messages, lang})
        if (v && *v) return lang_from_locale(v);
    return Lang::en;
}

std::string label(std::string_view key, Lang lang) {
    const Message* e = find(key);
    if (!e) return std::string(key);
    return std::string(text_of(*e, lang));
}

std::string format_message(std::string_view key, Lang lang, const std::vector<Arg>& args) {
    return message_text(key, args, lang);
}

std::string format_label(std::string_view key, Lang lang, const std::vector<std::string>& values) {
    static constexpr std::string_view numbers[] = {"0", "1", "2", "3", "4",
                                                   "5", "6", "7", "8", "9"};
    std::vector<Arg> args;
    for (std::size_t i = 0; i < values.size() && i < std::size(numbers); ++i)
        args.push_back({numbers[i], values[i]});
    return message_text(key, args, lang);
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
    return lang == Lang::ko ? format_krw_korean(amount) : format_krw_en(amount);
}

std::string country_name(const std::string& code, Lang lang) {
    const Country* c = find_country(code);
    return c ? std::string(lang == Lang::ko ? c->ko : c->en) : code;
}

std::string country_label(const std::string& code, Lang lang) {
    const Country* c = lang == Lang::ko ? find_country(code) : nullptr;
    return c ? std::string(c->ko) + "(" + code + ")" : code;
}

std::string value_text(const ArgValue& value, Lang lang) {
    auto joined = [](const auto& items, auto text) {
        std::string out;
        for (const auto& x : items) out += (out.empty() ? "" : ", ") + text(x);
        return out;
    };
    return std::visit(
        overloaded{
            [](const Count& n) { return std::to_string(n.n); },
            [&](const Money& m) { return format_krw(m.krw, lang); },
            [](const Score& s) { return format_decimal(s.value, s.places); },
            [](const Decimal& d) { return format_decimal_short(d); },
            [](const DateTime& d) { return format_datetime(d); },
            [&](const CountryCode& c) { return country_label(c.code, lang); },
            [&](const CountryCounts& c) {
                return joined(c.counts, [&](const auto& x) {
                    return format_message(
                        "shortfall-country", lang,
                        {{"country", CountryCode{x.first}}, {"count", Count{x.second}}});
                });
            },
            [&](const Ranks& r) {
                return joined(r.ranks, [](int x) { return std::to_string(x); });
            },
            [](const std::string& s) { return s; },
            [&](const LocalText* t) { return t ? t->get(lang == Lang::ko) : std::string(); },
            [&](const TestedValues& t) {
                return joined(t.fields, [&](const TestedField& f) {
                    return f.field + ": " + (f.value ? *f.value : label("explain.absent", lang));
                });
            },
        },
        value);
}

std::string_view message_key(Msg msg) {
    return msg_keys[static_cast<std::size_t>(msg)];
}

std::vector<std::string_view> message_slots(std::string_view key) {
    std::vector<std::string_view> out;
    if (const Message* e = find(key))
        each_slot(e->en, [&](std::string_view n) {
            if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
        });
    return out;
}

std::string reason_text(const Reason& r, Lang lang) {
    return message_text(message_key(r.msg), r.args, lang);
}

std::string reasons_line(const std::vector<Reason>& reasons, Lang lang) {
    std::string out;
    for (const auto& r : reasons)
        out += (out.empty() ? "" : "; ") + r.code + ": " + reason_text(r, lang);
    return out;
}

namespace {

// The Korean word for what a message is about.
std::string_view korean_topic(Msg msg) {
    switch (msg) {
        case Msg::award_above:
        case Msg::award_below:
            return "지원액 범위";
        case Msg::budget:
        case Msg::budget_stop:
            return "예산";
        case Msg::conflict:
            return "이해충돌";
        case Msg::country_cap:
            return "국가별 한도";
        case Msg::cutoff:
            return "과락";
        case Msg::deadline:
            return "마감";
        case Msg::optimal:
            return "최적 조합";
        case Msg::panel_size:
            return "평가위원 수";
        case Msg::quota:
            return "선정 한도";
        case Msg::rule_failed:
            return "자격 요건";
        case Msg::same_organisation:
        case Msg::same_organisation_partner:
            return "동일 기관";
        case Msg::shortfall:
            return "선정 미달";
        case Msg::shortfall_budget:
        case Msg::shortfall_budget_all:
            return "예산";
        case Msg::shortfall_candidates:
            return "후보 부족";
        case Msg::shortfall_combined:
            return "예산·국가 한도";
        case Msg::shortfall_country_cap:
            return "국가별 한도";
        case Msg::shortfall_merit_order:
            return "순위 순 선정";
        case Msg::threshold:
            return "기준 점수";
        case Msg::withdrawn:
            return "철회";
    }
    return "";
}

}  // namespace

std::string reason_label(const Reason& r, Lang lang) {
    if (lang == Lang::en) return r.code;
    std::string topic(korean_topic(r.msg));
    // The criterion a cut-off is of stays named: two cut-offs must read apart.
    if (r.code.starts_with("cutoff:")) return topic + "(" + r.code.substr(7) + ")";
    return topic;
}

std::string warning_label(const Warning& w, Lang lang) {
    return lang == Lang::en ? w.code : std::string(korean_topic(w.msg));
}

std::string reasons_words(const std::vector<Reason>& reasons, Lang lang) {
    std::string out;
    for (const auto& r : reasons)
        out += (out.empty() ? "" : "; ") + reason_label(r, lang) + ": " + reason_text(r, lang);
    return out;
}

std::string adjustment_names(const ProposalResult& r, Lang lang) {
    std::string items;
    for (const Adjustment* a : r.adjustments) {
        const std::string& name = a->name.get(lang == Lang::ko);
        const bool signed_text = a->points_text.starts_with('-') || a->points_text.starts_with('+');
        items += (items.empty() ? "" : ", ") + (name.empty() ? a->id : name) + " " +
                 (signed_text ? "" : "+") + a->points_text;
    }
    return items;
}

std::string adjustment_caps(const TrackRules& t, const ProposalResult& r, Lang lang) {
    Decimal bonus, penalty;
    for (const Adjustment* a : r.adjustments)
        (a->points < Decimal{} ? penalty : bonus) =
            (a->points < Decimal{} ? penalty : bonus) + a->points;
    // The caps as evaluate applied them (SPEC §6 step 4): said only when they changed the sum.
    std::string out;
    if (t.cap_bonus && bonus > *t.cap_bonus)
        out = format_message("adjust.cap-bonus", lang, {{"sum", bonus}, {"cap", *t.cap_bonus}});
    if (t.cap_penalty && penalty < -*t.cap_penalty)
        out += (out.empty() ? "" : "; ") +
               format_message("adjust.cap-penalty", lang,
                              {{"sum", -penalty}, {"cap", *t.cap_penalty}});
    return out;
}

std::string adjustments_words(const TrackRules& t, const ProposalResult& r, Lang lang) {
    if (r.adjustments.empty() || !r.base || !r.score) return "";
    std::string items = adjustment_names(r, lang);
    std::string caps = adjustment_caps(t, r, lang);
    if (!caps.empty()) items += "; " + caps;
    return format_message("adjust.line", lang,
                          {{"adjustments", items},
                           {"base", Score{*r.base, t.rounding}},
                           {"score", Score{*r.score, t.rounding}}});
}

std::string Reason::message() const {
    return reason_text(*this, Lang::en);
}

std::string warning_text(const Warning& w, Lang lang) {
    return message_text(message_key(w.msg), w.args, lang);
}

std::string Warning::message() const {
    return warning_text(*this, Lang::en);
}

}  // namespace kcity
