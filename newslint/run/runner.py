"""One run over many files: find each file's config, read it, lint it, fix it, collect reports.

This is the I/O layer between the CLI and the engine: it reads and (with --fix) writes files,
but never prints or exits. Configuration is resolved per folder and cached, so a monorepo with
several `.newslint.yaml` files gets each file linted under its nearest one.
"""
from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
import os
import signal
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .. import compiled
from .cache import CACHE_DIR, FindingCache, fingerprint
from ..config import Settings, default_settings, find_config, load_settings
from .discovery import Skipped, discover
from ..engine import Linter, Selection
from ..findings import Finding, Severity
from .fixes import apply_fixes
from .patch import unified_diff
from .processes import die_with_parent, interrupts_ignored, pool_context, stop_workers
from ..report import FileReport
from ..rules import data_dir_for
from .sources import SourceText, decode, encode, read_source, why_unwritten, write_atomic

if TYPE_CHECKING:
    from .baseline import Baseline

MAX_FIX_ROUNDS = 10
STDIN = "-"
# Below this many files a pool costs more (starting processes, loading spaCy) than it saves.
MIN_FILES_PER_JOB = 8


@dataclass(frozen=True)
class RunOptions:
    config: Path | None = None
    """--config: one file for every article (no discovery)."""
    isolated: bool = False
    """--isolated: ignore every config file."""
    selection: Selection = Selection()
    force_exclude: bool = False
    respect_gitignore: bool = True
    fix: bool = False
    unsafe_fixes: bool | None = None
    """--unsafe-fixes / --no-unsafe-fixes; None leaves the config's choice."""
    diff: bool = False
    reference_date: dt.date | None = None
    stdin_filename: str | None = None
    fail_on: Severity | None = None
    """--fail-on; None leaves each config's choice."""
    jobs: int = 1
    """Processes to spread files over (--jobs); the CLI defaults it to the number of cores."""
    cache: bool = False
    """Reuse findings of unchanged files from .newslint_cache (the CLI turns it on; --no-cache)."""
    today: dt.date = field(default_factory=dt.date.today)
    """The run's one "today", read once when the run starts, for every file and config."""
    only: frozenset[str] | None = None
    """Real paths (os.path.realpath) to lint among those found (--changed-since); None: all."""
    baseline: Baseline | None = None
    """--baseline: the findings it holds are accepted as they are, so --fix leaves them alone."""


@dataclass
class FileOutcome:
    """What linting (and fixing) one file produced."""

    report: FileReport
    fixed: int = 0
    diff: str = ""
    failing: int = 0
    fixed_text: bytes | None = None
    """Standard input's fixed document, encoded as it came (byte-order mark kept)."""


@dataclass
class RunResult:
    reports: list[FileReport] = field(default_factory=list)
    fixed: int = 0
    diffs: list[str] = field(default_factory=list)
    failing: int = 0
    """Findings at or above the applicable fail-on level: the exit code follows this."""
    fixed_stdin: bytes | None = None
    """With `-` and --fix, the fixed document (BOM kept) the CLI prints; None if stdin was unreadable or excluded."""
    skipped: Skipped = field(default_factory=Skipped)

    def add(self, outcome: FileOutcome) -> None:
        self.reports.append(outcome.report)
        self.fixed += outcome.fixed
        self.failing += outcome.failing
        if outcome.diff:
            self.diffs.append(outcome.diff)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C stopped the run: no write was started after it, the one in flight was finished,
    and `written` lists every file whose fixes were written before the stop."""

    def __init__(self, written: tuple[str, ...]) -> None:
        super().__init__()
        self.written = written


class _Stopped(BaseException):
    """A worker was told to stop before a write: it returns what it has done (not an Exception,
    so that no `except Exception` on the way swallows it)."""


Progress = Callable[[int], Callable[[int], None]]
"""Given the number of files, returns a function to call with how many more are done."""


class Runner:
    def __init__(self, options: RunOptions, stdin: bytes | str | None = None, settings: Settings | None = None) -> None:
        """`stdin`: the bytes of standard input, or why it cannot be checked (too long to read).
        `settings`, when given, applies to every file (the API's lint_paths(config=Settings))."""
        self.options = options
        self.stdin = stdin
        self._fixed_settings = settings
        self._config_by_folder: dict[Path, Path | None] = {}
        self._linters: dict[Path | None, Linter] = {}
        self._caches: dict[Path | None, FindingCache | None] = {}
        self.written: list[str] = []
        """Files whose fixes this process wrote, in order (what Ctrl-C lists)."""
        self._may_write: Callable[[], bool] = lambda: True
        self._on_write: Callable[[str], None] = self.written.append

    def config_for(self, folder: Path) -> Path | None:
        """The config file that applies in `folder` (None: built-in defaults)."""
        if self.options.isolated or self._fixed_settings is not None:
            return None
        if self.options.config is not None:
            return self.options.config.resolve()
        folder = folder.resolve()
        if folder not in self._config_by_folder:
            self._config_by_folder[folder] = find_config(folder)
        return self._config_by_folder[folder]

    def settings_for(self, folder: Path) -> Settings:
        """The settings that apply to files in `folder` (ConfigError when a config is bad)."""
        return self._linter(self.config_for(folder)).settings

    def linter_for(self, path: str | None) -> Linter:
        """The linter for an article at `path`; None (a text that is no file) gets --config's."""
        if path is None:
            return self._linter(self.config_for(Path.cwd()) if self.options.config is not None else None)
        return self._linter(self.config_for(Path(path).parent))

    def linters(self) -> list[Linter]:
        """The linters this run built, one per configuration in force."""
        return list(self._linters.values())

    def _linter(self, config: Path | None) -> Linter:
        if config not in self._linters:
            settings = (self._fixed_settings or default_settings(Path.cwd())) if config is None else load_settings(config)
            settings = replace(settings, today=self.options.today)
            if self.options.reference_date is not None:
                settings = replace(settings, reference_date=self.options.reference_date)
            if self.options.unsafe_fixes is not None:
                settings = replace(settings, unsafe_fixes=self.options.unsafe_fixes)
            # Compiled data (the knowledge base's) is kept beside the findings, under the same switch.
            compiled.use_folder(settings.root / CACHE_DIR / "compiled" if self.options.cache else None)
            self._linters[config] = Linter(settings, self.options.selection)
            compiled.flush()
        return self._linters[config]

    def run(self, arguments: list[str], progress: Progress | None = None) -> RunResult:
        try:
            return self._run(arguments, progress)
        except Interrupted:
            raise
        except KeyboardInterrupt:
            raise Interrupted(tuple(self.written)) from None

    def _run(self, arguments: list[str], progress: Progress | None = None) -> RunResult:
        result = RunResult()
        if arguments == [STDIN]:
            name = self.options.stdin_filename or STDIN
            if self.options.stdin_filename and self.options.force_exclude:
                if not list(discover([name], self.settings_for, force_exclude=True)):
                    return result
            source = self.stdin if isinstance(self.stdin, str) else decode(self.stdin or b"")
            outcome = self._lint_one(name, source, from_stdin=True)
            result.add(outcome)
            result.fixed_stdin = outcome.fixed_text
            return result
        paths = list(discover(arguments, self.settings_for, self.options.force_exclude, self.options.respect_gitignore, result.skipped))
        if self.options.only is not None:  # --changed-since
            paths = [path for path in paths if os.path.realpath(path) in self.options.only]
        advance = progress(len(paths)) if progress else (lambda done: None)
        jobs = min(self.options.jobs, len(paths) // MIN_FILES_PER_JOB)
        if jobs > 1:
            outcomes = self._run_parallel(paths, jobs, advance)
        else:
            outcomes = []
            for path in paths:
                outcomes.append(self.lint_path(path))
                advance(1)
        for outcome in outcomes:
            result.add(outcome)
        return result

    def lint_path(self, path: str) -> FileOutcome:
        return self._lint_one(path, read_source(Path(path)))

    def _run_parallel(self, paths: list[str], jobs: int, advance: Callable[[int], None]) -> list[FileOutcome]:
        # The first file is linted here, so that forked workers inherit loaded rules and spaCy.
        first = self.lint_path(paths[0])
        advance(1)
        rest = paths[1:]
        size = max(1, len(rest) // (jobs * 4))
        chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
        outcomes: list[list[FileOutcome]] = [[] for _ in chunks]
        global _parent
        _parent = self  # a forked worker takes this runner, its rules already loaded
        context = pool_context()
        stop, writes = context.Event(), context.SimpleQueue()
        pool = None
        try:
            pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=jobs, mp_context=context, initializer=_start_worker,
                initargs=(self.options, self._fixed_settings, stop, writes, os.getpid()))
            futures = {pool.submit(_lint_chunk, chunk): index for index, chunk in enumerate(chunks)}
            for future in concurrent.futures.as_completed(futures):
                outcomes[futures[future]] = future.result()
                advance(len(chunks[futures[future]]))
        except KeyboardInterrupt:
            stop.set()  # no worker starts another write
            with interrupts_ignored():  # a second Ctrl-C must not cut the stop short
                if pool is not None:
                    stop_workers(pool)
                written = list(self.written)
                while not writes.empty():  # every worker is gone: what they wrote, in order
                    written.append(writes.get())
            raise Interrupted(tuple(written)) from None
        finally:
            _parent = None
            if pool is not None:
                pool.shutdown(wait=not stop.is_set(), cancel_futures=stop.is_set())
        return [first] + [outcome for chunk in outcomes for outcome in chunk]

    def _lint_one(self, path: str, source: SourceText | str, from_stdin: bool = False) -> FileOutcome:
        # Standard input without --stdin-filename is configured like an article in the current folder.
        linter = self.linter_for("stdin.md" if path == STDIN else path)
        fail_on = self.options.fail_on or linter.settings.fail_on
        if isinstance(source, str):
            findings = linter.unreadable(path, source)
            return FileOutcome(FileReport(path, "", tuple(findings)),
                               failing=sum(1 for f in findings if f.severity >= fail_on))
        outcome = FileOutcome(FileReport(path, source.text, ()))
        fixing = self.options.fix or self.options.diff
        cache = None if fixing or from_stdin else self._cache(linter)
        content = source.text.encode("utf-8", "surrogatepass")
        findings = cache.get(path, content) if cache else None
        if findings is None:
            findings = linter.lint(path, source.text)
            if cache and not any(f.rule == "rule-timeout" for f in findings):
                cache.put(path, content, findings)  # a time limit is no property of the file
        if fixing:
            fixed_text, applied, fixed_findings = self.fix(linter, path, source.text, findings)
            outcome.fixed = applied
            if self.options.diff:
                if applied:
                    outcome.diff = unified_diff(path, source.text, fixed_text, source.bom)
            else:
                written = True
                if from_stdin:
                    outcome.fixed_text = encode(replace(source, text=fixed_text))
                elif applied:
                    if not self._may_write():
                        raise _Stopped
                    try:
                        write_atomic(Path(path), encode(replace(source, text=fixed_text)), expected=encode(source),
                                     committed=lambda: self._on_write(path))
                    except OSError as err:  # the file is unchanged: report what it still holds
                        written, outcome.fixed = False, 0
                        findings = sorted(findings + linter.unwritable(path, why_unwritten(err)), key=Finding.sort_key)
                if written:
                    source, findings = replace(source, text=fixed_text), fixed_findings
        # A report needs the source only to place and show findings: a clean file's text would
        # only cross back from a worker and sit in memory until the end of a large run.
        outcome.report = FileReport(path, source.text if findings else "", tuple(findings))
        outcome.failing = sum(1 for f in findings if f.severity >= fail_on)
        return outcome

    def _cache(self, linter: Linter) -> FindingCache | None:
        key = linter.settings.path
        if not self.options.cache:
            return None
        if key not in self._caches:
            self._caches[key] = FindingCache(linter.settings.root, _fingerprint(linter))
        return self._caches[key]

    def _unheld(self, path: str, text: str, findings: list[Finding]) -> list[Finding]:
        """The findings --fix may fix: those the baseline holds are accepted as they stand."""
        if self.options.baseline is None or not findings:
            return findings
        from .baseline import held
        kept = held(self.options.baseline, FileReport(path, text, tuple(findings)))
        return [finding for finding in findings if id(finding) not in kept] if kept else findings

    def fix(self, linter: Linter, path: str, text: str, findings: list[Finding],
            unsafe_allowed: Callable[[str], bool] | None = None) -> tuple[str, int, list[Finding]]:
        """Fix, re-lint and repeat until nothing changes; the remaining findings are of the final
        text. `unsafe_allowed` (rule id -> bool) defaults to the settings' `unsafe-fixes`."""
        applied_total = 0
        allowed = unsafe_allowed or linter.settings.allows_unsafe_fix
        for _ in range(MAX_FIX_ROUNDS):
            new_text, applied = apply_fixes(text, self._unheld(path, text, findings), allowed)
            if not applied or new_text == text:
                break
            applied_total += applied
            text = new_text
            findings = linter.lint(path, text)
        return text, applied_total, findings


def _fingerprint(linter: Linter) -> str:
    """Everything besides the file itself that can change its findings."""
    settings = linter.settings
    parts = {
        "settings": {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)
                     if f.name not in ("rule_overrides", "front_matter", "severity")},
        "severity": {rule: level.value for rule, level in settings.severity.items()},
        "front_matter": dataclasses.asdict(settings.front_matter),
        "overrides": {rule: values for rule, (values, _) in settings.rule_overrides.items()},
        "selection": dataclasses.asdict(linter.selection),
    }
    files = [rule.path for rule in linter.rules] + [data_dir_for(pack) for pack in settings.packs] + list(settings.kb)
    return fingerprint(parts, files)


_parent: Runner | None = None
"""The runner that started the pool, as a forked worker inherits it (None in a spawned one)."""
_worker: Runner | None = None


_stop = None
"""In a worker: the parent's Event, set when Ctrl-C stops the run."""
_parent_pid = 0


def _start_worker(options: RunOptions, settings: Settings | None, stop, writes, parent_pid: int) -> None:
    global _worker, _stop, _parent_pid
    # Ctrl-C in a terminal reaches the whole process group: the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    _stop, _parent_pid = stop, parent_pid
    if os.getppid() != parent_pid:  # the parent died before the line above took effect
        os._exit(1)
    # Forked, the worker reuses the parent's linters (loading the rules again costs a third of
    # a second); spawned (macOS, Windows), it starts afresh from the same options.
    _worker = _parent if _parent is not None else Runner(replace(options, jobs=1), settings=settings)
    _worker._may_write = _worker_may_write
    _worker._on_write = writes.put  # at once, so that the parent can list it if stopped


def _worker_may_write() -> bool:
    if os.getppid() != _parent_pid:  # orphaned: never start a write nobody asked for any more
        os._exit(1)
    return _stop is None or not _stop.is_set()


def _lint_chunk(paths: list[str]) -> list[FileOutcome]:
    assert _worker is not None
    outcomes = []
    for path in paths:
        if _stop is not None and _stop.is_set():
            break
        try:
            outcomes.append(_worker.lint_path(path))
        except _Stopped:
            break
    return outcomes
