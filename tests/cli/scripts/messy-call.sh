# SPEC §2: a call as a Korean secretariat's folders hold it (tests/cli/fixtures/messy-call:
# CP949 and UTF-16 proposals and sheets, upper-case extensions, a lock file, a PDF) gives the
# same JSON report as its clean twin examples/2023, but for the sha256 fields, which are of the
# bytes as stored.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$KCITY" score tests/cli/fixtures/messy-call --rules examples/2023/rules --format json \
  >"$tmp/messy.json" 2>"$tmp/messy.err"
"$KCITY" score examples/2023 --format json >"$tmp/clean.json" 2>/dev/null
python3 - "$tmp/messy.json" "$tmp/clean.json" <<'PY'
import json, sys

def without_sha256(value):
    if isinstance(value, dict):
        return {k: without_sha256(v) for k, v in value.items() if "sha256" not in k}
    if isinstance(value, list):
        return [without_sha256(v) for v in value]
    return value

messy, clean = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
if without_sha256(messy) != without_sha256(clean):
    sys.exit("the messy call's report differs from the clean one's")
if messy["inputs"]["proposals_sha256"] == clean["inputs"]["proposals_sha256"]:
    sys.exit("the sha256 of the messy call's files should be of their bytes as stored")
if messy["inputs"]["rules_sha256"] != clean["inputs"]["rules_sha256"]:
    sys.exit("the same rules should have the same sha256")
PY
echo "the messy call scores as its clean twin (sha256 aside)"
# Standard error names each CP949 file, the lock file and the files ignored.
for f in proposals/planning/uman.yaml proposals/planning/aghdam.yaml proposals/pilot/sakarya.YAML; do
  grep -q "^tests/cli/fixtures/messy-call/$f:1:1: note: .*read as CP949" "$tmp/messy.err"
done
grep -q 'scores/~\$panel.xlsx:1:1: warning: panel.xlsx is open in Excel' "$tmp/messy.err"
grep -q '^kcity: note: ignored 2 inputs: .*messy-call/README.md, .*messy-call/scores/notes.pdf$' \
  "$tmp/messy.err"
echo "standard error names the CP949 files, the lock file and the ignored files"

# Files large enough to be parsed in parts (over 1 MiB) are decoded whole first: a multi-document
# file of 4,000 proposals in CP949 and in UTF-16 loads as its UTF-8 twin does, with one note.
mkdir -p "$tmp/big/utf8" "$tmp/big/cp949" "$tmp/big/utf16"
python3 - "$tmp/big" <<'PY'
import glob, re, sys
docs = []
for path in sorted(glob.glob("examples/2023/proposals/planning/*.yaml")):
    if "americas" in path:  # characters that CP949 lacks
        continue
    for doc in open(path, encoding="utf-8").read().split("\n---\n"):
        if re.search(r"^id: ", doc, re.M):
            docs.append(doc.strip("-\n") + "\n")
text = "".join("---\n" + re.sub(r"^id: .*$", "id: P-%06d" % i, docs[i % len(docs)], count=1,
                                 flags=re.M) for i in range(4000))
base = sys.argv[1]
open(base + "/utf8/all.yaml", "w", encoding="utf-8").write(text)
open(base + "/cp949/all.yaml", "w", encoding="cp949").write(text)
open(base + "/utf16/all.yaml", "w", encoding="utf-16").write(text)  # with its BOM
PY
for enc in utf8 cp949 utf16; do
  [ "$(stat -c %s "$tmp/big/$enc/all.yaml")" -gt $((1024 * 1024)) ]
  "$KCITY" score "$tmp/big/$enc" --rules rules --format json \
    >"$tmp/big/$enc.json" 2>"$tmp/big/$enc.err" || { cat "$tmp/big/$enc.err"; exit 1; }
  python3 - "$tmp/big/utf8.json" "$tmp/big/$enc.json" "$tmp/big/$enc/all.yaml" <<'PY'
import hashlib, json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
# The hash of the one file's bytes as stored, not of its UTF-8 text (hash_of_files).
stored = hashlib.sha256(open(sys.argv[3], "rb").read()).hexdigest()
if b["inputs"]["proposals_sha256"] != hashlib.sha256((stored + "\n").encode()).hexdigest():
    sys.exit("proposals_sha256 is not that of the bytes as stored in " + sys.argv[3])
for r in (a, b):
    r["inputs"].pop("proposals_sha256")
if a != b:
    sys.exit("a large file read in parts gives another report in " + sys.argv[2])
PY
done
[ "$(grep -c 'note: .*read as CP949' "$tmp/big/cp949.err")" = 1 ]
! grep -q 'note: .*CP949' "$tmp/big/utf16.err"
echo "large CP949 and UTF-16 files, read in parts, load as their UTF-8 twin"
