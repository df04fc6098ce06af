"""Events for the `dates` kind, and the two checks that compare them: date-conflict and
date-timeline-order.

An event is a text with a date: a row of a timeline (a table with a date column), a dated list
item ("- Nov. 25: Storm makes landfall"), or a sentence holding one explicit day. A sentence with
a weekday or a relative date tells the same event as one of these when their content words
overlap enough (`overlap` and `min-shared` in the rule file); then both dates must agree.
Events are found once per document and shared by both checks.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ...findings import Hit, Span
from ...temporal.article import ArticleDates, DatedSentence
from ...temporal.expressions import Expression
from ...temporal.ranges import DateRange
from .words import apart, describe, reference_label, reference_name, stem, weekday_name, when

if TYPE_CHECKING:
    from ...temporal.expressions import Vocabulary
    from ...text.document import Document
    from ...text.nlp import Chunk

DATE_HEADER = re.compile(r"\b(?:dates?|when|day|year|time|period)\b", re.IGNORECASE)
LIST_SEPARATORS = (":", "–", "—", "-", "|")
MAX_TIMELINE = 500  # rows compared pairwise for order; no real timeline is longer
ORIGINS = {"timeline": "the timeline", "list": "the dated list item", "sentence": "the sentence"}


@dataclass(frozen=True)
class Event:
    days: DateRange
    expression: Expression
    chunk: Chunk
    """Where the date is written (a table cell, a list item, a paragraph)."""
    words: frozenset[str]
    origin: str
    """timeline (a table row), list (a dated list item) or sentence."""
    group: int | None = None
    """Events of one table or list share a group."""
    row: int | None = None
    sentence: tuple[int, int] | None = None
    """For an event told in a sentence: its token bounds in the chunk."""

    def span(self) -> Span:
        return self.chunk.source_span(self.expression.start, self.expression.end)


def events(document: Document, dates: ArticleDates, vocabulary: Vocabulary) -> tuple[Event, ...]:
    """The article's dated events (timeline rows, dated list items, sentences), found once."""
    return document.derived(("date-events", vocabulary), lambda: tuple(_find_events(document, dates, vocabulary)))


def _find_events(document: Document, dates: ArticleDates, vocabulary: Vocabulary) -> Iterator[Event]:
    expressions: dict[int, list[Expression]] = {}
    for dated in dates.sentences:
        expressions.setdefault(id(dated.chunk), []).extend(dated.expressions)
    stop = date_words(vocabulary)
    runs: list[tuple[str, list]] = []  # consecutive table cells, or consecutive list items
    for block in document.prose(()):
        if runs and runs[-1][0] == block.kind:
            runs[-1][1].append(block)
        else:
            runs.append((block.kind, [block]))
    # Only a dated block can make an event, but a timeline's undated cells tell what its rows
    # are about: spaCy sees the dated blocks (already analysed) and every cell of a table that
    # holds one. Other tables, and undated list items, never make an event.
    dated_blocks = {id(sentence.chunk.block) for sentence in dates.sentences}
    wanted = dated_blocks | {id(block) for kind, blocks in runs if kind == "table-cell"
                             and any(id(block) in dated_blocks for block in blocks) for block in blocks}
    chunks_of: dict[int, list[Chunk]] = {}
    for chunk in document.analysed((), wanted=lambda block: id(block) in wanted):
        chunks_of.setdefault(id(chunk.block), []).append(chunk)
    in_events: set[int] = set()
    for group, (kind, blocks) in enumerate(runs):
        chunks = [chunk for block in blocks for chunk in chunks_of.get(id(block), ())]
        if kind == "table-cell":
            found = list(_table_events(chunks, expressions, dates, stop, group))
        elif kind == "list-item":
            found = list(_list_events(chunks, expressions, dates, stop, group))
        else:
            continue
        for event in found:
            in_events.add(id(event.chunk))
            yield event
    for dated in dates.sentences:
        if id(dated.chunk) in in_events or dated.chunk.block.kind == "table-cell":
            continue
        days_given = [e for e in dated.explicit() if e.kind == "date"]
        if len(days_given) == 1 and len(dated.explicit()) == 1:
            days = dates.resolve(days_given[0])
            if days is not None:
                words = content_words(dated.sentence, stop, skip=dated.expressions)
                bounds = (dated.sentence.start, dated.sentence.end)
                yield Event(days, days_given[0], dated.chunk, words, "sentence", sentence=bounds)


def _table_events(cells: list[Chunk], expressions, dates: ArticleDates, stop, group: int) -> Iterator[Event]:
    rows: list[list[Chunk]] = []
    for cell in cells:
        if rows and rows[-1][0].block.row == cell.block.row:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    if len(rows) < 3:
        return  # a header and one row is no timeline
    header, body = rows[0], rows[1:]
    column = next((i for i, cell in enumerate(header) if DATE_HEADER.search(cell.doc.text)), None)
    if column is None:
        whole = [sum(1 for row in body if i < len(row) and _whole_date(row[i], expressions) is not None)
                 for i in range(max(len(row) for row in body))]
        best = max(range(len(whole)), key=lambda i: whole[i])
        column = best if whole[best] * 3 >= len(body) * 2 else None
    if column is None:
        return
    for row in body:
        if column >= len(row):
            continue
        expression = _whole_date(row[column], expressions)
        days = dates.resolve(expression) if expression is not None else None
        if days is None:
            continue
        words = frozenset().union(*(content_words(cell.doc, stop) for i, cell in enumerate(row) if i != column))
        yield Event(days, expression, row[column], words, "timeline", group, row[column].block.row)


def _whole_date(cell: Chunk, expressions) -> Expression | None:
    """The cell's explicit date when the cell holds nothing else (punctuation aside)."""
    for expression in expressions.get(id(cell), ()):
        if expression.explicit:
            rest = cell.doc.text[: expression.start] + cell.doc.text[expression.end :]
            return expression if not any(c.isalnum() for c in rest) else None
    return None


def _list_events(items: list[Chunk], expressions, dates: ArticleDates, stop, group: int) -> Iterator[Event]:
    for item in items:
        found = [e for e in expressions.get(id(item), ()) if e.start == 0]
        if not found or not found[0].explicit:
            continue
        expression = found[0]
        after = item.doc.text[expression.end :].lstrip()
        if not after.startswith(LIST_SEPARATORS):
            continue
        days = dates.resolve(expression)
        if days is not None:
            rest = item.doc[expression.token_end :]
            yield Event(days, expression, item, content_words(rest, stop), "list", group)


@functools.lru_cache(maxsize=8)
def date_words(vocabulary: Vocabulary) -> frozenset[str]:
    """Words that say when, not what: left out when comparing what two texts report."""
    words = {form.lower().rstrip(".") for form in (*vocabulary.months, *vocabulary.weekdays)}
    words |= {*vocabulary.days, *vocabulary.periods, *vocabulary.shifts, *vocabulary.times_of_day,
              *vocabulary.day_parts, *vocabulary.recent, "ago", "earlier", "later", "recent"}
    for phrase in (*vocabulary.year_parts, *vocabulary.month_parts):
        words.update(phrase.split())
    return frozenset(words)


def content_words(tokens, stop: frozenset[str], skip: tuple[Expression, ...] = ()) -> frozenset[str]:
    """The stems of the words that say what happened: no function words, numbers or date words."""
    skipped = {i for e in skip for i in range(e.token_start, e.token_end)}
    words = set()
    for token in tokens:
        text = token.lower_
        if token.i in skipped or token.is_stop or len(text) < 3 or text in stop:
            continue
        if any(c.isalpha() for c in text) and all(c.isalpha() or c in "-'’" for c in text):
            words.add(stem(text))
    return frozenset(words)


# --- date-conflict ----------------------------------------------------------------------------


def in_scope(dated: DatedSentence, scope: tuple[str, ...]) -> bool:
    return not scope or dated.chunk.block.kind in scope


def source_span(dated: DatedSentence, expression: Expression) -> Span:
    return dated.chunk.source_span(expression.start, expression.end)


def conflicts(document: Document, dates: ArticleDates, options, scope: tuple[str, ...]) -> Iterator[Hit]:
    found = events(document, dates, options.words)
    if not found:
        return
    stop = date_words(options.words)
    for dated in dates.sentences:
        relative = [e for e in dated.expressions if e.relative]
        if not relative or not in_scope(dated, scope):
            continue
        event = _same_event(dated, content_words(dated.sentence, stop, skip=dated.expressions), found, options)
        if event is None:
            continue
        for expression in relative:
            problem = _conflict(expression, event, dates)
            if problem is None:
                continue
            date, reason = problem
            line = document.lines.line_of(event.span().start)
            yield Hit(source_span(dated, expression),
                      {"date": date, "other": when(event.days, weekday=False), "reason": reason,
                       "source": f"{ORIGINS[event.origin]} on line {line}"})


def _same_event(dated: DatedSentence, words: frozenset[str], found: tuple[Event, ...], options) -> Event | None:
    """The event this sentence reports, if its words overlap one event's enough (the best one)."""
    best, best_score = None, (0.0, 0)
    for event in found:
        if event.chunk is dated.chunk and event.sentence in (None, (dated.sentence.start, dated.sentence.end)):
            continue  # the sentence is part of the event itself (a row, an item, the sentence)
        if event.row is not None and event.row == dated.chunk.block.row:
            continue
        shared = len(words & event.words)
        if shared < options.min_shared:
            continue
        score = (shared / min(len(words), len(event.words)), shared)
        if score[0] >= options.overlap and score > best_score:
            best, best_score = event, score
    return best


def _conflict(expression: Expression, event: Event, dates: ArticleDates) -> tuple[str, str] | None:
    """(when the expression puts the event, why that cannot be the event's date), or None."""
    reference = dates.reference
    resolved = dates.resolve(expression)
    said = when(resolved) if resolved else f"on a {weekday_name(expression.weekday)}"
    if reference.date is not None:
        said += f" (counting from {reference_label(reference)})"
    if expression.kind == "weekday":
        if event.days.precision != "day":
            return None
        day = event.days.start
        if day.weekday() != expression.weekday:
            return said, f"that day was a {weekday_name(day)}, not a {weekday_name(expression.weekday)}"
        if reference.date is None:
            return None
        # A weekday names a day of the week around the publication; "last Tuesday" may mean the
        # Tuesday of the week before, so it may reach back two weeks (and "next" forward).
        ahead = (day - reference.date).days
        near = {None: abs(ahead) <= 7, 0: abs(ahead) <= 7, -1: -14 <= ahead < 0, 1: 0 < ahead <= 14}
        if near[expression.shift]:
            return None
        side = "before" if ahead < 0 else "after"
        gap = apart(DateRange.day(day), DateRange.day(reference.date))
        return said, f"that day is {gap} {side} {reference_name(reference)}, too far for '{expression.text}'"
    if resolved is None or resolved.precision == "vague" or resolved.overlaps(event.days):
        return None
    return said, f"the two are {apart(resolved, event.days)} apart"


# --- date-timeline-order ----------------------------------------------------------------------


def disorder(document: Document, dates: ArticleDates, options, scope: tuple[str, ...]) -> Iterator[Hit]:
    timelines: dict[int, list[Event]] = {}
    for event in events(document, dates, options.words):
        if event.group is not None:
            timelines.setdefault(event.group, []).append(event)
    for items in timelines.values():
        items = items[:MAX_TIMELINE]
        if len(items) < options.min_items:
            continue
        if scope and items[0].chunk.block.kind not in scope:
            continue
        ascending = _chronology(items, _follows)
        descending = _chronology(items, lambda a, b: _follows(b, a))
        newest_first = len(descending) > len(ascending)
        kept = descending if newest_first else ascending
        out = [i for i in range(len(items)) if i not in kept]
        if not out or len(out) * 3 > len(items):
            continue  # in order, or not a chronology at all (a table sorted some other way)
        for i in out:
            yield _out_of_order(document, items, i, kept, newest_first)


def _follows(earlier: Event, later: Event) -> bool:
    """Whether `later` may stand after `earlier` in a timeline running oldest first."""
    return not later.days.end < earlier.days.start


def _chronology(items: list[Event], follows) -> set[int]:
    """The indices of the longest run of items, in place, each of which may follow the last."""
    length = [1] * len(items)
    previous = [-1] * len(items)
    for i in range(len(items)):
        for j in range(i):
            if follows(items[j], items[i]) and length[j] + 1 > length[i]:
                length[i], previous[i] = length[j] + 1, j
    i = max(range(len(items)), key=lambda k: (length[k], -k))
    chain = set()
    while i >= 0:
        chain.add(i)
        i = previous[i]
    return chain


def _out_of_order(document: Document, items: list[Event], i: int, kept: set[int], newest_first: bool) -> Hit:
    item = items[i]
    later = lambda a, b: a.days.start > b.days.end  # noqa: E731
    if newest_first:
        before = [j for j in sorted(kept) if j < i and later(item, items[j])]
        after = [j for j in sorted(kept) if j > i and later(items[j], item)]
    else:
        before = [j for j in sorted(kept) if j < i and later(items[j], item)]
        after = [j for j in sorted(kept) if j > i and later(item, items[j])]
    if before:
        other, where = items[before[-1]], "after"
    else:
        other, where = items[after[0] if after else min(kept)], "before"
    relation = "later" if (where == "after") != newest_first else "earlier"
    line = document.lines.line_of(other.span().start)
    order = "newest first" if newest_first else "oldest first"
    reason = (f"it comes {where} {describe(other.days, weekday=False)} (line {line}), which is {relation}, "
              f"in a timeline that runs {order}")
    return Hit(item.span(), {"date": describe(item.days, weekday=False), "other": describe(other.days, weekday=False),
                             "reason": reason,
                             "source": "the timeline"})
