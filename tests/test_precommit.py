"""The real pre-commit hook, run by the real pre-commit on a throwaway content repository.

pre-commit installs newslint from this checkout into its own environment (from PyPI for the
dependencies, so the first run takes a minute), exactly as a newsroom's repository would.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(CHECKOUT), "newslint", *args],
                          cwd=repo, capture_output=True, text=True, timeout=900)


def test_hook_fails_a_bad_article_and_passes_a_clean_one(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is a test dependency: pip install -e '.[test]'")
    repo = tmp_path / "site"
    (repo / "content").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "editor@example.org")
    _git(repo, "config", "user.name", "Editor")
    (repo / ".newslint.yaml").write_text("exclude: ['content/archive/**']\n")
    (repo / "content" / "bad.md").write_text("The talks were led by [Insert name].\n")
    (repo / "content" / "good.md").write_text("---\ndate: 2024-03-04\n---\nTalks resumed on Monday in Ankara.\n")
    (repo / "content" / "archive").mkdir()
    (repo / "content" / "archive" / "old.md").write_text("Led by [Insert name] in 2009.\n")
    _git(repo, "add", ".")

    failing = _pre_commit(repo, "--files", "content/bad.md", "content/good.md", "content/archive/old.md")
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "content/bad.md:1:23: error[template-placeholder]" in output
    assert "content/good.md:" not in output
    assert "content/archive/old.md:" not in output  # --force-exclude keeps `exclude` in force

    passing = _pre_commit(repo, "--files", "content/good.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
