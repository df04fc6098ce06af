"""dates: dates that cannot be right. One kind, five checks, chosen by the rule's `check` option:

- weekday-mismatch: a weekday written with a date it does not fit ("Friday, March 4, 2023").
- conflict: a weekday or relative date in a sentence against the date a timeline row, a dated
  list item or another sentence gives the same event (`date_events`).
- timeline-order: a timeline (a table with a date column, a list of dated items) out of order.
- tense: a date before the reference date told as future or possible, or one after it told as done.
- missing: no publication date, so relative dates were counted from the latest date in the text.

The checks share one analysis per document (`temporal.article_dates`: expressions found and the
reference date worked out once), so five rules cost one pass. One kind rather than five keeps
that sharing and the vocabulary option in one place; the rules differ only in `check`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal

from ...temporal.expressions import Vocabulary, load_vocabulary
from ...text.document import Document
from ...findings import Hit, Span
from ...schema import DataFile
from ...temporal.article import ArticleDates, DatedSentence, article_dates
from ...temporal.expressions import Expression
from . import events as date_events
from .events import in_scope, source_span
from .words import describe, format_day, phrase_positions, reference_label, weekday_name

PLACEHOLDERS = ("match", "date", "other", "reason", "source")


@dataclass(frozen=True)
class Options:
    check: Literal["weekday-mismatch", "conflict", "timeline-order", "tense", "missing"]
    vocabulary: DataFile
    """The words of dates (months, weekdays, relative words, tense markers): `dates.yaml`."""
    overlap: float = 0.4
    """conflict: the share of the smaller set of content words two texts must have in common
    to be told as one event."""
    min_shared: int = 3
    """conflict: and the fewest content words they must share."""
    min_items: int = 3
    """timeline-order: the fewest dated rows or items that make a timeline."""
    window: int = 10
    """tense: how many words apart a tense marker and the date may stand."""
    words: Vocabulary = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 0 < self.overlap <= 1:
            raise ValueError("'overlap' must be more than 0 and at most 1")
        if self.min_shared < 1 or self.min_items < 2 or self.window < 1:
            raise ValueError("'min-shared' and 'window' must be at least 1, 'min-items' at least 2")
        object.__setattr__(self, "words", load_vocabulary(str(self.vocabulary)))


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    dates = article_dates(document, options.words)
    if options.check == "missing":
        yield from _missing(document, dates)
        return
    if options.check == "weekday-mismatch":
        yield from _weekday_mismatch(dates, rule.scope)
    elif options.check == "tense":
        yield from _tense(dates, rule.scope, options)
    elif options.check == "conflict":
        yield from date_events.conflicts(document, dates, options, rule.scope)
    else:
        yield from date_events.disorder(document, dates, options, rule.scope)


def _weekday_mismatch(dates: ArticleDates, scope: tuple[str, ...]) -> Iterator[Hit]:
    reference = dates.reference.date
    for dated in dates.sentences:
        if not in_scope(dated, scope):
            continue
        for expression in dated.expressions:
            if expression.kind != "date" or expression.weekday is None:
                continue
            days = dates.resolve(expression)
            if days is None or days.start.weekday() == expression.weekday:
                continue
            day = days.start
            if expression.year is None:
                reason = (f"{format_day(day)} (the year taken from {reference_label(dates.reference)}) "
                          f"is a {weekday_name(day)}, not a {weekday_name(expression.weekday)}")
            else:
                verb = "was" if reference is None or day < reference else "is"
                reason = f"{format_day(day)} {verb} a {weekday_name(day)}, not a {weekday_name(expression.weekday)}"
            yield Hit(source_span(dated, expression),
                      {"date": format_day(day), "other": weekday_name(day), "reason": reason, "source": ""})


def _tense(dates: ArticleDates, scope: tuple[str, ...], options: Options) -> Iterator[Hit]:
    reference = dates.reference.date
    if reference is None:
        return
    words = options.words
    for dated in dates.sentences:
        if not in_scope(dated, scope):
            continue
        candidates = [(e, days) for e in dated.explicit() if _the_sentence_date(dated, e, words)
                      and (days := dates.resolve(e)) is not None]
        if not candidates:
            continue
        markers = _tense_markers(dated, words)
        if all(days.end < reference for _, days in candidates):
            found = [m for m in markers if m[2] in ("future", "conditional")]
            side, telling = "before", "still to come or only possible"
        elif all(days.start > reference for _, days in candidates) and \
                not any(m[2] in ("future", "conditional") for m in markers):
            found = [m for m in markers if m[2] == "done"]
            side, telling = "after", "already done"
        else:
            continue
        near = [(distance, e, days, phrase) for position, length, tense, phrase in found for e, days in candidates
                if (distance := _distance(dated, e, position, length, tense == "future")) is not None
                and distance <= options.window]
        if not near:
            continue
        _, expression, days, phrase = min(near, key=lambda item: item[0])
        reason = (f"{side} {reference_label(dates.reference)}, but the sentence tells it as "
                  f"{telling} ('{phrase}')")
        yield Hit(source_span(dated, expression),
                  {"date": describe(days), "other": format_day(reference), "reason": reason, "source": ""})


def _tense_markers(dated: DatedSentence, words: Vocabulary) -> list[tuple[int, int, str, str]]:
    """(doc token index, length, "future" | "conditional" | "done", phrase) of the sentence's
    tense markers, outside its dates ("May" the month is no modal verb)."""
    sentence = dated.sentence
    tokens = [t.lower_ for t in sentence]
    inside = {i for e in dated.expressions for i in range(e.token_start, e.token_end)}
    told_past = any(t in words.past for t in tokens)
    found = []
    for tense, phrases in (("future", words.future), ("conditional", words.conditional), ("done", words.done)):
        if tense == "conditional" and told_past:
            continue  # "officials said it could": a past possibility, told right
        for index, phrase in phrase_positions(tokens, phrases):
            position = sentence.start + index
            if position in inside or (tense == "conditional" and not sentence.doc[position].is_lower):
                continue
            if tense == "future" and any(t in words.past for t in tokens[max(0, index - 2) : index]):
                continue  # "were slated to", "was expected to": the future in the past
            found.append((position, len(phrase.split()), tense, phrase))
    return found


CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})


def _distance(dated: DatedSentence, expression: Expression, position: int, length: int,
              strong: bool) -> int | None:
    """Tokens between a marker and the date, or None when a clause break stands between them
    (a comma is crossed only by a strong future marker after a date that opens the sentence:
    "By 2023, the bill will pass")."""
    doc = dated.sentence.doc
    if position >= expression.token_end:
        between = range(expression.token_end, position)
    else:
        between = range(position + length, expression.token_start)
    breaks = [doc[i].text for i in between if doc[i].text in CLAUSE_BREAKS]
    opening = expression.token_start - dated.sentence.start <= 2 and position > expression.token_start
    if breaks and not (strong and opening and breaks == [","]):
        return None
    return len(between)


def _the_sentence_date(dated: DatedSentence, expression: Expression, words: Vocabulary) -> bool:
    """False for a starting point or a comparison ("since 2019", "than in 2019") and for a date
    inside a quotation, which keeps the speaker's own time frame."""
    doc = dated.sentence.doc
    previous = [doc[i].lower_ for i in range(max(dated.sentence.start, expression.token_start - 2),
                                              expression.token_start)]
    if any(word in words.not_the_sentence_date_after for word in previous):
        return False
    before = dated.sentence.text[: max(0, expression.start - dated.sentence.start_char)]
    straight = before.count('"')
    return straight % 2 == 0 and before.count("“") <= before.count("”")


def _missing(document: Document, dates: ArticleDates) -> Iterator[Hit]:
    reference = dates.reference
    if reference.source != "article":
        return  # a publication date was found, or nothing could stand in for one
    if not any(e.needs_reference for dated in dates.sentences for e in dated.expressions):
        return  # no date in the text depends on it
    keys = document.context.front_matter_keys.date
    span = Span(0, 0)
    if reference.key is not None:
        key_span = document.front_matter.key_span(reference.key)
        span = key_span if key_span is not None else span
        written = document.front_matter.raw.get(reference.key)
        value = f" ('{written}')" if written else ""
        found = f"the front-matter '{reference.key}'{value} is not a date"
    else:
        found = f"no '{keys[0] if keys else 'date'}' in the front matter, nor a date in the file name"
    line = document.lines.line_of(reference.span.start)
    reason = (f"{found}, so relative dates were counted from {format_day(reference.date)}, the latest "
              f"date in the article (line {line}); give the date in the front matter, or with "
              "--reference-date for a draft")
    yield Hit(span, {"date": format_day(reference.date), "other": "", "reason": reason, "source": ""})
