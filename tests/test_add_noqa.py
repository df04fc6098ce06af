"""`--add-noqa`, end to end in a real git repository: where each comment goes (paragraphs, hard
breaks, lists, blockquotes, tables, an existing comment), that each one really suppresses its
findings on a re-run, one comment per line for several rules, idempotence, front matter listed,
byte-order mark and CRLF kept, and the reason."""
from __future__ import annotations

import pytest

from archive_helpers import TOLL_A, TOLL_B, TOLL_C, commit_all, git, new_repo, run, write

HARD_BREAK = "  "  # two spaces at the end of a line: a hard line break
REASON = "added in bulk by newslint --add-noqa; fix or explain"
DISCLOSURE = ("content/a.md:3:1: ai-disclosure-missing [error] The front matter marks this article as AI-generated "
              "(ai_generated: true), but the body has no AI disclosure: tell readers, e.g. 'This article was "
              "written with the help of AI.' (EU AI Act art. 50).")

ARTICLE = f"""---
title: Bridge
ai_generated: true
---
# The bridge

{TOLL_A[:-1]}, [TK].

The river rose in the night and
{TOLL_B[0].lower() + TOLL_B[1:]}{HARD_BREAK}
{TOLL_C}\\
The council met to discuss the budget.

- {TOLL_A}
- {TOLL_B}

1. {TOLL_C}

2. {TOLL_B}

> The council met.
> {TOLL_A}

| Town | What happened |
|------|---------------|
| Ely  | {TOLL_B} |
| Rye  | {TOLL_C} |

<!-- newslint-disable-next-line template-placeholder -- kept for the editor -->
{TOLL_B[:-1]}, [TK].
"""


def line(rules: str) -> str:
    return f"<!-- newslint-disable-line {rules} -- {REASON} -->"


SUPPRESSED = f"""---
title: Bridge
ai_generated: true
---
# The bridge

<!-- newslint-disable-next-line casualty-unsourced template-placeholder -- {REASON} -->
{TOLL_A[:-1]}, [TK].

The river rose in the night and
{TOLL_B[0].lower() + TOLL_B[1:]} {line("casualty-unsourced")}{HARD_BREAK}
{TOLL_C} {line("casualty-unsourced")}\\
The council met to discuss the budget.

- {TOLL_A} {line("casualty-unsourced")}
- {TOLL_B} {line("casualty-unsourced")}

1. {TOLL_C} {line("casualty-unsourced")}

2. {TOLL_B} {line("casualty-unsourced")}

> The council met.
> {TOLL_A} {line("casualty-unsourced")}

| Town | What happened |
|------|---------------|
| Ely  | {TOLL_B} {line("casualty-unsourced")} |
| Rye  | {TOLL_C} {line("casualty-unsourced")} |

<!-- newslint-disable-next-line casualty-unsourced template-placeholder -- kept for the editor -->
{TOLL_B[:-1]}, [TK].
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repo = new_repo(tmp_path / "site")
    monkeypatch.chdir(repo)
    return repo


def test_comments_go_where_the_parser_honours_them_and_suppress_every_finding(repo, capsys):
    article = write(repo / "content" / "a.md", ARTICLE)
    commit_all(repo, "archive")
    code, out, _ = run(capsys, "--format", "concise", "content")
    assert (code, out.splitlines()[-1]) == (1, "Found 13 findings (2 errors, 11 warnings, 0 info) in 1 file.")

    code, out, err = run(capsys, "--format", "concise", "--add-noqa", "content")
    assert article.read_text() == SUPPRESSED
    # What no comment can suppress is listed, and still fails the run: front matter is YAML.
    assert (code, out.splitlines()) == (1, [DISCLOSURE, "Found 1 finding (1 error, 0 warnings, 0 info) in 1 file."])
    assert err == ("newslint: added 11 suppression comments to 1 file; 1 finding cannot be suppressed by a comment "
                   "(in front matter, an unreadable file, or where no comment takes effect), listed below.\n")

    # A re-run: every comment suppresses its findings and none is an unused suppression.
    code, out, _ = run(capsys, "--format", "concise", "--fail-on", "info", "content")
    assert out.splitlines() == [DISCLOSURE, "Found 1 finding (1 error, 0 warnings, 0 info) in 1 file."]

    # Idempotent: nothing more to add, the file untouched.
    code, _, err = run(capsys, "--format", "concise", "--add-noqa", "content")
    assert article.read_text() == SUPPRESSED
    assert err.startswith("newslint: added 0 suppression comments to 0 files; 1 finding cannot")
    assert git(repo, "status", "--porcelain") == " M content/a.md\n"


def test_a_whole_file_finding_moves_the_comment_onto_its_line_and_bom_and_crlf_stay(repo, capsys):
    # date-missing (a relative date, no publication date) points at line 1, column 1: a comment
    # above the first line would become line 1 itself, so it goes at the end of that line.
    article = repo / "b.md"
    article.write_bytes(f"\ufeffOn Tuesday {TOLL_B[0].lower() + TOLL_B[1:]}\r\n\r\nThe council met.\r\n".encode())
    code, out, err = run(capsys, "--format", "concise", "--fail-on", "info", "--add-noqa", "b.md")
    assert (code, out, err) == (0, "All checked: no findings in 1 file.\n",
                                "newslint: added 1 suppression comment to 1 file.\n")
    assert article.read_bytes() == (
        f"\ufeffOn Tuesday {TOLL_B[0].lower() + TOLL_B[1:]} {line('casualty-unsourced date-missing')}\r\n"
        "\r\nThe council met.\r\n").encode()
    assert run(capsys, "--format", "concise", "--fail-on", "info", "b.md")[:2] == (0, "All checked: no findings in 1 file.\n")


def test_the_reason_is_the_users_and_cannot_end_the_comment(repo, capsys):
    article = write(repo / "c.md", f"# Mine\n\n{TOLL_B}\n")
    code, _, _ = run(capsys, "--add-noqa", "--noqa-reason", "archive, before 2024 -->\nreviewed", "c.md")
    assert code == 0
    assert article.read_text() == (
        f"# Mine\n\n<!-- newslint-disable-next-line casualty-unsourced -- archive, before 2024 - -> reviewed -->\n"
        f"{TOLL_B}\n")
    code, _, err = run(capsys, "--noqa-reason", "x", "c.md")
    assert (code, err) == (2, "newslint: error: --noqa-reason goes with --add-noqa\n")
    code, _, err = run(capsys, "--add-noqa", "--fix", "c.md")
    assert (code, err) == (2, "newslint: error: --fix and --add-noqa cannot be used together\n")


def test_a_finding_across_a_line_break_gets_its_comment_on_the_line_before(repo, capsys):
    # A comment at the end of line 3 would come between the repeated words and end the finding
    # without suppressing it (an unused suppression); the line before can carry a next-line one.
    article = write(repo / "d.md", "# Pairs\n\nOne developer writes while the other reads each line\n"
                                   "as\nas it is written.\n")
    code, out, _ = run(capsys, "--format", "concise", "d.md")
    assert out.splitlines()[0] == "d.md:4:1: word-repeated [warning] 'as' is repeated: delete one."
    code, out, err = run(capsys, "--format", "concise", "--add-noqa", "d.md")
    assert (code, out, err) == (0, "All checked: no findings in 1 file.\n",
                                "newslint: added 1 suppression comment to 1 file.\n")
    assert article.read_text() == (
        "# Pairs\n\nOne developer writes while the other reads each line "
        f"<!-- newslint-disable-next-line word-repeated -- {REASON} -->\nas\nas it is written.\n")
    assert run(capsys, "--format", "concise", "d.md")[:2] == (0, "All checked: no findings in 1 file.\n")
