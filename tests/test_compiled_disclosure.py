"""The disclosure rule's check of its own fix text, kept between runs (`newslint.compiled`).

Only a "yes, the phrase patterns read this text as a disclosure" is kept, keyed by the phrase
file's bytes and newslint's code: a text that is no disclosure is a config error at every load,
and a changed phrase file is checked again.
"""
from __future__ import annotations

import shutil

import pytest

from newslint import compiled
from newslint.config import default_settings, load_settings
from newslint.engine import Linter
from newslint.errors import ConfigError
from newslint.kinds import disclosure
from newslint.rules import builtin_rules_root
from compiled_helpers import reopen as _again


@pytest.fixture
def folder(compiled_folder):
    return compiled_folder


def _no_survey(*args):
    raise AssertionError("the text was surveyed again")


def test_a_recognised_text_is_not_surveyed_again(folder, tmp_path, monkeypatch):
    Linter(default_settings(tmp_path))
    _again(folder)
    monkeypatch.setattr(disclosure, "_survey", _no_survey)
    Linter(default_settings(tmp_path))


def test_a_text_that_is_no_disclosure_is_an_error_at_every_load(folder, tmp_path):
    config = tmp_path / ".newslint.yaml"
    config.write_text("rules:\n  ai-disclosure-missing:\n    text: Hello readers.\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="'text' must be a disclosure") as error:
            Linter(load_settings(config))
        assert error.value.line == 3
        _again(folder)


def test_a_changed_phrase_file_is_checked_again(folder, tmp_path, monkeypatch):
    pack = tmp_path / "pack"
    shutil.copytree(builtin_rules_root() / "newsroom", pack / "rules")
    shutil.copytree(builtin_rules_root() / "data", pack / "data")
    config = tmp_path / ".newslint.yaml"
    config.write_text("packs: [pack/rules]\n", encoding="utf-8")
    Linter(load_settings(config))
    _again(folder)
    phrases = pack / "data" / "disclosure-phrases.yaml"
    phrases.write_text(phrases.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    disclosure.load_phrases.cache_clear()
    monkeypatch.setattr(disclosure, "_survey", _no_survey)
    with pytest.raises(AssertionError, match="surveyed again"):
        Linter(load_settings(config))
