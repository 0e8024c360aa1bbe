# The files `kcity sheets` writes, byte for byte where it matters: for R6 of
# tests/cli/fixtures/sheets (in Korean; R6 is of PIL-2023-02's organisation), the workbook's zip
# entries and its XML parts (the worksheet laid out one row or rule per line), and R2's CSV
# sheet; with the commands' standard output and error. Compared with
# tests/cli/fixtures/sheets-files/expected.txt; UPDATE_GOLDEN=1 rewrites it (review the diff).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
expected=tests/cli/fixtures/sheets-files/expected.txt
{
  echo "== kcity sheets tests/cli/fixtures/sheets --reviewer R6 --lang ko --output-dir OUT"
  "$KCITY" sheets tests/cli/fixtures/sheets --reviewer R6 --lang ko --output-dir "$tmp/x" \
    2>&1 | sed "s|$tmp|OUT|g"
  python3 - "$tmp/x/R6.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print("== zip entries (name, date, size)")
for i in z.infolist():
    print(f"{i.filename} {i.date_time} {i.file_size}")
for name in ["docProps/core.xml", "xl/workbook.xml", "xl/sharedStrings.xml",
             "xl/worksheets/sheet1.xml"]:
    print(f"== {name}")
    xml = z.read(name).decode()
    print(re.sub(r"(<(?:row|dataValidation|sheetProtection|si|cols|dcterms)[ >])", r"\n\1", xml))
PY
  echo "== kcity sheets tests/cli/fixtures/sheets --reviewer R2 --format csv --output-dir OUT"
  "$KCITY" sheets tests/cli/fixtures/sheets --reviewer R2 --format csv --output-dir "$tmp/c" \
    2>&1 | sed "s|$tmp|OUT|g"
  echo "== R2.csv"
  cat "$tmp/c/R2.csv"
} >"$tmp/got.txt"
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$tmp/got.txt" "$expected"
  echo "updated $expected"
  exit 0
fi
diff -u "$expected" "$tmp/got.txt"
echo "the workbook and the CSV sheet are as expected"
