"""Builders the report tests share: spans found by their text, findings with a default path."""
from __future__ import annotations

from newslint.findings import Finding, Span


def span_of(source: str, text: str, occurrence: int = 0) -> Span:
    """The span of the `occurrence`-th (0-based) copy of `text` in `source`."""
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(text, start + 1)
    return Span(start, start + len(text))


def finding(rule, severity, message, span, fix=None, path="content/a.md"):
    return Finding(rule, severity, message, path, span, fix)
