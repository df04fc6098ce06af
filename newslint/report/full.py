"""The `full` format, the default on a terminal: each finding with its source line and a caret,
like ruff's full output, rendered with rich.

    content/a.md:3:11: warning[casualty-unsourced] Casualty figure 'hundreds' has no source.
      |
    3 | Yesterday hundreds were killed in the blast.
      |           ^^^^^^^^
      = help: Add the source
      = docs: https://example.org/rules/casualty-unsourced

Then a blank line between findings and the summary lines of the concise format.

Layout rules:
- `[*]` after the rule marks a safe fix (as in the concise format); `help:` shows the message of
  any fix, with "(unsafe fix)" when plain --fix will not apply it; `docs:` shows
  `ReportOptions.rule_links[rule]`. `show_fixes = False` drops `[*]` and `help:`.
- A line wider than WINDOW cells is cut to a window around the span, `…` at the cut ends.
- Carets are placed by display cells, so tabs (expanded to stops of TAB_SIZE), CJK and emoji keep
  them under the right characters. A span over several lines is underlined to the end of its first
  line and followed by "(continues to line N)". A file with no source (unreadable) shows no snippet.
- Control characters in paths, messages and sources show as Unicode control pictures, so an
  article can never write escape sequences to the terminal.

It builds rich `Text` objects and never rich markup, so "[Insert name]" in an article prints as
it is. Colour only when `ReportOptions.color`; otherwise the output is plain text. Lines never
wrap. A report never imports a check kind, the engine or the CLI, and never prints: it returns a
string. rich is imported here only, so the other formats load without it.
"""
from __future__ import annotations

import bisect
from io import StringIO
from typing import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..findings import Finding, Severity, Span
from . import FileReport, ReportOptions
from .concise import fixable, one_line, summary_lines

WINDOW = 100
"""Display cells of a long line shown around a span."""
CONTEXT = 10
"""Cells kept before a span too long to centre in the window."""
TAB_SIZE = 4

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_GUTTER = "bold blue"
_CONTROL_PICTURES = {
    **{code: 0x2400 + code for code in range(0x20)},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}


def render(results: Sequence[FileReport], options: ReportOptions) -> str:
    console = Console(
        file=StringIO(),
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        width=10_000,
        soft_wrap=True,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    for report in results:
        for finding in report.findings:
            for line in _finding(finding, report, options):
                console.print(line)
            console.print()
    for line in summary_lines(results, options):
        console.print(Text(line))
    return console.file.getvalue()


def _finding(finding: Finding, report: FileReport, options: ReportOptions) -> list[Text]:
    color = _COLORS[finding.severity]
    line, column = report.lines.position(finding.span.start)
    header = Text()
    header.append(f"{_visible(finding.path)}:{line}:{column}:", style="bold")
    header.append(" ")
    header.append(finding.severity.label, style=f"bold {color}")
    header.append("[")
    header.append(_visible(finding.rule), style="bold")
    header.append("]")
    if fixable(finding, options):
        header.append(" [*]", style="bold cyan")
    header.append(" " + _visible(one_line(finding.message)))
    out = [header]

    pad = " " * len(str(line))
    if report.source:
        shown, caret_at, caret_len = _snippet(report, finding.span, line)
        source = _gutter(f"{line} |")
        if shown:
            source.append(" " + shown)
        carets = _gutter(f"{pad} |")
        carets.append(" " * (caret_at + 1))
        carets.append("^" * caret_len, style=f"bold {color}")
        last = report.lines.line_of(max(finding.span.start, finding.span.end - 1))
        if last > line:
            carets.append(f" (continues to line {last})")
        out += [_gutter(f"{pad} |"), source, carets]

    if finding.fix is not None and options.show_fixes:
        help_text = one_line(finding.fix.message) or "a fix is available"
        if not finding.fix.safe:
            help_text += " (unsafe fix)"
        out.append(_note(pad, "help", help_text))
    link = options.rule_links.get(finding.rule)
    if link:
        out.append(_note(pad, "docs", link))
    return out


def _note(pad: str, label: str, text: str) -> Text:
    note = _gutter(f"{pad} = ")
    note.append(f"{label}:", style="bold")
    note.append(" " + _visible(text))
    return note


def _gutter(text: str) -> Text:
    # Appended, not Text(text, style=...): a base style would colour the whole line.
    gutter = Text()
    gutter.append(text, style=_GUTTER)
    return gutter


def _snippet(report: FileReport, span: Span, line: int) -> tuple[str, int, int]:
    """The shown text of `line`, and the cell where the caret starts and how many cells it spans.

    Works in display cells: every character becomes the text it shows as (a tab becomes spaces to
    the next stop), and `cells[i]` is the cell where character i starts.
    """
    text = report.lines.line_text(line)
    offset = report.lines.line_start(line)
    start = min(span.start - offset, len(text))
    end = min(max(span.end - offset, start), len(text))  # a longer span stops at the line's end

    pieces: list[str] = []
    cells = [0]
    for char in text:
        piece = " " * (TAB_SIZE - cells[-1] % TAB_SIZE) if char == "\t" else _visible(char)
        pieces.append(piece)
        cells.append(cells[-1] + cell_len(piece))

    first, stop = 0, len(text)
    if cells[-1] > WINDOW:
        slack = WINDOW - (cells[end] - cells[start])
        left = cells[start] - (slack // 2 if slack > 2 * CONTEXT else CONTEXT)
        left = max(0, min(left, cells[-1] - WINDOW))
        first = bisect.bisect_left(cells, left)  # never half a wide character
        while first < start and cells[first + 1] == cells[first]:
            first += 1  # nor a combining mark without its base
        stop = bisect.bisect_right(cells, left + WINDOW) - 1

    lead = "…" if first > 0 else ""
    shown = lead + "".join(pieces[first:stop]) + ("…" if stop < len(text) else "")
    caret_start = max(start, first)
    caret_at = len(lead) + cells[caret_start] - cells[first]
    caret_len = max(1, cells[max(min(end, stop), caret_start)] - cells[caret_start])
    return shown, caret_at, caret_len


def _visible(text: str) -> str:
    return text.translate(_CONTROL_PICTURES)
