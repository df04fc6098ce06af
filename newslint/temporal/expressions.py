"""Finding dates in prose: the words of dates (months, weekdays, relative words, tense markers,
read from a rule pack's `data/dates.yaml`), and the reading of each match of the spaCy Matcher
patterns built from them (`matcher.py`) into an `Expression`. What an expression means in days is
`newslint.temporal`'s business.

Loading checks the file strictly, so a typo is an error when the rules load, never a rule that
silently matches nothing. The Matcher is built on first use, since importing spaCy is costly.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping


from ..patterns.anchors import TextAnchors
from .matcher import NUMBER_WORDS, bare_weekdays, build_patterns, whole_forms
from ..yamlfile import read_yaml_file

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

DAY_PATTERN = r"^(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$"
YEAR_PATTERN = r"^(?:1[89]\d\d|2[01]\d\d)$"
WINDOW = 7
"""No pattern reaches further than this many tokens from its date-like word."""
@dataclass(frozen=True, eq=False)
class Vocabulary:
    month_names: tuple[str, ...]
    months: Mapping[str, int]
    """Each form as written ("Jan.", "January") -> 1..12."""
    weekday_names: tuple[str, ...]
    weekdays: Mapping[str, int]
    """Each form as written -> 0 (Monday)..6."""
    days: Mapping[str, int]
    periods: Mapping[str, str]
    shifts: Mapping[str, int]
    year_parts: Mapping[str, tuple[int, int]]
    month_parts: Mapping[str, tuple[int, int]]
    day_parts: frozenset[str]
    times_of_day: frozenset[str]
    recent: frozenset[str]
    recent_periods: frozenset[str]
    year_prepositions: frozenset[str]
    not_a_date_before: frozenset[str]
    future: tuple[str, ...]
    conditional: frozenset[str]
    past: frozenset[str]
    done: tuple[str, ...]
    not_the_sentence_date_after: frozenset[str]
    _matcher: list = field(default_factory=list, repr=False)

    def matcher(self):
        """The spaCy Matcher for these words, built on first use (spaCy loads only when needed)."""
        if not self._matcher:
            from ..text.nlp import pipeline

            vocab = pipeline().vocab  # before any `spacy` import: it imports spaCy the lighter way
            from spacy.matcher import Matcher

            matcher = Matcher(vocab, validate=True)
            for label, patterns in build_patterns(self, pipeline().tokenizer).items():
                matcher.add(label, patterns)
            self._matcher.append(matcher)
        return self._matcher[0]

    @functools.cached_property
    def expression_anchors(self) -> TextAnchors:
        """The words some pattern needs all of (token_anchors.py): a text holding none of the
        sets cannot hold an expression. Built without spaCy, so weekday forms are taken whole;
        the patterns for the forms spaCy cuts in two ("Wed." -> "We", "d.") hold every anchor
        of the same pattern without the weekday, so the test stays a superset (tests check it)."""
        patterns = build_patterns(self, whole_forms)
        return TextAnchors.of(pattern for label in patterns.values() for pattern in label)

    @functools.cached_property
    def prefilter(self) -> re.Pattern:
        """Text without a match here holds no expression, so the Matcher need not run on it:
        every pattern needs a month, a weekday, a year-like number or one of these words."""
        words = sorted({*self.months, *self.weekdays}, key=len, reverse=True)
        lower = sorted({*self.days, *self.periods, *self.recent}, key=len, reverse=True)
        return re.compile(r"\b(?:1[89]|2[01])\d\d\b|\b(?:" + "|".join(map(re.escape, words)) + r")|\b(?i:"
                          + "|".join(map(re.escape, lower)) + r")\b")


@functools.lru_cache(maxsize=8)
def load_vocabulary(path: str) -> Vocabulary:
    """Read and check a dates vocabulary file; a problem is a ConfigError at its line."""
    doc = read_yaml_file(Path(path))
    raw = doc.data
    if not isinstance(raw, dict):
        raise doc.error("a dates vocabulary must be a mapping")
    known = {f.name.replace("_", "-") for f in Vocabulary.__dataclass_fields__.values()
             if not f.name.startswith("_") and f.name not in ("month_names", "weekday_names")}
    known |= {"months", "weekdays"}
    for key in raw:
        if key not in known:
            raise doc.error(f"unknown key {key!r} (known: {', '.join(sorted(known))})", key)
    missing = known - set(raw)
    if missing:
        raise doc.error(f"missing {', '.join(sorted(missing))}")
    converters = {
        "months": lambda v: _forms(v, 12, "months"), "weekdays": lambda v: _forms(v, 7, "weekdays"),
        "days": lambda v: {str(k).lower(): int(n) for k, n in v.items()},
        "periods": lambda v: {str(k).lower(): str(n) for k, n in v.items()},
        "shifts": lambda v: {str(k).lower(): int(n) for k, n in v.items()},
        "year-parts": lambda v: _parts(v, 12), "month-parts": lambda v: _parts(v, 31),
        "future": lambda v: tuple(_words(v)), "done": lambda v: tuple(_words(v)),
    }
    values = {}
    for key in known:
        try:
            values[key] = converters.get(key, _words)(raw[key])
        except (AttributeError, TypeError, ValueError) as err:
            raise doc.error(f"{key}: {err}", key) from None
    (month_names, months), (weekday_names, weekdays) = values.pop("months"), values.pop("weekdays")
    return Vocabulary(month_names=month_names, months=months, weekday_names=weekday_names, weekdays=weekdays,
                      **{key.replace("-", "_"): value for key, value in values.items()})


def _forms(rows, count: int, name: str) -> tuple[tuple[str, ...], dict[str, int]]:
    if not isinstance(rows, list) or len(rows) != count or not all(isinstance(r, list) and r for r in rows):
        raise ValueError(f"'{name}' must list {count} rows of forms, in order")
    forms = {str(form): index + (name == "months") for index, row in enumerate(rows) for form in row}
    return tuple(str(row[0]) for row in rows), forms


def _parts(raw, limit: int) -> dict[str, tuple[int, int]]:
    parts = {}
    for phrase, bounds in raw.items():
        first, last = (int(b) for b in bounds)
        if not 1 <= first <= last <= limit:
            raise ValueError(f"bad bounds {bounds!r} for {phrase!r}")
        parts[str(phrase).lower()] = (first, last)
    return parts


def _words(raw) -> frozenset[str]:
    if not isinstance(raw, list):
        raise ValueError(f"expected a list of words, not {raw!r}")
    return frozenset(str(word).lower() for word in raw)


# --- expressions ------------------------------------------------------------------------------

EXPLICIT = ("date", "month", "year", "part")
RELATIVE = ("weekday", "named-month", "period", "days", "ago")


@dataclass(frozen=True)
class Expression:
    """One temporal expression: where it is in a spaCy doc and what it says.

    `kind` is one of: date (a day: month, day, perhaps year and weekday), month (month and
    year), year, part (of a year, or of a month), weekday (perhaps with `shift`: last/this/next),
    named-month (last/this/next September), period (last week; `edge` for earlier/later this
    month), days (yesterday: `count` days from the reference), ago (`count` `unit`s ago), vague.
    """

    kind: str
    start: int
    end: int
    """Character offsets in the doc; `token_start`/`token_end` are token indices."""
    token_start: int
    token_end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    bounds: tuple[int, int] | None = None
    """A part's first and last month (of a year) or day (of a month)."""
    shift: int | None = None
    unit: str | None = None
    count: int | None = None
    edge: str | None = None
    context_year: int | None = None
    """For a month and day written without a year: the year the text gives nearby (see
    temporal.article), which resolution prefers to the publication date's."""
    told: int = 0
    """How the sentence tells it: 1 as still to come, -1 as done, 0 neither. It decides which
    way a day written without a year lies from the publication date when the nearest reading
    would put it well on the other side."""

    @property
    def explicit(self) -> bool:
        return self.kind in EXPLICIT

    @property
    def relative(self) -> bool:
        return self.kind in RELATIVE

    @property
    def needs_reference(self) -> bool:
        """Whether resolving it needs the reference date (relative, or a year left out)."""
        return self.kind in RELATIVE or self.kind == "vague" or (self.explicit and self.year is None)


def find_expressions(doc: Doc, vocabulary: Vocabulary, text: str | None = None) -> list[Expression]:
    """Every temporal expression in a spaCy doc, in order, none overlapping. Pass the doc's
    `text` when it is at hand: `Doc.text` rebuilds it token by token.

    The Matcher runs only around the words where the prefilter finds something date-like, so
    prose without any costs a regex search and nothing more.
    """
    hits = [hit.start() for hit in vocabulary.prefilter.finditer(doc.text if text is None else text)]
    if not hits:
        return []
    from spacy.util import filter_spans

    starts = doc.to_array("IDX")
    windows: list[tuple[int, int]] = []
    for hit in hits:
        # Not clipped to the sentence: the sentencizer ends one after the "." of "Fri.", and no
        # pattern takes a sentence's full stop, so a date never runs across one anyway.
        index = int(starts.searchsorted(hit, side="right")) - 1
        start, end = max(0, index - WINDOW), min(len(doc), index + WINDOW + 1)
        if windows and windows[-1][1] >= start:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    matcher = vocabulary.matcher()
    spans = [span for start, end in windows for span in matcher(doc[start:end], as_spans=True)]
    found = (_expression(span, vocabulary) for span in sorted(filter_spans(spans)))
    return [expression for expression in found if expression is not None]


def sentence_of(doc: Doc, index: int) -> tuple[int, int]:
    """The token bounds of the sentence holding token `index`. Not `Token.sent`, which asks
    the whole doc whether sentences are set each time it is called."""
    start = index
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = index + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return start, end


def _expression(span: SpacySpan, v: Vocabulary) -> Expression | None:
    label = span.label_
    tokens = list(span)
    before = span.doc[span.start - 1] if span.start > 0 else None
    after = span.doc[span.end] if span.end < len(span.doc) else None

    def make(kind: str, first: int = 0, last: int | None = None, **values) -> Expression:
        last = len(tokens) - 1 if last is None else last
        start, end = tokens[first], tokens[last]
        return Expression(kind, start.idx, end.idx + len(end), start.i, end.i + 1,
                          span.doc[start.i : end.i + 1].text, **values)

    texts = [t.text for t in tokens]
    weekday = next((v.weekdays[t] for t in texts if t in v.weekdays), None)
    if weekday is None and label == "date" and texts[0] in bare_weekdays(v):
        weekday = bare_weekdays(v)[texts[0]]
    if weekday is None and len(texts) > 1 and texts[0] + texts[1] in v.weekdays:
        weekday = v.weekdays[texts[0] + texts[1]]  # a form the tokenizer cut in two: "Mon", "."
    month = next((v.months[t] for t in texts if t in v.months), None)
    years = [int(t) for t in texts if re.match(YEAR_PATTERN, t)]
    year = years[-1] if years else None
    # Keep the span to the words of the date: a comma or "(" the pattern allowed may dangle.
    meaningful = [i for i, t in enumerate(tokens) if not t.is_punct or t.text in (")",)]
    if texts[-1] == ")" and "(" not in texts:
        meaningful = meaningful[:-1]
    first, last = meaningful[0], meaningful[-1]
    if label in ("date", "iso") and weekday is not None and before is not None and _capitalised_word(before):
        # "Black Friday, March 4": the weekday is part of a name; the date stands alone.
        weekday = None
        first = next(i for i, t in enumerate(tokens) if t.text in v.months or t.text[:1].isdigit())
    if label == "date":
        day = next(int(re.match(r"\d+", t).group()) for t in texts
                   if re.match(DAY_PATTERN, t) and t not in v.months)
        return make("date", first, last, year=year, month=month, day=day, weekday=weekday)
    if label == "iso":
        numbers = [t for t in texts if t.isdigit()]
        return make("date", first, last, year=int(numbers[0]), month=int(numbers[1]),
                    day=int(numbers[2]), weekday=weekday)
    if label == "month":
        return make("month", first, last, year=year, month=month)
    if label == "day-range":
        days = [int(n) for t in texts if t not in v.months and not re.match(YEAR_PATTERN, t)
                for n in re.findall(r"\d+", t)]
        if len(days) != 2 or days[0] >= days[1]:
            return None  # "May 29 to 27": not a range of days
        return make("part", first, last, year=year, month=month, bounds=(days[0], days[1]))
    if label in ("year-part", "month-part"):
        joined = " ".join(texts).lower()
        parts = v.year_parts if label == "year-part" else v.month_parts
        phrase = max((p for p in parts if joined.startswith(p)), key=len)
        if label == "month-part" and month is None:  # "mid-March", one token
            month = v.months.get(texts[0].split("-", 1)[1])
        if label == "year-part" and year is None:  # "mid-2023", one token
            year = int(texts[0].rsplit("-", 1)[1])
        return make("part", first, last, year=year, month=month, bounds=parts[phrase])
    if label == "year":
        if after is not None and (after.text in ("%", "-", "–") or after.like_num or _plural_noun(after)):
            return None  # "by 2023%", "in 2000 people": a figure, not a year
        return make("year", len(tokens) - 1, year=year)
    lower = [t.lower() for t in texts]
    shift = v.shifts.get(lower[0])
    if before is not None and before.lower_ in v.not_a_date_before and label not in ("days", "vague"):
        return None  # "every Friday", "the last week of the course"
    if label == "weekday":
        at = next(i for i, t in enumerate(texts) if t in v.weekdays)
        if at == 0 and shift is None and before is not None and _capitalised_word(before):
            return None  # "Black Friday", "Super Tuesday": a name
        return make("weekday", weekday=weekday, shift=shift)
    if label == "named-month":
        return make("named-month", month=month, shift=shift)
    if label == "period":
        if lower[0] in ("earlier", "later"):
            return make("period", unit=lower[2], shift=0, edge=lower[0])
        return make("period", unit=v.periods[lower[1]], shift=shift)
    if label == "days":
        return make("days", count=v.days[lower[0]])
    if label == "ago":
        count = NUMBER_WORDS.get(lower[0]) or int(lower[0])
        return make("ago", unit=v.periods[lower[1]], count=count)
    return make("vague")


def _plural_noun(token) -> bool:
    """A lowercase word that looks plural ("people" is the one irregular plural worth naming)."""
    text = token.text
    return token.is_lower and token.is_alpha and not token.is_stop and (
        text == "people" or (len(text) > 3 and text.endswith("s") and not text.endswith("ss")))


def _capitalised_word(token) -> bool:
    """A capitalised word other than a function word ("On Tuesday" is a date)."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_stop
