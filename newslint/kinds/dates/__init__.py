"""dates: dates that cannot be right. One kind, five checks, chosen by the rule's `check` option:

- weekday-mismatch: a weekday written with a date it does not fit ("Friday, March 4, 2023").
- conflict: a weekday or relative date in a sentence against the date a timeline row, a dated
  list item or another sentence gives the same event (`date_events`).
- timeline-order: a timeline (a table with a date column, a list of dated items) out of order.
- tense: a date before the reference date told as future or possible, or one after it told as done.
- missing: no publication date where sites keep one, so relative dates were not checked.

The checks share one analysis per document (`temporal.article_dates`: expressions found and the
reference date worked out once), so five rules cost one pass. One kind rather than five keeps
that sharing and the vocabulary option in one place; the rules differ only in `check`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator, Literal

from ...temporal.expressions import Vocabulary, load_vocabulary
from ...text.document import Document
from ...findings import Hit, Span
from ...schema import DataFile
from ...temporal.article import ArticleDates, DatedSentence, article_dates
from ...temporal.expressions import Expression
from . import events as date_events
from . import order as date_order
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
    grace: int = 7
    """tense: how many days a date may lie on the wrong side of the publication date before it
    counts: a text is often written days before it is published ("will land by the end of
    July" in an update of August 3)."""
    words: Vocabulary = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 0 < self.overlap <= 1:
            raise ValueError("'overlap' must be more than 0 and at most 1")
        if self.min_shared < 1 or self.min_items < 2 or self.window < 1 or self.grace < 0:
            raise ValueError("'min-shared' and 'window' must be at least 1, 'min-items' at least 2, "
                             "'grace' at least 0")
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
        yield from date_order.disorder(document, dates, options, rule.scope)


def _weekday_mismatch(dates: ArticleDates, scope: tuple[str, ...]) -> Iterator[Hit]:
    reference = dates.reference.date
    earlier: set[int] = set()  # the explicit years of the sentences before this one
    for dated in dates.sentences:
        if not in_scope(dated, scope):
            earlier.update(_explicit_years(dated))
            continue
        for expression in dated.expressions:
            if expression.kind != "date" or expression.weekday is None:
                continue
            days = dates.resolve(expression)
            if days is None or days.start.weekday() == expression.weekday:
                continue
            day = days.start
            if expression.year is None and expression.context_year is None and \
                    _fits_a_year_nearby(earlier, dated, expression):
                continue  # the year was only inferred, and one the paragraph names fits
            if expression.year is None:
                reason = (f"{format_day(day)} (the year taken from {reference_label(dates.reference)}) "
                          f"is a {weekday_name(day)}, not a {weekday_name(expression.weekday)}")
            else:
                verb = "is" if reference is None or day >= reference else "was"  # no date: tense unknown
                reason = f"{format_day(day)} {verb} a {weekday_name(day)}, not a {weekday_name(expression.weekday)}"
            yield Hit(source_span(dated, expression),
                      {"date": format_day(day), "other": weekday_name(day), "reason": reason, "source": ""})
        earlier.update(_explicit_years(dated))


def _explicit_years(dated: DatedSentence) -> Iterator[int]:
    return (e.year for e in dated.expressions if e.explicit and e.year is not None)


def _fits_a_year_nearby(earlier: set[int], dated: DatedSentence, expression: Expression) -> bool:
    """Whether the weekday fits the month and day in a year the article names before it (in its
    block or earlier): "disappeared on February 23, 2018 ... found on Monday, March 26" is 2018's
    March 26, a Monday. A reader takes a year left out from the text's own time. `earlier` holds
    the years of the sentences before this one, gathered as the caller walks them (walking them
    again for every weekday made a long article quadratic)."""
    years = earlier | {e.year for e in dated.expressions if e.explicit and e.year is not None
                       and e.start < expression.start}
    for year in years:
        try:
            if dt.date(year, expression.month, expression.day).weekday() == expression.weekday:
                return True
        except ValueError:
            continue
    return False


def _tense(dates: ArticleDates, scope: tuple[str, ...], options: Options) -> Iterator[Hit]:
    window = dates.reference.window
    if window is None:
        return  # no publication date: past and future are not known
    words = options.words
    for dated in dates.sentences:
        if not in_scope(dated, scope):
            continue
        candidates = [(e, days) for e in dated.explicit() if _the_sentence_date(dated, e, words)
                      and (days := dates.resolve(e)) is not None]
        if not candidates:
            continue
        markers = _tense_markers(dated, words)
        grace = dt.timedelta(days=options.grace)
        if all(days.end < window.start - grace for _, days in candidates):
            found = [m for m in markers if m[2] in ("future", "conditional")]
            side, telling = "before", "still to come or only possible"
        elif all(days.start > window.end + grace for _, days in candidates) and \
                not any(m[2] in ("future", "conditional") for m in markers):
            found = [m for m in markers if m[2] == "done"]
            side, telling = "after", "already done"
        else:
            continue
        near = [(distance, e, days, phrase) for position, length, tense, phrase in found for e, days in candidates
                if (distance := _distance(dated, e, position, length, tense == "future", words)) is not None
                and distance <= options.window]
        if not near:
            continue
        _, expression, days, phrase = min(near, key=lambda item: item[0])
        reason = (f"{side} {reference_label(dates.reference)}, but the sentence tells it as "
                  f"{telling} ('{phrase}')")
        yield Hit(source_span(dated, expression),
                  {"date": describe(days), "other": describe(window, weekday=False), "reason": reason, "source": ""})


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


CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "and", "but", "while", "whereas"})
"""Between a tense marker and a date, these start another clause: "held a meeting on Oct 23 and
she will update the RFC" does not tell Oct 23 as still to come."""


def _past_form(word: str, words: Vocabulary) -> bool:
    """A past-tense verb, by the vocabulary's list or by its ending ("released", "announced")."""
    return word in words.past or (len(word) > 4 and word.isalpha() and word.endswith("ed"))


def _distance(dated: DatedSentence, expression: Expression, position: int, length: int,
              strong: bool, words: Vocabulary) -> int | None:
    """Tokens between a marker and the date, or None when a clause break stands between them
    (a comma is crossed only by a strong future marker after a date that opens the sentence:
    "By 2023, the bill will pass")."""
    doc = dated.sentence.doc
    if position >= expression.token_end:
        between = range(expression.token_end, position)
    else:
        between = range(position + length, expression.token_start)
    breaks = [doc[i].lower_ for i in between if doc[i].lower_ in CLAUSE_BREAKS]
    opening = expression.token_start - dated.sentence.start <= 2 and position > expression.token_start
    # "In May, the agency released its plan to ...": a verb told in the past between the
    # opening date and the marker makes the date that verb's, not the marker's.
    told_past = any(_past_form(doc[i].lower_, words) for i in between)
    if breaks and not (strong and opening and breaks == [","] and not told_past):
        return None
    return len(between)


LOOK_BACK = 4
"""How many words before a date a starting point or comparison word ("since", "after") may stand
and still make the date not the sentence's own."""


def _the_sentence_date(dated: DatedSentence, expression: Expression, words: Vocabulary) -> bool:
    """False for a starting point or a comparison ("since 2019", "than in 2019", "after strong
    growth in 1986", "from its acquisition in late December"), and for a date inside a
    quotation, which keeps the speaker's own time frame."""
    doc = dated.sentence.doc
    other_dates = {i for e in dated.expressions if e is not expression for i in range(e.token_start, e.token_end)}
    index = expression.token_start - 1
    while index >= max(dated.sentence.start, expression.token_start - LOOK_BACK):
        word = doc[index].lower_
        if word in CLAUSE_BREAKS or index in other_dates:
            break  # "from July 30 to October 16, 2021": the "from" is the other date's
        if word in words.not_the_sentence_date_after:
            return False
        index -= 1
    before = dated.sentence.text[: max(0, expression.start - dated.sentence.start_char)]
    straight = before.count('"')
    return straight % 2 == 0 and before.count("“") <= before.count("”")


def _missing(document: Document, dates: ArticleDates) -> Iterator[Hit]:
    """Once per article: no publication date was found where sites keep one, and some date in
    the text needs it, so the checks of relative dates were skipped."""
    reference = dates.reference
    if reference.date is not None:
        return
    if not any(e.needs_reference and e.context_year is None for dated in dates.sentences for e in dated.expressions):
        return  # no date in the text depends on it
    keys = document.context.front_matter_keys
    span = Span(0, 0)
    elsewhere = "its path and URL keys, the file's path or a dateline"
    if reference.key is not None:
        key_span = document.front_matter.key_span(reference.key)
        span = key_span if key_span is not None else span
        written = document.front_matter.raw.get(reference.key)
        value = f" ('{written}')" if written else ""
        found = f"the front-matter '{reference.key}'{value} is not a date, and none is in {elsewhere}"
    else:
        found = f"none in the front matter ({_quoted(keys.date)}), {elsewhere}"
    reason = (f"{found}, so relative dates ('Tuesday', 'last week', a day with no year) were not checked; "
              "give a date, or name your site's date key or path pattern in .newslint.yaml "
              "(front-matter.date, date-path)")
    yield Hit(span, {"date": "", "other": "", "reason": reason, "source": ""})


def _quoted(keys: tuple[str, ...]) -> str:
    names = [f"'{key}'" for key in keys]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
