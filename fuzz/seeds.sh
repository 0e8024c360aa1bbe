#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets, from examples/ and rules/, into OUTDIR:
#   fuzz/seeds.sh OUTDIR      -> OUTDIR/{proposals,rules,csv,xlsx,money,date}/
# Seeds are a starting point; libFuzzer adds the inputs it finds interesting to the same
# folders when they are passed as its corpus.
set -euo pipefail
out=${1:?usage: fuzz/seeds.sh OUTDIR}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"/{proposals,rules,csv,xlsx,money,date}

n=0
for f in "$root"/examples/2023/proposals/*/*.yaml "$root"/tests/cli/fixtures/*/proposals/*.yaml; do
  cp "$f" "$out/proposals/seed-$((n += 1)).yaml"
done
# The YAML traps of tests/bad (stray comma, deep nesting, aliases, tags, ...), but the very
# large ones.
for f in "$root"/tests/bad/yaml-*/*.yaml; do
  if [ "$(stat -c %s "$f")" -le 65536 ]; then cp "$f" "$out/proposals/seed-$((n += 1)).yaml"; fi
done

# fuzz_rules: the first byte picks the file the rest replaces (0 program, 1 planning,
# 2 pilot, 3 history, 4 decisions).
i=0
for name in program planning pilot history decisions; do
  src="$root/rules/$name.yaml"
  [ -f "$src" ] || src="$root/examples/2023/rules/$name.yaml"
  { printf "\\x$(printf %02x $i)"; cat "$src"; } >"$out/rules/seed-$name"
  i=$((i + 1))
done

# Predicates of every shape (issue 20: `in: []` ended kcity with std::out_of_range): the
# planning track with one more eligibility rule, each operator with values of every type, the
# combinators nested, empty and wrong, and countries, dates and amounts as rules write them.
n=0
while IFS= read -r predicate; do
  { printf '\x01'
    awk -v p="$predicate" '/^selection:/ { print "  - id: fuzz\n    name: Fuzz\n    require: " p }
      { print }' "$root/rules/planning.yaml"
  } >"$out/rules/seed-predicate-$((n += 1))"
done <<'PREDICATES'
{field: country, in: []}
{field: country, not_in: []}
{field: country, equals: kr}
{field: partner.country, not_in: [ua, RUS, XX, VN]}
{field: applicant.country, equals: 82}
{field: city, in_history: true}
{field: country, in_history: false}
{field: requested_krw, at_least: "₩1억2천3백만"}
{field: requested_krw, at_most: 4억 5천}
{field: attributes.matching_fund_krw, in: [1억, 2억]}
{field: submitted_at, before: 2023. 5. 9.}
{field: submitted_at, after: 2023-05-09T16:20:00+09:00}
{field: attributes.late, equals: true}
{field: attributes.score, at_least: 1.23456}
{field: attributes.flag, exists: maybe}
{field: domain, equals: [transport]}
{field: domain, equals: {a: 1}}
{field: domain, equals: null}
{field: domain, in: [transport, 1, true]}
{field: nowhere, equals: x}
{field: country, equals: VN, in: [VN]}
{equals: VN}
{field: country}
{all: []}
{any: [{field: country, equals: VN}, {not: {field: city, equals: Hue}}]}
{not: {not: {not: {all: [{field: country, exists: true}]}}}}
{all: [{any: [{all: [{any: [{field: country, in: [VN, KR]}]}]}]}]}
{not: [{field: country, equals: VN}]}
{all: {field: country, equals: VN}, any: []}
[{field: country, equals: VN}]
PREDICATES

n=0
for f in "$root"/examples/2023/scores/*.csv "$root"/tests/cli/fixtures/*/scores/*.csv; do
  cp "$f" "$out/csv/seed-$((n += 1)).csv"
done
printf 'proposal,reviewer,importance,viability,feasibility,conflict\r\nPLN-2023-01,R7,"20","2""0",,yes\r\n' \
  >"$out/csv/seed-quoted.csv"

# fuzz_xlsx: the first byte picks the mode. 0: the workbooks of the tests as they are; 1: the
# XML of each of their worksheets, which the target zips into a workbook itself.
n=0
for f in "$root"/tests/cli/fixtures/xlsx/*.xlsx "$root"/tests/bad/xlsx-*/scores/*.xlsx; do
  { printf '\x00'; cat "$f"; } >"$out/xlsx/seed-$((n += 1))"
done
python3 - "$root" "$out/xlsx" <<'PY'
import pathlib, sys, zipfile
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
for book in sorted(root.glob("tests/cli/fixtures/xlsx/*.xlsx")) + sorted(root.glob("tests/bad/xlsx-*/scores/*.xlsx")):
    if not zipfile.is_zipfile(book):
        continue
    for name in zipfile.ZipFile(book).namelist():
        if name.startswith("xl/worksheets/"):
            n += 1
            (out / f"seed-sheet-{n}").write_bytes(b"\x01" + zipfile.ZipFile(book).read(name))
PY

# Every amount and date written in the examples and rules, plus the spec's forms.
n=0
{
  grep -rhoE '_krw: *"?[^"#]+' "$root/examples" "$root/rules" | sed -E 's/^[a-z_]+: *"?//'
  printf '%s\n' 450000000 450_000_000 450,000,000 450,000,000원 4.5억 "4억 5천만원" 45000만원 \
    1,500만원 "1억 2,345만 6,789원" 4.5e8 "5천만 4억" "1억 1억" "4억 15천만" 1000000000000000 \
    ₩450,000,000 "KRW 450,000,000" 1억2천3백만원 3천5백만원 "4억 5천" "1억 3백5만 20" "3백2천만"
} | sort -u | while IFS= read -r m; do
  printf '%s' "$m" >"$out/money/seed-$((n += 1))"
done
n=0
{
  grep -rhoE '(submitted_at|deadline): *[^ #]+' "$root/examples" "$root/rules" | sed -E 's/^[a-z_]+: *//'
  printf '%s\n' 2023-05-10 "2023-05-10 15:30" 2023-05-10T15:30:00Z 2023-05-10T23:59:00+09:00 \
    2023-02-30 2024-02-29T00:00-05:30 +09:00 Z 2024.05.09 "2024. 5. 9." "2024. 5. 9" 2024.02.30.
} | sort -u | while IFS= read -r d; do
  printf '%s' "$d" >"$out/date/seed-$((n += 1))"
done
echo "seeds in $out: $(ls "$out"/* | grep -c seed) files" >&2
