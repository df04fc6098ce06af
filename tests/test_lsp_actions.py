"""The language server's pure parts: protocol positions (UTF-16 columns) and code-action edits.

A suppression edit must silence its finding and nothing else: the article must parse as before,
so every other finding stays where it was. Each case applies the edit and lints again."""
from __future__ import annotations

import pytest

import newslint
from newslint.lsp.actions import fix_action, suppress_action
from newslint.lsp.positions import from_protocol, to_protocol, utf16_units
from newslint.text.lines import LineIndex

EMOJI = "\U0001F600"


def test_columns_count_utf16_units_after_an_astral_character():
    text = f"ab\n{EMOJI}é Whilst\r\nlast"
    lines = LineIndex(text)
    whilst = text.index("Whilst")
    line, column = lines.position(whilst)
    assert (line, column) == (2, 4)  # code points: the emoji is one
    assert to_protocol(lines, line, column) == (1, 4)  # UTF-16: the emoji is two units
    assert from_protocol(lines, 1, 4) == whilst
    utf8 = lambda s: len(s.encode("utf-8"))  # noqa: E731  a client that negotiated UTF-8
    assert to_protocol(lines, line, column, utf8) == (1, 7)
    assert from_protocol(lines, 1, 7, utf8) == whilst


def test_protocol_places_past_the_end_are_clamped():
    text = f"{EMOJI}x\nlast"
    lines = LineIndex(text)
    assert from_protocol(lines, 0, 99) == 2  # the end of line 1, before its break
    assert from_protocol(lines, 0, 1) == 0  # inside the emoji's UTF-16 pair: its start
    assert from_protocol(lines, 5, 0) == len(text)
    assert utf16_units(EMOJI) == 2


def _apply(text, action):
    for change in sorted(action.changes, key=lambda c: c.start, reverse=True):
        text = text[: change.start] + change.text + text[change.end :]
    return text


def _where(findings):
    return [(f.rule, f.text) for f in findings]


PARAGRAPH = "Officials met on Monday. The the talks went on.\nWhilst the rain fell, nobody left.\n"


@pytest.mark.parametrize("text, rule, added", [
    # The first line of a paragraph: a comment line of its own above it.
    (PARAGRAPH, "word-repeated", "<!-- newslint-disable-next-line word-repeated -- reason -->\nOfficials"),
    # Inside a paragraph a comment line would split it: at the end of the line instead.
    (PARAGRAPH, "dated-word", "nobody left. <!-- newslint-disable-line dated-word -- reason -->\n"),
    # A list item: a comment line would end the list.
    ("Intro.\n\n- First item.\n- Whilst it rained.\n", "dated-word",
     "- Whilst it rained. <!-- newslint-disable-line dated-word -- reason -->\n"),
    ("Intro.\n\n1. Whilst it rained.\n2. Second.\n", "dated-word",
     "1. Whilst it rained. <!-- newslint-disable-line dated-word -- reason -->\n"),
    # A quotation: a comment line would end the blockquote.
    ("Intro.\n\n> Whilst it rained.\n", "dated-word",
     "> Whilst it rained. <!-- newslint-disable-line dated-word -- reason -->\n"),
    # An indented paragraph inside a list item keeps its indentation.
    ("- Item.\n\n  Whilst it rained.\n", "dated-word",
     "  <!-- newslint-disable-next-line dated-word -- reason -->\n  Whilst"),
    # A Windows file keeps its line breaks.
    ("Calm.\r\n\r\nWhilst it rained.\r\n", "dated-word",
     "\r\n<!-- newslint-disable-next-line dated-word -- reason -->\r\nWhilst"),
    # A table row: a comment line would end the table; a cell past the header's count is dropped.
    ("Intro.\n\n| When | What |\n|---|---|\n| Monday | Whilst it rained |\n| Tuesday | Calm |\n", "dated-word",
     "| Monday | Whilst it rained | <!-- newslint-disable-line dated-word -- reason -->\n| Tuesday"),
    # A heading.
    ("# Whilst it rained\n\nBody.\n", "dated-word",
     "<!-- newslint-disable-next-line dated-word -- reason -->\n# Whilst"),
    # Front matter cannot hold a comment: the rule is suppressed for the file, after it.
    ("---\ntitle: x\nai_generated: true\n---\nWhilst it rained.\n", "ai-disclosure-missing",
     "---\n<!-- newslint-disable-file ai-disclosure-missing -- reason -->\nWhilst"),
    ("---\ntitle: x\nai_generated: true\n---", "ai-disclosure-missing",
     "---\n<!-- newslint-disable-file ai-disclosure-missing -- reason -->\n"),
])
def test_a_suppression_silences_its_finding_and_changes_nothing_else(text, rule, added):
    before = newslint.lint_text(text, "a.md")
    (finding,) = [f for f in before if f.rule == rule][-1:]
    suppressed = _apply(text, suppress_action(finding, LineIndex(text)))
    assert added in suppressed
    after = newslint.lint_text(suppressed, "a.md")
    assert _where(after) == [w for w in _where(before) if w != (finding.rule, finding.text)]


def test_fix_actions_carry_the_findings_own_edits():
    text = "---\ntitle: x\nai_generated: true\n---\nWhilst it rained.\n"
    by_rule = {f.rule: f for f in newslint.lint_text(text, "a.md")}
    safe = fix_action(by_rule["dated-word"])
    assert (safe.title, safe.preferred, _apply(text, safe)) == (
        "Fix (dated-word): Replace with 'While'", True, text.replace("Whilst", "While"))
    unsafe = fix_action(by_rule["ai-disclosure-missing"])
    assert (unsafe.title, unsafe.preferred) == (
        "Unsafe fix (ai-disclosure-missing): Insert 'This article was written with the help of AI.' at the top", False)
    (undated,) = newslint.lint_text("---\ntitle: x\n---\nIt rained on Monday.\n", "a.md")
    assert (undated.rule, fix_action(undated)) == ("date-missing", None)
