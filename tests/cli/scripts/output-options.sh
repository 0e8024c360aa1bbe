# --output's options (issue 14): `check --output` always writes (an empty list when clean);
# without --format the extension picks the format (any case); `-` is standard output; and
# `init --year` starts that year's call.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check --output FILE replaces an older FILE even when there is nothing to say. A clean call:
# the flat-reviewer fixture with R1's first score changed.
cp -r tests/cli/fixtures/flat-reviewer "$tmp/clean"
sed -i '0,/a: 70/s//a: 71/' "$tmp/clean/proposals/p.yaml"
"$KCITY" check "$tmp/clean" --strict >/dev/null 2>&1 || { echo "the clean call is not clean"; exit 1; }
echo "an older run's problems" >"$tmp/problems.txt"
"$KCITY" check "$tmp/clean" --output "$tmp/problems.txt" 2>/dev/null
[ -f "$tmp/problems.txt" ] && [ ! -s "$tmp/problems.txt" ] || { echo "check kept an old file"; exit 1; }
echo "an older run's problems" >"$tmp/problems.json"
"$KCITY" check "$tmp/clean" --output "$tmp/problems.json" 2>/dev/null
"$KCITY" check "$tmp/clean" --format json | cmp - "$tmp/problems.json"
[ -s "$tmp/problems.json" ]

# The extension, in any case, picks the format; --format wins over it.
for pair in md:markdown MD:markdown json:json Json:json csv:csv html:html HTM:html txt:text; do
  ext=${pair%%:*} format=${pair#*:}
  "$KCITY" score examples/2023 --output "$tmp/report.$ext" 2>/dev/null
  "$KCITY" score examples/2023 --format "$format" | cmp - "$tmp/report.$ext" ||
    { echo "--output report.$ext is not $format"; exit 1; }
done
"$KCITY" score examples/2023 --format json --output "$tmp/report.md" 2>/dev/null
"$KCITY" score examples/2023 --format json | cmp - "$tmp/report.md"
"$KCITY" score examples/2023 --output "$tmp/report" 2>/dev/null
"$KCITY" score examples/2023 | cmp - "$tmp/report"
# An extension kcity does not know is refused, and nothing is written.
if "$KCITY" score examples/2023 --output "$tmp/report.xlsx" 2>/dev/null; then exit 1; fi
[ ! -e "$tmp/report.xlsx" ]

# `-` is standard output: no file named `-`.
(cd "$tmp" && "$KCITY" score "$OLDPWD/examples/2023" --output - >stdout.txt 2>/dev/null)
[ ! -e "$tmp/-" ] && [ -s "$tmp/stdout.txt" ]

# init --year: the year, the deadlines in it, the earlier selections as history.
"$KCITY" init "$tmp/call2025" --year 2025 2>"$tmp/err"
grep -q "wrote a new 2025 call" "$tmp/err"
grep -qx "year: 2025" "$tmp/call2025/rules/program.yaml"
grep -qx "deadline: 2025-05-10" "$tmp/call2025/rules/planning.yaml"
grep -qx "deadline: 2025-05-30" "$tmp/call2025/rules/pilot.yaml"
grep -q "year: 2022, track: pilot, country: ID, city: Madiun" "$tmp/call2025/rules/history.yaml"
grep -q "year: 2023, track: planning, country: UA, city: Uman" "$tmp/call2025/rules/history.yaml"
! grep -q "year: 2025" "$tmp/call2025/rules/history.yaml"
grep -q "submitted_at: 2025-05-" "$tmp/call2025/proposals/pilot-example.yaml"
"$KCITY" check "$tmp/call2025" >/dev/null 2>&1
"$KCITY" score "$tmp/call2025" --format json 2>/dev/null | grep -q '"year": 2025'
# A year before the first selections has an empty history; 2021's has 2020's only.
"$KCITY" init "$tmp/call2020" --year 2020 2>/dev/null
"$KCITY" check "$tmp/call2020" >/dev/null 2>&1
! grep -q "^- {year" "$tmp/call2020/rules/history.yaml"
"$KCITY" init "$tmp/call2021" --year 2021 2>/dev/null
grep -q "year: 2020" "$tmp/call2021/rules/history.yaml"
! grep -q "year: 2021" "$tmp/call2021/rules/history.yaml"
if "$KCITY" init "$tmp/call1999" --year 1999 2>/dev/null; then exit 1; fi
[ ! -e "$tmp/call1999" ]
echo "check --output always writes; the extension picks the format; - is standard output; init --year"
