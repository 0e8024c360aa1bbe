# The limits that keep a run within about 5 times its input (docs/validation.md, "Memory")
# that file-limits.sh does not check: keys and values in one proposal document, free attributes
# in a run, rules bytes in a run, cells in a CSV score sheet. Each is refused at its place with
# the limit named, exit 1, nothing on standard output, and that one error. (The reviews of a
# run are checked by the unit tests with a small limit: two million reviews take too long here.)
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Runs `kcity score DIR` and checks: exit 1, no report, and exactly the one error $2.
refused() { # DIR EXPECTED
  set +e
  "$KCITY" score "$1" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  set -e
  [ "$code" = 1 ] && [ ! -s "$tmp/out" ] || { echo "exit $code"; head -5 "$tmp/err"; exit 1; }
  [ "$(grep ': error: ' "$tmp/err")" = "$2" ] || { head -5 "$tmp/err"; exit 1; }
}

# A call of one track `t` with criterion `a`: rules/, proposals/.
call() { # DIR
  mkdir -p "$1/rules" "$1/proposals"
  printf 'program: Limits\nyear: 2023\nbudget_krw: 4000000000\ntracks: [t]\n' >"$1/rules/program.yaml"
  printf '%s\n' "track: t" "name: T" "deadline: 2023-05-10" \
    "award: {min_krw: 1, max_krw: 500000000}" "panel: {min_reviewers: 1, aggregate: mean}" \
    "criteria: [{id: a, name: A, max: 10}]" "selection: {min: 0, max: 1, budget_krw: 1000000000}" \
    >"$1/rules/t.yaml"
}

proposals() { # FILE FIRST COUNT ATTRIBUTES: COUNT proposals P<FIRST>..., ATTRIBUTES each
  python3 - "$@" <<'PY'
import sys
path, first, count, attributes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with open(path, "w", encoding="utf-8") as out:
    for i in range(first, first + count):
        out.write(f"---\nid: P{i:07d}\ntrack: t\ntitle: T\ncountry: VN\ncity: C\n"
                  "applicant: {name: A, type: government}\nrequested_krw: 100000000\n"
                  "submitted_at: 2023-05-01\n")
        if attributes:
            out.write("attributes:\n" + "".join(f"  a{k:06d}: 1\n" for k in range(attributes)))
PY
}

# One proposal of 50,000 attributes: value 100,001 is the value of a049989 (21 values come
# before the attributes, then two to each), on line 2 + 9 + 49,989 at column 12. The proposal
# after it is read: the one error is the limit's.
call "$tmp/values"
proposals "$tmp/values/proposals/a.yaml" 1 1 50000
proposals "$tmp/values/proposals/b.yaml" 2 1 0
refused "$tmp/values" "$tmp/values/proposals/a.yaml:50000:12: error: more than 100,000 keys and values in one document: kcity reads at most 100,000 in a proposal, to stay within its memory; this is value 100,001, and the proposal is not read"
echo "a proposal of more than 100,000 keys and values is refused at the one past the limit"

# 501 proposals of 1,000 attributes each, in two files: the 501st passes the limit of 500,000
# attributes. It is the 251st of b.yaml, whose id is on line 2 + 250 * 1,010.
call "$tmp/attributes"
proposals "$tmp/attributes/proposals/a.yaml" 0 250 1000
proposals "$tmp/attributes/proposals/b.yaml" 250 251 1000
refused "$tmp/attributes" "$tmp/attributes/proposals/b.yaml:252502:5: error: more than 500,000 attributes: kcity reads at most 500,000 in one run, to stay within its memory; this proposal's attributes pass the limit"
proposals "$tmp/attributes/proposals/b.yaml" 250 250 1000
"$KCITY" check "$tmp/attributes" >/dev/null 2>"$tmp/err" || { head -5 "$tmp/err"; exit 1; }
echo "500,001 attributes are refused at the proposal that passes the limit; 500,000 are read"

# Tracks of 8,000,001 bytes each (a comment pads them): program.yaml and t fit in 12 MiB, u
# passes the limit and is the one error, and v and w are not read either.
call "$tmp/rules"
printf 'program: Limits\nyear: 2023\nbudget_krw: 4000000000\ntracks: [t, u, v, w]\n' \
  >"$tmp/rules/rules/program.yaml"
for t in t u v w; do
  python3 - "$tmp/rules/rules/$t.yaml" "$t" <<'PY'
import sys
path, track = sys.argv[1], sys.argv[2]
text = "\n".join([f"track: {track}", "name: T", "deadline: 2023-05-10",
                  "award: {min_krw: 1, max_krw: 500000000}",
                  "panel: {min_reviewers: 1, aggregate: mean}",
                  "criteria: [{id: a, name: A, max: 10}]",
                  "selection: {min: 0, max: 1, budget_krw: 1000000000}", "#"])
open(path, "w").write(text.ljust(8000000) + "\n")
PY
done
proposals "$tmp/rules/proposals/a.yaml" 1 1 0
refused "$tmp/rules" "$tmp/rules/rules/u.yaml:1:1: error: the rules files add up to more than 12,582,912 bytes (12 MiB) with this one: kcity reads at most that much of rules in one run, to stay within its memory; this file and the rules files read after it are not read"
echo "rules files of more than 12 MiB in all are refused at the file that passes the limit"

# A CSV sheet of a header (3 cells) and 1,048,574 empty lines (one cell each, skipped as
# blank): cell 1,048,577 is on line 1,048,575.
call "$tmp/cells"
proposals "$tmp/cells/proposals/a.yaml" 1 1 0
mkdir -p "$tmp/cells/scores"
{ echo "proposal,reviewer,a"; head -c 1048574 /dev/zero | tr '\0' '\n'; } >"$tmp/cells/scores/s.csv"
refused "$tmp/cells" "$tmp/cells/scores/s.csv:1048575:1: error: more than 1048576 cells in this score sheet: kcity reads at most that many in one sheet, to stay within its memory; the rest of the file is not read"
echo "a CSV sheet of more than 1,048,576 cells is refused at the cell past the limit"
