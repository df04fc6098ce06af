"""Several mistakes in rule files and configs are reported in one run, each as `path:line:`,
sorted by path and line, with exit 2: a newsroom fixes them in one round, not one per run."""
from __future__ import annotations

from pathlib import Path

from newslint.cli import main

ARTICLE = "Talks resumed in Ankara.\n"


def run(capsys, workdir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err.replace(str(workdir.resolve()), "ROOT")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_rule_file_with_three_mistakes_reports_all_of_them(workdir, capsys):
    write(workdir / "a.md", ARTICLE)
    write(workdir / ".newslint.yaml", "packs: [house]\n")
    write(workdir / "house" / "shouty.yaml",
          "extends: existence\n"
          "level: loud\n"
          "message: \"Avoid '{match}'.\"\n"
          "colour: red\n"
          "tokens: [breaking, 'shock(ing']\n")
    code, out, err = run(capsys, workdir, "check", "a.md")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "ROOT/house/shouty.yaml:2: unknown level 'loud' (expected error, warning or info)",
        "ROOT/house/shouty.yaml:4: unknown key 'colour' for kind 'existence' (allowed: description, "
        "examples, exceptions, extends, ignorecase, language, level, link, message, nonword, raw, scope, "
        "tokens, tokens-file)",
        "ROOT/house/shouty.yaml:5: bad regular expression 'shock(ing': missing ), unterminated subpattern "
        "at position 5",
    ]


def test_mistakes_in_several_rule_files_and_options_are_sorted_by_path_and_line(workdir, capsys):
    write(workdir / "a.md", ARTICLE)
    write(workdir / ".newslint.yaml", "packs: [house]\n")
    write(workdir / "house" / "b-counts.yaml",
          "extends: occurrence\n"
          "message: \"Too many: {count}.\"\n"
          "token: '\\d+'\n"
          "max: many\n"
          "ignorecase: sometimes\n"
          "scope: [paragraph, sidebar]\n")
    write(workdir / "house" / "a-kind.yaml", "extends: existense\nmessage: 7\n")
    code, _, err = run(capsys, workdir, "check", "a.md")
    assert code == 2
    assert err.splitlines() == [
        "ROOT/house/a-kind.yaml:1: unknown check kind 'existense' (known: attribution, capitalization, "
        "consistency, dates, disclosure, existence, frontmatter, metric, occurrence, placeholder, quotations, "
        "repetition, requires, sequence, substitution, titles)",
        "ROOT/house/a-kind.yaml:2: 'message' must be a non-empty text",
        "ROOT/house/b-counts.yaml:4: 'max' must be a whole number, not 'many'",
        "ROOT/house/b-counts.yaml:5: 'ignorecase' must be true or false, not 'sometimes'",
        "ROOT/house/b-counts.yaml:6: unknown scope 'sidebar' (known: heading, paragraph, list-item, "
        "table-cell, blockquote, front-matter)",
    ]


def test_a_config_with_several_mistakes_reports_all_of_them(workdir, capsys):
    write(workdir / "a.md", ARTICLE)
    write(workdir / ".newslint.yaml",
          "packs: [newsroom, missing-pack]\n"
          "fail-on: sometimes\n"
          "colour: blue\n"
          "reference-date: someday\n"
          "front-matter: {date: [date], title: [title]}\n")
    code, _, err = run(capsys, workdir, "check", "a.md")
    assert code == 2
    assert err.splitlines() == [
        "ROOT/.newslint.yaml:1: pack 'missing-pack' is neither a built-in pack (newsroom) nor a folder",
        "ROOT/.newslint.yaml:2: 'fail-on' must be 'error' or 'warning' or 'info', not 'sometimes'",
        "ROOT/.newslint.yaml:3: unknown key 'colour' in config (known: date-path, docs-url, exclude, extends, "
        "fail-on, front-matter, ignore, kb, packs, per-file-ignores, reference-date, rules, select, severity, "
        "unsafe-fixes, vocab)",
        "ROOT/.newslint.yaml:4: 'someday' is not a date (write YYYY-MM-DD)",
        "ROOT/.newslint.yaml:5: unknown key 'title' in front-matter (allowed: date, date-in, ai-generated, "
        "language)",
    ]


def test_unknown_rule_ids_in_a_config_are_all_named(workdir, capsys):
    write(workdir / "a.md", ARTICLE)
    write(workdir / ".newslint.yaml",
          "ignore: [dated-wrd, date-*, nope]\n"
          "severity: {casualty-unsorced: info}\n"
          "rules: {word-repeatd: {level: info}}\n")
    code, _, err = run(capsys, workdir, "check", "a.md")
    assert code == 2
    assert err.splitlines() == [
        "ROOT/.newslint.yaml:1: unknown rule 'dated-wrd' in 'ignore' (did you mean 'dated-word'?)",
        "ROOT/.newslint.yaml:1: unknown rule 'nope' in 'ignore'",
        "ROOT/.newslint.yaml:2: unknown rule 'casualty-unsorced' in 'severity' (did you mean "
        "'casualty-unsourced'?)",
        "ROOT/.newslint.yaml:3: 'rules' overrides unknown rule 'word-repeatd'",
    ]


def test_one_mistake_is_still_one_line(workdir, capsys):
    write(workdir / "a.md", ARTICLE)
    write(workdir / ".newslint.yaml", "fail-on: sometimes\n")
    code, _, err = run(capsys, workdir, "check", "a.md")
    assert (code, err) == (2, "ROOT/.newslint.yaml:1: 'fail-on' must be 'error' or 'warning' or 'info', "
                              "not 'sometimes'\n")
