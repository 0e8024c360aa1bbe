#!/usr/bin/env python3
"""Writes the hostile calls of bench/hostile.sh and bench/memory.sh (issue 20): inputs that are
large for their kind, on one small track `t` (criterion `a`, max 10).

    python3 bench/hostile_gen.py KIND N OUTDIR

KIND and N:
  proposals   N small proposals (about 150 bytes each, no review) in two multi-document files
  history     a history.yaml of N entries, and one proposal
  reviews     one proposal with N inline reviews
  rules       a track with N eligibility rules (one file)
  tracks      N tracks of 100,000 eligibility rules each (6.5 MB a file)
  attributes  N free attributes (`aNNNNNN: 1`), 1,000 to a proposal, in one multi-document file
  attributes5 N small proposals with five free attributes each, in two files
  cells       a CSV score sheet of N rows (proposal, reviewer, a), ten reviews of N/10 proposals
  sheetreviews  one proposal with N reviews in a CSV score sheet
"""
import pathlib
import sys

COUNTRIES = ["VN", "ID", "PH", "TH", "MY", "KH", "LA", "MN", "PE", "CO"]
TRACK = ["name: T", "deadline: 2023-05-10",
         "award: {min_krw: 1, max_krw: 500000000}",
         "panel: {min_reviewers: 1, aggregate: mean}",
         "criteria: [{id: a, name: A, max: 10}]",
         "selection: {min: 0, max: 1, budget_krw: 1000000000}"]


def proposal(i, extra=""):
    return (f"id: P{i:07d}\ntrack: t\ntitle: T{i}\ncountry: {COUNTRIES[i % 10]}\n"
            f"city: C{i % 1000}\napplicant: {{name: A{i}, type: government}}\n"
            f"requested_krw: 100000000\nsubmitted_at: 2023-05-01\n{extra}")


def eligibility(n):
    return ["eligibility:"] + [
        f"  - {{id: r{i}, name: R, require: {{field: country, equals: VN}}}}" for i in range(n)]


def write_rules(out, tracks, track_lines):
    (out / "rules").mkdir(parents=True, exist_ok=True)
    (out / "proposals").mkdir(exist_ok=True)
    (out / "rules/program.yaml").write_text(
        f"program: Hostile\nyear: 2023\nbudget_krw: {1000000000 * len(tracks)}\n"
        f"tracks: [{', '.join(tracks)}]\n")
    for t in tracks:
        (out / f"rules/{t}.yaml").write_text("\n".join([f"track: {t}"] + track_lines) + "\n")


def main():
    kind, n, out = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
    track = list(TRACK)
    tracks = ["t"]
    if kind == "rules":
        track += eligibility(n)
    elif kind == "tracks":
        track += eligibility(100000)
        tracks = ["t"] + [f"t{k}" for k in range(1, n)]
    elif kind == "history":
        track += ["eligibility:",
                  "  - {id: seen, name: S, require: {not: {field: country, in_history: true}}}"]
    write_rules(out, tracks, track)
    if kind in ("proposals", "attributes5"):
        five = "attributes:\n" + "".join(f"  a{k}: {k}\n" for k in range(5))
        for f in range(2):
            with open(out / f"proposals/part{f}.yaml", "w", buffering=1 << 20) as w:
                for i in range(f * n // 2, (f + 1) * n // 2):
                    w.write("---\n" + proposal(i, five if kind == "attributes5" else ""))
    elif kind == "history":
        with open(out / "rules/history.yaml", "w", buffering=1 << 20) as w:
            for i in range(n):
                w.write(f"- {{year: {2000 + i % 23}, track: t, country: {COUNTRIES[i % 10]}, "
                        f"city: City {i}}}\n")
        (out / "proposals/p1.yaml").write_text(proposal(1))
    elif kind == "reviews":
        reviews = "".join(f"  - {{reviewer: R{i}, scores: {{a: {i % 11}}}}}\n" for i in range(n))
        (out / "proposals/p1.yaml").write_text(proposal(1, "reviews:\n" + reviews))
    elif kind == "attributes":
        with open(out / "proposals/all.yaml", "w", buffering=1 << 20) as w:
            for p in range((n + 999) // 1000):
                count = min(1000, n - p * 1000)
                attributes = "".join(f"  a{p * 1000 + k:07d}: 1\n" for k in range(count))
                w.write("---\n" + proposal(p, "attributes:\n" + attributes))
    elif kind == "cells":
        proposals = (n + 9) // 10
        with open(out / "proposals/all.yaml", "w", buffering=1 << 20) as w:
            for i in range(proposals):
                w.write("---\n" + proposal(i))
        (out / "scores").mkdir(exist_ok=True)
        with open(out / "scores/sheet.csv", "w", buffering=1 << 20) as w:
            w.write("proposal,reviewer,a\n")
            for i in range(n):
                w.write(f"P{i // 10:07d},R{i % 10},{i % 11}\n")
    elif kind == "sheetreviews":
        (out / "proposals/p1.yaml").write_text(proposal(1))
        (out / "scores").mkdir(exist_ok=True)
        with open(out / "scores/sheet.csv", "w", buffering=1 << 20) as w:
            w.write("proposal,reviewer,a\n")
            for i in range(n):
                w.write(f"P0000001,R{i},{i % 11}\n")
    else:  # rules, tracks: one proposal with three reviews
        reviews = "".join(f"  - {{reviewer: R{i}, scores: {{a: {i % 11}}}}}\n" for i in range(3))
        (out / "proposals/p1.yaml").write_text(proposal(1, "reviews:\n" + reviews))


if __name__ == "__main__":
    main()
