# The per-file size limit (docs/validation.md): a file over 256 MiB is refused at once with a
# clear message, by `check` and `score` alike; a multi-document file of 100,000 proposals,
# about 90 MB, still loads.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A sparse file: no disk space, and kcity must refuse it by its size, before reading it.
truncate -s $((256 * 1024 * 1024 + 1)) "$tmp/huge.yaml"
expected="$tmp/huge.yaml:1:1: error: the file is 268,435,457 bytes, more than the 268,435,456 bytes (256 MiB) kcity reads from one file: split it into several files"
set +e
"$KCITY" check "$tmp/huge.yaml" --rules rules >"$tmp/out" 2>"$tmp/err"
check_exit=$?
"$KCITY" score "$tmp/huge.yaml" --rules rules >"$tmp/score.out" 2>"$tmp/score.err"
score_exit=$?
set -e
[ "$check_exit" = 1 ] && [ "$score_exit" = 1 ]
[ "$(cat "$tmp/out")" = "$expected" ]
[ "$(cat "$tmp/score.err")" = "$expected" ]
[ ! -s "$tmp/score.out" ]
echo "a file of 256 MiB + 1 byte is refused"

# 100,000 proposals in one file: the example call's planning proposals, each document copied
# with a new id, as one multi-document file (every document is read and dropped in turn).
# Under AddressSanitizer (CI's second run of the suite) 10,000 are enough to look for memory
# errors, and take a tenth of the time.
count=100000
grep -q __asan_init "$KCITY" && count=10000
mkdir -p "$tmp/call/proposals"
cp -r examples/2023/rules "$tmp/call/rules"
rm -f "$tmp/call/rules/decisions.yaml"  # its ids name the example's proposals
python3 - "$tmp/call/proposals/all.yaml" "$count" <<'PY'
import glob, re, sys
docs = []
for path in sorted(glob.glob("examples/2023/proposals/planning/*.yaml")):
    for doc in open(path, encoding="utf-8").read().split("\n---\n"):
        if re.search(r"^id: ", doc, re.M):
            docs.append(doc.strip("-\n") + "\n")
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(int(sys.argv[2])):
        doc = re.sub(r"^id: .*$", "id: P-%06d" % i, docs[i % len(docs)], count=1, flags=re.M)
        out.write("---\n" + doc)
PY
size=$(stat -c %s "$tmp/call/proposals/all.yaml")
[ "$size" -gt $((count * 500)) ] && [ "$size" -le $((256 * 1024 * 1024)) ]
"$KCITY" check "$tmp/call" >/dev/null 2>"$tmp/err"
grep -q "0 errors, .* in $count proposals" "$tmp/err"
echo "a multi-document file of $count proposals ($size bytes) loads"

# Memory (docs/validation.md): a rules file over 8 MiB is refused before its tree is built
# (a 72 MB history.yaml took 1.1 GB), and a run of more than 200,000 proposals stops at the
# one too many, however small they are (two million took 3 GB). The proposal after the limit
# is named, the same place whatever the threads' timing, and nothing else is reported.
cp -r examples/2023 "$tmp/big-history"
python3 - "$tmp/big-history/rules/history.yaml" <<'PY'
import sys
with open(sys.argv[1], "a", encoding="utf-8") as out:
    for i in range(8 * 1024 * 1024 // 50 + 1):
        out.write("- {year: 2019, track: pilot, country: VN, city: C%07d}\n" % i)
PY
set +e
"$KCITY" check "$tmp/big-history" >"$tmp/out" 2>"$tmp/err"
code=$?
set -e
[ "$code" = 1 ]
grep -q "^$tmp/big-history/rules/history.yaml:1:1: error: the rules file is .* bytes, more than the 8,388,608 bytes (8 MiB) kcity reads from a rules file$" "$tmp/out" ||
  { cat "$tmp/out"; exit 1; }
[ "$(grep -c ': error: ' "$tmp/out")" = 1 ]
echo "a history.yaml over 8 MiB is refused"

if ! grep -q __asan_init "$KCITY"; then
  mkdir -p "$tmp/many/proposals"
  cp -r "$tmp/call/rules" "$tmp/many/rules"
  python3 - "$tmp/many/proposals" <<'PY'
import sys
for f, (lo, hi) in enumerate([(0, 120000), (120000, 200001)]):
    with open(f"{sys.argv[1]}/part{f}.yaml", "w", encoding="utf-8") as out:
        for i in range(lo, hi):
            out.write(f"---\nid: P{i:07d}\ntrack: planning\ntitle: T\ncountry: VN\ncity: C\n"
                      "applicant: {name: A, type: government}\nrequested_krw: 100000000\n"
                      "submitted_at: 2023-05-01\n")
PY
  set +e
  "$KCITY" score "$tmp/many" >"$tmp/out" 2>"$tmp/err"
  code=$?
  set -e
  [ "$code" = 1 ] && [ ! -s "$tmp/out" ]
  # Proposal 200,001 is the 80,001st of part1.yaml: 9 lines each, its `---` on line 720,001,
  # and the proposal where its map begins (as in every message about a whole proposal).
  expected="$tmp/many/proposals/part1.yaml:720002:5: error: more than 200,000 proposals: kcity reads at most 200,000 in one run, to stay within its memory; this is proposal 200,001"
  [ "$(grep ': error: ' "$tmp/err")" = "$expected" ] || { head -5 "$tmp/err"; exit 1; }
  echo "200,001 proposals are refused at the one too many"
fi
