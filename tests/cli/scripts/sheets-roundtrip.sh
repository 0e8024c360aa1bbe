# `kcity sheets` and back (SPEC §11): the blank sheets of the panel (tests/cli/fixtures/sheets,
# with a declared conflict added and R6 of PIL-2023-02's organisation), filled by
# fill_sheets.py as reviewers would, give `kcity score` the same report as the same scores in
# plain CSV sheets; for workbooks in English and Korean and for --format csv. Also: the same
# call gives the same bytes a second later, and no file is ever overwritten.
set -eu
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
fill=tests/cli/scripts/fill_sheets.py
mkdir "$tmp/call"
cp -r tests/cli/fixtures/sheets/rules tests/cli/fixtures/sheets/proposals "$tmp/call/"
sed -i 's/^id: PIL-2023-05$/&\nconflicts: [R3]/' "$tmp/call/proposals/asia.yaml"
grep -q "conflicts: \[R3\]" "$tmp/call/proposals/asia.yaml"

# Scores the call with the sheets of one folder under scores/; prints the JSON but for the
# input hashes.
score_with() { # NAME DIR
  mkdir -p "$tmp/$1-call/scores"
  cp -r "$tmp/call/rules" "$tmp/call/proposals" "$tmp/$1-call/"
  cp "$2"/* "$tmp/$1-call/scores/"
  "$KCITY" score "$tmp/$1-call" --format json 2>"$tmp/$1.err" | grep -v '"inputs"'
}

round_trip() { # NAME, then the options of kcity sheets
  name=$1
  shift
  "$KCITY" sheets "$tmp/call" --output-dir "$tmp/$name-blank" "$@" >"$tmp/$name.out"
  [ "$(wc -l <"$tmp/$name.out")" = 8 ] || { echo "$name: not 8 sheets"; cat "$tmp/$name.out"; exit 1; }
  python3 "$fill" "$tmp/$name-blank" "$tmp/$name-filled" "$tmp/$name-twin" "$tmp/xlsx-blank"
  score_with "$name-sheets" "$tmp/$name-filled" >"$tmp/$name-sheets.json"
  score_with "$name-twin" "$tmp/$name-twin" >"$tmp/$name-twin.json"
  if ! cmp -s "$tmp/$name-sheets.json" "$tmp/$name-twin.json"; then
    echo "$name: the filled sheets and their CSV twin give different reports"
    diff "$tmp/$name-sheets.json" "$tmp/$name-twin.json" | head -20
    cat "$tmp/$name-sheets.err"
    exit 1
  fi
  # Not an empty comparison: proposals were scored and selected, and the conflicts held.
  grep -q '"status": "selected"' "$tmp/$name-sheets.json"
  grep -q '"excluded": \["R3"\]' "$tmp/$name-sheets.json"
  grep -q '"excluded": \["R6"\]' "$tmp/$name-sheets.json"
}

round_trip xlsx
round_trip xlsx-ko --lang ko
round_trip csv --format csv
echo "filled workbooks (en, ko) and CSV sheets give the report of the same scores in CSV"

# Deterministic: the same call a second later gives the same bytes (the workbook's creation
# time is the call's, not the clock's).
sleep 1
"$KCITY" sheets "$tmp/call" --output-dir "$tmp/again" >/dev/null
for f in "$tmp/xlsx-blank"/*.xlsx; do
  cmp "$f" "$tmp/again/$(basename "$f")"
done
echo "the same call gives the same workbooks, byte for byte"

# Never overwrites: one existing file refuses the run, and nothing is written.
mkdir "$tmp/some"
echo "mine" >"$tmp/some/R4.xlsx"
if "$KCITY" sheets "$tmp/call" --output-dir "$tmp/some" 2>"$tmp/some.err"; then
  echo "sheets overwrote a file"
  exit 1
fi
grep -q "R4.xlsx exists; sheets never overwrites a file" "$tmp/some.err"
[ "$(cat "$tmp/some/R4.xlsx")" = mine ]
[ "$(ls -A "$tmp/some")" = R4.xlsx ]
echo "an existing file refuses the run, and nothing is written"
