# --output writes the report to the file and nothing to standard output; on an error, of the
# inputs or of the write itself, the existing file is left as it was.
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
# A write that fails half-way (here: a file size limit of 8 KiB, the report is 17 KiB, written
# as it is rendered): exit 1, the old file as it was, no temporary file left behind.
if (ulimit -f 8; trap '' XFSZ; "$KCITY" score examples/2023 --format json \
    --output "$tmp/keep.json" 2>"$tmp/err"); then exit 1; fi
grep -q "cannot write .*keep.json" "$tmp/err"
[ "$(cat "$tmp/keep.json")" = keep ]
[ -z "$(ls -A "$tmp" | grep tmp- || true)" ]
echo "output written whole, and untouched on error"
