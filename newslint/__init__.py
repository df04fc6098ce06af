"""newslint: an editorial linter for news articles written in markdown.

The public API (docs/api.md), defined in `newslint.api`: `lint_text`, `lint_file` and
`lint_paths` return `Finding`s with 1-based lines, columns and end positions; `apply_fixes`
applies their fixes to a text; `list_rules` lists the rules in force; `check_paths` gives one
report per file checked and `render` writes reports in any of the command line's formats (so
work spread over machines, `newslint.distributed`, reports as `newslint check` does); `Linter` keeps rules,
settings and the language pipeline loaded for many texts (an editor's server). A bad config or
rule file raises `ConfigError`, a selector that names no rule `UsageError` (both `NewslintError`).

Names are imported on first use, so `import newslint` (and `newslint --version`) stays instant.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .api import (Edit, Finding, Fix, Linter, RuleInfo, apply_fixes, check_paths, lint_file, lint_paths,
                      lint_text, list_rules, render)
    from .errors import ConfigError, NewslintError, UsageError

__all__ = ["Edit", "Finding", "Fix", "Linter", "RuleInfo", "apply_fixes", "check_paths", "lint_file", "lint_paths",
           "lint_text", "list_rules", "render", "ConfigError", "NewslintError", "UsageError", "__version__"]

_ERRORS = ("ConfigError", "NewslintError", "UsageError")


def __getattr__(name: str) -> Any:
    if name in _ERRORS:
        from . import errors
        return getattr(errors, name)
    if name in __all__:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")
