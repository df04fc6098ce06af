"""The quotations kind: its options, and the parts of its judgement a fixture cannot isolate."""
from __future__ import annotations

import pytest

from newslint.errors import ConfigError

from lint_helpers import lint_with_rule, located

RULE = """extends: quotations
message: "{match}"
quotation: '[“"](?=[A-Z])[^“”"]{10,300}[.,!?][”"]'
speakers: speakers.txt
"""
SPEAKERS = {"speakers.txt": "# speaking words\nsaid\ntold\n"}


def lint(tmp_path, text: str, rule: str = RULE, data: dict | None = None) -> list[tuple]:
    return located(lint_with_rule(tmp_path, "quotes", rule, text, data or SPEAKERS), text)


def test_a_quotation_that_opens_its_sentence_is_judged_and_one_inside_is_not(tmp_path):
    text = "The hall emptied. “We will be back next year.”\n\nWe called it “We will be back.” then.\n"
    assert lint(tmp_path, text) == [("quotes", 1, 19, "“We will be back next year.”")]


def test_the_quotations_own_words_never_attribute_it(tmp_path):
    text = "The hall emptied. “I told them we would be back.”\n"
    assert lint(tmp_path, text) == [("quotes", 1, 19, "“I told them we would be back.”")]
    assert lint(tmp_path, "The hall emptied. “We will be back,” she told us.\n") == []


def test_before_zero_reads_neither_words_nor_shape_of_the_sentence_before(tmp_path):
    text = "Ann Lee said so. “We will be back next year.”\n\nIs it over?\n\n“We will be back next year.”\n"
    assert lint(tmp_path, text) == []
    assert [f[1:3] for f in lint(tmp_path, text, RULE + "before: 0\n")] == [(1, 18), (5, 1)]


def test_after_widens_to_the_sentence_after(tmp_path):
    text = "The hall emptied. “We will be back next year.” The manager said so.\n"
    assert lint(tmp_path, text) == []
    assert len(lint(tmp_path, text, RULE + "after: 0\n")) == 1


def test_exceptions_leave_a_whole_match_alone(tmp_path):
    text = "The hall emptied. “We will be back next year.”\n"
    assert lint(tmp_path, text, RULE + "exceptions: ['“We will[^”]*”']\n") == []


@pytest.mark.parametrize("body, data, line, words", [
    ("before: -1\n", SPEAKERS, 5, "'before' must not be negative"),
    ("after: -2\n", SPEAKERS, 5, "'after' must not be negative"),
    ("exceptions: ['(']\n", SPEAKERS, 5, "bad regular expression"),
    ("", {"speakers.txt": "# nothing\n"}, 4, "speakers.txt is empty"),
    ("", {"speakers.txt": "said\n(\n"}, 4, "speakers.txt: bad regular expression"),
])
def test_bad_options_are_errors_at_their_line(tmp_path, body, data, line, words):
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, "x\n", RULE + body, data)
    assert caught.value.line == line and words in caught.value.message


def test_a_bad_quotation_pattern_is_an_error_at_its_line(tmp_path):
    rule = 'extends: quotations\nmessage: "m"\nquotation: "("\nspeakers: speakers.txt\n'
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, "x\n", rule)
    assert caught.value.line == 3 and "bad regular expression" in caught.value.message
