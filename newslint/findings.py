"""The values every part of newslint passes around: spans, severities, fixes and findings.

Positions here are character offsets into a document's source; lines and columns are computed
only at the edge (reports), from `newslint.lines.LineIndex`. Nothing here knows about rules,
documents or output formats.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character offsets into a document's source."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start


class Severity(enum.IntEnum):
    """Ordered so that `fail-on` can compare: INFO < WARNING < ERROR."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read a level as rule files and config write it; `suggestion` is Vale's name for info."""
        name = {"suggestion": "info"}.get(text.lower(), text.lower())
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown level {text!r} (expected error, warning or info)") from None


@dataclass(frozen=True)
class Fix:
    """Replacements that together correct one finding; `safe` ones apply with plain --fix."""

    edits: tuple[tuple[Span, str], ...]
    safe: bool
    message: str = ""


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    path: str
    span: Span
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.span.start, self.span.end, self.rule, self.message)


@dataclass(frozen=True)
class Hit:
    """What a check kind reports: where, the values for the rule's message, and a fix if any.

    The engine turns hits into findings; a kind never decides ids, severities or messages.
    """

    span: Span
    data: dict
    fix: Fix | None = None
    severity: Severity | None = None
    """A lower level for this hit alone (a figure already sourced elsewhere drops to info)."""
