"""The repetition kind: a token twice in a row, with Vale's keys and a safe fix."""
from __future__ import annotations

import pytest

from newslint.errors import ConfigError
from newslint.run.fixes import apply_fixes

from lint_helpers import lint_with_rule, located

RULE = """extends: repetition
message: "'{word}' twice: '{match}'."
ignorecase: true
alpha: true
exceptions: ['had had']
"""


def run(tmp_path, rule: str, text: str):
    return lint_with_rule(tmp_path, "twice", rule, text)


def lint(tmp_path, rule: str, text: str) -> list[tuple]:
    return located(run(tmp_path, rule, text), text)


def test_a_word_twice_is_reported_from_first_to_second(tmp_path):
    assert lint(tmp_path, RULE, "The the strikes began.\n") == [("twice", 1, 1, "'the' twice: 'The the'.")]


def test_a_run_is_one_finding_and_its_fix_keeps_one_copy(tmp_path):
    text = "It was was was over.\n"
    findings = run(tmp_path, RULE, text)
    assert len(findings) == 1
    assert apply_fixes(text, findings, lambda rule: True)[0] == "It was over.\n"


def test_across_a_line_break_it_is_reported_without_a_fix(tmp_path):
    text = "the talks in\nin Islamabad\n"
    findings = run(tmp_path, RULE, text)
    assert [f.fix for f in findings] == [None]
    assert lint(tmp_path, RULE, text)[0][1:3] == (1, 11)


@pytest.mark.parametrize("text", [
    "He had had enough.\n",          # an exception
    "The talks. Talks again.\n",     # punctuation between
    "It is 10 10 minutes.\n",        # alpha: numbers are not words
    "Run `go go` now.\n",            # code is not prose
])
def test_silent(tmp_path, text):
    assert lint(tmp_path, RULE, text) == []


def test_case_matters_without_ignorecase(tmp_path):
    rule = RULE.replace("ignorecase: true", "ignorecase: false")
    assert lint(tmp_path, rule, "The the strikes.\n") == []
    assert len(lint(tmp_path, rule, "the the strikes.\n")) == 1


def test_max_tolerates_that_many_repeats(tmp_path):
    rule = RULE + "max: 1\n"
    assert lint(tmp_path, rule, "very very good\n") == []
    assert len(lint(tmp_path, rule, "very very very good\n")) == 1


def test_custom_tokens(tmp_path):
    rule = 'extends: repetition\nmessage: "{match}"\ntokens: ["[^\\\\s.!?]+"]\n'
    assert lint(tmp_path, rule, "Yes, yes it is.\n") == []  # "Yes," and "yes" differ, as in Vale


@pytest.mark.parametrize("body, line, words", [
    ("tokens: []\n", 3, "needs at least one pattern"),
    ("tokens: ['(']\n", 3, "bad regular expression"),
    ("max: -2\n", 3, "'max' must not be negative"),
    ("exceptions: ['[']\n", 3, "bad regular expression"),
    ("alpha: yes please\n", 3, "'alpha' must be true or false"),
])
def test_bad_options(tmp_path, body, line, words):
    with pytest.raises(ConfigError) as caught:
        run(tmp_path, 'extends: repetition\nmessage: "m"\n' + body, "x\n")
    assert caught.value.line == line and words in caught.value.message
