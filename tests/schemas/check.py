#!/usr/bin/env python3
"""The JSON Schemas in schemas/ against kcity's own inputs (docs/schemas.md).

Every proposal file of examples/ validates against schemas/proposal.schema.json, and the
bad-input corpus's proposal files that break a rule the schema can express (REFUSED below)
are refused by it, each for at least one of its documents. Exit 0 when all holds.

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
    for case in REFUSED:
        path = ROOT / "tests/bad" / case / "proposal.yaml"
        docs = documents(path)
        if not any(list(validator.iter_errors(d)) for d in docs):
            print(f"FAIL tests/bad/{case}: the schema accepts it")
            failed += 1
    failed += check_reports("score-report.schema.json", "score")
    failed += check_reports("diff-report.schema.json", "diff")
    failed += check_reports("robustness-report.schema.json", "robustness")
    failed += check_reports("panel-report.schema.json", "panel")
    print(f"{len(files)} example proposal files valid, {len(REFUSED)} bad cases refused"
          if not failed else f"{failed} failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
