"""The newsroom vocabulary: accepted terms silence every rule, rejected terms are reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import Settings, load_settings
from newslint.engine import Linter, Selection
from newslint.errors import ConfigError
from newslint.vocab import load_vocab, vocab_folder

from lint_helpers import located

RULES = {
    "avoid.yaml": 'extends: existence\nmessage: "Avoid {match}."\nignorecase: true\ntokens: [drone, "militants?"]\n',
    "twice.yaml": 'extends: repetition\nmessage: "{match}"\nignorecase: true\n',
    "case.yaml": ('extends: capitalization\nmessage: "{match}"\nscope: heading\nmatch: $sentence\n'
                  "threshold: 1.0\n"),
}


def site(tmp_path, accept: str = "", reject: str = "", config: str = "packs: [pack]\n") -> Path:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    for name, text in RULES.items():
        (pack / name).write_text(text, encoding="utf-8")
    vocab = tmp_path / ".newslint" / "vocab"
    vocab.mkdir(parents=True, exist_ok=True)
    (vocab / "accept.txt").write_text(accept, encoding="utf-8")
    (vocab / "reject.txt").write_text(reject, encoding="utf-8")
    path = tmp_path / ".newslint.yaml"
    path.write_text(config, encoding="utf-8")
    return path


def lint(config: Path, text: str, **selection) -> list[tuple]:
    return located(Linter(load_settings(config), Selection(**selection)).lint("a.md", text), text)


TEXT = "# The Drone attack\n\nThe drone hit militants. The the end.\n"


def test_without_a_vocabulary_every_rule_fires(tmp_path):
    assert [f[0] for f in lint(site(tmp_path), TEXT)] == ["case", "avoid", "avoid", "avoid", "twice"]


def test_accepted_terms_silence_every_kind(tmp_path):
    config = site(tmp_path, accept="# house words\ndrone\nmilitants?\nthe the\n")
    assert lint(config, TEXT) == []


def test_accept_matches_whole_hits_ignoring_case_and_allows_patterns(tmp_path):
    config = site(tmp_path, accept="DRONE\n")
    assert [f[0] for f in lint(config, TEXT)] == ["avoid", "twice"]  # militants, "The the"
    config = site(tmp_path, accept="(?-i:militants)\n")
    assert [f[3] for f in lint(config, TEXT + "Militants left.\n", select=("avoid",))] == [
        "Avoid Drone.", "Avoid drone.", "Avoid Militants."]


def test_rejected_terms_are_reported_by_vocab_rejected(tmp_path):
    config = site(tmp_path, reject="attack\n(?-i:Drone)\n")
    assert lint(config, TEXT, select=("vocab-rejected",)) == [
        ("vocab-rejected", 1, 7, "'Drone' is on the newsroom's reject list (.newslint/vocab/reject.txt); "
                                 "use another word."),
        ("vocab-rejected", 1, 13, "'attack' is on the newsroom's reject list (.newslint/vocab/reject.txt); "
                                  "use another word."),
    ]
    assert lint(config, TEXT, select=("all",), ignore=("vocab-rejected", "avoid", "twice", "case")) == []


def test_the_config_can_name_the_folder(tmp_path):
    folder = tmp_path / "house-words"
    folder.mkdir()
    (folder / "reject.txt").write_text("hit\n", encoding="utf-8")
    config = site(tmp_path, config="packs: [pack]\nvocab: house-words\n")
    assert [f[1:3] for f in lint(config, TEXT, select=("vocab-rejected",))] == [(3, 11)]


def test_a_missing_folder_is_an_error_at_its_line(tmp_path):
    config = site(tmp_path, config="packs: [pack]\nvocab: nowhere\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert caught.value.line == 2 and "'vocab' names 'nowhere', which is not a folder" in caught.value.message


def test_a_bad_entry_is_an_error_at_its_line(tmp_path):
    config = site(tmp_path, accept="# fine\ndrone\n(unclosed\n")
    with pytest.raises(ConfigError) as caught:
        Linter(load_settings(config))
    assert caught.value.path.endswith("accept.txt") and caught.value.line == 3


def test_no_config_means_no_vocabulary(tmp_path):
    site(tmp_path, reject="drone\n")
    assert vocab_folder(None, None, tmp_path) is None
    assert load_vocab(None).accept is None
    settings = Settings(path=None, root=tmp_path, packs=(tmp_path / "pack",))
    assert [f.rule for f in Linter(settings).lint("a.md", TEXT)].count("vocab-rejected") == 0
