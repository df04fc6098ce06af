"""OffsetMap: where each character of a prose string came from in the source.

Prose is the source with markup removed and line breaks folded into spaces, so a rule can match
a phrase that wraps across lines. The map is a list of runs: inside a run of equal length prose
and source correspond character for character; a run whose lengths differ (a decoded entity such
as `&amp;`) maps as a whole.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..findings import Span


@dataclass(frozen=True)
class Run:
    prose_start: int
    source_start: int
    prose_length: int
    source_length: int


@dataclass(frozen=True)
class OffsetMap:
    runs: tuple[Run, ...]
    _prose_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_prose_starts", tuple(run.prose_start for run in self.runs))

    def _run_at(self, prose_offset: int) -> Run:
        index = max(bisect.bisect_right(self._prose_starts, prose_offset) - 1, 0)
        return self.runs[index]

    def start(self, prose_offset: int) -> int:
        """Source offset of the prose character at `prose_offset`."""
        run = self._run_at(prose_offset)
        inside = prose_offset - run.prose_start
        if run.prose_length == run.source_length:
            return run.source_start + min(inside, run.source_length)
        return run.source_start if inside < run.prose_length else run.source_start + run.source_length

    def end(self, prose_offset: int) -> int:
        """Source offset just past the prose character before `prose_offset` (an exclusive end)."""
        if prose_offset <= 0:
            return self.start(0)
        run = self._run_at(prose_offset - 1)
        inside = prose_offset - run.prose_start
        if run.prose_length == run.source_length:
            return run.source_start + min(inside, run.source_length)
        return run.source_start + run.source_length

    def span(self, prose_start: int, prose_end: int) -> Span:
        start = self.start(prose_start)
        return Span(start, max(start, self.end(prose_end)))


class OffsetMapBuilder:
    """Accumulates prose text and its runs; consecutive 1:1 pieces merge into one run."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[Run] = []
        self._length = 0

    @property
    def length(self) -> int:
        return self._length

    def last_char(self) -> str:
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def add(self, text: str, source_start: int, source_length: int | None = None) -> None:
        """Append `text`, which stands for `source_length` characters at `source_start`."""
        if not text:
            return
        if source_length is None:
            source_length = len(text)
        previous = self._runs[-1] if self._runs else None
        if (
            previous is not None
            and source_length == len(text)
            and previous.prose_length == previous.source_length
            and previous.source_start + previous.source_length == source_start
        ):
            self._runs[-1] = Run(previous.prose_start, previous.source_start,
                                 previous.prose_length + len(text), previous.source_length + len(text))
        else:
            self._runs.append(Run(self._length, source_start, len(text), source_length))
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(tuple(self._runs))
