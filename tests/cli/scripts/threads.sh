# The report does not depend on the number of threads (KCITY_THREADS): a multi-document file
# of 2.5 MB is parsed in parts of about 1 MB on several threads, files in parallel. With a
# problem in one part, the whole file is parsed again at once, and the messages are those
# of a single pass.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/gen_call.py "$tmp/multi" --proposals 2500 --layout multidoc --seed 3 \
  --rules-src examples/2023/rules >/dev/null 2>&1
python3 bench/gen_call.py "$tmp/files" --proposals 400 --layout files --seed 4 \
  --rules-src examples/2023/rules >/dev/null 2>&1
same() {  # same NAME ARGS...: stdout, stderr and exit code equal for 1, 2 and 5 threads
  name=$1
  shift
  for t in 1 2 5; do
    set +e
    KCITY_THREADS=$t "$KCITY" "$@" >"$tmp/$name.$t.out" 2>"$tmp/$name.$t.err"
    echo $? >"$tmp/$name.$t.exit"
    set -e
  done
  for t in 2 5; do
    for f in out err exit; do
      cmp -s "$tmp/$name.1.$f" "$tmp/$name.$t.$f" ||
        { echo "$name: $t threads give another std$f than 1 thread"; exit 1; }
    done
  done
  echo "same with 1, 2 and 5 threads: $name (exit $(cat "$tmp/$name.1.exit"))"
}
size=$(wc -c <"$tmp/multi/proposals/all.yaml")
[ "$size" -gt 2200000 ] || { echo "the multi-document file is only $size bytes"; exit 1; }
same multi-json score "$tmp/multi" --format json
same multi-check check "$tmp/multi"
same files-json score "$tmp/files" --format json
same robustness robustness examples/2023 --runs 400 --weights 10 --format json
same robustness-optimal robustness examples/2023 --runs 100 --method optimal
grep -q "\"proposals\": 2500" "$tmp/multi-json.1.out" || { echo "not 2500 proposals"; exit 1; }

# Problems in two parts: a YAML syntax error in the first quarter, after which a single pass
# reads no further, and an unknown key in the last quarter, which a single pass never reaches.
# The parts' own results are thrown away, and only what a single pass finds is reported.
python3 - "$tmp/multi/proposals/all.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
late = text.index("\n---\n", len(text) * 3 // 4) + 5
text = text[:late] + "colour: blue\n" + text[late:]
early = text.index("\n---\n", len(text) // 4) + 5
text = text[:early] + "title: [unclosed\n" + text[early:]
open(path, "w", encoding="utf-8").write(text)
PY
same multi-errors-score score "$tmp/multi" --format json
same multi-errors-check check "$tmp/multi"
grep -q "YAML syntax" "$tmp/multi-errors-check.1.out" ||
  { echo "the syntax error is not reported"; exit 1; }
if grep -q "colour" "$tmp/multi-errors-check.1.out"; then
  echo "reported a problem beyond the syntax error, which a single pass does not reach:"
  cat "$tmp/multi-errors-check.1.out"
  exit 1
fi
[ "$(cat "$tmp/multi-errors-score.1.exit")" = 1 ] || { echo "score should fail"; exit 1; }
[ ! -s "$tmp/multi-errors-score.1.out" ] || { echo "score wrote a report"; exit 1; }
echo ok
