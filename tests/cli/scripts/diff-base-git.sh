# `kcity diff --base git:REV` reads the whole call directory at a revision: a temporary
# repository with the committed call, then an upheld objection, a late sheet and a withdrawal.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/repo/calls"
cp -r examples/2023 "$tmp/repo/calls/2023"
cd "$tmp/repo"
git init -q .
git -c user.name=t -c user.email=t@t add -A
git -c user.name=t -c user.email=t@t commit -qm "as decided"
call=calls/2023

# The same state: no change, exit 0 with --detailed-exitcode.
"$KCITY" diff "$call" --base git:HEAD --detailed-exitcode >out.txt
grep -q "^planning: no change; pilot: no change$" out.txt

# The corrections of tests/cli/fixtures/base-objection, made in the working tree.
cp -r "$OLDPWD/tests/cli/fixtures/base-objection/." "$call/"
rm -f "$call/proposals/planning/chiang-mai.yaml"
set +e
"$KCITY" diff "$call" --base git:HEAD --detailed-exitcode >out.txt 2>err.txt
code=$?
set -e
[ "$code" = 2 ] || { echo "exit $code, expected 2"; cat err.txt; exit 1; }
grep -q "^Base:    git:HEAD:calls/2023$" out.txt || { cat out.txt; exit 1; }
grep -q "PLN-2023-07: R3's feasibility 29.5 → 36" out.txt
grep -q "because PLN-2023-04 withdrew" out.txt || grep -q "because withdrew" out.txt
grep -q "proposal-removed *PLN-2023-16" out.txt
# The same report as from a copied folder, but for the base's name.
cp -r "$OLDPWD/examples/2023" "$tmp/base"
"$KCITY" diff "$call" --base "$tmp/base" >copy.txt || true
diff <(tail -n +4 out.txt) <(tail -n +4 copy.txt)
# An explicit path, from another folder; the JSON names the kinds.
(cd / && "$KCITY" diff "$tmp/repo/$call" --base git:HEAD:calls/2023 --format json) >json.txt
grep -q '"kind": "review-added", "file": "calls/2023/scores/planning-late.csv"' json.txt ||
  grep -q '"kind": "review-added"' json.txt
# Errors: an unknown revision, a path with no call.
for base in git:no-such-rev git:HEAD:nowhere; do
  if "$KCITY" diff "$call" --base "$base" >out.txt 2>err.txt; then echo "$base accepted"; exit 1; fi
  [ ! -s out.txt ]
  grep -q "^kcity: error: --base $base: " err.txt || { cat err.txt; exit 1; }
done
# A base state with an error: named as git:REV:PATH, labelled, and no report.
sed -i 's/^requested_krw: "6억"/requested_krw: lots/' "$call/proposals/planning/uman.yaml"
git -c user.name=t -c user.email=t@t commit -qam "a mistake"
git checkout -q HEAD~1 -- "$call/proposals/planning/uman.yaml"
if "$KCITY" diff "$call" --base git:HEAD >out.txt 2>err.txt; then echo "accepted"; exit 1; fi
grep -q "^git:HEAD:calls/2023/proposals/planning/uman.yaml:[0-9]*:[0-9]*: error: .*(in the base state)$" err.txt ||
  { cat err.txt; exit 1; }

# Sizes (issue 20): a file kcity does not read is named as ignored without being fetched, and
# one it reads that is larger than 256 MiB is refused at its name before git hands it over.
git checkout -q -- . && git clean -fdq
truncate -s 300M "$call/proposals/scan.pdf"  # sparse: nothing is written but its size
git -c user.name=t -c user.email=t@t add "$call/proposals/scan.pdf"
git -c user.name=t -c user.email=t@t commit -qm "a scan"
"$KCITY" diff "$call" --base git:HEAD --detailed-exitcode >out.txt
grep -q "^planning: no change$" out.txt || { cat out.txt; exit 1; }
git rm -q "$call/proposals/scan.pdf"
truncate -s 300M "$call/proposals/huge.yaml"
git -c user.name=t -c user.email=t@t add "$call/proposals/huge.yaml"
git -c user.name=t -c user.email=t@t commit -qm "a huge file"
rm "$call/proposals/huge.yaml"
if "$KCITY" diff "$call" --base git:HEAD >out.txt 2>err.txt; then echo "accepted"; exit 1; fi
grep -q "^git:HEAD:calls/2023/proposals/huge.yaml:1:1: error: the file is 314,572,800 bytes, more than the 268,435,456 bytes (256 MiB) kcity reads from one file: split it into several files$" err.txt ||
  { cat err.txt; exit 1; }
echo "diff --base git: ok"
