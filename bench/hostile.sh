#!/usr/bin/env bash
# Hostile sizes of issue 20 that used to take quadratic time: one proposal with N reviews (in
# its file, and in a score sheet), and a track with N eligibility rules. Times `kcity check` at N/10 and N (near-linear: the ratio
# is near 10, not 100) and prints peak memory. A benchmark, not a test: nothing is checked.
#
#   bench/hostile.sh KCITY [WORKDIR]     e.g. bench/hostile.sh build/kcity
# Environment: REVIEWS=10000 SHEET_REVIEWS=300000 RULES=100000 (a proposal of 200,000 reviews, the issue's size, is
# now refused by max_document_values). Results: bench/hostile.md.
set -euo pipefail
kcity=$(realpath "${1:?usage: bench/hostile.sh KCITY [WORKDIR]}")
work=${2:-/tmp/kcity-hostile}
reviews=${REVIEWS:-10000}
rules=${RULES:-100000}
sheet_reviews=${SHEET_REVIEWS:-300000}
mkdir -p "$work"

gen() { python3 "$(dirname "$0")/hostile_gen.py" "$@"; }  # KIND N DIR

echo "| input | N | check, s | peak RSS, MB |"
echo "|---|---:|---:|---:|"
for kind in reviews sheetreviews rules; do
  case $kind in reviews) n=$reviews ;; sheetreviews) n=$sheet_reviews ;; *) n=$rules ;; esac
  for size in $((n / 10)) "$n"; do
    dir="$work/$kind-$size"
    [ -d "$dir" ] || gen "$kind" "$size" "$dir"
    /usr/bin/time -v "$kcity" check "$dir" >/dev/null 2>"$work/time.txt" || true
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
      for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
    case $kind in
      reviews) label="reviews of one proposal" ;;
      sheetreviews) label="sheet rows of one proposal" ;;
      *) label="eligibility rules of a track" ;;
    esac
    echo "| $label | $size | $secs | $rss |"
  done
done
