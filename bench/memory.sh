#!/usr/bin/env bash
# Peak memory of `kcity score` on inputs that are large for their kind (issue 20): N small
# proposals (about 150 bytes each) in two multi-document files, and a history.yaml of M
# entries. Prints the input's size, the run's peak RSS and exit code, and their ratio. A
# benchmark, not a test: nothing is checked, and CI does not run it. Results: bench/hostile.md.
#
#   bench/memory.sh KCITY [WORKDIR]        e.g. bench/memory.sh build/kcity
# Environment: SIZES="100000 200000 2000000" (proposals; empty: none), HISTORY=1300000 (entries, ~72 MB).
set -euo pipefail
kcity=$(realpath "${1:?usage: bench/memory.sh KCITY [WORKDIR]}")
work=${2:-/tmp/kcity-memory}
sizes=${SIZES-"100000 200000 2000000"}
history=${HISTORY:-1300000}
mkdir -p "$work"

gen() { # KIND N DIR
  python3 - "$@" <<'PY'
import sys, pathlib
kind, n, out = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
(out / "rules").mkdir(parents=True, exist_ok=True)
(out / "proposals").mkdir(exist_ok=True)
(out / "rules/program.yaml").write_text(
    "program: Memory\nyear: 2023\nbudget_krw: 1000000000\ntracks: [t]\n")
(out / "rules/t.yaml").write_text("\n".join([
    "track: t", "name: T", "deadline: 2023-05-10",
    "award: {min_krw: 1, max_krw: 500000000}",
    "panel: {min_reviewers: 1, aggregate: mean}",
    "criteria: [{id: a, name: A, max: 10}]",
    "eligibility:",
    "  - {id: seen, name: S, require: {not: {field: country, in_history: true}}}",
    "selection: {min: 0, max: 1, budget_krw: 1000000000}"]) + "\n")
countries = ["VN", "ID", "PH", "TH", "MY", "KH", "LA", "MN", "PE", "CO"]
if kind == "proposals":
    for f in range(2):
        with open(out / f"proposals/part{f}.yaml", "w", buffering=1 << 20) as w:
            for i in range(f * n // 2, (f + 1) * n // 2):
                w.write(f"---\nid: P{i:07d}\ntrack: t\ntitle: T{i}\ncountry: {countries[i % 10]}\n"
                        f"city: C{i % 1000}\napplicant: {{name: A{i}, type: government}}\n"
                        "requested_krw: 100000000\nsubmitted_at: 2023-05-01\n")
else:
    with open(out / "rules/history.yaml", "w", buffering=1 << 20) as w:
        for i in range(n):
            w.write(f"- {{year: {2000 + i % 23}, track: t, country: {countries[i % 10]}, "
                    f"city: City {i}}}\n")
    (out / "proposals/p.yaml").write_text(
        "id: P1\ntrack: t\ntitle: T\ncountry: VN\ncity: Hanoi\n"
        "applicant: {name: A, type: government}\nrequested_krw: 100000000\n"
        "submitted_at: 2023-05-01\n")
PY
}

measure() { # LABEL DIR
  local bytes
  bytes=$(du -cb "$2"/rules/*.yaml "$2"/proposals/*.yaml | tail -1 | cut -f1)
  set +e
  /usr/bin/time -v "$kcity" score "$2" >/dev/null 2>"$work/time.txt"
  set -e
  local rss code
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
  code=$(awk -F': ' '/Exit status/ {print $2}' "$work/time.txt")
  awk -v l="$1" -v b="$bytes" -v r="$rss" -v c="$code" \
    'BEGIN { printf "| %s | %.0f | %d | %d | %.1f |\n", l, b / 1e6, r, c, r / (b / 1e6) }'
}

echo "| input | input, MB | peak RSS, MB | exit | RSS / input |"
echo "|---|---:|---:|---:|---:|"
for n in $sizes; do
  dir="$work/proposals-$n"
  [ -d "$dir" ] || gen proposals "$n" "$dir"
  measure "$n small proposals in two files" "$dir"
done
dir="$work/history-$history"
[ -d "$dir" ] || gen history "$history" "$dir"
measure "history.yaml of $history entries" "$dir"
