"""Helpers for the tests of the stored compiled forms (newslint.compiled)."""
from __future__ import annotations

from pathlib import Path

from newslint import compiled
from newslint.patterns import known


def reopen(folder: Path) -> None:
    """What a new process sees: the tables read afresh from the folder (and no pattern parsed)."""
    compiled.flush()
    compiled.use_folder(None)
    compiled.use_folder(folder)
    known._seen.clear()
