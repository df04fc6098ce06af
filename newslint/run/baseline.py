"""The baseline (`--baseline FILE`): the findings an archive already has, so a run reports only
new ones (phpstan's and detekt's baseline, ruff's way in for old code).

An entry is a finding's path (relative to the baseline file's folder, so the file works from any
folder and in any clone), its rule, its fingerprint (the one SARIF's `partialFingerprints`
carries, which hashes the matched text and how many identical texts came before it in the file,
never a line number), and, for a reviewer only, its line and text. So an entry keeps hiding its
finding when lines are added above it, and one entry hides one finding: a second identical
finding in the same file is new. The file is JSON, one entry per line, sorted by path, line,
rule and fingerprint, so that a change to it reads as a diff of findings.

This module reads and writes the file and matches reports against it; it never prints. A
malformed baseline is a ConfigError at its line (exit 2): a baseline that silently hides nothing
would turn every old finding into a failure, and one that hides the wrong things is worse.
"""
from __future__ import annotations

import json
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ConfigError
from ..report import FileReport
from ..report.fingerprints import fingerprint, occurrences
from ..report.sarif import artifact_uri
from .sources import write_atomic

VERSION = 1
KEYS = ("path", "line", "rule", "text", "fingerprint")
TEXT_LIMIT = 80
"""Characters of the finding's text kept for a reviewer; the fingerprint needs none of them."""
MAX_BYTES = 200_000_000
"""About a million entries: far past any archive, short of a file that would exhaust memory."""
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Entry:
    path: str
    """Relative to the baseline file's folder, with `/` (`../` where the file is outside it)."""
    line: int
    rule: str
    text: str
    fingerprint: str

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.rule, self.fingerprint)


@dataclass(frozen=True)
class Baseline:
    file: Path
    entries: tuple[Entry, ...] = ()

    @property
    def folder(self) -> Path:
        return Path(os.path.abspath(self.file)).parent


@dataclass(frozen=True)
class Matched:
    reports: list[FileReport]
    """The reports without the findings the baseline holds."""
    hidden: int
    stale: int
    """Entries of files linted in this run that matched no finding, and of files that are gone."""


def read_baseline(file: Path) -> Baseline:
    """The baseline in `file`; ConfigError (`path:line: what is wrong`) when it is malformed."""
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ConfigError(file, 1, "the baseline is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):  # reading a FIFO would wait for a writer for ever
            raise ConfigError(file, 1, "the baseline is not a regular file")
        if info.st_size > MAX_BYTES:
            raise ConfigError(file, 1, f"the baseline is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}")
        raw = file.read_bytes()
    except OSError as err:
        raise ConfigError(file, 1, f"cannot read the baseline ({err.strerror or err})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ConfigError(file, 1, f"the baseline is not UTF-8 ({err.reason} at byte {err.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ConfigError(file, err.lineno, f"the baseline is not valid JSON: {err.msg}") from None
    except RecursionError:
        raise ConfigError(file, 1, "the baseline is not valid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ConfigError(file, 1, "a baseline is a JSON object with 'version' and 'findings'")
    unknown = sorted(set(data) - {"version", "tool", "findings"})
    if unknown:
        raise ConfigError(file, _line_of_key(text, unknown[0]), f"unknown key '{unknown[0]}' in the baseline")
    if data.get("version") != VERSION:
        raise ConfigError(file, _line_of_key(text, "version"),
                          f"baseline version {data.get('version')!r} is not supported (expected {VERSION}); "
                          "write it again with --update-baseline")
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise ConfigError(file, _line_of_key(text, "findings"), "'findings' must be a list of entries")
    starts = _item_lines(text)
    entries = []
    for index, item in enumerate(findings):
        line = starts[index] if index < len(starts) else 1
        entries.append(_entry(item, file, line))
    return Baseline(file, tuple(entries))


def _entry(item: object, file: Path, line: int) -> Entry:
    if not isinstance(item, dict):
        raise ConfigError(file, line, f"an entry must be an object with {', '.join(KEYS)}")
    missing = [key for key in KEYS if key not in item]
    if missing:
        raise ConfigError(file, line, f"entry lacks '{missing[0]}'")
    unknown = sorted(set(item) - set(KEYS))
    if unknown:
        raise ConfigError(file, line, f"unknown key '{unknown[0]}' in an entry")
    for key in ("path", "rule", "text", "fingerprint"):
        if not isinstance(item[key], str) or (key != "text" and not item[key]):
            raise ConfigError(file, line, f"'{key}' must be a non-empty string" if key != "text"
                              else "'text' must be a string")
    if not isinstance(item["line"], int) or isinstance(item["line"], bool) or item["line"] < 1:
        raise ConfigError(file, line, "'line' must be a whole number from 1")
    if not _HEX64.fullmatch(item["fingerprint"]):
        raise ConfigError(file, line, "'fingerprint' must be 64 lowercase hexadecimal digits")
    return Entry(item["path"], item["line"], item["rule"], item["text"], item["fingerprint"])


def _line_of_key(text: str, key: str) -> int:
    match = re.search(r'"' + re.escape(key) + r'"\s*:', text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _item_lines(text: str) -> list[int]:
    """The line each item of the top-level `findings` array starts on (the file parsed already)."""
    match = re.search(r'"findings"\s*:\s*\[', text)  # inside a string the quotes are escaped
    if match is None:
        return []
    decoder, index, lines = json.JSONDecoder(), match.end(), []
    while True:
        index = _skip(text, index, " \t\r\n")
        if index >= len(text) or text[index] == "]":
            return lines
        lines.append(text.count("\n", 0, index) + 1)
        try:
            _, index = decoder.raw_decode(text, index)
        except (json.JSONDecodeError, RecursionError):
            return lines
        index = _skip(text, index, " \t\r\n,")


def _skip(text: str, index: int, chars: str) -> int:
    while index < len(text) and text[index] in chars:
        index += 1
    return index


def relative_path(path: str, folder: Path) -> str:
    """A linted file's path relative to the baseline's folder, with `/`."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, folder)
    except ValueError:  # another drive (Windows)
        relative = absolute
    return relative.replace(os.sep, "/")


def _keyed(report: FileReport, folder: Path) -> Iterator[tuple[object, str, str]]:
    """(finding, its path for the baseline, its fingerprint) for each finding of `report`."""
    own = relative_path(report.path, folder)
    for finding, key_text, occurrence in occurrences(report):
        path = own if finding.path == report.path else relative_path(finding.path, folder)
        yield finding, path, fingerprint(finding.rule, artifact_uri(path, "/"), key_text, occurrence)


def held(baseline: Baseline, report: FileReport) -> set[int]:
    """The findings of one report the baseline holds, as `id()`s of `report.findings`: what --fix
    leaves alone, as it leaves a finding a noqa comment suppresses. Counted as `match` counts,
    each entry holding one finding."""
    folder = baseline.folder
    own = relative_path(report.path, folder)
    available = Counter((entry.path, entry.fingerprint) for entry in baseline.entries if entry.path == own)
    if not available:
        return set()
    return {id(finding) for finding, hidden in _take(report, folder, available) if hidden}


def _take(report: FileReport, folder: Path, available: Counter) -> Iterator[tuple[object, bool]]:
    """Each finding of `report` and whether an entry still `available` holds it (taking it)."""
    for finding, path, print_ in _keyed(report, folder):
        taken = available[(path, print_)] > 0
        if taken:
            available[(path, print_)] -= 1
        yield finding, taken


def match(baseline: Baseline, reports: Iterable[FileReport]) -> Matched:
    """Drop the findings the baseline holds (each entry hides one) and count what is stale."""
    folder = baseline.folder
    available = Counter((entry.path, entry.fingerprint) for entry in baseline.entries)
    linted, kept_reports, hidden = set(), [], 0
    for report in reports:
        linted.add(relative_path(report.path, folder))
        kept = []
        for finding, taken in _take(report, folder, available):
            if taken:
                hidden += 1
            else:
                kept.append(finding)
        kept_reports.append(replace(report, findings=tuple(kept)) if len(kept) < len(report.findings) else report)
    left = Counter()
    for (path, _), count in available.items():
        left[path] += count
    stale = sum(count for path, count in left.items() if count and (path in linted or not _exists(path, folder)))
    return Matched(kept_reports, hidden, stale)


def _exists(path: str, folder: Path) -> bool:
    try:
        return (folder / path).exists()
    except (OSError, ValueError):  # a path the system cannot even ask about is not there
        return False


@dataclass(frozen=True)
class Update:
    entries: tuple[Entry, ...]
    added: int
    removed: int


def updated(baseline: Baseline, reports: Iterable[FileReport]) -> Update:
    """The baseline holding every finding of `reports`; entries of files this run did not lint
    are kept (a run over one folder must not forget the rest of the archive), unless the file is
    gone."""
    folder = baseline.folder
    fresh, linted = [], set()
    for report in reports:
        linted.add(relative_path(report.path, folder))
        lines = report.lines
        for finding, path, print_ in _keyed(report, folder):
            text = report.source[finding.span.start : finding.span.end]
            if not text and report.source:  # a point: its line, as the fingerprint takes it
                text = lines.line_text(lines.line_of(finding.span.start))
            text = " ".join(text.split())
            if len(text) > TEXT_LIMIT:
                text = text[: TEXT_LIMIT - 1] + "\u2026"
            fresh.append(Entry(path, lines.line_of(finding.span.start), finding.rule, text, print_))
    present = {path: _exists(path, folder) for path in {entry.path for entry in baseline.entries} - linted}
    kept = [entry for entry in baseline.entries if present.get(entry.path)]
    entries = tuple(sorted(kept + fresh, key=Entry.sort_key))
    before = Counter((entry.path, entry.fingerprint) for entry in baseline.entries)
    after = Counter((entry.path, entry.fingerprint) for entry in entries)
    return Update(entries, sum((after - before).values()), sum((before - after).values()))


def render(entries: Iterable[Entry]) -> str:
    """The baseline file: JSON, one entry per line, so that a change to it diffs by finding."""
    rows = [json.dumps({key: getattr(entry, key) for key in KEYS}, ensure_ascii=_has_surrogates(entry))
            for entry in entries]
    body = ",\n".join(f"    {row}" for row in rows)
    return ('{\n  "version": %d,\n  "tool": "newslint",\n  "findings": [%s\n  ]\n}\n'
            % (VERSION, f"\n{body}" if rows else ""))


def _has_surrogates(entry: Entry) -> bool:
    """A file name that is not UTF-8 reaches us as surrogates: JSON's escapes keep it UTF-8."""
    return any("\ud800" <= char <= "\udfff" for char in entry.path + entry.text)


def write_baseline(file: Path, entries: Iterable[Entry]) -> None:
    data = render(entries).encode("utf-8")
    if file.exists():
        write_atomic(file, data)
    else:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)
