"""Turn the paths on the command line into the articles to check.

Directories recurse to `*.md` and `*.markdown`, skipping hidden folders, `node_modules`, files
that `.gitignore` ignores and the config's `exclude` globs. A file named explicitly is always
checked, unless `force_exclude` (set by the pre-commit hook, which names files one by one) asks
for `exclude` to hold there too. Symbolic links to folders are not followed, so a link loop
cannot trap the walk, and a file link loop (`a.md -> b.md -> a.md`) is kept as a path, to be
reported unreadable, rather than resolved. Paths keep the form the user gave (relative stays
relative). What `.gitignore` and `exclude` leave out is noted in a `Skipped`, so that a run that
checks nothing can say why.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Skipped:
    """The files and folders a walk left out on purpose (hidden and tool folders aside)."""

    gitignored: list[Path] = field(default_factory=list)
    excluded: list[Path] = field(default_factory=list)
    """By the config's `exclude` globs."""

    def articles(self) -> dict[str, int]:
        """How many articles each reason left out, counting those inside skipped folders (a walk
        made only to explain a run that checked nothing)."""
        return {"gitignored": sum(map(_articles_in, self.gitignored)),
                "excluded": sum(map(_articles_in, self.excluded))}


def _articles_in(path: Path) -> int:
    if not path.is_dir() or path.is_symlink():
        return 1
    count = 0
    for _, dirnames, filenames in os.walk(path, followlinks=False):
        dirnames[:] = [name for name in dirnames if _walked(name)]
        count += sum(1 for name in filenames if name.lower().endswith(ARTICLE_SUFFIXES))
    return count


def _walked(name: str) -> bool:
    return not name.startswith(".") and name not in SKIPPED_DIRS


def discover(arguments: list[str], settings_for: Callable[[Path], Settings], force_exclude: bool = False,
             respect_gitignore: bool = True, skipped: Skipped | None = None) -> Iterator[str]:
    """Article paths in a stable order, each once; what was left out goes into `skipped`."""
    skipped = Skipped() if skipped is None else skipped
    seen: set[Path] = set()
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = _walk(argument, settings_for, respect_gitignore, skipped)
        else:
            found = [argument]
            if force_exclude and _excluded(path, settings_for):
                skipped.excluded.append(path)
                found = []
        for item in found:
            key = resolved(Path(item))
            if key not in seen:
                seen.add(key)
                yield item


def _excluded(path: Path, settings_for: Callable[[Path], Settings]) -> bool:
    settings = settings_for(path.parent if path.parent != Path("") else Path("."))
    return matches(settings.exclude, path, settings.root)


def _walk(top: str, settings_for: Callable[[Path], Settings], respect_gitignore: bool,
          skipped: Skipped) -> list[str]:
    ignores = GitIgnores()
    if respect_gitignore:
        ignores.load_above(resolved(Path(top)))
    results = []
    for folder, dirnames, filenames in os.walk(top, followlinks=False):
        folder_path = Path(folder)
        if respect_gitignore:
            ignores.load(resolved(folder_path))
        settings = settings_for(folder_path)

        def left_out(child: Path, is_dir: bool) -> bool:
            if ignores.ignored(resolved(child), is_dir):
                skipped.gitignored.append(child)
            elif matches(settings.exclude, child, settings.root):
                skipped.excluded.append(child)
            else:
                return False
            return True

        dirnames[:] = [name for name in sorted(dirnames)
                       if _walked(name) and not left_out(folder_path / name, True)]
        for name in sorted(filenames):
            if name.lower().endswith(ARTICLE_SUFFIXES) and not left_out(folder_path / name, False):
                results.append(os.path.normpath(os.path.join(folder, name)))
    return results
