"""The titles kind: finding titles beside names, and judging them against the knowledge base."""
from __future__ import annotations


import pytest

from conftest import lint_titles as lint

from newslint.config import default_settings
from newslint.engine import Linter, Selection
from newslint.findings import Severity
from newslint.kb import load_kb
from newslint.kinds.titles.lexicon import load_lexicon, title_matcher
from newslint.kinds.titles.mentions import find_mentions
from newslint.rules import builtin_rules_root

DATA = builtin_rules_root() / "data"


@pytest.fixture(scope="module")
def linter():
    return Linter(default_settings(), Selection(select=("title-*",)))


@pytest.fixture(scope="module")
def mentions():
    lexicon = load_lexicon(str(DATA / "titles.yaml"), str(DATA / "places.yaml"))
    matcher = title_matcher(load_kb((DATA / "officeholders",)), lexicon)
    return lambda text: [(m.title_text, m.name, m.place, m.mode, m.name_first)
                         for m in find_mentions(text, matcher, lexicon)]



@pytest.mark.parametrize("text, found", [
    ("Secretary of State Antony Blinken said", [("Secretary of State", "Antony Blinken", None, "current", False)]),
    ("U.S. Secretary of State Antony Blinken said", [("U.S. Secretary of State", "Antony Blinken", "US", "current", False)]),
    ("Iran's President Raisi vowed", [("President", "Raisi", "IR", "current", False)]),
    ("Iran’s President Raisi vowed", [("President", "Raisi", "IR", "current", False)]),
    ("German Chancellor Olaf Scholz met", [("German Chancellor", "Olaf Scholz", "DE", "current", False)]),
    ("Pakistan’s opposition leader Shehbaz Sharif heads", [("opposition leader", "Shehbaz Sharif", "PK", "current", False)]),
    ("Antony Blinken, the secretary of state, said", [("secretary of state", "Antony Blinken", None, "current", True)]),
    ("Imran Khan, Pakistan's former prime minister, said", [("prime minister", "Imran Khan", "PK", "past", True)]),
    ("the foreign secretary, James Cleverly, said", [("foreign secretary", "James Cleverly", None, "current", False)]),
    ("the prime minister of Pakistan, Shehbaz Sharif, said", [("prime minister", "Shehbaz Sharif", "PK", "current", False)]),
    ("then-Secretary of State Mike Pompeo", [("Secretary of State", "Mike Pompeo", None, "then", False)]),
    ("former Prime Minister Imran Khan leading", [("Prime Minister", "Imran Khan", None, "past", False)]),
    ("ex-Chancellor Angela Merkel", [("Chancellor", "Angela Merkel", None, "past", False)]),
    ("Acting President Han Duck-soo", [("President", "Han Duck-soo", None, "acting", False)]),
    ("President George W. Bush's visit", [("President", "George W. Bush", None, "current", False)]),
    ("Saudi Foreign Minister Faisal bin Farhan said", [("Saudi Foreign Minister", "Faisal bin Farhan", "SA", "current", False)]),
])
def test_titles_beside_names_are_found(mentions, text, found):
    assert mentions(text) == found


@pytest.mark.parametrize("text", [
    "the prime minister said", "Deputy Secretary of State Wendy Sherman", "Michigan Secretary of State Jocelyn Benson",
    "Harvard President Claudine Gay", "Secretary of State for Wales David TC Davies", "President-elect Joe Biden",
    "Khan became the first Pakistani PM removed", "Martin Luther King Jr.", "the fictional President Bartlet",
    "India’s External Affairs Ministry spokesperson emphasized",
])
def test_no_mention_or_another_office(mentions, text):
    assert [m for m in mentions(text) if m[0].lower() not in ("deputy secretary of state",)] == []


def test_the_forms_of_the_issue(linter):
    body = ("Prime Minister Boris Johnson spoke.\n\nIn Washington, Secretary of State Brian Deese said the U.S. "
            "would help.\n\n"
            "Pakistan's opposition leader Shehbaz Sharif spoke.\n\n"
            "Antony Blinken, the secretary of state, spoke.\n\nIran's President Raisi spoke.\n\n"
            "Former Prime Minister Imran Khan spoke.")
    assert lint(linter, body) == [
        ("title-mismatch", "error", "Prime Minister Boris Johnson"),
        ("title-mismatch", "error", "Secretary of State Brian Deese"),
        ("title-mismatch", "error", "opposition leader Shehbaz Sharif"),
    ]


def test_names_broken_across_lines_and_surnames_of_people_named_before(linter):
    body = "Boris Johnson resigned. Weeks later\nPrime Minister Boris\nJohnson spoke, and Prime Minister Johnson left."
    assert [found[2].replace("\n", " ") for found in lint(linter, body)] == [
        "Prime Minister Boris Johnson", "Prime Minister Johnson"]


def test_a_surname_alone_is_not_enough_for_an_error(linter):
    # "Truss" could be anyone: not named before, no country given.
    assert lint(linter, "Prime Minister Truss spoke.") == [
        ("title-unverified", "warning", "Prime Minister Truss")]
    assert lint(linter, "British Prime Minister Truss spoke.") == [
        ("title-mismatch", "error", "British Prime Minister Truss")]
    # Two Britons called Johnson are in the knowledge base (Boris, Prime Minister; Alan, Home
    # and Health Secretary): the country no longer identifies the surname.
    assert lint(linter, "British Prime Minister Johnson spoke.") == [
        ("title-unverified", "warning", "British Prime Minister Johnson")]


def test_diacritics_either_way(linter):
    for name in ("Erdoğan", "Erdogan", "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"):
        assert lint(linter, f"Turkish President {name} spoke.") == []
        assert lint(linter, f"Turkish Prime Minister {name} spoke.")[0][0] == "title-mismatch"


def test_then_and_former_move_the_date(linter):
    assert lint(linter, "In 2019, then-Secretary of State Mike Pompeo visited Seoul.") == []
    assert lint(linter, "In 2017, then-Secretary of State Mike Pompeo visited Seoul.")[0][0] == "title-mismatch"
    assert lint(linter, "Former Secretary of State Mike Pompeo spoke.") == []
    assert lint(linter, "Former Prime Minister Keir Starmer spoke.")[0][0] == "title-mismatch"  # took office in 2024
    # A current title may be used of the past: right on the publication date is right.
    assert lint(linter, "In 2008, Prime Minister Rishi Sunak was a banker.") == []


def test_a_quoted_title_is_a_warning_at_most(linter):
    assert lint(linter, "“We thank Prime Minister Boris Johnson,” she said.") == [
        ("title-mismatch", "warning", "Prime Minister Boris Johnson")]


def test_history_partial_dates_and_handover_days_are_never_errors(linter):
    assert lint(linter, "President Franklin Roosevelt created the park.") == []
    # Alwi Shihab's end is known to the year only (2001): no error within that year...
    assert lint(linter, "Foreign Minister Alwi Shihab spoke.", "2001-11-01") == []
    # ...but one in the next, when Hassan Wirajuda certainly held the office.
    assert lint(linter, "Foreign Minister Alwi Shihab spoke.", "2002-03-01")[0][0] == "title-mismatch"
    assert lint(linter, "Prime Minister Liz Truss spoke.", "2022-10-25") == []
    assert lint(linter, "Prime Minister Rishi Sunak spoke.", "2022-10-25") == []


def test_after_coverage_only_unverified(linter):
    found = lint(linter, "Prime Minister Boris Johnson spoke.", "2026-06-01")
    assert found == [("title-unverified", "warning", "Prime Minister Boris Johnson")]
    assert lint(linter, "Prime Minister Keir Starmer spoke.", "2026-06-01") == []  # the last known holder


def test_an_abolished_office(linter):
    message = [f.message for f in Linter(default_settings(), Selection(select=("title-mismatch",))).lint(
        "a.md", "---\ndate: 2020-01-01\n---\nTurkish Prime Minister Binali Yildirim spoke.\n")]
    assert message == ["Binali Yıldırım left the office of Prime Minister of Turkey on 2018-07-09; the office "
                       "was abolished on 2018-07-09."]


def test_uncovered_titles_and_places(linter):
    body = ("Vice President Kamala Harris spoke. Cypriot President Nikos Christodoulides spoke. "
            "A State Department spokesperson spoke. Chancellor Rachel Reeves spoke in Britain.")
    assert lint(linter, body) == []
    assert lint(linter, "Vice President Joe Biden spoke.") == [("title-mismatch", "error", "Vice President Joe Biden")]


def test_a_table_row_dates_its_cells(linter):
    body = "| Date | Event |\n|---|---|\n| May 2, 2016 | Secretary of State Antony Blinken visits Kyiv. |\n" \
           "| January 11, 2023 | Iran's President Raisi vows revenge. |"
    assert lint(linter, body, "2024-01-17") == [("title-mismatch", "error", "Secretary of State Antony Blinken")]


def test_a_newsroom_kb_file_is_used(tmp_path):
    from newslint.config import load_settings

    (tmp_path / "kb").mkdir()
    # Luxembourg is not in the built-in knowledge base: only this newsroom's file knows the office.
    (tmp_path / "kb" / "lu.yaml").write_text(
        "country: LU\nname: Luxembourg\nchecked: 2025-11-20\noffices:\n  - id: lu-grand-duke\n"
        "    title: Grand Duke of Luxembourg\n    roles: [head-of-state]\n    aliases: [grand duke]\n"
        "    coverage: {from: 2000-10-07}\n    holders:\n"
        "      - {person: henri, start: 2000-10-07, end: 2025-10-03}\npeople:\n"
        "  henri: {name: Henri, aliases: [Grand Duke Henri]}\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("kb: [kb]\n", encoding="utf-8")
    linter = Linter(load_settings(tmp_path / ".newslint.yaml"), Selection(select=("title-*",)))
    assert lint(linter, "Grand Duke Henri spoke.", "2021-03-01") == []
    # An unknown name with a title only this newsroom's office has, in a Luxembourg story.
    assert lint(linter, "Grand Duke Jean Weber spoke in Luxembourg.", "2021-03-01")[0][0] == "title-mismatch"
    assert lint(linter, "Grand Duke Jean Weber spoke.", "2021-03-01")[0][0] == "title-unverified"


def test_an_article_without_titles_never_loads_spacy_or_dates(linter):
    document_source = "---\ndate: 2023-05-02\n---\nThe council met on Tuesday. " * 50
    from newslint.text.document import Document

    document = Document("a.md", document_source)
    rule = next(r for r in linter.rules if r.id == "title-mismatch")
    from newslint.kinds import titles

    assert list(titles.check(document, rule)) == []
    assert document.analysed_blocks == 0


def test_an_article_dense_with_correct_titles_raises_nothing(linter):
    # Speed is benchmarks/run.py's business; this is the correctness half of that old concern.
    sentence = ("Prime Minister Rishi Sunak met German Chancellor Olaf Scholz, Secretary of State Antony "
                "Blinken and Iran's President Raisi to discuss the budget with officials and aides. ")
    source = f"---\ndate: 2023-05-02\n---\n{sentence * 40}\n"  # about 1,000 words, 160 titles
    assert linter.lint("a.md", source) == []
    rule = next(r for r in linter.rules if r.id == "title-mismatch")
    assert rule.severity == Severity.ERROR


# --- issue 16: every title the copy gives, judged as an editor would ----------------------------


@pytest.mark.parametrize("text, found", [
    # A capitalised word that ends a sentence does not qualify the title that opens the next.
    ("Officials met in Washington. Secretary of State Mike Pompeo said",
     [("Secretary of State", "Mike Pompeo", None, "current", False)]),
    ("Is it over? President Joe Biden said", [("President", "Joe Biden", None, "current", False)]),
    ("They waited in Kyiv... President Joe Biden came", [("President", "Joe Biden", None, "current", False)]),
    # "then the secretary of state" after the name is `then`, like "then-Secretary of State".
    ("Pompeo, then the secretary of state, said", [("secretary of state", "Pompeo", None, "then", True)]),
    ("Rishi Sunak, the former prime minister, said", [("prime minister", "Rishi Sunak", None, "past", True)]),
])
def test_titles_at_sentence_starts_and_after_names(mentions, text, found):
    assert mentions(text) == found


@pytest.mark.parametrize("text", [
    # An abbreviation's full stop or initials do not end the sentence: the title stays theirs.
    "Acme Inc. President Jane Ortiz", "Harbor Co. President Sam Lee", "Talks in D.C. President Joe Biden",
    # A title bound to another organisation in the same phrase.
    "Acme Bank Chairman and President John Smith", "the company's chief executive and president Tom Reyes",
    "the bank president Jane Doe", "student body president Lee Park", "the university president Omar Haddad",
    "the CEO & President Ann Wu",
    # "PM" after a clock time is the time of day.
    "at 5 PM Japan Time", "at 10:30 PM Eastern Time", "by 9.45 PM Central",
])
def test_not_the_country_office(mentions, text):
    assert mentions(text) == []


def test_a_title_after_a_name_and_and_is_still_read(mentions):
    assert mentions("Union Bank Chairman Paul Ortiz and President Donald Trump met") == [
        ("President", "Donald Trump", None, "current", False)]


def test_former_for_a_sitting_holder(linter):
    assert lint(linter, "Former Prime Minister Rishi Sunak spoke.") == [
        ("title-mismatch", "error", "Prime Minister Rishi Sunak")]
    assert lint(linter, "Ex-Prime Minister Rishi Sunak spoke.") == [
        ("title-mismatch", "error", "Prime Minister Rishi Sunak")]
    # Right once the term has ended, and for a holder who left and came back.
    assert lint(linter, "Former Prime Minister Rishi Sunak spoke.", "2024-09-01") == []
    assert lint(linter, "Former Prime Minister Benjamin Netanyahu spoke.") == []
    # Right on the publication date though not on the sentence's: no error.
    assert lint(linter, "In 2023, former Prime Minister Rishi Sunak spoke.", "2024-09-01") == []
    # A surname alone that the article has not tied to one person proves nothing.
    assert lint(linter, "Former Prime Minister Sunak spoke.") == []


def test_former_message(linter):
    source = "---\ndate: 2023-05-02\n---\nFormer Prime Minister Rishi Sunak spoke.\n"
    assert [f.message for f in linter.lint("a.md", source)] == [
        "Rishi Sunak held the office of Prime Minister of the United Kingdom on 2023-05-02 (in office from "
        "2022-10-25), so 'former' is wrong: the term had not ended."]


def test_a_name_almost_right(linter):
    source = "---\ndate: 2014-03-03\n---\nIrish Foreign Minister Charlie Gilmore spoke.\n"
    assert [f.message for f in linter.lint("a.md", source)] == [
        "Did you mean Eamon Gilmore? The knowledge base has no record of Charlie Gilmore as Minister for "
        "Foreign Affairs of Ireland; on 2014-03-03 it was held by Eamon Gilmore."]
    # Another surname altogether: no hint.
    assert [f.message for f in linter.lint("a.md", source.replace("Charlie Gilmore", "Mary Byrne"))] == [
        "The knowledge base has no record of Mary Byrne as Minister for Foreign Affairs of Ireland; on "
        "2014-03-03 it was held by Eamon Gilmore."]
    # Spellings and transliterations of the holder's name are the holder.
    for name in ("Volodymyr Zelenskyi", "Volodimir Zelensky", "Zelenskyj"):
        assert lint(linter, f"Ukrainian President {name} spoke.") == []
    for name in ("Hugo Chaves", "Hugo Chavez", "Hugo Chávez"):
        assert lint(linter, f"Venezuelan President {name} spoke.", "2012-10-10") == []


def test_a_holder_after_their_term(linter):
    assert lint(linter, "Venezuelan President Hugo Chavez spoke.", "2013-10-01") == [
        ("title-mismatch", "error", "Venezuelan President Hugo Chavez")]


def test_no_date_no_verdict(linter):
    def undated(body):
        return [(f.rule, body[f.span.start:f.span.end]) for f in linter.lint("draft.md", body)]

    assert undated("Prime Minister Boris Johnson spoke.\n") == []
    assert undated("In 2016, Secretary of State John Kerry spoke.\n") == []
    # A date the sentence gives is judged; one without a year is not, with no year to give it.
    assert undated("In May 2023, Secretary of State Mike Pompeo spoke.\n") == [
        ("title-mismatch", "Secretary of State Mike Pompeo")]
    assert undated("On May 2, Secretary of State Mike Pompeo spoke.\n") == []
    # A full date the text gives stands in for an undated article's own, as for the date rules.
    assert undated("The talks began on January 17, 2023.\n\nU.S. Secretary of State Brian Deese spoke.\n") == [
        ("title-mismatch", "U.S. Secretary of State Brian Deese")]
    # The path's date is the article's.
    assert [f.rule for f in linter.lint("2023-05-02-talks.md", "Secretary of State Mike Pompeo spoke.\n")] == [
        "title-mismatch"]


def test_people_named_before_an_offset_by_bisection_match_the_plain_scan():
    """`_Named` answers from change points; it must give what filtering every entry gives, in
    order of first mention, for entries in source order and (by the plain scan) out of it."""
    from newslint.kinds.titles import _Named

    ordered = [(5, "Q1"), (9, "Q2"), (9, "Q1"), (20, "Q3"), (31, "Q2")]
    unordered = [(20, "Q3"), (5, "Q1"), (31, "Q2"), (9, "Q2")]
    for entries in (ordered, unordered):
        named = _Named(entries)
        for offset in range(0, 40):
            plain = tuple(dict.fromkeys(person for at, person in entries if at < offset))
            assert named.before(offset) == plain, (entries, offset)
    assert _Named(ordered).before(10) == ("Q1", "Q2")
    assert _Named(unordered).before(10) == ("Q1", "Q2")
