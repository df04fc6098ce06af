"""What the editor's code actions do to the text: apply a finding's fix, or suppress its rule.

Edits are (start, end, new text) with offsets into the source, converted to the protocol's
ranges by the server. A fix's edits are the finding's own (the same ones `check --fix` applies);
nothing here re-derives a correction.

A suppression comment must not change how the article parses, or it would change the findings
of every other rule: CommonMark lets an HTML comment on its own line interrupt a paragraph (it
would split the paragraph, and the sentence around the line, in two), end a list or a
blockquote, and front matter cannot hold one at all. So the comment goes on a line of its own
(`disable-next-line`) only above a line that starts a block anyway (after a blank line, or the
first line of the body) and is no list item, table row or quotation; everywhere else it goes at
the end of the finding's line (`disable-line`), and a finding in the front matter is suppressed
for the file by a comment right after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..api import Finding
from ..text.frontmatter import parse_front_matter
from ..text.lines import LineIndex

REASON = "reason"
"""The placeholder the editor leaves after `--` for the writer to replace with why."""

_CONTAINER_LINE = re.compile(r"[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|[-*+]$|\d{1,9}[.)]$|\||>)")


@dataclass(frozen=True)
class TextChange:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Action:
    title: str
    changes: tuple[TextChange, ...]
    preferred: bool = False


def fix_action(finding: Finding) -> Action | None:
    """The finding's fix as an action; an unsafe fix says so in its title."""
    fix = finding.fix
    if fix is None or not fix.edits:
        return None
    what = fix.message or "apply the suggested change"
    title = f"{'Fix' if fix.safe else 'Unsafe fix'} ({finding.rule}): {what}"
    return Action(title, tuple(TextChange(e.start, e.end, e.content) for e in fix.edits), preferred=fix.safe)


def suppress_action(finding: Finding, lines: LineIndex) -> Action:
    """A comment that suppresses the finding's rule where the finding is, with a reason to fill in."""
    rule, line = finding.rule, finding.line
    front_matter_end = _front_matter_end(lines)
    if line <= front_matter_end:
        comment = f"<!-- newslint-disable-file {rule} -- {REASON} -->"
        at = lines.line_start(front_matter_end + 1) if front_matter_end < lines.line_count else len(lines.source)
        text = comment + "\n" if front_matter_end < lines.line_count else "\n" + comment + "\n"
        return Action(f"Suppress {rule} in this file", (TextChange(at, at, text),))
    text = lines.line_text(line)
    starts_block = line == front_matter_end + 1 or not lines.line_text(line - 1).strip()
    if starts_block and not _CONTAINER_LINE.match(text):
        indent = text[: len(text) - len(text.lstrip(" \t"))]
        start = lines.line_start(line)
        comment = f"{indent}<!-- newslint-disable-next-line {rule} -- {REASON} -->{_line_break(lines, line)}"
        return Action(f"Suppress {rule} on this line", (TextChange(start, start, comment),))
    end = lines.line_end(line)
    return Action(f"Suppress {rule} on this line",
                  (TextChange(end, end, f" <!-- newslint-disable-line {rule} -- {REASON} -->"),))


def _line_break(lines: LineIndex, line: int) -> str:
    """The break the line itself ends with (the file's own style), or a newline."""
    end = lines.line_end(line)
    following = lines.line_start(line + 1) if line < lines.line_count else end
    return lines.source[end:following] or "\n"


def _front_matter_end(lines: LineIndex) -> int:
    """The line of the front matter's closing fence (0 without front matter), as the engine reads it."""
    front_matter = parse_front_matter(lines.source)
    if not front_matter.format or front_matter.body_start == 0:
        return 0
    return lines.line_of(front_matter.body_start - 1)  # body_start follows the closing fence's line break
