# The lottery (SPEC §6) draws from the seed and the id alone: however the proposal files are
# named, split or ordered, the same proposals tie the same way and the reports are the same
# bytes; and each draw is the one `printf '%s\n%s' SEED ID | sha256sum` gives.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fixture=tests/cli/fixtures/lottery
seed='K-City Network 2023, announced 2023-04-10'
"$KCITY" score "$fixture" --format json >"$tmp/a.json"
"$KCITY" explain L2 "$fixture" >"$tmp/a.explain"
# The same proposals, one per file, in the reverse order of their names, under other folders.
mkdir -p "$tmp/call/proposals/z" "$tmp/call/proposals/a"
cp -r "$fixture/rules" "$tmp/call/"
cat "$fixture"/proposals/*.yaml | awk -v dir="$tmp/call/proposals" '
  /^---$/ { n++; next }
  { f = dir "/" (n % 2 ? "z" : "a") "/" (10 - n) ".yaml"; print > f }'
"$KCITY" score "$tmp/call" --format json >"$tmp/b.json"
"$KCITY" explain L2 "$tmp/call" >"$tmp/b.explain"
# Sha256 of the proposals' files differ; the rest must not.
grep -v proposals_sha256 "$tmp/a.json" >"$tmp/a.cut"
grep -v proposals_sha256 "$tmp/b.json" >"$tmp/b.cut"
cmp "$tmp/a.cut" "$tmp/b.cut" || { echo "the order of the files changed the report"; diff "$tmp/a.cut" "$tmp/b.cut" | head; exit 1; }
cmp "$tmp/a.explain" "$tmp/b.explain" || { echo "the order of the files changed explain"; exit 1; }
grep -q '"lottery": \[{"seed"' "$tmp/a.json" || { echo "no lottery in the JSON report"; exit 1; }
for id in L2 L3 L4; do
  hash=$(printf '%s\n%s' "$seed" "$id" | sha256sum | cut -d' ' -f1)
  grep -q "$id: $hash" "$tmp/a.explain" || { echo "explain does not show $id's draw $hash"; exit 1; }
done
# The command explain prints redraws them: run it, and the order is the report's.
cmd=$(sed -n 's/^ *redraw: //p' "$tmp/a.explain" | head -1)
[ -n "$cmd" ] || { echo "explain prints no redraw command"; exit 1; }
ids=$(printf '%s' "$cmd" | sed 's/^for id in \(.*\); do .*/\1/' | tr ' ' '\n')
order=$(bash -c "$cmd" | paste - <(printf '%s\n' "$ids") | sort | cut -f2 | tr '\n' ' ')
[ "$order" = "L3 L4 L2 " ] || { echo "redrawn order $order"; exit 1; }
echo "the lottery's draws do not depend on the files; explain's command redraws them: $order"
