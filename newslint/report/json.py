"""The `json` format: a stable, versioned document for tools (DESIGN.md §7, docs/output.md).

Schema version 1. Positions are 1-based lines and columns counted in Unicode code points, with
exclusive ends, so `text` is exactly the source between the two positions. Keys keep the order
documented; findings keep the order the engine gave them.

A report never imports a check kind, the engine or the CLI, and never prints: it returns a
string. Changing a key or its meaning means a new `version`, never a silent edit here.
"""
from __future__ import annotations

import json
import re
from typing import Any, Sequence

from ..findings import Finding, Severity, Span
from ..text.lines import LineIndex
from . import FileReport, ReportOptions

VERSION = 1


def render(results: Sequence[FileReport], options: ReportOptions) -> str:
    findings = [_finding(finding, report) for report in results for finding in report.findings]
    counts = {severity: 0 for severity in Severity}
    for report in results:
        for finding in report.findings:
            counts[finding.severity] += 1
    document = {
        "version": VERSION,
        "findings": findings,
        "summary": {
            "files": len(results),
            "findings": len(findings),
            "error": counts[Severity.ERROR],
            "warning": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
        },
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    # A file name that is not UTF-8 reaches us as lone surrogates (surrogateescape): written as
    # \udcXX escapes, the report stays valid UTF-8 and json.loads gives the same string back.
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _finding(finding: Finding, report: FileReport) -> dict[str, Any]:
    lines = report.lines
    fix = None
    if finding.fix is not None:
        fix = {
            "safe": finding.fix.safe,
            "message": finding.fix.message,
            "edits": [
                {**_range(lines, span), "content": content} for span, content in finding.fix.edits
            ],
        }
    return {
        "path": finding.path,
        "rule": finding.rule,
        "severity": finding.severity.label,
        **_range(lines, finding.span),
        "message": finding.message,
        "text": report.source[finding.span.start : finding.span.end],
        "fix": fix,
    }


def _range(lines: LineIndex, span: Span) -> dict[str, int]:
    line, column, end_line, end_column = lines.range(span.start, span.end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}
