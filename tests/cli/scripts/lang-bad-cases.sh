# Every refused input of tests/bad/ in Korean (`check --lang ko`): each message keeps its
# `FILE:LINE:COLUMN: error:` shape and is Korean after it (docs/i18n.md), none left in English.
set -u
. tests/cli/lib/bad_case_args.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
count=0
for dir in tests/bad/*/; do
  name=$(basename "$dir")
  bad_case_args "$dir"
  "$KCITY" check "${args[@]}" --lang ko >"$tmp/out" 2>"$tmp/err"
  # The same lines as in English, in the same order: only the messages change.
  "$KCITY" check "${args[@]}" --lang en >"$tmp/en" 2>/dev/null
  if [ "$(sed -E 's/: (error|warning|note): .*//' "$tmp/out")" != \
       "$(sed -E 's/: (error|warning|note): .*//' "$tmp/en")" ]; then
    echo "FAIL $name: the Korean list's positions differ from the English"
    failed=$((failed + 1))
  fi
  while IFS= read -r line; do
    count=$((count + 1))
    message=${line#*: error: }
    message=${message#*: warning: }
    if ! printf '%s' "$message" | grep -qP '[\x{AC00}-\x{D7A3}]'; then
      echo "FAIL $name: left in English: $line"
      failed=$((failed + 1))
    fi
  done < <(grep -E ': (error|warning): ' "$tmp/out")
done
echo "$count messages of tests/bad in Korean, $failed left in English"
[ "$failed" = 0 ]
