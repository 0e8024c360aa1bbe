# Every golden case run in Korean (LANG=ko_KR.UTF-8, no --lang): each line kcity writes on
# standard error as a message (`kcity: ...`, `FILE:LINE:COLUMN: error|warning|note: ...`)
# is Korean after its prefix (docs/i18n.md). Cases that write files or ask for English are
# left out; `init` and `check` on the new call are run here in a temporary folder instead.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
count=0
scan() { # NAME FILE: every message line of FILE must hold Hangul
  local line message
  while IFS= read -r line; do
    count=$((count + 1))
    message=${line#*: error: }
    message=${message#*: warning: }
    message=${message#*: note: }
    message=${message#kcity: }
    if ! printf '%s' "$message" | LC_ALL=C.UTF-8 grep -qP '[\x{AC00}-\x{D7A3}]'; then
      echo "FAIL $1: left in English: $line"
      failed=$((failed + 1))
    fi
  done < <(grep -aE '^kcity: |: (error|warning|note): ' "$2")
}
for dir in tests/cli/cases/*/; do
  mapfile -t args <"$dir/args"
  case " ${args[*]} " in
    *" init "* | *--output* | *"--lang en"* | *--help* | *--version*) continue ;;
  esac
  LANG=ko_KR.UTF-8 LC_ALL= LC_MESSAGES= "$KCITY" "${args[@]}" >/dev/null 2>"$tmp/err"
  scan "$(basename "$dir")" "$tmp/err"
done
LANG=ko_KR.UTF-8 LC_ALL= LC_MESSAGES= "$KCITY" init "$tmp/call" >/dev/null 2>"$tmp/err"
scan init "$tmp/err"
LANG=ko_KR.UTF-8 LC_ALL= LC_MESSAGES= "$KCITY" check "$tmp/call" >"$tmp/err" 2>&1
grep -q "warning: 신청서 \`PLN-0001\`에 아직 평가가 없습니다" "$tmp/err" || {
  echo "FAIL init: check of the new call"
  cat "$tmp/err"
  failed=$((failed + 1))
}
scan init-check "$tmp/err"
echo "$count messages of the golden cases in Korean, $failed left in English"
[ "$failed" = 0 ]
