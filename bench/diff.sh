#!/usr/bin/env bash
# The cost of `kcity diff` against `kcity score` on the same call (issue 16): peak RSS and wall
# time of `score --format json`, `diff --base-rules OLD` (OLD: a copy of the rules with the
# first track's budget changed) and `diff --base OLD` (OLD: a copy of the call with one review
# score changed), and their ratios to score's (targets: memory ≤ 1.2, time ≤ 2). A benchmark,
# not a test: nothing is checked, and CI does not run it. Results: bench/README.md, "diff".
#
#   bench/diff.sh KCITY CALL [WORKDIR]     e.g. bench/diff.sh build/kcity /tmp/kb/multidoc-100000
# CALL: a call written by bench/gen_call.py (either layout). RUNS=3 runs of each, interleaved.
set -euo pipefail
kcity=$(realpath "${1:?usage: bench/diff.sh KCITY CALL [WORKDIR]}")
call=$(realpath "${2:?usage: bench/diff.sh KCITY CALL [WORKDIR]}")
work=${3:-/tmp/kcity-diff-bench}
runs=${RUNS:-3}
mkdir -p "$work"
old_rules="$work/rules-old" old_call="$work/call-old"
rm -rf "$old_rules" "$old_call"
cp -r "$call/rules" "$old_rules"
# The first track's budget at 90 %.
python3 - "$(grep -l "^selection:" "$old_rules"/*.yaml | head -1)" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = re.sub(r"(\n\s+budget_krw: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) * 9 // 10), s, count=1)
open(p, "w").write(s)
PY
cp -r "$call" "$old_call"
first=$(find "$old_call/proposals" -name '*.yaml' | sort | head -1)
# One review score one point lower (a correction): the first score written with a decimal.
sed -i '0,/\(scores: {[a-z_-]*: \)\([0-9]*\)\./s//\1\2X./' "$first"
python3 - "$first" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = re.sub(r"(\d+)X\.", lambda m: str(max(int(m.group(1)) - 1, 0)) + ".", s, count=1)
open(p, "w").write(s)
PY

measure() { # LABEL ARGS... → "seconds kilobytes"
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$kcity" "$@" >"$work/$label.out" 2>"$work/$label.err" || true
  cat "$work/time.txt"
}

declare -A secs rss
for cmd in score rules base; do secs[$cmd]="" rss[$cmd]=0; done
for ((i = 0; i < runs; i++)); do
  for cmd in score rules base; do
    case $cmd in
      score) r=$(measure score score "$call" --format json) ;;
      rules) r=$(measure rules diff --base-rules "$old_rules" "$call") ;;
      base) r=$(measure base diff --base "$old_call" "$call") ;;
    esac
    secs[$cmd]+="${r% *} "
    kb=${r#* }
    [ "$kb" -gt "${rss[$cmd]}" ] && rss[$cmd]=$kb
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, interleaved"
echo "| command | median wall, s | peak RSS, MiB | time / score | memory / score |"
echo "|---|---:|---:|---:|---:|"
s_t=$(echo "${secs[score]}" | median) s_m=${rss[score]}
for cmd in score rules base; do
  t=$(echo "${secs[$cmd]}" | median)
  awk -v c="$cmd" -v t="$t" -v m="${rss[$cmd]}" -v st="$s_t" -v sm="$s_m" 'BEGIN {
    name = c == "score" ? "`score --format json`" : c == "rules" ? "`diff --base-rules`" : "`diff --base`"
    printf "| %s | %.2f | %.1f | %.2f | %.2f |\n", name, t, m / 1024, t / st, m / sm }'
done
