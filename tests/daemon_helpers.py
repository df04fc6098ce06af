"""A project folder with its own daemon, for tests/test_daemon*.py: commands run as a user runs
them (`python -m newslint` in the project), with a private runtime folder of the test's own."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = ["casualty-unsourced/claims-flagged.md", "date-weekday-mismatch", "title-mismatch", "ai-disclosure-missing", "unused-suppression", "chatbot-leftover"]


@dataclass
class Project:
    root: Path
    env: dict

    def run(self, *args: str, stdin: bytes | None = None, daemon: bool = True, cwd: Path | None = None):
        command = [sys.executable, "-m", "newslint", *args]
        if not daemon and args and args[0] == "check":
            command.append("--no-daemon")
        return subprocess.run(command, cwd=cwd or self.root, env=self.env, input=stdin, capture_output=True, timeout=120)

    def served(self) -> int:
        out = self.run("daemon", "status").stdout.decode()
        return int(out.split("checks served")[0].rsplit(",", 1)[1]) if "checks served" in out else -1

    def pid(self) -> int | None:
        out = self.run("daemon", "status").stdout.decode()
        return int(out.split("(pid ")[1].split(",")[0]) if "(pid " in out else None

    def socket(self) -> Path:
        sockets = list((Path(self.env["XDG_RUNTIME_DIR"]) / "newslint").glob("*.sock"))
        assert len(sockets) == 1
        return sockets[0]


def make_project(tmp_path: Path) -> Project:
    root = tmp_path / "site"
    root.mkdir()
    (root / ".git").mkdir()  # the project root's marker (no git needed)
    content = root / "content"
    content.mkdir()
    for name in ARTICLES:
        source = FIXTURES / name
        files = [source] if source.is_file() else sorted(source.glob("*.md"))[:3]
        for path in files:
            shutil.copyfile(path, content / f"{path.parent.name}-{path.name}")
    runtime = Path(tempfile.mkdtemp(prefix="nl"))  # short: a socket path has ~100 characters at most
    os.chmod(runtime, 0o700)
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSLINT")}
    env.update(XDG_RUNTIME_DIR=str(runtime), NO_COLOR="", PYTHONDONTWRITEBYTECODE="1")
    env.pop("NO_COLOR")
    return Project(root, env)


def stop(project: Project) -> None:
    pid = project.pid()
    project.run("daemon", "stop")
    if pid is not None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.05)
        if _alive(pid):
            os.kill(pid, 9)
    shutil.rmtree(project.env["XDG_RUNTIME_DIR"], ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
