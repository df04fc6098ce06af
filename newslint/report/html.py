"""The `html` format: one self-contained page an editor reads in a browser (DESIGN.md §7).

`newslint check --format html --output-file report.html` writes the totals, a table of the rules
that found something, a toolbar (search, level and rule filters, expand and collapse all), then
each article with findings as a `<details>` whose summary gives its counts: the lines around its
findings (the rest named by gaps, so a site's report stays small), line-numbered, whitespace
kept, long paragraphs wrapped, every finding's span highlighted by severity and its note (level,
rule, message, fix) listed under the line where the span ends. Files without findings are
listed, collapsed, as clean; an unreadable file shows only its finding. The stylesheet and the
script live in `html_page.py`; the page works, every finding shown, with the script off.

Markup that tests and scripts may rely on (N counts the reports from 1, M a file's findings):
- a file with findings is `<details class="card file" id="fN" data-path>`, its line 3
  `id="fN-L3"`; a clean file is `<li class="clean-file" id="fN">`; a rule's row in the table is
  `<tr id="rule-ID" data-rule>`;
- a finding's note is `<li class="note sev-LEVEL" id="fN-M" data-rule data-severity data-line
  data-column data-end-line data-end-column>`, under the line where its span ends; its rule id
  links to the rule's documentation (the catalogue's link, as SARIF's helpUri) or, without one,
  to the rule's row;
- highlighted text is `<mark class="hl sev-LEVEL" id="fN-L3-K" data-findings="fN-M ..." data-rule
  data-severity data-line data-column>` (K counts the line's marks). Overlapping spans are split
  into segments, each naming every finding that covers it (most severe first) and coloured by the
  most severe; a span over several lines has a segment on each line; an empty span is an empty
  `<mark class="hl point ...">`.
- Severity never shows by colour alone: errors are underlined solid, warnings dashed, info
  dotted, and every note and badge carries its level as text.

It must never load anything (no external script, stylesheet, font or image; its only URLs are
links to rule docs, and only http(s) ones) nor emit unescaped text: every path, message and
source character goes through `html.escape`, and control characters other than tab and line
feed show as Unicode control pictures. Its one script is the constant in `html_page.py`, written
only when there are findings to filter. A report never imports a check kind, the engine or the
CLI, and never prints: it returns a string.
"""
from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from typing import Sequence
from urllib.parse import quote

from ..findings import Finding, Severity
from . import FileReport, ReportOptions
from .concise import summary_lines
from .html_page import CSS, SCRIPT

_CONTROL = {**{c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}, 0x7F: 0x2421,
            **{c: 0xFFFD for c in range(0x80, 0xA0)}}
_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_EDITS_SHOWN, _EDIT_CHARS = 3, 60
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\u201c])")
_CONTEXT = 2  # lines shown either side of a highlighted line
_OPEN_UP_TO = 3  # files with findings shown open; more start folded, with their counts
_LEVEL_NOUNS = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}


def render(results: Sequence[FileReport], options: ReportOptions) -> str:
    counts = Counter(f.severity for report in results for f in report.findings)
    total = sum(counts.values())
    flagged = [(n, r) for n, r in enumerate(results, 1) if r.findings]
    clean = [(n, r) for n, r in enumerate(results, 1) if not r.findings]
    title = f"newslint: {_plural(total, 'finding')} in {_plural(len(results), 'file')}"
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
           f'<meta name="generator" content="newslint">\n<title>{_e(title)}</title>\n',
           f"<style>{CSS}</style>\n</head>\n<body id=\"top\">\n<main>\n<header>\n<h1>newslint report</h1>\n"]
    out += [f"<p>{_e(line.removeprefix('[*] '))}</p>\n" for line in summary_lines(results, options)]
    out.append(_stats(len(results), len(clean), counts) + "</header>\n")
    out.append(_rules(results, options))
    if not results:
        out.append('<p class="card empty">No files were checked.</p>\n')
    if flagged:
        out.append(_toolbar(results, counts))
        folder = _common_folder([r.path for _, r in flagged])
        within = f' <span class="in">in {_e(folder)}</span>' if folder else ""
        out.append(f'<h2 class="files-head" id="files">{_plural(len(flagged), "article")} with findings{within}</h2>\n')
        opened = len(flagged) <= _OPEN_UP_TO
        out += [_file(n, report, options, opened, len(folder)) for n, report in flagged]
        out.append('<p class="card none" id="none" hidden>No finding matches these filters.</p>\n')
    if clean:
        opened = " open" if len(clean) <= 10 else ""
        folder = _common_folder([r.path for _, r in clean])
        within = f" in {_e(folder)}" if folder else ""
        out.append(f'<section class="card clean" id="clean"><details{opened}><summary>'
                   f"{_plural(len(clean), 'file')} with no findings{within}</summary><ul>")
        out += [f'<li class="clean-file" id="f{n}">{_e(r.path[len(folder):])}</li>' for n, r in clean]
        out.append("</ul></details></section>\n")
    out.append("</main>\n")
    if flagged:
        out.append(f"<script>{SCRIPT}</script>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def _stats(files: int, clean: int, counts: Counter) -> str:
    """The totals; with the script, a level's total is a button that shows only that level."""
    items = [f'<li class="total"><span><b>{files}</b>{"file" if files == 1 else "files"} checked</span></li>',
             f'<li class="total"><span><b>{clean}</b>clean</span></li>']
    for s in _ORDER:
        noun = _count(counts[s], s).split(" ", 1)[1]
        inner = f"<b>{counts[s]}</b>{noun}"
        items.append(f'<li class="sev-{s.label}"><button type="button" class="pick" data-level="{s.label}" '
                     f'title="Show only {_LEVEL_NOUNS[s]}">{inner}</button></li>' if counts[s] else
                     f'<li class="sev-{s.label}"><span>{inner}</span></li>')
    return '<ul class="stats">' + "".join(items) + "</ul>\n"


def _toolbar(results: Sequence[FileReport], counts: Counter) -> str:
    """Search, level and rule filters, expand and collapse: hidden until the script shows it."""
    found = Counter(f.rule for report in results for f in report.findings)
    options = "".join(f'<option value="{_e(rule)}">{_e(rule)} ({n})</option>'
                      for rule, n in sorted(found.items(), key=lambda item: (-item[1], item[0])))
    levels = "".join(
        f'<label><input type="checkbox" name="level" value="{s.label}" checked> '
        f'<span class="badge sev-{s.label}">{_LEVEL_NOUNS[s]} {counts[s]}</span></label>' for s in _ORDER)
    return ('<div class="toolbar" id="toolbar" role="search" hidden>'
            '<label class="sr" for="q">Search findings</label>'
            '<input type="search" id="q" placeholder="Search path, message, quoted text (press /)" '
            'autocomplete="off" spellcheck="false">'
            '<label class="sr" for="rule">Rule</label>'
            f'<select id="rule"><option value="">All rules</option>{options}</select>'
            f'<fieldset><legend class="sr">Levels shown</legend>{levels}</fieldset>'
            '<span class="tools"><button type="button" id="expand">Expand all</button>'
            '<button type="button" id="collapse">Collapse all</button>'
            '<button type="button" id="reset">Clear filters</button></span>'
            '<p class="status" id="status" role="status" aria-live="polite"></p></div>\n')


def _rules(results: Sequence[FileReport], options: ReportOptions) -> str:
    found = Counter(f.rule for report in results for f in report.findings)
    worst: dict[str, Severity] = {}
    for f in (f for report in results for f in report.findings):
        worst[f.rule] = max(worst.get(f.rule, f.severity), f.severity)
    level = {rule: info.level for rule, info in options.rules.items()} | {
        rule: worst[rule] for rule in found if rule not in options.rules}
    order = sorted(level, key=lambda rule: (-level[rule], -found[rule], rule))

    def count(rule: str) -> str:
        if not found[rule]:
            return "0"
        return (f'<button type="button" class="pick" data-rule="{_e(rule)}" '
                f'title="Show only {_e(rule)}">{found[rule]}</button>')

    def rows(rules: list[str]) -> str:
        head = ('<table><thead><tr><th>Rule</th><th>Level</th><th class="n">Findings</th>'
                '<th>Description</th></tr></thead><tbody>')
        return head + "".join(
            f'<tr id="{_e(_rule_anchor(rule))}" data-rule="{_e(rule)}"><td class="r">{_rule_link(rule, options, False)}'
            f'</td><td class="l"><span class="badge sev-{level[rule].label}">{level[rule].label}</span></td>'
            f'<td class="n">{count(rule)}</td>'
            f'<td class="desc">{_description(getattr(options.rules.get(rule), "description", ""))}</td></tr>'
            for rule in rules) + "</tbody></table>"

    hits = [rule for rule in order if found[rule]]
    quiet = [rule for rule in order if not found[rule]]
    if not hits and not quiet:
        return ""
    out = '<section class="card rules" id="rules"><h2>Findings by rule</h2>'
    out += rows(hits) if hits else '<p class="empty">No rule found anything.</p>'
    if quiet:
        summary = f"{_plural(len(quiet), 'more rule')} ran and found nothing"
        out += f"<details><summary>{summary}</summary>{rows(quiet)}</details>"
    return out + "</section>\n"


def _common_folder(paths: list[str]) -> str:
    """The folder (with its final separator) that every path starts with, when there are several:
    a site's paths share a long prefix that would push the file names off the line."""
    if len(paths) < 2:
        return ""
    prefix = paths[0]
    for path in paths[1:]:
        while not path.startswith(prefix):
            prefix = prefix[:-1]
    return prefix[: max(prefix.rfind("/"), prefix.rfind("\\")) + 1]


def _file(n: int, report: FileReport, options: ReportOptions, opened: bool, folder: int = 0) -> str:
    """One file with findings, as a <details> (it works without the script) whose summary gives
    its path (less the folder the list heading names) and its counts by level."""
    fid, source, lines = f"f{n}", report.source, report.lines
    out = [f'<details class="card file" id="{fid}" data-path="{_e(report.path)}"{" open" if opened else ""}>'
           f'<summary><span class="path" title="{_e(report.path)}">{_e(report.path[folder:])}</span>'
           f'<span class="counts">{_badges(report.findings)}<span class="shown"></span></span></summary>\n']
    if not source:
        out.append('<p class="empty notes whole">No text to show: the file is empty or could not be read.</p>\n')
        out.append(_notes(fid, list(enumerate(report.findings, 1)), report, options, " whole"))
        return "".join(out) + "</details>\n"
    marks: dict[int, list] = defaultdict(list)  # line -> (start, end, number, finding)
    notes: dict[int, list] = defaultdict(list)  # line -> (number, finding) noted under it
    ends: dict[int, tuple[int, int]] = {}  # number -> (line, offset) of the end of its last piece
    for m, f in enumerate(report.findings, 1):
        start, end = min(f.span.start, len(source)), min(f.span.end, len(source))
        first, last = lines.line_of(start), lines.line_of(max(start, end - 1))
        pieces = [(ln, max(start, lines.line_start(ln)), min(end, lines.line_end(ln)))
                  for ln in range(first, last + 1)]
        # An empty span shows as a point; one inside a CRLF line break sits at the line's end.
        point = min(start, lines.line_end(first))
        pieces = [p for p in pieces if p[1] < p[2]] or [(first, point, point)]
        for ln, a, b in pieces:
            marks[ln].append((a, b, m, f))
        ends[m] = (pieces[-1][0], pieces[-1][2])
        notes[pieces[-1][0]].append((m, f))
    last_line = lines.line_count
    if last_line > 1 and not lines.line_text(last_line) and last_line not in marks:
        last_line -= 1  # the empty "line" after a final line break
    out.append('<div class="source">')
    shown = _shown_lines(marks, last_line)
    previous = 0
    for ln in shown:
        if ln > previous + 1:
            out.append(_gap(previous + 1, ln - 1))
        previous = ln
        here = marks.get(ln)
        cls = f"line has sev-{max(f.severity for *_, f in here).label}" if here else "line"
        body = _segments(fid, ln, lines, here, ends) if here else _e(lines.line_text(ln))
        out.append(f'<div class="{cls}" id="{fid}-L{ln}"><a class="num" href="#{fid}-L{ln}">{ln}</a>'
                   f'<div class="text">{body}</div></div>\n')
        if ln in notes:
            out.append(_notes(fid, notes[ln], report, options))
    if previous < last_line:
        out.append(_gap(previous + 1, last_line))
    return "".join(out) + "</div></details>\n"


def _shown_lines(marks: dict, last_line: int) -> list[int]:
    """The lines with a highlight and _CONTEXT lines either side; a gap of one line is shown too,
    since its marker would take the same room. Showing only these keeps a site's report small."""
    shown: set[int] = set()
    for ln in marks:
        shown.update(range(max(1, ln - _CONTEXT), min(last_line, ln + _CONTEXT) + 1))
    for ln in sorted(shown):
        if ln + 2 <= last_line and ln + 1 not in shown and ln + 2 in shown:
            shown.add(ln + 1)
    for edge in (1, last_line):  # a lone line at either end is shown rather than a gap
        if edge not in shown and (edge + 1 in shown or edge - 1 in shown):
            shown.add(edge)
    return sorted(shown)


def _gap(first: int, last: int) -> str:
    which = f"line {first}" if first == last else f"lines {first}\u2013{last}"
    return f'<div class="gap">\u22ef {which} not shown</div>\n'


def _segments(fid: str, ln: int, lines, marks: list, ends: dict) -> str:
    """The text of line `ln`, cut wherever a span starts or ends, covered parts in <mark>s."""
    source, line_start = lines.source, lines.line_start(ln)
    cuts = sorted({line_start, lines.line_end(ln), *(m[0] for m in marks), *(m[1] for m in marks)})
    out, k = [], 0
    for pos, nxt in zip(cuts, cuts[1:] + [None]):
        points = [m for m in marks if m[0] == m[1] == pos]
        if points:
            k += 1
            out.append(_mark(f"{fid}-L{ln}-{k}", fid, ln, pos - line_start + 1, points, "",
                             [m[2] for m in points]))
        if nxt is None:
            break
        cover = [m for m in marks if m[0] <= pos and nxt <= m[1]]
        if cover:
            k += 1
            refs = [m[2] for m in cover if ends[m[2]] == (ln, nxt)]
            out.append(_mark(f"{fid}-L{ln}-{k}", fid, ln, pos - line_start + 1, cover, source[pos:nxt], refs))
        else:
            out.append(_e(source[pos:nxt]))
    return "".join(out)


def _mark(mark_id: str, fid: str, ln: int, column: int, cover: list, text: str, refs: list) -> str:
    cover = sorted(cover, key=lambda m: (-m[3].severity, m[2]))
    severity = cover[0][3].severity.label
    rules = " ".join(dict.fromkeys(m[3].rule for m in cover))
    title = "\n".join(f"{m[2]}. {m[3].severity.label} [{m[3].rule}] {m[3].message}" for m in cover)
    ref = f' data-ref="{",".join(map(str, sorted(refs)))}"' if refs else ""
    return (f'<mark class="hl sev-{severity}{"" if text else " point"}" id="{mark_id}" data-findings="'
            f'{" ".join(f"{fid}-{m[2]}" for m in cover)}" data-rule="{_e(rules)}" data-severity="{severity}" '
            f'data-line="{ln}" data-column="{column}" title="{_e(title)}"{ref}>{_e(text)}</mark>')


def _notes(fid: str, numbered: list, report: FileReport, options: ReportOptions, cls: str = "") -> str:
    out = [f'<ol class="notes{cls}">']
    for m, f in numbered:
        line, column = report.lines.position(f.span.start)
        end_line, end_column = report.lines.position(f.span.end)
        at = f"line {line}, column {column}" if end_line == line else f"lines {line}\u2013{end_line}"
        label = f.severity.label
        out.append(
            f'<li class="note sev-{label}" id="{fid}-{m}" data-rule="{_e(f.rule)}" data-severity="{label}" '
            f'data-line="{line}" data-column="{column}" data-end-line="{end_line}" '
            f'data-end-column="{end_column}">'
            f'<a class="ref" href="#{fid}-L{line}">{m}</a> <span class="badge sev-{label}">{label}</span> '
            f'{_rule_link(f.rule, options)} <span class="msg">{_e(f.message)}</span> '
            f'<span class="at">{at}</span>{_fix(f, report.source, options)}</li>')
    return "".join(out) + "</ol>\n"


def _fix(f: Finding, source: str, options: ReportOptions) -> str:
    if f.fix is None or not options.show_fixes:
        return ""
    edits = []
    for span, content in f.fix.edits[:_EDITS_SHOWN]:
        old = source[span.start : span.end]
        new = content and f"<ins>{_e(_short(content))}</ins>"
        edits.append(f"<del>{_e(_short(old))}</del> \u2192 {new}" if old and content else
                     f"insert {new}" if content else f"delete <del>{_e(_short(old))}</del>" if old else "")
    more = " \u2026" if len(f.fix.edits) > _EDITS_SHOWN else ""
    kind = "safe: --fix applies it" if f.fix.safe else "unsafe: only with --unsafe-fixes"
    return (f'<div class="fix"><strong>Fix:</strong> {_e(f.fix.message or "a fix is available")} '
            f'{"; ".join(e for e in edits if e)}{more} <span class="kind">({kind})</span></div>')


def _description(text: str) -> str:
    """The first sentence, the rest folded away: rule descriptions run to a paragraph."""
    parts = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)
    more = f"<details><summary>more</summary>{_e(parts[1])}</details>" if len(parts) > 1 else ""
    return _e(parts[0]) + more


def _rule_link(rule: str, options: ReportOptions, fallback: bool = True) -> str:
    """The rule's id, linked to its page: the documentation link the catalogue gives (the rule's
    `link` or the config's `docs-url`, as SARIF's helpUri), else, with `fallback`, the rule's row
    in this page's table, which holds its level and description."""
    info = options.rules.get(rule)
    link = info.link if info else ""
    if link.startswith(("https://", "http://")):
        return f'<a class="rule" href="{_e(link)}">{_e(rule)}</a>'
    if fallback:
        return f'<a class="rule" href="#{_e(quote(_rule_anchor(rule), safe=""))}">{_e(rule)}</a>'
    return f'<span class="rule">{_e(rule)}</span>'


def _rule_anchor(rule: str) -> str:
    # An id may hold any character but whitespace; a rule id (a file stem) has none in practice.
    return "rule-" + re.sub(r"\s", "_", rule)


def _badges(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return "".join(f' <span class="badge sev-{s.label}">{_count(counts[s], s)}</span>'
                   for s in _ORDER if counts[s])


def _count(n: int, severity: Severity) -> str:
    return f"{n} info" if severity is Severity.INFO else _plural(n, severity.label)


def _short(text: str) -> str:
    return text if len(text) <= _EDIT_CHARS else text[: _EDIT_CHARS - 1] + "\u2026"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _e(text: str) -> str:
    return html.escape(text.translate(_CONTROL), quote=True)
