"""`--changed-since REF` and `--changed-lines-only`, end to end in a real git repository: which
files count as changed (commits on the branch, staged, unstaged, untracked, renamed; not deleted,
ignored or unchanged), which lines, whole-file findings, and the errors (exit 2)."""
from __future__ import annotations

import pytest

from archive_helpers import QUIET, TOLL_A, TOLL_B, TOLL_C, commit_all, concise, git, new_repo, run, write

DATE_MISSING = ("{}:1:1: date-missing [info] No usable publication date: none in the front matter ('date', "
                "'publishDate', 'pubDate', 'published' or 'created'), its path and URL keys, the file's path or a "
                "dateline, so relative dates ('Tuesday', 'last week', a day with no year) were not checked; give a "
                "date, or name your site's date key or path pattern in .newslint.yaml (front-matter.date, date-path).")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """main holds five old articles, each with one finding; the branch `work` is checked out."""
    repo = new_repo(tmp_path / "site")
    for name in ("committed", "staged", "unstaged", "renamed", "deleted", "untouched"):
        write(repo / "content" / f"{name}.md", f"# {name}\n\n{TOLL_A}\n")
    write(repo / ".gitignore", "drafts/\n")
    commit_all(repo, "archive")
    git(repo, "checkout", "-q", "-b", "work")
    monkeypatch.chdir(repo)
    return repo


def test_only_files_changed_since_the_merge_base_are_checked(repo, capsys):
    write(repo / "content" / "committed.md", f"# committed\n\n{TOLL_A}\n\n{TOLL_B}\n")
    git(repo, "mv", "content/renamed.md", "content/moved.md")
    git(repo, "rm", "-q", "content/deleted.md")
    commit_all(repo, "on the branch")
    git(repo, "checkout", "-q", "main")  # main moves on: its new commit is not this branch's change
    write(repo / "content" / "on-main.md", f"{TOLL_C}\n")
    commit_all(repo, "on main")
    git(repo, "checkout", "-q", "work")
    write(repo / "content" / "staged.md", f"# staged\n\n{QUIET}\n\n{TOLL_A}\n\n{TOLL_B}\n")
    git(repo, "add", "content/staged.md")
    write(repo / "content" / "unstaged.md", f"# unstaged\n\n{TOLL_A}\n\n{TOLL_C}\n")
    write(repo / "content" / "untracked.md", f"{TOLL_B}\n")
    write(repo / "drafts" / "ignored.md", f"{TOLL_B}\n")

    code, out, err = run(capsys, "--format", "concise", "--changed-since", "main", ".")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        concise("content/committed.md", 3, 1, "Forty people were killed"),
        concise("content/committed.md", 5, 1, "Nine workers died"),
        concise("content/moved.md", 3, 1, "Forty people were killed"),
        concise("content/staged.md", 5, 1, "Forty people were killed"),
        concise("content/staged.md", 7, 1, "Nine workers died"),
        concise("content/unstaged.md", 3, 1, "Forty people were killed"),
        concise("content/unstaged.md", 5, 1, "Scores were injured"),
        concise("content/untracked.md", 1, 1, "Nine workers died"),
        "Found 8 findings (0 errors, 8 warnings, 0 info) in 5 files.",
    ]

    # Only what the lines added or rewritten hold: the old sentence the staged edit moved down is
    # no change of its own.
    code, out, err = run(capsys, "--format", "concise", "--changed-since", "main", "--changed-lines-only", ".")
    assert out.splitlines() == [
        concise("content/committed.md", 5, 1, "Nine workers died"),
        concise("content/staged.md", 7, 1, "Nine workers died"),
        concise("content/unstaged.md", 5, 1, "Scores were injured"),
        concise("content/untracked.md", 1, 1, "Nine workers died"),
        "Found 4 findings (0 errors, 4 warnings, 0 info) in 5 files.",
    ]


def test_paths_given_still_narrow_the_run(repo, capsys):
    write(repo / "content" / "committed.md", f"{TOLL_B}\n")
    write(repo / "other" / "new.md", f"{TOLL_C}\n")
    code, out, _ = run(capsys, "--format", "concise", "--changed-since", "main", "other")
    assert out.splitlines() == [concise("other/new.md", 1, 1, "Scores were injured"),
                                "Found 1 finding (0 errors, 1 warning, 0 info) in 1 file."]


def test_whole_file_findings_come_with_any_changed_line(repo, capsys):
    # A relative date without a publication date: date-missing, about the whole file (line 1, column 1).
    write(repo / "content" / "dated.md", f"# Council\n\n{QUIET}\n\nOn Tuesday the council met.\n")
    commit_all(repo, "dated")
    write(repo / "content" / "dated.md", f"# Council\n\n{QUIET}\n\nOn Tuesday the council met again.\n")
    code, out, _ = run(capsys, "--format", "concise", "--fail-on", "info", "--changed-since", "HEAD",
                       "--changed-lines-only", "content")
    assert (code, out.splitlines()) == (1, [DATE_MISSING.format("content/dated.md"),
                                            "Found 1 finding (0 errors, 0 warnings, 1 info) in 1 file."])
    git(repo, "mv", "content/dated.md", "content/council.md")  # renamed, no line changed
    write(repo / "content" / "council.md", f"# Council\n\n{QUIET}\n\nOn Tuesday the council met.\n")
    code, out, _ = run(capsys, "--format", "concise", "--fail-on", "info", "--changed-since", "HEAD",
                       "--changed-lines-only", "content")
    assert (code, out) == (0, "All checked: no findings in 1 file.\n")


def test_nothing_changed_says_so_and_passes(repo, capsys):
    code, out, err = run(capsys, "--format", "concise", "--changed-since", "main", "content")
    base = git(repo, "rev-parse", "HEAD").strip()
    assert (code, out) == (0, "All checked: no findings in 0 files.\n")
    assert err == (f"newslint: no file among the paths given changed since main (merge base {base[:12]}); "
                   "nothing to check.\n")


def test_an_unknown_ref_or_no_repository_is_a_usage_error(repo, capsys, tmp_path, monkeypatch):
    code, out, err = run(capsys, "--changed-since", "no-such-branch", "content")
    assert (code, out) == (2, "")
    assert err == ("newslint: error: --changed-since no-such-branch: no such commit, branch or tag in this "
                   "repository (in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)\n")
    code, _, err = run(capsys, "--changed-lines-only", "content")
    assert (code, err) == (2, "newslint: error: --changed-lines-only needs --changed-since REF: the changes to look at\n")
    outside = tmp_path / "plain"
    write(outside / "a.md", f"{TOLL_A}\n")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never find a repository above
    code, out, err = run(capsys, "--changed-since", "main", ".")
    assert (code, out) == (2, "")
    assert err == f"newslint: error: --changed-since needs a git repository, and {outside} is not inside one\n"


def test_changed_lines_of_files_whose_names_git_quotes(repo, capsys):
    # git writes "b/content/caf\303\251 \"menu\".md" in a diff's header: octal bytes and escapes.
    name = 'content/café "menu".md'
    write(repo / name, f"# Menu\n\n{TOLL_A}\n")
    commit_all(repo, "menu")
    write(repo / name, f"# Menu\n\n{TOLL_A}\n\n{TOLL_B}\n")
    code, out, _ = run(capsys, "--format", "concise", "--changed-since", "HEAD", "--changed-lines-only", "content")
    assert out.splitlines() == [concise(name, 5, 1, "Nine workers died"),
                                "Found 1 finding (0 errors, 1 warning, 0 info) in 1 file."]
