"""Shared test helpers. Tests never depend on ../shared: a user's clone has none of it."""
from __future__ import annotations

import datetime as dt

from pathlib import Path

import pytest

from newslint.config import default_settings
from newslint.engine import Linter, Selection
from newslint.kb import load_kb
from newslint.rules import builtin_rules_root

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A fresh folder that is also the current directory, as a user's site would be."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def default_linter() -> Linter:
    return Linter(default_settings(FIXTURES))


def positions(findings, source: str) -> list[tuple[str, int, int]]:
    from newslint.text.lines import LineIndex

    index = LineIndex(source)
    return [(f.rule, *index.position(f.span.start)) for f in findings]


OFFICEHOLDERS = builtin_rules_root() / "data" / "officeholders"


@pytest.fixture(scope="module")
def kb():
    """The built-in knowledge base, loaded once per test module."""
    return load_kb((OFFICEHOLDERS,))


@pytest.fixture(scope="module")
def linter():
    """The built-in title rules alone."""
    return Linter(default_settings(), Selection(select=("title-*",)))


@pytest.fixture
def compiled_folder(tmp_path):
    """A folder for the stored compiled forms (newslint.compiled), in use for one test."""
    from newslint import compiled

    folder = tmp_path / "compiled"
    compiled.use_folder(folder)
    yield folder
    compiled.use_folder(None)


@pytest.fixture(scope="module")
def holders(kb):
    """holders(title, on, country): the names of who held the title there that day."""
    def holders(title: str, on: str, country: str) -> list[str]:
        return [kb.name_of(t.person) for _, terms in kb.who(title, dt.date.fromisoformat(on), country)
                for t in terms]
    return holders


def lint_titles(linter, body: str, date: str = "2023-05-02") -> list[tuple[str, str, str]]:
    """(rule, severity, matched text) of each finding in an article of `body` dated `date`."""
    source = f"---\ndate: {date}\n---\n{body}\n"
    return [(f.rule, f.severity.label, source[f.span.start:f.span.end]) for f in linter.lint("a.md", source)]


def assert_covered(kb, countries, start: dt.date, to: dt.date) -> None:
    """Each country has a head of state, a head of government and a foreign minister, every
    office of it covered from `start` to `to`."""
    for country in countries:
        offices = [o for o in kb.offices.values() if o.country == country]
        roles = {role for office in offices for role in office.roles}
        assert {"head-of-state", "head-of-government", "foreign-minister"} <= roles, country
        for office in offices:
            assert (office.covered_from, office.covered_to) == (start, to), office.id
