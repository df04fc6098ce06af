"""Places in a text as the Language Server Protocol counts them, and back.

The protocol counts lines from 0 and columns in code units of an encoding the client and server
agree on (UTF-16 unless both say otherwise), so a character outside the Basic Multilingual Plane
(an emoji) is two columns in UTF-16 but one code point in Python. Lines break at `\\n`, `\\r\\n`
and a lone `\\r` for the protocol as for newslint's `LineIndex`, so line numbers carry over as they
are; only columns are converted, from the text of their line.
"""
from __future__ import annotations

from typing import Callable

from ..text.lines import LineIndex

Units = Callable[[str], int]
"""How many code units of the agreed encoding a string takes."""


def utf16_units(text: str) -> int:
    # Counted, not encoded: a lone surrogate (which an editor can send) must not raise.
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def to_protocol(lines: LineIndex, line: int, column: int, units: Units = utf16_units) -> tuple[int, int]:
    """(line, character) in the protocol for newslint's 1-based (line, column)."""
    start = lines.line_start(line)
    return line - 1, units(lines.source[start : start + column - 1])


def from_protocol(lines: LineIndex, line: int, character: int, units: Units = utf16_units) -> int:
    """The offset into the source of the protocol's (line, character); a place past the end of
    its line or of the text is clamped to that end, and one inside a UTF-16 pair to its start."""
    if line >= lines.line_count:
        return len(lines.source)
    start, end = lines.line_start(line + 1), lines.line_end(line + 1)
    offset, used = start, 0
    while offset < end:
        used += units(lines.source[offset])
        if used > character:
            break
        offset += 1
    return offset
