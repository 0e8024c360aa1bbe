# The files `kcity letters` writes, byte for byte: the letters of a proposal of every status
# (examples/2023 with the rules of tests/cli/fixtures/letters, which add results_date,
# appeal_days and a panel) and the index, in English and Korean, as HTML, Markdown and text,
# compared with the golden folder tests/cli/fixtures/letters/expected/<lang>-<format>/.
# UPDATE_GOLDEN=1 rewrites the folder (review the diff). Also: the same bytes twice, a second
# run into the same folder replaces the letters, and standard output lists every file.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
expected=tests/cli/fixtures/letters/expected
rules=tests/cli/fixtures/letters/rules
# selected; reserve (country cap, budget); not selected (budget); withdrawn; below threshold
# (a cut-off, the threshold); unscored; ineligible (a rule, the deadline)
ids="PLN-2023-01 PLN-2023-03 PIL-2023-05 PLN-2023-07 PLN-2023-05 PLN-2023-11 PLN-2023-10
PLN-2023-12 PLN-2023-14 PLN-2023-15"
failed=0
for lang in en ko; do
  for format in html markdown text; do
    case $format in html) ext=html ;; markdown) ext=md ;; text) ext=txt ;; esac
    name=$lang-$ext
    out=$tmp/$name
    # --panel in the HTML letters only, so that the other two show a letter without it.
    panel=()
    [ "$format" != html ] || panel=(--panel)
    "$KCITY" letters examples/2023 --rules "$rules" --output-dir "$out" --format "$format" \
      --lang "$lang" "${panel[@]}" >"$tmp/stdout" 2>"$tmp/stderr"
    # every proposal and the index, and nothing else
    count=$(ls "$out" | wc -l)
    listed=$(wc -l <"$tmp/stdout")
    if [ "$count" != 31 ] || [ "$listed" != 31 ]; then
      echo "FAIL $name: $count files, $listed listed; expected 30 letters and the index"
      failed=1
    fi
    # the same bytes again, into the same folder: every letter replaced, none added
    cp -r "$out" "$tmp/first"
    echo "stale" >"$out/PLN-2023-01.$ext"
    "$KCITY" letters examples/2023 --rules "$rules" --output-dir "$out" --format "$format" \
      --lang "$lang" "${panel[@]}" >/dev/null 2>&1
    if ! diff -r "$tmp/first" "$out" >/dev/null; then
      echo "FAIL $name: a second run gave other bytes"
      failed=1
    fi
    rm -rf "$tmp/first"
    mkdir -p "$tmp/got/$name"
    for id in $ids index; do cp "$out/$id.$ext" "$tmp/got/$name/"; done
    sed "s|$tmp|OUT|g" "$tmp/stderr" >"$tmp/got/$name/stderr.txt"
  done
done
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  rm -rf "$expected"
  cp -r "$tmp/got" "$expected"
  echo "updated $expected"
  exit 0
fi
if ! diff -ru "$expected" "$tmp/got"; then
  echo "FAIL: the letters differ from $expected"
  failed=1
fi
[ $failed = 0 ] || exit 1
echo "the letters of every status, in both languages and three formats, are as expected"
