"""Date expressions and their resolution (newslint.temporal.article, newslint.temporal.expressions): every
written form, and the calendar edges (month and year ends, leap days, weeks across years)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newslint.errors import ConfigError
from newslint.text.context import ArticleContext
from newslint.temporal.expressions import find_expressions, load_vocabulary
from newslint.text.document import Document
from newslint.text.nlp import pipeline
from newslint.rules import builtin_rules_root
from newslint.temporal.article import article_dates, sentence_date
from newslint.temporal.ranges import DateRange, infer_year, resolve

VOCABULARY_PATH = builtin_rules_root() / "data" / "dates.yaml"
VOCABULARY = load_vocabulary(str(VOCABULARY_PATH))
D = dt.date


def expressions(text: str):
    return find_expressions(pipeline()(text), VOCABULARY)


def only(text: str):
    found = expressions(text)
    assert len(found) == 1, [e.text for e in found]
    return found[0]


def days(text: str, reference: dt.date | None = None, forward: bool = False) -> tuple[dt.date, dt.date] | None:
    resolved = resolve(only(text), reference, forward)
    return None if resolved is None else (resolved.start, resolved.end)


# --- finding expressions ----------------------------------------------------------------------


@pytest.mark.parametrize("text, found, kind", [
    ("It began on January 16, 2023, in Tehran.", "January 16, 2023", "date"),
    ("It began on 16 January 2023 in Tehran.", "16 January 2023", "date"),
    ("It began Jan. 16 in Tehran.", "Jan. 16", "date"),
    ("It began on 2023-01-16 in Tehran.", "2023-01-16", "date"),
    ("It began on Sept. 4th in Tehran.", "Sept. 4th", "date"),
    ("It began on Friday, March 4, 2023, in Geneva.", "Friday, March 4, 2023", "date"),
    ("It began Monday (Jan. 16) in Geneva.", "Monday (Jan. 16)", "date"),
    ("It began in March 2024.", "March 2024", "month"),
    ("It began in May of 2015.", "May of 2015", "month"),
    ("It began in 2023.", "2023", "year"),
    ("It began in early 2023.", "early 2023", "part"),
    ("It began in mid-2023.", "mid-2023", "part"),
    ("It began in late 2023.", "late 2023", "part"),
    ("It began at the end of 2023.", "the end of 2023", "part"),
    ("It began in mid-March.", "mid-March", "part"),
    ("It began in early March 2024.", "early March 2024", "part"),
    ("It began early Tuesday morning.", "early Tuesday morning", "weekday"),
    ("It began late Monday night.", "late Monday night", "weekday"),
    ("It began Tuesday.", "Tuesday", "weekday"),
    ("It began last Tuesday.", "last Tuesday", "weekday"),
    ("It begins next Friday.", "next Friday", "weekday"),
    ("It began yesterday.", "yesterday", "days"),
    ("It begins today.", "today", "days"),
    ("It begins tomorrow.", "tomorrow", "days"),
    ("It began last week.", "last week", "period"),
    ("It begins next month.", "next month", "period"),
    ("It began earlier this month.", "earlier this month", "period"),
    ("It ends later this year.", "later this year", "period"),
    ("It began last September.", "last September", "named-month"),
    ("It began three days ago.", "three days ago", "ago"),
    ("It began 2 weeks ago.", "2 weeks ago", "ago"),
    ("It began a year ago.", "a year ago", "ago"),
    ("It began recently.", "recently", "vague"),
    ("It grew in recent months.", "in recent months", "vague"),
])
def test_each_written_form_is_found(text, found, kind):
    expression = only(text)
    assert (expression.text, expression.kind) == (found, kind)
    assert text[expression.start : expression.end] == found


@pytest.mark.parametrize("text", [
    "Officials may meet the envoy.",  # "may" the verb
    "The plan will march on.",
    "In 2000 people voted.",  # a figure
    "Prices rose by 2023%.",
    "Shops expect crowds on Black Friday.",  # a name
    "The market opens every Friday.",  # a recurring day
    "It was the last week of the course.",  # an ordinal
    "He spoke for 10 minutes at 2023 Main Street.",
])
def test_words_that_are_not_dates(text):
    assert expressions(text) == []


def test_a_weekday_cut_in_two_by_the_tokenizer_is_still_read():
    expression = only("Wed., 2023-01-16 | Opening statements")
    assert (expression.text, expression.weekday, expression.day) == ("Wed., 2023-01-16", 2, 16)


def test_prose_without_a_date_like_word_costs_no_matcher_run():
    assert not VOCABULARY.prefilter.search("The committee approved the budget and adjourned.")


def test_a_period_word_alone_needs_no_spacy_but_each_written_form_does():
    from newslint.patterns.prefilter import fold

    anchors = VOCABULARY.expression_anchors
    assert VOCABULARY.prefilter.search("The project took five years and many days.")
    assert not anchors.may_match(fold("The project took five years and many days."))
    for text in ["It began last week.", "It began three days ago.", "It grew in recent months.",
                 "Wed., 2023-01-16 | Opening statements", "It ends later this year.", "It began today."]:
        assert anchors.may_match(fold(text)), text


def test_the_anchors_built_without_spacy_cover_every_pattern_spacy_matches():
    # expression_anchors keeps weekday forms whole; the real patterns cut some ("Wed." -> "We",
    # "d."). Each real pattern must hold all the anchors of some pattern the test is built from.
    from newslint.temporal.matcher import build_patterns as _patterns, whole_forms as _whole_forms
    from newslint.patterns.anchors import anchors

    def anchor_sets(tokenize):
        return [{a.texts for a in anchors(p)} for ps in _patterns(VOCABULARY, tokenize).values() for p in ps]

    built = anchor_sets(_whole_forms)
    real = anchor_sets(pipeline().tokenizer)
    assert len(real) > len(built)  # the cut forms do add patterns
    assert all(any(covered <= needed for covered in built) for needed in real)


# --- resolution -------------------------------------------------------------------------------

WEDNESDAY = D(2024, 1, 17)


@pytest.mark.parametrize("text, expected", [
    ("It began on January 16, 2023.", (D(2023, 1, 16), D(2023, 1, 16))),
    ("It began in March 2024.", (D(2024, 3, 1), D(2024, 3, 31))),
    ("It began in February 2024.", (D(2024, 2, 1), D(2024, 2, 29))),  # leap year
    ("It began in February 2023.", (D(2023, 2, 1), D(2023, 2, 28))),
    ("It began in 2023.", (D(2023, 1, 1), D(2023, 12, 31))),
    ("It began in early 2023.", (D(2023, 1, 1), D(2023, 4, 30))),
    ("It began in mid-2023.", (D(2023, 5, 1), D(2023, 8, 31))),
    ("It began in late 2023.", (D(2023, 9, 1), D(2023, 12, 31))),
    ("It began in late February 2024.", (D(2024, 2, 21), D(2024, 2, 29))),
    ("It began in late February 2023.", (D(2023, 2, 21), D(2023, 2, 28))),
])
def test_explicit_dates_need_no_reference(text, expected):
    assert days(text) == expected
    assert days(text, WEDNESDAY) == expected


def test_an_impossible_date_resolves_to_nothing():
    assert days("It began on February 29, 2023.") is None
    assert days("It began on February 29, 2024.") == (D(2024, 2, 29), D(2024, 2, 29))
    assert days("It began on April 31, 2024.") is None


@pytest.mark.parametrize("text, reference, expected", [
    ("It began yesterday.", D(2024, 3, 1), D(2024, 2, 29)),  # across a leap day
    ("It began yesterday.", D(2023, 3, 1), D(2023, 2, 28)),
    ("It began yesterday.", D(2024, 1, 1), D(2023, 12, 31)),  # across a year end
    ("It begins tomorrow.", D(2023, 12, 31), D(2024, 1, 1)),
    ("It begins tomorrow.", D(2024, 2, 28), D(2024, 2, 29)),
    ("It begins today.", WEDNESDAY, WEDNESDAY),
    ("It began three days ago.", D(2024, 1, 2), D(2023, 12, 30)),
    ("It began 2 days ago.", D(2024, 3, 1), D(2024, 2, 28)),
])
def test_days_counted_from_the_reference(text, reference, expected):
    assert days(text, reference) == (expected, expected)


@pytest.mark.parametrize("text, reference, expected", [
    # A bare weekday names a day within the week before the reference date (AP).
    ("It began Tuesday.", WEDNESDAY, D(2024, 1, 16)),
    ("It began Wednesday.", WEDNESDAY, WEDNESDAY),
    ("It began Thursday.", WEDNESDAY, D(2024, 1, 11)),
    ("It began early Tuesday morning.", WEDNESDAY, D(2024, 1, 16)),
    ("It began Sunday.", D(2024, 1, 2), D(2023, 12, 31)),  # across a year end
    ("It began Thursday.", D(2024, 3, 1), D(2024, 2, 29)),  # a leap day
    ("It began last Tuesday.", WEDNESDAY, D(2024, 1, 16)),
    ("It began last Wednesday.", WEDNESDAY, D(2024, 1, 10)),
    ("It begins next Wednesday.", WEDNESDAY, D(2024, 1, 24)),
    ("It begins next Monday.", D(2023, 12, 28), D(2024, 1, 1)),
    ("It begins this Friday.", WEDNESDAY, D(2024, 1, 19)),
])
def test_weekdays(text, reference, expected):
    assert days(text, reference) == (expected, expected)


def test_a_bare_weekday_told_as_future_is_the_coming_one():
    assert days("It begins Tuesday.", WEDNESDAY, forward=True) == (D(2024, 1, 23), D(2024, 1, 23))
    assert days("It begins Wednesday.", WEDNESDAY, forward=True) == (WEDNESDAY, WEDNESDAY)


@pytest.mark.parametrize("text, reference, expected", [
    ("It began last week.", WEDNESDAY, (D(2024, 1, 8), D(2024, 1, 14))),
    ("It began last week.", D(2024, 1, 3), (D(2023, 12, 25), D(2023, 12, 31))),  # across a year end
    ("It began this week.", D(2023, 12, 31), (D(2023, 12, 25), D(2023, 12, 31))),
    ("It begins next week.", D(2020, 2, 26), (D(2020, 3, 2), D(2020, 3, 8))),
    ("It began last weekend.", WEDNESDAY, (D(2024, 1, 13), D(2024, 1, 14))),
    ("It began last month.", D(2024, 1, 17), (D(2023, 12, 1), D(2023, 12, 31))),  # across a year end
    ("It began last month.", D(2024, 3, 31), (D(2024, 2, 1), D(2024, 2, 29))),  # into a leap February
    ("It begins next month.", D(2023, 12, 5), (D(2024, 1, 1), D(2024, 1, 31))),
    ("It began earlier this month.", D(2024, 2, 29), (D(2024, 2, 1), D(2024, 2, 29))),
    ("It ends later this month.", D(2023, 2, 10), (D(2023, 2, 10), D(2023, 2, 28))),
    ("It began last year.", WEDNESDAY, (D(2023, 1, 1), D(2023, 12, 31))),
    ("It ends next year.", D(2023, 12, 31), (D(2024, 1, 1), D(2024, 12, 31))),
    ("It began two weeks ago.", WEDNESDAY, (D(2023, 12, 31), D(2024, 1, 6))),
    ("It began six months ago.", D(2024, 3, 31), (D(2023, 9, 1), D(2023, 9, 30))),
    ("It began a year ago.", D(2024, 2, 29), (D(2023, 1, 1), D(2023, 12, 31))),
])
def test_periods(text, reference, expected):
    assert days(text, reference) == expected


@pytest.mark.parametrize("text, reference, expected", [
    # The most recent such month before the reference month; the reference month itself
    # counts as a year back ("last January", written in January).
    ("It began last September.", D(2024, 1, 17), (D(2023, 9, 1), D(2023, 9, 30))),
    ("It began last September.", D(2023, 1, 17), (D(2022, 9, 1), D(2022, 9, 30))),
    ("It began last January.", D(2024, 1, 17), (D(2023, 1, 1), D(2023, 1, 31))),
    ("It began last February.", D(2025, 3, 1), (D(2025, 2, 1), D(2025, 2, 28))),
    ("It began last February.", D(2024, 12, 1), (D(2024, 2, 1), D(2024, 2, 29))),
    ("It begins next January.", D(2023, 12, 1), (D(2024, 1, 1), D(2024, 1, 31))),
    ("It begins next March.", D(2024, 1, 17), (D(2024, 3, 1), D(2024, 3, 31))),
    ("It begins this December.", D(2024, 1, 17), (D(2024, 12, 1), D(2024, 12, 31))),
])
def test_named_months(text, reference, expected):
    assert days(text, reference) == expected


@pytest.mark.parametrize("text, reference, expected", [
    ("It began March 1.", D(2024, 1, 17), D(2024, 3, 1)),  # the reference year, AP style
    ("It began Jan. 16.", D(2024, 1, 17), D(2024, 1, 16)),
    ("It began Dec. 29.", D(2015, 1, 5), D(2014, 12, 29)),  # the nearer year at a year end
    ("It begins Jan. 10.", D(2014, 12, 20), D(2015, 1, 10)),
    ("It began Feb. 29.", D(2024, 6, 1), D(2024, 2, 29)),
    ("It began Feb. 29.", D(2025, 1, 10), D(2024, 2, 29)),  # the only leap year near
])
def test_a_month_and_day_without_a_year(text, reference, expected):
    assert days(text, reference) == (expected, expected)


def test_infer_year_without_any_fitting_year():
    assert infer_year(2, 29, D(2022, 6, 1)) is None


def test_relative_expressions_need_a_reference():
    for text in ("It began Tuesday.", "It began last week.", "It began yesterday.", "It began March 1."):
        assert days(text) is None


def test_date_ranges():
    one, two = DateRange.day(D(2024, 1, 1)), DateRange(D(2024, 1, 3), D(2024, 1, 9), "week")
    assert not one.overlaps(two) and one.gap_days(two) == 2 and two.gap_days(one) == 2
    assert two.overlaps(DateRange.day(D(2024, 1, 9)))


# --- the reference date and the date of a sentence ---------------------------------------------


def _reference(source: str, path: str = "article.md", configured: dt.date | None = None):
    return article_dates(Document(path, source, ArticleContext(reference_date=configured)), VOCABULARY).reference


@pytest.mark.parametrize("front_matter, expected", [
    ("date: 2024-01-17\n", D(2024, 1, 17)),
    ("date: 2024-01-09 14:33:00 -0500\n", D(2024, 1, 9)),
    ("date: 2024-01-09T23:30:00-05:00\n", D(2024, 1, 9)),  # never converted to UTC (January 10)
    ("date: '2014-03-12T10:11:00-04:00'\n", D(2014, 3, 12)),
    ("date: January 17, 2024\n", D(2024, 1, 17)),
    ("publishDate: 2024-01-17\n", D(2024, 1, 17)),
])
def test_reference_from_yaml_front_matter(front_matter, expected):
    reference = _reference(f"---\n{front_matter}---\nTalks resumed Tuesday.\n")
    assert (reference.date, reference.source) == (expected, "front-matter")


def test_reference_from_toml_front_matter():
    reference = _reference("+++\ndate = 2024-01-09T23:30:00-05:00\n+++\nTalks resumed.\n")
    assert (reference.date, reference.source, reference.key) == (D(2024, 1, 9), "front-matter", "date")


def test_the_article_date_wins_over_the_configured_one():
    # --reference-date is for undated drafts (README); a dated article is judged as of its date.
    reference = _reference("---\ndate: 2024-01-17\n---\nText.\n", configured=D(2023, 5, 1))
    assert (reference.date, reference.source) == (D(2024, 1, 17), "front-matter")
    reference = _reference("Text.\n", "content/2024-01-17-slug.md", configured=D(2023, 5, 1))
    assert (reference.date, reference.source) == (D(2024, 1, 17), "file-name")


def test_the_configured_reference_dates_an_undated_draft():
    # It also wins over the latest date in the text, which is only a guess.
    reference = _reference("Talks began January 10, 2023.\n", configured=D(2023, 5, 1))
    assert (reference.date, reference.source) == (D(2023, 5, 1), "configured")


@pytest.mark.parametrize("path", ["content/2024-01-17-slug.md", "content/2024/01/17/slug.md"])
def test_reference_from_the_file_name(path):
    reference = _reference("Talks resumed Tuesday.\n", path)
    assert (reference.date, reference.source) == (D(2024, 1, 17), "file-name")


def test_the_text_never_dates_itself_but_offers_its_latest_day():
    text = "Talks began January 10, 2023, and ended Jan. 20. The deal was signed January 17, 2023.\n"
    dates = article_dates(Document("article.md", text), VOCABULARY)
    # Never counted from: a text names deadlines and plans as readily as its own day.
    assert (dates.reference.date, dates.reference.source) == (None, "none")
    latest = dates.latest_in_text
    # "Jan. 20" takes the year of its sentence (2023) but is no whole date written out.
    assert (latest.date, latest.source) == (D(2023, 1, 17), "article")
    assert text[latest.span.start : latest.span.end] == "January 17, 2023"


def test_unusable_front_matter_date_is_remembered():
    reference = _reference("---\ndate: soon\n---\nTalks resumed Tuesday.\n")
    assert (reference.date, reference.source, reference.key) == (None, "none", "date")


def test_sentence_date():
    document = Document("a.md", "---\ndate: 2024-01-17\n---\nOn March 1 he took office. He resigned.\n")
    chunk = next(iter(document.analysed(())))
    assert sentence_date(document, VOCABULARY, chunk, 3) == DateRange.day(D(2024, 3, 1))
    assert sentence_date(document, VOCABULARY, chunk, chunk.doc.text.index("resigned")) is None


def test_vocabulary_errors_are_reported(tmp_path: Path):
    broken = tmp_path / "dates.yaml"
    broken.write_text("months: []\n")
    with pytest.raises(ConfigError, match=r"dates\.yaml:1: missing conditional, day-parts"):
        load_vocabulary(str(broken))
    broken.write_text(Path(VOCABULARY_PATH).read_text(encoding="utf-8") + "spare: [x]\n")
    with pytest.raises(ConfigError, match=r"dates\.yaml:\d+: unknown key 'spare'") as caught:
        load_vocabulary(str(broken))
    assert caught.value.line == len(broken.read_text().splitlines())
