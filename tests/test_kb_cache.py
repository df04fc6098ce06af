"""The knowledge base's compiled form (issue 17): kept between runs, never a different answer.

A stored form is used only for the very files it was built from: editing, adding or renaming a
file, or another newslint, means another key, so the strict validation runs again and reports
a mistake at its path and line. A missing, read-only or damaged cache is just no cache.
"""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from newslint import compiled
from newslint.cli import main
from newslint.errors import ConfigError
from newslint.kb import loading, stored
from newslint.kb.loading import load_kb
from newslint.rules import builtin_rules_root

OFFICEHOLDERS = builtin_rules_root() / "data" / "officeholders"


@pytest.fixture
def cache(tmp_path):
    """A cache folder for this test only; the process-wide memo of loaded bases is cleared
    around it, so every load below really goes to the files or the cache."""
    folder = tmp_path / "cache"
    load_kb.cache_clear()
    compiled.use_folder(folder)
    yield folder
    compiled.use_folder(None)
    load_kb.cache_clear()


@pytest.fixture
def base(tmp_path):
    """A copy of the built-in base that a test may edit."""
    folder = tmp_path / "kb"
    shutil.copytree(OFFICEHOLDERS, folder)
    return folder


def _fields(kb):
    return {f.name: getattr(kb, f.name) for f in dataclasses.fields(kb)}


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "kb").glob("*.json")) if (folder / "kb").is_dir() else []


def test_the_compiled_form_of_the_builtin_base_is_the_base_itself(cache):
    validated = load_kb((OFFICEHOLDERS,))
    assert len(_entries(cache)) == 1
    load_kb.cache_clear()
    from_cache = load_kb((OFFICEHOLDERS,))
    assert from_cache is not validated
    assert _fields(from_cache) == _fields(validated)
    # Order matters too: it decides which of several offices or people a lookup gives first.
    assert list(from_cache.offices) == list(validated.offices)
    assert {k: list(v) for k, v in from_cache.by_name.items()} == {k: list(v) for k, v in validated.by_name.items()}
    assert _fields(stored.from_plain(stored.to_plain(validated))) == _fields(validated)


def test_an_unchanged_base_is_not_read_again(cache, base, monkeypatch):
    load_kb((base,))
    load_kb.cache_clear()

    def no_reading(path):
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(loading, "read_yaml_file", no_reading)
    assert "fr-president" in load_kb((base,)).offices


def test_an_edited_file_is_validated_again_and_its_error_points_at_its_line(cache, base):
    load_kb((base,))
    path = base / "france.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("roles: [head-of-state]", "roles: [king]", 1), encoding="utf-8")
    load_kb.cache_clear()
    with pytest.raises(ConfigError) as caught:
        load_kb((base,))
    assert caught.value.path == str(path) and "unknown role 'king'" in str(caught.value)
    assert caught.value.line == text.splitlines().index("    roles: [head-of-state]") + 1


def test_an_edited_file_gives_the_edited_base(cache, base):
    assert load_kb((base,)).offices["fr-president"].title == "President of France"
    path = base / "france.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: President of France",
                                                             "title: President of the Republic", 1),
                    encoding="utf-8")
    load_kb.cache_clear()
    assert load_kb((base,)).offices["fr-president"].title == "President of the Republic"
    assert len(_entries(cache)) == 2


def test_an_added_or_removed_file_changes_the_key(cache, base):
    before = set(load_kb((base,)).offices)
    (base / "zz-extra.yaml").write_text(
        "country: ZZ\nchecked: 2025-01-01\noffices:\n  - id: zz-chief\n    title: Chief of Zed\n"
        "    coverage: {from: 2000-01-01}\n    holders:\n      - {person: zed, start: 2001-01-01}\n"
        "people:\n  zed: {name: Zed Example}\n", encoding="utf-8")
    load_kb.cache_clear()
    assert set(load_kb((base,)).offices) == before | {"zz-chief"}
    (base / "zz-extra.yaml").unlink()
    load_kb.cache_clear()
    assert set(load_kb((base,)).offices) == before


def test_a_damaged_entry_is_no_cache(cache, base):
    expected = _fields(load_kb((base,)))
    for garbage in ("{", "null", '{"format": 1, "key": "x", "data": 3}', ""):
        (entry,) = _entries(cache)
        entry.write_text(garbage, encoding="utf-8")
        load_kb.cache_clear()
        assert _fields(load_kb((base,))) == expected


def test_an_entry_of_the_right_key_but_a_wrong_shape_is_no_cache(cache, base):
    expected = _fields(load_kb((base,)))
    (entry,) = _entries(cache)
    key = entry.stem
    entry.write_text('{"format": 1, "key": "%s", "data": {"offices": [[1]], "people": [], "countries": []}}' % key,
                     encoding="utf-8")
    load_kb.cache_clear()
    assert _fields(load_kb((base,))) == expected


def test_a_cache_folder_that_cannot_be_made_is_no_cache(tmp_path, base):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    load_kb.cache_clear()
    compiled.use_folder(blocker / "cache")
    try:
        assert "fr-president" in load_kb((base,)).offices
    finally:
        compiled.use_folder(None)
        load_kb.cache_clear()


def test_without_a_folder_nothing_is_written(tmp_path, base):
    load_kb.cache_clear()
    compiled.use_folder(None)
    load_kb((base,))
    load_kb.cache_clear()
    assert not compiled.enabled()
    assert list(tmp_path.rglob("*.json")) == []


def test_check_keeps_the_compiled_base_beside_the_findings_cache_and_not_with_no_cache(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("The minister spoke on Tuesday.\n", encoding="utf-8")
    load_kb.cache_clear()
    try:
        assert main(["check", "--no-cache", "a.md"]) == 0
        assert not (tmp_path / ".newslint_cache").exists()
        load_kb.cache_clear()
        assert main(["check", "a.md"]) == 0
        assert len(_entries(tmp_path / ".newslint_cache" / "compiled")) == 1
    finally:
        compiled.use_folder(None)
        load_kb.cache_clear()
