"""Vale's `%s` in a rule's message: filled as Vale fills it, or refused at its line.

docs/rules/from-vale.md promises that Vale rules port by copying; a `%s` printed literally in
every finding broke that promise silently.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.cli import main

ARTICLE = "We utilise the colour chart.\n\nThe colour chart, the colour chart.\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(capsys, workdir: Path, rule: str, name: str = "house-rule") -> tuple[int, str, str]:
    write(workdir / "a.md", ARTICLE)
    write(workdir / ".newslint.yaml", "packs: [house]\nfail-on: info\n")
    write(workdir / "house" / f"{name}.yaml", rule)
    code = main(["check", "--format", "concise", "--select", name, "a.md"])
    out, err = capsys.readouterr()
    return code, out, err.replace(str(workdir.resolve()), "ROOT")


def test_substitution_fills_the_suggestion_then_the_match(workdir, capsys):
    code, out, _ = run(capsys, workdir, "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
                                        "swap: {utilise: use}\n")
    assert code == 1
    assert out.splitlines()[0] == "a.md:1:4: house-rule [warning] [*] Use 'use' instead of 'utilise'."


def test_indexed_verbs_choose_the_argument(workdir, capsys):
    _, out, _ = run(capsys, workdir, "extends: substitution\nmessage: \"'%[2]s': say '%[1]s'\"\n"
                                     "swap: {utilise: use}\n")
    assert out.splitlines()[0] == "a.md:1:4: house-rule [warning] [*] 'utilise': say 'use'"


def test_existence_fills_the_match_and_keeps_percent_signs_and_braces(workdir, capsys):
    _, out, _ = run(capsys, workdir, "extends: existence\nmessage: \"'%s' {sic}: 100%% British, 5% of copy\"\n"
                                     "tokens: [colour]\n")
    assert out.splitlines()[:3] == [
        "a.md:1:16: house-rule [warning] 'colour' {sic}: 100% British, 5% of copy",
        "a.md:3:5: house-rule [warning] 'colour' {sic}: 100% British, 5% of copy",
        "a.md:3:23: house-rule [warning] 'colour' {sic}: 100% British, 5% of copy",
    ]


def test_occurrence_fills_the_count(workdir, capsys):
    _, out, _ = run(capsys, workdir, "extends: occurrence\nmessage: \"'colour' %s times in a block\"\n"
                                     "token: colour\nmax: 1\n")
    assert out.splitlines()[0] == "a.md:3:5: house-rule [warning] 'colour' 2 times in a block"


@pytest.mark.parametrize("rule, error", [
    ("extends: existence\ntokens: [colour]\nmessage: \"%d uses of '%s'\"\n",
     "ROOT/house/house-rule.yaml:3: printf verb '%d' in message: Vale's messages fill only '%s' (and '%[n]s'); "
     "write a placeholder such as {match} instead"),
    ("extends: existence\ntokens: [colour]\nmessage: \"Avoid '%-10s'\"\n",
     "ROOT/house/house-rule.yaml:3: printf verb '%-10s' in message: Vale's messages fill only '%s' (and "
     "'%[n]s'); write a placeholder such as {match} instead"),
    ("extends: existence\ntokens: [colour]\nmessage: \"'%s' or '%s'?\"\n",
     "ROOT/house/house-rule.yaml:3: '%s' in message: a Vale existence rule fills 1 '%s' ({match}, in that "
     "order); there is no argument 2"),
    ("extends: frontmatter\nmessage: \"Bad '%s'\"\nkey: title\nrequired: true\n",
     "ROOT/house/house-rule.yaml:2: '%s' in message: kind 'frontmatter' is not one of Vale's, so '%s' means "
     "nothing here; write its placeholders (such as {match}) instead"),
])
def test_unsupported_verbs_stop_the_run_at_the_message_line(workdir, capsys, rule, error):
    code, out, err = run(capsys, workdir, rule)
    assert (code, out, err) == (2, "", error + "\n")
