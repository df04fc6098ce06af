"""The placeholder kind: unfilled template slots, and templates shown on purpose left alone."""
from __future__ import annotations

import pytest

from newslint.errors import ConfigError

from lint_helpers import lint_with_rule, located

RULE = """extends: placeholder
message: "slot {match}"
tokens: ['\\[insert\\b[^\\]]*\\]']
filler: ['lorem ipsum']
filler-demo: 2
"""


def lint(tmp_path, rule: str, text: str) -> list[tuple]:
    return located(lint_with_rule(tmp_path, "slot", rule, text), text)


def test_a_slot_and_stray_filler_are_reported(tmp_path):
    text = "Led by [Insert name] today.\n\nLorem ipsum text.\n"
    assert lint(tmp_path, RULE, text) == [("slot", 1, 8, "slot [Insert name]"), ("slot", 3, 1, "slot Lorem ipsum")]


def test_filler_in_as_many_blocks_as_filler_demo_is_a_demo(tmp_path):
    assert lint(tmp_path, RULE, "Lorem ipsum one.\n\nLorem ipsum two.\n") == []


def test_a_quotation_that_is_only_a_slot_is_reported_and_sample_wording_is_not(tmp_path):
    text = "“[Insert quote],” she said. Write “Thanks to [insert donor] for the gift.”\n"
    assert [hit[1:3] for hit in lint(tmp_path, RULE, text)] == [(1, 2)]


def test_min_quoted_words_sets_what_sample_wording_is(tmp_path):
    text = "Write “Thanks, [insert donor]” below.\n"
    assert len(lint(tmp_path, RULE, text)) == 1  # one word beside the slot: not enough by default
    assert lint(tmp_path, RULE + "min-quoted-words: 1\n", text) == []


@pytest.mark.parametrize("body, words", [
    ("filler-demo: 0\n", "'filler-demo' must be at least 1"),
    ("tokens: ['(']\n", "bad regular expression"),
])
def test_bad_options(tmp_path, body, words):
    rule = "extends: placeholder\nmessage: x\nfiller: [lorem]\n" + body
    with pytest.raises(ConfigError) as caught:
        lint_with_rule(tmp_path, "slot", rule, "Text.\n")
    assert words in str(caught.value)


def test_a_rule_with_nothing_to_find_is_refused(tmp_path):
    with pytest.raises(ConfigError):
        lint_with_rule(tmp_path, "slot", "extends: placeholder\nmessage: x\n", "Text.\n")
