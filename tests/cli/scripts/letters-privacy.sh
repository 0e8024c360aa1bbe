# No letter names another proposal (SPEC §11): in every letter of examples/2023 (English and
# Korean, text and HTML), no other proposal's id, title (either language) or applicant appears;
# and the letter names its own id, title and applicant. The other proposals are read from the
# proposal files themselves (their simple layout: `id:`, `title:` or its `ko:`/`en:`, and
# `applicant:`'s `name:`), not from kcity.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lang in en ko; do
  for format in text html; do
    "$KCITY" letters examples/2023 --rules tests/cli/fixtures/letters/rules --panel \
      --output-dir "$tmp/$lang-$format" --format "$format" --lang "$lang" >/dev/null 2>&1
  done
done
python3 - "$tmp" <<'PY'
import glob, html, os, re, sys

tmp = sys.argv[1]
proposals = {}
for path in sorted(glob.glob("examples/2023/proposals/**/*.yaml", recursive=True)):
    text = open(path, encoding="utf-8").read()
    for doc in re.split(r"^---\s*$", text, flags=re.M):
        m = re.search(r"^id: *(\S+)", doc, re.M)
        if not m:
            continue
        block = re.search(r"^title:(.*)\n((?:  .*\n)*)", doc, re.M)
        inline = block.group(1).strip().strip('"')
        titles = [inline] if inline else re.findall(r"^  (?:ko|en): *(.+?) *$", block.group(2), re.M)
        applicant = re.search(r"^applicant:\n(?:  .*\n)*?  name: *(.+?) *$", doc, re.M).group(1)
        proposals[m.group(1)] = {"titles": titles, "applicant": applicant.strip('"')}
failures, letters = [], 0
for folder in sorted(os.listdir(tmp)):
    for name in sorted(os.listdir(os.path.join(tmp, folder))):
        pid, ext = os.path.splitext(name)
        if pid == "index":
            continue
        letters += 1
        text = open(os.path.join(tmp, folder, name), encoding="utf-8").read()
        if ext == ".html":
            text = html.unescape(text)
        own = proposals[pid]
        for needle in [pid, own["applicant"]]:
            if needle not in text:
                failures.append(f"{folder}/{name} does not name its own {needle!r}")
        if not any(t in text for t in own["titles"]):
            failures.append(f"{folder}/{name} does not name its own title")
        for other, p in proposals.items():
            if other == pid:
                continue
            needles = [other] + p["titles"]
            if p["applicant"] != own["applicant"]:
                needles.append(p["applicant"])
            for needle in needles:
                if needle in text:
                    failures.append(f"{folder}/{name} names {other}: {needle!r}")
for f in failures[:40]:
    print("FAIL", f)
if failures or letters != 4 * len(proposals):
    print(f"FAIL: {len(failures)} problems in {letters} letters of {len(proposals)} proposals")
    sys.exit(1)
print(f"{letters} letters of {len(proposals)} proposals name none of the others")
PY
