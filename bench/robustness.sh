#!/usr/bin/env bash
# Benchmark of `kcity robustness` (issue 17): 10,000 runs of examples/2023 (target: under 2 s
# on 2 cores) and 1,000 runs of a 10,000-proposal call from bench/gen_call.py (target: under
# 60 s). Not a test: nothing here is checked against a limit. Numbers in bench/README.md.
#
#   bench/robustness.sh [KCITY] [WORKDIR]   KCITY defaults to build-release/kcity, then build/kcity
#
# Environment: REPEAT=3 (timed repetitions of each command; the median is printed),
#              BIG_N=10000 (proposals of the generated call), BIG_RUNS=1000, SMALL_RUNS=10000.
# Also checks that KCITY_THREADS=1 and the default give the same bytes.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
kcity=${1:-}
if [ -z "$kcity" ]; then
  kcity=$repo/build-release/kcity
  [ -x "$kcity" ] || kcity=$repo/build/kcity
fi
work=${2:-/tmp/kcity-bench-robustness}
repeat=${REPEAT:-3}
big_n=${BIG_N:-10000}
big_runs=${BIG_RUNS:-1000}
small_runs=${SMALL_RUNS:-10000}
mkdir -p "$work"
if [ ! -f "$work/call-$big_n/rules/program.yaml" ]; then
  python3 "$here/gen_call.py" "$work/call-$big_n" --proposals "$big_n" --layout multidoc \
    --seed 1 --rules-src "$repo/examples/2023/rules" >/dev/null
fi

# median_time LABEL ARGS...: runs kcity REPEAT times, prints the median wall time in seconds.
median_time() {
  label=$1
  shift
  times=()
  for _ in $(seq "$repeat"); do
    start=$(date +%s.%N)
    "$kcity" "$@" >"$work/out.json" 2>/dev/null
    end=$(date +%s.%N)
    times+=("$(printf '%.3f' "$(echo "$end - $start" | bc)")")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((repeat + 1) / 2))p")
  printf '| %s | %s | %s |\n' "$label" "$median" "$(printf '%s ' "${times[@]}")"
}

echo "kcity robustness on $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | median (s) | all (s) |"
echo "|---|---|---|"
median_time "examples/2023, $small_runs runs" robustness "$repo/examples/2023" --runs "$small_runs" --format json
median_time "examples/2023, $small_runs runs, --weights 10" robustness "$repo/examples/2023" --runs "$small_runs" --weights 10 --format json
median_time "examples/2023, $small_runs runs, --method optimal" robustness "$repo/examples/2023" --runs "$small_runs" --method optimal --format json
median_time "$big_n proposals, $big_runs runs" robustness "$work/call-$big_n" --runs "$big_runs" --format json
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The same bytes with one thread.
"$kcity" robustness "$repo/examples/2023" --runs 2000 --weights 10 --format json >"$work/t-default.json"
KCITY_THREADS=1 "$kcity" robustness "$repo/examples/2023" --runs 2000 --weights 10 --format json >"$work/t-1.json"
cmp "$work/t-default.json" "$work/t-1.json" && echo "same bytes with KCITY_THREADS=1 and the default"
