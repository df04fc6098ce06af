"""Every built-in rule: loads, has docs and examples, and its examples behave as they claim."""
from __future__ import annotations

import pytest

from newslint.config import default_settings, load_rules
from newslint.engine import Linter, Selection
from newslint.run.fixes import apply_fixes
from newslint.rules import builtin_packs, rule_files

SETTINGS = default_settings()
RULES = load_rules(SETTINGS)


def test_rule_ids_are_unique_and_kebab_case():
    ids = [path.stem for pack in builtin_packs().values() for path in rule_files(pack)]
    assert len(ids) == len(set(ids))
    for rule_id in ids:
        assert rule_id == rule_id.lower() and " " not in rule_id and "_" not in rule_id, rule_id


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_docs_and_examples(rule):
    assert len(rule.description) > 40, f"{rule.id}: say why the rule exists"
    assert rule.examples.bad, f"{rule.id}: needs bad examples"
    assert rule.examples.good, f"{rule.id}: needs good examples"


@pytest.fixture(scope="module")
def linters():
    return {rule.id: Linter(SETTINGS, Selection(select=(rule.id,))) for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_bad_examples_are_flagged(rule, linters):
    for example in rule.examples.bad:
        found = [f.rule for f in linters[rule.id].lint("example.md", example)]
        assert rule.id in found, f"{rule.id} missed its bad example {example!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_good_examples_pass(rule, linters):
    for example in rule.examples.good:
        found = [f.message for f in linters[rule.id].lint("example.md", example) if f.rule == rule.id]
        assert found == [], f"{rule.id} flagged its good example {example!r}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.examples.fixed], ids=lambda r: r.id)
def test_fixed_examples(rule, linters):
    for bad, fixed in zip(rule.examples.bad, rule.examples.fixed):
        findings = linters[rule.id].lint("example.md", bad)
        result, _ = apply_fixes(bad, findings, lambda rule_id: True)
        assert result == fixed


def test_every_rule_has_a_docs_page():
    from pathlib import Path

    from newslint.core_rules import CORE_RULES

    docs = Path(__file__).resolve().parents[1] / "docs" / "rules"
    for rule in RULES:
        assert (docs / f"{rule.id}.md").is_file(), f"docs/rules/{rule.id}.md is missing"
        assert rule.link == f"docs/rules/{rule.id}.md", f"{rule.id}: link should point at its docs page"
    core_page = (docs / "core.md").read_text(encoding="utf-8")
    for rule_id in CORE_RULES:
        assert f"`{rule_id}`" in core_page, f"docs/rules/core.md does not describe {rule_id}"
