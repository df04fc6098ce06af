"""Dates in prose: find temporal expressions, resolve them to date ranges, and find an article's
reference date (its publication date) and the explicit date of a sentence.

Expressions are spaCy Matcher patterns built from the words in the rule pack's `data/dates.yaml`
(`newslint.date_patterns` finds them); this is deliberately not a general date parser, whose
in-text search reads "May" the verb or "2000 people" as dates. Each expression resolves to an
inclusive `DateRange` against the reference date.

Nothing here decides what is wrong or reports it: that is the `dates` kind's job. The analysis of
a document is computed once per document and vocabulary, and shared by every rule that asks.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .expressions import Expression, Vocabulary, find_expressions, sentence_of
from ..findings import Span
from ..text.nlp import MAX_CHUNK_CHARS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..text.document import Document
    from ..text.nlp import Chunk

# A bare weekday names a day within the week before the reference date (AP usage); a month and
# day without a year take the reference year unless that puts them more than half a year away
# ("Dec. 29" in an article of Jan. 5), where the nearer year is what any reader understands.
NEAREST_YEAR_AFTER_DAYS = 183
RECENT_DAYS = 183
""""Recently" is never compared, but resolves (to the half year before) like everything else."""


# --- resolution -------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class DateRange:
    """An inclusive range of days; `precision` says how exactly the text gave it."""

    start: dt.date
    end: dt.date
    precision: str = "day"

    @classmethod
    def day(cls, day: dt.date) -> DateRange:
        return cls(day, day, "day")

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def gap_days(self, other: DateRange) -> int:
        """Days between the nearer ends of two ranges (0 when they overlap)."""
        return max(0, (other.start - self.end).days, (self.start - other.end).days)


def month_range(year: int, month: int, precision: str = "month") -> DateRange:
    return DateRange(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), precision)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def infer_year(month: int, day: int, reference: dt.date) -> int | None:
    """The year of a month and day written without one, or None when no year has that day.

    The reference year (AP writes dates of the current year without it), unless that is more
    than half a year from the reference and the day falls nearer in the year before or after.
    """
    candidates = []
    for year in (reference.year, reference.year - 1, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue  # February 29 outside leap years
    if not candidates:
        return None
    own = candidates[0] if candidates[0].year == reference.year else None
    if own is not None and abs((own - reference).days) <= NEAREST_YEAR_AFTER_DAYS:
        return own.year
    return min(candidates, key=lambda c: (abs((c - reference).days), c != own)).year


def resolve(expression: Expression, reference: dt.date | None, forward: bool = False) -> DateRange | None:
    """The days an expression names, or None when it names none (February 30, or a relative
    expression with no reference date). `forward` reads a bare weekday as the coming one."""
    e = expression
    try:
        if e.kind == "date":
            year = e.year if e.year is not None else (
                infer_year(e.month, e.day, reference) if reference else None)
            return DateRange.day(dt.date(year, e.month, e.day)) if year is not None else None
        if e.kind == "month":
            return month_range(e.year, e.month)
        if e.kind == "year":
            return DateRange(dt.date(e.year, 1, 1), dt.date(e.year, 12, 31), "year")
        if e.kind == "part":
            return _part(e, reference)
        if reference is None:
            return None
        return _relative(e, reference, forward)
    except ValueError:
        return None


def _part(e: Expression, reference: dt.date | None) -> DateRange | None:
    first, last = e.bounds
    if e.month is None:
        return DateRange(dt.date(e.year, first, 1), month_range(e.year, last).end, "part")
    year = e.year
    if year is None:
        if reference is None:
            return None
        year = infer_year(e.month, 15, reference)
    length = calendar.monthrange(year, e.month)[1]
    return DateRange(dt.date(year, e.month, min(first, length)), dt.date(year, e.month, min(last, length)), "part")


def _relative(e: Expression, reference: dt.date, forward: bool) -> DateRange | None:
    day = dt.timedelta(days=1)
    if e.kind == "days":
        return DateRange.day(reference + e.count * day)
    if e.kind == "weekday":
        back = (reference.weekday() - e.weekday) % 7  # 0..6 days back to that weekday
        if e.shift is None:
            ahead = (e.weekday - reference.weekday()) % 7
            return DateRange.day(reference + ahead * day if forward else reference - back * day)
        if e.shift < 0:
            return DateRange.day(reference - (back or 7) * day)
        if e.shift > 0:
            return DateRange.day(reference + ((e.weekday - reference.weekday()) % 7 or 7) * day)
        monday = reference - reference.weekday() * day
        return DateRange.day(monday + e.weekday * day)
    if e.kind == "named-month":
        if e.shift < 0:
            year = reference.year if e.month < reference.month else reference.year - 1
        elif e.shift > 0:
            year = reference.year if e.month > reference.month else reference.year + 1
        else:
            year = reference.year
        return month_range(year, e.month)
    if e.kind == "period":
        whole = _period(e.unit, e.shift, reference)
        if e.edge == "earlier":
            return DateRange(whole.start, reference, whole.precision)
        if e.edge == "later":
            return DateRange(reference, whole.end, whole.precision)
        return whole
    if e.kind == "ago":
        if e.unit == "day":
            return DateRange.day(reference - e.count * day)
        if e.unit in ("week", "weekend"):
            middle = reference - 7 * e.count * day
            return DateRange(middle - 3 * day, middle + 3 * day, "week")
        if e.unit == "month":
            return month_range(*add_months(reference.year, reference.month, -e.count))
        return _period("year", -e.count, reference)
    return DateRange(reference - RECENT_DAYS * day, reference, "vague")


def _period(unit: str, shift: int, reference: dt.date) -> DateRange:
    if unit in ("week", "weekend", "day"):
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=shift)
        if unit == "weekend":
            return DateRange(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week")
        return DateRange(monday, monday + dt.timedelta(days=6), "week")
    if unit == "month":
        return month_range(*add_months(reference.year, reference.month, shift))
    year = reference.year + shift
    return DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


# --- the article's dates ----------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """The date relative expressions count from, and where it came from.

    `source` is "configured" (--reference-date or config), "front-matter", "file-name",
    "article" (the latest explicit date in the text: no publication date was found) or "none".
    """

    date: dt.date | None
    source: str
    key: str | None = None
    """The front-matter key the date came from, or the date key whose value was unusable."""
    span: Span | None = None
    """With source "article": where the date that stands in is written."""


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


_ANALYSES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def article_dates(document: Document, vocabulary: Vocabulary) -> ArticleDates:
    """The dated sentences and reference date of a document, computed once and shared."""
    by_vocabulary = _ANALYSES.setdefault(document, {})
    if vocabulary not in by_vocabulary:
        sentences = []
        for chunk in document.analysed((), wanted=functools.partial(may_hold_dates, vocabulary)):
            by_sentence: dict[tuple[int, int], list[Expression]] = {}
            for expression in find_expressions(chunk.doc, vocabulary, _text(chunk)):
                # The sentence of its last word: "Fri., 2023-03-04" starts in the one "Fri." ends.
                by_sentence.setdefault(sentence_of(chunk.doc, expression.token_end - 1), []).append(expression)
            for (start, end), inside in by_sentence.items():
                sentences.append(DatedSentence(chunk, chunk.doc[start:end], tuple(inside)))
        by_vocabulary[vocabulary] = ArticleDates(_reference(document, vocabulary, sentences), tuple(sentences))
    return by_vocabulary[vocabulary]


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


def reference_date(document: Document, vocabulary: Vocabulary) -> Reference:
    """The publication date relative expressions count from (see `Reference.source`)."""
    return article_dates(document, vocabulary).reference


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


_WRITTEN_ISO = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/_](\d\d)[-/_](\d\d)(?!\d)")


def _reference(document: Document, vocabulary: Vocabulary, sentences: list[DatedSentence]) -> Reference:
    if document.context.reference_date is not None:
        return Reference(document.context.reference_date, "configured")
    unusable = None
    for key in document.context.front_matter_keys.date:
        value = document.front_matter.get(key)
        if value is None:
            continue
        day = _written_date(document.front_matter.raw.get(key), value, vocabulary)
        if day is not None:
            return Reference(day, "front-matter", key)
        unusable = unusable or key
    for match in _PATH_DATE.finditer(document.path.replace("\\", "/")):
        day = _date(*match.groups())
        if day is not None:
            return Reference(day, "file-name", unusable)
    latest = None
    for dated in sentences:
        for expression in dated.expressions:
            if expression.kind == "date" and expression.year is not None:
                days = resolve(expression, None)
                if days is not None and (latest is None or days.start > latest[0]):
                    latest = (days.start, dated.chunk.source_span(expression.start, expression.end))
    if latest is not None:
        return Reference(latest[0], "article", unusable, latest[1])
    return Reference(None, "none", unusable)


def _written_date(raw: str | None, value, vocabulary: Vocabulary) -> dt.date | None:
    """The calendar date as written: "2024-01-09 14:33:00 -0500" is January 9 wherever UTC is."""
    text = raw if raw is not None else (value if isinstance(value, str) else None)
    if text:
        match = _WRITTEN_ISO.match(text)
        if match:
            return _date(*match.groups())
        months = "|".join(re.escape(form) for form in sorted(vocabulary.months, key=len, reverse=True))
        match = re.match(rf"\s*(?:\w+,?\s+)?({months})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", text)
        if match:
            return _date(match.group(3), vocabulary.months[match.group(1)], match.group(2))
        match = re.match(rf"\s*(?:\w+,?\s+)?(\d{{1,2}})\s+({months})\s+(\d{{4}})\b", text)
        if match:
            return _date(match.group(3), vocabulary.months[match.group(2)], match.group(1))
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
