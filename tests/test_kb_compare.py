"""`newslint kb compare`: one office of a knowledge-base file against a second source, on small
files written here."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from newslint.cli import main
from newslint.kb import PartialDate
from newslint.kb.compare import Spell, compare, name_keys, shared_forms

KB = """country: EX
name: Examplia
checked: 2025-11-20
offices:
  - id: ex-president
    title: President of Examplia
    roles: [head-of-state, head-of-government]
    aliases: [president]
    coverage: {from: 2000-01-01}
    holders:
      - {person: ana-alder, start: 1995-02-03, end: 2004-06-14}
      - {person: bo-birch, start: 2004-06-14, end: 2009-09-20}
      - {person: bo-birch, start: 2009-09-20, end: 2009-10-02, status: acting}
      - {person: cy-cole, start: 2009-10-02, end: 2016-01-08}
      - {person: di-dune, start: 2016-01-08, end: 2016-01-20, status: acting}
      - {person: ed-east, start: 2016-01-20}
  - id: ex-foreign-minister
    title: Foreign Minister of Examplia
    coverage: {from: 2000-01-01}
    holders:
      - {person: ana-alder, start: 2001-01-01}
people:
  ana-alder: {name: Ana Alder}
  bo-birch: {name: Bo Birch}
  cy-cole: {name: Cyrus Ó Cole, aliases: [Cole]}
  di-dune: {name: Di Dune}
  ed-east: {name: Ed East}
"""

REIGN_HEADER = "stateabb,ccode,leadid,leader,sdate,smonth,syear,emonth,eyear,birthyear,notes\n"
# Birch's spell runs to Cole's start (the file splits it in two at an acting period); Cole
# ("Cole Ó", family name first) came a day later than the file says; Dune's interim is missing;
# the source closes in March 2021, so East's open term agrees.
REIGN = REIGN_HEADER + """EXA,901,X1,Alder,3,2,1995,6,2004,1950,
EXA,901,X2,Birch,14,6,2004,10,2009,1961,
EXA,901,X3,Cole O,3,10,2009,1,2016,1955,
EXA,901,X4,East,20,1,2016,,,1970,
OTH,902,Y1,Far,1,1,2000,3,2021,1940,
OLD,903,Z1,Gone,1,1,1950,1,1960,1900,
"""


def _files(tmp_path, source=REIGN, name="leaderlist.csv"):
    kb = tmp_path / "examplia.yaml"
    kb.write_text(KB, encoding="utf-8")
    src = tmp_path / name
    src.write_text(source, encoding="utf-8")
    return kb, src


def _run(capsys, *argv):
    code = main(["kb", "compare", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_each_difference_is_one_line_and_the_exit_is_one(tmp_path, capsys):
    kb, src = _files(tmp_path)
    code, out, _ = _run(capsys, kb, src, "--format", "reign", "--state", "EXA", "--office", "ex-president")
    assert code == 1
    assert out.splitlines() == [
        "ex-president: start of Cyrus Ó Cole (Cole O in leaderlist.csv): 2009-10-02 in examplia.yaml, "
        "2009-10-03 in leaderlist.csv (1 day apart)",
        "ex-president: Di Dune (2016-01-08 to 2016-01-20, acting): only in examplia.yaml",
        "ex-president: 2 differences between examplia.yaml and leaderlist.csv from 2000-01-01 to 2021-03-31"]


def test_a_tolerance_of_days_and_agreement_exit_zero(tmp_path, capsys):
    kb, src = _files(tmp_path, REIGN.replace("EXA,901,X4,East,20,1,2016,,,1970,",
                                             "EXA,901,X5,Dune,8,1,2016,1,2016,1960,\nEXA,901,X4,East,21,1,2016,,,1970,"))
    # Dune now in both; East's start and Cole's are one day off: within --days 1.
    code, out, _ = _run(capsys, kb, src, "--format", "reign", "--state", "EXA", "--office", "ex-president")
    assert code == 1 and "start of Ed East" in out
    code, out, _ = _run(capsys, kb, src, "--format", "reign", "--state", "EXA", "--office", "ex-president",
                        "--days", "1")
    assert code == 0
    assert out == ("ex-president: examplia.yaml agrees with leaderlist.csv from 2000-01-01 to 2021-03-31, "
                   "more than 1 day apart\n")


def test_a_handover_that_differs_on_both_sides_is_one_line(tmp_path, capsys):
    archigos = ("obsid,leadid,ccode,idacr,leader,startdate,enddate,entry,exit,exitcode\n"
                "EXA-1995,a,901,EXA,Alder,1995-02-03,2004-06-10,Regular,Regular,Regular\n"
                "EXA-2004,b,901,EXA,Birch,2004-06-10,2009-10-02,Regular,Regular,Regular\n"
                "EXA-2009,c,901,EXA,\"Cole, C.\",2009-10-02,2015-12-31,Regular,Still in Office,Still in Office\n")
    kb, src = _files(tmp_path, archigos, "archigos.csv")
    code, out, _ = _run(capsys, kb, src, "--format", "archigos", "--state", "901", "--office", "ex-president")
    assert code == 1
    assert out.splitlines() == [
        "ex-president: handover Ana Alder -> Bo Birch: 2004-06-14 in examplia.yaml, 2004-06-10 in archigos.csv "
        "(4 days apart)",
        "ex-president: 1 difference between examplia.yaml and archigos.csv from 2000-01-01 to 2015-12-31"]


def test_terms_one_side_lacks_and_an_end_the_other_leaves_open(tmp_path, capsys):
    source = REIGN.replace("EXA,901,X2,Birch,14,6,2004,10,2009,1961,\n", "").replace(
        "East,20,1,2016,,", "East,20,1,2016,2,2019").replace("EXA,901,X1,Alder,3,2,1995,6,2004", "EXA,901,X1,Alder,3,2,1995,,")
    kb, src = _files(tmp_path, source)
    code, out, _ = _run(capsys, kb, src, "--format", "reign", "--state", "EXA", "--office", "ex-president",
                        "--days", "1")
    assert code == 1
    assert out.splitlines()[:-1] == [
        "ex-president: Bo Birch (2004-06-14 to 2009-10-02, partly acting): only in examplia.yaml",
        "ex-president: end of Ana Alder: 2004-06-14 in examplia.yaml, open in leaderlist.csv",
        "ex-president: Di Dune (2016-01-08 to 2016-01-20, acting): only in examplia.yaml",
        "ex-president: end of Ed East: open in examplia.yaml, 2019-02 in leaderlist.csv"]


def test_vdyknow_as_second_source(tmp_path, capsys):
    data = {"countries": {"Examplia": {"President of Examplia": {"answers": [
        "Ana Alder |S: +1995-02-03T00:00:00Z |E: +2004-06-14T00:00:00Z",
        "Bo Birch |S: +2004-06-14T00:00:00Z |E: +2009-10-02T00:00:00Z",
        "Cyrus Cole |S: +2009-10-02T00:00:00Z |E: +2016-01-08T00:00:00Z",
        "Di Dune |S: +2016-01-08T00:00:00Z |E: +2016-01-20T00:00:00Z",
        "Ed East |S: +2016-01-20T00:00:00Z |E: "]}, "images": []}}}
    kb, src = _files(tmp_path, json.dumps(data), "v.json")
    code, out, _ = _run(capsys, kb, src, "--format", "vdyknow", "--name", "Examplia", "--office", "ex-president")
    assert (code, out) == (0, "ex-president: examplia.yaml agrees with v.json from 2000-01-01 to 2016-01-20\n")
    code, out, _ = _run(capsys, kb, src, "--format", "vdyknow", "--name", "Examplia", "--office", "ex-president",
                        "--until", "2025-11-20")
    assert code == 0 and "to 2025-11-20" in out


@pytest.mark.parametrize("argv, message", [
    (["--format", "reign", "--state", "EXA"], "examplia.yaml has 2 offices; choose one with --office "
                                              "(ex-president, ex-foreign-minister)"),
    (["--format", "reign", "--office", "ex-president"], "--format reign needs --state"),
    (["--format", "reign", "--state", "EXA", "--office", "ex-pm"], "has no office 'ex-pm'"),
    (["--format", "vdyknow", "--office", "ex-president"], "--format vdyknow needs --name"),
    (["--format", "reign", "--state", "OLD", "--office", "ex-president"],
     "no spell of the selection falls between 2000-01-01 and 2021-03-31; is it the right state or office?"),
])
def test_usage_mistakes_exit_two(tmp_path, capsys, argv, message):
    kb, src = _files(tmp_path)
    code, out, err = _run(capsys, kb, src, *argv)
    assert code == 2 and out == "" and message in err


@pytest.mark.parametrize("days", ["-1", "x", "100001", "\u0663"])
def test_days_is_a_plain_number(tmp_path, capsys, days):
    kb, src = _files(tmp_path)
    with pytest.raises(SystemExit) as exited:
        main(["kb", "compare", str(kb), str(src), "--format", "reign", "--state", "EXA", "--days", days])
    assert exited.value.code == 2
    assert f"argument --days: {days!r} is not a number of days (0 to 100000)" in capsys.readouterr().err


def test_bad_files_exit_two_at_their_line(tmp_path, capsys):
    kb, src = _files(tmp_path, REIGN.replace("14,6,2004", "14,13,2004"))
    code, _, err = _run(capsys, kb, src, "--format", "reign", "--state", "EXA", "--office", "ex-president")
    assert code == 2 and err == f"{src}:3: start 2004-13-14 is not a date\n"
    src.write_text(REIGN, encoding="utf-8")
    kb = tmp_path / "broken.yaml"  # a new path: the base of a path is loaded once per process
    kb.write_text(KB.replace("person: ed-east", "person: ed-west"), encoding="utf-8")
    code, _, err = _run(capsys, kb, src, "--format", "reign", "--state", "EXA", "--office", "ex-president")
    assert code == 2 and err.startswith(f"{kb}:16: holder 'ed-west'")
    src.write_bytes(b"")
    kb.write_text(KB, encoding="utf-8")
    code, _, err = _run(capsys, kb, src, "--format", "reign", "--state", "EXA", "--office", "ex-president")
    assert code == 2 and err.startswith(f"{src}:1: empty file")


def test_a_source_that_starts_late_is_judged_from_its_first_spell(tmp_path, capsys):
    # Cole's term ends on the source's first day: a handover day, not a term the source lacks.
    data = {"countries": {"Examplia": {"President of Examplia": {"answers": [
        "Di Dune |S: +2016-01-08T00:00:00Z |E: +2016-01-20T00:00:00Z",
        "Ed East |S: +2016-01-20T00:00:00Z |E: "]}}}}
    kb, src = _files(tmp_path, json.dumps(data), "v.json")
    code, out, _ = _run(capsys, kb, src, "--format", "vdyknow", "--name", "Examplia", "--office", "ex-president",
                        "--until", "2025-11-20")
    assert (code, out) == (0, "ex-president: examplia.yaml agrees with v.json from 2016-01-08 to 2025-11-20\n")


def test_the_closest_name_pairs_first():
    # Two holders share a family name; the source's Lee Ju-ho is still in office there.
    lee_ju_ho = Spell("Lee Ju-ho", name_keys("Lee Ju-ho"), PartialDate(2025, 5, 2), PartialDate(2025, 6, 4), "acting")
    lee_jae_myung = Spell("Lee Jae-myung", name_keys("Lee Jae-myung"), PartialDate(2025, 6, 4), None)
    source = [Spell("Lee Ju-ho", name_keys("Lee Ju-ho"), PartialDate(2025, 5, 2), None)]
    found = compare([lee_ju_ho, lee_jae_myung], source, (dt.date(2025, 5, 2), dt.date(2025, 10, 31)), 0, ("a", "b"))
    assert [d.text for d in found] == ["Lee Jae-myung (2025-06-04 to open): only in a",
                                       "end of Lee Ju-ho: 2025-06-04 in a, open in b"]


def test_linting_imports_none_of_the_import_and_compare_tooling(tmp_path):
    # `newslint check` reads the knowledge base; the readers, the writer and compare are for `kb`.
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2024-01-01\n---\nPrime Minister Rishi Sunak spoke.\n", encoding="utf-8")
    script = ("import sys\nfrom newslint.cli import main\n"
              f"main(['check', '--no-cache', {str(article)!r}])\n"
              "print(sorted(m for m in sys.modules if m.startswith(('newslint.kb', 'newslint.commands.kb'))))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert done.stdout.splitlines()[-1] == "['newslint.kb', 'newslint.kb.loading', 'newslint.kb.records', " \
                                           "'newslint.kb.stored']"


def test_two_transliterations_of_one_name_pair_when_no_word_is_shared():
    kasyanov = Spell("Mikhail Kasyanov", name_keys("Mikhail Kasyanov"), PartialDate(2000, 5, 7), PartialDate(2004, 2, 24))
    kasjanov = Spell("Michail Kasjanov", name_keys("Michail Kasjanov"), PartialDate(2000, 5, 17), PartialDate(2004, 2, 24))
    other = Spell("Viktor Zubkov", name_keys("Viktor Zubkov"), PartialDate(2000, 5, 17), PartialDate(2004, 2, 24))
    window = (dt.date(2000, 1, 1), dt.date(2010, 1, 1))
    assert [d.text for d in compare([kasyanov], [kasjanov], window, 0, ("a", "b"))] == [
        "start of Mikhail Kasyanov (Michail Kasjanov in b): 2000-05-07 in a, 2000-05-17 in b (10 days apart)"]
    assert [d.text for d in compare([kasyanov], [other], window, 0, ("a", "b"))] == [
        "Mikhail Kasyanov (2000-05-07 to 2004-02-24): only in a", "Viktor Zubkov (2000-05-17 to 2004-02-24): only in b"]


def test_an_empty_window_says_which_days_were_asked_for(tmp_path, capsys):
    kb, src = _files(tmp_path)
    code, _, err = _run(capsys, kb, src, "--format", "reign", "--state", "EXA", "--office", "ex-president",
                        "--since", "2022-01-01", "--until", "2021-01-01")
    assert code == 2 and err.startswith("newslint: error: nothing to compare: the days both know run from "
                                        "2022-01-01 to 2021-01-01")


def test_a_shared_middle_name_or_a_short_near_miss_pairs_no_one():
    # Vietnamese names: Duc is a middle name of both; Truong and Trong are two names.
    window = (dt.date(2000, 1, 1), dt.date(2010, 1, 1))
    ours = [Spell("Tran Duc Luong", name_keys("Trần Đức Lương"), PartialDate(1997, 9, 24), PartialDate(2006, 6, 27)),
            Spell("Truong Tan Sang", name_keys("Trương Tấn Sang"), PartialDate(2006, 6, 27), None)]
    theirs = [Spell("Nong Duc Manh", name_keys("Nong Duc Manh"), PartialDate(2001, 4, 23), PartialDate(2011, 1, 19)),
              Spell("Phu Trong", name_keys("Phu Trong"), PartialDate(2011, 1, 19), None)]
    assert [d.text.split(":")[-1] for d in compare(ours, theirs, window, 0, ("a", "b"))] == [
        " only in a", " only in b", " only in a"]
    # A middle word of one that is the other's edge still pairs them.
    assert shared_forms(name_keys("Ricardo Lagos Escobar"), name_keys("Ricardo Lagos")) == 2
