"""The Python API (newslint.api, docs/api.md): positions as the JSON report gives them, fixes
through the --fix machinery, a warm Linter that loads each config once, rules, errors."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import newslint
from newslint import api
from newslint.cli import main

EMOJI = "\U0001F600"


def test_positions_count_code_points_and_ends_are_exclusive():
    text = f"# Title {EMOJI}\n\n{EMOJI} Officials said the\nthe talks went on. Whilst here.\n"
    findings = newslint.lint_text(text, "a.md")
    assert [(f.rule, f.line, f.column, f.end_line, f.end_column, f.text, f.start, f.end) for f in findings] == [
        ("word-repeated", 3, 18, 4, 4, "the\nthe", 28, 35),
        ("dated-word", 4, 20, 4, 26, "Whilst", 51, 57),
    ]
    assert all(text[f.start : f.end] == f.text for f in findings)
    # A repeat across a line break has no fix (docs/rules/word-repeated.md); the other has one.
    assert findings[0].fix is None
    assert findings[1].fix == api.Fix(True, "Replace with 'While'", (api.Edit(4, 20, 4, 26, "While", 51, 57),))


def test_the_api_and_the_json_report_agree(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.md").write_text(f"Officials {EMOJI} said the the talks.\n\nWhilst it rained.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "--format", "json", "a.md"]) == 0  # no error-level finding
    report = json.loads(capsys.readouterr().out)["findings"]
    findings = newslint.lint_file("a.md")
    keys = ("path", "rule", "line", "column", "end_line", "end_column", "message", "text")
    assert [{k: getattr(f, k) for k in keys} | {"severity": f.level} for f in findings] == \
        [{k: entry[k] for k in (*keys, "severity")} for entry in report]
    assert [f.fix.edits[0].content for f in findings] == [e["fix"]["edits"][0]["content"] for e in report]


def test_apply_fixes_leaves_unsafe_fixes_unless_asked():
    text = "---\ntitle: x\nai_generated: true\n---\nIt rained.\n"
    findings = newslint.lint_text(text, "a.md")
    assert newslint.apply_fixes(text, findings) == text
    assert newslint.apply_fixes(text, findings, unsafe=True) == text.replace(
        "---\nIt", "---\nThis article was written with the help of AI.\n\nIt")


def test_a_linter_loads_each_config_once_and_follows_the_nearest(tmp_path):
    (tmp_path / "quiet").mkdir()
    (tmp_path / "quiet" / ".newslint.yaml").write_text("ignore: [dated-word]\n")
    (tmp_path / "loud").mkdir()
    linter = newslint.Linter()
    for _ in range(3):
        assert linter.lint_text("Whilst it rained.\n", tmp_path / "quiet" / "a.md") == []
        assert [f.rule for f in linter.lint_text("Whilst it rained.\n", tmp_path / "loud" / "a.md")] == ["dated-word"]
    # One engine linter for the quiet folder's config, one for the defaults, however many texts.
    assert sorted(str(engine.settings.path) for engine in linter.runner.linters()) == \
        sorted([str(tmp_path / "quiet" / ".newslint.yaml"), "None"])


def test_a_linter_takes_a_new_day_for_the_next_text(monkeypatch):
    linter = newslint.Linter()
    assert linter.runner.options.today == dt.date.today()

    class Tomorrow(dt.date):
        @classmethod
        def today(cls):
            return dt.date(2031, 1, 2)

    monkeypatch.setattr(api.dt, "date", Tomorrow)
    assert linter.runner.options.today == dt.date(2031, 1, 2)


def test_select_ignore_and_isolated():
    text = "Whilst the the rain fell.\n"
    assert [f.rule for f in newslint.Linter(select=["word-repeated"]).lint_text(text)] == ["word-repeated"]
    assert [f.rule for f in newslint.Linter(ignore=["word-*"]).lint_text(text)] == ["dated-word"]
    with pytest.raises(newslint.UsageError, match="--select: no rule or pack matches 'word-repeat'"):
        newslint.Linter(select=["word-repeat"]).lint_text(text)


def test_a_bad_config_raises_config_error(tmp_path):
    config = tmp_path / ".newslint.yaml"
    config.write_text("ignore: [dated-word]\nbogus: 1\n")
    with pytest.raises(newslint.ConfigError) as error:
        newslint.lint_text("x", config=config)
    assert (error.value.path, error.value.line) == (str(config), 2)
    with pytest.raises(newslint.ConfigError):
        newslint.Linter().lint_text("x", tmp_path / "a.md")
    # Without a path there is no config to find: the defaults apply.
    assert newslint.Linter().lint_text("Calm.\n") == []


def test_list_rules_names_core_and_pack_rules_with_links(tmp_path):
    config = tmp_path / ".newslint.yaml"
    config.write_text("ignore: [date-*]\ndocs-url: https://example.org/style/{rule}\n")
    rules = {rule.id: rule for rule in newslint.list_rules(config)}
    assert "date-missing" not in rules
    assert rules["word-repeated"] == api.RuleInfo(
        "word-repeated", "warning", "repetition", "newsroom", rules["word-repeated"].description,
        "https://example.org/style/word-repeated")
    assert (rules["file-unreadable"].kind, rules["file-unreadable"].pack) == ("core", "core")
    assert [rule.id for rule in newslint.list_rules()] == sorted(rule.id for rule in newslint.list_rules())


def test_an_unreadable_file_is_a_finding_not_an_exception(tmp_path):
    (tmp_path / "a.md").write_bytes(b"\xff\xfeW\x00")
    (finding,) = newslint.lint_file(tmp_path / "a.md")
    assert (finding.rule, finding.line, finding.column, finding.text) == ("file-unreadable", 1, 1, "")
