"""Markdown body -> prose blocks (headings, paragraphs, list items, blockquotes, table cells).

markdown-it-py finds the blocks; `newslint.inline` turns each block's raw text into prose. Every
offset is absolute in the whole file, so front matter and CRLF line endings count. Plain-text
articles pasted as markdown are rescued: a pipe table glued to a paragraph still becomes cells,
and a Title Case line inside a paragraph becomes a heading, so sentences never run into headlines.

`parse_body` must never raise: on input it cannot make sense of, it returns fewer blocks. It
stops at MAX_BLOCKS blocks and says so (`truncated`): each block costs about 6 KB once spaCy has
read it, so a flood of one-word list items or table cells must not cost gigabytes.
"""
from __future__ import annotations

import bisect
import functools
import re

from markdown_it import MarkdownIt

from ..findings import Span
from .inline import Line, Piece, scan, split_cells
from .rescue import sentence_like, split_rescued
from .prose import ParsedBody, ProseBlock
from .textmap import OffsetMapBuilder

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as lines.py and markdown-it count them
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")

# Template block tags whose body is code or text the site generator prints verbatim, never prose:
# Jekyll's `{% highlight ruby %}...{% endhighlight %}`, Liquid/Jinja `{% raw %}`, `{% comment %}`,
# Octopress `{% codeblock %}`, and Hugo's `{{< highlight go >}}...{{< /highlight >}}`. Markdown
# sees their lines as paragraphs (Ruby's `end end end`, a `# comment` heading), so they are found
# in the source first and their whole lines left out, as shortcodes are left out of a line.
_VERBATIM_OPEN = re.compile(
    r"\{%-?[ \t]*(highlight|raw|comment|codeblock)\b[^\n%]{0,200}-?%\}"
    r"|\{\{[<%][ \t]*(highlight)\b[^\n]{0,200}?[>%]\}\}")
_VERBATIM_CLOSE = {
    name: re.compile(r"\{%%-?[ \t]*end%s[ \t]*-?%%\}|\{\{[<%%][ \t]*/[ \t]*%s[ \t]*[>%%]\}\}" % (name, name))
    for name in ("highlight", "raw", "comment", "codeblock")
}

MAX_BLOCKS = 150_000
"""A 20 MB article of the 18F corpus's posts has 72,000 blocks."""
MAX_NESTING = 100
"""markdown-it's nesting limit (its default, 20, is 9 levels of lists): 100 is 49 levels of lists
or 99 of blockquotes. Beyond it markdown-it silently drops the deep container and everything
after it in its parent, so those lines are reported (`too_deep`), never passed off as clean.
Parsing is recursive, about three Python frames a level, so the bound keeps it far from the
recursion limit; time stays linear (1 MB of 100-deep blockquotes parses in 0.6 s)."""


@functools.cache
def _markdown() -> MarkdownIt:
    """The block parser, built once per process like the spaCy pipeline: it keeps no state
    between parses (each parse gets its own token list and environment)."""
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    # Inline parsing is newslint.inline's job; skipping markdown-it's halves the parse time.
    parser.core.ruler.disable(["inline", "text_join"])
    return parser


def parse_body(source: str, body_start: int = 0) -> ParsedBody:
    """Prose blocks and HTML comment spans of `source[body_start:]`, offsets absolute in `source`."""
    parser = _Body(source, max(0, min(body_start, len(source))))
    try:
        parser.run()
    except Exception as exc:  # noqa: BLE001 - a bug of ours: keep what was parsed, report the rest
        last = parser.blocks[-1] if parser.blocks else None
        parser.failed(last.source_span(0, len(last.text)).end if last is not None and last.text else parser.starts[0], exc)
    comments = tuple(sorted(set(parser.comments)))
    return ParsedBody(tuple(parser.blocks), comments, parser.truncated, tuple(parser.unparsed),
                      tuple(parser.too_deep))


class _Body:
    def __init__(self, source: str, body_start: int) -> None:
        self.source = source
        self.blocks: list[ProseBlock] = []
        self.comments: list[Span] = []
        self.references: dict = {}
        self.rows = 0
        self.truncated = False
        self.groups = 0
        self.open_groups: list[int] = []  # the lists and tables open around the current token
        self.rescued: int | None = None  # the group of a pipe table glued to a paragraph
        self.unparsed: list[tuple[int, str]] = []
        self.too_deep: list[Span] = []
        # Body line k starts at starts[k]; the body may start mid-line, after front matter.
        starts, ends, breaks = [body_start], [], []
        for match in _LINE_BREAK.finditer(source, body_start):
            ends.append(match.start())
            breaks.append(match.end() - match.start())
            starts.append(match.end())
        ends.append(len(source))
        breaks.append(0)
        self.starts, self.ends, self.breaks = starts, ends, breaks
        self.verbatim = _verbatim_regions(source, body_start)

    def line(self, k: int) -> str:
        return self.source[self.starts[k] : self.ends[k]].replace("\0", "\ufffd")

    def run(self) -> None:
        env: dict = {}
        tokens = _markdown().parse(self.source[self.starts[0] :], env)
        self.references = env.get("references") or {}
        containers: list[tuple[str, int]] = []  # (block kind, first line), outermost first
        in_table = False
        for index, token in enumerate(tokens):
            if self.truncated:
                break
            kind = token.type
            if (token.nesting == 1 and token.level >= MAX_NESTING - 1 and token.map
                    and index + 1 < len(tokens) and tokens[index + 1].nesting == -1):
                self.dropped(token.map)
            if kind in ("blockquote_open", "list_item_open"):
                container = "blockquote" if kind == "blockquote_open" else "list-item"
                containers.append((container, token.map[0] if token.map else -1))
            elif kind in ("blockquote_close", "list_item_close"):
                if containers:
                    containers.pop()
            elif kind in ("table_open", "table_close"):
                in_table = kind == "table_open"
                self.open_or_close_group(kind.endswith("_open"))
            elif kind in ("bullet_list_open", "ordered_list_open", "bullet_list_close", "ordered_list_close"):
                self.open_or_close_group(kind.endswith("_open"))
            elif kind == "html_block" and token.map:
                self.html_comments(token.map)
            elif kind == "tr_open" and token.map:
                self.guard(token.map[0], self.table_row, token.map[0], containers)
            elif kind == "inline" and not in_table and token.map and index:
                self.guard(token.map[0], self.inline, token, tokens[index - 1], containers)

    def open_or_close_group(self, opening: bool) -> None:
        if opening:
            self.groups += 1
            self.open_groups.append(self.groups)
        elif self.open_groups:
            self.open_groups.pop()

    def guard(self, first_line: int, method, *args) -> None:
        try:
            method(*args)
        except Exception as exc:  # noqa: BLE001 - one odd block must not cost the rest of the file
            self.failed(self.starts[min(first_line, len(self.starts) - 1)], exc)

    def failed(self, offset: int, exc: Exception) -> None:
        """A bug of ours stopped the parse of a block: it is never checked, and the engine says so
        (`file-unparsed`), so a file is never passed off as clean."""
        self.unparsed.append((offset, f"{type(exc).__name__}: {exc}"))

    def dropped(self, line_map: list[int]) -> None:
        """markdown-it reached MAX_NESTING and skipped these lines: say so, unless they are blank."""
        first, last = line_map[0], min(line_map[1], len(self.starts)) - 1
        if first <= last and self.source[self.starts[first] : self.ends[last]].strip():
            self.too_deep.append(Span(self.starts[first], self.ends[last]))

    def html_comments(self, line_map: list[int]) -> None:
        first, last = line_map[0], min(line_map[1], len(self.starts)) - 1
        start, end = self.starts[first], self.ends[last]
        source = self.source
        start = source.find("<!--", start, end)
        while start >= 0:
            close = source.find("-->", start + 2, end)  # from +2: `<!-->` counts
            if close < 0:  # unclosed: no later comment can close either
                break
            self.comments.append(Span(start, close + 3))
            start = source.find("<!--", close + 3, end)

    def inline(self, token, opener, containers) -> None:
        content_lines = token.content.split("\n")
        first = token.map[0]
        # markdown-it-py's str.strip() also drops lines of Unicode spaces (NBSP) at the ends.
        dropped = token.map[1] - first - len(content_lines)
        if dropped > 0 and content_lines[0]:
            lead = content_lines[0].strip(" \t")
            first += next((d for d in range(dropped + 1) if lead in self.line(first + d)), 0)
        atx = opener.type == "heading_open" and opener.markup.startswith("#")
        lines = []
        for offset, content in enumerate(content_lines):
            k = first + offset
            if k >= len(self.starts):
                break
            text = content.strip(" \t")
            if text:
                line = self.locate(k, text, atx)
                if not self.inside_verbatim(line):
                    lines.append(line)
        if not lines:
            return
        kind = containers[-1][0] if containers else "paragraph"  # the innermost container wins
        if opener.type == "heading_open":
            # A setext "heading" of several lines or sentences is a paragraph over a `-` line.
            setext = not atx
            if not (setext and (len(lines) > 1 or sentence_like(token.content))):
                self.emit("heading", lines)
                return
        self.rescued = None
        for part_kind, part in split_rescued(kind, lines):
            if part_kind == "row":
                if self.rescued is None:
                    self.groups += 1
                    self.rescued = self.groups
                self.row(part[0])
            else:
                self.rescued = None
                self.emit(part_kind, part)
        self.rescued = None

    def locate(self, k: int, text: str, atx: bool) -> Line:
        """Find a content line inside source line k: the rightmost match, after any prefix."""
        line = self.line(k)
        if atx:
            closing = _ATX_CLOSE.search(line)
            if closing and line.rfind(text, 0, closing.start()) >= 0:
                line = line[: closing.start()]
        column = line.rfind(text)
        if column < 0:  # tabs expanded by markdown-it, or worse: keep the line, roughly
            column = max(0, len(line.rstrip(" \t")) - len(text))
        return Line(text, self.starts[k] + column, self.ends[k], self.breaks[k])

    def inside_verbatim(self, line: Line) -> bool:
        """Whether the whole line lies inside a verbatim template block (its tags included)."""
        regions = self.verbatim
        if not regions:
            return False
        index = bisect.bisect_right(regions, (line.start, float("inf"))) - 1
        return index >= 0 and line.start + len(line.text) <= regions[index][1]

    def table_row(self, k: int, containers: list[tuple[str, int]]) -> None:
        line = self.line(k)
        pos = 0
        for container, first in containers:
            pos = len(line) - len(line[pos:].lstrip(" \t"))
            if container == "blockquote" and line.startswith(">", pos):
                pos += 2 if line[pos + 1 : pos + 2] in (" ", "\t") else 1
            elif container == "list-item" and first == k:
                marker = _LIST_MARKER.match(line, pos)
                pos = marker.end() if marker else pos
        row = Line(line[pos:], self.starts[k] + pos, self.ends[k], self.breaks[k])
        if not self.inside_verbatim(row):
            self.row(row)

    def row(self, line: Line) -> None:
        if line.text.count("|") >= MAX_BLOCKS - len(self.blocks):  # before splitting a runaway row
            self.truncated = True
            return
        self.rows += 1
        for a, b in split_cells(line.text):
            if b > a:
                cell = Line(line.text[a:b], line.start + a, line.start + b, 0)
                self.emit("table-cell", [cell], self.rows)

    def emit(self, kind: str, lines: list[Line], row: int | None = None) -> None:
        if len(self.blocks) >= MAX_BLOCKS:
            self.truncated = True
            return
        group = None
        if kind == "table-cell":
            group = self.rescued if self.rescued is not None else (self.open_groups[-1] if self.open_groups else None)
        elif kind == "list-item" and self.open_groups:
            group = self.open_groups[-1]
        block = _block(kind, scan(lines, self.references, self.comments), row, group)
        if block is not None:
            self.blocks.append(block)


def _verbatim_regions(source: str, start: int) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) source spans of verbatim template blocks, tags included.

    An opener without its closer is left alone (it stays a template tag the inline scanner
    drops); each kind of closer is searched for at most once past a given point, so the work
    stays linear."""
    regions: list[tuple[int, int]] = []
    missing: set[str] = set()  # closers known to be absent from the rest of the source
    pos = start
    while True:
        opener = _VERBATIM_OPEN.search(source, pos)
        if opener is None:
            break
        name = opener.group(1) or opener.group(2)
        closer = None if name in missing else _VERBATIM_CLOSE[name].search(source, opener.end())
        if closer is None:
            missing.add(name)
            pos = opener.end()
            continue
        regions.append((opener.start(), closer.end()))
        pos = closer.end()
    return regions


def _block(kind: str, pieces: list[Piece], row: int | None, group: int | None = None) -> ProseBlock | None:
    """Pieces -> a block: markup gaps never leave double spaces; edges are stripped."""
    kept: list[Piece] = []
    space_before = True  # also strips the block's leading space
    for text, start, length in pieces:
        if space_before:
            stripped = text.lstrip(" \t\ufeff")
            if not stripped:
                continue
            if len(stripped) != len(text) and length == len(text):
                start, length = start + len(text) - len(stripped), len(stripped)
            text = stripped
        kept.append((text, start, length))
        space_before = text[-1] in " \t"
    while kept:
        text, start, length = kept[-1]
        stripped = text.rstrip(" \t")
        if stripped == text:
            break
        if not stripped:
            kept.pop()
            continue
        kept[-1] = (stripped, start, len(stripped) if length == len(text) else length)
        break
    if not kept:
        return None
    builder = OffsetMapBuilder()
    for text, start, length in kept:
        builder.add(text, start, length)
    text, offsets = builder.build()
    return ProseBlock(kind, text, offsets, row, group)
