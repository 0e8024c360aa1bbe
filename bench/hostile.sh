#!/usr/bin/env bash
# Hostile sizes of issue 20 that used to take quadratic time: one proposal with N reviews, and
# a track with N eligibility rules. Times `kcity check` at N/10 and N (near-linear: the ratio
# is near 10, not 100) and prints peak memory. A benchmark, not a test: nothing is checked.
#
#   bench/hostile.sh KCITY [WORKDIR]     e.g. bench/hostile.sh build/kcity
# Environment: REVIEWS=200000 RULES=100000 (the issue's sizes). Results: bench/hostile.md.
set -euo pipefail
kcity=$(realpath "${1:?usage: bench/hostile.sh KCITY [WORKDIR]}")
work=${2:-/tmp/kcity-hostile}
reviews=${REVIEWS:-200000}
rules=${RULES:-100000}
mkdir -p "$work"

gen() { # KIND N DIR
  python3 - "$@" <<'PY'
import sys, pathlib
kind, n, out = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
(out / "rules").mkdir(parents=True, exist_ok=True)
(out / "proposals").mkdir(exist_ok=True)
(out / "rules/program.yaml").write_text(
    "program: Hostile\nyear: 2023\nbudget_krw: 1000000000\ntracks: [t]\n")
track = ["track: t", "name: T", "deadline: 2023-05-10",
         "award: {min_krw: 1, max_krw: 500000000}",
         "panel: {min_reviewers: 1, aggregate: mean}",
         "criteria: [{id: a, name: A, max: 10}]",
         "selection: {min: 0, max: 1, budget_krw: 1000000000}"]
if kind == "rules":
    track.append("eligibility:")
    for i in range(n):
        track.append(f"  - {{id: r{i}, name: R, require: {{field: country, equals: VN}}}}")
(out / "rules/t.yaml").write_text("\n".join(track) + "\n")
p = ["id: P1", "track: t", "title: T", "country: VN", "city: Hanoi",
     "applicant: {name: A, type: government}", "requested_krw: 100000000",
     "submitted_at: 2023-05-01", "reviews:"]
count = n if kind == "reviews" else 3
p += [f"  - {{reviewer: R{i}, scores: {{a: {i % 11}}}}}" for i in range(count)]
(out / "proposals/p1.yaml").write_text("\n".join(p) + "\n")
PY
}

echo "| input | N | check, s | peak RSS, MB |"
echo "|---|---:|---:|---:|"
for kind in reviews rules; do
  n=$([ "$kind" = reviews ] && echo "$reviews" || echo "$rules")
  for size in $((n / 10)) "$n"; do
    dir="$work/$kind-$size"
    [ -d "$dir" ] || gen "$kind" "$size" "$dir"
    /usr/bin/time -v "$kcity" check "$dir" >/dev/null 2>"$work/time.txt" || true
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
      for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
    label=$([ "$kind" = reviews ] && echo "reviews of one proposal" || echo "eligibility rules of a track")
    echo "| $label | $size | $secs | $rss |"
  done
done
