#!/usr/bin/env python3
"""The JSON Schemas in schemas/ against kcity's own inputs (docs/schemas.md).

Every proposal file of examples/ validates against schemas/proposal.schema.json, and the
bad-input corpus's proposal files that break a rule the schema can express (REFUSED below)
are refused by it, each for at least one of its documents. Every rules file of examples/*/rules/
and of the built-in rules (rules/) validates against its schema (program, track, history,
decisions, panel), and the corpus's rules cases whose rule a schema can express
(RULES_REFUSED) are refused, each for at least one of its rules files; the others
(RULES_NOT_EXPRESSIBLE, docs/schemas.md says why) are listed so that a new rules-* or panel-*
case is sorted into one list or the other; any other case's rules folder must validate. Exit 0 when all holds.

YAML is read as kcity reads it, YAML 1.2's core schema: PyYAML's YAML 1.1 resolvers for
timestamps and for yes/no/on/off booleans are left out, so dates stay strings, as in an editor
that checks against the schema.
"""
import json
import pathlib
import re
import sys

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]

# tests/bad cases whose proposal.yaml the schema refuses (a rule it can express).
REFUSED = [
    "attributes-shape", "conflicts-shape", "country-code", "date-shape", "money-float",
    "money-negative", "money-text", "score-float-forms",
    "proposal-id-syntax", "proposal-id-too-long", "proposal-required", "proposal-types",
    "proposal-unknown-key", "proposal-unknown-key-nested", "review-shape", "score-quoted",
    "text-blank",
]

# Valid proposals that a schema once refused: scores with two decimals that are not exact in
# binary (multipleOf 0.01 refused 1.15 and 0.07).
PROPOSALS_VALID = [
    {"id": "T-01", "track": "t", "title": "x", "country": "KR", "city": "Sejong",
     "applicant": {"name": "a", "type": "government"}, "requested_krw": "3억",
     "submitted_at": "2023-05-01",
     "reviews": [{"reviewer": "R1", "scores": {"a": 1.15, "b": 0.07, "c": 0.29, "d": 12.34}}]},
]

# tests/bad cases with a rules folder (rules-*, panel-*) whose rules break a rule a schema can
# express: at least one of their rules files is refused.
RULES_REFUSED = [
    "panel-file", "rules-adjustment-caps", "rules-bounds", "rules-builtin-rule-id",
    "rules-combinator-typo", "rules-combinators", "rules-committee", "rules-country-value",
    "rules-criteria-duplicate", "rules-criteria-values", "rules-decisions",
    "rules-decisions-keys", "rules-errors-do-not-cascade", "rules-history",
    "rules-history-not-list", "rules-number-forms", "rules-odd-values", "rules-one-error",
    "rules-predicate-empty-list", "rules-predicate-values", "rules-program-results",
    "rules-program-results-types", "rules-program-types", "rules-program-unknown-key",
    "rules-reserved-ids", "rules-reserved-track", "rules-tie-break", "rules-track-types",
    "rules-track-unknown-key", "rules-unknown-field", "rules-unknown-operator",
]

# The other cases with a rules folder: their mistake lies across keys, files or documents, which
# only `kcity check` sees (docs/schemas.md lists why for each).
RULES_NOT_EXPRESSIBLE = [
    "panel-names", "panel-unlisted", "rules-award-range", "rules-envelope",
    "rules-selection-budget", "rules-selection-min-max", "rules-threshold",
    "rules-track-file-missing", "rules-track-file-unlisted", "rules-track-name", "rules-trim",
    "rules-two-documents",
]

# End-to-end fixtures whose rules are good and hold what examples/ does not: panel.yaml
# (letters, sheets), program.yaml's committee and lottery_seed.
RULES_FIXTURES_VALID = ["committee", "letters", "lottery", "sheets"]

# Rules that `kcity check` accepts, in forms the examples do not use (checked by hand: a call of
# these files has no error in its rules): the schemas must accept them too.
RULES_VALID = {
    "program": """\
program: Edge
year: 2023
timezone: "-03:30"
budget_krw: 10억
tracks: [t, 2024]
lottery_seed: "seed"
results_date: 2023. 6. 20.
appeal_days: 10
""",
    "track": """\
track: t
name: T
deadline: 2023-05-10T18:00+09:00
award: {min_krw: "1억", max_krw: 500000000, above_max: reject}
panel: {min_reviewers: 1, aggregate: mean, calibrate: offset}
criteria:
  - {id: q, name: {ko: 품질}, max: 12.5, weight: 0.5, cutoff: 0}
  - {id: 7, name: Seven, max: 10}
threshold: 0
rounding: 0
eligibility:
  - id: r1
    name: R
    require:
      any:
        - {field: requested_krw, in: [1억, 200000000]}
        - {field: submitted_at, before: 2023. 5. 1.}
        - {field: city, in_history: false}
        - {not: {field: attributes.flag, equals: true}}
        - {field: partner.country, not_in: [KR, JP]}
        - {field: attributes.n, at_most: 3.25}
adjustments:
  - {id: a, name: A, when: {field: attributes.x_krw, at_least: "₩1,000,000"}, points: -2.5}
adjustment_caps: {penalty: 2}
selection: {min: 0, max: 1, budget_krw: 5억, method: optimal, reserve: 0}
tie_break: [q:asc, base:desc, lottery, id]
""",
    "decisions": "withdrawn: []\nawards: {}\n",
    "history": "[]\n",
    "panel": "- {id: 7, name: {en: Seven}, tracks: [t]}\n- {id: R.2, name: 이서연, organisation: ''}\n",
}

# Which schema a rules file is checked against, by its name; any other is a track's file.
RULES_SCHEMAS = {"program.yaml": "program", "history.yaml": "history",
                 "decisions.yaml": "decisions", "panel.yaml": "panel"}


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema booleans and no timestamps."""


CoreLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def documents(path):
    return [d for d in yaml.load_all(path.read_text(encoding="utf-8-sig"), Loader=CoreLoader)
            if d is not None]


def golden_reports(command, formats_arg="json"):
    """The end-to-end goldens' JSON reports of `command` that ran without error."""
    for case in sorted((ROOT / "tests/cli/cases").iterdir()):
        args = (case / "args").read_text().splitlines() if (case / "args").exists() else []
        if (args[:1] == [command] and formats_arg in args and "--list" not in args
                and (case / "exit").read_text().strip() == "0"):
            yield case


def validator_of(name):
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def rules_errors(folder, validators):
    """Each schema error of each rules file in `folder`, as text."""
    errors = []
    for path in sorted(folder.glob("*.yaml")):
        validator = validators[RULES_SCHEMAS.get(path.name, "track")]
        for doc in documents(path):
            errors += [f"{path.relative_to(ROOT)}: {list(e.path)}: {e.message}"
                       for e in validator.iter_errors(doc)]
    return errors


def check_rules():
    validators = {name: validator_of(f"{name}.schema.json")
                  for name in ("program", "track", "history", "decisions", "panel")}
    failed = 0
    folders = sorted(ROOT.glob("examples/*/rules")) + [ROOT / "rules"]
    folders += [ROOT / "tests/cli/fixtures" / name / "rules" for name in RULES_FIXTURES_VALID]
    files = sum(len(list(f.glob("*.yaml"))) for f in folders)
    for folder in folders:
        for error in rules_errors(folder, validators):
            print(f"FAIL {error}")
            failed += 1
    for name, text in RULES_VALID.items():
        for error in validators[name].iter_errors(yaml.load(text, Loader=CoreLoader)):
            print(f"FAIL good {name} rules refused: {list(error.path)}: {error.message}")
            failed += 1
    for case in RULES_REFUSED:
        if not rules_errors(ROOT / "tests/bad" / case / "rules", validators):
            print(f"FAIL tests/bad/{case}: the rules schemas accept it")
            failed += 1
    # A case with a rules folder in neither list has its mistake elsewhere (proposals,
    # sheets): its rules are good ones and must validate.
    listed = set(RULES_REFUSED) | set(RULES_NOT_EXPRESSIBLE)
    for case in sorted((ROOT / "tests/bad").iterdir()):
        if not (case / "rules").is_dir() or case.name in listed:
            continue
        if case.name.startswith(("rules-", "panel-")):
            print(f"FAIL tests/bad/{case.name}: in neither RULES_REFUSED nor "
                  "RULES_NOT_EXPRESSIBLE")
            failed += 1
        for error in rules_errors(case / "rules", validators):
            print(f"FAIL {error}")
            failed += 1
    print(f"{files} example, built-in and fixture rules files checked, {len(RULES_REFUSED)} bad rules "
          f"cases refused")
    return failed


def check_reports(name, command):
    schema = json.loads((ROOT / "schemas" / name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = count = 0
    for case in golden_reports(command):
        count += 1
        for error in validator.iter_errors(json.loads((case / "stdout").read_text())):
            print(f"FAIL {case.relative_to(ROOT)}: {list(error.path)}: {error.message}")
            failed += 1
    if count == 0:
        print(f"FAIL no golden JSON report of {command}")
        failed += 1
    print(f"{count} golden reports of kcity {command} checked against {name}")
    return failed


def main():
    schema = json.loads((ROOT / "schemas/proposal.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    files = sorted((ROOT / "examples").glob("*/proposals/**/*.yaml"))
    for path in files:
        for doc in documents(path):
            for error in validator.iter_errors(doc):
                print(f"FAIL {path.relative_to(ROOT)}: {error.message}")
                failed += 1
    for doc in PROPOSALS_VALID:
        for error in validator.iter_errors(doc):
            print(f"FAIL a valid proposal is refused: {list(error.path)}: {error.message}")
            failed += 1
    for case in REFUSED:
        path = ROOT / "tests/bad" / case / "proposal.yaml"
        docs = documents(path)
        if not any(list(validator.iter_errors(d)) for d in docs):
            print(f"FAIL tests/bad/{case}: the schema accepts it")
            failed += 1
    failed += check_rules()
    failed += check_reports("score-report.schema.json", "score")
    failed += check_reports("diff-report.schema.json", "diff")
    failed += check_reports("robustness-report.schema.json", "robustness")
    failed += check_reports("panel-report.schema.json", "panel")
    print(f"{len(files)} example proposal files valid, {len(REFUSED)} bad cases refused"
          if not failed else f"{failed} failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
