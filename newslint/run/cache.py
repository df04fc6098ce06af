"""A cache of findings per file, so that re-running over an unchanged archive is near instant.

An entry is keyed by the file's path and bytes and by a fingerprint of everything else that can
change a finding: newslint's own source and built-in data (an editable install changes code
without changing the version), the resolved settings, every rule file and data file of the packs
in force, the knowledge-base files, the rule selection and the reference date. Entries live in
`.newslint_cache/` at the project root, one small JSON file each, written atomically, so parallel
workers never see half an entry. A damaged entry is a miss, never an error.
"""
from __future__ import annotations

import functools
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any, Iterable

from ..compiled import write_entry
from ..findings import Finding, Fix, Severity, Span

CACHE_DIR = ".newslint_cache"
_FORMAT = 1


@functools.cache
def newslint_digest() -> str:
    """A hash of newslint's installed source and data: a code change must invalidate the cache."""
    package = Path(__file__).resolve().parent
    return _digest_paths([package, package.parent / "rules"] if not (package / "_rules").is_dir() else [package])


def _digest_paths(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(str(path.relative_to(root) if root.is_dir() else path.name).encode())
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"<unreadable>")
    return digest.hexdigest()


def fingerprint(parts: dict[str, Any], paths: Iterable[Path]) -> str:
    """Hash of settings (as canonical JSON) and of the contents of the files they name."""
    digest = hashlib.sha256()
    digest.update(newslint_digest().encode())
    digest.update(json.dumps(parts, sort_keys=True, default=_jsonable).encode())
    digest.update(_digest_paths(sorted(set(paths))).encode())
    return digest.hexdigest()


def _jsonable(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    return str(value)


class FindingCache:
    def __init__(self, root: Path, key: str) -> None:
        self.folder = root / CACHE_DIR / key[:24]

    def _entry(self, path: str, content: bytes) -> Path:
        digest = hashlib.sha256(path.encode("utf-8", "surrogateescape") + b"\0" + content).hexdigest()
        return self.folder / digest[:2] / f"{digest}.json"

    def get(self, path: str, content: bytes) -> list[Finding] | None:
        try:
            data = json.loads(self._entry(path, content).read_text(encoding="utf-8"))
            # Valid JSON of any other shape (null, [1], "x", a finding of the wrong form) is as
            # damaged as a truncated entry: a miss, never an error that stops every run.
            if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("findings"), list):
                return None
            return [_finding(item, path) for item in data["findings"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None

    def put(self, path: str, content: bytes, findings: list[Finding]) -> None:
        try:
            write_entry(self._entry(path, content),
                        json.dumps({"format": _FORMAT, "findings": [_plain(f) for f in findings]}))
        except OSError:
            pass  # a read-only checkout still lints; it just cannot remember


def clean(root: Path) -> bool:
    """Remove the cache under `root`; True when there was one."""
    folder = root / CACHE_DIR
    if not folder.is_dir():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True


def _plain(finding: Finding) -> dict:
    fix = finding.fix
    return {
        "rule": finding.rule, "severity": finding.severity.value, "message": finding.message,
        "span": [finding.span.start, finding.span.end],
        "fix": None if fix is None else {
            "safe": fix.safe, "message": fix.message,
            "edits": [[span.start, span.end, text] for span, text in fix.edits]},
    }


def _finding(item: dict, path: str) -> Finding:
    fix = item["fix"]
    return Finding(
        item["rule"], Severity(item["severity"]), item["message"], path, Span(*item["span"]),
        None if fix is None else Fix(tuple((Span(s, e), text) for s, e, text in fix["edits"]),
                                     fix["safe"], fix["message"]))
