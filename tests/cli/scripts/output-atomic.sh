# --output writes the report to the file and nothing to standard output; on an error the
# existing file is left as it was.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$KCITY" score examples/2023 --format json --output "$tmp/report.json" >"$tmp/stdout"
[ ! -s "$tmp/stdout" ]
"$KCITY" score examples/2023 --format json | cmp - "$tmp/report.json"
echo "keep" >"$tmp/keep.json"
if "$KCITY" score no/such/folder --output "$tmp/keep.json" 2>/dev/null; then exit 1; fi
[ "$(cat "$tmp/keep.json")" = keep ]
[ -z "$(ls -A "$tmp" | grep tmp- || true)" ]
echo "output written whole, and untouched on error"
