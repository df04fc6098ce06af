"""Signals during `--fix --jobs 2`, on real processes (issue 19, items 2 and 3).

Ctrl-C stops new writes at once, lets the write in flight finish, lists the files written and
exits 130 within a second; kill -9 of the parent takes its workers with it, and nothing is
written after. Each test runs newslint as a subprocess over small files, with bounded waits.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads process groups from /proc")

WHILST = "Whilst talks continued, the strikes stopped.\n"
FIXED = "While talks continued, the strikes stopped.\n"
FILES = 400


def _articles(folder: Path) -> None:
    for number in range(FILES):
        (folder / f"s{number:03}.md").write_text(WHILST * 8)


def _fixed(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.md") if p.read_text().startswith("While ")}


def _start(folder: Path, groups: list[int], jobs: int = 2) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "--fix", "--no-cache", "--isolated", "--format", "concise",
         "--jobs", str(jobs), "."], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)  # its own process group, so that its workers can be found
    groups.append(process.pid)
    deadline = time.monotonic() + 60
    while len(_fixed(folder)) < 30:  # the workers are writing
        assert time.monotonic() < deadline and process.poll() is None, "the run never got going"
        time.sleep(0.005)
    return process


def _group(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


@pytest.fixture
def group_cleanup():
    """Whatever a test leaves of the process groups it started is killed (a failing run's orphans)."""
    groups: list[int] = []
    yield groups
    for pgid in groups:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_stops_writing_lists_what_was_written_and_exits_130(tmp_path, group_cleanup, jobs):
    _articles(tmp_path)
    process = _start(tmp_path, group_cleanup, jobs)
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    out, err = process.communicate(timeout=20)
    elapsed = time.monotonic() - started
    written = _fixed(tmp_path)
    assert process.returncode == 130
    assert elapsed < 1.5  # a second, and room for a loaded machine to schedule the exit
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == f"newslint: interrupted; fixes were written to {len(written)} files:"
    assert sorted(line.strip() for line in lines[1:]) == sorted(written)
    assert len(written) < FILES  # it stopped
    time.sleep(0.3)
    assert _fixed(tmp_path) == written  # nothing more is written once it has exited
    assert {p.read_text() for p in tmp_path.glob("*.md")} <= {WHILST * 8, FIXED * 8}
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".md"] == []


def test_kill_9_of_the_parent_takes_the_workers_with_it(tmp_path, group_cleanup):
    _articles(tmp_path)
    process = _start(tmp_path, group_cleanup)
    assert len(_group(process.pid)) >= 2  # the parent and its workers
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=20)
    deadline = time.monotonic() + 5
    while _group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _group(process.pid) == []
    written = _fixed(tmp_path)
    time.sleep(0.3)
    assert _fixed(tmp_path) == written
    assert len(written) < FILES
    assert {p.read_text() for p in tmp_path.glob("*.md")} <= {WHILST * 8, FIXED * 8}
