"""ProseBlock: one run of prose (a heading, paragraph, list item, table cell or blockquote).

Rules read prose, never raw markdown: code, HTML, URLs and template tags are gone, emphasis and
link markup are stripped, and line breaks inside a block are single spaces. `offsets` maps every
prose character back to the source, so findings land on the right line and column.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..findings import Span
from ..patterns.prefilter import fold
from .textmap import OffsetMap

# The scopes a rule may name (DESIGN.md §4); front-matter is not prose and is handled apart.
BLOCK_KINDS = ("heading", "paragraph", "list-item", "table-cell", "blockquote")


@dataclass(frozen=True)
class ProseBlock:
    kind: str
    text: str
    offsets: OffsetMap
    row: int | None = None
    """Cells of one table row share a row number, unique in the document; None outside tables."""
    group: int | None = None
    """Items of one list, or cells of one table, share a group number, unique in the document;
    None outside lists and tables. (A nested list is a group of its own.)"""

    def source_span(self, start: int, end: int) -> Span:
        """The source span of prose characters start..end."""
        return self.offsets.span(start, end)

    @cached_property
    def folded(self) -> str:
        """The text casefolded for prefilters (prefilter.fold), computed once for all kinds."""
        return fold(self.text)


@dataclass(frozen=True)
class ParsedBody:
    blocks: tuple[ProseBlock, ...]
    comments: tuple[Span, ...]
    """Source spans of HTML comments (`<!-- ... -->`) outside code, where directives live."""
    truncated: bool = False
    """Parsing stopped at markdown.MAX_BLOCKS blocks: the engine refuses to check such a file."""
    unparsed: tuple[tuple[int, str], ...] = ()
    """(source offset, error) of each block the parser failed on (a newslint bug): those blocks
    were not checked, and the engine reports each as `file-unparsed`."""
    too_deep: tuple[Span, ...] = ()
    """Source spans of lines nested deeper than markdown.MAX_NESTING, which markdown-it skips:
    not checked, and reported as `file-unparsed`."""
