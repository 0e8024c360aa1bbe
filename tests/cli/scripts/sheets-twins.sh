# A messy score sheet and its clean twin (tests/cli/fixtures/sheets-twins/README.md) give
# the same JSON report but for the sha256 fields, in both languages: semicolons, title rows,
# Korean headers with maxima, 합계, blank rows, 예 and reviewers by name change nothing.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
call=tests/cli/fixtures/sheets
twins=tests/cli/fixtures/sheets-twins
for lang in en ko; do
  for twin in clean messy; do
    "$KCITY" score "$call" --scores "$twins/$twin.csv" --track pilot \
      --format json --lang "$lang" >"$tmp/$twin.json"
    grep -v '_sha256' "$tmp/$twin.json" >"$tmp/$twin-$lang.json"
  done
  diff -u "$tmp/clean-$lang.json" "$tmp/messy-$lang.json"
  # The reports differ in the sheet's hash only.
  [ "$(diff "$tmp/clean.json" "$tmp/messy.json" | grep -c '^[<>]')" = 2 ]
  # R6 sits in PIL-2023-02's applicant's organisation: excluded, with why.
  grep -q '"reviewer": "R6", "code": "same-organisation"' "$tmp/messy.json"
  echo "ok $lang"
done
