"""newslint: an editorial linter for news articles written in markdown.

The public API: `lint_text` for one text, `lint_paths` for files and folders. Both return
findings sorted by path and position; both raise `ConfigError` for a bad config or rule file.
`check_paths` gives one report per file checked (clean ones too) and `render` writes reports in
any of the command line's formats, so work spread over machines (`newslint.distributed`)
reports exactly as `newslint check` does.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable

from ._version import __version__

__all__ = ["lint_text", "lint_paths", "check_paths", "render", "__version__"]


def lint_text(text: str, path: str = "<text>", config=None):
    """Findings for `text` as if it were the file `path`.

    `config` is a Settings object, a path to a config file, or None for the built-in defaults.
    """
    from .engine import Linter

    return Linter(_settings(config)).lint(path, text)


def lint_paths(paths: Iterable[str | Path], config=None):
    """Findings for files and folders (folders recurse to *.md and *.markdown).

    With `config` None each file uses its nearest config file, as the command line does.
    """
    from .config import Settings
    from .run.runner import Runner, RunOptions

    if isinstance(config, Settings):
        runner = Runner(RunOptions(), settings=config)
    else:
        runner = Runner(RunOptions(config=Path(config) if config is not None else None))
    result = runner.run([str(p) for p in paths])
    return [finding for report in result.reports for finding in report.findings]


def check_paths(paths: Iterable[str | Path], config=None, today=None) -> list:
    """One `FileReport` (path, source, findings) per file checked, clean files included, in the
    command line's order; `today` (a date) fixes the run's one today, else it is read now."""
    from .config import Settings
    from .run.runner import Runner, RunOptions

    options = RunOptions(config=None if config is None or isinstance(config, Settings) else Path(config))
    if today is not None:
        options = replace(options, today=today)
    runner = Runner(options, settings=config) if isinstance(config, Settings) else Runner(options)
    return runner.run([str(p) for p in paths]).reports


def render(reports, format: str = "json") -> str:
    """`reports` (from `check_paths`) as `newslint check --format FORMAT` writes them; the
    formats that list rules (sarif) or link them (full) name only those that found something."""
    from .report import ReportOptions, renderer

    return renderer(format).render(list(reports), ReportOptions())


def _settings(config):
    from .config import Settings, default_settings, load_settings

    if config is None:
        return default_settings()
    if isinstance(config, Settings):
        return config
    return load_settings(Path(config))
