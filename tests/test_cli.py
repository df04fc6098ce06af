"""The command line end to end, in process: exit codes, formats, config, fixes, stdin."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main

PLACEHOLDER = "The talks were led by [Insert name], the deputy minister.\n"
DATED = "Whilst talks continued, the strikes stopped.\n"
CLEAN = "Talks resumed in Ankara.\n"


def write(path: Path, text: str, newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_0(workdir, capsys):
    write(workdir / "a.md", CLEAN)
    code, out, _ = run(capsys, "check", "--format", "concise", "a.md")
    assert (code, out) == (0, "All checked: no findings in 1 file.\n")


def test_error_finding_exits_1_with_concise_line(workdir, capsys):
    write(workdir / "a.md", PLACEHOLDER)
    code, out, _ = run(capsys, "check", "--format", "concise", "a.md")
    assert code == 1
    assert out.splitlines()[0] == ("a.md:1:23: template-placeholder [error] Unfilled placeholder "
                                   "'[Insert name]': put in the real text before publishing.")


def test_fail_on_and_exit_zero(workdir, capsys):
    write(workdir / "a.md", DATED)
    assert run(capsys, "check", "a.md")[0] == 0  # info only, default fail-on error
    assert run(capsys, "check", "--fail-on", "info", "a.md")[0] == 1
    write(workdir / "b.md", PLACEHOLDER)
    assert run(capsys, "check", "--exit-zero", "b.md")[0] == 0


def test_bare_paths_mean_check(workdir, capsys):
    write(workdir / "a.md", PLACEHOLDER)
    assert run(capsys, "a.md")[0] == 1


def test_missing_path_is_a_usage_error(workdir, capsys):
    code, _, err = run(capsys, "check", "nope.md")
    assert code == 2
    assert err == "newslint: error: nope.md: no such file or directory\n"


def test_bad_format_is_a_usage_error(workdir, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml", "."])
    assert exit_info.value.code == 2


def test_json_format(workdir, capsys):
    write(workdir / "a.md", "# Talks\n\n| Date | Event |\n|---|---|\n| Jan. 16, 2024 | Led by [Insert name]. |\n")
    code, out, _ = run(capsys, "check", "--format", "json", "a.md")
    report = json.loads(out)
    assert code == 1
    assert report["version"] == 1
    assert report["summary"] == {"files": 1, "findings": 1, "error": 1, "warning": 0, "info": 0}
    finding = report["findings"][0]
    assert {k: finding[k] for k in ("path", "rule", "severity", "line", "column", "end_line", "end_column", "text")} == {
        "path": "a.md", "rule": "template-placeholder", "severity": "error",
        "line": 5, "column": 26, "end_line": 5, "end_column": 39, "text": "[Insert name]"}


def test_full_format_points_at_the_span(workdir, capsys):
    write(workdir / "a.md", "- first item\n- led by [Insert name] here\n", newline="\r\n")
    code, out, _ = run(capsys, "check", "a.md")
    lines = out.splitlines()
    assert lines[0].startswith("a.md:2:10: error[template-placeholder]")
    assert lines[2] == "2 | - led by [Insert name] here"
    assert lines[3] == "  |          ^^^^^^^^^^^^^"


def test_output_file(workdir, capsys):
    write(workdir / "a.md", PLACEHOLDER)
    code, out, _ = run(capsys, "check", "--format", "json", "--output-file", "report.json", "a.md")
    assert code == 1 and out == ""
    assert json.loads((workdir / "report.json").read_text())["summary"]["error"] == 1


def test_select_and_ignore(workdir, capsys):
    write(workdir / "a.md", PLACEHOLDER + DATED)
    _, out, _ = run(capsys, "check", "--format", "concise", "--select", "dated-word", "a.md")
    assert [line.split()[1] for line in out.splitlines()[:-2]] == ["dated-word"]
    _, out, _ = run(capsys, "check", "--format", "concise", "--ignore", "dated-word,chatbot-*", "a.md")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["template-placeholder"]


def test_statistics(workdir, capsys):
    write(workdir / "a.md", PLACEHOLDER + "\nPublished [Date].\n\n" + DATED)
    code, out, _ = run(capsys, "check", "--statistics", "a.md")
    assert code == 1
    assert out == "2  template-placeholder  error\n1  dated-word            info\n"


def test_stdin_with_filename(workdir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PLACEHOLDER.encode())))
    code, out, _ = run(capsys, "check", "--format", "concise", "--stdin-filename", "news/a.md", "-")
    assert code == 1
    assert out.startswith("news/a.md:1:23: template-placeholder")


def test_fix_stdin_prints_fixed_text(workdir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DATED.encode())))
    code, out, err = run(capsys, "check", "--fix", "--format", "concise", "-")
    assert out == "While talks continued, the strikes stopped.\n"
    assert "Fixed 1 finding." in err


def test_fix_keeps_crlf_and_bom_and_is_idempotent(workdir, capsys):
    path = workdir / "a.md"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\n\r\nWhilst talks continued, amongst others.\r\n")
    path.chmod(0o640)
    code, out, _ = run(capsys, "check", "--fix", "--format", "concise", "a.md")
    assert code == 0 and "Fixed 2 findings." in out
    assert path.read_bytes() == b"\xef\xbb\xbfTitle\r\n\r\nWhile talks continued, among others.\r\n"
    assert path.stat().st_mode & 0o777 == 0o640
    run(capsys, "check", "--fix", "a.md")
    assert path.read_bytes() == b"\xef\xbb\xbfTitle\r\n\r\nWhile talks continued, among others.\r\n"


def test_diff_shows_fixes_without_writing(workdir, capsys):
    write(workdir / "a.md", DATED)
    code, out, _ = run(capsys, "check", "--diff", "a.md")
    assert code == 1
    assert out.splitlines()[2:] == ["@@ -1 +1 @@", "-Whilst talks continued, the strikes stopped.",
                                    "+While talks continued, the strikes stopped."]
    assert (workdir / "a.md").read_text() == DATED
    write(workdir / "b.md", CLEAN)
    assert run(capsys, "check", "--diff", "b.md")[:2] == (0, "")


def test_unreadable_file_is_a_finding_and_the_run_goes_on(workdir, capsys):
    (workdir / "bad.md").write_bytes(b"caf\xe9\n")
    write(workdir / "good.md", DATED)
    code, out, _ = run(capsys, "check", "--format", "concise", ".")
    assert code == 1
    assert out.splitlines()[:2] == [
        "bad.md:1:1: file-unreadable [error] Cannot check this file: it is not UTF-8 "
        "(byte 0xe9 at line 1, byte 4); save it as UTF-8.",
        "good.md:1:1: dated-word [info] [*] Use 'While' rather than 'Whilst'."]


def test_directory_walk_respects_gitignore_exclude_and_suffixes(workdir, capsys):
    write(workdir / ".newslint.yaml", "exclude: ['archive/**']\n")
    write(workdir / ".gitignore", "drafts/\n")
    for name in ("news/a.md", "news/b.markdown", "news/c.txt", "archive/old.md", "drafts/d.md",
                 ".hidden/e.md", "node_modules/f.md"):
        write(workdir / name, PLACEHOLDER)
    _, out, _ = run(capsys, "check", "--format", "concise", ".")
    assert sorted(line.split(":")[0] for line in out.splitlines()[:-1]) == ["news/a.md", "news/b.markdown"]
    # Named explicitly, an excluded file is still checked, unless --force-exclude (pre-commit).
    assert run(capsys, "check", "archive/old.md")[0] == 1
    assert run(capsys, "check", "--force-exclude", "archive/old.md")[0] == 0


def test_a_run_that_checks_nothing_says_why_on_stderr(workdir, capsys):
    write(workdir / ".newslint.yaml", "exclude: ['archive/**', 'old.md']\n")
    write(workdir / ".gitignore", "drafts/\npublic/*.md\n")
    for name in ("drafts/a.md", "drafts/deep/b.md", "drafts/c.txt", "drafts/.hidden/d.md", "public/e.md",
                 "archive/f.md", "old.md"):
        write(workdir / name, PLACEHOLDER)
    assert run(capsys, "check", ".") == (
        0, "All checked: no findings in 0 files.\n",
        "newslint: warning: no file was checked: 3 files ignored by .gitignore (--no-respect-gitignore "
        "checks them); 2 files excluded by the config's exclude.\n")
    assert run(capsys, "check", "--diff", "drafts") == (
        0, "", "newslint: warning: no file was checked: 2 files ignored by .gitignore "
        "(--no-respect-gitignore checks them).\n")
    assert run(capsys, "check", "--force-exclude", "old.md")[2] == (
        "newslint: warning: no file was checked: 1 file excluded by the config's exclude.\n")
    write(workdir / "empty" / "notes.txt", "")
    assert run(capsys, "check", "empty")[2] == (
        "newslint: warning: no file was checked: no .md or .markdown file in the paths given.\n")


def test_no_respect_gitignore_walks_ignored_folders_but_keeps_exclude(workdir, capsys):
    write(workdir / ".newslint.yaml", "exclude: ['archive/**']\n")
    write(workdir / ".gitignore", "drafts/\n")
    for name in ("drafts/a.md", "archive/b.md", ".hidden/c.md"):
        write(workdir / name, PLACEHOLDER)
    code, out, err = run(capsys, "check", "--format", "concise", "--no-respect-gitignore", ".")
    assert (code, [line.split(":")[0] for line in out.splitlines()[:-1]], err) == (1, ["drafts/a.md"], "")


def test_nearest_config_applies(workdir, capsys):
    write(workdir / ".newslint.yaml", "ignore: [template-placeholder]\n")
    write(workdir / "sub" / ".newslint.yaml", "select: [all]\n")
    write(workdir / "a.md", PLACEHOLDER)
    write(workdir / "sub" / "b.md", PLACEHOLDER)
    _, out, _ = run(capsys, "check", "--format", "concise", ".")
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["sub/b.md"]
    assert run(capsys, "check", "--isolated", "a.md")[0] == 1


def test_pyproject_config(workdir, capsys):
    write(workdir / "pyproject.toml", "[project]\nname = 'site'\n\n[tool.newslint]\nignore = ['template-placeholder']\n")
    write(workdir / "a.md", PLACEHOLDER)
    assert run(capsys, "check", "a.md")[0] == 0


def test_config_errors_exit_2_with_path_and_line(workdir, capsys):
    write(workdir / ".newslint.yaml", "packs: [newsroom]\nignroe: [dated-word]\n")
    write(workdir / "a.md", CLEAN)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2
    assert err.startswith(f"{workdir / '.newslint.yaml'}:2: unknown key 'ignroe' in config")


def test_unknown_rule_in_config_is_an_error(workdir, capsys):
    write(workdir / ".newslint.yaml", "select: [all]\nignore:\n  - dated-wrod\n")
    write(workdir / "a.md", CLEAN)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2
    assert err == f"{workdir / '.newslint.yaml'}:2: unknown rule 'dated-wrod' in 'ignore' (did you mean 'dated-word'?)\n"


@pytest.mark.parametrize("argv, message", [
    (["--select", "titel-mismatch"],
     "--select: no rule or pack matches 'titel-mismatch' (did you mean 'title-mismatch' or 'date-weekday-mismatch'?)"),
    (["--select", "dat-*"], "--select: no rule or pack matches 'dat-*' (did you mean 'date-*', 'dated-*' or 'ai-*'?)"),
    (["--select", "newsrom"], "--select: no rule or pack matches 'newsrom' (did you mean 'newsroom'?)"),
    (["--select", "all", "--ignore", "title-mismatch,dated-wrod"],
     "--ignore: no rule or pack matches 'dated-wrod' (did you mean 'dated-word'?)"),
    (["--ignore", "xyzzy"], "--ignore: no rule or pack matches 'xyzzy'; `newslint rules` lists them"),
])
def test_unknown_rule_on_the_command_line_is_an_error(workdir, capsys, argv, message):
    # A typo in --select would check nothing and pass; in --ignore, check what was meant to be off.
    write(workdir / "a.md", PLACEHOLDER)
    code, out, err = run(capsys, "check", *argv, "a.md")
    assert (code, out, err) == (2, "", f"newslint: error: {message}\n")


def test_explaining_an_unknown_rule_suggests_the_nearest(workdir, capsys):
    assert run(capsys, "rule", "titel-mismatch") == (
        2, "", "newslint: error: unknown rule 'titel-mismatch' (did you mean 'title-mismatch' or "
        "'date-weekday-mismatch'?)\n")
    assert run(capsys, "rule", "xyzzy") == (2, "", "newslint: error: unknown rule 'xyzzy'; `newslint rules` lists them\n")


@pytest.mark.parametrize("argv", [["--select", "date-*,core"], ["--select", "newsroom"], ["--select", "all"],
                                  ["--ignore", "template-placeholder"]])
def test_known_rules_globs_and_packs_on_the_command_line_run(workdir, capsys, argv):
    write(workdir / "a.md", CLEAN)
    assert run(capsys, "check", *argv, "a.md")[:2] == (0, "All checked: no findings in 1 file.\n")


def test_bad_rule_file_exits_2(workdir, capsys):
    write(workdir / ".newslint.yaml", "packs: [newsroom, house]\n")
    write(workdir / "house" / "no-slang.yaml",
          "extends: existence\nmessage: \"Avoid '{match}'.\"\ntokens:\n  - 'gonna'\n  - '(unclosed'\n")
    write(workdir / "a.md", CLEAN)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2
    assert err.startswith(f"{workdir / 'house' / 'no-slang.yaml'}:5: bad regular expression '(unclosed'")


def test_user_pack_rule_runs(workdir, capsys):
    write(workdir / ".newslint.yaml", "packs: [house]\n")
    write(workdir / "house" / "no-slang.yaml",
          "extends: existence\nlevel: warning\nmessage: \"Avoid '{match}'.\"\ndescription: Slang.\n"
          "tokens: [gonna, wanna]\nignorecase: true\n")
    write(workdir / "a.md", "They are Gonna vote.\n")
    code, out, _ = run(capsys, "check", "--format", "concise", "a.md")
    assert (code, out.splitlines()[0]) == (0, "a.md:1:10: no-slang [warning] Avoid 'Gonna'.")


def test_rule_override_in_config(workdir, capsys):
    write(workdir / ".newslint.yaml", "rules:\n  dated-word:\n    level: error\n    swap: {whilst: while}\n")
    write(workdir / "a.md", "Amongst others, whilst talks continued.\n")
    code, out, _ = run(capsys, "check", "--format", "concise", "a.md")
    assert code == 1
    assert out.splitlines()[0] == "a.md:1:17: dated-word [error] [*] Use 'while' rather than 'whilst'."


def test_rule_override_errors_point_at_config(workdir, capsys):
    write(workdir / ".newslint.yaml", "rules:\n  dated-word:\n    swapp: {}\n")
    write(workdir / "a.md", CLEAN)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2
    assert err.startswith(f"{workdir / '.newslint.yaml'}:3: unknown key 'swapp' for kind 'substitution'")


def test_per_file_ignores_and_severity(workdir, capsys):
    write(workdir / ".newslint.yaml", "per-file-ignores:\n  'opinion/**': [template-placeholder]\n"
                                      "severity: {dated-word: error}\n")
    write(workdir / "opinion" / "a.md", PLACEHOLDER)
    write(workdir / "news" / "b.md", DATED)
    _, out, _ = run(capsys, "check", "--format", "concise", ".")
    assert out.splitlines()[:-2] == ["news/b.md:1:1: dated-word [error] [*] Use 'While' rather than 'Whilst'."]


def test_extends(workdir, capsys):
    write(workdir / "base.yaml", "ignore: [template-placeholder]\n")
    write(workdir / ".newslint.yaml", "extends: base.yaml\nfail-on: info\n")
    write(workdir / "a.md", PLACEHOLDER + DATED)
    code, out, _ = run(capsys, "check", "--format", "concise", "a.md")
    assert code == 1 and [line.split()[1] for line in out.splitlines()[:-2]] == ["dated-word"]


def test_rules_listing_and_rule_explanation(workdir, capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert out.splitlines()[0].split() == ["RULE", "KIND", "LEVEL", "DESCRIPTION"]
    assert any(line.split()[:3] == ["dated-word", "substitution", "info"] for line in out.splitlines())
    code, out, _ = run(capsys, "rule", "dated-word")
    assert code == 0 and out.startswith("dated-word (substitution, info, pack newsroom)")
    assert "  Talks continued amongst the delegations." in out.splitlines()
    assert run(capsys, "rule", "no-such-rule")[0] == 2


def test_module_entry_point_and_version():
    result = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("newslint 0.")


def test_the_process_exits_at_once_with_every_line_written_and_its_code(tmp_path):
    # cli.run() ends with os._exit (skipping Python's slow teardown): nothing may be lost.
    (tmp_path / "a.md").write_text("Published [Date].\n\n" * 3000, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "--format", "concise",
                             "a.md"], cwd=tmp_path, capture_output=True, text=True)
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stderr
    assert sum(1 for line in lines if "template-placeholder [error]" in line) == 3000
    assert lines[-1] == "Found 3000 findings (3000 errors, 0 warnings, 0 info) in 1 file."
    usage = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-such-option"], capture_output=True,
                           text=True)
    assert usage.returncode == 2 and "unrecognized arguments: --no-such-option" in usage.stderr


@pytest.mark.parametrize("source, newline, header, source_line, carets", [
    ("| When | Who |\n|---|---|\n| Ankara | [Insert name] |\n", "\n",
     "a.md:3:12: error[template-placeholder]", "3 | | Ankara | [Insert name] |", "  |            ^^^^^^^^^^^^^"),
    # a placeholder in a blockquote is quoted material; a chatbot leftover stands in
    ("> The minister said\n> As an AI model, I would sign.\n", "\r\n",
     "a.md:2:3: error[chatbot-leftover]", "2 | > As an AI model, I would sign.", "  |   ^^^^^^^^^^^^^^"),
    ("---\ntitle: x\n---\nTalks began.\n\n  - Led by [Date] here\n", "\r\n",
     "a.md:6:12: error[template-placeholder]", "6 |   - Led by [Date] here", "  |            ^^^^^^"),
])
def test_full_format_positions(workdir, capsys, source, newline, header, source_line, carets):
    write(workdir / "a.md", source, newline=newline)
    _, out, _ = run(capsys, "check", "a.md")
    lines = out.splitlines()
    assert lines[0].startswith(header)
    assert lines[2:4] == [source_line, carets]


@pytest.mark.parametrize("format_name", ["concise", "full", "json", "sarif", "github", "html"])
def test_file_names_that_are_not_utf8(tmp_path, format_name):
    # Run as a real process: the name's bytes must reach stdout unchanged, in every format.
    folder = tmp_path / "site"
    folder.mkdir()
    name = b"caf\xe9-[Date].md"
    with open(bytes(folder) + b"/" + name, "w", encoding="utf-8") as handle:
        handle.write("Published [Date].\n")
    result = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "--format", format_name, "."],
                            cwd=folder, capture_output=True)
    assert result.returncode == 1, result.stderr
    assert b"caf" in result.stdout and b"Traceback" not in result.stderr


def test_rule_explanation_indents_multi_line_examples(workdir, capsys):
    write(workdir / ".newslint.yaml", "packs: [house]\n")
    write(workdir / "house" / "no-slang.yaml",
          "extends: existence\nmessage: \"Avoid '{match}'.\"\ndescription: Slang.\ntokens: [gonna]\n"
          "examples:\n  bad: [\"---\\ntitle: x\\n---\\nWe gonna win.\\n\"]\n  good: [We will win.]\n")
    code, out, _ = run(capsys, "rule", "no-slang")
    assert code == 0
    lines = out.splitlines()
    flagged = lines[lines.index("Flagged:") + 1 : lines.index("Not flagged:")]
    assert flagged == ["  ---", "  title: x", "  ---", "  We gonna win.", ""]
    assert lines[lines.index("Not flagged:") + 1 :] == ["  We will win."]


# --- the one reference date (issue 14's regression) -------------------------------------------

DATED_TITLE = "---\ndate: 2023-05-01\n---\nBritish Prime Minister Boris Johnson spoke in London.\n"
JOHNSON = ("a.md:4:1: title-mismatch [error] Boris Johnson left the office of Prime Minister of the "
           "United Kingdom on 2022-09-06; on 2023-05-01 it was held by Rishi Sunak.\n")


@pytest.mark.parametrize("flags", [(), ("--reference-date", "2020-01-01")])
def test_the_article_date_wins_over_reference_date_for_every_rule(workdir, capsys, flags):
    # --reference-date is for undated drafts: it once made the title rules judge this dated
    # article as of 2020 (and pass it), while the attribution rule used the article's date.
    write(workdir / "a.md", DATED_TITLE)
    code, out, _ = run(capsys, "check", "--no-cache", "--format", "concise", *flags, "a.md")
    assert (code, out.splitlines(keepends=True)[0]) == (1, JOHNSON)


def test_reference_date_dates_an_undated_draft(workdir, capsys):
    write(workdir / "a.md", "British Prime Minister Boris Johnson spoke in London.\n")
    code, out, _ = run(capsys, "check", "--no-cache", "--format", "concise", "--reference-date", "2023-05-01", "a.md")
    assert (code, out.splitlines(keepends=True)[0]) == (1, JOHNSON.replace("a.md:4:1", "a.md:1:1"))
    code, out, _ = run(capsys, "check", "--no-cache", "--format", "concise", "--reference-date", "2020-01-01", "a.md")
    assert (code, out) == (0, "All checked: no findings in 1 file.\n")


def test_the_cache_keys_on_the_runs_today(workdir, capsys, monkeypatch):
    # An undated draft's toll is historical or not by today's year (titles are never judged
    # against today), so a finding cached one year is stale the next.
    import datetime as dt

    from newslint.run import runner

    write(workdir / "a.md", "In 2019, 300 people were killed in the flood.\n")
    days = iter([dt.date(2021, 5, 1), dt.date(2031, 5, 1)])
    monkeypatch.setattr(runner.RunOptions, "__init__", _with_today(runner.RunOptions.__init__, days))
    code, out, _ = run(capsys, "check", "--format", "concise", "--select", "casualty-unsourced", "a.md")
    assert "casualty-unsourced [warning]" in out and "historical" not in out
    code, out, _ = run(capsys, "check", "--format", "concise", "--select", "casualty-unsourced", "a.md")
    assert "casualty-unsourced [info]" in out and "is historical ('2019')" in out


def _with_today(init, days):
    def patched(self, *args, **kwargs):
        init(self, *args, **{**kwargs, "today": next(days)})
    return patched
