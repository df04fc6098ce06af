"""The one reference date of an article: the day its relative dates count from.

Every rule that needs "when was this written" asks here, so the date rules, the title rules and
the casualty rule can never disagree. In order: the front matter's date keys (configurable),
a date in the file's path (Jekyll's `2024-01-17-slug.md`, Hugo's `2024/01/17/`), the configured
`reference-date` (for undated drafts), and last, for the date rules only, the latest explicit
date in the text. Never today's date: an undated article is judged against nothing.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..findings import Span
from .expressions import Vocabulary
from .ranges import resolve

if TYPE_CHECKING:
    from ..text.document import Document


@dataclass(frozen=True)
class Reference:
    """The date relative expressions count from, and where it came from.

    `source` is "front-matter", "file-name", "configured" (--reference-date or config, for a
    draft that gives no date of its own), "article" (the latest explicit date in the text: no
    publication date was found) or "none".
    """

    date: dt.date | None
    source: str
    key: str | None = None
    """The front-matter key the date came from, or the date key whose value was unusable."""
    span: Span | None = None
    """With source "article": where the date that stands in is written."""


_WRITTEN_ISO = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/_](\d\d)[-/_](\d\d)(?!\d)")


def publication_date(document: Document, vocabulary: Vocabulary | None) -> Reference:
    """The article's own date, with no text analysis: its front matter, else a date in its path,
    else the configured reference date (for drafts), else source "none".

    The front matter wins over the configured date: `--reference-date` is for undated drafts,
    and an article that says when it was published is judged as of that day.
    """
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
    if document.context.reference_date is not None:
        return Reference(document.context.reference_date, "configured", unusable)
    return Reference(None, "none", unusable)


def reference_date(document: Document, vocabulary: Vocabulary, sentences) -> Reference:
    """The date relative expressions count from: the publication date, else the latest explicit
    date among the article's dated `sentences` (for an undated text that gives none)."""
    published = publication_date(document, vocabulary)
    if published.date is not None:
        return published
    latest = None
    for dated in sentences:
        for expression in dated.expressions:
            if expression.kind == "date" and expression.year is not None:
                days = resolve(expression, None)
                if days is not None and (latest is None or days.start > latest[0]):
                    latest = (days.start, dated.chunk.source_span(expression.start, expression.end))
    if latest is not None:
        return Reference(latest[0], "article", published.key, latest[1])
    return published


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
    except ValueError:
        return None
