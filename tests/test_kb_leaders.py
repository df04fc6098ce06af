"""`newslint kb import --format reign | archigos`: the leader data sets' readers, on small tables
written here (never copies of the published files), and what the written file says."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.cli import main
from newslint.commands.kb import import_text
from newslint.errors import ConfigError, UsageError
from newslint.kb import load_kb

CHECKED = dt.date(2025, 11, 20)

# The published column order, with the unused columns too; the notes hold a comma and a URL.
REIGN = """stateabb,ccode,leadid,leader,sdate,smonth,syear,emonth,eyear,birthyear,gender,militarycareer,l_month,l_year,,,codedby,notes
EXA,901,X1,Alder,3,2,1998,6,2004,1950,1,0,,,,,xx,
EXA,901,X2,Birch Cole,14,6,2004,9,2009,1961,0,0,6,2004,,,xx,"a note, with a comma"
EXA,901,X3,Alder,20,9,2009,,,1950,1,0,,,,,xx,https://example.org/alder
OTH,902,Y1,Dune,1,1,2000,3,2021,1940,1,0,,,,,xx,
"""

ARCHIGOS = """obsid,leadid,ccode,idacr,leader,startdate,enddate,entry,exit,exitcode,prevtimesinoffice
EXA-1998,aa-1,901,EXA,"Alder, P.",1998-02-03,2004-06-14,Regular,Irregular,"Removed by Military, without Foreign Support",0
EXA-2004,bb-2,901,EXA,Birch Cole,2004-06-14,2009-09-20,Irregular,Regular,Regular,0
EXA-2009,aa-1,901,EXA,"Alder, P.",2009-09-20,2015-12-31,Regular,Still in Office,Still in Office,1
"""


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def _load(tmp_path, text):
    target = tmp_path / "kb" / "out.yaml"
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return load_kb((target,))


def _import(path, form, **kwargs):
    options = {"state": "EXA", "office_title": "President of Examplia", "roles": ("head-of-state",)}
    options.update(kwargs)
    return import_text(path, form, "EX", "Examplia", CHECKED, None, (), **options)


def test_reign_spells_become_terms_of_the_one_office_named(tmp_path):
    text = _import(_write(tmp_path, "leaderlist.csv", REIGN), "reign")
    kb = _load(tmp_path, text)
    assert list(kb.offices) == ["ex-president-of-examplia"]
    office = kb.offices["ex-president-of-examplia"]
    assert office.roles == ("head-of-state",) and office.aliases == ("president",)
    # The start to the day, the end to the month (REIGN gives no end day); the last one open.
    assert [(t.person, str(t.start), str(t.end)) for t in office.terms] == [
        ("alder", "1998-02-03", "2004-06"), ("birch-cole", "2004-06-14", "2009-09"), ("alder", "2009-09-20", "None")]
    assert office.covered_from == dt.date(1998, 2, 3) and office.covered_to == CHECKED
    assert "Dune" not in text  # another state's spells


def test_surname_only_people_are_marked_for_their_full_names(tmp_path):
    text = _import(_write(tmp_path, "leaderlist.csv", REIGN), "reign")
    lines = text.splitlines()
    assert lines[0].endswith("from REIGN's leader list.")
    assert "# write each marked person's full name (keep the source's form as an alias)." in lines
    people = lines[lines.index("people:"):]
    assert people == ["people:", "  # TODO full name: the source gives only this form", "  alder:",
                      "    name: Alder", "  # TODO full name: the source gives only this form", "  birch-cole:",
                      "    name: Birch Cole"]


def test_reign_people_are_a_name_and_a_birth_year(tmp_path):
    # REIGN's leadid changes from spell to spell; two leaders of one surname are two people.
    table = REIGN.replace("EXA,901,X3,Alder,20,9,2009,,,1950", "EXA,901,X3,Alder,20,9,2009,,,1977")
    kb = _load(tmp_path, _import(_write(tmp_path, "leaderlist.csv", table), "reign"))
    assert [t.person for t in kb.offices["ex-president-of-examplia"].terms] == ["alder", "birch-cole", "alder-2"]


def test_state_by_number_and_a_stray_byte_in_an_unread_column(tmp_path):
    # The published list has one Windows-1252 byte in a notes URL: a column no reader uses.
    data = REIGN.encode("utf-8").replace(b"https://example.org/alder", b"https://example.org/\x85alder")
    kb = _load(tmp_path, _import(_write(tmp_path, "leaderlist.csv", data), "reign", state="901"))
    assert len(kb.offices["ex-president-of-examplia"].terms) == 3


@pytest.mark.parametrize("text, line, message", [
    ("", 1, "empty file; a REIGN leader list"),
    ("stateabb,ccode,leader,sdate,smonth,syear\nEXA,901,Alder,3,2,1998\n", 1,
     "no 'emonth', 'eyear', 'birthyear' column; is this a REIGN leader list"),
    (REIGN.replace("3,2,1998", "31,2,1998"), 2, "start 1998-02-31 is not a date"),
    (REIGN.replace("3,2,1998", "3,x,1998"), 2, "start '3/x/1998' is not a date"),
    (REIGN.replace("14,6,2004,9,2009", "14,6,2004,9,2001"), 3, "the spell of Birch Cole ends (2001-09) before it starts"),
    (REIGN.replace("X2,Birch Cole", "X2,"), 3, "a row needs a leader"),
    (REIGN.encode("utf-8").replace(b"Birch", b"Bir\xe7h"), 3, "column 'leader' is not UTF-8 text"),
    (REIGN.replace(",xx,\n", "\n", 1), 2, "16 columns where the header has 18"),
    (REIGN.replace("EXA", "ZZZ"), 1, "no spell of state 'EXA'"),
    (REIGN.replace("3,2,1998", "3,2,99999999999"), 2, "start 99999999999-02-03 is not a date"),
    (REIGN.replace("6,2004,1950", "6,99999999999,1950"), 2, "end 99999999999-06 is not a date"),
    (REIGN.replace("3,2,1998", "3,\u00b2,1998"), 2, "start '3/\u00b2/1998' is not a date (numbers expected)"),
    (REIGN.replace("Birch Cole", "Birch\x00Cole"), 3, "column 'leader' holds a control character"),
])
def test_reign_bad_input_is_one_line_at_its_place(tmp_path, text, line, message):
    path = _write(tmp_path, "leaderlist.csv", text)
    with pytest.raises(ConfigError) as caught:
        _import(path, "reign")
    assert str(caught.value).startswith(f"{path}:{line}: {message}")


def test_archigos_keeps_people_across_spells_and_opens_still_in_office(tmp_path):
    text = _import(_write(tmp_path, "archigos.csv", ARCHIGOS), "archigos", roles=("head-of-state", "head-of-government"))
    kb = _load(tmp_path, text)
    office = kb.offices["ex-president-of-examplia"]
    assert office.roles == ("head-of-state", "head-of-government")
    # The closing day, 2015-12-31, of a leader "Still in Office" is no end.
    assert [(t.person, str(t.start), str(t.end)) for t in office.terms] == [
        ("alder-p", "1998-02-03", "2004-06-14"), ("birch-cole", "2004-06-14", "2009-09-20"),
        ("alder-p", "2009-09-20", "None")]
    assert [t.note for t in office.terms] == [
        "Archigos: exit Irregular (Removed by Military, without Foreign Support)", "Archigos: entry Irregular", ""]
    assert kb.people["alder-p"].name == "Alder, P." and "# TODO full name" in text


def test_archigos_tab_separated_as_published(tmp_path):
    table = "\n".join("\t".join(c.strip('"') for c in _cells(line)) for line in ARCHIGOS.splitlines())
    kb = _load(tmp_path, _import(_write(tmp_path, "Archigos_4.1.txt", table + "\n"), "archigos", state="901"))
    assert len(kb.offices["ex-president-of-examplia"].terms) == 3


def _cells(line):
    import csv
    return next(csv.reader([line]))


@pytest.mark.parametrize("text, line, message", [
    ("\n\n", 1, "empty file; an Archigos 4.1 table"),
    (ARCHIGOS.replace("2004-06-14,Regular", "2004-6-14,Regular", 1), 2, "enddate '2004-6-14' is not a date"),
    (ARCHIGOS.replace("2009-09-20,2015-12-31", "NA,2015-12-31"), 4, "startdate 'NA' is not a date"),
    (ARCHIGOS.replace("exitcode", "exit_code"), 1, "no 'exitcode' column"),
])
def test_archigos_bad_input_is_one_line_at_its_place(tmp_path, text, line, message):
    path = _write(tmp_path, "archigos.csv", text)
    with pytest.raises(ConfigError) as caught:
        _import(path, "archigos")
    assert str(caught.value).startswith(f"{path}:{line}: {message}")


def test_the_office_and_role_are_the_callers(tmp_path):
    path = _write(tmp_path, "leaderlist.csv", REIGN)
    with pytest.raises(UsageError, match="needs --state .* and --office-title"):
        _import(path, "reign", office_title=None)
    with pytest.raises(UsageError, match="unknown role 'president'"):
        _import(path, "reign", roles=("president",))
    with pytest.raises(UsageError, match="belong to --format reign and archigos"):
        import_text(path, "holders-csv", "EX", None, CHECKED, None, (), state="EXA")


def test_cli_import_reign_and_its_errors(tmp_path, capsys):
    path = _write(tmp_path, "leaderlist.csv", REIGN)
    assert main(["kb", "import", str(path), "--format", "reign", "--state", "EXA", "--country", "EX",
                 "--name", "Examplia", "--office-title", "President of Examplia", "--role", "head-of-state",
                 "--checked", "2025-11-20", "-o", str(tmp_path / "ex.yaml")]) == 0
    assert "roles:\n  - head-of-state" in (tmp_path / "ex.yaml").read_text(encoding="utf-8")
    capsys.readouterr()
    _write(tmp_path, "leaderlist.csv", REIGN.replace("3,2,1998", "3,2,19x8"))
    assert main(["kb", "import", str(path), "--format", "reign", "--state", "EXA", "--country", "EX",
                 "--office-title", "President"]) == 2
    assert capsys.readouterr().err == f"{path}:2: start '3/2/19x8' is not a date (numbers expected)\n"
    assert main(["kb", "import", str(tmp_path / "missing.csv"), "--format", "archigos", "--state", "EXA",
                 "--country", "EX", "--office-title", "President"]) == 2
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'missing.csv'}:1: cannot read")
