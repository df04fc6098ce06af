"""The `html` format: one self-contained page an editor reads in a browser (DESIGN.md §7).

`newslint check --format html --output-file report.html` writes the totals, a table of the rules
that found something (linked to their docs), a table of contents, then each article with findings
as it was checked: line-numbered, whitespace kept, long paragraphs wrapped, every finding's span
highlighted by severity and its note (level, rule, message, fix) listed under the line where the
span ends. Files without findings are listed, collapsed, as clean; an unreadable file shows only
its finding.

Markup that tests and scripts may rely on (N counts the reports from 1, M a file's findings):
- a file with findings is `<section class="card file" id="fN">`, its line 3 `id="fN-L3"`; a clean
  file is `<li class="clean-file" id="fN">`;
- a finding's note is `<li class="note sev-LEVEL" id="fN-M" data-rule data-severity data-line
  data-column data-end-line data-end-column>`, under the line where its span ends;
- highlighted text is `<mark class="hl sev-LEVEL" id="fN-L3-K" data-findings="fN-M ..." data-rule
  data-severity data-line data-column>` (K counts the line's marks). Overlapping spans are split
  into segments, each naming every finding that covers it (most severe first) and coloured by the
  most severe; a span over several lines has a segment on each line; an empty span is an empty
  `<mark class="hl point ...">`.
- Severity never shows by colour alone: errors are underlined solid, warnings dashed, info
  dotted, and every note and badge carries its level as text.

It must never use JavaScript, external stylesheets, fonts or images (its only URLs are links to
rule docs, and only http(s) ones), nor emit unescaped text: every path, message and source
character goes through `html.escape`, and control characters other than tab and line feed show
as Unicode control pictures. A report never imports a check kind, the engine or the CLI, and
never prints: it returns a string.
"""
from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from typing import Sequence

from ..findings import Finding, Severity
from . import FileReport, ReportOptions
from .concise import summary_lines

_CONTROL = {**{c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}, 0x7F: 0x2421,
            **{c: 0xFFFD for c in range(0x80, 0xA0)}}
_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_EDITS_SHOWN, _EDIT_CHARS = 3, 60
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\u201c])")

_CSS = """
:root{--ink:#1d2433;--muted:#596172;--line:#e3e6ea;--err:#b42318;--err-bg:#fde3e1;--warn:#a24a05;
--warn-bg:#fdefc8;--info:#1c4fb8;--info-bg:#dde9fd;--gutter:3.4rem}
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:62rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
a{color:#1a4fa0} h1{font-size:1.55rem;margin:0} h2{font-size:1.15rem;margin:0}
header p{margin:.3rem 0;color:var(--muted)}
.sev-error{--c:var(--err);--bg:var(--err-bg)} .sev-warning{--c:var(--warn);--bg:var(--warn-bg)}
.sev-info{--c:var(--info);--bg:var(--info-bg)}
.stats{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0 0;padding:0;list-style:none}
.stats li{background:#fff;border:1px solid var(--line);border-top:4px solid var(--c,#98a2b3);
border-radius:8px;padding:.45rem .9rem;min-width:7rem}
.stats b{display:block;font-size:1.5rem;line-height:1.2}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;margin:1.25rem 0;
padding:1rem 1.25rem;box-shadow:0 1px 2px rgba(16,24,40,.05)}
table{border-collapse:collapse;width:100%;margin-top:.6rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
td.r,td.l,td.n{white-space:nowrap} td.l,td.n{width:1%} .n{text-align:right}
td.n{font-variant-numeric:tabular-nums;font-weight:600}
td.desc{color:var(--muted);font-size:.9rem} td.desc summary{font-size:.8rem}
.rule{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.badge{display:inline-block;border-radius:999px;padding:0 .55em;font-size:.78rem;font-weight:700;
color:#fff;background:var(--c);white-space:nowrap}
.badge::before{margin-right:.3em} .badge.sev-error::before{content:"\\2716"}
.badge.sev-warning::before{content:"\\25B2"}
.badge.sev-info::before{content:"i";font-style:italic;font-family:Georgia,serif}
.toc ol{margin:.5rem 0 0;padding-left:1.4rem} .toc li{margin:.2rem 0} .toc .badge{margin-left:.35rem}
details summary{cursor:pointer;color:var(--muted)}
.file>h2{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline;margin-bottom:.8rem;
padding-bottom:.6rem;border-bottom:1px solid var(--line)}
.file>h2 a.path{color:var(--ink);text-decoration:none;word-break:break-all}
.file>h2 .top{margin-left:auto;font-size:.8rem;font-weight:400}
.line{display:grid;grid-template-columns:var(--gutter) minmax(0,1fr);column-gap:.9rem}
.line:target{background:#fff8d6}
.num{text-align:right;color:#6b7280;text-decoration:none;user-select:none;padding-right:.5rem;
font:12px/27px ui-monospace,Menlo,Consolas,monospace;border-right:3px solid transparent}
.line.has .num{color:var(--c);font-weight:700;border-right-color:var(--c)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;min-height:27px;max-width:46rem;
font:16.5px/27px Charter,"Iowan Old Style",Georgia,"Times New Roman",serif}
mark.hl{color:inherit;background:var(--bg);border-radius:2px;text-decoration:underline var(--c) 2px;
text-underline-offset:4px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.hl.sev-warning{text-decoration-style:dashed}
mark.hl.sev-info{text-decoration-style:dotted;text-decoration-thickness:3px}
mark.point{background:none;border-left:3px solid var(--c);text-decoration:none;margin:0 1px}
mark.hl[data-ref]::after{content:attr(data-ref);display:inline-block;font:700 10px/1 system-ui,sans-serif;
vertical-align:.6em;color:#fff;background:var(--c);border-radius:6px;padding:2px 4px;margin-left:2px}
.notes{list-style:none;margin:.15rem 0 .8rem calc(var(--gutter) + .9rem);padding:0;max-width:46rem}
.notes.whole{margin-left:0}
.note{background:var(--bg);border-left:4px solid var(--c);border-radius:0 6px 6px 0;padding:.4rem .7rem;
margin:.3rem 0}
.note .ref{font-weight:700;color:var(--c);margin-right:.3rem;text-decoration:none}
.note .rule{margin:0 .35rem} .note .at{color:var(--muted);font-size:.85rem;white-space:nowrap}
.msg{white-space:pre-line} .fix{margin-top:.2rem;font-size:.92rem} .fix .kind{color:var(--muted)}
.fix del,.fix ins{background:#fff;padding:0 .2em} .fix ins{text-decoration:none;font-weight:600}
.empty{color:var(--muted);font-style:italic} .clean-file{font:13px ui-monospace,Menlo,Consolas,monospace}
@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}.toc,.top{display:none}
.card{border:0;box-shadow:none;padding:0}.file{break-before:page}.line,.note{break-inside:avoid}
a{color:inherit;text-decoration:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def render(results: Sequence[FileReport], options: ReportOptions) -> str:
    counts = Counter(f.severity for report in results for f in report.findings)
    total = sum(counts.values())
    flagged = [(n, r) for n, r in enumerate(results, 1) if r.findings]
    clean = [(n, r) for n, r in enumerate(results, 1) if not r.findings]
    title = f"newslint: {_plural(total, 'finding')} in {_plural(len(results), 'file')}"
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
           f'<meta name="generator" content="newslint">\n<title>{_e(title)}</title>\n',
           f"<style>{_CSS}</style>\n</head>\n<body id=\"top\">\n<main>\n<header>\n<h1>newslint report</h1>\n"]
    out += [f"<p>{_e(line.removeprefix('[*] '))}</p>\n" for line in summary_lines(results, options)]
    stats = [("total", len(results), "files checked"), ("total", len(clean), "clean")]
    stats += [(f"sev-{s.label}", counts[s], _count(counts[s], s).split(" ", 1)[1]) for s in _ORDER]
    out.append('<ul class="stats">' + "".join(
        f'<li class="{cls}"><b>{n}</b>{label}</li>' for cls, n, label in stats) + "</ul>\n</header>\n")
    out.append(_rules(results, options))
    out.append(_toc(flagged, clean))
    out += [_file(n, report, options) for n, report in flagged]
    if clean:
        opened = " open" if len(clean) <= 10 else ""
        out.append(f'<section class="card clean" id="clean"><details{opened}><summary>'
                   f"{_plural(len(clean), 'file')} with no findings</summary><ul>")
        out += [f'<li class="clean-file" id="f{n}">{_e(r.path)}</li>' for n, r in clean]
        out.append("</ul></details></section>\n")
    out.append("</main>\n</body>\n</html>\n")
    return "".join(out)


def _rules(results: Sequence[FileReport], options: ReportOptions) -> str:
    found = Counter(f.rule for report in results for f in report.findings)
    worst: dict[str, Severity] = {}
    for f in (f for report in results for f in report.findings):
        worst[f.rule] = max(worst.get(f.rule, f.severity), f.severity)
    level = {rule: info.level for rule, info in options.rules.items()} | {
        rule: worst[rule] for rule in found if rule not in options.rules}
    order = sorted(level, key=lambda rule: (-level[rule], -found[rule], rule))

    def rows(rules: list[str]) -> str:
        head = ('<table><thead><tr><th>Rule</th><th>Level</th><th class="n">Findings</th>'
                '<th>Description</th></tr></thead><tbody>')
        return head + "".join(
            f'<tr data-rule="{_e(rule)}"><td class="r">{_rule_link(rule, options)}</td><td class="l">'
            f'<span class="badge sev-{level[rule].label}">{level[rule].label}</span></td><td class="n">{found[rule]}</td>'
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


def _toc(flagged: list, clean: list) -> str:
    if not flagged and not clean:
        return '<p class="card empty">No files were checked.</p>\n'
    items = "".join(f'<li><a href="#f{n}">{_e(r.path)}</a>{_badges(r.findings)}</li>' for n, r in flagged)
    out = '<nav class="card toc"><h2>Articles</h2>'
    out += f"<ol>{items}</ol>" if flagged else '<p class="empty">No article has findings.</p>'
    if clean:
        out += f'<p><a href="#clean">{_plural(len(clean), "clean file")}</a></p>'
    return out + "</nav>\n"


def _file(n: int, report: FileReport, options: ReportOptions) -> str:
    fid, source, lines = f"f{n}", report.source, report.lines
    out = [f'<section class="card file" id="{fid}"><h2><a class="path" href="#{fid}">{_e(report.path)}</a>'
           f'{_badges(report.findings)}<a class="top" href="#top">&uarr; top</a></h2>\n']
    if not source:
        out.append('<p class="empty">No text to show: the file is empty or could not be read.</p>\n')
        out.append(_notes(fid, list(enumerate(report.findings, 1)), report, options, " whole"))
        return "".join(out) + "</section>\n"
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
    out.append('<div class="source">')
    for ln in range(1, lines.line_count + 1):
        if ln == lines.line_count > 1 and not lines.line_text(ln) and ln not in marks:
            break  # the empty "line" after a final line break
        here = marks.get(ln)
        cls = f"line has sev-{max(f.severity for *_, f in here).label}" if here else "line"
        body = _segments(fid, ln, lines, here, ends) if here else _e(lines.line_text(ln))
        out.append(f'<div class="{cls}" id="{fid}-L{ln}"><a class="num" href="#{fid}-L{ln}">{ln}</a>'
                   f'<div class="text">{body}</div></div>\n')
        if ln in notes:
            out.append(_notes(fid, notes[ln], report, options))
    return "".join(out) + "</div></section>\n"


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


def _rule_link(rule: str, options: ReportOptions) -> str:
    info = options.rules.get(rule)
    link = info.link if info else ""
    if link.startswith(("https://", "http://")):
        return f'<a class="rule" href="{_e(link)}">{_e(rule)}</a>'
    return f'<span class="rule">{_e(rule)}</span>'


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
