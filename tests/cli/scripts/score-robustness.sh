# score --robustness N (issue 17): each ranked proposal's share in the selection report is the
# one `kcity robustness` prints with the same options, in JSON and in CSV; without the option
# the report is byte for byte the plain one.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
opts=(--seed committee --weights 7.5)
"$KCITY" score examples/2023 --robustness 60 "${opts[@]}" --format json >"$tmp/score.json"
"$KCITY" robustness examples/2023 --runs 60 "${opts[@]}" --format json >"$tmp/rob.json"
"$KCITY" score examples/2023 --robustness 60 "${opts[@]}" --format csv --no-bom >"$tmp/score.csv"
python3 - "$tmp" <<'PY'
import csv, json, sys
tmp = sys.argv[1]
score = json.load(open(f"{tmp}/score.json"))
rob = json.load(open(f"{tmp}/rob.json"))
assert score["robustness"] == {"runs": 60, "seed": "committee",
                               "perturb": {"resample": True, "weights_percent": 7.5}}, score["robustness"]
want = {}
for t in rob["tracks"]:
    for p in t["proposals"]:
        want[p["id"]] = {"selected_runs": p["selected_runs"], "share": p["share"], "class": p["class"]}
got = {}
for t in score["tracks"]:
    for p in t["proposals"]:
        if p["rank"] is None:
            assert p["robustness"] is None, p
        else:
            got[p["id"]] = p["robustness"]
assert got == want, (got, want)
rows = list(csv.DictReader(open(f"{tmp}/score.csv", newline="", encoding="utf-8")))
for row in rows:
    if row["rank"]:
        w = want[row["id"]]
        assert row["robustness_selected_runs"] == str(w["selected_runs"]), row
        assert float(row["robustness_share"]) == w["share"], row
        assert row["robustness_class"] == w["class"], row
    else:
        assert row["robustness_share"] == "" and row["robustness_class"] == "", row
print(f"{len(got)} ranked proposals: the same shares as kcity robustness")
PY
"$KCITY" score examples/2023 --format json >"$tmp/plain.json"
! grep -q robustness "$tmp/plain.json"
echo "score --robustness shows kcity robustness's shares; without it, nothing changes"
