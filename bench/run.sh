#!/usr/bin/env bash
# Benchmark of `kcity score` on synthetic calls; see bench/README.md.
#
#   bench/run.sh [WORKDIR]          WORKDIR defaults to /tmp/kcity-bench
#
# Environment:
#   RUNS=10          timed runs per input (after one warm-up run)
#   BUILD_DIR=...    build folder (default: <repo>/build-release)
#   NO_BUILD=1       use the kcity already in BUILD_DIR, do not configure or build
#   REV=HEAD         benchmark a commit instead of the working tree: `git archive REV` is
#                    unpacked into WORKDIR/src and built in WORKDIR/src/build-release
#   SIZES="100 1000 10000"   call sizes of the `files` layout (the multidoc call is 10000)
#   TIMER=loop       time with the `date +%s.%N` loop even when hyperfine is installed
#
# Builds kcity in Release, writes the calls with bench/gen_call.py (seed 1), checks that
# `kcity score` exits 0 on each, then times `kcity score DIR --format json >/dev/null`
# (hyperfine when installed, else a `date +%s.%N` loop), measures peak RSS with
# `/usr/bin/time -v`, and prints a Markdown table on standard output (progress on stderr).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
work=${1:-/tmp/kcity-bench}
runs=${RUNS:-10}
sizes=${SIZES:-"100 1000 10000"}
rev=${REV:-}

log() { printf '%s\n' "$*" >&2; }

src=$repo
if [[ -n $rev ]]; then
  src=$work/src
  rev_id=$(git -C "$repo" rev-parse --verify "$rev^{commit}")
  if [[ $(cat "$src/.kcity-bench-rev" 2>/dev/null) != "$rev_id" ]]; then
    log "== unpacking $rev ($rev_id) into $src"
    rm -rf "$src"
    mkdir -p "$src"
    git -C "$repo" archive "$rev_id" | tar -x -C "$src"
    echo "$rev_id" >"$src/.kcity-bench-rev"
  fi
fi
build=${BUILD_DIR:-$src/build-release}
kcity=$build/kcity

if [[ -z ${NO_BUILD:-} ]]; then
  log "== building Release in $build"
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKCITY_TESTS=OFF >/dev/null
  ninja -C "$build" kcity >&2
fi
[[ -x $kcity ]] || { log "run.sh: no kcity at $kcity"; exit 1; }

timebin=/usr/bin/time
if ! "$timebin" -v true >/dev/null 2>&1; then
  log "run.sh: GNU time not found at /usr/bin/time (apt-get install -y time); peak RSS will be blank"
  timebin=
fi
if [[ ${TIMER:-} != loop ]] && command -v hyperfine >/dev/null 2>&1; then
  timer="hyperfine $(hyperfine --version | awk '{print $2}')"
else
  timer="date loop"
fi

mkdir -p "$work"
results=$work/results
rm -rf "$results"
mkdir -p "$results"

# name|dir|layout|proposals
cases=("example-2023|$src/examples/2023|example|30")
for n in $sizes; do
  cases+=("files-$n|$work/call-$n|files|$n")
done
cases+=("multidoc-10000|$work/call-10000-multidoc|multidoc|10000")

for c in "${cases[@]}"; do
  IFS='|' read -r name dir layout n <<<"$c"
  if [[ $layout != example ]]; then
    log "== generating $name"
    python3 "$here/gen_call.py" "$dir" --proposals "$n" --layout "$layout" --seed 1 \
      --rules-src "$src/examples/2023/rules"
  fi
  # Every call must score cleanly before it is timed.
  if ! "$kcity" score "$dir" --format json >"$results/$name.json" 2>"$results/$name.err"; then
    log "run.sh: kcity score $dir failed:"
    cat "$results/$name.err" >&2
    exit 1
  fi
done

# Wall clock for the fallback loop: bash 5's $EPOCHREALTIME (no fork), else `date +%s.%N`.
now() { # VAR
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    printf -v "$1" '%s' "${EPOCHREALTIME/,/.}"
  else
    printf -v "$1" '%s' "$(date +%s.%N)"
  fi
}

measure() { # name dir
  local name=$1 dir=$2
  if [[ $timer == hyperfine* ]]; then
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$results/$name.time.json" \
      "'$kcity' score '$dir' --format json >/dev/null" >&2
  else
    "$kcity" score "$dir" --format json >/dev/null # warm-up
    local i s e
    : >"$results/$name.times"
    : >"$results/$name.cpu"
    for ((i = 0; i < runs; i++)); do
      now s
      if [[ -n $timebin ]]; then # user and system seconds, appended to $name.cpu
        "$timebin" -f "%U %S" -a -o "$results/$name.cpu" "$kcity" score "$dir" --format json >/dev/null
      else
        "$kcity" score "$dir" --format json >/dev/null
      fi
      now e
      echo "$s $e" >>"$results/$name.times"
    done
  fi
  if [[ -n $timebin ]]; then
    "$timebin" -v "$kcity" score "$dir" --format json 2>"$results/$name.rss" >/dev/null
  fi
}

load_before=$(cut -d' ' -f1 /proc/loadavg)
for c in "${cases[@]}"; do
  IFS='|' read -r name dir layout n <<<"$c"
  log "== timing $name ($runs runs)"
  measure "$name" "$dir"
done

if [[ -n $rev ]]; then
  commit=$(git -C "$repo" rev-parse --short "$rev_id")
else
  commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ -n $(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
    commit="$commit (working tree with uncommitted changes)"
  fi
fi
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)

python3 - "$results" "$timer" "$runs" "$commit" "$cpu" "$(nproc)" "$load_before" "${cases[@]}" <<'EOF'
import json, os, re, statistics, sys, datetime
results, timer, runs, commit, cpu_model, ncpu, load_before, *cases = sys.argv[1:]

def disk(path):
    files = size = 0
    for root, dirs, names in os.walk(os.path.join(path, "proposals")):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in names:
            if f.endswith((".yaml", ".yml")) and not f.startswith("."):
                files += 1
                size += os.path.getsize(os.path.join(root, f))
    return files, size

print(f"kcity `score --format json`, commit {commit}; {ncpu} CPUs ({cpu_model}); "
      f"{datetime.date.today()}; {timer}, median of {runs} runs after 1 warm-up; "
      f"load average {load_before} before, {os.getloadavg()[0]:.2f} after")
print()
print("| input | proposals | proposal files | YAML size | median wall | min – max | CPU (user+sys, mean) | peak RSS |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for c in cases:
    name, d, layout, n = c.split("|")
    report = json.load(open(os.path.join(results, name + ".json")))
    count = report["inputs"]["proposals"]
    tf = os.path.join(results, name + ".time.json")
    cpu = ""
    if os.path.exists(tf):
        r = json.load(open(tf))["results"][0]
        times = r["times"]
        cpu = r["user"] + r["system"]
    else:
        times = [float(e) - float(s) for s, e in
                 (l.split() for l in open(os.path.join(results, name + ".times")))]
        cf = os.path.join(results, name + ".cpu")
        if os.path.exists(cf):
            rows = [l.split() for l in open(cf) if re.match(r"^[\d.]+ [\d.]+$", l.strip())]
            if rows:
                cpu = statistics.mean(float(u) + float(s) for u, s in rows)
    med = statistics.median(times)
    rss = ""
    rf = os.path.join(results, name + ".rss")
    if os.path.exists(rf):
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(rf).read())
        if m:
            rss = f"{int(m.group(1)) / 1024:.1f} MiB"
    files, size = disk(d)
    fmt = (lambda t: f"{t * 1000:.1f} ms") if med < 1 else (lambda t: f"{t:.3f} s")
    label = "examples/2023" if layout == "example" else f"{layout}, {int(n):,}"
    sz = f"{size / 1048576:.1f} MiB" if size >= 1048576 else f"{size / 1024:.0f} KiB"
    print(f"| {label} | {count:,} | {files:,} | {sz} | {fmt(med)} | "
          f"{fmt(min(times))} – {fmt(max(times))} | {fmt(cpu) if cpu != '' else ''} | {rss} |")
EOF
