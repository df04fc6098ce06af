"""What the configuration tells the rules about articles: which front-matter keys carry the
publication date, the AI marking and the language, the reference date for drafts, and the
newsroom's own knowledge-base files.

It sits below both config (which builds it) and the kinds (which read it from the document), so
a kind never needs to import the configuration.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

DEFAULT_AI_MARKERS: Mapping[str, tuple] = {
    "ai_generated": (True,),
    "ai-generated": (True,),
    "ai": (True,),
    "ai_disclosure": ("ai-generated", "ai-assisted", "autonomous"),
    "ai.level": ("ai-generated", "ai-assisted", "autonomous"),
}


@dataclass(frozen=True)
class FrontMatterKeys:
    """Which front-matter keys carry the publication date, the AI marking and the language."""

    date: tuple[str, ...] = ("date", "publishDate", "pubDate", "published", "created")
    date_in: tuple[str, ...] = ("path", "url", "permalink", "slug", "aliases")
    """Keys whose value is a path or URL that may hold the date (`path = "2024/07/25/slug"`)."""
    ai_generated: Mapping[str, tuple[Any, ...]] = field(default_factory=lambda: dict(DEFAULT_AI_MARKERS))
    """Key (dotted for nesting) -> the values that mark an article as AI-generated."""
    language: tuple[str, ...] = ("lang", "language")


@dataclass(frozen=True)
class ArticleContext:
    front_matter_keys: FrontMatterKeys = field(default_factory=FrontMatterKeys)
    reference_date: dt.date | None = None
    """The configured (or --reference-date) publication date, for drafts that give none."""
    today: dt.date = field(default_factory=dt.date.today)
    """The run's one "today": every kind that needs it reads it here, and the findings cache
    keys on it, so a run never mixes two days and a cached finding never outlives its day."""
    date_path_patterns: tuple[re.Pattern, ...] = ()
    """The config's `date-path`: patterns with named groups `year`, `month` and perhaps `day`
    that find the publication date in a file's path, tried before the built-in forms."""
    kb_paths: tuple[Path, ...] = ()
    """A newsroom's own knowledge-base folders and files (config `kb:`), merged over the
    built-in office holders, their entries winning."""
