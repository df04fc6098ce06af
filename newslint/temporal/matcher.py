"""The spaCy Matcher patterns of date expressions, built from a dates vocabulary: which token
sequences are a day, a month, a range of days, a part of a year, a weekday, a relative date.
`expressions.py` reads each match into an Expression; nothing here reads a document."""
from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .expressions import Vocabulary

# Numbers as lists of strings rather than regexes: a set lookup per token, where a REGEX
# predicate would run on every token of every article.
YEARS = [str(year) for year in range(1800, 2200)]
_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
DAYS = ([str(d) for d in range(1, 32)] + [f"0{d}" for d in range(1, 10)]
        + [f"{d}{'th' if 10 < d < 14 else _SUFFIXES.get(d % 10, 'th')}" for d in range(1, 32)])
DAY_RANGES = [f"{a}{dash}{b}" for a in range(1, 31) for b in range(a + 1, 32) for dash in "-–—"]
"""Two days joined in one token ("29–30"), as a list for the same reason as DAYS."""
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}



def whole_forms(form: str) -> list:
    """A stand-in tokenizer that keeps a form whole (see Vocabulary.expression_anchors)."""
    return [SimpleNamespace(text=form)]


def build_patterns(v: Vocabulary, tokenize) -> dict[str, list[list[dict]]]:
    """Matcher patterns by label; overlapping matches are settled by keeping the longest."""
    month = {"TEXT": {"IN": sorted(v.months)}}
    weekday = {"TEXT": {"IN": sorted(v.weekdays)}}
    day = {"ORTH": {"IN": DAYS}}
    year = {"ORTH": {"IN": YEARS}}
    comma = {"ORTH": ",", "OP": "?"}
    glued = {"SPACY": False}
    single_year_parts = [p for p in v.year_parts if " " not in p]
    single_month_parts = [p for p in v.month_parts if " " not in p]
    words = lambda phrase: [{"LOWER": w} for w in phrase.split()]  # noqa: E731
    shift = {"LOWER": {"IN": sorted(v.shifts)}}
    # The tokenizer cuts some forms in two ("Mon." -> "Mon", "."; "Wed." -> "We", "d."), so a
    # weekday before a date is one token or the pieces of one of those forms.
    split_forms = {tuple(t.text for t in tokenize(form)) for form in v.weekdays}
    weekdays = [[weekday]] + [[{"ORTH": piece} for piece in pieces] for pieces in sorted(split_forms)
                              if len(pieces) > 1]
    iso = [{**year, **glued}, {"ORTH": "-", **glued}, {"ORTH": {"IN": [f"{m:02}" for m in range(1, 13)]}, **glued},
           {"ORTH": "-", **glued}, {"ORTH": {"IN": [f"{d:02}" for d in range(1, 32)]}}]
    dates, isos = [[month, day, comma, {**year, "OP": "?"}], [day, month, {**year, "OP": "?"}]], [iso]
    for prefix in weekdays:
        dates += [[*prefix, {"ORTH": {"IN": [",", "("]}, "OP": "?"}, month, day, comma, {**year, "OP": "?"}],
                  [*prefix, {"ORTH": "("}, month, day, comma, {**year, "OP": "?"}, {"ORTH": ")"}],
                  [*prefix, comma, day, month, {**year, "OP": "?"}]]
        isos.append([*prefix, comma, *iso])
    dash = {"ORTH": {"IN": ["-", "–", "—"]}}
    joined_days = {"ORTH": {"IN": DAY_RANGES}}
    through = {"LOWER": {"IN": ["to", "through", "until", "till"]}}
    # "Mon Sep 20 2015": a bare weekday form is a word ("Sat", "Sun") anywhere but right before
    # a whole date, where nothing else can stand.
    dates.append([{"ORTH": {"IN": sorted(bare_weekdays(v))}}, month, day, comma, year])
    return {
        "date": dates,
        "iso": isos,
        # A range of days in one month: "December 5-7, 2016", "April 29–30", "5-7 December 2016",
        # "May 27 to 29, 2027". One expression, so the year after the range dates both days.
        "day-range": [[month, day, dash, day, comma, {**year, "OP": "?"}],
                      [month, joined_days, comma, {**year, "OP": "?"}],
                      [day, dash, day, month, {**year, "OP": "?"}],
                      [joined_days, month, {**year, "OP": "?"}],
                      [month, day, through, day, comma, {**year, "OP": "?"}]],
        "month": [[month, {"LOWER": "of", "OP": "?"}, comma, year]],
        "year-part": [[*words(p), {"ORTH": "-", "OP": "?"}, year] for p in v.year_parts]
        + [[{"LOWER": {"IN": [f"{p}-{y}" for p in single_year_parts for y in YEARS]}}]],
        "month-part": [[*words(p), {"ORTH": "-", "OP": "?"}, month, comma, {**year, "OP": "?"}]
                       for p in v.month_parts]
        + [[{"LOWER": {"IN": [f"{p}-{m.lower()}" for p in single_month_parts for m in v.month_names]}},
            comma, {**year, "OP": "?"}]],
        "year": [[{"LOWER": {"IN": sorted(v.year_prepositions)}}, year]],
        "weekday": [[{"LOWER": {"IN": sorted(v.day_parts)}, "OP": "?"}, weekday,
                     {"LOWER": {"IN": sorted(v.times_of_day)}, "OP": "?"}],
                    [shift, weekday, {"LOWER": {"IN": sorted(v.times_of_day)}, "OP": "?"}]],
        "named-month": [[shift, month]],
        "period": [[shift, {"LOWER": {"IN": sorted(p for p, unit in v.periods.items() if p == unit != "day")}}],
                   [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": "this"},
                    {"LOWER": {"IN": ["week", "month", "year"]}}]],
        "days": [[{"LOWER": {"IN": sorted(v.days)}}]],
        "ago": [[{"LOWER": {"IN": sorted(NUMBER_WORDS)}}, {"LOWER": {"IN": sorted(v.periods)}}, {"LOWER": "ago"}],
                [{"IS_DIGIT": True}, {"LOWER": {"IN": sorted(v.periods)}}, {"LOWER": "ago"}]],
        "vague": [[{"LOWER": {"IN": sorted(v.recent)}}],
                  [{"LOWER": "in"}, {"LOWER": "recent"}, {"LOWER": {"IN": sorted(v.recent_periods)}}],
                  [{"LOWER": {"IN": ["few", "several", "couple"]}}, {"LOWER": "of", "OP": "?"},
                   {"LOWER": {"IN": sorted(v.periods)}}, {"LOWER": "ago"}]],
    }


def bare_weekdays(v: Vocabulary) -> dict[str, int]:
    """The undotted forms of the dotted weekday abbreviations ("Mon" for "Mon.")."""
    return {form[:-1]: number for form, number in v.weekdays.items() if form.endswith(".") and len(form) == 4}
