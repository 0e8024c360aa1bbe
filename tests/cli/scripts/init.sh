# `kcity init DIR` writes a call that `check` and `score` accept, and never overwrites a file.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$KCITY" init "$tmp/call" 2>/dev/null
for f in rules/program.yaml rules/planning.yaml rules/pilot.yaml rules/history.yaml rules/panel.yaml \
         proposals/planning-example.yaml proposals/pilot-example.yaml scores/panel.csv; do
  [ -s "$tmp/call/$f" ] || { echo "missing $f"; exit 1; }
done
head -1 "$tmp/call/scores/panel.csv" | grep -qx "proposal,reviewer,importance,viability,feasibility,conditions,market-entry,conflict"
"$KCITY" check "$tmp/call" >"$tmp/check.txt" 2>/dev/null
! grep -q "error:" "$tmp/check.txt"
"$KCITY" score "$tmp/call" --format json 2>/dev/null | grep -q '"proposals": 2'
cmp <(cat "$tmp/call/rules/planning.yaml") rules/planning.yaml
# The example panel is ready for `kcity sheets`: seven reviewers, R6 and R7 on one track each.
"$KCITY" sheets "$tmp/call" --output-dir "$tmp/sheets" --format csv 2>/dev/null >"$tmp/sheets.txt"
[ "$(wc -l <"$tmp/sheets.txt")" = 7 ]
grep -q "^PLN-0001,.*,R6," "$tmp/sheets/R6.csv"
! grep -q "PIL-0001" "$tmp/sheets/R6.csv"
echo "changed" >"$tmp/call/proposals/pilot-example.yaml"
if "$KCITY" init "$tmp/call" 2>"$tmp/err.txt"; then echo "init overwrote"; exit 1; fi
grep -q "exists; init never overwrites a file" "$tmp/err.txt"
[ "$(cat "$tmp/call/proposals/pilot-example.yaml")" = changed ]
echo "init wrote a call (with a panel for kcity sheets) that check and score accept, and refused to overwrite"
