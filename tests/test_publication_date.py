"""Where sites keep the publication date (temporal/reference.py), in the documented order, and
how a date without a year or a bare weekday is read (temporal/article.py, temporal/ranges.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.config import load_settings
from newslint.errors import ConfigError
from newslint.rules import builtin_rules_root
from newslint.temporal.article import article_dates
from newslint.temporal.expressions import load_vocabulary
from newslint.text.context import ArticleContext, FrontMatterKeys
from newslint.text.document import Document

VOCABULARY = load_vocabulary(str(builtin_rules_root() / "data" / "dates.yaml"))
D = dt.date


def dates_of(source: str, path: str = "post.md", context: ArticleContext | None = None):
    return article_dates(Document(path, source, context or ArticleContext()), VOCABULARY)


def reference(source: str, path: str = "post.md", context: ArticleContext | None = None):
    found = dates_of(source, path, context).reference
    return found.date, found.source, found.key, found.precision


@pytest.mark.parametrize("front_matter, expected", [
    ('+++\npath = "2024/07/25/Rust-1.80.0"\n+++\n', (D(2024, 7, 25), "front-matter-path", "path", "day")),
    ('+++\naliases = ["releases/1.80.0", "2024/07/25/Rust-1.80.0.html"]\n+++\n',
     (D(2024, 7, 25), "front-matter-path", "aliases", "day")),
    ("---\nurl: /news/2019-11-25-launch/\n---\n", (D(2019, 11, 25), "front-matter-path", "url", "day")),
    ("---\npubDate: 2023-02-01\n---\n", (D(2023, 2, 1), "front-matter", "pubDate", "day")),
    ("---\ncreated: 2023-02-01T10:00:00Z\n---\n", (D(2023, 2, 1), "front-matter", "created", "day")),
    # The date key wins over the path key and the file's path.
    ('+++\ndate = 2020-01-02\npath = "2024/07/25/x"\n+++\n', (D(2020, 1, 2), "front-matter", "date", "day")),
])
def test_front_matter_keys_and_paths(front_matter, expected):
    assert reference(front_matter + "Talks resumed Tuesday.\n", "content/2011/05/post.md") == expected


@pytest.mark.parametrize("path, expected", [
    ("_posts/2016-02-24-two-new-positions.md", (D(2016, 2, 24), "file-name", None, "day")),
    ("content/2019/11/25/slug/index.md", (D(2019, 11, 25), "file-name", None, "day")),
    ("news/2014/05/2014-05-12-launch.md", (D(2014, 5, 12), "file-name", None, "day")),
    # A year and a month folder give the month only.
    ("content/posts/2020/03/slug.md", (D(2020, 3, 1), "file-name", None, "month")),
    # Numbers that are no date are not read as one.
    ("content/v2024/13/slug.md", (None, "none", None, "day")),
])
def test_the_files_path(path, expected):
    assert reference("Talks resumed Tuesday.\n", path) == expected


@pytest.mark.parametrize("opening, expected", [
    ("WASHINGTON, March 3, 2023 (Reuters) - Talks", D(2023, 3, 3)),
    ("1 October 2013 (BBC) - Talks", D(2013, 10, 1)),
    ("KYIV, Ukraine, Sept. 14, 2022 — Talks", D(2022, 9, 14)),
    ("2021-10-02: Talks", D(2021, 10, 2)),
])
def test_a_dateline_opening_the_body(opening, expected):
    assert reference(f"{opening} resumed on Tuesday.\n") == (expected, "dateline", None, "day")


@pytest.mark.parametrize("opening", [
    "WASHINGTON, March 3 (Reuters) - Talks",  # no year: not a whole date
    "Talks began March 3, 2023 - then stalled",  # a date inside the sentence, not a dateline
])
def test_no_dateline(opening):
    assert reference(f"{opening} resumed on Tuesday.\n")[:2] == (None, "none")


def test_the_configured_date_comes_after_every_source_in_the_article():
    configured = ArticleContext(reference_date=D(2030, 1, 1))
    assert reference("Talks resumed.\n", "2016-02-24-x.md", configured)[:2] == (D(2016, 2, 24), "file-name")
    assert reference("Talks resumed.\n", "x.md", configured)[:2] == (D(2030, 1, 1), "configured")


def test_a_sites_own_keys_and_path_pattern():
    context = ArticleContext(FrontMatterKeys(date=("released",), date_in=("link",)))
    assert reference("---\nreleased: 2022-05-01\n---\nText.\n", context=context)[:3] == (
        D(2022, 5, 1), "front-matter", "released")
    assert reference("---\ndate: 2022-05-01\nlink: /a/2021/04/03/b\n---\nText.\n", context=context)[:3] == (
        D(2021, 4, 3), "front-matter-path", "link")
    import re

    custom = ArticleContext(date_path_patterns=(re.compile(r"archive/(?P<year>\d{4})-(?P<month>\d\d)"),))
    assert reference("Text.\n", "archive/2019-07/talks.md", custom) == (D(2019, 7, 1), "file-name", None, "month")


def test_date_path_and_date_in_in_the_config(tmp_path):
    config = tmp_path / ".newslint.yaml"
    config.write_text("front-matter:\n  date-in: [link]\ndate-path: ['arch/(?P<year>\\d{4})(?P<month>\\d\\d)(?P<day>\\d\\d)']\n")
    context = load_settings(config).article_context
    assert context.front_matter_keys.date_in == ("link",)
    assert reference("Talks.\n", "arch/20190703/a.md", context)[:2] == (D(2019, 7, 3), "file-name")
    config.write_text("date-path: ['(?P<year>\\d{4})/x']\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert str(caught.value) == (f"{config}:1: date-path '(?P<year>\\\\d{{4}})/x': needs the named groups "
                                 "(?P<year>...) and (?P<month>...), and may have (?P<day>...); it lacks month")


def test_a_month_only_reference_resolves_months_but_never_days():
    found = dates_of("It shipped last March. It shipped last Tuesday.\n", "content/2020/07/post.md")
    (month,), (weekday,) = (s.expressions for s in found.sentences)
    assert found.resolve(month).start == D(2020, 3, 1)
    assert found.resolve(weekday) is None


def test_no_publication_date_resolves_nothing_relative():
    found = dates_of("Talks began January 10, 2023. They resume Tuesday.\n")
    assert found.reference.source == "none"
    weekday = found.sentences[1].expressions[0]
    assert found.resolve(weekday) is None


@pytest.mark.parametrize("sentence, expected", [
    ("The 2027 summit in Rome runs on May 27.", D(2027, 5, 27)),  # the year of the sentence
    ("It will be held on December 5-7, 2016.", D(2016, 12, 5)),  # a range takes its year
    ("The debate is scheduled to take place on November 20.", D(2023, 11, 20)),  # told as to come
    ("The rally took place on November 20.", D(2022, 11, 20)),  # told as done
    ("The results will be announced on May 3.", D(2023, 5, 3)),  # near: the nearest reading
    ("The class meets at 1800 F Street on Friday, May 12.", D(2023, 5, 12)),  # an address, no year
])
def test_the_year_of_a_day_written_without_one(sentence, expected):
    found = dates_of(f"---\ndate: 2023-05-05\n---\n{sentence}\n")
    expression = next(e for e in found.sentences[0].expressions if e.month is not None)
    assert found.resolve(expression).start == expected


def test_the_year_of_a_list_applies_to_its_items():
    text = "---\ndate: 2025-12-01\n---\nEvents in 2026:\n\n- The summit in Rome, 2026\n- The forum on October 2-5\n"
    found = dates_of(text)
    item = next(s for s in found.sentences if "October" in s.sentence.text)
    (expression,) = item.expressions
    assert (expression.context_year, found.resolve(expression).start) == (2026, D(2026, 10, 2))


@pytest.mark.parametrize("sentence, expected", [
    ("This Tuesday we will host the workshop.", D(2024, 6, 11)),  # the coming Tuesday
    ("On Tuesday we will host the workshop.", D(2024, 6, 11)),
    ("This Tuesday we hosted the workshop.", D(2024, 6, 4)),
    ("On Tuesday we hosted the workshop.", D(2024, 6, 4)),
])
def test_a_weekday_lies_on_the_side_its_tense_tells(sentence, expected):
    found = dates_of(f"---\ndate: 2024-06-06\n---\n{sentence}\n")  # a Thursday
    (expression,) = found.sentences[0].expressions
    assert found.resolve(expression).start == expected
