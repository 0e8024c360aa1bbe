# Outside any call directory, kcity uses the rules built into the binary, says so on
# standard error, and those rules are the ones in rules/ (same sha256).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r examples/2023/proposals "$tmp/proposals"
repo=$(pwd)
(cd "$tmp" && "$KCITY" score proposals --format json >out.json 2>err.txt)
grep -q "built-in 2023 rules" "$tmp/err.txt"
builtin=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['inputs']['rules_sha256'])" "$tmp/out.json")
(cd "$tmp" && "$KCITY" score proposals --rules "$repo/rules" --format json >out2.json)
shipped=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['inputs']['rules_sha256'])" "$tmp/out2.json")
[ "$builtin" = "$shipped" ]
cmp "$tmp/out.json" "$tmp/out2.json"
echo "built-in rules used and identical to rules/"
