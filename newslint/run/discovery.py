"""Turn the paths on the command line into the articles to check.

Directories recurse to `*.md` and `*.markdown`, skipping hidden folders, `node_modules`, files
that `.gitignore` ignores and the config's `exclude` globs. A file named explicitly is always
checked, unless `force_exclude` (set by the pre-commit hook, which names files one by one) asks
for `exclude` to hold there too. Symbolic links to folders are not followed, so a link loop
cannot trap the walk, and a file link loop (`a.md -> b.md -> a.md`) is kept as a path, to be
reported unreadable, rather than resolved. Paths keep the form the user gave (relative stays
relative).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

from ..config import Settings
from ..patterns.globs import compile_globs, matches, relative_posix, resolved

ARTICLE_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRS = {"node_modules", "__pycache__", "venv"}


class GitIgnores:
    """The .gitignore files met on the way down, each applying below its own folder."""

    def __init__(self) -> None:
        self._specs: dict[Path, object] = {}

    def load_above(self, folder: Path) -> None:
        """Read .gitignore files from `folder` up to the enclosing git repository's root."""
        for parent in (folder, *folder.parents):
            self.load(parent)
            if (parent / ".git").exists():
                break

    def load(self, folder: Path) -> None:
        if folder in self._specs:
            return
        ignore_file = folder / ".gitignore"
        spec = None
        if ignore_file.is_file():
            try:
                lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
                spec = compile_globs(tuple(lines))
            except OSError:
                spec = None
        self._specs[folder] = spec

    def ignored(self, path: Path, is_dir: bool) -> bool:
        for folder, spec in self._specs.items():
            if spec is None:
                continue
            relative = relative_posix(path, folder)
            if relative is None or relative == ".":
                continue
            if spec.match_file(relative + ("/" if is_dir else "")):
                return True
        return False


def discover(arguments: list[str], settings_for: Callable[[Path], Settings],
             force_exclude: bool = False) -> Iterator[str]:
    """Article paths in a stable order, each once."""
    seen: set[Path] = set()
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = _walk(argument, settings_for)
        else:
            found = [argument]
            if force_exclude and _excluded(path, settings_for):
                found = []
        for item in found:
            key = resolved(Path(item))
            if key not in seen:
                seen.add(key)
                yield item


def _excluded(path: Path, settings_for: Callable[[Path], Settings]) -> bool:
    settings = settings_for(path.parent if path.parent != Path("") else Path("."))
    return matches(settings.exclude, path, settings.root)


def _walk(top: str, settings_for: Callable[[Path], Settings]) -> list[str]:
    ignores = GitIgnores()
    ignores.load_above(resolved(Path(top)))
    results = []
    for folder, dirnames, filenames in os.walk(top, followlinks=False):
        folder_path = Path(folder)
        ignores.load(resolved(folder_path))
        settings = settings_for(folder_path)
        kept = []
        for name in sorted(dirnames):
            child = folder_path / name
            if name.startswith(".") or name in SKIPPED_DIRS:
                continue
            if ignores.ignored(resolved(child), True) or matches(settings.exclude, child, settings.root):
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            child = folder_path / name
            if ignores.ignored(resolved(child), False) or matches(settings.exclude, child, settings.root):
                continue
            results.append(os.path.normpath(os.path.join(folder, name)))
    return results
