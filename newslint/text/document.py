"""Document: one article as the rules see it: source, front matter, prose blocks, line index.

Parsing happens once, here. spaCy runs at most once per block, and only on the blocks some rule
asks about: a kind names the blocks it wants (those where a cheap text prefilter matches), the
document analyses those it has not analysed yet in one batch, and every rule after it shares
the result. Most prose holds no date, claim or title, so most of it is never tokenized. A
Document never reads files or knows about configuration: the engine gives it text and asks it
questions.
"""
from __future__ import annotations

from functools import cached_property
from typing import Callable, Hashable, Iterator, TypeVar

from .context import ArticleContext
from .frontmatter import FrontMatter, parse_front_matter
from .lines import LineIndex
from .markdown import parse_body
from .nlp import Chunk, analyse
from .prose import ParsedBody, ProseBlock
from .textmap import OffsetMapBuilder

T = TypeVar("T")


class Document:
    def __init__(self, path: str, source: str, context: ArticleContext | None = None) -> None:
        self.path = path
        self.source = source
        self.context = context or ArticleContext()
        self.front_matter: FrontMatter = parse_front_matter(source)
        self.body: ParsedBody = parse_body(source, self.front_matter.body_start)
        self._analysis: dict[int, tuple[Chunk, ...]] = {}
        """spaCy's chunks of each block analysed so far, by the block's id."""
        self._derived: dict[Hashable, object] = {}

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What a kind works out from this article (its dates, events, title verdicts), computed
        once per `key` and shared by every rule that asks with the same key.

        The memo lives and dies with the document, so kinds stay stateless functions of
        (document, options) and no module keeps per-article state. A key names the analysis
        and every option it depends on, e.g. ("article-dates", vocabulary).
        """
        try:
            return self._derived[key]  # type: ignore[return-value]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    @cached_property
    def newline(self) -> str:
        """The line ending the file uses, so inserted lines match it."""
        for index, char in enumerate(self.source):
            if char == "\n":
                return "\n"
            if char == "\r":
                return "\r\n" if self.source[index + 1 : index + 2] == "\n" else "\r"
        return "\n"

    @cached_property
    def language(self) -> str | None:
        """The language the front matter declares (lowercase), or None when it declares none."""
        for key in self.context.front_matter_keys.language:
            value = self.front_matter.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip().lower()
        return None

    def prose(self, scope: tuple[str, ...] = ()) -> Iterator[ProseBlock]:
        """Blocks in document order whose kind is in `scope` (all body prose when it is empty)."""
        if "front-matter" in scope:
            yield from self.front_matter_blocks
        for block in self.body.blocks:
            if not scope or block.kind in scope:
                yield block

    @cached_property
    def front_matter_blocks(self) -> tuple[ProseBlock, ...]:
        """Front-matter text values (title, description, ...) as prose, where they can be located."""
        blocks = []
        for key, raw in self.front_matter.raw.items():
            value = self.front_matter.get(key)
            key_span = self.front_matter.key_span(key)
            if not isinstance(value, str) or not raw.strip() or key_span is None:
                continue
            start = self.source.find(raw, key_span.end, self.front_matter.span.end)
            if start == -1:
                continue
            builder = OffsetMapBuilder()
            builder.add(raw, start)
            text, offsets = builder.build()
            blocks.append(ProseBlock("front-matter", text, offsets))
        return tuple(blocks)

    def analysed(self, scope: tuple[str, ...] = (),
                 wanted: Callable[[ProseBlock], bool] | None = None) -> Iterator[Chunk]:
        """spaCy's tokens and sentences for the blocks in `scope` (as `prose` picks them) that
        `wanted` accepts, or all of them, in document order. `wanted` sees every block first."""
        blocks = [block for block in self.prose(scope) if wanted is None or wanted(block)]
        missing = [block for block in blocks if id(block) not in self._analysis]
        if missing:
            found: dict[int, list[Chunk]] = {id(block): [] for block in missing}
            for chunk in analyse(missing):
                found[id(chunk.block)].append(chunk)
            self._analysis.update((key, tuple(chunks)) for key, chunks in found.items())
        for block in blocks:
            yield from self._analysis[id(block)]

    @property
    def analysed_blocks(self) -> int:
        """How many blocks spaCy has analysed so far (for tests and benchmarks)."""
        return len(self._analysis)
