# Output integrity (issue 20): standard output's errors are reported (/dev/full) while a reader
# that went away (`| head`) is not; --output never replaces one of the run's inputs (compared
# by inode: a hard link or another spelling of the path is refused too); a FIFO named by
# --output is written directly and stays a FIFO; SIGINT or SIGTERM during --output leaves no
# temporary file behind.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Standard output that fails: exit 1 with a message, for a streamed and a whole report.
for args in "score examples/2023" "score examples/2023 --list" "check examples/2023"; do
  set +e
  # shellcheck disable=SC2086
  "$KCITY" $args >/dev/full 2>"$tmp/err"
  status=$?
  set -e
  [ "$status" = 1 ] || { echo "kcity $args >/dev/full: exit $status"; exit 1; }
  grep -q "kcity: error: cannot write to standard output: No space left on device" "$tmp/err" ||
    { echo "kcity $args >/dev/full:"; cat "$tmp/err"; exit 1; }
done
if "$KCITY" --help >/dev/full 2>/dev/null; then echo "--help >/dev/full: exit 0"; exit 1; fi

# --output that is an input: refused before anything runs, the file unchanged.
cp -r examples/2023 "$tmp/call"
ln "$tmp/call/proposals/pilot/asia.yaml" "$tmp/hard-link.yaml"
for target in "$tmp/call/proposals/pilot/asia.yaml" "$tmp/call/proposals/../proposals/pilot/asia.yaml" \
              "$tmp/hard-link.yaml" "$tmp/call/rules/program.yaml" "$tmp/call/scores/pilot-panel.csv"; do
  sum=$(sha256sum <"$target")
  if "$KCITY" score "$tmp/call" --output "$target" 2>"$tmp/err"; then
    echo "--output $target (an input) was accepted"; exit 1
  fi
  grep -q "is an input of this run" "$tmp/err" || { cat "$tmp/err"; exit 1; }
  [ "$(sha256sum <"$target")" = "$sum" ] || { echo "$target changed"; exit 1; }
done
# A --scores sheet outside the call, and diff's --base-rules folder, are inputs too.
cp "$tmp/call/scores/pilot-panel.csv" "$tmp/extra.csv"
rm "$tmp/call/scores/pilot-panel.csv"
if "$KCITY" check "$tmp/call" --scores "$tmp/extra.csv" --output "$tmp/extra.csv" 2>/dev/null; then
  echo "--output over a --scores sheet was accepted"; exit 1
fi
cp -r examples/2023/rules "$tmp/base-rules"
if "$KCITY" diff "$tmp/call" --base-rules "$tmp/base-rules" \
     --output "$tmp/base-rules/pilot.yaml" 2>/dev/null; then
  echo "--output over a --base-rules file was accepted"; exit 1
fi
cmp "$tmp/base-rules/pilot.yaml" examples/2023/rules/pilot.yaml
# A new file beside the inputs is fine.
"$KCITY" score "$tmp/call" --output "$tmp/call/report.txt" 2>/dev/null
[ -s "$tmp/call/report.txt" ]

# A FIFO as --output: written directly (a reader gets the whole report), still a FIFO after.
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/from-fifo" &
reader=$!
"$KCITY" score examples/2023 --format json --output "$tmp/fifo"
wait "$reader"
[ -p "$tmp/fifo" ] || { echo "the FIFO was replaced"; exit 1; }
"$KCITY" score examples/2023 --format json | cmp - "$tmp/from-fifo"

# A large call, so that its report takes a while to write.
python3 bench/gen_call.py "$tmp/big" --proposals 30000 --layout multidoc >/dev/null

# A reader that stops early: quiet, whether SIGPIPE ends kcity or is ignored (EPIPE).
"$KCITY" score "$tmp/big" --format json 2>"$tmp/err" | head -c 100 >/dev/null
[ ! -s "$tmp/err" ] || { echo "| head:"; cat "$tmp/err"; exit 1; }
(trap '' PIPE; "$KCITY" score "$tmp/big" --format json 2>"$tmp/err" | head -c 100 >/dev/null)
[ ! -s "$tmp/err" ] || { echo "| head, SIGPIPE ignored:"; cat "$tmp/err"; exit 1; }

# SIGINT and SIGTERM while --output is written: kcity ends by the signal, and neither the
# temporary file nor the report is left. The signal is sent once the temporary file exists.
python3 - "$KCITY" "$tmp/big" "$tmp/out" <<'PY'
import os, signal, subprocess, sys, time
kcity, call, out = sys.argv[1:]
os.makedirs(out)
for sig in (signal.SIGINT, signal.SIGTERM):
    target = os.path.join(out, "report.json")
    p = subprocess.Popen([kcity, "score", call, "--format", "json", "--output", target],
                         stderr=subprocess.DEVNULL,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    seen = False
    while p.poll() is None:
        if any(n.startswith(".report.json.tmp-") for n in os.listdir(out)):
            seen = True
            p.send_signal(sig)
            break
        time.sleep(0.001)
    p.wait()
    if not seen:
        sys.exit(f"{sig.name}: kcity finished before its temporary file was seen")
    if p.returncode != -sig:
        sys.exit(f"{sig.name}: kcity ended with {p.returncode}, not by the signal")
    left = os.listdir(out)
    if left:
        sys.exit(f"{sig.name}: left behind {left}")
print("SIGINT and SIGTERM during --output left no file")
PY
echo "standard output checked; inputs never overwritten; FIFO written directly; no temp file on signals"
