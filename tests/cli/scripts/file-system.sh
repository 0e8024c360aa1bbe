# The file system's odd corners (SPEC §2, issue 20): only regular files are read, and a FIFO
# never blocks; what cannot be read is an error at FILE:1:1 with the system's reason; links to
# folders are named, not followed; a run with no proposals is an error; a folder inside a call
# says that the call's sheets were not read.
#
# Unreadable files and folders (chmod 000) are tested only when not running as root, since
# root reads everything; CI runs as root, so the same errors are also reached through paths
# that no one can open: a dangling link (ENOENT) and a loop of links (ELOOP).
set -eu
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
run() { # EXPECTED-EXIT OUT ERR ARGS...: kcity, stopped after 20 s (a hang fails the test)
  local expected=$1 out=$2 err=$3
  shift 3
  set +e
  timeout 20 "$KCITY" "$@" >"$out" 2>"$err"
  local got=$?
  set -e
  if [ "$got" != "$expected" ]; then
    echo "FAIL: kcity $* exited $got, not $expected"
    cat "$err"
    exit 1
  fi
}
has() { # FILE TEXT: TEXT is a line of FILE, exactly
  grep -qxF -- "$2" "$1" || { echo "FAIL: no line '$2' in:"; cat "$1"; exit 1; }
}

mkdir -p "$tmp/props"
cp examples/2023/proposals/pilot/banyumas.yaml "$tmp/props/"

# A FIFO named like a proposal file or a sheet, in a folder or named itself: refused at once.
mkfifo "$tmp/props/x.yaml" "$tmp/x.csv"
run 1 "$tmp/out" "$tmp/err" check "$tmp/props" --rules rules
has "$tmp/out" "$tmp/props/x.yaml:1:1: error: this is a named pipe (FIFO), not a regular file: kcity reads only files"
run 1 "$tmp/out" "$tmp/err" score "$tmp/props/x.yaml" "$tmp/props/banyumas.yaml" --rules rules
has "$tmp/err" "$tmp/props/x.yaml:1:1: error: this is a named pipe (FIFO), not a regular file: kcity reads only files"
run 1 "$tmp/out" "$tmp/err" score "$tmp/props/banyumas.yaml" --scores "$tmp/x.csv" --rules rules
has "$tmp/err" "$tmp/x.csv:1:1: error: this is a named pipe (FIFO), not a regular file: kcity reads only files"
rm "$tmp/props/x.yaml"
echo "a FIFO is refused, not waited on"

# Paths that cannot be opened, with the reason.
ln -s "$tmp/nowhere.yaml" "$tmp/props/dangling.yaml"
ln -s "$tmp/props/loop-b.yaml" "$tmp/props/loop-a.yaml"
ln -s "$tmp/props/loop-a.yaml" "$tmp/props/loop-b.yaml"
run 1 "$tmp/out" "$tmp/err" check "$tmp/props" --rules rules
has "$tmp/out" "$tmp/props/dangling.yaml:1:1: error: cannot read the file: No such file or directory"
has "$tmp/out" "$tmp/props/loop-a.yaml:1:1: error: cannot read the file: Too many levels of symbolic links"
ln -s loop "$tmp/loop"
run 1 "$tmp/out" "$tmp/err" score "$tmp/loop" --rules rules
has "$tmp/err" "kcity: error: $tmp/loop: cannot read it: Too many levels of symbolic links"
rm "$tmp/props/dangling.yaml" "$tmp/props/loop-a.yaml" "$tmp/props/loop-b.yaml"
echo "a dangling link and a loop of links are errors with their reason"

# A link to a folder is not followed, and named in the note of ignored files.
mkdir -p "$tmp/elsewhere"
cp examples/2023/proposals/pilot/haiphong.yaml "$tmp/elsewhere/"
ln -s "$tmp/elsewhere" "$tmp/props/linked"
echo "minutes" >"$tmp/props/minutes.txt"
run 0 "$tmp/out" "$tmp/err" score "$tmp/props" --rules rules --format json
has "$tmp/err" "kcity: note: ignored 2 inputs: 1 file that is neither a proposal file (.yaml, .yml) nor a score sheet (.csv, .xlsx): $tmp/props/minutes.txt; 1 link to a folder, not followed: $tmp/props/linked"
grep -q '"proposals": 1}' "$tmp/out"
echo "a link to a folder is named in the note, not followed"

# No proposals: an error, not an empty report.
mkdir -p "$tmp/empty"
run 1 "$tmp/out" "$tmp/err" score "$tmp/empty" --rules rules
has "$tmp/err" "kcity: error: no proposals: $tmp/empty holds no proposal files (.yaml, .yml); give a call folder or a folder of proposals"
[ ! -s "$tmp/out" ]
echo "a folder with no proposals is an error"

# A folder inside a call: the call's sheets were not read, and the note says how to read them.
cp -r examples/2023 "$tmp/sub"
rm "$tmp/sub/rules/decisions.yaml"  # it names planning proposals
run 0 "$tmp/out" "$tmp/err" score "$tmp/sub/proposals/pilot"
has "$tmp/err" "kcity: note: $tmp/sub/proposals/pilot lies inside the call folder $tmp/sub, whose score sheets in $tmp/sub/scores were not read; give the call folder ($tmp/sub) as the input to read them"
echo "a folder inside a call says that the call's sheets were not read"

# One unreadable rules file is one error (here a track file that is a dangling link).
cp -r examples/2023 "$tmp/call"
rm "$tmp/call/rules/planning.yaml"
ln -s "$tmp/call/rules/gone.yaml" "$tmp/call/rules/planning.yaml"
run 1 "$tmp/out" "$tmp/err" check "$tmp/call"
[ "$(grep -c "error:" "$tmp/out")" = 1 ] || { echo "FAIL: not one error:"; cat "$tmp/out"; exit 1; }
has "$tmp/out" "$tmp/call/rules/planning.yaml:1:1: error: cannot read the file: No such file or directory"
rm "$tmp/call/rules/planning.yaml"
cp examples/2023/rules/planning.yaml "$tmp/call/rules/"
echo "an unreadable track file is one error"

# One file under several names is read once (SPEC §2): a hard link and a link to a file in the
# folder, a file named beside its folder, a folder named beside its parent. The folder's listing
# gives each file's identity unless two names share one; then every file is looked at again.
mkdir -p "$tmp/once/sub"
cp examples/2023/proposals/pilot/banyumas.yaml "$tmp/once/"
cp examples/2023/proposals/pilot/haiphong.yaml "$tmp/once/sub/"
once() { # ARGS...: check reads the two proposals, each once
  run 0 "$tmp/out" "$tmp/err" check "$@" --rules rules
  has "$tmp/err" "kcity: 0 errors, 4 warnings in 2 proposals"
}
once "$tmp/once"
once "$tmp/once" "$tmp/once/sub"
once "$tmp/once" "$tmp/once/banyumas.yaml"
ln "$tmp/once/banyumas.yaml" "$tmp/once/hard.yaml"
once "$tmp/once"
rm "$tmp/once/hard.yaml"
ln -s "$tmp/once/sub/haiphong.yaml" "$tmp/once/soft.yaml"
once "$tmp/once"
echo "one file under several names is read once"

# Files read in batches through io_uring or one at a time (KCITY_IO_URING=off): the same
# report, byte for byte.
run 0 "$tmp/batched.json" "$tmp/err" score examples/2023 --format json
export KCITY_IO_URING=off
run 0 "$tmp/single.json" "$tmp/err" score examples/2023 --format json
unset KCITY_IO_URING
cmp "$tmp/batched.json" "$tmp/single.json" || { echo "FAIL: reports differ"; exit 1; }
echo "batched and single reads give the same report"

if [ "$(id -u)" = 0 ]; then
  echo "skipped: unreadable files and folders (running as root, which reads everything)"
  exit 0
fi
chmod 000 "$tmp/call/rules/program.yaml"
run 1 "$tmp/out" "$tmp/err" check "$tmp/call"
[ "$(grep -c "error:" "$tmp/out")" = 1 ] || { echo "FAIL: not one error:"; cat "$tmp/out"; exit 1; }
has "$tmp/out" "$tmp/call/rules/program.yaml:1:1: error: cannot read the file: Permission denied"
chmod 644 "$tmp/call/rules/program.yaml"
for dir in proposals/pilot scores; do
  chmod 000 "$tmp/call/$dir"
  run 1 "$tmp/out" "$tmp/err" score examples/2023/proposals/planning "$tmp/call" --rules rules
  grep -q "^$tmp/call/$dir:1:1: error: cannot read the folder: Permission denied" "$tmp/err"
  chmod 755 "$tmp/call/$dir"
done
chmod 000 "$tmp/props"
run 1 "$tmp/out" "$tmp/err" score "$tmp/props" --rules rules
grep -q "^$tmp/props:1:1: error: cannot read the folder: Permission denied" "$tmp/err"
chmod 755 "$tmp/props"
echo "unreadable files and folders are errors with their reason"
