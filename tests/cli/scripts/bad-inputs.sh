# The corpus of bad inputs (tests/bad/NAME, one folder per check; NAME/about says which):
# every case runs through the binary twice, and both runs must refuse it the same way:
#   kcity check ARGS  -> exit 1, standard output = NAME/expected
#   kcity score ARGS  -> exit 1, nothing on standard output, standard error = NAME/expected
#                        (its notes aside)
# ARGS: the lines of NAME/args when present; else NAME itself, with `--rules rules` (the
# shipped 2023 rules) unless NAME/rules/program.yaml makes it a call directory.
# A case with NAME/max_seconds must also finish within that many seconds, each run on its own
# (process start included, so that a sanitizer build on a busy machine still passes).
# UPDATE_GOLDEN=1 rewrites NAME/expected from `check`; review every diff.
set -u
. tests/cli/lib/bad_case_args.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
count=0

fail() { # NAME MESSAGE
  echo "FAIL $1: $2 ($(cat "tests/bad/$1/about"))"
  failed=$((failed + 1))
}

seconds_since() { # START (from $EPOCHREALTIME)
  awk -v s="$1" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.3f", e - s }'
}

for dir in tests/bad/*/; do
  name=$(basename "$dir")
  count=$((count + 1))
  bad_case_args "$dir"

  start=$EPOCHREALTIME
  "$KCITY" check "${args[@]}" >"$tmp/check.out" 2>"$tmp/check.err"
  check_exit=$?
  check_seconds=$(seconds_since "$start")
  start=$EPOCHREALTIME
  "$KCITY" score "${args[@]}" >"$tmp/score.out" 2>"$tmp/score.err"
  score_exit=$?
  score_seconds=$(seconds_since "$start")

  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$tmp/check.out" "$dir/expected"
  fi
  [ -f "$dir/expected" ] || { fail "$name" "no expected file"; continue; }
  grep -q ': error: ' "$dir/expected" || fail "$name" "expected holds no error"
  [ "$check_exit" = 1 ] || fail "$name" "check exited $check_exit, not 1"
  diff -u "$dir/expected" "$tmp/check.out" >"$tmp/diff" || {
    fail "$name" "check's standard output differs"
    head -30 "$tmp/diff"
  }
  [ "$score_exit" = 1 ] || fail "$name" "score exited $score_exit, not 1"
  [ -s "$tmp/score.out" ] && fail "$name" "score printed a report despite the errors"
  # Notes (SPEC §2: a file read as CP949, the files ignored, such as each case's `about`
  # and `expected`) go to standard error only, beside the errors: they are not compared.
  grep -v ': note: ' "$tmp/score.err" >"$tmp/score.errors" || true
  diff -u "$dir/expected" "$tmp/score.errors" >"$tmp/diff" || {
    fail "$name" "score's standard error differs from the expected messages"
    head -30 "$tmp/diff"
  }
  if [ -f "$dir/max_seconds" ]; then
    limit=$(cat "$dir/max_seconds")
    for t in "$check_seconds" "$score_seconds"; do
      awk -v t="$t" -v l="$limit" 'BEGIN { exit !(t <= l) }' ||
        fail "$name" "a run took ${t}s, more than ${limit}s"
    done
  fi
done

echo "$count cases of bad input, $failed failures"
[ "$count" -gt 0 ] && [ "$failed" = 0 ]
