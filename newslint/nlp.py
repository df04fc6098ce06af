"""The spaCy pipeline: `spacy.blank("en")` with a sentencizer, built once per process, lazily.

spaCy is imported here and only here, and only when a rule needs tokens or sentences, because
importing it costs more than linting a typical article. Text is fed block by block, prose only,
and very long blocks are cut into chunks, so spaCy's `max_length` can never raise.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .prose import ProseBlock

MAX_CHUNK_CHARS = 100_000


@dataclass(frozen=True)
class Chunk:
    """spaCy's analysis of a block, or of a piece of one: `base` is where `doc` starts in the block."""

    block: ProseBlock
    base: int
    doc: Doc

    def source_span(self, start_char: int, end_char: int):
        return self.block.source_span(self.base + start_char, self.base + end_char)


@functools.cache
def pipeline():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_CHUNK_CHARS * 2
    return nlp


def analyse(blocks: Iterable[ProseBlock]) -> list[Chunk]:
    pieces = [(block, base, text) for block in blocks for base, text in _cut(block.text)]
    docs = pipeline().pipe(text for _, _, text in pieces)
    return [Chunk(block, base, doc) for (block, base, _), doc in zip(pieces, docs)]


def _cut(text: str) -> Iterator[tuple[int, str]]:
    """Split text longer than MAX_CHUNK_CHARS at spaces (or hard, when there are none)."""
    start = 0
    while len(text) - start > MAX_CHUNK_CHARS:
        limit = start + MAX_CHUNK_CHARS
        cut = text.rfind(" ", start + MAX_CHUNK_CHARS // 2, limit)
        cut = limit if cut == -1 else cut + 1
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]
