#!/usr/bin/env python3
"""The Markdown tables of bench/run.sh, from the files it leaves in WORKDIR/results.

    python3 bench/report.py RESULTS TIMER_KIND TIMER RUNS COMMIT CPU NCPU LOAD SECONDS CASE...

CASE is name|dir|layout|proposals|runs|warmup|baseline timed (1 or 0). A command that was
not timed (the baseline on the big call) is shown from its one run under /usr/bin/time -v. Exit 1 when a determinism check failed
(two outputs that should be identical are not). Standard library only.
"""

from __future__ import annotations

import datetime
import filecmp
import json
import os
import re
import statistics
import sys

COMMANDS = ("score", "check", "baseline")
LABEL = {"score": "`kcity score --format json`", "check": "`kcity check`",
         "baseline": "yaml-cpp `LoadAllFromFile`"}
RSS_LIMIT_MB = 300  # issue 7: 300 MB = 300,000,000 bytes
MULTIDOC_SMALL = "multidoc-10000"



def print_table(header, rows):
    """A Markdown table after a blank line."""
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")

def disk(path: str) -> tuple[int, int]:
    files = size = 0
    for root, dirs, names in os.walk(os.path.join(path, "proposals")):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in names:
            if f.endswith((".yaml", ".yml")) and not f.startswith("."):
                files += 1
                size += os.path.getsize(os.path.join(root, f))
    return files, size


def timings(results: str, kind: str, name: str) -> dict[str, dict]:
    """command -> {"times": [...], "cpu": mean user+sys or None, "rss_kb": [...]}"""
    out: dict[str, dict] = {}
    tf = os.path.join(results, name + ".time.json")
    if kind in ("interleave", "hyperfine") and os.path.exists(tf):
        data = json.load(open(tf))
        for r in data["results"]:
            cmd = r.get("name") or r.get("command")
            if isinstance(r["user"], list):  # timeit.py
                cpu = statistics.mean(u + s for u, s in zip(r["user"], r["system"]))
                out[cmd] = {"times": r["times"], "cpu": cpu, "rss_kb": r.get("max_rss_kb", [])}
            else:  # hyperfine: means only
                out[cmd] = {"times": r["times"], "cpu": r["user"] + r["system"], "rss_kb": []}
        return out
    for cmd in COMMANDS:
        f = os.path.join(results, f"{name}.{cmd}.times")
        if not os.path.exists(f):
            continue
        times = [float(e) - float(s) for s, e in (l.split() for l in open(f) if l.strip())]
        cpu = None
        cf = os.path.join(results, f"{name}.{cmd}.cpu")
        if os.path.exists(cf):
            rows = [l.split() for l in open(cf) if re.match(r"^[\d.]+ [\d.]+$", l.strip())]
            if rows:
                cpu = statistics.mean(float(u) + float(s) for u, s in rows)
        out[cmd] = {"times": times, "cpu": cpu, "rss_kb": []}
    return out


def single_run(results: str, name: str, cmd: str) -> dict | None:
    """wall and CPU time of the one run under /usr/bin/time -v"""
    rf = os.path.join(results, f"{name}.{cmd}.rss")
    if not os.path.exists(rf):
        return None
    text = open(rf).read()
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    u = re.search(r"User time \(seconds\): ([\d.]+)", text)
    s = re.search(r"System time \(seconds\): ([\d.]+)", text)
    if not (m and u and s):
        return None
    wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    return {"times": [wall], "cpu": float(u.group(1)) + float(s.group(1)), "rss_kb": [],
            "single": True}


def peak_rss_kb(results: str, name: str, cmd: str, timed: dict) -> int | None:
    rf = os.path.join(results, f"{name}.{cmd}.rss")
    if os.path.exists(rf):
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(rf).read())
        if m:
            return int(m.group(1))
    if timed.get("rss_kb"):
        return max(timed["rss_kb"])
    return None


def fmt_t(t: float | None, ref: float | None = None) -> str:
    if t is None:
        return ""
    ref = t if ref is None else ref
    return f"{t * 1000:.1f} ms" if ref < 1 else f"{t:.3f} s" if ref < 100 else f"{t:.1f} s"


def fmt_rss(kb: int | None) -> str:
    return "" if kb is None else f"{kb / 1024:.1f} MiB"


def main(argv: list[str]) -> int:
    (results, kind, timer, runs, commit, cpu_model, ncpu, load_before, seconds, *cases) = argv
    rows = []
    data: dict[str, dict] = {}
    for c in cases:
        name, d, layout, n, r, w, _b = c.split("|")
        report = json.load(open(os.path.join(results, name + ".json")))
        files, size = disk(d)
        t = timings(results, kind, name)
        for cmd in COMMANDS:
            if cmd not in t:
                one = single_run(results, name, cmd)
                if one:
                    t[cmd] = one
        load = open(os.path.join(results, name + ".load")).read().split()
        data[name] = {"layout": layout, "n": int(n), "t": t, "rss": {}}
        for cmd in COMMANDS:
            if cmd not in t:
                continue
            data[name]["rss"][cmd] = peak_rss_kb(results, name, cmd, t[cmd])
        rows.append((name, layout, int(n), report["inputs"]["proposals"], files, size, int(r),
                     int(w), load))

    odd = [f"{name}: {r} runs, {w} warm-up" for name, _l, _n, _c, _f, _s, r, w, _ld in rows
           if (r, w) != (int(runs), 1)]
    print(f"Commit {commit}; {ncpu} CPUs ({cpu_model}); {datetime.date.today()}; timer: {timer}; "
          f"median of {runs} runs after 1 warm-up" + (f" ({'; '.join(odd)})" if odd else "")
          + f"; load average {load_before} before, {os.getloadavg()[0]:.2f} after; "
          f"the whole run took {int(seconds) // 60} min {int(seconds) % 60} s. Peak RSS is "
          f"from one run under /usr/bin/time -v; a row marked (1 run) was not timed in the "
          f"rounds, its numbers are from that run.")
    print()
    print("| input | proposals | files | YAML | command | median wall | min – max | "
          "CPU (user+sys, mean) | peak RSS | load avg |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for name, layout, n, count, files, size, r, w, load in rows:
        label = "examples/2023" if layout == "example" else f"{layout}, {n:,}"
        sz = f"{size / 1048576:.1f} MiB" if size >= 1048576 else f"{size / 1024:.0f} KiB"
        first = True
        for cmd in COMMANDS:
            t = data[name]["t"].get(cmd)
            if t is None:
                continue
            med = statistics.median(t["times"])
            lead = (f"| {label} | {count:,} | {files:,} | {sz} | " if first else "| | | | | ")
            spread = ("(1 run)" if t.get("single") else
                      f"{fmt_t(min(t['times']), med)} – {fmt_t(max(t['times']), med)}")
            print(lead + f"{LABEL[cmd]} | {fmt_t(med)} | {spread} | {fmt_t(t['cpu'], med)} | "
                  f"{fmt_rss(data[name]['rss'].get(cmd))} | "
                  f"{f'{load[0]} → {load[1]}' if first else ''} |")
            first = False

    # ----- targets
    def med(name, cmd):
        try:
            return statistics.median(data[name]["t"][cmd]["times"])
        except KeyError:
            return None

    def paired(name, a, b):
        """min and max of the per-run ratios a/b (meaningful when interleaved)"""
        if kind == "hyperfine":
            return None
        try:
            ta, tb = data[name]["t"][a]["times"], data[name]["t"][b]["times"]
        except KeyError:
            return None
        q = [x / y for x, y in zip(ta, tb)]
        return (min(q), max(q)) if q else None

    def verdict(value, limit):
        if value is None:
            return "not measured"
        return "**met**" if value <= limit else "**not met**"

    target_rows = []

    def ratio_row(title, name_a, cmd_a, name_b, cmd_b, limit, is_target=True):
        a, b = med(name_a, cmd_a), med(name_b, cmd_b)
        if a is None or b is None:
            if not is_target:
                return
            target_rows.append((title, "not measured", f"≤ {limit}",
                                "not measured" if is_target else "(for information)"))
            return
        v = a / b
        extra = ""
        single = data[name_a]["t"][cmd_a].get("single") or data[name_b]["t"][cmd_b].get("single")
        if name_a == name_b and not single:
            p = paired(name_a, cmd_a, cmd_b)
            if p:
                extra = f" (run by run {p[0]:.2f} – {p[1]:.2f})"
        target_rows.append((title, f"{v:.2f} = {fmt_t(a)} / {fmt_t(b)}{extra}", f"≤ {limit}",
                            verdict(v, limit) if is_target else "(for information)"))

    big = next((name for name, layout, *_ in reversed(rows)
                if layout == "multidoc" and name != MULTIDOC_SMALL), None)
    ratio_row("`score` / yaml-cpp baseline, files 10,000", "files-10000", "score",
              "files-10000", "baseline", 0.5)
    ratio_row("`score` / yaml-cpp baseline, multidoc 10,000", MULTIDOC_SMALL, "score",
              MULTIDOC_SMALL, "baseline", 0.5, False)
    if big:
        ratio_row(f"`score` / yaml-cpp baseline, multidoc {data[big]['n']:,}", big, "score",
                  big, "baseline", 0.5, False)
    ratio_row("`check` / `score`, files 10,000", "files-10000", "check", "files-10000", "score", 1)
    ratio_row("`check` / `score`, multidoc 10,000", MULTIDOC_SMALL, "check", MULTIDOC_SMALL,
              "score", 1)
    big_name = big or "multidoc-100000"
    big_n = data[big]["n"] if big else 100000
    ratio_row(f"`check` / `score`, multidoc {big_n:,}", big_name, "check", big_name, "score", 1)
    limit = round(11 * big_n / 100000, 2)
    ratio_row(f"`score` multidoc {big_n:,} / multidoc 10,000", big_name, "score", MULTIDOC_SMALL,
              "score", limit)
    ratio_row(f"`check` multidoc {big_n:,} / multidoc 10,000", big_name, "check", MULTIDOC_SMALL,
              "check", limit)
    for cmd in ("score", "check"):
        kb = data.get(big_name, {}).get("rss", {}).get(cmd)
        mb = kb * 1024 / 1e6 if kb is not None else None
        target_rows.append((f"peak RSS of `{cmd}`, multidoc {big_n:,}",
                            "not measured" if kb is None else f"{mb:.0f} MB ({kb / 1024:.1f} MiB)",
                            f"≤ {RSS_LIMIT_MB} MB", verdict(mb, RSS_LIMIT_MB)))

    # ----- determinism
    det_rows = []
    failed = 0
    cf = os.path.join(results, "determinism.txt")
    if os.path.exists(cf):
        for line in open(cf, encoding="utf-8"):
            if not line.strip():
                continue
            name, what, a, b = line.rstrip("\n").split("|")
            same = filecmp.cmp(os.path.join(results, a), os.path.join(results, b), shallow=False)
            failed += not same
            det_rows.append((name, what, "identical" if same else "**DIFFERENT**"))
        # The two layouts of the same 10,000 proposals: the `tracks` of the reports.
        fa, fb = os.path.join(results, "files-10000.json"), os.path.join(results, MULTIDOC_SMALL + ".json")
        if os.path.exists(fa) and os.path.exists(fb):
            same = json.load(open(fa))["tracks"] == json.load(open(fb))["tracks"]
            failed += not same
            det_rows.append(("files-10000 / multidoc-10000",
                             "`tracks` of the report, one file per proposal vs one file",
                             "identical" if same else "**DIFFERENT**"))
    if det_rows:
        target_rows.append(("no output byte changes with the threads, the runs or the order of "
                            "the files", f"{len(det_rows) - failed} of {len(det_rows)} checks identical",
                            "all", "**met**" if not failed else "**not met**"))

    print_table(("target (issue 7)", "measured (medians of wall time)", "goal", ""), target_rows)
    if det_rows:
        print_table(("determinism: input", "output compared with the first run's", "result"),
                    det_rows)
    if failed:
        print(f"\nrun.sh: {failed} determinism check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
