"""Apply fixes to a source text: safe ones always, unsafe ones only where allowed.

Edits of different fixes must not overlap; a fix that overlaps one already taken waits for the
next round (the runner re-lints and tries again, a bounded number of times), so two fixes can
never garble the same words.
"""
from __future__ import annotations

from typing import Callable, Iterable

from ..findings import Finding, Span


def _overlaps(a: Span, b: Span) -> bool:
    if a.start == a.end or b.start == b.end:
        # Insertions clash with edits that touch the same point, to keep their order unambiguous.
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def apply_fixes(source: str, findings: Iterable[Finding],
                unsafe_allowed: Callable[[str], bool]) -> tuple[str, int]:
    """The source with every applicable, non-overlapping fix applied, and how many were."""
    taken: list[Span] = []
    edits: list[tuple[Span, str]] = []
    applied = 0
    for finding in findings:
        fix = finding.fix
        if fix is None or not fix.edits or not (fix.safe or unsafe_allowed(finding.rule)):
            continue
        spans = [span for span, _ in fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        if any(source[span.start : span.end] == text for span, text in fix.edits) and len(fix.edits) == 1:
            continue  # nothing would change
        taken.extend(spans)
        edits.extend(fix.edits)
        applied += 1
    for span, text in sorted(edits, key=lambda edit: (edit[0].start, edit[0].end), reverse=True):
        source = source[: span.start] + text + source[span.end :]
    return source, applied
