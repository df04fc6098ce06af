"""Shared test helpers. Tests never depend on ../shared: a user's clone has none of it."""
from __future__ import annotations

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
