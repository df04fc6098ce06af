"""One run over many files: find each file's config, read it, lint it, fix it, collect reports.

This is the I/O layer between the CLI and the engine: it reads and (with --fix) writes files,
but never prints or exits. Configuration is resolved per folder and cached, so a monorepo with
several `.newslint.yaml` files gets each file linted under its nearest one.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import Settings, default_settings, find_config, load_settings
from .discovery import discover
from .engine import Linter, Selection
from .findings import Finding, Severity
from .fixes import apply_fixes
from .report import FileReport
from .sources import SourceText, decode, encode, read_source, write_atomic

MAX_FIX_ROUNDS = 10
STDIN = "-"


@dataclass(frozen=True)
class RunOptions:
    config: Path | None = None
    """--config: one file for every article (no discovery)."""
    isolated: bool = False
    """--isolated: ignore every config file."""
    selection: Selection = Selection()
    force_exclude: bool = False
    fix: bool = False
    unsafe_fixes: bool | None = None
    """--unsafe-fixes / --no-unsafe-fixes; None leaves the config's choice."""
    diff: bool = False
    reference_date: dt.date | None = None
    stdin_filename: str | None = None
    fail_on: Severity | None = None
    """--fail-on; None leaves each config's choice."""


@dataclass
class RunResult:
    reports: list[FileReport] = field(default_factory=list)
    fixed: int = 0
    diffs: list[str] = field(default_factory=list)
    failing: int = 0
    """Findings at or above the applicable fail-on level: the exit code follows this."""
    fixed_stdin: str | None = None
    """With `-` and --fix, the fixed text (the CLI prints it in place of writing a file)."""


class Runner:
    def __init__(self, options: RunOptions, stdin: bytes | None = None, settings: Settings | None = None) -> None:
        """`settings`, when given, applies to every file (the API's lint_paths(config=Settings))."""
        self.options = options
        self.stdin = stdin
        self._fixed_settings = settings
        self._config_by_folder: dict[Path, Path | None] = {}
        self._linters: dict[Path | None, Linter] = {}

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

    def linter_for(self, path: str) -> Linter:
        return self._linter(self.config_for(Path(path).parent))

    def _linter(self, config: Path | None) -> Linter:
        if config not in self._linters:
            settings = (self._fixed_settings or default_settings(Path.cwd())) if config is None else load_settings(config)
            if self.options.reference_date is not None:
                settings = replace(settings, reference_date=self.options.reference_date)
            if self.options.unsafe_fixes is not None:
                settings = replace(settings, unsafe_fixes=self.options.unsafe_fixes)
            self._linters[config] = Linter(settings, self.options.selection)
        return self._linters[config]

    def linters(self) -> list[Linter]:
        """The linters this run built, one per configuration in force."""
        return list(self._linters.values())

    def run(self, arguments: list[str]) -> RunResult:
        result = RunResult()
        if arguments == [STDIN]:
            name = self.options.stdin_filename or STDIN
            if self.options.stdin_filename and self.options.force_exclude:
                if not list(discover([name], self.settings_for, force_exclude=True)):
                    return result
            self._lint_one(name, decode(self.stdin or b""), result, from_stdin=True)
            return result
        for path in discover(arguments, self.settings_for, self.options.force_exclude):
            self._lint_one(path, read_source(Path(path)), result)
        return result

    def _lint_one(self, path: str, source: SourceText | str, result: RunResult, from_stdin: bool = False) -> None:
        # Standard input without --stdin-filename is configured like an article in the current folder.
        linter = self.linter_for("stdin.md" if path == STDIN else path)
        fail_on = self.options.fail_on or linter.settings.fail_on
        if isinstance(source, str):
            findings = linter.unreadable(path, source)
            result.failing += sum(1 for f in findings if f.severity >= fail_on)
            result.reports.append(FileReport(path, "", tuple(findings)))
            return
        findings = linter.lint(path, source.text)
        if self.options.fix or self.options.diff:
            fixed_text, applied, fixed_findings = self._fix(linter, path, source.text, findings)
            result.fixed += applied
            if self.options.diff:
                if applied:
                    result.diffs.append(unified_diff(path, source.text, fixed_text))
            else:
                if from_stdin:
                    result.fixed_stdin = fixed_text
                elif applied:
                    write_atomic(Path(path), encode(replace(source, text=fixed_text)))
                source, findings = replace(source, text=fixed_text), fixed_findings
        result.failing += sum(1 for f in findings if f.severity >= fail_on)
        result.reports.append(FileReport(path, source.text, tuple(findings)))

    def _fix(self, linter: Linter, path: str, text: str, findings: list[Finding]) -> tuple[str, int, list[Finding]]:
        """Fix, re-lint and repeat until nothing changes; the remaining findings are of the final text."""
        applied_total = 0
        allowed = linter.settings.allows_unsafe_fix
        for _ in range(MAX_FIX_ROUNDS):
            new_text, applied = apply_fixes(text, findings, allowed)
            if not applied or new_text == text:
                break
            applied_total += applied
            text = new_text
            findings = linter.lint(path, text)
        return text, applied_total, findings


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))
