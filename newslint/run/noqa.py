"""`--add-noqa`: suppression comments for the current findings (ruff's `--add-noqa`), so that an
archive can start clean and each old finding is marked where it stands, with a reason.

For each line with findings, one comment names all of its rules, in the first place of these
that keeps the markdown as it renders and that the directive parser honours for that line:

1. `<!-- newslint-disable-next-line RULES -- REASON -->` on a line of its own before a line that
   starts a top-level block (after a blank line, not indented, not a list item), where an HTML
   comment block ends before the paragraph, heading or table it precedes;
2. the rules added to such a comment that is already there (a second run with new findings);
3. `<!-- newslint-disable-line RULES -- REASON -->` at the end of the line itself, inside a
   paragraph, list item, blockquote or table row (before a row's closing pipe and a hard break),
   where a line of its own would split the block;
4. `<!-- newslint-disable-next-line RULES -- REASON -->` at the end of the line before, where a
   comment on the line itself would cut the finding's text in two (a repeated word across a
   line break), unless that line is a fence, a table's delimiter row or a setext underline.

Every placement is proved by linting the new text: a comment that does not suppress its findings
(inside a code block, say) is taken out again and the next place tried; findings no comment can
suppress (in front matter, or where nothing worked) are returned, never dropped in silence. A
second run finds nothing to add, so the command is idempotent. This module edits text only;
the runner reads and writes the files (atomically, keeping a byte-order mark and line endings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from ..engine import Linter
from ..findings import Finding
from ..report import FileReport
from ..text.frontmatter import parse_front_matter
from ..text.lines import LineIndex
from .sources import SourceText, encode, read_source, why_unwritten, write_atomic

DEFAULT_REASON = "added in bulk by newslint --add-noqa; fix or explain"
_LIST_ITEM = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_NEXT_LINE = re.compile(r"(?P<indent>[ \t]*)<!--\s*newslint-disable-next-line(?P<rules>(?:[ \t,]+\w[\w-]*)*)"
                        r"(?P<rest>[ \t]+--.*?)?\s*-->[ \t]*")
# A line a comment must not be appended to: a fence, a table's delimiter row, a setext underline.
_NO_TAIL = re.compile(r"\s*(?:```|~~~|[=-]+\s*$|\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$)")
_STANDALONE, _MERGED, _END_OF_LINE, _END_OF_PREVIOUS = "standalone", "merged", "end-of-line", "end-of-previous"
_ORDER = (_STANDALONE, _MERGED, _END_OF_LINE, _END_OF_PREVIOUS)


@dataclass(frozen=True)
class Added:
    text: str
    comments: int
    """Comments written or extended."""
    left: tuple[Finding, ...]
    """Findings that no comment could suppress."""


def add_noqa(text: str, findings: Iterable[Finding], lint: Callable[[str], list[Finding]],
             reason: str = DEFAULT_REASON) -> Added:
    lines = LineIndex(text)
    front = parse_front_matter(text)
    body_start = front.body_start if front.format else 0
    groups: dict[int, list[Finding]] = {}
    left: list[Finding] = []
    for finding in findings:
        if finding.span.start < body_start:
            left.append(finding)  # front matter is YAML or TOML: a comment there is no directive
        else:
            groups.setdefault(lines.line_of(finding.span.start), []).append(finding)
    first_body_line = lines.line_of(body_start)
    tried: dict[int, int] = {line: _next_place(text, lines, line, first_body_line, -1) for line in groups}
    while True:
        placed = {line: place for line, place in tried.items() if place is not None}
        new_text, targets = _apply(text, lines, groups, placed, reason)
        if not placed:
            break
        found = {(LineIndex(new_text).line_of(f.span.start), f.rule) for f in lint(new_text)}
        failed = [line for line, (target, comment_line) in targets.items()
                  if any((target, f.rule) in found for f in groups[line])
                  or (comment_line, "unused-suppression") in found]
        if not failed:
            break
        for line in failed:
            tried[line] = _next_place(text, lines, line, first_body_line, tried[line])
    for line, place in tried.items():
        if place is None:
            left.extend(groups[line])
    return Added(new_text, len(targets), tuple(sorted(left, key=Finding.sort_key)))


def _next_place(text: str, lines: LineIndex, line: int, first_body_line: int, after: int | None) -> int | None:
    """The index in _ORDER of the first place after `after` that fits `line`, or None."""
    if after is None:
        return None
    for index in range(after + 1, len(_ORDER)):
        if _fits(_ORDER[index], lines, line, first_body_line):
            return index
    return None


def _fits(place: str, lines: LineIndex, line: int, first_body_line: int) -> bool:
    current = lines.line_text(line)
    if place == _STANDALONE:
        starts_block = line == first_body_line or not lines.line_text(line - 1).strip()
        return (starts_block and current[:1] not in (" ", "\t") and current.strip() != ""
                and not _LIST_ITEM.match(current) and not _NEXT_LINE.fullmatch(current))
    if place == _MERGED:
        return line > first_body_line and _NEXT_LINE.fullmatch(lines.line_text(line - 1)) is not None
    if place == _END_OF_LINE:
        return current.strip() != ""
    return line > first_body_line and lines.line_text(line - 1).strip() != "" \
        and not _NO_TAIL.match(lines.line_text(line - 1))


def _apply(text: str, lines: LineIndex, groups: dict[int, list[Finding]], placed: dict[int, int],
           reason: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """The text with the comments in place, and for each finding line its new line number and
    the line its comment is on."""
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    pieces, position, shift, targets = [], 0, 0, {}
    for line in sorted(placed):
        place = _ORDER[placed[line]]
        rules = sorted({finding.rule for finding in groups[line]})
        start, end = lines.line_start(line), lines.line_end(line)
        if place == _STANDALONE:
            pieces.append(text[position:start])
            pieces.append(f"<!-- newslint-disable-next-line {' '.join(rules)} -- {reason} -->{newline}")
            position = start
            shift += 1
            targets[line] = (line + shift, line + shift - 1)
        elif place == _MERGED:
            above_start, above_end = lines.line_start(line - 1), lines.line_end(line - 1)
            match = _NEXT_LINE.fullmatch(text, above_start, above_end)
            old = [rule for rule in re.split(r"[\s,]+", match.group("rules")) if rule]
            merged = sorted(set(old) | set(rules))
            pieces.append(text[position:match.start("rules")])
            pieces.append(" " + " ".join(merged))
            position = match.end("rules")
            targets[line] = (line + shift, line + shift - 1)
        else:
            verb, on = ("disable-line", line) if place == _END_OF_LINE else ("disable-next-line", line - 1)
            start, end = lines.line_start(on), lines.line_end(on)
            cut = _end_of_line_cut(text[start:end]) + start
            pieces.append(text[position:cut])
            before = " " if cut > start and text[cut - 1] not in " \t" else ""
            after = " " if text[cut:end].startswith("|") else ""  # a row's closing pipe
            pieces.append(f"{before}<!-- newslint-{verb} {' '.join(rules)} -- {reason} -->{after}")
            position = cut
            targets[line] = (line + shift, on + shift)
    pieces.append(text[position:])
    return "".join(pieces), targets


def _end_of_line_cut(line: str) -> int:
    """Where a comment at the end of `line` goes: before trailing blanks (a hard break of two
    spaces stays one), a hard-break backslash, and a table row's closing pipe."""
    cut = len(line.rstrip(" \t"))
    if line[:cut].endswith("\\") and not line[:cut].endswith("\\\\"):
        cut -= 1
    elif line[:cut].endswith("|") and not line[:cut].endswith("\\|") and line.lstrip().startswith("|"):
        cut -= 1
    return cut


def clean_reason(reason: str) -> str:
    """A reason that fits in one comment: one line, no `-->` to end the comment early."""
    return " ".join(reason.replace("-->", "- ->").split()) or DEFAULT_REASON


@dataclass(frozen=True)
class NoqaRun:
    reports: list[FileReport]
    """Each file's findings that are left (the text as written)."""
    comments: int
    files: int
    """Files written."""
    left: int
    """Findings no comment could suppress (they stay in the reports)."""


def add_noqa_to_files(linter_for: Callable[[str], Linter], reports: Iterable[FileReport],
                      reason: str | None) -> NoqaRun:
    """Write the comments into each file with findings; a file that cannot be read again as it
    was linted, or cannot be written, keeps its findings (and says why, as --fix does)."""
    reason = clean_reason(reason or DEFAULT_REASON)
    out, comments, files, left = [], 0, 0, 0
    for report in reports:
        source = read_source(Path(report.path)) if report.findings and report.path != "-" else None
        if not isinstance(source, SourceText) or source.text != report.source:
            out.append(report)  # unreadable, standard input, or edited since it was linted
            left += len(report.findings)
            continue
        linter = linter_for(report.path)
        added = add_noqa(source.text, report.findings, lambda text: linter.lint(report.path, text), reason)
        if added.comments:
            try:
                write_atomic(Path(report.path), encode(replace(source, text=added.text)), expected=encode(source))
            except OSError as err:
                findings = sorted(report.findings + tuple(linter.unwritable(report.path, why_unwritten(err))),
                                  key=Finding.sort_key)
                out.append(FileReport(report.path, report.source, tuple(findings)))
                left += len(report.findings)
                continue
            comments += added.comments
            files += 1
        out.append(FileReport(report.path, added.text, added.left))
        left += len(added.left)
    return NoqaRun(out, comments, files, left)
