"""Helpers for the archive features' end-to-end tests (--baseline, --changed-since, --add-noqa):
a real git repository in a temporary folder, and the command line run in process."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from newslint.cli import main

# Our own sentences: one unsourced casualty figure each (casualty-unsourced, a warning).
TOLL_A = "Forty people were killed when the bridge fell."
TOLL_B = "Nine workers died in the mine collapse."
TOLL_C = "Scores were injured as the stand gave way."
QUIET = "The council met to discuss the budget."
TOLL_MESSAGE = "Casualty figure '{}' has no source; attribute it (e.g. 'according to ...')."

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV})
    return done.stdout


def new_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    git(path, "checkout", "-q", "-b", "main")
    return path


def commit_all(repo: Path, message: str = "edit") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def write(path: Path, text: str, newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def concise(path: str, line: int, column: int, figure: str) -> str:
    return f"{path}:{line}:{column}: casualty-unsourced [warning] {TOLL_MESSAGE.format(figure)}"
