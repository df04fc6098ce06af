"""Where a project's daemon listens: a socket in a folder private to the user, named after the
project root and the Python that runs newslint.

The folder is `$XDG_RUNTIME_DIR/newslint` (a per-user folder the login manager creates) or
`<temp>/newslint-<uid>`; it is created 0700 and used only if it is a real folder (not a link),
owned by this user and closed to others, so that no other user can put a socket where a client
would talk to it, nor connect to ours. Never imports anything beyond the standard library.
"""
from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT_MARKERS = (".git", ".newslint.yaml")


@dataclass(frozen=True)
class Place:
    """A project's daemon files: the socket, the lock the daemon holds while it lives, and the
    log of its start-up (what `daemon start` shows when start-up fails)."""

    root: Path
    folder: Path

    @property
    def key(self) -> str:
        # Python's executable too: two environments of one project are two different newslints.
        return hashlib.sha256(f"{self.root}\0{python()}".encode()).hexdigest()[:16]

    @property
    def socket(self) -> Path:
        return self.folder / f"{self.key}.sock"

    @property
    def lock(self) -> Path:
        return self.folder / f"{self.key}.lock"

    @property
    def log(self) -> Path:
        return self.folder / f"{self.key}.log"


def python() -> str:
    """The Python running newslint: its environment (a venv's python and python3 are one) and
    its real executable."""
    return f"{os.path.realpath(sys.prefix)}\0{os.path.realpath(sys.executable)}"


def project_root(start: Path) -> Path:
    """The folder a daemon is started for: the nearest one above `start` holding `.git`, else
    the nearest holding `.newslint.yaml`, else `start`. Only a key: the daemon runs every
    request in the client's own folder, so the answer never depends on it."""
    start = Path(os.path.realpath(start))
    for marker in ROOT_MARKERS:
        for folder in (start, *start.parents):
            if os.path.lexists(folder / marker):
                return folder
    return start


def runtime_folder(create: bool = False) -> Path | None:
    """The user's private folder for daemon sockets; None where there is none that is safe (or,
    without `create`, none yet), or no Unix sockets at all (Windows)."""
    if not hasattr(os, "getuid") or not hasattr(os, "fork"):
        return None
    import socket

    if not hasattr(socket, "AF_UNIX"):
        return None
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and _private(Path(base)):
        folder = Path(base) / "newslint"
    else:
        folder = Path(tempfile.gettempdir()) / f"newslint-{os.getuid()}"
    if create:
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
    return folder if _private(folder) else None


def _private(folder: Path) -> bool:
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO))


def place_for(cwd: Path, create: bool = False) -> Place | None:
    folder = runtime_folder(create)
    return None if folder is None else Place(project_root(cwd), folder)
