"""The frontmatter kind: a key required, its type, values or pattern, reported at the key."""
from __future__ import annotations

import pytest

from newslint.errors import ConfigError

from lint_helpers import lint_with_rule, located


def lint(tmp_path, rule: str, text: str) -> list[tuple]:
    findings = lint_with_rule(tmp_path, "key", 'extends: frontmatter\nmessage: "{key} {problem}."\n' + rule, text)
    return [tuple(place) for rule_id, *place in located(findings, text) if rule_id == "key"]


def test_required_key_missing_points_at_the_fence_or_line_one(tmp_path):
    rule = "key: [date, publishDate]\nrequired: true\n"
    assert lint(tmp_path, rule, "\n---\ntitle: x\n---\nBody.\n") == [
        (2, 1, "date is missing (or 'publishDate').")]
    assert lint(tmp_path, rule, "Body only.\n") == [(1, 1, "date is missing (or 'publishDate').")]
    assert lint(tmp_path, rule, "---\npublishDate: 2024-01-17\n---\n") == []


@pytest.mark.parametrize("rule, value, problem", [
    ("type: date", "next Tuesday", "must be a date (YYYY-MM-DD), not 'next Tuesday'"),
    ("type: date", "'2024-13-01'", "must be a date (YYYY-MM-DD), not '2024-13-01'"),
    ("type: string", "[a, b]", "must be text, not a list"),
    ("type: list", "news", "must be a list, not text"),
    ("type: bool", "'yes'", "must be true or false, not 'yes'"),
    ("type: number", "true", "must be a number, not true"),
    ("type: enum\nvalues: [news, opinion]", "blog", "must be one of 'news', 'opinion', not 'blog'"),
    ("type: pattern\npattern: '^[a-z0-9-]+$'", "Iran Strikes", "does not match '^[a-z0-9-]+$'"),
    ("type: string\nmax-length: 5", "Iran strikes", "has 12 characters; the limit is 5"),
    ("type: list\nmin-length: 2", "[one]", "has 1 items; at least 2 are needed"),
    ("type: string\nrequired: true", "''", "is empty"),
])
def test_wrong_values_are_reported_at_the_key(tmp_path, rule, value, problem):
    text = f"---\ntitle: x\n  # a comment\nsection: {value}\n---\nBody.\n"
    assert lint(tmp_path, f"key: section\n{rule}\n", text) == [(4, 1, f"section {problem}.")]


@pytest.mark.parametrize("rule, value", [
    ("type: date", "2024-01-17"),
    ("type: date", "2015-03-17 14:00:00 -4"),
    ("type: date", "'2024-01-17T10:00:00Z'"),
    ("type: string", "news"),
    ("type: list", "[a]"),
    ("type: bool", "false"),
    ("type: number", "3.5"),
    ("type: enum\nvalues: [news, opinion]", "opinion"),
    ("type: pattern\npattern: '^[a-z0-9-]+$'", "iran-strikes"),
])
def test_right_values_pass(tmp_path, rule, value):
    assert lint(tmp_path, f"key: section\n{rule}\n", f"---\nsection: {value}\n---\n") == []


def test_nested_keys_and_toml(tmp_path):
    rule = "key: ai.level\ntype: enum\nvalues: [ai-assisted, none]\n"
    assert lint(tmp_path, rule, "---\nai:\n  level: full\n---\n") == [
        (3, 3, "ai.level must be one of 'ai-assisted', 'none', not 'full'.")]
    assert lint(tmp_path, "key: draft\ntype: bool\n", '+++\ndraft = "no"\n+++\n') == [
        (2, 1, "draft must be true or false, not 'no'.")]


def test_broken_front_matter_is_left_to_the_core_rule(tmp_path):
    assert lint(tmp_path, "key: date\nrequired: true\n", "---\ndate: [\n---\n") == []


@pytest.mark.parametrize("body, line, words", [
    ("key: date\n", 1, "needs 'required: true', a 'type'"),
    ("key: date\ntype: enum\n", 4, "'values' goes with 'type: enum'"),
    ("key: date\ntype: string\nvalues: [a]\n", 5, "'values' goes with 'type: enum'"),
    ("key: date\ntype: pattern\n", 4, "'pattern' goes with 'type: pattern'"),
    ("key: date\ntype: pattern\npattern: '('\n", 5, "bad regular expression"),
    ("key: date\ntype: time\n", 4, "'type' must be"),
    ("key: []\nrequired: true\n", 3, "'key' must name a front-matter key"),
    ("key: date\ntype: enum\nvalues: [[a]]\n", 5, "single text, number or true/false"),
])
def test_bad_options(tmp_path, body, line, words):
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, body, "x\n")
    assert caught.value.line == line and words in caught.value.message
