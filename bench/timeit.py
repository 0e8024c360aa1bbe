#!/usr/bin/env python3
"""Interleaved timing of a few commands, for bench/run.sh.

    python3 bench/timeit.py OUT.json RUNS WARMUP NAME CMD [ARG...] :: NAME CMD [ARG...] :: ...

Runs every command WARMUP times, then RUNS rounds in which each command runs once. The
order inside a round turns by one place from one round to the next (A B C, B C A,
C A B, ...), so that no command always follows the same one and a burst of load from
another process hits every command about alike. hyperfine does not do this: it runs all
the runs of one command before it starts the next.

Each run's standard output and error go to /dev/null. For each run it records the wall
time (time.perf_counter around fork, exec and wait), and from wait4() the user and system
CPU time and the peak resident set size (the same numbers /usr/bin/time reports). A
command that exits non-zero stops the measurement with exit 1.

OUT.json: {"rounds": [[NAME, ...], ...], "results": [{"name", "argv", "times", "user",
"system", "max_rss_kb"}, ...]} with one list entry per timed run, in round order.
Standard library only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def run_once(argv: list[str]) -> tuple[float, float, float, int]:
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=null, stderr=null)
        _pid, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"timeit.py: {' '.join(argv)} exited with {proc.returncode}")
    return wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss


def main(argv: list[str]) -> int:
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    out, runs, warmup = argv[0], int(argv[1]), int(argv[2])
    commands: list[tuple[str, list[str]]] = []
    current: list[str] = []
    for a in argv[3:] + ["::"]:
        if a == "::":
            if len(current) < 2:
                raise SystemExit("timeit.py: each command needs a NAME and a program")
            commands.append((current[0], current[1:]))
            current = []
        else:
            current.append(a)

    for _ in range(warmup):
        for _name, cmd in commands:
            run_once(cmd)
    results = {name: {"name": name, "argv": cmd, "times": [], "user": [], "system": [],
                      "max_rss_kb": []} for name, cmd in commands}
    rounds = []
    k = len(commands)
    for r in range(runs):
        order = commands[r % k:] + commands[:r % k]
        rounds.append([name for name, _ in order])
        for name, cmd in order:
            wall, user, system, rss = run_once(cmd)
            res = results[name]
            res["times"].append(wall)
            res["user"].append(user)
            res["system"].append(system)
            res["max_rss_kb"].append(rss)
        print(f"  round {r + 1}/{runs}: " + ", ".join(
            f"{name} {results[name]['times'][-1]:.3f} s" for name, _ in commands), file=sys.stderr)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"rounds": rounds, "results": [results[n] for n, _ in commands]}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
