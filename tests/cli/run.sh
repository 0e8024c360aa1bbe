#!/usr/bin/env bash
# End-to-end tests: runs the real kcity binary on real files and compares standard output,
# standard error and the exit code with golden files.
#
#   tests/cli/run.sh BUILD/kcity            # check (what CI runs)
#   UPDATE_GOLDEN=1 tests/cli/run.sh BUILD/kcity   # rewrite the golden files after a
#                                                   # deliberate change; review the diff
#   ONLY='shortfall-*' tests/cli/run.sh BUILD/kcity # only the cases matching a glob (no scripts)
#   SCRIPTS='threads.sh' tests/cli/run.sh BUILD/kcity # only the scripts matching a glob (no cases)
#
# CTest runs it in groups (a group of cases per name prefix, each script alone) so that
# `ctest -j2` runs them side by side (tests/CMakeLists.txt).
#
# A case is a folder tests/cli/cases/NAME with `args` (one argument per line; run from the
# repository root), and the expected `stdout`, `stderr` and `exit`. Cases whose name ends in
# .sh are scripts run with KCITY set; they print what they check and exit non-zero on failure.
set -u
kcity=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
# The reports follow LANG when --lang is not given: pin it so that goldens do not depend on
# the machine's locale.
export LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
update=${UPDATE_GOLDEN:-0}
if [ "$update" = 1 ] && [ "${CI:-}" = true ]; then
  echo "UPDATE_GOLDEN is never used in CI" >&2
  exit 1
fi
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for dir in tests/cli/cases/${ONLY:-*}/; do
  [ -z "${SCRIPTS:-}" ] || break
  [ -d "$dir" ] || continue
  name=$(basename "$dir")
  mapfile -t args < "$dir/args"
  "$kcity" "${args[@]}" >"$tmp/stdout" 2>"$tmp/stderr"
  echo $? >"$tmp/exit"
  if [ "$update" = 1 ]; then
    cp "$tmp/stdout" "$tmp/stderr" "$tmp/exit" "$dir"
    echo "updated $name"
    continue
  fi
  ok=1
  for f in stdout stderr exit; do
    if ! diff -u "$dir/$f" "$tmp/$f" >"$tmp/diff"; then
      echo "FAIL $name: $f differs"
      head -40 "$tmp/diff"
      ok=0
    fi
  done
  if [ $ok = 1 ]; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); fi
done

for script in tests/cli/scripts/${SCRIPTS:-*.sh}; do
  [ -z "${ONLY:-}" ] || break
  [ -f "$script" ] || continue
  name=$(basename "$script")
  if KCITY="$kcity" bash "$script" >"$tmp/out" 2>&1; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; cat "$tmp/out"
  fi
done

echo "$passed passed, $failed failed"
# A glob that matches nothing is a mistake in the caller (a group that tests nothing).
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
