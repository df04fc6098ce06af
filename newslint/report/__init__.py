"""Output formats. A report sees only findings and the sources they point into.

Each format is a module with `render(results, options) -> str`; `FORMATS` maps the names the
CLI accepts to those modules. A report never imports a check kind, the engine or the CLI.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Mapping, Protocol, Sequence

from ..findings import Finding, Severity
from ..text.lines import LineIndex


@dataclass(frozen=True)
class FileReport:
    """The findings of one file with the source they point into (empty for unreadable files)."""

    path: str
    source: str
    findings: tuple[Finding, ...]
    _index: list = field(default_factory=list, init=False, repr=False, compare=False)

    @property
    def lines(self) -> LineIndex:
        # Built on first use: most files in a large run have no findings to place.
        if not self._index:
            self._index.append(LineIndex(self.source))
        return self._index[0]


@dataclass(frozen=True)
class RuleInfo:
    """What a report may say about a rule that ran (SARIF lists them; others link to docs)."""

    id: str
    level: Severity
    description: str
    link: str = ""
    """An absolute documentation URL, or "" when none is known."""


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    """Whether the terminal takes colour (full format only)."""
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    """Every rule that ran, by id."""
    fixed: int = 0
    """How many findings --fix corrected, for the summary line."""
    show_fixes: bool = True

    @property
    def rule_links(self) -> dict[str, str]:
        return {rule_id: info.link for rule_id, info in self.rules.items() if info.link}


class Renderer(Protocol):
    def render(self, results: Sequence[FileReport], options: ReportOptions) -> str: ...


FORMATS = ("full", "concise", "json", "sarif", "github", "html")


def renderer(name: str) -> Renderer:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r} (expected one of {', '.join(FORMATS)})")
    return importlib.import_module(f"{__name__}.{name}")
