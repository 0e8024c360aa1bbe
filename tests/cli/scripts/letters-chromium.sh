# An HTML letter prints on A4 in one or two pages (SPEC §11): headless Chromium prints the
# longest letters of examples/2023 (a selected proposal with the panel, and an ineligible one)
# in English and Korean to PDF, and the PDF's page objects are counted and their size read.
# Also: self-contained (no script, nothing fetched).
#
# Needs Debian's `chromium` (CI installs it). Without it the test fails when CI=true and is
# skipped otherwise.
set -eu
. tests/cli/lib/chromium.sh
need_chromium "the letters were not printed"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for lang in en ko; do
  "$KCITY" letters examples/2023 --rules tests/cli/fixtures/letters/rules --panel \
    --output-dir "$tmp/$lang" --lang "$lang" >/dev/null 2>&1
  for id in PLN-2023-04 PLN-2023-17 PLN-2023-15; do
    html=$tmp/$lang/$id.html
    if grep -qiE '<script|src=|url\(|@import|href=' "$html"; then
      echo "FAIL $lang/$id: the letter refers to outside resources or holds a script"
      failed=1
    fi
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
      --no-first-run --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$tmp/$lang-$id.pdf" \
      "file://$html" >"$tmp/chromium.log" 2>&1; then
      echo "FAIL $lang/$id: chromium could not print the letter"
      tail -20 "$tmp/chromium.log"
      failed=1
      continue
    fi
    # Chromium writes each page's dictionary uncompressed: `/Type /Page` and its /MediaBox.
    read -r pages size < <(python3 - "$tmp/$lang-$id.pdf" <<'PY'
import re, sys
pdf = open(sys.argv[1], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))
boxes = {tuple(round(float(v)) for v in m.groups())
         for m in re.finditer(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)}
print(pages, "x".join("%dx%d" % b for b in sorted(boxes)) or "none")
PY
)
    echo "$lang/$id: $pages page(s), $size points"
    [ "$size" = 595x842 ] || { echo "FAIL $lang/$id: not A4 ($size points)"; failed=1; }
    if [ -z "$pages" ] || [ "$pages" -lt 1 ] || [ "$pages" -gt 2 ]; then
      echo "FAIL $lang/$id: $pages pages; a letter prints on one or two"
      failed=1
    fi
  done
done
[ $failed = 0 ] || exit 1
echo "the HTML letters print on one or two A4 pages"
