"""Line and column positions for character offsets, computed once per source.

Line breaks are `\n`, `\r\n` and a lone `\r`, as CommonMark counts them, so that line numbers
agree with markdown-it-py's. Lines and columns are 1-based; columns count code points.
"""
from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    def __init__(self, source: str) -> None:
        self.source = source
        starts = [0]
        ends = []
        for match in _LINE_BREAK.finditer(source):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(source))
        self._starts = starts
        self._ends = ends

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """The 1-based line holding `offset` (an offset on a line break belongs to its line)."""
        return bisect.bisect_right(self._starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`."""
        line = self.line_of(offset)
        return line, offset - self._starts[line - 1] + 1

    def range(self, start: int, end: int) -> tuple[int, int, int, int]:
        """1-based (line, column, end_line, end_column) of the half-open offsets start..end.

        The end is placed from the end offset itself: an end on a line break stays on that line,
        one column past its last character, as an exclusive end should. The JSON report and the
        Python API both place findings with this, so they always agree."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return line, column, end_line, end_column

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset just before the line break of a 1-based line."""
        return self._ends[line - 1]

    def line_text(self, line: int) -> str:
        return self.source[self._starts[line - 1] : self._ends[line - 1]]

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1
