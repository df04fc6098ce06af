"""newslint: an editorial linter for news articles written in markdown.

The public API: `lint_text` for one text, `lint_paths` for files and folders. Both return
findings sorted by path and position; both raise `ConfigError` for a bad config or rule file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ._version import __version__

__all__ = ["lint_text", "lint_paths", "__version__"]


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


def _settings(config):
    from .config import Settings, default_settings, load_settings

    if config is None:
        return default_settings()
    if isinstance(config, Settings):
        return config
    return load_settings(Path(config))
