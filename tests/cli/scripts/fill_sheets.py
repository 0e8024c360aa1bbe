#!/usr/bin/env python3
"""Fills the blank score sheets that `kcity sheets` wrote, as a reviewer would, with Python's
standard library only (tests/cli/scripts/sheets-roundtrip.sh):

  fill_sheets.py BLANK_DIR FILLED_DIR TWIN_DIR [WORKBOOK_DIR]

Every .xlsx or .csv of BLANK_DIR is copied to FILLED_DIR with a score in each criterion cell of
each row that has no conflict, and its total (in a workbook, the value Excel saves for the sum
formula). Scores are known: a hash of proposal, reviewer and column, from 40% to 100% of the
criterion's maximum, with up to two decimals. TWIN_DIR gets the same reviews as plain CSV
sheets (one per worksheet), which `kcity score` must read to the same result. A CSV sheet has
the criteria of all the reviewer's tracks as columns: the reviewer's workbook in WORKBOOK_DIR
(written by `kcity sheets` for the same call) tells which of them a proposal's track has.
"""
import csv
import hashlib
import io
import pathlib
import re
import sys
import zipfile
from decimal import Decimal
from xml.sax.saxutils import unescape

PROPOSAL = {"proposal", "제안번호"}
REVIEWER = {"reviewer", "평가위원"}
TOTAL = {"total", "합계"}
CONFLICT = {"conflict", "이해충돌"}
MAXIMUM = re.compile(r"\((\d+(?:\.\d+)?)\)$")


def name_of(header):
    return MAXIMUM.sub("", header).strip().casefold()


def score(proposal, reviewer, header, maximum):
    h = int.from_bytes(hashlib.sha256(f"{proposal}\n{reviewer}\n{header}".encode()).digest()[:8],
                       "big")
    hundredths = int(maximum * 40) + h % (int(maximum * 60) + 1)
    return Decimal(hundredths) / 100


def text(d):
    s = format(d.normalize(), "f")
    return s


class Table:
    """A header row and the rows below it, as lists of cell texts."""

    def __init__(self, rows):
        self.header_at = next(i for i, r in enumerate(rows) if PROPOSAL & set(r) and REVIEWER & set(r))
        self.header = rows[self.header_at]
        col = {h: i for i, h in enumerate(self.header)}
        self.proposal = next(col[h] for h in PROPOSAL if h in col)
        self.reviewer = next(col[h] for h in REVIEWER if h in col)
        self.total = next((col[h] for h in TOTAL if h in col), None)
        self.conflict = next(col[h] for h in CONFLICT if h in col)
        # A criterion column is one the workbook's tracks name; in a blank sheet of kcity's, every
        # column between `reviewer` and `total` is one.
        end = self.total if self.total is not None else self.conflict
        self.criteria = [(i, Decimal(MAXIMUM.search(self.header[i]).group(1))
                          if MAXIMUM.search(self.header[i]) else None)
                         for i in range(self.reviewer + 1, end)]

    def fill(self, row, applies):
        """The scores of a row ({column: text}, total included) and its twin row."""
        p, r = row[self.proposal], row[self.reviewer]
        conflict = row[self.conflict] != ""
        twin = [p, r]
        filled = {}
        if not conflict:
            total = Decimal(0)
            for i, m in self.criteria:
                m = applies(row, i, m)
                if m is None:
                    twin.append("")
                    continue
                s = score(p, r, name_of(self.header[i]), m)
                filled[i] = text(s)
                total += s
                twin.append(text(s))
            if self.total is not None:
                filled[self.total] = text(total)
        else:
            twin += [""] * len(self.criteria)
        twin.append("yes" if conflict else "")
        return filled, twin

    def twin_header(self):
        return ["proposal", "reviewer"] + [name_of(self.header[i]) for i, _ in self.criteria] + ["conflict"]


def write_twin(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def column_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


CELL = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)


def fill_workbook(src, dst, twin_dir):
    z = zipfile.ZipFile(src)
    sst = z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in z.namelist() else ""
    strings = [unescape(re.sub(r"<[^>]+>", "", si)) for si in re.findall(r"<si>(.*?)</si>", sst, re.S)]
    out = {}
    n = 0
    for name in z.namelist():
        data = z.read(name)
        if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
            n += 1
            data = fill_worksheet(data.decode(), strings, twin_dir / f"{src.stem}-{n}.csv").encode()
        out[name] = (z.getinfo(name), data)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as w:
        for name, (info, data) in out.items():
            w.writestr(info, data)


def fill_worksheet(xml, strings, twin_path):
    grid = {}
    for m in CELL.finditer(xml):
        col, row, attrs, inner = column_index(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
        value = ""
        if inner and 't="s"' in attrs:
            value = strings[int(re.search(r"<v>(.*?)</v>", inner).group(1))]
        grid.setdefault(row, {})[col] = value
    width = max((max(c) + 1 for c in grid.values() if c), default=0)
    numbers = sorted(grid)
    rows = [[grid[r].get(c, "") for c in range(width)] for r in numbers]
    t = Table(rows)
    twin = []
    fills = {}
    for k in range(t.header_at + 1, len(rows)):
        filled, twin_row = t.fill(rows[k], lambda row, i, m: m)
        twin.append(twin_row)
        fills[numbers[k]] = filled

    def put(m):
        col, row = column_index(m.group(1)), int(m.group(2))
        value = fills.get(row, {}).get(col)
        if value is None:
            return m.group(0)
        ref, attrs = f"{m.group(1)}{row}", m.group(3)
        formula = re.search(r"<f>(.*?)</f>", m.group(4) or "")
        f = f"<f>{formula.group(1)}</f>" if formula else ""
        return f'<c r="{ref}"{attrs}>{f}<v>{value}</v></c>'

    write_twin(twin_path, t.twin_header(), twin)
    return CELL.sub(put, xml)


def workbook_criteria(path):
    """{proposal id: {criterion name: maximum}} from a workbook of `kcity sheets`."""
    z = zipfile.ZipFile(path)
    sst = z.read("xl/sharedStrings.xml").decode()
    strings = [unescape(re.sub(r"<[^>]+>", "", si)) for si in re.findall(r"<si>(.*?)</si>", sst, re.S)]
    out = {}
    for name in z.namelist():
        if not re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
            continue
        grid = {}
        for m in CELL.finditer(z.read(name).decode()):
            if m.group(4) and 't="s"' in m.group(3):
                value = strings[int(re.search(r"<v>(.*?)</v>", m.group(4)).group(1))]
                grid.setdefault(int(m.group(2)), {})[column_index(m.group(1))] = value
        rows = [[g.get(c, "") for c in range(max(g) + 1)] for _, g in sorted(grid.items())]
        t = Table(rows)
        maxima = {name_of(t.header[i]): m for i, m in t.criteria}
        for row in rows[t.header_at + 1:]:
            out[row[t.proposal]] = maxima
    return out


def fill_csv(src, dst, twin_dir, workbooks):
    rows = list(csv.reader(io.StringIO(src.read_text(encoding="utf-8-sig"))))
    t = Table(rows)
    of_proposal = workbook_criteria(workbooks / f"{src.stem}.xlsx")
    twin = []
    for row in rows[t.header_at + 1:]:
        # A criterion of another track: its cells stay empty.
        applies = lambda row, i, m: of_proposal[row[t.proposal]].get(name_of(t.header[i]))
        filled, twin_row = t.fill(row, applies)
        for i, v in filled.items():
            row[i] = v
        twin.append(twin_row)
    with open(dst, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)
    write_twin(twin_dir / f"{src.stem}.csv", t.twin_header(), twin)


def main():
    blank, filled, twin = (pathlib.Path(a) for a in sys.argv[1:4])
    workbooks = pathlib.Path(sys.argv[4]) if len(sys.argv) > 4 else None
    filled.mkdir(parents=True, exist_ok=True)
    twin.mkdir(parents=True, exist_ok=True)
    for src in sorted(blank.iterdir()):
        if src.suffix == ".xlsx":
            fill_workbook(src, filled / src.name, twin)
        elif src.suffix == ".csv":
            fill_csv(src, filled / src.name, twin, workbooks)


main()
