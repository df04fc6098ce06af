"""The `dates` kind: its options, the analysis its five rules share, event matching, timeline
order, and the words its messages use. Lines, columns and messages are in tests/fixtures/date-*."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newslint.config import default_settings, load_rules
from newslint.temporal.expressions import load_vocabulary
from newslint.text.document import Document
from newslint.engine import Linter, Selection
from newslint.errors import ConfigError
from newslint.kinds import dates
from newslint.kinds.dates import events as date_events
from newslint.kinds.dates import order as date_order
from newslint.kinds.dates.words import apart, describe, stem, when
from newslint.rules import builtin_rules_root, load_rule
from newslint.temporal.article import article_dates
from newslint.temporal.ranges import DateRange

DATA = builtin_rules_root() / "data"
VOCABULARY = load_vocabulary(str(DATA / "dates.yaml"))
D = dt.date


def lint(text: str, *rules: str, path: str = "article.md"):
    linter = Linter(default_settings(), Selection(select=rules or ("date-*",)))
    return [(f.rule, f.message) for f in linter.lint(path, text)]


# --- options ----------------------------------------------------------------------------------


def _rule_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "rules" / "my-date-rule.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("extends: dates\nmessage: '{reason}'\n" + body)
    return path


def test_options_load_the_vocabulary_once_for_all_rules():
    rules = [r for r in load_rules(default_settings()) if r.kind == "dates"]
    assert {r.options.check for r in rules} == {"weekday-mismatch", "conflict", "timeline-order", "tense", "missing"}
    assert len({id(r.options.words) for r in rules}) == 1


@pytest.mark.parametrize("body, problem", [
    ("check: weekday\nvocabulary: dates.yaml\n", "'check' must be"),
    ("check: tense\n", "missing required option 'vocabulary'"),
    ("check: tense\nvocabulary: nowhere.yaml\n", "not found"),
    ("check: conflict\nvocabulary: dates.yaml\noverlap: 1.5\n", "'overlap' must be"),
    ("check: timeline-order\nvocabulary: dates.yaml\nmin-items: 1\n", "'min-items' at least 2"),
])
def test_bad_options_are_config_errors(tmp_path, body, problem):
    with pytest.raises(ConfigError, match=problem):
        load_rule(_rule_file(tmp_path, body), "mine", DATA)


def test_a_broken_vocabulary_is_a_config_error(tmp_path):
    (tmp_path / "dates.yaml").write_text("months: [[January]]\n")
    with pytest.raises(ConfigError, match="dates.yaml"):
        load_rule(_rule_file(tmp_path, "check: tense\nvocabulary: dates.yaml\n"), "mine", tmp_path)


# --- one analysis per document ----------------------------------------------------------------


def test_five_rules_share_one_analysis(monkeypatch):
    from newslint.temporal import article as temporal

    calls = []
    real = temporal.find_expressions
    monkeypatch.setattr(temporal, "find_expressions", lambda *a, **k: calls.append(1) or real(*a, **k))
    document = Document("a.md", "---\ndate: 2024-01-17\n---\nTalks resumed Tuesday.\n\nThey ended last week.\n")
    rules = [r for r in load_rules(default_settings()) if r.kind == "dates"]
    for rule in rules:
        list(dates.check(document, rule))
    assert len(calls) == 2  # once per block, whatever the number of rules
    assert article_dates(document, VOCABULARY) is article_dates(document, VOCABULARY)


def test_scope_limits_the_sentences_a_rule_reads(tmp_path):
    path = _rule_file(tmp_path, "check: weekday-mismatch\nvocabulary: dates.yaml\nscope: [heading]\n")
    rule = load_rule(path, "mine", DATA)
    document = Document("a.md", "# Friday, March 4, 2023\n\nIt opened Friday, March 4, 2023.\n")
    hits = list(dates.check(document, rule))
    assert [document.source[h.span.start : h.span.end] for h in hits] == ["Friday, March 4, 2023"]
    assert hits[0].span.start == 2


# --- the checks -------------------------------------------------------------------------------


def test_weekday_mismatch_hit_data():
    document = Document("a.md", "It opened Friday, March 4, 2023.\n")
    rule = next(r for r in load_rules(default_settings()) if r.id == "date-weekday-mismatch")
    (hit,) = dates.check(document, rule)
    # With no reference date the tense cannot be known: "is".
    assert hit.data == {"date": "March 4, 2023", "other": "Saturday", "source": "",
                        "reason": "March 4, 2023 is a Saturday, not a Friday"}


def test_weekday_mismatch_needs_a_year_or_a_reference():
    assert lint("It opened Friday, March 4.\n", "date-weekday-mismatch") == []
    assert lint("---\ndate: 2024-01-17\n---\nIt opened Friday, March 4.\n", "date-weekday-mismatch") != []


SEED = """\
---
date: 2024-01-17
---
The strikes launched early Tuesday morning targeted bases in Pakistan's Baluchistan province.

| Date | Event |
|---|---|
| January 10, 2023 | Militants ambush a convoy near the border. |
| January 16, 2023 | Iran launches retaliatory strikes against militant bases in Pakistan's Baluchistan province. |
"""


def test_conflict_with_a_timeline_row():
    (found,) = lint(SEED, "date-conflict")
    assert found[0] == "date-conflict"
    assert "on January 16, 2023: that day was a Monday, not a Tuesday" in found[1]


def test_too_little_in_common_is_another_event():
    text = SEED.replace("The strikes launched early Tuesday morning targeted bases in Pakistan's Baluchistan province.",
                        "The minister flew to Ankara early Tuesday morning.")
    assert lint(text, "date-conflict") == []


def test_the_best_matching_event_is_the_one_compared():
    document = Document("a.md", SEED)
    found = article_dates(document, VOCABULARY)
    events = date_events.events(document, found, VOCABULARY)
    assert [e.origin for e in events] == ["timeline", "timeline"]
    sentence = next(d for d in found.sentences if d.chunk.block.kind == "paragraph")
    stop = date_events.date_words(VOCABULARY)
    words = date_events.content_words(sentence.sentence, stop, skip=sentence.expressions)
    options = next(r for r in load_rules(default_settings()) if r.id == "date-conflict").options
    tuesday = next(e for e in sentence.expressions if e.kind == "weekday")
    clause = date_events._clause_around(sentence, tuesday)
    near = date_events.content_words(clause, stop, skip=sentence.expressions)
    verbs = date_events.action_words(clause, stop)
    assert {"strik", "launch", "target"} <= near and {"launch", "target"} <= verbs  # what happened then
    assert date_events._same_event(sentence, words, (near, verbs), list(events), options) is events[1]
    # With only its topic in common (no action), the row is not the event.
    assert date_events._same_event(sentence, words, (near - {"launch"}, frozenset()), list(events), options) is None
    assert {"strik", "launch", "baluchistan", "provinc"} <= words & events[1].words
    assert "tuesday" not in words and "early" not in words


def test_vague_dates_never_conflict():
    text = SEED.replace("early Tuesday morning", "recently")
    assert lint(text, "date-conflict") == []


def test_a_weekday_told_as_future_may_name_the_coming_day():
    text = """\
---
date: 2024-01-17
---
Ministers will sign the border trade agreement in Ankara on Monday.

- Jan. 10, 2024: Negotiators agree the text.
- Jan. 22, 2024: Ministers sign the border trade agreement in Ankara.
"""
    assert lint(text, "date-conflict") == []


def test_timeline_order_prefers_the_direction_most_items_follow():
    def event(year, month, day):
        return date_events.Event(DateRange.day(D(year, month, day)), None, None, frozenset(), "list", 0)

    items = [event(2024, 1, d) for d in (9, 8, 12, 6, 5)]
    assert len(date_order._chronology(items, date_order._follows)) == 2
    newest_first = date_order._chronology(items, lambda a, b: date_order._follows(b, a))
    assert newest_first == {0, 1, 3, 4}


def test_overlapping_ranges_are_in_order_either_way():
    year = date_events.Event(DateRange(D(2023, 1, 1), D(2023, 12, 31), "year"), None, None, frozenset(), "list", 0)
    day = date_events.Event(DateRange.day(D(2023, 6, 1)), None, None, frozenset(), "list", 0)
    assert date_order._follows(year, day) and date_order._follows(day, year)


def test_tense_needs_the_marker_in_the_clause_of_the_date():
    base = "---\ndate: 2024-01-17\n---\n"
    assert lint(base + "The bridge will open in March 2023.\n", "date-tense") != []
    assert lint(base + "The bridge opened in March 2023, and the road will follow.\n", "date-tense") == []
    assert lint(base + "By March 2023, the bridge will open.\n", "date-tense") != []


def test_missing_only_when_some_date_needs_the_publication_date():
    assert lint("Talks ended January 16, 2023. They resume Tuesday.\n", "date-missing") != []
    assert lint("Talks resume Tuesday.\n", "date-missing") != []
    assert lint("Talks resume on March 3.\n", "date-missing") != []  # a day with no year
    assert lint("Talks ended January 16, 2023. They resume in 2024.\n", "date-missing") == []
    # The year of a day written without one comes from the same sentence: nothing is missing.
    assert lint("The 2027 summit runs on May 27 and ends in June 2027.\n", "date-missing") == []


# --- words ------------------------------------------------------------------------------------


@pytest.mark.parametrize("words, stem_", [
    (("launch", "launches", "launched", "launching"), "launch"),
    (("strike", "strikes"), "strik"),
    (("kill", "killed", "killing", "kills"), "kill"),
    (("ambush", "ambushes", "ambushed"), "ambush"),
    (("stop", "stopped", "stopping"), "stop"),
    (("country", "countries"), "country"),
])
def test_stem(words, stem_):
    assert {stem(w) for w in words} == {stem_}


def test_describe_and_when():
    assert describe(DateRange.day(D(2024, 1, 16))) == "Tuesday, January 16, 2024"
    assert describe(DateRange(D(2023, 9, 1), D(2023, 12, 31), "part")) == "September–December 2023"
    assert describe(DateRange(D(2023, 1, 1), D(2023, 12, 31), "year")) == "2023"
    assert when(DateRange(D(2024, 2, 1), D(2024, 2, 29), "month")) == "in February 2024"
    assert when(DateRange(D(2024, 1, 8), D(2024, 1, 14), "week")) == "between January 8 and 14, 2024"
    assert when(DateRange(D(2023, 12, 31), D(2024, 1, 6), "week")) == \
        "between December 31, 2023 and January 6, 2024"
    assert when(DateRange.day(D(2023, 1, 16)), weekday=False) == "on January 16, 2023"


def test_apart():
    day = DateRange.day
    assert apart(day(D(2023, 1, 16)), day(D(2024, 1, 16))) == "a year"
    assert apart(day(D(2023, 1, 16)), day(D(2023, 3, 20))) == "2 months"
    assert apart(day(D(2024, 2, 28)), day(D(2024, 3, 1))) == "2 days"
