"""Where a claim sits, for the `attribution` kind: a headline, a quotation, example copy, or a
back-reference to a figure already given. These decide whether a claim is judged at all, or
where its source may be, never what a source is (sourcing.py) or what a claim is (claims.py).
"""
from __future__ import annotations

import re

from . import claims as c

_QUOTATION = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
_LAST_SENTENCE = re.compile(r"(?:^|[.!?]\s+)([^.!?]*)$")
HEADLINE_KINDS = ("heading", "front-matter")


def quoted(chunk, claim: c.Claim) -> bool:
    """Whether the claim sits inside a quotation in its block's text."""
    doc = chunk.doc
    first, last = doc[claim.start], doc[claim.end - 1]
    start, end = chunk.base + first.idx, chunk.base + last.idx + len(last.text)
    return any(q.start() < start and end < q.end() for q in _QUOTATION.finditer(chunk.block.text))


def headline(block, titles: set[str]) -> bool:
    """A title or heading: front-matter text values, headings, and a line of the body that
    repeats a front-matter value (a title written again as plain text above the story).
    `titles` holds the front-matter values, whitespace-collapsed and casefolded."""
    return block.kind in HEADLINE_KINDS or " ".join(block.text.split()).casefold() in titles


def points_back(matches: c.Matches, sentence_start: int, claim: c.Claim) -> bool:
    """A back-reference word right before the figure or opening it ("the two victims", "both
    women"). Only a figure before its claim word counts: in "the death toll rose to 60" the
    "the" belongs to the claim word, not to the figure."""
    if claim.word_start == claim.start:
        return False
    return any(b == claim.start or a == claim.start
               for a, b in matches.starts(c.DEFINITE, sentence_start, claim.start + 1))


def example_blocks(document, pattern: re.Pattern | None) -> set[int]:
    """Ids of blocks that are example copy: the list (or quote) right after a paragraph that
    ends with a colon and introduces examples ("... eight variations. For example:")."""
    if pattern is None:
        return set()
    found: set[int] = set()
    previous, example_group = None, None
    for block in document.body.blocks:
        if block.kind == "list-item" and block.group is not None and block.group == example_group:
            found.add(id(block))
        elif block.kind in ("list-item", "blockquote") and previous is not None \
                and _introduces_example(previous, pattern):
            found.add(id(block))
            example_group = block.group if block.kind == "list-item" else None
        elif block.kind != "list-item":
            example_group = None
        previous = block
    return found


def _introduces_example(block, pattern: re.Pattern) -> bool:
    """A paragraph whose last sentence introduces examples and ends with a colon: "For example:"."""
    text = block.text.rstrip()
    if block.kind != "paragraph" or not text.endswith(":"):
        return False
    last = _LAST_SENTENCE.search(text[:-1])
    return bool(pattern.search(last.group(1) if last else text))


def source_columns(document, names: frozenset) -> set[tuple[int, int]]:
    """(table, column) of each header cell whose text is one of `names` ("Source")."""
    if not names:
        return set()
    header_rows: dict[int, int] = {}
    cells = [b for b in document.body.blocks if b.kind == "table-cell" and b.group is not None and b.row is not None]
    for block in cells:
        header_rows[block.group] = min(block.row, header_rows.get(block.group, block.row))
    return {(block.group, column(document, block)) for block in cells
            if block.row == header_rows[block.group] and " ".join(block.text.split()).casefold() in names}


def cell_key(document, block) -> tuple[int, int] | None:
    """(table, column) of a body cell; None for a header cell or a block outside a table."""
    if block.kind != "table-cell" or block.group is None or block.row is None:
        return None
    first_row = min(b.row for b in document.body.blocks if b.kind == "table-cell" and b.group == block.group)
    return None if block.row == first_row else (block.group, column(document, block))


def column(document, block) -> int:
    """The cell's column: the unescaped pipes before it on its source line (less a leading one)."""
    start = block.source_span(0, 0).start if block.text else 0
    source = document.source
    line = source[source.rfind("\n", 0, start) + 1 : start]
    pipes = sum(1 for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\"))
    leading = line.lstrip(" \t>").startswith("|")
    return pipes - 1 if leading else pipes
