# The same files under other names, in other folders and so in another order, give the same
# report byte for byte. The same proposals laid out differently (documents split into single
# files, the score sheet split in two with a BOM and CRLF) give the same report but for the
# input hash, which is a hash of the files.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/a" "$tmp/b/proposals/z" "$tmp/b/proposals/a" "$tmp/b/scores" "$tmp/c/proposals/q"
cp -r examples/2023/rules examples/2023/proposals examples/2023/scores "$tmp/a/"
cp -r examples/2023/rules "$tmp/b/"
cp -r examples/2023/rules examples/2023/scores "$tmp/c/"
i=0
for f in $(find examples/2023/proposals -name '*.yaml' | sort -r); do
  i=$((i + 1))
  cp "$f" "$tmp/c/proposals/q/$((100 - i))-$(basename "$f")"
done
python3 - "$tmp" <<'PY'
import pathlib, sys, hashlib
tmp = pathlib.Path(sys.argv[1])
docs = []
for f in sorted((tmp / "a/proposals").rglob("*.yaml")):
    text = f.read_text(encoding="utf-8")
    for doc in text.split("\n---\n"):
        doc = doc.strip("\n").removeprefix("---\n")
        if doc.strip():
            docs.append(doc + "\n")
for i, doc in enumerate(reversed(docs)):
    name = hashlib.sha256(doc.encode()).hexdigest()[:8]
    folder = "z" if i % 2 else "a"
    (tmp / "b/proposals" / folder / f"{name}.yml").write_text(doc, encoding="utf-8")
lines = (tmp / "a/scores/pilot-panel.csv").read_text(encoding="utf-8").splitlines(keepends=True)
header, rows = lines[0], lines[1:]
(tmp / "b/scores/2.csv").write_text(header + "".join(rows[::2]), encoding="utf-8")
(tmp / "b/scores/1.csv").write_bytes(("\ufeff" + header + "".join(rows[1::2])).replace("\n", "\r\n").encode())
PY
"$KCITY" score "$tmp/a" --format json >"$tmp/a.json"
"$KCITY" score "$tmp/c" --format json >"$tmp/c.json"
cmp "$tmp/a.json" "$tmp/c.json"
"$KCITY" score "$tmp/b" --format json | grep -v '"inputs"' >"$tmp/b.json"
grep -v '"inputs"' "$tmp/a.json" | cmp - "$tmp/b.json"
"$KCITY" score "$tmp/a" | tail -n +4 >"$tmp/a.txt"
"$KCITY" score "$tmp/b" | tail -n +4 >"$tmp/b.txt"
cmp "$tmp/a.txt" "$tmp/b.txt"
echo "same report from renamed files and from another layout of the call"
