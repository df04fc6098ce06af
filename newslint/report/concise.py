"""The `concise` format: one line per finding, then a summary, like `ruff check --output-format
concise`. Editors and grep read it; it never shows source lines.

    content/a.md:12:5: casualty-unsourced [warning] Casualty figure 'hundreds' has no source.
    content/a.md:14:1: ap-style-numbers [info] [*] Spell out numbers under ten.
    Found 2 findings (0 errors, 1 warning, 1 info) in 3 files.
    [*] 1 fixable with --fix.

`[*]` after the severity marks a finding whose fix is safe, so plain `--fix` applies it (unsafe
fixes are not marked, as in ruff). Line breaks inside a message become spaces so that every
finding stays on one line. `ReportOptions.show_fixes = False` drops the `[*]` marks and the
fixable line. The summary helpers here are shared with the `full` format.

A report never imports a check kind, the engine or the CLI, and never prints: it returns a
string.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..findings import Finding, Severity
from . import FileReport, ReportOptions

_LINE_BREAKS = re.compile(r"\s*(?:\r\n|\r|\n)\s*")


def render(results: Sequence[FileReport], options: ReportOptions) -> str:
    out = []
    for report in results:
        for finding in report.findings:
            line, column = report.lines.position(finding.span.start)
            mark = " [*]" if fixable(finding, options) else ""
            out.append(
                f"{finding.path}:{line}:{column}: {finding.rule} [{finding.severity.label}]"
                f"{mark} {one_line(finding.message)}"
            )
    out.extend(summary_lines(results, options))
    return "\n".join(out) + "\n"


def fixable(finding: Finding, options: ReportOptions) -> bool:
    """Whether plain `--fix` would apply this finding's fix (and fixes are shown at all)."""
    return options.show_fixes and finding.fix is not None and finding.fix.safe


def one_line(message: str) -> str:
    """A message with its line breaks folded into single spaces."""
    return _LINE_BREAKS.sub(" ", message)


def summary_lines(results: Sequence[FileReport], options: ReportOptions) -> list[str]:
    """The closing lines: the counts, what --fix could do, and what it did."""
    counts = {severity: 0 for severity in Severity}
    safe = 0
    for report in results:
        for finding in report.findings:
            counts[finding.severity] += 1
            safe += fixable(finding, options)
    total = sum(counts.values())
    files = _plural(len(results), "file")
    if total:
        by_level = ", ".join(
            [
                _plural(counts[Severity.ERROR], "error"),
                _plural(counts[Severity.WARNING], "warning"),
                f"{counts[Severity.INFO]} info",
            ]
        )
        lines = [f"Found {_plural(total, 'finding')} ({by_level}) in {files}."]
    else:
        lines = [f"All checked: no findings in {files}."]
    if safe:
        lines.append(f"[*] {safe} fixable with --fix.")
    if options.fixed > 0:
        lines.append(f"Fixed {_plural(options.fixed, 'finding')}.")
    return lines


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
