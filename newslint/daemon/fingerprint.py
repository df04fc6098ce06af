"""The fingerprint of the newslint a process runs: its version, the Python executable, and the
size and modification time of every file of the package (its code and its built-in rules and
data). A client and a daemon whose fingerprints differ run different code, and the daemon is
not used. Sizes and times, not hashes: it is computed on every `check` a daemon may serve, in a
few milliseconds, and an install or an edit changes both.
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from .._version import __version__
from .paths import python

PACKAGE = Path(__file__).resolve().parent.parent


def code_folders() -> list[Path]:
    """The package and, in a source checkout (an editable install), its rules folder beside it
    (an installed wheel ships them inside, as newslint/_rules)."""
    folders = [PACKAGE]
    if not (PACKAGE / "_rules").is_dir() and (PACKAGE.parent / "rules").is_dir():
        folders.append(PACKAGE.parent / "rules")
    return folders


def fingerprint() -> str:
    hashed = hashlib.sha256(f"{__version__}\0{python()}\0{sys.version}".encode())
    for folder in code_folders():
        for top, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(top, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                hashed.update(f"{os.path.relpath(path, folder)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return hashed.hexdigest()
