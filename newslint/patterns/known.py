"""Patterns parsed by an earlier run: text and flags -> program size and required literals.

What `safe.compile_pattern` learns from `re`'s parser (that the pattern parses, its size once
unrolled, the literals every match holds) depends only on the text, the flags, this package's
code and Python's parser, all of which the table's key hashes (`newslint.compiled`). Parsing
the 200-odd patterns of the built-in rules took a quarter of their loading. Refused patterns
are never stored, so their errors are found at every load; a damaged entry is parsed again.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .. import compiled

_TABLE: list[str] = []
"""The table's name and key, computed once per process."""
_seen: dict[str, tuple[int, tuple[frozenset[str], ...] | None]] = {}
"""This process's own parses and lookups, by flags and text, with or without a folder: a warm
process (the daemon) loads the same rules for every request, and an answer that depends only on
the key (and the code, which a process does not change) needs no table to be read again."""


def _table() -> dict | None:
    if not compiled.enabled():
        return None
    if not _TABLE:
        code = sorted(Path(__file__).parent.glob("*.py"))
        # Python's version stands for its parser's (`re` changes with Python, never apart).
        _TABLE.extend(("patterns", compiled.digest("patterns", code, [("python", sys.version.encode())])))
    return compiled.table(*_TABLE)


def lookup(text: str, flags: int) -> tuple[int, tuple[frozenset[str], ...] | None] | None:
    key = f"{flags}:{text}"
    if key in _seen:
        return _seen[key]
    found = _stored(key)
    if found is not None:
        _seen[key] = found
    return found


def _stored(key: str) -> tuple[int, tuple[frozenset[str], ...] | None] | None:
    table = _table()
    entry = table.get(key) if table is not None else None
    if entry is None:
        return None
    try:
        size, literals = entry
        sets = None if literals is None else tuple(frozenset(strings) for strings in literals)
    except (TypeError, ValueError):
        return None
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return None
    if sets is not None and not (sets and all(sets) and all(isinstance(s, str) for strings in sets for s in strings)):
        return None
    return size, sets


def remember(text: str, flags: int, size: int, literals: tuple[frozenset[str], ...] | None) -> None:
    _seen[f"{flags}:{text}"] = (size, literals)
    table = _table()
    if table is not None:
        table[f"{flags}:{text}"] = [size, None if literals is None else [sorted(strings) for strings in literals]]
        compiled.changed(*_TABLE)
