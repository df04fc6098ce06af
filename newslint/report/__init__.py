"""Output formats. A report sees only findings and the sources they point into.

Each format is a module with `render(results, options) -> str`; `FORMATS` maps the names the
CLI accepts to those modules. A report never imports a check kind, the engine or the CLI.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Protocol, Sequence

from ..findings import Finding
from ..lines import LineIndex


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
class ReportOptions:
    color: bool = False
    """Whether the terminal takes colour (full format only)."""
    rule_links: dict[str, str] = field(default_factory=dict)
    """Rule id -> documentation link, for formats that show one."""
    fixed: int = 0
    """How many findings --fix corrected, for the summary line."""
    show_fixes: bool = True


class Renderer(Protocol):
    def render(self, results: Sequence[FileReport], options: ReportOptions) -> str: ...


FORMATS = ("full", "concise", "json")


def renderer(name: str) -> Renderer:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r} (expected one of {', '.join(FORMATS)})")
    return importlib.import_module(f"{__name__}.{name}")
