"""Events for the `dates` kind, and date-conflict, which compares relative dates with them
(date-timeline-order, which compares events with each other, is in `order.py`).

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
from .words import apart, reference_label, reference_name, stem, weekday_name, when

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
    actions: frozenset[str] = frozenset()
    """The stems of its words that read as verbs or events ("launched", "flooding"), see
    `action_words`."""
    stems: frozenset[str] = frozenset()
    """The stems of all its words, date words included ("Dockworkers end their strike": "end")."""

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
    first_block = next(iter(document.body.blocks), None)
    for dated in dates.sentences:
        if id(dated.chunk) in in_events or dated.chunk.block.kind == "table-cell":
            continue
        days_given = [e for e in dated.explicit() if e.kind == "date"]
        if dated.chunk.block is first_block and any(_in_dateline(dated, e) for e in dated.expressions):
            continue  # the dateline dates the filing, not an event the sentence tells
        if len(days_given) == 1 and len(dated.explicit()) == 1:
            days = dates.resolve(days_given[0])
            if days is not None:
                words = content_words(dated.sentence, stop, skip=dated.expressions)
                bounds = (dated.sentence.start, dated.sentence.end)
                yield Event(days, days_given[0], dated.chunk, words, "sentence", sentence=bounds,
                            actions=action_words(dated.sentence, stop), stems=content_words(dated.sentence, frozenset()))


DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]")
DATELINE_REACH = 60
"""A dateline's date starts this near the top of the text ("KYIV, Ukraine, March 3 (AP) -")."""


def _in_dateline(dated: DatedSentence, expression: Expression) -> bool:
    """Whether `expression` is the date of a dateline: near the start of the article's first
    block, followed by an agency in brackets, perhaps, and a dash."""
    start = dated.chunk.base + expression.start
    text = dated.chunk.block.text
    return start <= DATELINE_REACH and DATELINE_END.match(text, dated.chunk.base + expression.end) is not None


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
        cells = [cell for i, cell in enumerate(row) if i != column]
        words = frozenset().union(*(content_words(cell.doc, stop) for cell in cells))
        actions = frozenset().union(*(action_words(cell.doc, stop) for cell in cells))
        stems = frozenset().union(*(content_words(cell.doc, frozenset()) for cell in cells))
        yield Event(days, expression, row[column], words, "timeline", group, row[column].block.row,
                    actions=actions, stems=stems)


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
            yield Event(days, expression, item, content_words(rest, stop), "list", group,
                        actions=action_words(rest, stop), stems=content_words(rest, frozenset()))


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


def action_words(tokens, stop: frozenset[str]) -> frozenset[str]:
    """The stems of the words that read as an action: a past or present participle ("launched",
    "killing", "flooding"), or a word right after a modal or "to" ("will start", "to host").
    Without a part-of-speech tagger these are the cheap signs of a verb or an event noun; a
    subject ("crews") or a place ("the port") is a topic, which two different events share as
    readily as one. Irregular past forms ("went", "struck") are missed: a miss, never a false
    alarm. Date words count here ("will start"): `stop` is kept for the signature's sake."""
    found = set()
    previous = ""
    for token in tokens:
        word = token.lower_
        if word.isalpha() and not token.is_stop and len(word) > 2 and (
                (len(word) > 4 and word.endswith(("ed", "ing"))) or previous in BEFORE_A_VERB):
            found.add(stem(word))
        previous = word
    return frozenset(found)


BEFORE_A_VERB = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must", "to",
                           "did", "does", "'ll", "’ll"})


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
    order = {id(block): index for index, block in enumerate(document.prose(()))}
    index = _EventIndex(found, order)
    for dated in dates.sentences:
        relative = [e for e in dated.expressions if e.relative and not _dates_the_report(dated, e)]
        if not relative or not in_scope(dated, scope):
            continue
        words = content_words(dated.sentence, stop, skip=dated.expressions)
        for expression in relative:
            clause = _clause_around(dated, expression)
            action = content_words(clause, stop, skip=dated.expressions), action_words(clause, stop)
            here = order.get(id(dated.chunk.block), 0)
            event = _same_event(dated, words, action, index.candidates(here, *action), options)
            if event is None:
                continue
            problem = _conflict(expression, event, dates)
            if problem is None:
                continue
            date, reason = problem
            line = document.lines.line_of(event.span().start)
            yield Hit(source_span(dated, expression),
                      {"date": date, "other": when(event.days, weekday=False), "reason": reason,
                       "source": f"{ORIGINS[event.origin]} on line {line}"})


SENTENCE_REACH = 1
"""A dated sentence is compared with relative dates in its own block or the next one: far
apart, two sentences rarely tell one event (on real sites every such pair was two events),
while a timeline or a dated list speaks for the whole article."""


class _EventIndex:
    """The events a relative date may tell, found by key, not by trying every event (which made
    a long article's cost grow with its square). Events told in sentences count only within
    SENTENCE_REACH blocks: filed by block. A timeline row or dated list item counts anywhere,
    but `_same_event` takes only an event sharing an action with the words around the date (a
    verb there among its stems, or one of its actions there): filed by stem and action.
    Candidates keep the article's order, so the first of equal scores still wins."""

    def __init__(self, found: tuple[Event, ...], order: dict[int, int]) -> None:
        self.found = found
        self.by_block: dict[int, list[int]] = {}
        self.by_stem: dict[str, list[int]] = {}
        self.by_action: dict[str, list[int]] = {}
        for number, event in enumerate(found):
            if event.origin == "sentence":
                block = order.get(id(event.chunk.block))
                if block is not None:  # a block outside the prose is never near
                    self.by_block.setdefault(block, []).append(number)
                continue
            for stem in event.stems:
                self.by_stem.setdefault(stem, []).append(number)
            for action in event.actions:
                self.by_action.setdefault(action, []).append(number)

    def candidates(self, here: int, near: frozenset[str], verbs: frozenset[str]) -> list[Event]:
        numbers: set[int] = set()
        for block in range(here - SENTENCE_REACH, here + SENTENCE_REACH + 1):
            numbers.update(self.by_block.get(block, ()))
        for verb in verbs:
            numbers.update(self.by_stem.get(verb, ()))
        for word in near:
            numbers.update(self.by_action.get(word, ()))
        return [self.found[number] for number in sorted(numbers)]


ACTION_REACH = 10
"""How many words either side of a relative date, within its clause, tell what it dates."""


def _clause_around(dated: DatedSentence, expression: Expression):
    """The words around a relative date, up to ACTION_REACH either side, not past a clause break:
    what happened then ("the strikes launched early Tuesday morning targeted ...")."""
    doc, sentence = dated.sentence.doc, dated.sentence
    start = expression.token_start
    while start > sentence.start and expression.token_start - start < ACTION_REACH \
            and doc[start - 1].text not in CLAUSE_BREAKS:
        start -= 1
    end = expression.token_end
    while end < sentence.end and end - expression.token_end < ACTION_REACH and doc[end].text not in CLAUSE_BREAKS:
        end += 1
    return doc[start:end]


def _dates_the_report(dated: DatedSentence, expression: Expression) -> bool:
    """Whether the date belongs to a reporting verb ("officials said on Friday", "told reporters
    Friday"): it dates when something was said, not the event the sentence reports."""
    doc = dated.sentence.doc
    index = expression.token_start - 1
    if index >= dated.sentence.start and doc[index].lower_ in ("on", "late", "early"):
        index -= 1
    return index >= dated.sentence.start and doc[index].lower_ in REPORTING


REPORTING = frozenset({"said", "says", "told", "stated", "announced", "reported", "wrote", "added", "noted",
                       "claimed", "confirmed", "tweeted", "posted"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "and", "but"})


def _same_event(dated: DatedSentence, words: frozenset[str], action: tuple[frozenset[str], frozenset[str]],
                found: list[Event], options) -> Event | None:
    """The event a relative date in this sentence dates: one that shares an action with the
    words around the date (a verb there that the event names: "launched" and "launches",
    "ended" and "end"; or an event's participle there: "Flooding begins" and "the flooding
    started"; the same action, not only the same topic), and overlaps the sentence's words
    enough, or the words around the date alone enough (the best one)."""
    near, verbs = action
    best, best_score = None, (0.0, 0)
    for event in found:
        if event.chunk is dated.chunk and event.sentence in (None, (dated.sentence.start, dated.sentence.end)):
            continue  # the sentence is part of the event itself (a row, an item, the sentence)
        if event.row is not None and event.row == dated.chunk.block.row:
            continue
        shared_near = near & event.words
        if not (verbs & event.stems or event.actions & near):
            continue  # no action in common: at most the same topic
        acted = len(shared_near | (verbs & event.stems))
        shared = len(words & event.words)
        score = (shared / min(len(words), len(event.words)), shared)
        # A timeline row or dated item is short ("Flooding begins"): the words around the date
        # may match it alone. A dated sentence says much else, so it needs the whole overlap.
        close = event.origin != "sentence" and acted / len(event.words) >= options.overlap
        if (shared >= options.min_shared and score[0] >= options.overlap or close) and score > best_score:
            best, best_score = event, score
    return best


def _conflict(expression: Expression, event: Event, dates: ArticleDates) -> tuple[str, str] | None:
    """(when the expression puts the event, why that cannot be the event's date), or None."""
    reference = dates.reference
    resolved = dates.resolve(expression)
    if resolved is None and expression.kind != "weekday":
        return None  # counted from no date: nothing to compare (a weekday is still a weekday)
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
