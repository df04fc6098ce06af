"""Line-independent identities of findings: what SARIF's `partialFingerprints` and the baseline
(`--baseline`) both match on, so that an alert and a baseline entry are the same thing.

A fingerprint hashes the rule, the path (as a URI), the matched text (whitespace-normalised,
casefolded; for a point, the text of its line) and how many findings of that rule with that
text came before it in the file. It never hashes a line number, so a finding keeps its identity
when lines are added above it, and a second identical finding gets an identity of its own.
Changing anything here changes every published fingerprint (docs/output.md): do not, except
with a new version in `FINGERPRINT`.
"""
from __future__ import annotations

import hashlib
from typing import Iterator

from ..findings import Finding
from . import FileReport

FINGERPRINT = "newslint/v1"


def occurrences(report: FileReport) -> Iterator[tuple[Finding, str, int]]:
    """(finding, normalised text, occurrence) for each finding of `report`, in its order: the
    occurrence counts the earlier findings of the same rule with the same text in the file."""
    seen: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        key_text = fingerprint_text(report, finding)
        occurrence = seen.get((finding.rule, key_text), 0)
        seen[(finding.rule, key_text)] = occurrence + 1
        yield finding, key_text, occurrence


def fingerprint_text(report: FileReport, finding: Finding) -> str:
    """The matched text, or for a point the text of its line, normalised for comparison."""
    span = finding.span
    text = report.source[span.start : span.end]
    if not text and report.source:
        text = report.lines.line_text(report.lines.line_of(span.start))
    return " ".join(text.split()).casefold()


def fingerprint(rule: str, uri: str, text: str, occurrence: int) -> str:
    """A line-independent identity: sha256 of rule, path, normalised text and occurrence."""
    data = "\0".join((rule, uri, text, str(occurrence)))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()
