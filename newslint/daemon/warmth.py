"""What the daemon keeps warm, and the guard that keeps it true.

Warming imports newslint's modules, builds the spaCy pipeline and the markdown parser, and lints
a short sample under the project's configuration, which fills the per-process caches of data
files (the knowledge base, the dates vocabulary, the title lexicon, the disclosure phrases). Those
caches are keyed by path, not content: they are right only while the files they were built from
are unchanged. So every file and folder the warm-up read is recorded (Python's audit hook sees
each `open` and folder listing) with a hash of its content, and before each request the daemon
compares them again; if any changed, appeared or vanished, it clears those caches (the request
then reads everything afresh, as a cold run does) and warms again. The code itself, built-in
rules included, is the client's fingerprint's business (a changed one stops the daemon).
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from .fingerprint import code_folders

SAMPLE = """---
title: Warm-up
date: 2024-03-01
---

# Warm-up

The mayor said on Tuesday that 12 people were hurt, according to police.
"""

KEEP = frozenset({
    # Caches that depend on their arguments and the code only, never on a file's content.
    "newslint.text.nlp.pipeline", "newslint.text.markdown._markdown", "newslint.run.cache.newslint_digest",
    "newslint.kinds.disclosure._code", "newslint.patterns.globs.compile_globs",
})

_recording = [False]
_files: set[str] = set()
_folders: set[str] = set()
_hook_added = [False]


def _audit(event: str, args: tuple) -> None:
    if not _recording[0]:
        return
    if event == "open":
        path = args[0]
        if isinstance(path, (str, bytes, os.PathLike)):
            _files.add(os.path.abspath(os.fsdecode(path)))
    elif event in ("os.listdir", "os.scandir"):
        path = args[0] if args else "."
        if isinstance(path, (str, bytes, os.PathLike)):
            _folders.add(os.path.abspath(os.fsdecode(path)))


def _ignored() -> tuple[str, ...]:
    """Python's own files and newslint's code and built-in data (the fingerprint covers these)."""
    prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix, *map(str, code_folders())}
    return tuple(os.path.join(os.path.realpath(p), "") for p in prefixes) + tuple(os.path.join(p, "") for p in prefixes)


class Warmth:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.inputs: dict[str, object] = {}
        self.warmed = False

    def warm(self) -> None:
        """Load everything a check under the project's configuration needs; never raises (a
        broken configuration is each request's to report)."""
        if not _hook_added[0]:
            sys.addaudithook(_audit)
            _hook_added[0] = True
        _files.clear()
        _folders.clear()
        _recording[0] = True
        try:
            _lint_sample(self.root)
        except Exception:
            pass
        finally:
            _recording[0] = False
        ignored = _ignored()
        watched = {p for p in _files | _folders if not p.startswith(ignored) and not p.endswith((".py", ".pyc", ".so"))}
        self.inputs = {path: _state(path) for path in sorted(watched)}
        self.warmed = True

    def stale(self) -> bool:
        """Whether a file or folder the warm-up read is not as it was then."""
        return any(_state(path) != state for path, state in self.inputs.items())

    def forget(self) -> None:
        """Clear every newslint cache that may hold a file's content (all but KEEP)."""
        for name, module in list(sys.modules.items()):
            if module is None or not (name == "newslint" or name.startswith("newslint.")):
                continue
            for attribute, value in list(vars(module).items()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", None) == name and f"{name}.{attribute}" not in KEEP:
                    clear()
        self.warmed = False


def _state(path: str) -> object:
    """A file's content hash, a folder's sorted listing, or what stands in for neither."""
    try:
        if os.path.isdir(path):
            return ("folder", tuple(sorted(os.listdir(path))))
        with open(path, "rb") as handle:
            return ("file", hashlib.sha256(handle.read()).hexdigest())
    except OSError as err:
        return ("missing", err.errno)


def _lint_sample(root: Path) -> None:
    from ..run.runner import Runner, RunOptions
    from ..text import markdown, nlp

    nlp.pipeline()
    markdown._markdown()
    runner = Runner(RunOptions(stdin_filename=str(root / "newslint-warm-up.md"), cache=False, jobs=1),
                    SAMPLE.encode())
    previous = os.getcwd()
    try:
        os.chdir(root)
        runner.run(["-"])
    finally:
        os.chdir(previous)
    from ..report import full, json  # noqa: F401  (the default format, with rich; the common one)

