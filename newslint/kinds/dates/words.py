"""Words for the `dates` kind: dates as messages write them, tense markers, and the normalised
content words that tell whether two texts report the same event.

Content words are compared without a lemmatizer: `spacy.blank("en")` has none, and
spacy-lookups-data (about 100 MB) would buy little here, since a light suffix stemmer already
brings "launch", "launches", "launched" and "launching" to one form. Irregular forms
("struck", "children") stay apart, which can only make two texts look less alike: the safe side.
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterable

from ...temporal.ranges import DateRange, month_range
from ...temporal.reference import Reference


def weekday_name(day: dt.date | int) -> str:
    return calendar.day_name[day if isinstance(day, int) else day.weekday()]


def format_day(day: dt.date, weekday: bool = False) -> str:
    text = f"{calendar.month_name[day.month]} {day.day}, {day.year}"
    return f"{weekday_name(day)}, {text}" if weekday else text


def describe(days: DateRange, weekday: bool = True) -> str:
    """A range as an editor would write it: "Tuesday, January 16, 2024", "January 8–14, 2024",
    "September 2023", "September–December 2023", "2023"."""
    start, end = days.start, days.end
    if start == end:
        return format_day(start, weekday)
    whole_months = start.day == 1 and end == month_range(end.year, end.month).end
    if whole_months and start.year == end.year:
        if (start.month, end.month) == (1, 12):
            return str(start.year)
        if start.month == end.month:
            return f"{calendar.month_name[start.month]} {start.year}"
        return f"{calendar.month_name[start.month]}–{calendar.month_name[end.month]} {start.year}"
    if start.year == end.year and start.month == end.month:
        return f"{calendar.month_name[start.month]} {start.day}–{end.day}, {start.year}"
    return f"{format_day(start)} to {format_day(end)}"


def when(days: DateRange, weekday: bool = True) -> str:
    """A range with its preposition: "on Tuesday, January 16, 2024", "in December 2023",
    "in September–December 2023", "between January 8 and 14, 2024"."""
    start, end = days.start, days.end
    if start == end:
        return f"on {format_day(start, weekday)}"
    if start.day == 1 and end == month_range(end.year, end.month).end and start.year == end.year:
        return f"in {describe(days)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"between {calendar.month_name[start.month]} {start.day} and {end.day}, {end.year}"
    return f"between {format_day(start)} and {format_day(end)}"


def reference_label(reference: Reference) -> str:
    """Where the date relative expressions count from came from, for messages."""
    day = format_day(reference.date) if reference.precision == "day" else \
        f"{calendar.month_name[reference.date.month]} {reference.date.year}"
    return {
        "configured": f"the reference date, {day}",
        "front-matter": f"the publication date, {day}",
        "front-matter-path": f"the publication date in the front-matter '{reference.key}', {day}",
        "file-name": f"the publication date in the file's path, {day}",
        "dateline": f"the publication date in the dateline, {day}",
        "article": f"{day}, the latest date in the article",
    }[reference.source]


def reference_name(reference: Reference) -> str:
    """The short name of where the reference date came from, once the date itself is given."""
    return "the latest date in the article" if reference.source == "article" else (
        "the reference date" if reference.source == "configured" else "the publication date")


def apart(first: DateRange, second: DateRange) -> str:
    """How far apart two ranges are, roughly: "a year", "4 months", "6 days"."""
    days = first.gap_days(second)
    if days >= 330:
        years = round(days / 365.25) or 1
        return "a year" if years == 1 else f"{years} years"
    if days >= 28:
        months = round(days / 30.44) or 1
        return "a month" if months == 1 else f"{months} months"
    return "a day" if days == 1 else f"{days} days"


def phrase_positions(words: list[str], phrases: Iterable[str]) -> list[tuple[int, str]]:
    """(index, phrase) for every phrase (lowercase words, space-separated) found in `words`."""
    split = [(phrase, phrase.split()) for phrase in phrases]
    found = []
    for index, word in enumerate(words):
        for phrase, parts in split:
            if parts[0] == word and words[index : index + len(parts)] == parts:
                found.append((index, phrase))
    return found


def stem(word: str) -> str:
    """A light suffix stemmer: launches/launched/launching -> launch, strikes/strike -> strik."""
    if len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"
    elif word.endswith(("sses", "ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # stopped -> stopp -> stop
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # strike and striking meet at "strik"
    return word
