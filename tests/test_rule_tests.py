"""`newslint test`: rule examples run as tests, with one line per failure and exit codes 0/1/2."""
from __future__ import annotations

import re
from pathlib import Path

from newslint.cli import main

GOOD_RULE = """extends: substitution
message: "Use '{replacement}', not '{match}'."
swap: {utilize: use}
examples:
  bad:
    - "We utilize drones."
  good:
    - "We use drones."
  fixed:
    - "We use drones."
"""
BROKEN_EXAMPLES = """extends: existence
message: "Avoid '{match}'."
tokens: [drone]
examples:
  bad:
    - "A drone flew."
    - "A plane flew."
  good:
    - "A drone was seen."
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_examples_that_behave_exit_zero(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house", "use-plain.yaml", GOOD_RULE)
    assert main(["test", "house/use-plain.yaml"]) == 0
    assert capsys.readouterr().out == "All examples behave; 1 rule, 2 examples.\n"


def test_each_failure_is_one_line_at_the_example(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house", "use-plain.yaml", GOOD_RULE.replace('  fixed:\n    - "We use drones."',
                                                                  '  fixed:\n    - "We use drones!"'))
    write(tmp_path / "house", "no-drones.yaml", BROKEN_EXAMPLES)
    assert main(["test", "house"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        'house/no-drones.yaml:7: no-drones: bad example 2 was not flagged: "A plane flew."',
        "house/no-drones.yaml:9: no-drones: good example 1 was flagged (Avoid 'drone'.): \"A drone was seen.\"",
        'house/use-plain.yaml:10: use-plain: bad example 1 was fixed to "We use drones.", not "We use drones!"',
        "3 failed; 2 rules, 5 examples.",
    ]


def test_a_rule_file_error_exits_two(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house", "bad.yaml", "extends: existence\nmessage: m\ntokens: ['(']\n")
    assert main(["test", "house/bad.yaml"]) == 2
    assert "house/bad.yaml:3: bad regular expression" in capsys.readouterr().err


def test_an_unknown_target_exits_two(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["test", "nowhere"]) == 2
    assert capsys.readouterr().err == (
        "newslint: error: nowhere: not a rule file (.yaml), a pack folder or a built-in pack (newsroom)\n")
    assert main(["test", "newsroo"]) == 2
    assert capsys.readouterr().err == (
        "newslint: error: newsroo: not a rule file (.yaml), a pack folder or a built-in pack (did you mean 'newsroom'?)\n")


def test_without_targets_the_rules_in_force_are_tested(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house", "use-plain.yaml", GOOD_RULE)
    write(tmp_path, ".newslint.yaml", "packs: [house]\n")
    assert main(["test"]) == 0
    assert capsys.readouterr().out == "All examples behave; 1 rule, 2 examples.\n"


def test_rules_without_examples_are_counted(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house", "bare.yaml", "extends: existence\nmessage: m\ntokens: [drone]\n")
    assert main(["test", "house"]) == 0
    assert capsys.readouterr().out == "All examples behave; 1 rule, 0 examples (1 without examples: bare).\n"


def test_a_built_in_pack_is_named_by_its_name(capsys):
    # Whether every built-in example behaves is test_rule_files' job; this checks the target.
    assert main(["test", "newsroom"]) in (0, 1)
    assert re.search(r"; \d+ rules, \d+ examples\.$", capsys.readouterr().out.strip())
