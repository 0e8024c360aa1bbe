#!/usr/bin/env bash
# Peak memory of kcity on inputs that are large for their kind (issue 20), written by
# bench/hostile_gen.py: N small proposals (about 150 bytes each) in two multi-document files, a
# history.yaml of M entries, a file of nothing but free attributes, a score sheet of many rows,
# a track of many eligibility rules and many such tracks. Each is run by `kcity score`; the
# rules inputs also by `kcity diff --base-rules` (the same rules as the base), the proposal
# inputs by `kcity diff --base` (the same call as the base). Prints the input's size, the run's
# peak RSS and exit code, and their ratio. A benchmark, not a test: nothing is checked, and CI
# does not run it. Results: bench/hostile.md.
#
#   bench/memory.sh KCITY [WORKDIR]        e.g. bench/memory.sh build/kcity
# Environment (a list of sizes each; empty: none):
#   SIZES="100000 200000 2000000" (proposals), HISTORY=1300000 (entries, ~72 MB),
#   ATTRIBUTES="1000000 2000000", ATTRIBUTES5=200000 (proposals), CELLS="1000000 3000000" (rows of three cells),
#   RULES=100000 (eligibility rules of one track), TRACKS="2 3" (tracks of 100,000 rules),
#   DIFF=1 (also the diff runs; 0: only score).
set -euo pipefail
kcity=$(realpath "${1:?usage: bench/memory.sh KCITY [WORKDIR]}")
work=${2:-/tmp/kcity-memory}
here=$(dirname "$0")
sizes=${SIZES-"100000 200000 2000000"}
history=${HISTORY-1300000}
attributes=${ATTRIBUTES-"1000000 2000000"}
attributes5=${ATTRIBUTES5-200000}
cells=${CELLS-"1000000 3000000"}
rules=${RULES-100000}
tracks=${TRACKS-"2 3"}
diff=${DIFF:-1}
mkdir -p "$work"

measure() { # LABEL DIR COMMAND [ARGS...]: runs `kcity COMMAND ARGS... DIR`
  local label=$1 dir=$2 bytes rss code
  shift 2
  # (no scores/ folder in most: find then fails, which is no error here)
  bytes=$({ find "$dir/rules" "$dir/proposals" "$dir/scores" -type f -printf '%s\n' 2>/dev/null ||
    true; } | awk '{ s += $1 } END { print s }')
  set +e
  /usr/bin/time -v "$kcity" "$@" "$dir" >/dev/null 2>"$work/time.txt"
  set -e
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
  code=$(awk -F': ' '/Exit status/ {print $2}' "$work/time.txt")
  awk -v l="$label" -v c="$1" -v b="$bytes" -v r="$rss" -v x="$code" \
    'BEGIN { printf "| %s | %s | %.0f | %d | %d | %.1f |\n", l, c, b / 1e6, r, x, r / (b / 1e6) }'
}

input() { # KIND N LABEL: generates (once) and measures one input
  local dir="$work/$1-$2"
  [ -d "$dir" ] || python3 "$here/hostile_gen.py" "$1" "$2" "$dir"
  measure "$3" "$dir" score
  [ "$diff" = 1 ] || return 0
  case $1 in
    history | rules | tracks) measure "$3" "$dir" diff --base-rules "$dir/rules" ;;
    *) measure "$3" "$dir" diff --base "$dir" ;;
  esac
}

echo "| input | command | input, MB | peak RSS, MB | exit | RSS / input |"
echo "|---|---|---:|---:|---:|---:|"
for n in $sizes; do input proposals "$n" "$n small proposals in two files"; done
for n in $history; do input history "$n" "history.yaml of $n entries"; done
for n in $attributes; do input attributes "$n" "$n attributes, 1,000 to a proposal"; done
for n in $attributes5; do input attributes5 "$n" "$n small proposals of five attributes"; done
for n in $cells; do input cells "$n" "score sheet of $n rows"; done
for n in $rules; do input rules "$n" "a track of $n eligibility rules"; done
for n in $tracks; do input tracks "$n" "$n tracks of 100,000 eligibility rules"; done
