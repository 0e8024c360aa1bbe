#!/usr/bin/env bash
# Benchmark of `kcity score` and `kcity check` on synthetic calls, against yaml-cpp's node API
# (bench/yaml_baseline.cpp) loading the same files; the targets of issue 7. See bench/README.md.
#
#   bench/run.sh [WORKDIR]          WORKDIR defaults to /tmp/kcity-bench
#
# Environment:
#   RUNS=10          timed runs per command and input (after one warm-up run)
#   BIG=0            leave out the 100,000-proposal multidoc call (default: BIG=1, included)
#   BIG_N=100000     its size;  BIG_RUNS=3  its timed runs of score and check (no warm-up:
#                    the first run has just read the file)
#   BIG_BASELINE=1   also run the baseline once on it (about 5 GB and 1.5 min; default off)
#   BUILD_DIR=...    build folder (default: <repo>/build-release)
#   NO_BUILD=1       use the kcity already in BUILD_DIR, do not configure or build (the
#                    baseline is still compiled into WORKDIR when it is missing or older
#                    than its source)
#   REV=HEAD         benchmark a commit instead of the working tree: `git archive REV` is
#                    unpacked into WORKDIR/src and built in WORKDIR/src/build-release (the
#                    harness itself, bench/*, is always the one of the working tree)
#   SIZES="100 1000 10000"   call sizes of the `files` layout (the multidoc call is 10000)
#   TIMER=interleave (default) bench/timeit.py: score, check and the baseline take turns,
#                    round after round, so that load from other processes hits them alike
#         hyperfine  one hyperfine invocation per input with the three commands (hyperfine
#                    runs all runs of one command, then all of the next: not interleaved)
#         loop       a bash loop (interleaved), with /usr/bin/time for the CPU time
#   DETERMINISM=0    skip the determinism checks
#   DET_THREADS="1 3"  KCITY_THREADS values whose output must equal the default run's
#
# For each input: generates the call (bench/gen_call.py, seed 1; reused when the generator,
# the rules and the arguments are unchanged), runs `kcity score`, `kcity check` and the
# baseline once under `/usr/bin/time -v` (each must exit 0; this gives the peak RSS), times
# the three, and checks that the output does not change between runs, with KCITY_THREADS or
# with the order of the files. Prints two Markdown tables on standard output (progress on stderr); exits 1 if a
# determinism check failed (after printing). The raw numbers stay in WORKDIR/results/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
work=${1:-/tmp/kcity-bench}
runs=${RUNS:-10}
sizes=${SIZES:-"100 1000 10000"}
rev=${REV:-}
big=${BIG:-1}
big_n=${BIG_N:-100000}
big_runs=${BIG_RUNS:-3}
big_baseline=${BIG_BASELINE:-0}
det=${DETERMINISM:-1}
det_threads=${DET_THREADS:-"1 3"}
timer_kind=${TIMER:-interleave}

log() { printf '%s\n' "$*" >&2; }
started=$SECONDS

mkdir -p "$work"
work=$(cd "$work" && pwd)

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
  log "== building kcity (Release) in $build"
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKCITY_TESTS=OFF >/dev/null
  ninja -C "$build" kcity >&2
fi
[[ -x $kcity ]] || { log "run.sh: no kcity at $kcity"; exit 1; }

# The baseline, with the flags of CMake's Release build type (-O3 -DNDEBUG), against the
# system's yaml-cpp (Debian: libyaml-cpp-dev).
baseline=$work/yaml_baseline
if [[ ! -x $baseline || $here/yaml_baseline.cpp -nt $baseline ]]; then
  log "== building $baseline"
  yaml_flags=$(pkg-config --cflags --libs yaml-cpp 2>/dev/null || echo -lyaml-cpp)
  # shellcheck disable=SC2086  # the flags are words
  ${CXX:-c++} -std=c++20 -O3 -DNDEBUG -Wall -Wextra "$here/yaml_baseline.cpp" -o "$baseline" $yaml_flags
fi

timebin=/usr/bin/time
if ! "$timebin" -v true >/dev/null 2>&1; then
  log "run.sh: GNU time not found at /usr/bin/time (apt-get install -y time); peak RSS will be blank"
  timebin=
fi
case $timer_kind in
  interleave) timer="bench/timeit.py (interleaved rounds)" ;;
  hyperfine)
    command -v hyperfine >/dev/null 2>&1 || { log "run.sh: TIMER=hyperfine but no hyperfine"; exit 1; }
    timer="hyperfine $(hyperfine --version | awk '{print $2}') (not interleaved)" ;;
  loop) timer="bash loop (interleaved)" ;;
  *) log "run.sh: TIMER must be interleave, hyperfine or loop"; exit 1 ;;
esac

results=$work/results
rm -rf "$results"
mkdir -p "$results"

# name|dir|layout|proposals|runs|warmup|baseline: timed (1), run once (once) or not (no)
# On the big call the baseline does not run unless BIG_BASELINE=1, and then only once (under
# /usr/bin/time): yaml-cpp's nodes for 100,000 documents take about 5 GB and a minute and a
# half, and the number is for information only (the target ratio is on the 10,000 files).
cases=("example-2023|$src/examples/2023|example|30|$runs|1|1")
for n in $sizes; do
  cases+=("files-$n|$work/call-$n|files|$n|$runs|1|1")
done
cases+=("multidoc-10000|$work/call-10000-multidoc|multidoc|10000|$runs|1|1")
if [[ $big != 0 ]]; then
  cases+=("multidoc-$big_n|$work/call-$big_n-multidoc|multidoc|$big_n|$big_runs|0|$([[ $big_baseline != 0 ]] && echo once || echo no)")
fi

# A call is written again only when the generator, the rules or the arguments changed.
gen_stamp() { # n layout
  { cat "$here/gen_call.py" "$src"/examples/2023/rules/*.yaml; echo "$1 $2 seed 1"; } | sha256sum | cut -d' ' -f1
}

# The commands of one input: NAME ARGV..., separated by ::
commands_of() { # dir with_baseline
  printf '%s\0' score "$kcity" score "$1" --format json :: check "$kcity" check "$1"
  if [[ $2 == 1 ]]; then printf '%s\0' :: baseline "$baseline" "$1"; fi
}

for c in "${cases[@]}"; do
  IFS='|' read -r name dir layout n _ _ b <<<"$c"
  if [[ $layout != example ]]; then
    stamp=$(gen_stamp "$n" "$layout")
    if [[ $(cat "$dir/.kcity-bench-stamp" 2>/dev/null) == "$stamp" ]]; then
      log "== reusing $dir"
    else
      log "== generating $name"
      t0=$SECONDS
      python3 "$here/gen_call.py" "$dir" --proposals "$n" --layout "$layout" --seed 1 \
        --rules-src "$src/examples/2023/rules"
      echo "$stamp" >"$dir/.kcity-bench-stamp"
      log "   ($((SECONDS - t0)) s)"
    fi
  fi
  # Every call must score and check cleanly, and load in yaml-cpp, before it is timed. This
  # first run is also the one whose peak RSS is measured, with /usr/bin/time -v.
  log "== first run on $name (peak RSS)"
  for cmd in score check baseline; do
    [[ $cmd == baseline && $b == no ]] && continue
    case $cmd in
      score) argv=("$kcity" score "$dir" --format json) out=$results/$name.json ;;
      check) argv=("$kcity" check "$dir") out=$results/$name.check.txt ;;
      baseline) argv=("$baseline" "$dir") out=$results/$name.baseline.txt ;;
    esac
    if [[ -n $timebin ]]; then
      argv=("$timebin" -v -o "$results/$name.$cmd.rss" "${argv[@]}")
    fi
    if ! "${argv[@]}" >"$out" 2>"$results/$name.$cmd.err"; then
      log "run.sh: ${argv[*]} failed:"
      head -n 20 "$results/$name.$cmd.err" >&2
      exit 1
    fi
  done
done

# Wall clock for the fallback loop: bash 5's $EPOCHREALTIME (no fork), else `date +%s.%N`.
now() { # VAR
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    printf -v "$1" '%s' "${EPOCHREALTIME/,/.}"
  else
    printf -v "$1" '%s' "$(date +%s.%N)"
  fi
}

measure() { # name dir runs warmup with_baseline
  local name=$1 dir=$2 n=$3 w=$4
  local -a cmds
  mapfile -d '' cmds < <(commands_of "$dir" "$5")
  case $timer_kind in
    interleave)
      python3 "$here/timeit.py" "$results/$name.time.json" "$n" "$w" "${cmds[@]}"
      ;;
    hyperfine)
      local -a args=()
      local cname="" word line=""
      for word in "${cmds[@]}" ::; do
        if [[ $word == :: ]]; then
          args+=(-n "$cname" "$line")
          cname="" line=""
        elif [[ -z $cname ]]; then
          cname=$word
        else
          line+="${line:+ }$(printf '%q' "$word")"
        fi
      done
      hyperfine -N --style none --warmup "$w" --runs "$n" --export-json "$results/$name.time.json" \
        "${args[@]}" >&2
      ;;
    loop)
      local i k cname
      local -a names=() argvs=()
      local cur=()
      for word in "${cmds[@]}" ::; do
        if [[ $word == :: ]]; then
          names+=("${cur[0]}")
          argvs+=("$(printf '%q ' "${cur[@]:1}")")
          cur=()
        else
          cur+=("$word")
        fi
      done
      for ((k = 0; k < ${#names[@]}; k++)); do
        : >"$results/$name.${names[k]}.times"
        : >"$results/$name.${names[k]}.cpu"
        for ((i = 0; i < w; i++)); do eval "${argvs[k]}" >/dev/null 2>&1; done
      done
      local s e
      for ((i = 0; i < n; i++)); do
        for ((k = 0; k < ${#names[@]}; k++)); do
          cname=${names[k]}
          now s
          if [[ -n $timebin ]]; then # user and system seconds, appended to $name.$cname.cpu
            eval "'$timebin' -f '%U %S' -a -o '$results/$name.$cname.cpu' ${argvs[k]}" >/dev/null 2>/dev/null
          else
            eval "${argvs[k]}" >/dev/null 2>&1
          fi
          now e
          echo "$s $e" >>"$results/$name.$cname.times"
        done
      done
      ;;
  esac
}

load_before=$(cut -d' ' -f1 /proc/loadavg)
for c in "${cases[@]}"; do
  IFS='|' read -r name dir layout n r w b <<<"$c"
  log "== timing $name: score, check$([[ $b == 1 ]] && echo ", baseline") ($r runs each, $w warm-up; load $(cut -d' ' -f1-3 /proc/loadavg))"
  l0=$(cut -d' ' -f1 /proc/loadavg)
  measure "$name" "$dir" "$r" "$w" "$b"
  echo "$l0 $(cut -d' ' -f1 /proc/loadavg)" >"$results/$name.load"
done

# Determinism: "name|what|file A|file B" lines for the report; the runs are made here.
checks=$results/determinism.txt
: >"$checks"
if [[ $det != 0 ]]; then
  threads_read=no
  grep -q KCITY_THREADS "$kcity" && threads_read=yes
  for c in "${cases[@]}"; do
    IFS='|' read -r name dir layout n _ _ b <<<"$c"
    log "== determinism on $name"
    threads=$det_threads
    if [[ $b == 1 ]]; then
      "$kcity" score "$dir" --format json >"$results/$name.2.json"
      echo "$name|score run twice|$name.json|$name.2.json" >>"$checks"
      "$kcity" check "$dir" >"$results/$name.check.2.txt" 2>/dev/null
      echo "$name|check run twice|$name.check.txt|$name.check.2.txt" >>"$checks"
    else # the big call: one run of score with the first KCITY_THREADS value only
      threads=${det_threads%% *}
    fi
    for t in $threads; do
      KCITY_THREADS=$t "$kcity" score "$dir" --format json >"$results/$name.t$t.json"
      echo "$name|score KCITY_THREADS=$t (read by this build: $threads_read)|$name.json|$name.t$t.json" >>"$checks"
    done
    t=${det_threads%% *}
    if [[ -n $t && $b == 1 ]]; then
      KCITY_THREADS=$t "$kcity" check "$dir" >"$results/$name.check.t$t.txt" 2>/dev/null
      echo "$name|check KCITY_THREADS=$t (read by this build: $threads_read)|$name.check.txt|$name.check.t$t.txt" >>"$checks"
    fi
  done
  # The order of the files: the largest `files` call, its files named one by one on the
  # command line in a shuffled order, must give the report of the folder.
  largest=
  for n in $sizes; do
    if [[ -z $largest || $n -gt $largest ]]; then largest=$n; fi
  done
  if [[ -n $largest ]]; then
    dir=$work/call-$largest
    log "== determinism: files-$largest with its files in a shuffled order"
    mapfile -t files < <(python3 -c '
import os, random, sys
out = []
for root, dirs, names in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    out += [os.path.join(root, f) for f in names
            if f.endswith((".yaml", ".yml")) and not f.startswith(".")]
out.sort()
random.Random(7).shuffle(out)
print("\n".join(out))' "$dir/proposals")
    "$kcity" score --rules "$dir/rules" "${files[@]}" --format json >"$results/files-$largest.shuffled.json"
    echo "files-$largest|score with the files in a shuffled order|files-$largest.json|files-$largest.shuffled.json" >>"$checks"
  fi
fi

if [[ -n $rev ]]; then
  commit=$(git -C "$repo" rev-parse --short "$rev_id")
else
  commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ -n $(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
    commit="$commit (working tree with uncommitted changes)"
  fi
fi
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
log "== done in $((SECONDS - started)) s"

python3 "$here/report.py" "$results" "$timer_kind" "$timer" "$runs" "$commit" "$cpu" \
  "$(nproc)" "$load_before" "$((SECONDS - started))" "${cases[@]}"
