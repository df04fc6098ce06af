"""Spot checks of more UN member states added to the knowledge base for issue 17 (the second
list: Colombia, Thailand, ...), each against its source.

Every assertion names, in a comment, the source its date was checked against (the file headers
in rules/data/officeholders/ give the full list). The first list is in test_kb_nations.py.
"""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.commands.kb import who

# The fixtures `kb` (the built-in knowledge base) and `linter` (the title rules) are in conftest.py.

ADDED = ("CO",)


@pytest.fixture(scope="module")
def holders(kb):
    def holders(title: str, on: str, country: str) -> list[str]:
        return [kb.name_of(t.person) for _, terms in kb.who(title, dt.date.fromisoformat(on), country)
                for t in terms]
    return holders


def lint(linter, body: str, date: str) -> list[tuple[str, str, str]]:
    source = f"---\ndate: {date}\n---\n{body}\n"
    return [(f.rule, f.severity.label, source[f.span.start:f.span.end]) for f in linter.lint("a.md", source)]


def test_every_added_country_has_the_three_roles_to_the_checked_date(kb):
    for country in ADDED:
        offices = [o for o in kb.offices.values() if o.country == country]
        roles = {role for office in offices for role in office.roles}
        assert {"head-of-state", "head-of-government", "foreign-minister"} <= roles, country
        for office in offices:
            assert office.covered_from == dt.date(2000, 1, 1), office.id
            assert office.covered_to == dt.date(2025, 11, 20), office.id


@pytest.mark.parametrize("title, country, on, expected", [
    # Adjectives and names from rules/data/places.yaml reach the new countries.
    ("president", "Colombian", "2019-01-01", "President of Colombia: Iván Duque"),
    ("top diplomat", "Colombia", "2012-01-01", "Minister of Foreign Affairs of Colombia: María Ángela Holguín"),
])
def test_kb_who_answers_for_the_new_countries(linter, title, country, on, expected):
    lines = who(linter, title, country, dt.date.fromisoformat(on))
    assert any(line.startswith(expected) for line in lines), lines


# --- Colombia ----------------------------------------------------------------------------------

def test_colombia_president(holders):
    # Presidents take office on 7 August: Uribe 2002, Santos 2010, Duque 2018, Petro 2022
    # (Wikidata via V-DyKnow; REIGN to 2021, which starts Uribe a day later).
    assert holders("president", "2002-08-01", "CO") == ["Andrés Pastrana"]
    assert holders("president", "2002-08-10", "CO") == ["Álvaro Uribe"]
    assert holders("president", "2018-08-01", "CO") == ["Juan Manuel Santos"]
    assert holders("president", "2022-08-10", "CO") == ["Gustavo Petro"]


def test_colombia_foreign_minister(holders):
    # María Consuelo Araújo resigned on 19 February 2007 (Prensa Latina, EFE); Fernando Araújo was
    # sworn in on 28 February (AP via Dinero); Bermúdez on 17 July 2008 (EFE, Reuters via Estadão).
    assert holders("foreign minister", "2007-01-01", "CO") == ["María Consuelo Araújo"]
    assert holders("foreign minister", "2007-02-22", "CO") == []
    assert holders("foreign minister", "2008-01-01", "CO") == ["Fernando Araújo"]
    assert holders("foreign minister", "2008-08-01", "CO") == ["Jaime Bermúdez"]
    # Blum sworn in on 27 November 2019 (El Heraldo); resigned in May 2021 (El Tiempo); Ramírez
    # named on 19 May 2021 (Noticias RCN).
    assert holders("foreign minister", "2020-06-01", "CO") == ["Claudia Blum"]
    assert holders("foreign minister", "2021-05-15", "CO") == ["Adriana Mejía"]
    assert holders("foreign minister", "2022-01-01", "CO") == ["Marta Lucía Ramírez"]


def test_colombia_foreign_ministers_under_petro(holders):
    # Leyva suspended; Murillo in charge from 8 February 2024 (decree 0150; El País), sworn in on
    # 21 May (El Espectador); Sarabia sworn in on 29 January 2025 (Seguimiento); Villavicencio in
    # charge from 8 July 2025 (MercoPress) and minister from 27 August (El Espectador).
    assert holders("foreign minister", "2023-06-01", "CO") == ["Álvaro Leyva"]
    assert holders("foreign minister", "2024-03-01", "CO") == ["Álvaro Leyva", "Luis Gilberto Murillo"]
    assert holders("foreign minister", "2024-09-01", "CO") == ["Luis Gilberto Murillo"]
    assert holders("foreign minister", "2025-03-01", "CO") == ["Laura Sarabia"]
    assert holders("foreign minister", "2025-10-01", "CO") == ["Rosa Villavicencio"]


def test_colombia_titles_in_copy(linter):
    # Duque left office on 7 August 2022 (V-DyKnow); Holguín was foreign minister to 7 August 2018.
    assert lint(linter, "Colombian President Ivan Duque spoke.", "2023-03-01") == [
        ("title-mismatch", "error", "Colombian President Ivan Duque")]
    assert lint(linter, "Colombian President Gustavo Petro spoke.", "2023-03-01") == []
    assert lint(linter, "Colombian Foreign Minister Maria Angela Holguin met her counterpart.",
                "2016-05-02") == []
