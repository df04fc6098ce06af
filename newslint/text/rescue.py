"""The plain-text rescue: text pasted without blank lines still yields every block. A pipe
table glued to a paragraph becomes table rows, and a Title Case line inside a paragraph (a
headline pasted as a plain line) becomes its own heading, as the seed article needs. It only
splits lines the markdown parser gave; it never reads the source itself.
"""
from __future__ import annotations

import re
from typing import Iterator

from .inline import Line

_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_TERMINAL = tuple(".!?:;,”\"’)…")
_EDGE_MARKUP = "*_~`\"'“”‘’[]()#"
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+\S")


def sentence_like(text: str) -> bool:
    return len(text.split()) > 20 or (text.rstrip().endswith(".") and bool(_SENTENCE_BREAK.search(text)))


def _headline(text: str) -> bool:
    """Title Case, 2 to 20 words, no closing punctuation: a headline pasted as a plain line."""
    if (
        text.endswith(_TERMINAL)
        or text.count(",") > 1
        or text.count("[") != text.count("]")
        or text.count("(") != text.count(")")
    ):
        return False
    words = [w for w in (w.strip(_EDGE_MARKUP) for w in text.split()) if w]
    if not 2 <= len(words) <= 20 or not (_capitalised(words[0]) and _capitalised(words[-1])):
        return False
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    return bool(long_words) and sum(map(_capitalised, long_words)) * 4 >= len(long_words) * 3


def _capitalised(word: str) -> bool:
    first = _first_letter(word)
    return first.isupper() or first.isdigit()


def _first_letter(text: str) -> str:
    return next((c for c in text if c.isalnum()), "")


def split_rescued(kind: str, lines: list[Line]) -> Iterator[tuple[str, list[Line]]]:
    """Cut a paragraph-like block at pipe tables and headline lines that CommonMark missed."""
    n = len(lines)
    role = [""] * n
    i = 0
    while i < n - 1:
        if "|" in lines[i].text and "|" in lines[i + 1].text and _DELIMITER_ROW.match(lines[i + 1].text):
            role[i], role[i + 1] = "row", "delimiter"
            i += 2
            while i < n and "|" in lines[i].text:
                role[i] = "row"
                i += 1
        else:
            i += 1
    depth = 0  # open `[` so far: a line inside a wrapped link text is no headline
    for i in range(n - 1):
        # Hard-wrapped prose is full of Title Case proper nouns, so a headline must also sit
        # between whole paragraphs: the lines around it end a sentence (or belong to a table).
        text, after = lines[i].text, lines[i + 1].text
        if (
            not role[i]
            and depth <= 0
            and (i == 0 or role[i - 1] or lines[i - 1].text.endswith(_TERMINAL))
            and (role[i + 1] or after.endswith(_TERMINAL) and not _first_letter(after).islower())
            and _headline(text)
        ):
            role[i] = "heading"
        depth += text.count("[") - text.count("]")
    if not any(role):
        yield kind, lines
        return
    current: list[Line] = []
    for line, line_role in zip(lines, role):
        if not line_role:
            current.append(line)
            continue
        if current:
            yield kind, current
            current = []
        if kind != "blockquote":
            # After a headline or table, text is no longer a list item's lazy continuation;
            # a quote's lines still carry their `>`, so they stay quoted.
            kind = "paragraph"
        if line_role == "heading":
            yield "heading", [line]
        elif line_role == "row":
            yield "row", [line]
    if current:
        yield kind, current
