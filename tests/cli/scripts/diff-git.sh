# `kcity diff --base-rules git:REV` reads the base rules from a git revision of the repository
# around the current rules: a temporary repository with a committed call, then a change.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r examples/2023 "$tmp/call"
cd "$tmp/call"
git init -q .
git -c user.name=t -c user.email=t@t add -A
git -c user.name=t -c user.email=t@t commit -qm base
sed -i 's/^threshold: 70/threshold: 81/' rules/planning.yaml

# An unchanged revision against itself: no change, exit 0 with --detailed-exitcode.
git stash -q
"$KCITY" diff . --base-rules git:HEAD --detailed-exitcode >out.txt
grep -q "planning: no change; pilot: no change" out.txt
git stash pop -q

# The change: exit 2, the summary first, the rule value and a because line.
set +e
"$KCITY" diff . --base-rules git:HEAD --detailed-exitcode >out.txt 2>err.txt
code=$?
set -e
[ "$code" = 2 ] || { echo "exit $code, expected 2"; cat err.txt; exit 1; }
head -1 out.txt | grep -q "^planning: 1 dropped, 4 other status changes, now falls short; pilot: no change$"
grep -q "planning.threshold: 70 → 81" out.txt
grep -q "because threshold: base score 80.00 is below the threshold 81" out.txt
grep -q "Base rules: git:HEAD" out.txt

# An explicit path, from another folder.
(cd / && "$KCITY" diff "$tmp/call" --base-rules git:HEAD:rules --format json) | grep -q '"changed": true'

# Errors: an unknown revision, a revision that looks like an option, a path without rules.
for base in git:no-such-rev git:--output=x git:HEAD:nowhere; do
  if "$KCITY" diff . --base-rules "$base" >out.txt 2>err.txt; then echo "$base accepted"; exit 1; fi
  [ ! -s out.txt ]
  grep -q "^kcity: error: --base-rules $base: " err.txt || { cat err.txt; exit 1; }
done
grep -q "looks like an option" <("$KCITY" diff . --base-rules git:--output=x 2>&1 || true)
# Each git problem says what is wrong (issue 20).
said() { # BASE TEXT
  if "$KCITY" diff . --base-rules "$1" >out.txt 2>err.txt; then
    echo "$1 accepted"; exit 1
  fi
  grep -qF "$2" err.txt || { echo "$1: expected '$2'"; cat err.txt; exit 1; }
}
said git:HEAD: "the path after the revision is empty"
# A rules folder with Korean characters (git ls-tree C-quotes it without -z).
mkdir -p "$tmp/call/규칙" && cp rules/*.yaml "$tmp/call/규칙/"
git -c user.name=t -c user.email=t@t add -A >/dev/null
git -c user.name=t -c user.email=t@t commit -qm korean
"$KCITY" diff . --base-rules git:HEAD:규칙 --format json | grep -q '"changed"'
# A shallow clone without the revision.
git clone -q --depth 1 "file://$tmp/call" "$tmp/shallow" 2>/dev/null
(cd "$tmp/shallow" && "$KCITY" diff . --base-rules git:HEAD~1 >../out.txt 2>../err.txt) && { echo "HEAD~1 accepted"; exit 1; }
grep -qF "shallow clone" "$tmp/err.txt" || { cat "$tmp/err.txt"; exit 1; }
# An empty repository.
cp -r "$tmp/call" "$tmp/empty" && rm -rf "$tmp/empty/.git"
(cd "$tmp/empty" && git init -q . && "$KCITY" diff . --base-rules git:HEAD >../out.txt 2>../err.txt) && { echo "empty accepted"; exit 1; }
grep -qF "has no commits yet" "$tmp/err.txt" || { cat "$tmp/err.txt"; exit 1; }
# A repository owned by another user: git refuses it ("dubious ownership", safe.directory),
# and kcity says so, naming the folder to trust, rather than "not in a git repository". Real
# when run as root (as CI runs), which can give a copy to another uid; skipped otherwise.
if [ "$(id -u)" = 0 ]; then
  cp -r "$tmp/call" "$tmp/owned" && chown -R 4242:4242 "$tmp/owned"
  owned=$(realpath "$tmp/owned")
  set +e
  (cd "$owned" && GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 LANGUAGE=ko LC_ALL=ko_KR.UTF-8 \
    "$KCITY" diff . --base-rules git:HEAD >"$tmp/out.txt" 2>"$tmp/err.txt")
  code=$?
  set -e
  [ "$code" = 1 ] || { echo "another user's repository: exit $code, expected 1"; cat "$tmp/err.txt"; exit 1; }
  [ ! -s "$tmp/out.txt" ] || { echo "another user's repository: a report was printed"; exit 1; }
  grep -qF "git refuses the repository at $owned: another user owns it" "$tmp/err.txt" &&
    grep -qF "safe.directory $owned" "$tmp/err.txt" || { cat "$tmp/err.txt"; exit 1; }
else
  echo "not root: the test of a repository owned by another user is skipped"
fi
echo "git: bases read, compared and refused as they should be"
