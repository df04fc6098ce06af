"""Gitignore-style path patterns, for `exclude`, `per-file-ignores` and `.gitignore` files.

pathspec implements git's wildmatch rules (`**`, anchoring, negation) exactly; hand-rolled
fnmatch gets `**/` and directory patterns subtly wrong, and users write these globs from memory
of .gitignore.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

import pathspec


@functools.lru_cache(maxsize=256)
def compile_globs(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def resolved(path: Path) -> Path:
    """`path.resolve()`, or the absolute path where a symbolic link loop stops resolution."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # RuntimeError: pathlib's "Symlink loop" before Python 3.13
        return Path(os.path.abspath(path))


def relative_posix(path: Path, root: Path) -> str | None:
    """`path` relative to `root` with forward slashes, or None when it lies outside `root`."""
    try:
        return Path(os.path.relpath(resolved(path), resolved(root))).as_posix() if _inside(path, root) else None
    except ValueError:  # another drive on Windows
        return None


def _inside(path: Path, root: Path) -> bool:
    try:
        resolved(path).relative_to(resolved(root))
        return True
    except ValueError:
        return False


def matches(patterns: tuple[str, ...], path: Path, root: Path) -> bool:
    relative = relative_posix(path, root)
    return bool(patterns) and relative is not None and compile_globs(tuple(patterns)).match_file(relative)
