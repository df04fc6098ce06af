"""The `github` format: GitHub Actions workflow commands, so findings show as annotations.

One line per finding, then the plain summary lines of the `concise` format (GitHub shows lines
that are not commands in the job log, so the log says how many findings there were and how many
`--fix` would correct):

    ::warning file=content/a.md,line=4,col=1,endLine=4,endColumn=21,title=newslint (casualty-unsourced)::Casualty figure ...
    Found 1 finding (0 errors, 1 warning, 0 info) in 1 file.

`error` and `warning` keep their names; `info` becomes `notice`. Positions are ours: 1-based
lines, columns in code points, `endColumn` exclusive. `col` and `endColumn` are given only for a
span on one line (GitHub accepts columns only then). Values are escaped exactly as the Actions
toolkit's `escapeData` and `escapeProperty` do (core/src/command.ts), so a message can never end
the line early or start a command of its own.

A report never imports a check kind, the engine or the CLI, and never prints: it returns a
string.
"""
from __future__ import annotations

from typing import Sequence

from ..findings import Finding, Severity
from . import FileReport, ReportOptions
from .concise import summary_lines

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(results: Sequence[FileReport], options: ReportOptions) -> str:
    out = [_command(finding, report) for report in results for finding in report.findings]
    out.extend(summary_lines(results, options))
    return "\n".join(out) + "\n"


def _command(finding: Finding, report: FileReport) -> str:
    line, column = report.lines.position(finding.span.start)
    end_line, end_column = report.lines.position(finding.span.end)
    properties = [("file", finding.path), ("line", str(line))]
    if line == end_line:
        properties.append(("col", str(column)))
    properties.append(("endLine", str(end_line)))
    if line == end_line:
        properties.append(("endColumn", str(end_column)))
    properties.append(("title", f"newslint ({finding.rule})"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    """As the toolkit's escapeData: `%`, CR and LF, so the message stays on one line."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """As the toolkit's escapeProperty: escapeData plus `:` and `,`, the property separators."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
