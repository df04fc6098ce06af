"""date-timeline-order: a timeline (a table with a date column, a list of dated items) whose
rows are out of chronological order, found as the rows outside the longest chronological run."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...findings import Hit
from ...temporal.article import ArticleDates
from .events import MAX_TIMELINE, Event, events
from .words import describe

if TYPE_CHECKING:
    from ...text.document import Document


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
