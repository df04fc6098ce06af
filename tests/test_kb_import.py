"""`newslint kb import --format holders-csv | vdyknow`: the readers of the public formats, on small
files written here (not copies of fetched data), and the one YAML writer they share."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from newslint.cli import main
from newslint.commands.kb import import_text
from newslint.errors import ConfigError, UsageError
from newslint.kb import load_kb

CHECKED = dt.date(2025, 11, 20)

HOLDERS = """position,person,personID,start,end,gender,DOB
Prime Minister,Ann Example,Q100,2010-05-11,2016,female,1960-01-01
Prime Minister,Bo Sample,Q101,2016-07-13,2019-01-02,male,
"Minister of Foreign Affairs, Trade and Development",Cy Test,,2012-03,2019-01-02,,
Prime Minister,Ann Example,Q100,2019-01-02,,female,1960-01-01
"""

VDYKNOW = {"countries": {"Examplia": {
    "Prime Minister of Examplia": {"answers": [
        "Ann Example |S: +2010-05-11T00:00:00Z |E: +2016-00-00T00:00:00Z",
        "Bo Sample |S: +2016-07-13T00:00:00Z |E: "],
        "text_only_questions": {"generic": "Who is the head of government of Examplia?"}},
    "President of Examplia": {"answers": ["Dee Head |S: +2001-06-00T00:00:00Z |E: "]},
    "images": ["examplia.jpg"]}},
    "organizations": {"Acme": {"chief executive officer": {"answers": ["X Y |S: +2000-00-00T00:00:00Z |E: "]}}}}


def _load(tmp_path, text):
    target = tmp_path / "kb" / "out.yaml"
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return load_kb((target,))


def test_holders_csv_rows_become_offices_with_partial_dates(tmp_path):
    source = tmp_path / "holders21.csv"
    source.write_text(HOLDERS, encoding="utf-8")
    kb = _load(tmp_path, import_text(source, "holders-csv", "EX", "Examplia", CHECKED, None, ()))
    pm = kb.offices["ex-prime-minister"]
    assert pm.title == "Prime Minister" and pm.aliases == ("prime minister",) and pm.wikidata is None
    assert [(t.person, str(t.start), str(t.end)) for t in pm.terms] == [
        ("ann-example", "2010-05-11", "2016"), ("bo-sample", "2016-07-13", "2019-01-02"),
        ("ann-example", "2019-01-02", "None")]
    assert kb.people["ann-example"].wikidata == "Q100" and kb.people["cy-test"].wikidata is None
    foreign = kb.offices["ex-minister-of-foreign-affairs-trade-and-development"]
    assert foreign.aliases == ("minister of foreign affairs, trade and development",)  # no country to cut
    assert [str(t.start) for t in foreign.terms] == ["2012-03"]
    assert foreign.covered_from == dt.date(2012, 3, 1) and foreign.covered_to == CHECKED


def test_holders_csv_office_filter_and_errors(tmp_path):
    source = tmp_path / "holders21.csv"
    source.write_text(HOLDERS, encoding="utf-8")
    text = import_text(source, "holders-csv", "EX", None, CHECKED, dt.date(2000, 1, 1), ("prime minister",))
    kb = _load(tmp_path, text)
    assert list(kb.offices) == ["ex-prime-minister"]
    assert kb.offices["ex-prime-minister"].covered_from == dt.date(2000, 1, 1)
    assert "every-politician-scrapers' holders21.csv" in text.splitlines()[0]
    with pytest.raises(UsageError, match="no row for Mayor"):
        import_text(source, "holders-csv", "EX", None, CHECKED, None, ("Mayor",))
    source.write_text("position,person,start,end\nPrime Minister,Ann Example,2010-13-01,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"holders21.csv:2: '2010-13-01' is not a date"):
        import_text(source, "holders-csv", "EX", None, CHECKED, None, ())


@pytest.mark.parametrize("data, line, message", [
    (b"name,from\nA,2000\n", 1, "no 'position', 'person', 'start', 'end' column; is this an "
                                "every-politician-scrapers holders21.csv file?"),
    (b"", 1, "empty file; an every-politician-scrapers holders21.csv file starts with a header row"),
    (b"position,person,start,end\nPrime Minister,Ann Ex\xe4mple,2010,\n", 2, "column 'person' is not UTF-8 text"),
    (b"position,person,start,end\nPrime Minister,,2010,\n", 2, "a row needs a position and a person"),
    (b"position,person,start,end\nPrime Minister,Ann\n", 2, "2 columns where the header has 4"),
])
def test_holders_csv_bad_input_is_one_line_at_its_place(tmp_path, data, line, message):
    source = tmp_path / "holders21.csv"
    source.write_bytes(data)
    with pytest.raises(ConfigError) as caught:
        import_text(source, "holders-csv", "EX", None, CHECKED, None, ())
    assert str(caught.value).startswith(f"{source}:{line}: {message}")


def test_vdyknow_reads_one_country_with_unknown_months_as_partial_dates(tmp_path):
    source = tmp_path / "wikidata_combined.json"
    source.write_text(json.dumps(VDYKNOW), encoding="utf-8")
    kb = _load(tmp_path, import_text(source, "vdyknow", "EX", "examplia", CHECKED, None, ()))
    assert sorted(kb.offices) == ["ex-president-of-examplia", "ex-prime-minister-of-examplia"]
    pm = kb.offices["ex-prime-minister-of-examplia"]
    assert pm.aliases == ("prime minister",)
    assert [(t.person, str(t.start), str(t.end)) for t in pm.terms] == [
        ("ann-example", "2010-05-11", "2016"), ("bo-sample", "2016-07-13", "None")]
    assert [str(t.start) for t in kb.offices["ex-president-of-examplia"].terms] == ["2001-06"]
    assert kb.people["dee-head"].wikidata is None


def test_vdyknow_errors_say_what_is_wrong(tmp_path):
    source = tmp_path / "wikidata_combined.json"
    source.write_text(json.dumps(VDYKNOW), encoding="utf-8")
    with pytest.raises(UsageError, match="no country 'Nowhere'.*Examplia"):
        import_text(source, "vdyknow", "NW", "Nowhere", CHECKED, None, ())
    with pytest.raises(UsageError, match="needs --name"):
        import_text(source, "vdyknow", "EX", None, CHECKED, None, ())
    broken = {"countries": {"Examplia": {"President": {"answers": ["Dee Head from 2001"]}}}}
    source.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(UsageError, match="is not `Name |S: start |E: end`"):
        import_text(source, "vdyknow", "EX", "Examplia", CHECKED, None, ())
    source.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"wikidata_combined.json:1: not JSON: Expecting ',' delimiter"):
        import_text(source, "vdyknow", "EX", "Examplia", CHECKED, None, ())
    source.write_bytes(b"{\"countries\": {\"Ex\xe4mplia\": {}}}")
    with pytest.raises(ConfigError, match=r"wikidata_combined.json:1: not UTF-8"):
        import_text(source, "vdyknow", "EX", "Examplia", CHECKED, None, ())
    source.write_text("\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"wikidata_combined.json:1: empty file; JSON expected"):
        import_text(source, "vdyknow", "EX", "Examplia", CHECKED, None, ())


def test_cli_import_formats(tmp_path, capsys):
    csv_source = tmp_path / "holders21.csv"
    csv_source.write_text(HOLDERS, encoding="utf-8")
    assert main(["kb", "import", str(csv_source), "--format", "holders-csv", "--country", "EX",
                 "--office", "Prime Minister", "--checked", "2025-11-20"]) == 0
    out = capsys.readouterr().out
    assert "id: ex-prime-minister\n" in out and "Cy Test" not in out
    json_source = tmp_path / "v.json"
    json_source.write_text(json.dumps(VDYKNOW), encoding="utf-8")
    assert main(["kb", "import", str(json_source), "--format", "vdyknow", "--country", "EX",
                 "--name", "Examplia", "-o", str(tmp_path / "ex.yaml")]) == 0
    assert "dee-head" in (tmp_path / "ex.yaml").read_text(encoding="utf-8")
    assert main(["kb", "import", str(json_source), "--format", "vdyknow", "--country", "EX"]) == 2
    with pytest.raises(SystemExit) as exited:  # argparse rejects an unknown format
        main(["kb", "import", str(json_source), "--format", "csv", "--country", "EX"])
    assert exited.value.code == 2
