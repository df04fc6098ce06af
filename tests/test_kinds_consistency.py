"""The consistency kind: one spelling per article (`either`) and one number per thing (`counts`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.errors import ConfigError

from lint_helpers import lint_with_rule, located

SPELLING = """extends: consistency
message: "'{match}' here, but '{other}' on line {line}."
ignorecase: true
either:
  adviser: advisor
  centre: center
"""
NUMBERS = """extends: consistency
message: "'{match}' against '{other}' (line {line}) for the {event}."
counts: number-counts.yaml
"""
COUNTS_DATA = (Path(__file__).parent.parent / "rules" / "data" / "number-counts.yaml").read_text(encoding="utf-8")


def lint(tmp_path, rule: str, text: str, data: str | None = COUNTS_DATA) -> list[tuple]:
    files = {"number-counts.yaml": data} if data is not None else None
    return located(lint_with_rule(tmp_path, "same", rule, text, files), text)


def test_the_spelling_used_first_wins(tmp_path):
    text = "The advisor spoke.\n\nThe adviser left, and the Adviser returned.\n"
    assert lint(tmp_path, SPELLING, text) == [
        ("same", 3, 5, "'adviser' here, but 'advisor' on line 1."),
        ("same", 3, 27, "'Adviser' here, but 'advisor' on line 1."),
    ]


def test_one_spelling_alone_is_silent(tmp_path):
    assert lint(tmp_path, SPELLING, "The centre and the centre.\n") == []


def test_word_edges_unless_nonword(tmp_path):
    assert lint(tmp_path, SPELLING, "The advisor and the advisers.\n") == []
    rule = SPELLING.replace("ignorecase: true", "ignorecase: true\nnonword: true")
    assert [f[1:3] for f in lint(tmp_path, rule, "The advisor and the advisers.\n")] == [(1, 21)]


def test_counts_that_disagree_for_one_event(tmp_path):
    text = ("Police said the ambush killed two colonels.\n\n"
            "The ambush killed three officers, the army said.\n")
    assert lint(tmp_path, NUMBERS, text) == [
        ("same", 3, 19, "'three officers' against 'two colonels' (line 1) for the ambush.")]


@pytest.mark.parametrize("text", [
    "The ambush killed two colonels.\n\nThe two officers killed in the ambush were buried.\n",
    "The ambush killed two colonels. A second ambush killed three officers.\n",
    "The ambush killed two colonels.\n\nAt least three officers died in the ambush.\n",
    "The ambush killed two colonels and three officers.\n",
    "The ambush killed two colonels.\n\nThe strike killed three officers.\n",
    "The ambush killed two colonels.\n\nThe ambush injured three officers.\n",
    "The ambush killed two colonels.\n\nThree officers attended the funeral.\n",
    "The ambush killed two colonels.\n\nThe ambush killed two hundred soldiers.\n",
])
def test_counts_that_are_not_compared(tmp_path, text):
    assert lint(tmp_path, NUMBERS, text) == []


def test_a_specific_event_outweighs_a_generic_one(tmp_path):
    # "attack" is generic in the pack's data: beside "ambushed" the count is the ambush's.
    text = ("Militants ambushed a patrol, killing four soldiers in the deadliest attack this year.\n\n"
            "The army said six soldiers were killed in the ambush.\n")
    assert [f[1:3] for f in lint(tmp_path, NUMBERS, text)] == [(3, 15)]


def test_digits_and_words_are_the_same_number(tmp_path):
    text = "The ambush killed two colonels.\n\nThe ambush killed 2 officers.\n"
    assert lint(tmp_path, NUMBERS, text) == []


@pytest.mark.parametrize("body, line, words", [
    ("message: m\n", 1, "needs 'either'"),
    ("message: m\neither: {a: b}\ncounts: number-counts.yaml\n", 3, "and not both"),
    ("message: m\neither: {'(': b}\n", 3, "bad regular expression"),
    ("message: m\ncounts: missing.yaml\n", 3, "data file 'missing.yaml' not found"),
    ("message: '{nope}'\neither: {a: b}\n", 2, "unknown placeholder {nope}"),
])
def test_bad_options(tmp_path, body, line, words):
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, "extends: consistency\n" + body, "x\n")
    assert caught.value.line == line and words in caught.value.message


@pytest.mark.parametrize("data, line, words", [
    ("things: {a: [b]}\n", 1, "'outcomes' must map each name to a list of words"),
    ("- a\n", 1, "must be a mapping"),
    ("things: {a: [b]}\noutcomes: {a: [b]}\nevents: {a: [b]}\nextra: 1\n", 4, "unknown key 'extra'"),
    ("things: {a: [b]}\noutcomes: {a: [b]}\nevents: {a: [b]}\napproximators: [1]\n", 4,
     "'approximators' must be a list"),
    ("things: {a: [b]}\noutcomes: {a: [b]}\nevents: {a: [b]}\ngeneric-events: [c]\n", 4,
     "'generic-events' must be a list of event names from 'events'"),
])
def test_bad_counts_data(tmp_path, data, line, words):
    # Reported in the data file, at the line to fix, like a rule file's own mistakes.
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, NUMBERS, "x\n", data=data)
    assert caught.value.path.endswith("number-counts.yaml")
    assert caught.value.line == line and words in caught.value.message
