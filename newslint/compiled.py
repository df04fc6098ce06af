"""Compiled forms of data files, kept between runs and keyed by a hash of what they are built from.

Validating and indexing a large data file (the knowledge base) costs more at start-up than
linting one article. Its compiled form is stored as JSON under a key that hashes newslint's
version, the code that builds it, and the path and bytes of every file it reads: an edited
file, a renamed one or another newslint gets another key, so a stored form is never used for
anything but the very inputs it was built from, and the strict validation (errors at
path:line, exit 2) still runs on every changed file.

The folder is where the findings cache lives (`<project root>/.newslint_cache/compiled`); the
runner names it once per configuration when caching is on (`use_folder`). Without one (the API,
--no-cache) nothing is read or written. A folder that is missing, read-only or damaged only
means no cache: never an error, never a different answer. JSON, not pickle: a cache folder can
come with a cloned repository, and loading it must never run code.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from ._version import __version__

_FORMAT = 1
_folder: list[Path | None] = [None]
"""The one folder of this process (a list, so that it is set without `global`): process-level
like the findings cache's root, and only ever a place to look, never part of an answer."""


_tables: dict[tuple[str, str], dict] = {}
_changed: set[tuple[str, str]] = set()


def use_folder(folder: Path | None) -> None:
    """Read and write compiled forms under `folder` from now on (None: none)."""
    if folder != _folder[0]:
        _tables.clear()
        _changed.clear()
    _folder[0] = folder


def enabled() -> bool:
    """Whether a folder is set (else a caller need not even compute a key)."""
    return _folder[0] is not None


def package_code() -> list[Path]:
    """Every module of newslint, for a form whose building involves much of it."""
    return sorted(Path(__file__).parent.rglob("*.py"))


def digest(name: str, code: Iterable[Path], inputs: Iterable[tuple[str, bytes]]) -> str:
    """The key of a compiled form: newslint's version, the source of the code that builds the
    form (an editable install changes code without changing the version) and each input's name
    and bytes, each length-prefixed so that no two different inputs hash alike."""
    hashed = hashlib.sha256()
    for part in (name.encode(), __version__.encode(), str(_FORMAT).encode()):
        hashed.update(len(part).to_bytes(8, "big") + part)
    for path in code:
        part = path.read_bytes()
        hashed.update(len(part).to_bytes(8, "big") + part)
    for label, content in inputs:
        for part in (label.encode("utf-8", "surrogateescape"), content):
            hashed.update(len(part).to_bytes(8, "big") + part)
    return hashed.hexdigest()


def _entry(name: str, key: str) -> Path | None:
    folder = _folder[0]
    return None if folder is None else folder / name / f"{key}.json"


def load(name: str, key: str) -> Any | None:
    """The stored form under `key`, or None (no folder, no entry, or a damaged one)."""
    entry = _entry(name, key)
    if entry is None:
        return None
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("key") != key:
        return None
    return data.get("data")


def store(name: str, key: str, data: Any) -> None:
    """Keep `data` (JSON-able) under `key`, atomically; any failure is silently no cache."""
    entry = _entry(name, key)
    if entry is None:
        return
    try:
        write_entry(entry, json.dumps({"format": _FORMAT, "key": key, "data": data}, separators=(",", ":")))
    except (OSError, ValueError, TypeError):
        pass  # a read-only checkout still lints; it just cannot remember


def write_entry(entry: Path, text: str) -> None:
    """Write one entry of newslint's cache (`<root>/.newslint_cache/<folder>/<folder>/<entry>`)
    atomically, marking the cache's root first (ignored by git, tagged as a cache) so that it
    is never committed or backed up. Failures raise OSError; the caller decides that no cache
    is no error."""
    cache_root = entry.parent.parent.parent
    if not (cache_root / ".gitignore").is_file():
        cache_root.mkdir(parents=True, exist_ok=True)
        (cache_root / ".gitignore").write_text("# Created by newslint.\n*\n", encoding="utf-8")
        (cache_root / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# This is newslint's cache.\n", encoding="utf-8")
    entry.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, entry)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def table(name: str, key: str) -> dict | None:
    """A mapping of many small compiled values stored as one entry (read on first use), which
    the caller may add to and then mark `changed`; None without a folder. Each value must
    depend only on its item and on what `key` hashes."""
    if _folder[0] is None:
        return None
    if (name, key) not in _tables:
        data = load(name, key)
        _tables[(name, key)] = data if isinstance(data, dict) else {}
    return _tables[(name, key)]


def changed(name: str, key: str) -> None:
    _changed.add((name, key))


def flush() -> None:
    """Store the tables that gained values (the runner calls it once the rules have loaded)."""
    for name, key in sorted(_changed):
        if (name, key) in _tables:
            store(name, key, _tables[(name, key)])
    _changed.clear()
