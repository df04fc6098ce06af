"""--diff prints patches that `git apply` accepts and that give what --fix writes: files without a
final newline, CRLF, a byte-order mark, line breaks git does not split at, absolute paths."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.run.patch import unified_diff

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

DATED = "Whilst talks continued, the strikes stopped."
ARTICLES = {
    "no-final-newline.md": (DATED + "\n\nWhilst it rained.").encode(),
    "crlf.md": (DATED + "\r\n\r\nMore text.\r\n").encode(),
    "bom.md": b"\xef\xbb\xbf" + (DATED + "\n").encode(),
    "form-feed.md": ("Page one\x0cends here.\n\n" + DATED + "\n").encode(),
    "sub/dir/nested.md": ("Line \u2028 separator.\n\n" + DATED).encode(),
}


def _git(folder: Path, *argv: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *argv], cwd=folder, input=stdin, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    assert _git(folder, "init", "-q").returncode == 0
    for name, data in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    monkeypatch.chdir(folder)
    return folder


def _diff(capsys, *paths: str) -> str:
    assert main(["check", "--diff", "--no-cache", *paths]) == 1
    return capsys.readouterr().out


@pytest.mark.parametrize("spelling", ["relative", "absolute", "dotted"])
def test_every_diff_applies_with_git_and_gives_what_fix_writes(repo, capsys, tmp_path, spelling):
    paths = {"relative": list(ARTICLES), "absolute": [str(repo / name) for name in ARTICLES],
             "dotted": [f"./sub/../{name}" for name in ARTICLES]}[spelling]
    patch = _diff(capsys, *paths)
    assert "a//" not in patch and "/../" not in patch
    assert sorted(line for line in patch.splitlines() if line.startswith("+++ ")) == sorted(
        f"+++ b/{name}" for name in ARTICLES)
    checked = _git(repo, "apply", "--check", "-", stdin=patch)
    assert checked.returncode == 0, checked.stderr
    fixed = tmp_path / "fixed"
    shutil.copytree(repo, fixed)
    assert main(["check", "--fix", "--no-cache", "--exit-zero", str(fixed)]) == 0
    capsys.readouterr()
    assert _git(repo, "apply", "-", stdin=patch).returncode == 0
    for name in ARTICLES:
        assert (repo / name).read_bytes() == (fixed / name).read_bytes(), name


def test_a_last_line_without_newline_is_marked(repo):
    assert unified_diff("a.md", "One.\nWhilst.", "One.\nWhile.") == (
        "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n One.\n-Whilst.\n\\ No newline at end of file\n"
        "+While.\n\\ No newline at end of file\n")


def test_a_file_outside_the_current_folder_keeps_its_absolute_path(repo, tmp_path):
    outside = tmp_path / "elsewhere" / "a.md"
    assert unified_diff(str(outside), "Whilst.\n", "While.\n").splitlines()[:2] == [
        f"--- {outside}", f"+++ {outside}"]
    assert unified_diff(str(repo / "x" / "a.md"), "Whilst.\n", "While.\n").splitlines()[:2] == [
        "--- a/x/a.md", "+++ b/x/a.md"]
