"""The occurrence kind: too many or too few matches of a token per block, sentence or document."""
from __future__ import annotations

import pytest

from newslint.errors import ConfigError

from lint_helpers import lint_with_rule, located


def lint(tmp_path, rule: str, text: str) -> list[tuple]:
    return located(lint_with_rule(tmp_path, "counted", rule, text), text)


COMMAS = """extends: occurrence
message: "{count} commas in one sentence; the limit is {max}."
per: sentence
token: ','
max: 3
"""


def test_too_many_per_sentence_points_at_the_first_match(tmp_path):
    text = "One, two, three, four, five. Six, seven.\n"
    assert lint(tmp_path, COMMAS, text) == [("counted", 1, 4, "4 commas in one sentence; the limit is 3.")]


def test_within_the_limit_is_silent(tmp_path):
    assert lint(tmp_path, COMMAS, "One, two, three, four. Five, six, seven, eight.\n") == []


def test_per_block_counts_each_block(tmp_path):
    rule = COMMAS.replace("per: sentence", "per: block")
    text = "One, two. Three, four, five, six.\n\nFive, six.\n"
    assert [f[1:3] for f in lint(tmp_path, rule, text)] == [(1, 4)]
    assert lint(tmp_path, COMMAS, text) == []  # no sentence has more than three


def test_min_per_document_reports_at_the_start(tmp_path):
    rule = """extends: occurrence
message: "Found {count} datelines; at least {min} needed."
per: document
token: '^[A-Z]{3,}\\b'
min: 1
"""
    assert lint(tmp_path, rule, "---\ntitle: x\n---\nThe strikes began.\n") == [
        ("counted", 1, 1, "Found 0 datelines; at least 1 needed.")]
    assert lint(tmp_path, rule, "ISLAMABAD — The strikes began.\n") == []


def test_min_per_block_reports_the_block(tmp_path):
    rule = """extends: occurrence
message: "A heading needs a verb-like word ({count})."
scope: heading
token: '\\b\\w+(?:s|ed)\\b'
min: 1
"""
    text = "# Iran strikes Pakistan\n\n# Talk and hope\n"
    assert [f[1:3] for f in lint(tmp_path, rule, text)] == [(3, 3)]


def test_ignorecase(tmp_path):
    rule = 'extends: occurrence\nmessage: "m"\ntoken: iran\nmax: 1\nignorecase: true\n'
    assert [f[1:3] for f in lint(tmp_path, rule, "Iran and IRAN.\n")] == [(1, 1)]


@pytest.mark.parametrize("body, line, words", [
    ("token: ','\n", 1, "needs 'max', 'min' or both"),
    ("token: ','\nmax: -1\n", 4, "'max' must not be negative"),
    ("token: ','\nmax: 1\nmin: 2\n", 5, "'min' is larger than 'max'"),
    ("token: '('\nmax: 1\n", 3, "bad regular expression"),
    ("token: ','\nmax: one\n", 4, "'max' must be a whole number"),
    ("token: ','\nmax: 1\nper: page\n", 5, "'per' must be 'block' or 'sentence' or 'document'"),
])
def test_bad_options_are_errors_at_their_line(tmp_path, body, line, words):
    rule = 'extends: occurrence\nmessage: "m"\n' + body
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, rule, "x\n")
    assert caught.value.line == line and words in caught.value.message
