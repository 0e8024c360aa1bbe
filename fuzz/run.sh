#!/usr/bin/env bash
# Runs the libFuzzer targets (docs/fuzzing.md), each for SECONDS, one after the other:
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]      # targets: proposals rules csv xlsx money date
# BUILD_DIR is a build configured with -DKCITY_FUZZ=ON. The corpus of each target lives in
# BUILD_DIR/fuzz-corpus/TARGET (seeded from examples/ on the first run, then kept, so later
# runs go on from it); crashes, leaks and time-outs are written to BUILD_DIR/fuzz-artifacts/.
# Prints one line per target with its executions; exits 1 if any target found a problem.
# JOBS=N runs N processes per target (libFuzzer's -fork), for long runs on several cores.
set -uo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(proposals rules csv xlsx money date)
here=$(cd "$(dirname "$0")" && pwd)
corpus="$build/fuzz-corpus"
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
[ -d "$corpus" ] || "$here/seeds.sh" "$corpus"

status=0
for t in "${targets[@]}"; do
  case $t in
    proposals | rules) dict=yaml.dict ;;
    csv) dict=csv.dict ;;
    xlsx) dict=xlsx.dict ;;
    *) dict=money.dict ;;
  esac
  log="$artifacts/$t.log"
  fork=()
  [ "${JOBS:-1}" -gt 1 ] && fork=(-fork="$JOBS" -ignore_crashes=0)
  "$build/fuzz/fuzz_$t" "$corpus/$t" -dict="$here/$dict" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$t-" \
    "${fork[@]}" >"$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
  [ "$runs" = 0 ] && runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  if [ $code = 0 ] && ! grep -qE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|SUMMARY: ' "$log"; then
    printf '%-10s %12s executions, no crash, leak or time-out\n' "$t" "$runs"
  else
    printf '%-10s %12s executions, FAILED (exit %s): see %s\n' "$t" "$runs" "$code" "$log"
    grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$log" | head -5
    status=1
  fi
done
exit $status
