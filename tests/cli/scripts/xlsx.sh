# Scores in an Excel workbook give the same report as the same scores in CSV, but for the input
# hash: the example call with tests/cli/fixtures/xlsx/pilot-panel.xlsx (made by
# make_workbooks.py from examples/2023/scores/pilot-panel.csv: two worksheets, shared and
# inline strings, formulas whose cached values are 17 digits long, an empty worksheet) in place
# of its CSV sheet, found in scores/ and named with --scores.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/book/scores" "$tmp/named"
cp -r examples/2023/rules examples/2023/proposals "$tmp/book/"
cp -r examples/2023/rules examples/2023/proposals "$tmp/named/"
cp tests/cli/fixtures/xlsx/pilot-panel.xlsx "$tmp/book/scores/"
"$KCITY" score examples/2023 --format json | grep -v '"inputs"' >"$tmp/csv.json"
"$KCITY" score "$tmp/book" --format json | grep -v '"inputs"' >"$tmp/book.json"
cmp "$tmp/csv.json" "$tmp/book.json"
"$KCITY" score "$tmp/named" --scores tests/cli/fixtures/xlsx/pilot-panel.xlsx --format json |
  grep -v '"inputs"' >"$tmp/named.json"
cmp "$tmp/csv.json" "$tmp/named.json"
echo "the workbook's scores give the CSV's report"
