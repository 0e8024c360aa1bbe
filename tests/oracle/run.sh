#!/bin/sh
# Differential test of kcity against the Python oracle (SPEC §6).
#   tests/oracle/run.sh [N]     N seeds of each mode (default 2000; opt and big get fewer)
# KCITY=path/to/kcity names the binary (default build/kcity, from the repository's root).
# CTest runs it (test `oracle`) with N = 600 on the binary it built.
set -e
here=$(dirname "$0")
n=${1:-2000}
python3 "$here/oracle.py" run "$n" 1
python3 "$here/oracle.py" run-opt $((n / 2)) 1
python3 "$here/oracle.py" run-big $((n / 10 + 1)) 1
