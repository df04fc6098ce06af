"""The attribution kind (rule casualty-unsourced): which figures are claims, what counts as a
source, the window, figures sourced elsewhere, history, weak sources, and strict options."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newslint.config import default_settings, load_rules, load_settings
from newslint.text.document import Document
from newslint.engine import Linter, Selection
from newslint.errors import ConfigError
from newslint.kinds import attribution
from newslint.kinds.attribution import claims as c
from newslint.text.lines import LineIndex
from newslint.rules import builtin_rules_root, load_rule

RULE_ID = "casualty-unsourced"
ONLY = Selection(select=(RULE_ID,))
LINTER = Linter(default_settings(), ONLY)
RULE = next(rule for rule in load_rules(default_settings()) if rule.id == RULE_ID)


def found(text: str, linter: Linter = LINTER) -> list[tuple[str, str]]:
    """(level, flagged text) of each finding."""
    return [(f.severity.label, text[f.span.start:f.span.end]) for f in linter.lint("a.md", text)]


def configured(tmp_path: Path, options: str) -> Linter:
    config = tmp_path / ".newslint.yaml"
    config.write_text(f"rules:\n  {RULE_ID}: {options}\n", encoding="utf-8")
    return Linter(load_settings(config), ONLY)


@pytest.mark.parametrize("text, flagged", [
    ("Hundreds were killed in the blast.", "Hundreds were killed"),
    ("The strikes killed 1,700 people.", "killed 1,700 people"),
    ("A dozen soldiers were wounded.", "A dozen soldiers were wounded"),
    ("At least 14 people died.", "At least 14 people died"),
    ("More than 100 were hurt.", "More than 100 were hurt"),
    ("Nearly 60 civilians were killed.", "Nearly 60 civilians were killed"),
    ("Up to 30 migrants drowned.", "Up to 30 migrants drowned"),
    ("Dozens of people were injured.", "Dozens of people were injured"),
    ("Scores dead after floods", "Scores dead"),
    ("Many fighters were killed.", "Many fighters were killed"),
    ("The death toll rose to 60.", "death toll rose to 60"),
    ("The toll now stands at 60.", "toll now stands at 60"),
    ("The flood left 60 dead.", "60 dead"),
    ("There were 12 deaths.", "12 deaths"),
    ("There were 12 confirmed deaths.", "12 confirmed deaths"),
    ("There were no casualties.", "no casualties"),
    ("Nobody was hurt.", "Nobody was hurt"),
    ("None of the passengers were hurt.", "None of the passengers were hurt"),
    ("The militia is accused of killing two colonels.", "killing two colonels"),
    ("The strain kills 12 patients a week.", "kills 12 patients"),
    ("The bombing claimed the lives of 12 people.", "claimed the lives of 12 people"),
    ("The deaths of 12 people were confirmed.", "deaths of 12 people"),
    ("Twelve people, including three children, were killed.",
     "Twelve people, including three children, were killed"),
    ("Two hundred and fifty people died.", "Two hundred and fifty people died"),
    ("Twenty-five people were killed.", "Twenty-five people were killed"),
    ("1.5 million people died in the famine.", "1.5 million people died"),
    ("Twelve people were hurt in the crash.", "Twelve people were hurt"),
    ("The United States killed 12 militants.", "killed 12 militants"),
    ("Its claims that 12 people died were false.", "12 people died"),
    ("12 deaths were reported.", "12 deaths"),
    ("The toll is estimated at 60.", "toll is estimated at 60"),
    ("The deaths were not confirmed by 40 dead.", "40 dead"),
    ("Hundreds were killed. Police said the bomb was large.", "Hundreds were killed"),
])
def test_unsourced_claims_are_flagged(text, flagged):
    assert found(text) == [("warning", flagged)]


def test_two_claims_in_one_sentence():
    assert found("The strikes killed two children and injured 12 others.") == [
        ("warning", "killed two children"), ("warning", "injured 12 others")]
    assert found("12 militants killed 3 soldiers.") == [("warning", "killed 3 soldiers")]


@pytest.mark.parametrize("text", [
    # sources
    "Police said 12 people were killed.",
    "12 people were killed, police said.",
    '"Twelve people died," said the mayor.',
    "Officials told reporters that 12 people died.",
    "Pakistan's Foreign Ministry stated that the strikes killed two children.",
    "Iranian state media reported “many terrorists” were killed in precision strikes.",
    "The army confirmed that 12 soldiers were killed.",
    "Iran claims the ambush killed two Iranian Revolutionary Guard members.",
    "Officials estimated that 200 people died.",
    "According to the health ministry, the death toll rose to 60.",
    "Citing hospital officials, the agency said 40 were injured.",
    "The ministry put the toll at 60.",
    "Health ministry figures show 60 dead.",
    "The ministry's count shows 60 dead.",
    "Twelve people were killed in the crash (Reuters).",
    'The mayor: "Twelve people died in the fire."',
    '"Twelve people died in the fire" - Mayor Smith',
    "Sources said 12 people were killed.",
    "12 people were reportedly killed.",
    # not claims
    "One man died in the crash.",
    "A man was killed in the crash.",
    "Protests followed the death of a young woman in custody.",
    "The death of Mahsa Amini led to protests.",
    "Militants claimed responsibility for kidnapping and killing security personnel.",
    "We talked to 20 victims of identity theft.",
    "The new tool killed two birds with one stone.",
    "The audit found 3 dead links.",
    'It must be "dead-simple" to use.',
    "IE 6 is dead, and version 2.0 died quietly.",
    "In 2015 we had dead code everywhere.",
    "The project died in 2014.",
    "Many of the old projects died.",
    "The policy hurt 3 million families.",
    "The strikes killed over 12 days of talks.",
    "Talks resumed in Ankara.",
])
def test_sourced_or_not_a_claim(text):
    assert found(text) == []


def test_number_values():
    nlp_doc = _doc("two hundred and fifty | twenty-five | 1.5 million | a dozen | 1,700 | no one | Hundreds")
    finder = c.ClaimFinder(RULE.options.lexicon, _matches(nlp_doc), 0, len(nlp_doc), 4)
    values = []
    for start in (0, 5, 9, 12, 15, 17, 20):
        end, value, _, _ = finder._quantity(start)
        values.append(value)
    assert values == ["250", "25", "1500000", "12", "1700", "0", "hundreds"]


def test_same_figure_elsewhere_is_info_with_its_line():
    text = ("Officials said the strikes killed two children.\n\n"
            "The strikes that killed 2 children were condemned.\n\n"
            "The raid killed two colonels.\n\n"
            "Iran claims the ambush killed two Iranian Revolutionary Guard members.\n")
    findings = LINTER.lint("a.md", text)
    index = LineIndex(text)
    assert [(f.severity.label, index.position(f.span.start), f.message) for f in findings] == [
        ("info", (3, 18), "Casualty figure 'killed 2 children' is attributed only at line 1; repeat the source here."),
        ("warning", (5, 10), "Casualty figure 'killed two colonels' has no source; attribute it (e.g. 'according to ...')."),
    ]


def test_a_figure_without_a_noun_matches_any_noun():
    text = "The blast killed 12 people, police said.\n\nTwelve were killed, and the depot burned.\n"
    assert found(text) == [("info", "Twelve were killed")]


def test_a_headline_repeated_in_the_body_is_judged_there():
    text = "# Twelve Killed in Blast\n\nThe blast killed 12 people, police said.\n"
    assert found(text) == []
    text = "# Twelve Killed in Blast\n\nThe blast killed 12 people.\n"
    assert found(text) == [("warning", "killed 12 people")]
    text = "# Twelve Killed in Blast\n\nThe blast killed 11 people, police said.\n"
    assert found(text) == [("warning", "Twelve Killed")]


def test_a_table_row_is_one_sentence():
    text = ("| When | What | Source |\n|---|---|---|\n"
            "| Day one | The raid killed 14 people. | Officials said so |\n"
            "| Day two | The raid killed 15 people. | Health ministry |\n"
            "| Day three | Officials gave no details. | |\n"
            "| Day four | The raid killed 16 people. | |\n")
    assert found(text) == [("warning", "killed 16 people")]


def test_windows(tmp_path):
    text = ("Police said the bomb was large. Hundreds were killed.\n\n"
            "Dozens were hurt. Officials said the fire spread.\n\n"
            "Officials said the storm was severe. The river rose. Scores were injured.\n")
    assert found(text) == [("warning", "Hundreds were killed"), ("warning", "Dozens were hurt"),
                           ("warning", "Scores were injured")]
    assert found(text, configured(tmp_path, "{window: sentence+1}")) == [("warning", "Scores were injured")]
    assert found(text, configured(tmp_path, "{window: paragraph}")) == []


def test_weak_sources(tmp_path):
    text = "Sources said 12 people were killed.\n\nThirty people were reportedly killed.\n"
    assert found(text) == []
    linter = configured(tmp_path, "{weak-sources: flag}")
    assert [f.message for f in linter.lint("a.md", text)] == [
        "Casualty figure '12 people were killed' rests on a weak source ('Sources said'); name who reported it.",
        "Casualty figure 'Thirty people were reportedly killed' rests on a weak source ('reportedly'); "
        "name who reported it.",
    ]
    # A named source anywhere in the sentence outweighs a weak one.
    assert found("Sources said 12 people were killed, police confirmed.", linter) == []


def test_single_deaths(tmp_path):
    text = "Protests followed the death of a young woman.\n\nOne man died in the crash.\n"
    assert found(text) == []
    assert found(text, configured(tmp_path, "{count-single: true}")) == [
        ("warning", "death of a young woman"), ("warning", "One man died")]


def test_historical_events_and_years(tmp_path):
    events = "The cemetery holds 3,812 Americans who died in World War II.\n"
    assert found(events) == [("info", "3,812 Americans who died")]
    assert [f.message for f in LINTER.lint("a.md", events)] == [
        "Casualty figure '3,812 Americans who died' is historical ('World War II'); attribute it if the toll is disputed."]
    assert found(events, configured(tmp_path, "{historical: warning}")) == [("warning", "3,812 Americans who died")]
    assert found(events, configured(tmp_path, "{historical: ignore}")) == []
    # Civil wars in the news are not history: the events match case-sensitively.
    assert found("Yemen's civil war killed 12 people last year.") == [("warning", "killed 12 people")]

    dated = "---\ndate: 2024-01-17\n---\nIn 1944, 2,000 soldiers were killed.\n\nIn 2021, 2,000 soldiers were killed.\n"
    assert found(dated) == [("info", "2,000 soldiers were killed"), ("warning", "2,000 soldiers were killed")]
    assert found(dated, configured(tmp_path, "{historical-years: 0, background-years: 0}")) == [
        ("warning", "2,000 soldiers were killed"), ("warning", "2,000 soldiers were killed")]


def test_background_years_need_a_closed_toll(tmp_path):
    text = ("---\ndate: 2024-01-17\n---\nIn 2010, 2,000 soldiers were killed.\n\n"
            "The war, which began in 2010, has killed 2,000 soldiers.\n")
    # Five years back (the rule's setting) is background; "has killed" keeps a toll open.
    assert found(text) == [("info", "2,000 soldiers were killed"), ("warning", "killed 2,000 soldiers")]
    assert found(text, configured(tmp_path, "{background-years: 0}")) == [
        ("warning", "2,000 soldiers were killed"), ("warning", "killed 2,000 soldiers")]
    assert found(text, configured(tmp_path, "{background-years: 20}")) == [
        ("warning", "2,000 soldiers were killed"), ("warning", "killed 2,000 soldiers")]


def test_article_year_comes_from_front_matter_or_reference_date():
    assert attribution.article_year(Document("a.md", "---\ndate: 2019-05-01\n---\nText.\n")) == 2019
    assert attribution.article_year(Document("a.md", "---\ndate: '2018-05-01T10:00'\n---\nText.\n")) == 2018


def test_sentences_without_claim_words_skip_the_full_matcher():
    document = Document("a.md", "Talks resumed in Ankara. Officials said the talks went well.\n\n| a | b |\n|---|---|\n| c | d |\n")
    article = attribution.Article(document, RULE)
    assert article.found() == []
    assert article._matches == {}


def test_front_matter_title_is_checked():
    text = "---\ntitle: Twelve killed in depot blast\n---\nTalks resumed.\n"
    assert found(text) == [("warning", "Twelve killed")]


# Options are validated when the rule loads, with the line to fix.

def _rule_with(tmp_path: Path, *replace: tuple[str, str], files: dict | None = None) -> None:
    """Load a copy of the built-in rule, with texts replaced and extra data files."""
    pack = tmp_path / "pack"
    pack.mkdir(parents=True)
    data = tmp_path / "data"
    shutil.copytree(builtin_rules_root() / "data", data)
    for name, content in (files or {}).items():
        (data / name).write_text(content, encoding="utf-8")
    text = (builtin_rules_root() / "newsroom" / f"{RULE_ID}.yaml").read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text
        text = text.replace(old, new)
    (pack / "custom.yaml").write_text(text, encoding="utf-8")
    load_rule(pack / "custom.yaml", "pack", data)


def test_the_builtin_rule_loads_from_a_copy(tmp_path):
    _rule_with(tmp_path)


@pytest.mark.parametrize("change, problem", [
    (("  historical: \"is historical", "  history: \"is historical"), "unknown verdict 'history'"),
    (("  unsourced: \"has no source", "  unsourced: \"{who} has no source"), "unknown placeholder {who}"),
    (("  sourced-elsewhere: \"is attributed", "  sourced_elsewhere: \"is attributed"), "unknown verdict"),
    (("window: sentence ", "window: sentences "), "'window' must be"),
    (("head-nouns: head-nouns.txt", "head-nouns: nouns.txt"), "data file 'nouns.txt' not found"),
])
def test_bad_options_are_config_errors(tmp_path, change, problem):
    with pytest.raises(ConfigError) as error:
        _rule_with(tmp_path, change)
    assert problem in str(error.value)
    assert error.value.line and error.value.line > 1


def test_missing_verdicts_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="missing verdict 'weak-source'"):
        _rule_with(tmp_path, ("weak-sources: count ", "weak-sources: flag "),
                   ("  weak-source: \"rests", "  # weak-source: \"rests"))
    _rule_with(tmp_path / "count", ("  weak-source: \"rests", "  # weak-source: \"rests"))


def test_bad_data_files_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="needs a word and a value"):
        _rule_with(tmp_path / "numbers", ("number-words: number-words.txt", "number-words: bad.txt"),
                   files={"bad.txt": "two\n"})
    with pytest.raises(ConfigError, match="line 1 of bad.txt"):
        _rule_with(tmp_path / "exceptions", ("exceptions: casualty-exceptions.txt", "exceptions: bad.txt"),
                   files={"bad.txt": "victims of (identity\n"})


def _doc(text: str):
    from newslint.text.nlp import pipeline

    return pipeline()(text)


def _matches(doc) -> c.Matches:
    matcher = RULE.options.matchers()[1]
    return c.Matches(doc, ((matcher.vocab.strings[m], s, e) for m, s, e in matcher(doc)))


def test_the_sourced_fixture_is_silent_because_its_claims_are_sourced():
    """claims-sourced.md must not pass by finding no claims at all."""
    path = Path(__file__).parent / "fixtures" / RULE_ID / "claims-sourced.md"
    text = path.read_text(encoding="utf-8")
    claims = attribution.Article(Document(str(path), text), RULE).found()
    assert len(claims) == 24
    assert {item.strength for item in claims} == {"strong", "weak"}
