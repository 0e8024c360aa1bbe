# The HTML report in a real browser: headless Chromium loads it and dumps the DOM it built,
# and the DOM must hold what the JSON report says: one section per track, one detail-table row
# per proposal under its status, one chart bar per ranked proposal in rank order with the
# selected ones highlighted, the threshold line, the public list, the budget parts and the
# shortfall banner. Also: nothing loaded from the network, no script, the same bytes twice.
# Then the committee's report (tests/cli/fixtures/committee) in both languages: its committee,
# meeting date and approval box in the DOM, and Chromium's PDF of it, whose pages' feet carry
# the page numbers and the date (read with pdftotext when poppler-utils is installed).
#
# Needs Debian's `chromium` (CI installs it). Without it the test fails when CI=true and is
# skipped otherwise.
set -eu
. tests/cli/lib/chromium.sh
need_chromium "the HTML report was not checked"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints the DOM Chromium built from the file $1.
dump_dom() {
  local profile
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --dump-dom "file://$1" 2>"$tmp/chromium.log"; then
    echo "FAIL: chromium could not load $1" >&2
    tail -20 "$tmp/chromium.log" >&2
    return 1
  fi
}

# name, then the arguments of `kcity score` (without --format)
check() {
  local name=$1
  shift
  # (The shortfall fixture warns on standard error: that is expected.)
  "$KCITY" score "$@" --format html >"$tmp/$name.html" 2>"$tmp/stderr" ||
    { echo "FAIL: $name: kcity score $* --format html failed"; cat "$tmp/stderr"; exit 1; }
  "$KCITY" score "$@" --format html 2>/dev/null | cmp -s - "$tmp/$name.html" ||
    { echo "FAIL: $name: two runs gave different bytes"; exit 1; }
  "$KCITY" score "$@" --format json >"$tmp/$name.json" 2>/dev/null
  dump_dom "$tmp/$name.html" >"$tmp/$name.dom"
  python3 - "$name" "$tmp/$name.html" "$tmp/$name.dom" "$tmp/$name.json" <<'PY'
import json, re, sys
from html.parser import HTMLParser

name, html_path, dom_path, json_path = sys.argv[1:]
raw = open(html_path, encoding="utf-8").read()
dom = open(dom_path, encoding="utf-8").read()
report = json.load(open(json_path, encoding="utf-8"))
lang = "ko" if name.endswith("-ko") else "en"
failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)


# Self-contained: no script, nothing fetched (the SVG namespace is a name, not a fetch).
expect("<script" not in raw.lower(), "the file holds a <script>")
fetches = re.findall(r'(?:src|href)\s*=\s*"(?!#)[^"]*"|url\(|@import', raw)
expect(not fetches, f"the file refers to outside resources: {fetches[:3]}")
expect(raw.startswith("<!DOCTYPE html>"), "no HTML5 doctype")

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Dom(HTMLParser):
    """Collects the hooks the renderer promises, with the track (and bar) they sit in."""

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, attrs)
        self.html_lang = None
        self.tracks = []  # track ids in document order
        self.rows = {}  # track -> table class -> [(id, status)]
        self.bars = {}  # track -> [dict(id, status, classes, hl, segs)]
        self.thresholds = {}  # track -> count of line.threshold
        self.budget_parts = {}  # track -> [id]
        self.banners = {}  # track -> [reason codes]

    def classes(self, attrs):
        return set((attrs.get("class") or "").split())

    def enclosing(self, pred):
        for tag, attrs in reversed(self.stack):
            if pred(tag, attrs):
                return attrs
        return None

    def track(self):
        a = self.enclosing(lambda t, a: t == "section" and "track" in self.classes(a))
        return a.get("data-track") if a else None

    def handle_starttag(self, tag, attrs_list):
        attrs = dict(attrs_list)
        cls = self.classes(attrs)
        tr = self.track()
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "section" and "track" in cls:
            self.tracks.append(attrs.get("data-track"))
            tr = attrs.get("data-track")
            for d in (self.rows, self.bars, self.thresholds, self.budget_parts, self.banners):
                d[tr] = {} if d is self.rows else 0 if d is self.thresholds else []
        if tag == "tr" and "data-status" in attrs and tr is not None:
            table = self.enclosing(lambda t, a: t == "table")
            kind = " ".join(sorted(self.classes(table))) if table else ""
            self.rows[tr].setdefault(kind, []).append((attrs.get("data-id"), attrs["data-status"]))
        if tag == "g" and "bar" in cls and tr is not None:
            self.bars[tr].append({"id": attrs.get("data-id"), "status": attrs.get("data-status"),
                                  "rank": attrs.get("data-rank"), "classes": cls, "hl": 0,
                                  "segs": 0})
        if tag == "rect" and tr is not None and self.enclosing(
                lambda t, a: t == "g" and "bar" in self.classes(a)):
            if "hl" in cls:
                self.bars[tr][-1]["hl"] += 1
            if "seg" in cls:
                self.bars[tr][-1]["segs"] += 1
        if tag == "line" and "threshold" in cls and tr is not None:
            self.thresholds[tr] += 1
        if tag == "g" and "budget-part" in cls and tr is not None:
            self.budget_parts[tr].append(attrs.get("data-id"))
        if tag == "li" and tr is not None and self.enclosing(
                lambda t, a: t == "div" and "shortfall" in self.classes(a)):
            self.banners[tr].append(attrs.get("data-code"))
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag, attrs_list):
        self.handle_starttag(tag, attrs_list)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return


d = Dom()
d.feed(dom)
expect(d.html_lang == lang, f'<html lang="{d.html_lang}">, expected "{lang}"')
want_tracks = [t["track"] for t in report["tracks"]]
expect(d.tracks == want_tracks, f"track sections {d.tracks}, expected {want_tracks}")
STATUSES = ["selected", "reserve", "not-selected", "withdrawn", "below-threshold", "unscored",
            "ineligible"]
for t in report["tracks"]:
    tid = t["track"]
    if tid not in d.rows:
        continue
    props = t["proposals"]
    detail = d.rows[tid].get("detail", [])
    counts = []
    for st in STATUSES:
        want = [p["id"] for p in props if p["status"] == st]
        got = [i for i, s in detail if s == st]
        expect(got == want, f"{tid}: {st} rows {got}, expected {want}")
        counts.append(f"{len(got)} {st}")
    public_want = [(p["id"], p["status"]) for st in ("selected", "reserve") for p in props
                   if p["status"] == st]
    expect(d.rows[tid].get("public", []) == public_want,
           f"{tid}: public list {d.rows[tid].get('public')}, expected {public_want}")
    ranked = [p for p in props if p["rank"] is not None]
    bars = d.bars[tid]
    expect([b["id"] for b in bars] == [p["id"] for p in ranked],
           f"{tid}: chart bars {[b['id'] for b in bars]}, expected the ranked {[p['id'] for p in ranked]}")
    for b, p in zip(bars, ranked):
        sel = p["status"] == "selected"
        expect(b["status"] == p["status"] and b["rank"] == str(p["rank"]),
               f"{tid}: bar {b['id']} says {b['status']} rank {b['rank']}")
        expect(("selected" in b["classes"]) == sel and (b["hl"] == 1) == sel,
               f"{tid}: bar {b['id']} highlighted {b['hl']}, selected {sel}")
        expect(b["segs"] == len(p["criteria"]),
               f"{tid}: bar {b['id']} has {b['segs']} segments, expected {len(p['criteria'])}")
    highlighted = sum(1 for b in bars if b["hl"])
    if ranked:
        expect(d.thresholds[tid] == 1, f"{tid}: {d.thresholds[tid]} threshold lines, expected 1")
    selected = [p["id"] for p in props if p["status"] == "selected"]
    expect(d.budget_parts[tid] == selected,
           f"{tid}: budget parts {d.budget_parts[tid]}, expected {selected}")
    want_codes = [r["code"] for r in t.get("shortfall_reasons", [])] if t["shortfall"] else []
    expect(d.banners[tid] == want_codes,
           f"{tid}: shortfall banner {d.banners[tid]}, expected {want_codes}")
    print(f"{name}: {tid}: detail rows {', '.join(counts)}; {len(bars)} chart bars, "
          f"{highlighted} highlighted, threshold line {d.thresholds[tid]}; public list "
          f"{len(public_want)}; budget parts {len(d.budget_parts[tid])}; shortfall "
          f"{'banner ' + ','.join(d.banners[tid]) if d.banners[tid] else 'none'}")

if failures:
    for f in failures:
        print(f"FAIL: {name}: {f}")
    sys.exit(1)
print(f'{name}: <html lang="{lang}">, sections {", ".join(d.tracks)}, self-contained, same bytes twice')
PY
}

check example-en examples/2023
check example-ko examples/2023 --lang ko
check shortfall-en tests/cli/fixtures/shortfall
check committee-ko tests/cli/fixtures/committee --lang ko
echo "the HTML report's DOM in Chromium matches the JSON report"

# Prints Chromium's PDF of the file $1 into $2 (A4, the browser's own header and footer off:
# the report's @page margin boxes are the pages' foot).
print_pdf() {
  local profile
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$2" "file://$1" \
    2>"$tmp/chromium.log" || [ ! -s "$2" ]; then
    echo "FAIL: chromium could not print $1" >&2
    tail -20 "$tmp/chromium.log" >&2
    return 1
  fi
}

# The report a committee signs (docs/html-report.md): the committee, the meeting's date and the
# approval box from program.yaml, chart labels with the projects' titles, the budget's amounts
# in the page; in print, every page's foot with its number, the page count and the date.
for lang in ko en; do
  name=committee-$lang
  "$KCITY" score tests/cli/fixtures/committee --format html --lang $lang >"$tmp/$name.html"
  "$KCITY" score tests/cli/fixtures/committee --format json --lang $lang >"$tmp/$name.json"
  dump_dom "$tmp/$name.html" >"$tmp/$name.dom"
  print_pdf "$tmp/$name.html" "$tmp/$name.pdf"
  text=""
  if command -v pdftotext >/dev/null; then
    pdftotext -layout "$tmp/$name.pdf" "$tmp/$name.txt"
    text="$tmp/$name.txt"
  fi
  python3 - "$lang" "$tmp/$name.dom" "$tmp/$name.json" "$tmp/$name.pdf" "$text" <<'PY'
import json, re, sys
from html.parser import HTMLParser

lang, dom_path, json_path, pdf_path, text_path = sys.argv[1:]
report = json.load(open(json_path, encoding="utf-8"))
failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)


class Texts(HTMLParser):
    """The text of the elements the committee's part of the report is made of."""

    def __init__(self):
        super().__init__()
        self.open = []  # (key, text) being collected
        self.found = {}  # key -> [text]

    def handle_starttag(self, tag, attrs_list):
        a = dict(attrs_list)
        cls = set((a.get("class") or "").split())
        key = None
        if tag == "dd" and cls & {"committee", "meeting-date"}:
            key = (cls & {"committee", "meeting-date"}).pop()
        elif tag == "th" and self.open_in("approval"):
            key = "approval"
        elif tag == "text" and "lab" in cls:
            key = "label"
        elif tag == "li" and self.open_in("budget-key"):
            key = "budget-key"
        elif tag in ("table", "ol") and cls & {"approval", "budget-key"}:
            key = "in:" + (cls & {"approval", "budget-key"}).pop()
        self.open.append([tag, key, ""])

    def open_in(self, what):
        return any(k == "in:" + what for _, k, _ in self.open)

    def handle_data(self, data):
        for entry in self.open:
            if entry[1] and not entry[1].startswith("in:"):
                entry[2] += data

    def handle_endtag(self, tag):
        while self.open:
            t, key, text = self.open.pop()
            if key and not key.startswith("in:"):
                self.found.setdefault(key, []).append(text)
            if t == tag:
                return


t = Texts()
t.feed(open(dom_path, encoding="utf-8").read())
f = t.found
ko = lang == "ko"
name = 'K-City "선정" 위원회 </style>' if ko else 'K-City "Selection" Committee </style> \\'
expect(f.get("committee") == [name], f"committee {f.get('committee')}, expected [{name!r}]")
expect(f.get("meeting-date") == ["2023-05-30"], f"meeting date {f.get('meeting-date')}")
titles = ["결재", "담당", "팀장", "과장", "국장"] if ko else ["Approval", "Officer", "Team lead",
                                                      "Director", "국장"]
expect(f.get("approval") == titles, f"approval box {f.get('approval')}, expected {titles}")
# Chart labels: each ranked proposal's title in the report's language (whole, or cut with …).
want = [p["title"]["ko" if ko and p["title"].get("ko") else "en"] or p["title"]["ko"]
        for tr in report["tracks"] for p in tr["proposals"] if p["rank"] is not None]
# (A cut label's text is followed by its <title>, the whole title.)
labels = [x[:x.index("…") + 1] if "…" in x else x for x in f.get("label", [])]
expect(len(labels) == len(want) and all(
    l == w or (l.endswith("…") and w.startswith(l[:-1])) for l, w in zip(labels, want)),
       f"chart labels {labels}, expected the titles {want}")
# The budget's key: one entry per selected award, with its id.
selected = [p["id"] for tr in report["tracks"] for p in tr["proposals"]
            if p["status"] == "selected"]
key = f.get("budget-key", [])
expect(len(key) == len(selected) and all(i in k for i, k in zip(selected, key)),
       f"budget key {key}, expected the selected {selected}")
# Print: A4 pages; with pdftotext, each page's foot has "N / M쪽" or "Page N of M" and the date.
pdf = open(pdf_path, "rb").read()
pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
expect(1 <= pages <= 4, f"{pages} PDF pages, expected 1 to 4")
checked = "not checked (no pdftotext)"
if text_path:
    text = open(text_path, encoding="utf-8").read().split("\f")
    text = [p for p in text if p.strip()]
    expect(len(text) == pages, f"pdftotext found {len(text)} pages, the PDF {pages}")
    for i, page in enumerate(text, 1):
        foot = f"{i} / {pages}쪽" if ko else f"Page {i} of {pages}"
        expect(foot in page, f"page {i}: no {foot!r} in its text")
        expect("2023-05-30" in page, f"page {i}: no meeting date")
    checked = f"each page's foot has its number of {pages} and the date"
if failures:
    for x in failures:
        print(f"FAIL: committee-{lang}: {x}")
    sys.exit(1)
print(f"committee-{lang}: committee, meeting date, approval box {titles}; {len(labels)} chart "
      f"labels are titles; budget key {len(key)}; {pages} PDF pages, {checked}")
PY
done
