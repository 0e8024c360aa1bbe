# The language follows LANG when --lang is not given: a Korean locale gives the Korean text,
# markdown and HTML reports and the Korean explanation (the same bytes as --lang ko); JSON and
# CSV stay English unless --lang is given (SPEC §8); --lang wins over LANG.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
same() {  # description, then the arguments; LANG=ko_KR.UTF-8 against --lang ko
  local what=$1
  shift
  LANG=ko_KR.UTF-8 "$KCITY" "$@" >"$tmp/env" 2>/dev/null
  LANG=C.UTF-8 "$KCITY" "$@" --lang ko >"$tmp/flag" 2>/dev/null
  cmp -s "$tmp/env" "$tmp/flag" ||
    { echo "FAIL: $what: LANG=ko_KR.UTF-8 differs from --lang ko"; exit 1; }
}
same "score text" score examples/2023
same "score markdown" score examples/2023 --format markdown
same "score html" score examples/2023 --format html
same "explain" explain PLN-2023-07 examples/2023
grep -q '선정 방식' "$tmp/flag" || { echo "FAIL: explain under a Korean LANG is not Korean"; exit 1; }
for format in json csv; do
  LANG=ko_KR.UTF-8 "$KCITY" score examples/2023 --format "$format" >"$tmp/env"
  LANG=C.UTF-8 "$KCITY" score examples/2023 --format "$format" >"$tmp/en"
  cmp -s "$tmp/env" "$tmp/en" || { echo "FAIL: score --format $format follows LANG"; exit 1; }
done
LANG=ko_KR.UTF-8 "$KCITY" explain PLN-2023-07 examples/2023 --format json >"$tmp/env"
LANG=C.UTF-8 "$KCITY" explain PLN-2023-07 examples/2023 --format json >"$tmp/en"
cmp -s "$tmp/env" "$tmp/en" || { echo "FAIL: explain --format json follows LANG"; exit 1; }
LANG=ko_KR.UTF-8 "$KCITY" score examples/2023 --lang en >"$tmp/env"
LANG=C.UTF-8 "$KCITY" score examples/2023 >"$tmp/en"
cmp -s "$tmp/env" "$tmp/en" || { echo "FAIL: --lang en does not win over LANG"; exit 1; }
# diff: text and markdown follow LANG, JSON does not.
rc=(--base-rules examples/2023/rules --rules tests/cli/fixtures/rules-changes/award-max)
same "diff text" diff examples/2023 "${rc[@]}"
same "diff markdown" diff examples/2023 "${rc[@]}" --format markdown
grep -q '최대 지원액' "$tmp/flag" || { echo "FAIL: diff under a Korean LANG is not Korean"; exit 1; }
LANG=ko_KR.UTF-8 "$KCITY" diff examples/2023 "${rc[@]}" --format json >"$tmp/env"
LANG=C.UTF-8 "$KCITY" diff examples/2023 "${rc[@]}" --format json >"$tmp/en"
cmp -s "$tmp/env" "$tmp/en" || { echo "FAIL: diff --format json follows LANG"; exit 1; }
echo "LANG=ko_* gives Korean text, markdown, html, explain and diff; json and csv stay English"
# LC_ALL, then LC_MESSAGES, then LANG (SPEC §7); an empty one counts as unset (POSIX).
LANG=C.UTF-8 "$KCITY" score examples/2023 --lang ko >"$tmp/ko"
LANG=C.UTF-8 "$KCITY" score examples/2023 >"$tmp/en"
check_env() {  # expected (ko|en), then the environment
  local want=$1
  shift
  env -u LC_ALL -u LC_MESSAGES -u LANG "$@" "$KCITY" score examples/2023 >"$tmp/got" 2>/dev/null
  cmp -s "$tmp/got" "$tmp/$want" || { echo "FAIL: $* does not give $want"; exit 1; }
}
check_env ko LC_ALL=ko_KR.UTF-8 LANG=C.UTF-8
check_env en LC_ALL=C.UTF-8 LC_MESSAGES=ko_KR.UTF-8 LANG=ko_KR.UTF-8
check_env ko LC_MESSAGES=ko_KR.UTF-8 LANG=en_US.UTF-8
check_env en LC_MESSAGES=C LANG=ko_KR.UTF-8
check_env ko LC_ALL= LC_MESSAGES= LANG=ko_KR.UTF-8
check_env en LC_ALL= LC_MESSAGES= LANG=
# Messages on standard error follow it too, with the English word `error`.
env -u LC_ALL -u LC_MESSAGES LANG=C LC_ALL=ko_KR.UTF-8 "$KCITY" explain NOPE examples/2023 \
  2>"$tmp/err" >/dev/null || true
grep -q '^kcity: error: 신청서 `NOPE`이(가) 없습니다' "$tmp/err" ||
  { echo "FAIL: LC_ALL=ko_KR.UTF-8 does not give Korean messages"; cat "$tmp/err"; exit 1; }
echo "LC_ALL, LC_MESSAGES, LANG in that order, empty ones skipped"
