"""Spot checks of the G20 cabinet posts of Turkey, Saudi Arabia, Indonesia and China (issue 17):
the defence, finance, interior, justice and health ministers and the central bank governors.
Each assertion names its source in a comment (the file headers in rules/data/officeholders/ give
the full list). `newslint kb who` is asked with the country's name, as a reader would ask it."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import positions
from newslint.commands.kb import who

# The fixture `linter` (the title rules) is in conftest.py.


def holders(linter, title: str, country: str, on: str) -> list[str]:
    """The names `newslint kb who TITLE --country COUNTRY --on ON` prints."""
    return [line.split(": ", 1)[1].split(" (")[0]
            for line in who(linter, title, country, dt.date.fromisoformat(on))]


@pytest.mark.parametrize("title, country, on, names", [
    # --- Turkey ---
    # The 2023 cabinet, announced on 3 June 2023 (Hürriyet Daily News; Xinhua via Ahram Online).
    ("Treasury and Finance Minister", "Turkey", "2023-07-01", ["Mehmet Şimşek"]),
    ("finance minister", "Türkiye", "2023-05-01", ["Nureddin Nebati"]),
    # Elvan appointed by the Official Gazette of 10 November 2020 (Daily Sabah; AP).
    ("finance minister", "Turkish", "2021-06-01", ["Lütfi Elvan"]),
    ("interior minister", "Turkey", "2023-07-01", ["Ali Yerlikaya"]),
    # Soylu took the interior from Ala on 31 August 2016 (TRT World; Hürriyet Daily News).
    ("interior minister", "Turkey", "2016-07-01", ["Efkan Ala"]),
    ("interior minister", "Turkey", "2016-09-15", ["Süleyman Soylu"]),
    ("defence minister", "Turkey", "2023-07-01", ["Yaşar Güler"]),
    # Gönül back at defence on 3 July 2015 after Yılmaz's election as Speaker (Report.az/Anadolu;
    # Middle East Monitor).
    ("defense minister", "Turkey", "2014-01-01", ["İsmet Yılmaz"]),
    ("defense minister", "Turkey", "2015-09-01", ["Vecdi Gönül"]),
    # Bozdağ back at justice on 29 January 2022 (Bloomberg; TRT/AA); Tunç in the 2023 cabinet
    # (Daily Sabah).
    ("justice minister", "Turkey", "2022-06-01", ["Bekir Bozdağ"]),
    ("justice minister", "Turkey", "2025-06-01", ["Yılmaz Tunç"]),
    # Memişoğlu replaced Koca on 2 July 2024 (Daily Sabah; Duvar; Rudaw).
    ("health minister", "Turkey", "2024-06-01", ["Fahrettin Koca"]),
    ("health minister", "Turkey", "2024-08-01", ["Kemal Memişoğlu"]),
    # Akdağ health minister from Gül's government to 24 January 2013 (AA; Today's Zaman).
    ("health minister", "Turkey", "2008-01-01", ["Recep Akdağ"]),
    # Karahan appointed on 3 February 2024 (Reuters via Devdiscourse; Bloomberg); Erkan from
    # 9 June 2023 (Bloomberg via wn.com); Kavcıoğlu from 20 March 2021 (Hürriyet Daily News/AA).
    ("central bank governor", "Turkey", "2024-03-01", ["Fatih Karahan"]),
    ("CBRT governor", "Turkey", "2023-10-01", ["Hafize Gaye Erkan"]),
    ("Turkish central bank governor", "Turkey", "2022-01-01", ["Şahap Kavcıoğlu"]),
])
def test_who_held_the_post(linter, title, country, on, names):
    assert holders(linter, title, country, on) == names


def lint(linter, body: str, date: str) -> list[tuple[str, int, int, str]]:
    source = f"---\ndate: {date}\n---\n{body}\n"
    return [(*positions([f], source)[0], f.message) for f in linter.lint("a.md", source)]


@pytest.mark.parametrize("body, date, expected", [
    # Güler succeeded Akar on 3 June 2023 (Rudaw; Xinhua via Ahram Online).
    ("Turkish Defence Minister Hulusi Akar visited the troops.", "2024-03-01",
     ("title-mismatch", 4, 1, "Hulusi Akar left the office of Minister of National Defence of Turkey "
      "on 2023-06-03; on 2024-03-01 it was held by Yaşar Güler.")),
])
def test_a_former_holder_is_a_mismatch(linter, body, date, expected):
    assert lint(linter, body, date) == [expected]


@pytest.mark.parametrize("body, date", [
    ("Turkish Defence Minister Yaşar Güler visited the troops.", "2024-03-01"),
    # Şimşek held the finance ministry twice; the title is right in both terms.
    ("Turkish Finance Minister Mehmet Simsek spoke in Ankara.", "2012-05-01"),
    ("Turkish Finance Minister Mehmet Simsek spoke in Ankara.", "2024-05-01"),
    # Ağbal was finance minister, then central bank governor.
    ("Former Finance Minister Naci Agbal, now Turkey's central bank governor, spoke.", "2021-01-10"),
])
def test_right_titles_raise_nothing(linter, body, date):
    assert lint(linter, body, date) == []
