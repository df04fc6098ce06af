"""The Python API (docs/api.md): lint a text or files, apply fixes, list rules.

This is the stable surface that `newslint/__init__.py` re-exports and the language server
(`commands/server.py`) uses. It adds nothing to linting itself: every text goes through the
runner (`run/runner.py`: config discovery, one engine `Linter` per config file, the --fix loop)
that `newslint check` uses, and positions come from the same `LineIndex.range` the JSON report
uses, so the API, the command line and the editor always agree. What it adds is the shape of its
results: frozen dataclasses with 1-based lines and code-point columns, end positions and fixes.

It must never print, exit or touch the network.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Literal, Sequence, Union

from . import findings as _internal
from .config import Settings
from .core_rules import CORE_RULES
from .engine import Selection, rule_catalog
from .run.fixes import apply_fixes as _apply_fixes
from .run.runner import Runner, RunOptions
from .text.lines import LineIndex

Level = Literal["error", "warning", "info"]
Config = Union[str, Path, Settings, None]

TEXT_PATH = "<text>"
"""The path findings of a text that is no file report (`lint_text` without a path)."""


@dataclass(frozen=True)
class Edit:
    """Replace the source from (line, column) up to (end_line, end_column) with `content`.

    Lines and columns are 1-based, columns count Unicode code points, the end is exclusive;
    `start` and `end` are the same place as offsets into the text (Python string indexes)."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str
    start: int
    end: int


@dataclass(frozen=True)
class Fix:
    """The edits that together correct one finding. Safe fixes apply with `check --fix`; unsafe
    ones only where allowed (`--unsafe-fixes`, the config's `unsafe-fixes`, `unsafe=True`)."""

    safe: bool
    message: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    """One finding, placed as `newslint check --format json` places it (docs/output.md)."""

    rule: str
    level: Level
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    """Exactly the source from (line, column) to (end_line, end_column)."""
    start: int
    end: int
    """The same range as offsets into the text."""
    fix: Fix | None = None


@dataclass(frozen=True)
class RuleInfo:
    """A rule that would run: its id, level, kind (`core` for the built-in core rules), pack,
    description and documentation link ("" when the config gives no `docs-url` and the rule no
    absolute link)."""

    id: str
    level: Level
    kind: str
    pack: str
    description: str
    link: str


class Linter:
    """A warm linter: rule packs, settings, the spaCy pipeline and the knowledge base are loaded
    once and kept, so that linting the next text costs only the analysis of that text.

    `config` is a config file's path or a `Settings` object used for every text, or None to find
    each article's nearest `.newslint.yaml` (or `pyproject.toml`) as `newslint check` does, and
    the built-in defaults where there is none (and for a text given without a path).
    `isolated=True` ignores config files. `select` and `ignore` act as `--select`/`--ignore`.
    `today` fixes the day dates are judged against (workers of one distributed run must agree);
    without it the linter reads the date, and a new day gets a new runner.
    A bad config raises `ConfigError` (`path:line: message`) when a text under it is linted.
    """

    def __init__(self, config: Config = None, *, isolated: bool = False,
                 select: Sequence[str] | None = None, ignore: Sequence[str] = (),
                 reference_date: dt.date | None = None, today: dt.date | None = None) -> None:
        self._settings = config if isinstance(config, Settings) else None
        self._today = today
        self._options = RunOptions(
            config=Path(config) if isinstance(config, (str, Path)) else None,
            isolated=isolated, reference_date=reference_date,
            selection=Selection(select=tuple(select) if select is not None else None, ignore=tuple(ignore)))
        self._runner = self._new_runner()

    def _new_runner(self) -> Runner:
        return Runner(replace(self._options, today=self._today or dt.date.today()), settings=self._settings)

    @property
    def runner(self) -> Runner:
        # A linter kept for days (an editor's server) must not judge dates against the day it
        # started: a new day gets a new runner (the pipeline and knowledge base stay loaded).
        if self._today is None and self._runner.options.today != dt.date.today():
            self._runner = self._new_runner()
        return self._runner

    def config_for(self, path: str | Path | None) -> Path | None:
        """The config file that applies to an article at `path` (None: the built-in defaults)."""
        return None if path is None else self.runner.config_for(Path(path).parent)

    def lint_text(self, text: str, path: str | Path | None = None) -> list[Finding]:
        """Findings for `text` as if it were the file `path` (configured as that file would be)."""
        name = TEXT_PATH if path is None else str(path)
        engine = self.runner.linter_for(None if path is None else name)
        return _public(engine.lint(name, text), text)

    def lint_file(self, path: str | Path) -> list[Finding]:
        """Findings for one file; a file that cannot be read gives a `file-unreadable` finding."""
        report = self.runner.lint_path(str(path)).report
        return _public(report.findings, report.source)

    def lint_paths(self, paths: Iterable[str | Path]) -> list[Finding]:
        """Findings for files and folders (folders recurse to *.md and *.markdown, skipping what
        `.gitignore` and the config's `exclude` leave out), in the order `check` reports them."""
        return [finding for report in self.check_paths(paths) for finding in _public(report.findings, report.source)]

    def check_paths(self, paths: Iterable[str | Path]) -> list:
        """One report (path, source, engine findings) per file checked, clean files included, in
        the command line's order, for `render`."""
        return self.runner.run([str(p) for p in paths]).reports

    def fix_text(self, text: str, path: str | Path | None = None, *, unsafe: bool | None = None) -> tuple[str, list[Finding]]:
        """The text with its fixes applied as `check --fix` applies them (rounds of
        non-overlapping fixes, re-linting between rounds), and the findings that remain.
        `unsafe` None follows the config's `unsafe-fixes`; True or False overrides it."""
        name = TEXT_PATH if path is None else str(path)
        engine = self.runner.linter_for(None if path is None else name)
        allowed = None if unsafe is None else (lambda rule: unsafe)
        fixed, _, remaining = self.runner.fix(engine, name, text, engine.lint(name, text), allowed)
        return fixed, _public(remaining, fixed)

    def rules(self, path: str | Path | None = None) -> list[RuleInfo]:
        """The rules that run for an article at `path` (select and ignore applied), by id."""
        engine = self.runner.linter_for(None if path is None else str(path))
        kinds = {rule.id: (rule.kind, rule.pack) for rule in engine.rules}
        kinds.update({rule_id: ("core", "core") for rule_id in CORE_RULES})
        return sorted((RuleInfo(info.id, info.level.label, *kinds[info.id], info.description, info.link)
                       for info in rule_catalog([engine]).values()), key=lambda rule: rule.id)


def lint_text(text: str, path: str | Path = TEXT_PATH, config: Config = None) -> list[Finding]:
    """Findings for `text` as if it were the file `path`, under `config` (a config file's path or
    a `Settings` object) or, when None, the built-in defaults: no config file is looked for."""
    return Linter(config, isolated=config is None).lint_text(text, path)


def lint_file(path: str | Path, config: Config = None) -> list[Finding]:
    """Findings for one file, under `config`, or its nearest config file when None."""
    return Linter(config).lint_file(path)


def lint_paths(paths: Iterable[str | Path], config: Config = None) -> list[Finding]:
    """Findings for files and folders, each under its nearest config file when `config` is None."""
    return Linter(config).lint_paths(paths)


def list_rules(config: Config = None, path: str | Path | None = None) -> list[RuleInfo]:
    """The rules that run under `config`, or for an article at `path` under its nearest config
    file, or under the built-in defaults when both are None."""
    return Linter(config, isolated=config is None and path is None).rules(path)


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> str:
    """`text` with the findings' fixes applied: safe ones, and unsafe ones too when `unsafe`.

    One round of the `check --fix` machinery: a fix whose edits overlap one already taken is left
    for a later round (lint the result again and apply again; `Linter.fix_text` does both). The
    findings must be those of this very text."""
    internal = [_internal.Finding(f.rule, _internal.Severity.parse(f.level), f.message, f.path,
                                  _internal.Span(f.start, f.end), _fix_of(f.fix))
                for f in findings]
    fixed, _ = _apply_fixes(text, internal, lambda rule: unsafe)
    return fixed


def check_paths(paths: Iterable[str | Path], config: Config = None, today: dt.date | None = None) -> list:
    """`Linter.check_paths` for one run: `today` fixes the run's one today, else it is read now."""
    return Linter(config, today=today).check_paths(paths)


def render(reports: Iterable, format: str = "json") -> str:
    """`reports` (from `check_paths`) as `newslint check --format FORMAT` writes them; the
    formats that list rules (sarif) or link them (full) name only those that found something."""
    from .report import ReportOptions, renderer

    return renderer(format).render(list(reports), ReportOptions())


def _fix_of(fix: Fix | None) -> _internal.Fix | None:
    if fix is None:
        return None
    return _internal.Fix(tuple((_internal.Span(e.start, e.end), e.content) for e in fix.edits), fix.safe, fix.message)


def _public(findings: Iterable[_internal.Finding], source: str) -> list[Finding]:
    lines = LineIndex(source)
    return [_finding(finding, source, lines) for finding in findings]


def _finding(finding: _internal.Finding, source: str, lines: LineIndex) -> Finding:
    fix = None
    if finding.fix is not None:
        edits = tuple(Edit(*lines.range(span.start, span.end), content, span.start, span.end)
                      for span, content in finding.fix.edits)
        fix = Fix(finding.fix.safe, finding.fix.message, edits)
    span = finding.span
    return Finding(finding.rule, finding.severity.label, finding.message, finding.path,  # type: ignore[arg-type]
                   *lines.range(span.start, span.end), source[span.start : span.end], span.start, span.end, fix)
