"""The dates of one article: every sentence that holds a date expression, and the reference date.

Expressions are found (`expressions.py`) in the blocks that may hold one, resolved against the
reference date (`reference.py`, `ranges.py`), and memoised on the Document, so the five date
rules and the title rules share one analysis. Nothing here decides what is wrong.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .expressions import Expression, Vocabulary, find_expressions, sentence_of
from .ranges import DateRange, resolve
from .reference import Reference, reference_date
from ..text.nlp import MAX_CHUNK_CHARS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..text.document import Document
    from ..text.nlp import Chunk


@dataclass(frozen=True)
class DatedSentence:
    chunk: Chunk
    sentence: SpacySpan
    expressions: tuple[Expression, ...]

    def explicit(self) -> tuple[Expression, ...]:
        return tuple(e for e in self.expressions if e.explicit)


@dataclass(frozen=True)
class ArticleDates:
    reference: Reference
    sentences: tuple[DatedSentence, ...]
    """Every body sentence that holds an expression, in document order."""

    def resolve(self, expression: Expression, forward: bool = False) -> DateRange | None:
        return resolve(expression, self.reference.date, forward)

    @functools.cached_property
    def by_chunk(self) -> dict[int, tuple[DatedSentence, ...]]:
        """The dated sentences of each chunk, by the chunk's id."""
        found: dict[int, list[DatedSentence]] = {}
        for dated in self.sentences:
            found.setdefault(id(dated.chunk), []).append(dated)
        return {key: tuple(value) for key, value in found.items()}


def article_dates(document: Document, vocabulary: Vocabulary) -> ArticleDates:
    """The dated sentences and reference date of a document, computed once and shared."""
    return document.derived(("article-dates", vocabulary), lambda: _article_dates(document, vocabulary))


def _article_dates(document: Document, vocabulary: Vocabulary) -> ArticleDates:
    sentences = []
    for chunk in document.analysed((), wanted=functools.partial(may_hold_dates, vocabulary)):
        by_sentence: dict[tuple[int, int], list[Expression]] = {}
        for expression in find_expressions(chunk.doc, vocabulary, _text(chunk)):
            # The sentence of its last word: "Fri., 2023-03-04" starts in the one "Fri." ends.
            by_sentence.setdefault(sentence_of(chunk.doc, expression.token_end - 1), []).append(expression)
        for (start, end), inside in by_sentence.items():
            sentences.append(DatedSentence(chunk, chunk.doc[start:end], tuple(inside)))
    return ArticleDates(reference_date(document, vocabulary, sentences), tuple(sentences))


def may_hold_dates(vocabulary: Vocabulary, block) -> bool:
    """False only where `find_expressions` would find nothing in the block: its prefilter has no
    hit (a block short enough for one chunk is the chunk's text, `_text`; a longer one is cut
    into chunks at spaces, and is analysed whatever its text), or no pattern has all the words
    it needs ("year" alone is no date; "last year" or "a year ago" may be)."""
    if len(block.text) > MAX_CHUNK_CHARS:
        return True
    return (vocabulary.prefilter.search(block.text) is not None
            and vocabulary.expression_anchors.may_match(block.folded))


def _text(chunk: Chunk) -> str:
    """The chunk's text, cut from its block's (which is what spaCy was given)."""
    doc = chunk.doc
    end = chunk.base + (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)
    return chunk.block.text[chunk.base : end]


def sentence_date(document: Document, vocabulary: Vocabulary, chunk: Chunk, offset: int) -> DateRange | None:
    """The explicit date of the sentence holding character `offset` of `chunk.doc`, or None
    when it gives none (callers then use the reference date)."""
    dates = article_dates(document, vocabulary)
    for dated in dates.by_chunk.get(id(chunk), ()):
        if dated.sentence.start_char <= offset < dated.sentence.end_char:
            for expression in dated.explicit():
                days = dates.resolve(expression)
                if days is not None:
                    return days
    return None
