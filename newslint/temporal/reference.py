"""The one reference date of an article: the day its relative dates count from.

Every rule that needs "when was this written" asks here, so the date rules, the title rules and
the casualty rule can never disagree. Sites keep the publication date in many places; they are
tried in this order, and the first that gives a date wins:

1. the front matter's date keys (`front-matter.date` in the config: `date`, `publishDate`,
   `pubDate`, `published`, `created` by default);
2. a date written in a front-matter path or URL (`front-matter.date-in`: `path`, `url`,
   `permalink`, `slug`, `aliases`), as Zola and Hugo sites give `path = "2024/07/25/slug"`;
3. the file's own path: the config's `date-path` patterns, then a whole date in it (Jekyll's
   `_posts/2024-07-25-slug.md`, `content/2024/07/25/slug.md`), then a year and month folder
   (`content/2024/07/slug.md`, which gives the month only);
4. a dateline opening the body ("WASHINGTON, March 3, 2023 (Reuters) -", "1 October 2013 -");
5. the configured `reference-date` (or --reference-date), for undated drafts.

With none of these the article has no reference date: relative dates are not resolved, and no
rule judges the article against today's date or guesses one from its text. (The latest date the
text gives is offered apart, as `latest_in_text`, for a rule that can judge a text as of its own
time; the date rules never count from it.)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from ..findings import Span
from .expressions import Vocabulary
from .ranges import DateRange, month_range, resolve

if TYPE_CHECKING:
    from ..text.document import Document

SOURCES = ("front-matter", "front-matter-path", "file-name", "dateline", "configured")


@dataclass(frozen=True)
class Reference:
    """The date relative expressions count from, and where it came from.

    `source` is one of SOURCES, or "none" when nothing gave a date (then `date` is None), or
    "article" for `latest_in_text` (the latest explicit day the text gives).
    `precision` is "day", or "month" when only the year and month are known (a `2024/07/`
    folder): the month's days are all possible, so nothing that needs the day is resolved.
    """

    date: dt.date | None
    source: str
    key: str | None = None
    """The front-matter key the date came from, or the date key whose value was unusable."""
    span: Span | None = None
    """Where the date is written in the article, when it is written in the text."""
    precision: str = "day"

    @property
    def window(self) -> DateRange | None:
        """The days the reference may be: one day, or a whole month."""
        if self.date is None:
            return None
        if self.precision == "month":
            return month_range(self.date.year, self.date.month)
        return DateRange.day(self.date)


_WRITTEN_ISO = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/_](0[1-9]|1[0-2])[-/_](0[1-9]|[12]\d|3[01])(?!\d)")
_PATH_MONTH = re.compile(r"(?<![\w-])((?:19|20)\d\d)/(0[1-9]|1[0-2])/")
"""A year folder holding a month folder: `content/2024/07/slug.md` (the day is not known)."""
_DATELINE_LEAD = (r"(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{0,30}?)?,?\s+"
                  r"|[A-Z][\w.'’ -]{0,40}?(?:,\s*[A-Z][\w.'’ -]{0,30}?)?,\s+)?")
"""A place before the date, in capitals ("WASHINGTON ", "KYIV, Ukraine, ") or followed by a
comma ("Kyiv, Ukraine, "); optional. "Talks began March 3, 2023 - ..." has none."""
_DATELINE_TAIL = r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—:]"
"""An agency and the dash that ends a dateline: " (Reuters) -", " —", ":"."""


def publication_date(document: Document, vocabulary: Vocabulary | None) -> Reference:
    """The article's own date, from the sources in the module's order, with no text analysis.

    The article's date wins over the configured one: `--reference-date` is for undated drafts,
    and an article that says when it was published is judged as of that day.
    """
    keys = document.context.front_matter_keys
    unusable = None
    for key in keys.date:
        value = document.front_matter.get(key)
        if value is None:
            continue
        day = _written_date(document.front_matter.raw.get(key), value, vocabulary)
        if day is not None:
            return Reference(day, "front-matter", key)
        unusable = unusable or key
    for key in keys.date_in:
        for text in _texts(document.front_matter.get(key)):
            day = _path_date(text)
            if day is not None:
                return Reference(day, "front-matter-path", key)
    path = document.path.replace("\\", "/")
    for pattern in document.context.date_path_patterns:
        match = pattern.search(path)
        if match:
            found = _from_groups(match)
            if found is not None:
                return Reference(found[0], "file-name", unusable, precision=found[1])
    day = _path_date(path)
    if day is not None:
        return Reference(day, "file-name", unusable)
    month = _PATH_MONTH.search(path)
    if month:
        return Reference(dt.date(int(month.group(1)), int(month.group(2)), 1), "file-name", unusable,
                         precision="month")
    if vocabulary is not None:
        dateline = _dateline(document, vocabulary)
        if dateline is not None:
            return dateline
    if document.context.reference_date is not None:
        return Reference(document.context.reference_date, "configured", unusable)
    return Reference(None, "none", unusable)


def latest_in_text(sentences: Iterable) -> Reference | None:
    """The latest whole date (day, month and year) the article's dated sentences give, or None.

    Not a publication date: a text names deadlines and plans as readily as its own day. It is
    for a rule that may judge a text "as of its own time" when nothing better is known.
    """
    latest = None
    for dated in sentences:
        for expression in dated.expressions:
            if expression.kind == "date" and expression.year is not None:
                days = resolve(expression, None)
                if days is not None and (latest is None or days.start > latest[0]):
                    latest = (days.start, dated.chunk.source_span(expression.start, expression.end))
    return Reference(latest[0], "article", None, latest[1]) if latest is not None else None


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [item for item in value if isinstance(item, str)]
    return []


def _path_date(text: str) -> dt.date | None:
    for match in _PATH_DATE.finditer(text):
        day = _date(*match.groups())
        if day is not None:
            return day
    return None


def _from_groups(match: re.Match) -> tuple[dt.date, str] | None:
    """A date from a `date-path` pattern's named groups: year and month, and day if it has one."""
    groups = match.groupdict()
    day = groups.get("day")
    found = _date(groups["year"], groups["month"], day or 1)
    if found is None:
        return None
    return found, "day" if day else "month"


def _dateline(document: Document, vocabulary: Vocabulary) -> Reference | None:
    """A date with its year at the very start of the body, ended by a dash or colon."""
    block = next(iter(document.body.blocks), None)
    if block is None or block.kind not in ("paragraph", "heading"):
        return None
    months = "|".join(re.escape(form) for form in sorted(vocabulary.months, key=len, reverse=True))
    for form in (rf"(?P<month>{months})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
                 rf"(?P<day>\d{{1,2}})\s+(?P<month>{months})\s+(?P<year>\d{{4}})",
                 r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)"):
        match = re.match(_DATELINE_LEAD + form + _DATELINE_TAIL, block.text[:120])
        if match:
            month = match.group("month")
            number = vocabulary.months.get(month) if not month.isdigit() else int(month)
            day = _date(match.group("year"), number, match.group("day")) if number else None
            if day is not None:
                start = match.start("month") if form.startswith("(?P<month>") else match.start("day")
                if form.startswith("(?P<year>"):
                    start = match.start("year")
                return Reference(day, "dateline", None, block.source_span(start, match.end("year")))
    return None


def _written_date(raw: str | None, value, vocabulary: Vocabulary | None) -> dt.date | None:
    """The calendar date as written: "2024-01-09 14:33:00 -0500" is January 9 wherever UTC is."""
    text = raw if raw is not None else (value if isinstance(value, str) else None)
    if text:
        match = _WRITTEN_ISO.match(text)
        if match:
            return _date(*match.groups())
    if text and vocabulary is not None:
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
    except (TypeError, ValueError):
        return None
