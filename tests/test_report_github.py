"""The `github` format: exact workflow-command lines from hand-made findings, and escaping that
matches the Actions toolkit (core/src/command.ts escapeData / escapeProperty)."""
from __future__ import annotations

import pytest

from newslint.cli import main
from newslint.findings import Severity, Span
from newslint.report import FileReport, ReportOptions, renderer
from newslint.report.github import escape_data, escape_property
from report_helpers import ARTICLE_REPORT, CLEAN, UNREADABLE, finding


def render(results, options=ReportOptions()) -> str:
    return renderer("github").render(results, options)


def test_one_command_per_finding_then_the_plain_summary():
    assert render([ARTICLE_REPORT, CLEAN, UNREADABLE]) == (
        "::notice file=content/a.md,line=2,col=15,endLine=2,endColumn=19,"
        "title=newslint (title-case)::Capitalise 'news'.\n"
        "::warning file=content/a.md,line=4,col=1,endLine=4,endColumn=21,"
        "title=newslint (casualty-unsourced)::Casualty figure 'Hundreds were killed' has no source.\n"
        "::notice file=content/a.md,line=4,col=50,endLine=4,endColumn=55,"
        "title=newslint (said-end)::100%25 sure: a, b%0D%0Anext\n"
        "::error file=content/a.md,line=6,endLine=7,title=newslint (wrap-check)::Phrase wraps.\n"
        "::error file=content/bad.md,line=1,col=1,endLine=1,endColumn=1,"
        "title=newslint (file-unreadable)::cannot decode as UTF-8\n"
        "Found 5 findings (2 errors, 1 warning, 2 info) in 3 files.\n"
        "[*] 1 fixable with --fix.\n"
    )


def test_clean_run_is_only_the_summary():
    assert render([CLEAN]) == "All checked: no findings in 1 file.\n"
    assert render([CLEAN], ReportOptions(fixed=2)) == "All checked: no findings in 1 file.\nFixed 2 findings.\n"


def test_properties_escape_colons_and_commas():
    odd = FileReport("dir,x/a:b 100%.md", "Text\n", (
        finding("rule:x,y", Severity.WARNING, "a: b, c", Span(0, 4), path="dir,x/a:b 100%.md"),))
    assert render([odd]).splitlines()[0] == (
        "::warning file=dir%2Cx/a%3Ab 100%25.md,line=1,col=1,endLine=1,endColumn=5,"
        "title=newslint (rule%3Ax%2Cy)::a: b, c"
    )


def test_a_message_cannot_start_a_command_of_its_own():
    sneaky = FileReport("a.md", "Text\n", (
        finding("r", Severity.INFO, "done\n::error file=x.md::injected\r", Span(0, 4), path="a.md"),))
    lines = render([sneaky]).splitlines()
    assert len(lines) == 2
    assert lines[0] == ("::notice file=a.md,line=1,col=1,endLine=1,endColumn=5,"
                        "title=newslint (r)::done%0A::error file=x.md::injected%0D")


@pytest.mark.parametrize("text, data, prop", [
    ("plain", "plain", "plain"),
    ("50%", "50%25", "50%25"),
    ("%0A", "%250A", "%250A"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("k: v, w", "k: v, w", "k%3A v%2C w"),
])
def test_escaping_matches_the_toolkit(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_cli_github_format(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# Talks resume\n\nThe talks were led by [Insert name], the minister.\n",
                                   encoding="utf-8")
    code = main(["check", "--format", "github", "a.md"])
    out = capsys.readouterr().out
    assert code == 1
    assert ("::error file=a.md,line=3,col=23,endLine=3,endColumn=36,title=newslint (template-placeholder)::"
            "Unfilled placeholder '[Insert name]'") in out
    assert any(line.startswith("Found ") for line in out.splitlines())
