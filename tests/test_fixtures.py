"""The fixture harness: every tests/fixtures/<rule-id>/NAME.md must produce exactly the findings
listed in NAME.expect.yaml (rule, line, column, and message when given), no more and no fewer.

All default rules run on every fixture, so a fixture also proves that other rules stay quiet.
A NAME.config.yaml beside a fixture configures it (as a .newslint.yaml would).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.config import load_settings
from newslint.engine import Linter
from newslint.text.lines import LineIndex
from newslint.run.sources import read_source

FIXTURES = Path(__file__).parent / "fixtures"

CASES = sorted(p for p in FIXTURES.glob("*/*") if p.suffix in (".md", ".markdown", ".txt")
               and not p.name.endswith(".expect.yaml"))


def _expected(case: Path) -> list[dict]:
    expect_file = case.with_suffix(".expect.yaml")
    assert expect_file.is_file(), f"{case.name} needs {expect_file.name}"
    return yaml.safe_load(expect_file.read_text(encoding="utf-8")) or []


def _found(case: Path, default_linter: Linter) -> list[dict]:
    config = case.with_suffix(".config.yaml")
    linter = Linter(load_settings(config)) if config.is_file() else default_linter
    source = read_source(case)
    if isinstance(source, str):
        findings, text = linter.unreadable(str(case), source), ""
    else:
        findings, text = linter.lint(str(case), source.text), source.text
    index = LineIndex(text)
    found = []
    for finding in findings:
        line, column = index.position(finding.span.start)
        found.append({"rule": finding.rule, "line": line, "column": column, "message": finding.message})
    return found


# No file makes these fire, since they report a bug of newslint's; tests/test_engine.py fires
# them by injecting a fault, and their folders hold the silent cases.
FIRES_ONLY_ON_A_BUG: set[str] = set()  # file-unparsed also fires on text nested too deeply


def test_every_rule_has_fixtures():
    from newslint.config import default_settings, load_rules
    from newslint.core_rules import CORE_RULES

    rule_ids = {rule.id for rule in load_rules(default_settings())} | set(CORE_RULES)
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert rule_ids <= folders, f"rules without fixtures: {sorted(rule_ids - folders)}"
    for rule_id in rule_ids:
        expectations = [_expected(case) for case in CASES if case.parent.name == rule_id]
        if rule_id in FIRES_ONLY_ON_A_BUG:
            continue
        assert any(any(e["rule"] == rule_id for e in items) for items in expectations), \
            f"{rule_id}: no fixture where it fires"
        assert any(not any(e["rule"] == rule_id for e in items) for items in expectations), \
            f"{rule_id}: no fixture where it stays silent"


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(case: Path, default_linter: Linter):
    expected = _expected(case)
    found = _found(case, default_linter)
    # Messages are compared where the expectation gives one.
    with_message = {(e["rule"], e["line"], e["column"]) for e in expected if "message" in e}
    for item in found:
        if (item["rule"], item["line"], item["column"]) not in with_message:
            del item["message"]
    # Compare as sorted lists so a failure shows both sides in full.
    key = lambda item: (item["line"], item["column"], item["rule"])  # noqa: E731
    assert sorted(found, key=key) == sorted(expected, key=key)
