"""The knowledge base of office holders: the built-in data, loading, merging, lookup, import."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.errors import ConfigError
from newslint.kb import PartialDate, fold, load_kb
from newslint.kb.wikidata import import_file
from newslint.kinds.titles.lexicon import load_lexicon
from newslint.rules import builtin_rules_root
from newslint.yamlfile import read_yaml_file

DATA = builtin_rules_root() / "data"
OFFICEHOLDERS = DATA / "officeholders"
COUNTRIES = {"AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "MX", "RU", "SA", "ZA",
             "KR", "TR", "GB", "US", "IR", "PK", "IL", "UA"}


@pytest.fixture(scope="module")
def kb():
    return load_kb((OFFICEHOLDERS,))


def test_the_builtin_data_loads_and_terms_of_one_office_never_overlap(kb):
    for office in kb.offices.values():
        terms = sorted((t for t in office.terms if not t.acting), key=lambda t: t.start.earliest)
        for before, after in zip(terms, terms[1:]):
            assert before.end is not None, f"{office.id}: {before.person} has no end but {after.person} follows"
            # A handover day belongs to both; anything more is an overlap.
            assert before.end.earliest <= after.start.latest, \
                f"{office.id}: {before.person} (to {before.end}) overlaps {after.person} (from {after.start})"
        open_terms = [t for t in terms if t.end is None]
        assert len(open_terms) <= 1, f"{office.id}: several open terms"


def test_every_file_is_strict_yaml_with_lines(kb):
    # The careful reader refuses duplicate keys and aliases, which libyaml would accept.
    for path in sorted(OFFICEHOLDERS.glob("*.yaml")):
        assert read_yaml_file(path).data["offices"], path


def test_coverage_of_the_issue(kb):
    for country in COUNTRIES:
        roles = {role for office in kb.offices.values() if office.country == country for role in office.roles}
        assert {"head-of-state", "head-of-government", "foreign-minister"} <= roles, country
    for office_id in ("eu-commission-president", "eu-council-president", "eu-high-representative",
                      "au-commission-chairperson", "un-secretary-general", "nato-secretary-general"):
        assert office_id in kb.offices
    for office in kb.offices.values():
        assert office.covered_from <= office.covered_to, office.id
        assert office.covered_to <= dt.date.today(), office.id
        # Where records start after 2000, the office was created then or the file says why.
        if office.covered_from > dt.date(2000, 1, 1):
            assert office.id in {"eu-council-president", "au-commission-chairperson", "ar-foreign-minister",
                                 "kr-foreign-minister", "pk-foreign-minister", "il-foreign-minister",
                                 "ua-foreign-minister", "us-secretary-of-homeland-security",
                                 "in-health-minister", "in-law-minister", "fr-health-minister",
                                 "jp-internal-affairs-minister", "jp-health-minister",
                                 "jp-defence-minister", "ca-public-safety-minister",
                                 "it-finance-minister", "au-home-affairs-minister"}, office.id


def test_every_holder_is_a_person_with_a_name_and_ids_are_unique(kb):
    for office in kb.offices.values():
        for term in office.terms:
            assert kb.people[term.person].name
    ids = [p.id for p in kb.people.values()]
    assert len(ids) == len(set(ids))


def test_lexicon_covered_forms_are_aliases_of_offices(kb):
    lexicon = load_lexicon(str(DATA / "titles.yaml"), str(DATA / "places.yaml"))
    for form in lexicon.covered_forms:
        assert kb.by_alias.get(form), f"covered title {form!r} is no office's alias"
    for form in lexicon.uncovered:
        assert form not in kb.by_alias, f"uncovered title {form!r} is an office alias"
    codes = set(lexicon.places.values())
    assert {office.country for office in kb.offices.values()} <= codes


def test_partial_dates():
    year = PartialDate.parse(2022)
    assert (year.earliest, year.latest) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    month = PartialDate.parse("2024-02")
    assert (month.earliest, month.latest, str(month)) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "2024-02")
    assert PartialDate.parse(dt.date(2022, 9, 6)) == PartialDate(2022, 9, 6)
    for bad in ("2022-13", "yesterday", "22", True):
        with pytest.raises(ValueError):
            PartialDate.parse(bad)


def test_names_fold_without_diacritics_dots_or_hyphens(kb):
    assert fold("Erdoğan") == fold("Erdogan") == "erdogan"
    assert fold("S. Jaishankar") == "s jaishankar"
    assert fold("Binali Yıldırım") == "binali yildirim"
    assert kb.people_named("Recep Tayyip Erdogan") == kb.people_named("Recep Tayyip Erdoğan") == ("recep-tayyip-erdogan",)
    assert "recep-tayyip-erdogan" in kb.people_surnamed("Erdogan")
    assert set(kb.people_surnamed("Sharif")) == {"nawaz-sharif", "shehbaz-sharif"}


def test_who_held_an_office(kb):
    def holders(title, on, country=None):
        return [[kb.name_of(t.person) for t in terms] for _, terms in kb.who(title, dt.date.fromisoformat(on), country)]

    assert holders("prime minister", "2023-05-02", "GB") == [["Rishi Sunak"]]
    assert holders("PM", "2022-10-25", "GB") == [["Liz Truss", "Rishi Sunak"]]  # a handover day
    assert holders("secretary of state", "2023-01-17") == [["Antony Blinken"]]
    assert holders("prime minister", "2024-01-17", "PK") == [["Anwaar-ul-Haq Kakar"]]
    # The office's full title and its id name it too, whatever its aliases.
    assert holders("Prime Minister of the United Kingdom", "2023-05-02") == [["Rishi Sunak"]]
    assert holders("prime minister of the united kingdom", "2023-05-02", "GB") == [["Rishi Sunak"]]
    assert holders("gb-prime-minister", "2019-07-24") == [["Theresa May", "Boris Johnson"]]
    assert holders("Prime Minister of the United Kingdom", "2023-05-02", "FR") == []
    office = kb.offices["pk-prime-minister"]
    assert office.certain_holders(dt.date(2023, 1, 17), dt.date(2023, 1, 17))[0].person == "shehbaz-sharif"


def test_lookups_are_indexed_not_scans(kb):
    # Speed is measured by benchmarks/run.py, not here; this checks the reason it is fast: a
    # lookup reads one index entry and never walks the offices or the people.
    class NoScan(dict):
        def __iter__(self):
            raise AssertionError("a lookup walked every entry")

        values = items = keys = __iter__

    indexed = dataclasses.replace(kb, offices=NoScan(kb.offices), people=NoScan(kb.people))
    assert [o.id for o in indexed.offices_titled("PM") if o.country == "GB"] == ["gb-prime-minister"]
    assert indexed.people_named("Boris Johnson") == ("boris-johnson",)
    assert "boris-johnson" in indexed.people_surnamed("Johnson")
    assert {t.office for t in indexed.terms_of("boris-johnson")} == {"gb-prime-minister", "gb-foreign-secretary"}
    assert indexed.name_of("boris-johnson") == "Boris Johnson"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


NEWSROOM = """\
country: GB
checked: 2025-12-31
offices:
  - id: gb-prime-minister
    aliases: [prime minister, PM, first lord of the treasury]
    add-holders:
      - {person: jane-doe, start: 2026-01-01, status: acting}
    coverage: {from: 2000-01-01, to: 2026-06-30}
people:
  boris-johnson: {name: Boris Johnson, aliases: [BoJo]}
  jane-doe: {name: Jane Doe}
"""


def test_newsroom_files_add_and_override(tmp_path):
    # add-holders appends; a full term after the built-in open one would overlap it (see below),
    # so a newsroom recording a successor writes `holders` with the old term closed.
    _write(tmp_path / "kb", "gb.yaml", NEWSROOM)
    kb = load_kb((OFFICEHOLDERS, tmp_path / "kb"))
    office = kb.offices["gb-prime-minister"]
    assert office.title == "Prime Minister of the United Kingdom"  # kept from the built-in entry
    assert "first lord of the treasury" in office.aliases
    assert office.covered_to == dt.date(2026, 6, 30)
    assert office.terms[-1].person == "jane-doe" and len(office.terms) > 5
    assert kb.people_named("BoJo") == ("boris-johnson",)


def test_a_newsroom_term_that_overlaps_a_builtin_one_is_an_error_in_the_newsroom_file(tmp_path):
    path = _write(tmp_path / "kb", "gb.yaml", NEWSROOM.replace(", status: acting", ""))
    with pytest.raises(ConfigError) as caught:
        load_kb((OFFICEHOLDERS, path))
    assert (caught.value.path, caught.value.line) == (str(path), 7)
    assert caught.value.message == ("term of 'jane-doe' in 'gb-prime-minister' starts while the term of "
                                    "'keir-starmer' has no end: give that one an 'end' (or mark one 'acting')")


_OFFICE = ("country: GB\nchecked: 2025-01-01\noffices:\n  - id: x\n    title: X\n    coverage: {from: 2000-01-01}\n"
           "    holders:\n")
_PEOPLE = "people:\n  p: {name: P}\n  q: {name: Q}\n"


@pytest.mark.parametrize("text, line, message", [
    ("country: GB\noffices:\n  - id: x\n    titel: X\n", 4, "unknown key 'titel'"),
    ("country: GB\nchecked: 2025-01-01\noffices:\n  - id: x\n    title: X\n    coverage: {from: 2000-01-01}\n"
     "    holders:\n      - {person: nobody, start: 2001-01-01}\n", 8, "not in any file's 'people'"),
    ("country: GB\nchecked: 2025-01-01\noffices:\n  - id: x\n    title: X\n    coverage: {from: 2000-01-01}\n"
     "    holders:\n      - {person: p, start: 2001-13-01}\npeople:\n  p: {name: P}\n", 8, "not a date"),
    ("country: GB\noffices:\n  - id: x\n    title: X\n    roles: [king]\n", 5, "unknown role 'king'"),
    ("country: GB\npeople:\n  p: {name: P}\n  p: {name: Q}\n", 4, "duplicate key"),
    (_OFFICE + "      - {person: p, start: 2001-01-01, end: 2005-06-01}\n"
     "      - {person: q, start: 2005-05-01}\n" + _PEOPLE, 9,
     "term of 'q' in 'x' (from 2005-05-01) overlaps the term of 'p' (to 2005-06-01)"),
    (_OFFICE + "      - {person: p, start: 2001-01-01}\n      - {person: q, start: 2005-05-01}\n" + _PEOPLE, 9,
     "term of 'q' in 'x' starts while the term of 'p' has no end"),
    (_OFFICE + "      - {person: p, start: 2001-01-01, end: 2001-12}\n      - {person: q, start: 2001-11}\n"
     + _PEOPLE, 9, "term of 'q' in 'x' (from 2001-11) overlaps the term of 'p' (to 2001-12)"),
    (_OFFICE.replace("{from: 2000-01-01}", "{from: 2000-01-01, to: 1999-12-31}")
     + "      - {person: p, start: 2001-01-01}\n" + _PEOPLE, 6,
     "office 'x': coverage ends (1999-12-31) before it begins (2000-01-01)"),
    ("country: GB\noffices:\n  - {id: x, title: X}\n  - id: y\n    title: Y\n  - {id: x, title: Z}\n", 6,
     "office id 'x' is given twice in this file (also at line 3)"),
    ("country: GB\noffices:\n  - id: x\n    title: X\n    aliases:\n      - foreign minister\n"
     "      - top diplomat, chief diplomat\n", 7,
     "alias 'top diplomat, chief diplomat' holds a comma: write each alias as its own list item"),
    ("country: GB\npeople:\n  p: {name: P, aliases: [\"Pat, Patty\"]}\n", 3, "alias 'Pat, Patty' holds a comma"),
])
def test_errors_point_at_their_line(tmp_path, text, line, message):
    path = _write(tmp_path, "bad.yaml", text)
    with pytest.raises(ConfigError) as caught:
        load_kb((path,))
    assert caught.value.line == line and message in str(caught.value)


def test_what_the_strict_checks_let_through(tmp_path):
    # A shared handover day, a partial end that may fall on the next start, an acting term beside
    # a full one, a title's own series comma and a name's suffix: all as they should be.
    text = (_OFFICE.replace("    holders:", "    aliases: [\"health, labour and welfare minister\"]\n    holders:")
            + "      - {person: p, start: 2001-01-01, end: 2003-05-01}\n"
            "      - {person: q, start: 2003-05-01, end: 2004-06}\n"
            "      - {person: p, start: 2004-06-20, status: acting, end: 2004-08-01}\n"
            "      - {person: p, start: 2004-06-30}\n"
            + _PEOPLE.replace("{name: Q}", "{name: Q, aliases: [\"Q King, Jr.\"]}"))
    kb = load_kb((_write(tmp_path, "good.yaml", text),))
    assert kb.offices["x"].aliases == ("health, labour and welfare minister",)
    assert len(kb.offices["x"].terms) == 4 and kb.people["q"].aliases == ("Q King, Jr.",)


def test_no_builtin_id_is_given_in_two_files():
    # Across a newsroom's files a repeated id overrides; across the built-in ones it would hide data.
    offices: dict[str, str] = {}
    people: dict[str, str] = {}
    for path in sorted(OFFICEHOLDERS.glob("*.yaml")):
        data = read_yaml_file(path).data
        for office in data.get("offices") or ():
            assert office["id"] not in offices, f"{office['id']} in {offices.get(office['id'])} and {path.name}"
            offices[office["id"]] = path.name
        for pid in data.get("people") or {}:
            assert pid not in people, f"person {pid} in {people.get(pid)} and {path.name}"
            people[pid] = path.name


SPARQL = {"head": {"vars": []}, "results": {"bindings": [
    {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q100"},
     "personLabel": {"type": "literal", "value": "Ann Example"},
     "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q200"},
     "positionLabel": {"type": "literal", "value": "Prime Minister of Examplia"},
     "start": {"type": "literal", "value": "2010-05-11T00:00:00Z"}, "startPrecision": {"type": "literal", "value": "11"},
     "end": {"type": "literal", "value": "2016-01-01T00:00:00Z"}, "endPrecision": {"type": "literal", "value": "9"}},
    {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q101"},
     "personLabel": {"type": "literal", "value": "Bo Sample"},
     "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q200"},
     "positionLabel": {"type": "literal", "value": "Prime Minister of Examplia"},
     "start": {"type": "literal", "value": "2016-07-13T00:00:00Z"}},
]}}


def test_import_keeps_wikidata_precision_and_loads(tmp_path):
    source = _write(tmp_path, "result.json", json.dumps(SPARQL))
    text = import_file(source, "EX", "Examplia", dt.date(2025, 11, 20))
    target = _write(tmp_path / "kb", "examplia.yaml", text)
    kb = load_kb((target,))
    office = kb.offices["ex-prime-minister-of-examplia"]
    assert office.aliases == ("prime minister",) and office.wikidata == "Q200"
    assert [str(t.end) for t in office.terms] == ["2016", "None"]
    assert kb.people["ann-example"].wikidata == "Q100"
    assert office.covered_from == dt.date(2010, 5, 11) and office.covered_to == dt.date(2025, 11, 20)


@pytest.mark.parametrize("start, message", [
    ("+99999-01-01T00:00:00Z", "result row 1: start '+99999-01-01T00:00:00Z' is outside the years 1 to 9999"),
    ("-0500-01-01T00:00:00Z", "result row 1: start '-0500-01-01T00:00:00Z' is outside the years 1 to 9999"),
    ("+2001-13-01T00:00:00Z", "result row 1: '2001-13-01' is not a date"),
    ("+2001-02-30T00:00:00Z", "result row 1: '2001-02-30' is not a date"),
])
def test_import_refuses_impossible_wikidata_times_at_their_row(tmp_path, capsys, start, message):
    result = json.loads(json.dumps(SPARQL))
    result["results"]["bindings"][0]["start"]["value"] = start
    source = _write(tmp_path, "result.json", json.dumps(result))
    assert main(["kb", "import", str(source), "--country", "EX"]) == 2
    assert capsys.readouterr().err.startswith(f"newslint: error: {source}: {message}")


def test_cli_kb_import_and_who(tmp_path, capsys, monkeypatch):
    source = _write(tmp_path, "result.json", json.dumps(SPARQL))
    assert main(["kb", "import", str(source), "--country", "EX", "--checked", "2025-11-20",
                 "-o", str(tmp_path / "ex.yaml")]) == 0
    assert "ann-example" in (tmp_path / "ex.yaml").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["kb", "who", "prime minister", "--country", "United Kingdom", "--on", "2019-07-24",
                 "--isolated"]) == 0
    out = capsys.readouterr().out
    assert "Theresa May (2016-07-13 to 2019-07-24)" in out and "Boris Johnson (2019-07-24 to 2022-09-06)" in out
    assert main(["kb", "who", "president", "--country", "Nowhere", "--isolated"]) == 2
    assert main(["kb", "import", str(tmp_path / "missing.json"), "--country", "EX"]) == 2


def test_a_partial_date_reads_with_its_preposition():
    # A month-precision end is "in 2023-10", not "on 2023-10", in a title-mismatch message.
    from newslint.kb.records import PartialDate
    assert (PartialDate(2023, 10, 5).when, PartialDate(2023, 10).when, PartialDate(2023).when) == (
        "on 2023-10-05", "in 2023-10", "in 2023")
