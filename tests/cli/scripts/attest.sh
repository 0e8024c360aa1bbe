# --attest and kcity verify (SPEC §12): a statement of an untouched call verifies, from
# anywhere; one byte changed in one input fails naming that file; an edited report fails
# naming it; letters attest every file they write.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r examples/2023 "$tmp/call"
mkdir "$tmp/pub"
(cd "$tmp" && "$KCITY" score call --format json --lang ko --output pub/report.json \
  --attest pub/report.intoto.json 2>/dev/null)
st=$tmp/pub/report.intoto.json
grep -q '"_type": "https://in-toto.io/Statement/v1"' "$st"
grep -q '"predicateType": "urn:kcity:predicate:report:v1"' "$st"
grep -q '"name": "report.json", "digest": {"sha256": "'"$(sha256sum "$tmp/pub/report.json" | cut -d' ' -f1)"'"}' "$st"
grep -q '"call": "../call"' "$st"
grep -q '"path": "rules/program.yaml", "sha256": "'"$(sha256sum "$tmp/call/rules/program.yaml" | cut -d' ' -f1)"'", "role": "rules"' "$st"
grep -q '"role": "sheet"' "$st"
grep -q '"options": \["--format", "json", "--lang", "ko"\]' "$st"
grep -q "\"rules_sha256\": $(grep -o '"rules_sha256": "[0-9a-f]*"' "$tmp/pub/report.json" | cut -d' ' -f2)" "$st"
# Untouched: verifies from another folder, and with --call.
"$KCITY" verify "$st" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
grep -q "^verified .*report.intoto.json: [0-9]* inputs unchanged, 1 output(s)" "$tmp/out"
# In Korean, by --lang or by the locale, like every command (docs/i18n.md).
"$KCITY" verify "$st" --lang ko >"$tmp/out"
grep -q "^.*report.intoto.json 검증됨: 입력 파일 [0-9]*개 변경 없음, 출력 1개가 다시 실행해도 같은 바이트 (kcity " "$tmp/out"
LC_ALL=ko_KR.UTF-8 "$KCITY" verify "$st" >"$tmp/out.locale"
cmp "$tmp/out" "$tmp/out.locale"
mv "$tmp/call" "$tmp/moved"
if "$KCITY" verify "$st" 2>"$tmp/err"; then echo "verify passed without the call"; exit 1; fi
grep -q "rules/program.yaml: missing (rules)" "$tmp/err"
if "$KCITY" verify "$st" --lang ko 2>"$tmp/err"; then exit 1; fi
grep -q "^kcity: error: rules/program.yaml: 파일이 없음 (rules)$" "$tmp/err"
grep -q "^kcity: error: 명령을 다시 실행했으나 실패했습니다 (종료 코드 -\?[0-9]\+)" "$tmp/err"
grep -q "^kcity: error: .*report.intoto.json은(는) 검증되지 않았습니다$" "$tmp/err"
(cd "$tmp" && "$KCITY" verify pub/report.intoto.json --call moved >/dev/null)
mv "$tmp/moved" "$tmp/call"
# The text and Markdown reports show the rules folder as given: verify runs the command from
# the folder it was given in, also when the call was renamed since.
(cd "$tmp" && "$KCITY" score call --rules call/rules --format markdown --output pub/report.md \
  --attest pub/report.md.intoto.json 2>/dev/null)
grep -q '"rules": {"given": "call/rules", "path": "rules"}' "$tmp/pub/report.md.intoto.json"
grep -q '"working_directory": "..", *$' "$tmp/pub/report.md.intoto.json"
grep -q 'call/rules' "$tmp/pub/report.md"
mv "$tmp/call" "$tmp/call-2023"
"$KCITY" verify "$tmp/pub/report.md.intoto.json" --call "$tmp/call-2023" >/dev/null
mv "$tmp/call-2023" "$tmp/call"
# One byte of one input (a city's first letter): the file is named, and the output differs.
f=proposals/planning/africa.yaml
cp "$tmp/call/$f" "$tmp/keep"
sed -i '0,/^city: N/s//city: M/' "$tmp/call/$f"
[ "$(cmp -l "$tmp/keep" "$tmp/call/$f" | wc -l)" = 1 ]
if "$KCITY" verify "$st" >/dev/null 2>"$tmp/err"; then echo "verify passed a changed input"; exit 1; fi
grep -q "$f: changed (proposals; sha256 " "$tmp/err"
grep -q "report.json: the output differs when run again" "$tmp/err"
grep -q "does not verify" "$tmp/err"
if LC_ALL=ko_KR.UTF-8 "$KCITY" verify "$st" >/dev/null 2>"$tmp/err"; then exit 1; fi
grep -q "^kcity: error: $f: 변경됨 (proposals; sha256 [0-9a-f]\{12\}, 증명서의 값 [0-9a-f]\{12\})$" "$tmp/err"
grep -q "^kcity: error: .*report.json: 다시 실행한 출력이 다릅니다$" "$tmp/err"
# Every line in Korean after its prefix: nothing left in English.
if LC_ALL=C.UTF-8 grep -v "[가-힣]" "$tmp/err"; then echo "verify left a line in English"; exit 1; fi
cp "$tmp/keep" "$tmp/call/$f"
"$KCITY" verify "$st" >/dev/null
# The report edited after the fact.
sed -i 's/"selected"/"reserve"/' "$tmp/pub/report.json"
if "$KCITY" verify "$st" >/dev/null 2>"$tmp/err"; then echo "verify passed an edited report"; exit 1; fi
grep -q "report.json: the attested output was edited" "$tmp/err"
if "$KCITY" verify "$st" --lang ko >/dev/null 2>"$tmp/err"; then exit 1; fi
grep -q "^kcity: error: .*report.json: 증명된 출력이 수정되었습니다 (sha256이 증명서와 다름)$" "$tmp/err"
printf '{"predicateType": "urn:other"}\n' >"$tmp/other.json"
if "$KCITY" verify "$tmp/other.json" --lang ko 2>"$tmp/err"; then exit 1; fi
grep -q "^kcity: error: .*other.json은(는) kcity 증명서가 아닙니다 (predicateType urn:kcity:predicate:report:v1)$" "$tmp/err"
# --attest needs a file; letters attest every letter and the index.
if "$KCITY" score "$tmp/call" --attest "$tmp/x.json" >/dev/null 2>"$tmp/err"; then exit 1; fi
grep -q -- "--attest STATEMENT needs --output FILE" "$tmp/err"
if "$KCITY" score "$tmp/call" --attest "$tmp/x.json" --lang ko >/dev/null 2>"$tmp/err"; then exit 1; fi
grep -q -- "^kcity: error: --attest STATEMENT에는 --output FILE이 필요합니다. 표준 출력으로 낸 보고서는 증명할 수 없습니다$" "$tmp/err"
# The statement never replaces the report, nor an input.
if "$KCITY" score "$tmp/call" --output "$tmp/same.json" --attest "$tmp/./same.json" 2>"$tmp/err"; then exit 1; fi
grep -q -- "is the report's own --output" "$tmp/err"
[ ! -e "$tmp/same.json" ]
if "$KCITY" score "$tmp/call" --output "$tmp/o.json" --attest "$tmp/call/rules/program.yaml" 2>"$tmp/err"; then exit 1; fi
grep -q -- "--attest .*program.yaml is an input of this run" "$tmp/err"
if "$KCITY" score "$tmp/call" --output "$tmp/o.json" --attest "$tmp/call/rules/program.yaml" --lang ko 2>"$tmp/err"; then exit 1; fi
grep -q -- "^kcity: error: --attest .*program.yaml은(는) 이번 실행의 입력 파일(.*)입니다. 증명서를 쓰면" "$tmp/err"
cmp "$tmp/call/rules/program.yaml" examples/2023/rules/program.yaml
"$KCITY" letters "$tmp/call" --output-dir "$tmp/letters" --format text --attest "$tmp/letters.json" >/dev/null 2>&1
[ "$(grep -c '"digest"' "$tmp/letters.json")" = "$(ls "$tmp/letters" | wc -l)" ]
"$KCITY" verify "$tmp/letters.json" >/dev/null
echo "letter" >>"$tmp/letters/index.txt"
if "$KCITY" verify "$tmp/letters.json" >/dev/null 2>"$tmp/err"; then exit 1; fi
grep -q "index.txt: the attested output was edited" "$tmp/err"
# score --robustness: the statement records the runs' options, and verify runs them again.
(cd "$tmp" && "$KCITY" score call --robustness 20 --seed s1 --weights 5 --no-resample \
  --format csv --output pub/shares.csv --attest pub/shares.intoto.json 2>/dev/null)
grep -q '"options": \["--format", "csv", "--robustness", "20", "--seed", "s1", "--weights", "5", "--no-resample"\]' \
  "$tmp/pub/shares.intoto.json"
grep -q '^.*,robustness_class' "$tmp/pub/shares.csv"
"$KCITY" verify "$tmp/pub/shares.intoto.json" >/dev/null
sed -i 's/,secure/,out/' "$tmp/pub/shares.csv"
if "$KCITY" verify "$tmp/pub/shares.intoto.json" >/dev/null 2>"$tmp/err"; then exit 1; fi
grep -q "shares.csv: the attested output was edited" "$tmp/err"
echo "a statement verifies untouched and moved; a changed input, a changed result and an edited report fail, named, in English and Korean"
