"""The dates of one article: every sentence that holds a date expression, and the reference date.

Expressions are found (`expressions.py`) in the blocks that may hold one, resolved against the
reference date (`reference.py`, `ranges.py`), and memoised on the Document, so the five date
rules and the title rules share one analysis. Nothing here decides what is wrong.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .expressions import Expression, Vocabulary, find_expressions, sentence_of
from .ranges import DateRange, resolve
from .reference import Reference, latest_in_text, publication_date
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
    """The publication date (`temporal.reference`); source "none" when the article gives none."""
    sentences: tuple[DatedSentence, ...]
    """Every body sentence that holds an expression, in document order."""
    latest_in_text: Reference | None = None
    """The latest whole date the text gives: never counted from, offered to rules that may judge
    a text as of its own time when it has no publication date (see temporal.reference)."""

    def resolve(self, expression: Expression, forward: bool = False) -> DateRange | None:
        """The days `expression` names, counted from the publication date; None when it cannot be
        known (a relative date in an undated article, a weekday when only the month is known)."""
        if self.reference.precision != "day" and _needs_the_day(expression):
            return None
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
    sentences = _with_years(document, sentences, vocabulary)
    return ArticleDates(publication_date(document, vocabulary), tuple(sentences), latest_in_text(sentences))


def _needs_the_day(expression: Expression) -> bool:
    """Whether resolving a relative expression needs the reference's day, not just its month."""
    if expression.kind in ("weekday", "days", "vague"):
        return True
    if expression.kind == "ago":
        return expression.unit in ("day", "week", "weekend")
    if expression.kind == "period":
        return expression.unit in ("day", "week", "weekend") or expression.edge is not None
    return False


def _with_years(document: Document, sentences: list[DatedSentence], vocabulary: Vocabulary) -> list[DatedSentence]:
    """Give a month and day written without a year the year the text gives nearby: the nearest
    year in the same sentence, else in the same list or table ("the 2027 summit ... on May
    27-29"; a list of 2026 events with "October 2-5"). Only where there is none does the year
    come from the publication date, at resolution, on the side the sentence's tense tells."""
    years_by_group: dict[object, list[tuple[int, int]]] = {}
    if any(_needs_a_year(e) for dated in sentences for e in dated.expressions):
        for block in document.prose(()):
            if block.group is not None and block.kind in ("list-item", "table-cell"):
                for match in _YEAR_IN_TEXT.finditer(block.text):
                    years_by_group.setdefault((block.kind, block.group), []).append(
                        (block.source_span(match.start(), match.start()).start, int(match.group())))
    out = []
    for dated in sentences:
        if not any(_needs_a_year(e) or _bare_weekday(e) for e in dated.expressions):
            out.append(dated)
            continue
        own = _years(dated)
        told = _told(dated, vocabulary)  # once per sentence, for all its expressions
        changed = []
        for e in dated.expressions:
            if _needs_a_year(e):
                candidates = own or years_by_group.get(_group(dated), [])
                if candidates:
                    at = e.start if own else _position(dated, e)
                    e = replace(e, context_year=min(candidates, key=lambda c: abs(c[0] - at))[1])
                else:
                    e = replace(e, told=told)
            elif _bare_weekday(e):
                e = replace(e, told=told)  # "we will meet (this) Tuesday": the coming one
            changed.append(e)
        out.append(replace(dated, expressions=tuple(changed)))
    return out


def _needs_a_year(expression: Expression) -> bool:
    return expression.explicit and expression.year is None and expression.month is not None


def _bare_weekday(expression: Expression) -> bool:
    return expression.kind == "weekday" and expression.shift in (None, 0)


_YEAR_IN_TEXT = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d%]|\s*[-–]\s*\d|\s+[A-Z0-9])")
"""A year written alone in a list item or table cell ("The summit in Rome, 2026"): 1900 to 2099,
and not a number before a name ("1800 F Street", "2000 Pennsylvania Avenue") or a figure."""


def _years(dated: DatedSentence) -> list[tuple[int, int]]:
    """(doc offset, year) of every year the sentence writes: in a date, or alone ("the 2027
    summit", 1900 to 2099), but not a figure ("2027%", "2027-30") or a number before a name
    ("1800 F Street")."""
    found = [(e.start, e.year) for e in dated.expressions if e.explicit and e.year is not None]
    doc = dated.sentence.doc
    inside = {i for e in dated.expressions for i in range(e.token_start, e.token_end)}
    for token in dated.sentence:
        if token.i in inside or not re.match(r"^(?:19|20)\d\d$", token.text):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.text in ("%", "-", "–") or after.like_num or after.text[:1].isupper()):
            continue
        found.append((token.idx, int(token.text)))
    return found


def _told(dated: DatedSentence, vocabulary: Vocabulary) -> int:
    """1 when the sentence tells its event as still to come ("will", "is scheduled to"), -1 as
    done ("took place", "was"), 0 when it says neither; the future in the past ("was expected
    to") is neither."""
    words = [token.lower_ for token in dated.sentence]
    text = " " + " ".join(words) + " "
    future = [text.find(f" {phrase.lower()} ") for phrase in vocabulary.future]
    future = [at for at in future if at >= 0]
    past = [i for i, word in enumerate(words) if word in vocabulary.past]
    done = any(f" {phrase.lower()} " in text for phrase in vocabulary.done)
    if future:
        first = text[: min(future)].count(" ") - 1  # the word index where the marker starts
        if not any(first - 2 <= i < first for i in past):
            return 1
        return 0
    return -1 if done or past else 0


def _group(dated: DatedSentence) -> object:
    """The list or table a sentence belongs to (consecutive items or cells), else the sentence."""
    block = dated.chunk.block
    if block.kind in ("list-item", "table-cell") and block.group is not None:
        return (block.kind, block.group)
    return ("sentence", id(dated.chunk), dated.sentence.start)


def _position(dated: DatedSentence, expression: Expression) -> int:
    return dated.chunk.source_span(expression.start, expression.end).start


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
