"""Date ranges, and the resolution of a date expression to the days it names.

Each expression resolves to an inclusive `DateRange` against a reference date (the article's
publication date): "last Tuesday", "Dec. 29" and "two weeks ago" mean nothing without one.
Nothing here finds expressions in text (`expressions.py`) or decides what is wrong (the kinds).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .expressions import Expression

# A bare weekday names a day within the week before the reference date (AP usage); a month and
# day without a year take the reference year unless that puts them more than half a year away
# ("Dec. 29" in an article of Jan. 5), where the nearer year is what any reader understands.
NEAREST_YEAR_AFTER_DAYS = 183
TENSE_OVERRIDES_AFTER_DAYS = 31
"""A day without a year that the nearest reading puts more than this many days on the wrong
side of the publication date for its tense ("will take place on November 20" in May) is read
on the tense's side; nearer than that, it keeps the nearest reading, which date-tense may flag."""
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


def infer_year(month: int, day: int, reference: dt.date, told: int = 0) -> int | None:
    """The year of a month and day written without one, or None when no year has that day.

    The reference year (AP writes dates of the current year without it), unless that is more
    than half a year from the reference and the day falls nearer in the year before or after;
    and a sentence told as still to come (`told` 1) or as done (-1) reads it on that side when
    the nearest reading is well on the other (TENSE_OVERRIDES_AFTER_DAYS).
    """
    nearest = _nearest_year(month, day, reference)
    if nearest is None or not told:
        return nearest
    gap = (dt.date(nearest, month, day) - reference).days
    if gap * told >= -TENSE_OVERRIDES_AFTER_DAYS:
        return nearest
    other = nearest + told
    try:
        dt.date(other, month, day)
    except ValueError:
        return nearest
    return other


def _nearest_year(month: int, day: int, reference: dt.date) -> int | None:
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
            year = e.year if e.year is not None else e.context_year if e.context_year is not None else (
                infer_year(e.month, e.day, reference, e.told) if reference else None)
            return DateRange.day(dt.date(year, e.month, e.day)) if year is not None else None
        if e.kind == "month":
            return month_range(e.year, e.month)
        if e.kind == "year":
            return DateRange(dt.date(e.year, 1, 1), dt.date(e.year, 12, 31), "year")
        if e.kind == "part":
            return _part(e, reference)
        if reference is None:
            return None
        return _relative(e, reference, forward or e.told > 0)
    except ValueError:
        return None


def _part(e: Expression, reference: dt.date | None) -> DateRange | None:
    first, last = e.bounds
    if e.month is None:
        return DateRange(dt.date(e.year, first, 1), month_range(e.year, last).end, "part")
    year = e.year if e.year is not None else e.context_year
    if year is None:
        if reference is None:
            return None
        year = infer_year(e.month, 15, reference, e.told)
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
        if forward:  # "this Tuesday" told as still to come: the coming one
            return DateRange.day(reference + ((e.weekday - reference.weekday()) % 7) * day)
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
