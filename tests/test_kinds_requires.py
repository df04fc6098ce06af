"""The requires kind: if `first` appears, `second` must appear within a window around it."""
from __future__ import annotations

import pytest

from newslint.errors import ConfigError

from lint_helpers import lint_with_rule, located


def lint(tmp_path, rule: str, text: str, data: dict | None = None) -> list[tuple]:
    return located(lint_with_rule(tmp_path, "needs", rule, text, data), text)


CLAIM = """extends: requires
message: "'{match}' needs a source nearby."
first: '\\bclaimed\\b'
second: '\\bsaid\\b'
"""


def test_sentence_window(tmp_path):
    text = "Iran claimed the strike. Pakistan said otherwise.\n\nIran claimed it, officials said.\n"
    assert lint(tmp_path, CLAIM, text) == [("needs", 1, 6, "'claimed' needs a source nearby.")]


def test_after_and_before_widen_the_window_within_a_block(tmp_path):
    text = "Iran claimed the strike. Pakistan said otherwise.\n\nNothing here.\n"
    assert lint(tmp_path, CLAIM + "after: 1\n", text) == []
    text = "Pakistan said so. Iran claimed the strike.\n"
    assert len(lint(tmp_path, CLAIM, text)) == 1
    assert lint(tmp_path, CLAIM + "before: 1\n", text) == []
    assert len(lint(tmp_path, CLAIM + "after: 1\n", "Iran claimed it.\n\nPakistan said so.\n")) == 1


def test_paragraph_and_document_windows(tmp_path):
    text = "Iran claimed the strike.\n\nPakistan said otherwise.\n"
    assert len(lint(tmp_path, CLAIM + "window: paragraph\n", text)) == 1
    assert lint(tmp_path, CLAIM + "window: document\n", text) == []


def test_a_match_that_spans_a_sentence_break_is_judged_once(tmp_path):
    rule = 'extends: requires\nmessage: "{match}"\nfirst: "“[^”]+”"\nsecond: said\n'
    assert [f[3] for f in lint(tmp_path, rule, "Then. “Stop. Now.” Later.\n")] == ["“Stop. Now.”"]


ACRONYMS = """extends: requires
message: "'{match}' has no definition"
window: document
first: '\\b([A-Z]{3,5})\\b'
second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
exceptions: [ABC]
"""


def test_capture_groups_work_as_in_vales_conditional(tmp_path):
    text = ("The World Health Organization (WHO) is an agency. We can use WHO now, and ABC,\n"
            "but not DAFB.\n")
    assert lint(tmp_path, ACRONYMS, text) == [("needs", 2, 9, "'DAFB' has no definition")]


def test_data_files_and_word_edges(tmp_path):
    rule = ('extends: requires\nmessage: "{match}"\nfirst-file: firsts.txt\nsecond-file: seconds.txt\n'
            "nonword: false\nignorecase: true\n")
    data = {"firsts.txt": "# claims\nclaim(?:s|ed)\n", "seconds.txt": "said\naccording to\n"}
    text = "Iran Claimed it. Iran claims it, according to the army. It was unsaid claimed.\n"
    assert [f[1:3] for f in lint(tmp_path, rule, text, data)] == [(1, 6), (1, 71)]


@pytest.mark.parametrize("body, line, words", [
    ("second: x\n", 1, "needs 'first' or 'first-file'"),
    ("first: x\n", 1, "needs 'second' or 'second-file'"),
    ("first: '('\nsecond: x\n", 3, "bad regular expression"),
    ("first: [x, '(']\nsecond: x\n", 3, "bad regular expression"),
    ("first: x\nsecond: y\nwindow: page\n", 5, "'window' must be"),
    ("first: x\nsecond: y\nwindow: paragraph\nafter: 1\n", 6, "needs 'window: sentence'"),
    ("first: x\nsecond: y\nbefore: -1\n", 5, "must not be negative"),
    ("first: x\nsecond-file: nope.txt\n", 4, "not found"),
])
def test_bad_options(tmp_path, body, line, words):
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, 'extends: requires\nmessage: "m"\n' + body, "x\n")
    assert caught.value.line == line and words in caught.value.message


def test_a_bad_pattern_in_a_data_file_names_the_file(tmp_path):
    rule = 'extends: requires\nmessage: "m"\nfirst: x\nsecond-file: s.txt\n'
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, rule, "x\n", {"s.txt": "ok\n(\n"})
    assert caught.value.line == 4 and "s.txt: bad regular expression" in caught.value.message


CLASSES = """extends: requires
message: "{match}"
ignorecase: true
classes: {noun: nouns.txt, verb: verbs.txt}
first: '\\b{noun}\\s+{verb}\\b'
second-file: seconds.txt
"""
CLASS_DATA = {"nouns.txt": "# who\nsources\ninsiders\n", "verbs.txt": "said\nclaim(?:s|ed)\n",
              "seconds.txt": "because {noun} were not authorized\n"}


def test_word_classes_stand_for_their_files_in_every_pattern(tmp_path):
    text = ("Sources said so. Insiders claimed it. Rivals said no.\n\n"
            "Insiders said it, because insiders were not authorized to speak.\n")
    assert [f[1:4] for f in lint(tmp_path, CLASSES, text, CLASS_DATA)] == [
        (1, 1, "Sources said"), (1, 18, "Insiders claimed")]


def test_a_quantifier_is_not_a_class(tmp_path):
    rule = 'extends: requires\nmessage: "{match}"\nfirst: "a{2}"\nsecond: z\n'
    assert [f[3] for f in lint(tmp_path, rule, "aa\n")] == ["aa"]


@pytest.mark.parametrize("body, data, words", [
    ("classes: {noun: n.txt}\nfirst: '{verb}'\nsecond: x\n", {"n.txt": "a\n"}, "unknown word class {verb}"),
    ("classes: {noun: n.txt}\nfirst: x\nsecond: x\n", {"n.txt": "# nothing\n"}, "is empty"),
    ("classes: {Noun: n.txt}\nfirst: x\nsecond: x\n", {"n.txt": "a\n"}, "lower-case"),
    ("classes: {noun: n.txt}\nfirst: x\nsecond-file: s.txt\n", {"n.txt": "a\n", "s.txt": "{nope}\n"},
     "s.txt: unknown word class {nope}"),
])
def test_bad_classes(tmp_path, body, data, words):
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, 'extends: requires\nmessage: "m"\n' + body, "x\n", data)
    assert words in caught.value.message
