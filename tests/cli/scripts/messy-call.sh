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
