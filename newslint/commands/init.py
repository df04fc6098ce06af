"""`newslint init`: write a commented `.newslint.yaml` that fits the site generator in use.

Detection looks only at the generator's own config files; the output is a starting point an
editor can read top to bottom, with every key explained, and it validates as it is written.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from . import EXIT_CLEAN, Outcome, says
from ..errors import UsageError


@dataclass(frozen=True)
class Generator:
    name: str
    markers: tuple[str, ...]
    """Files whose presence identifies the generator."""
    content: str
    """Where articles usually live, for the comment and the suggested command."""
    exclude: tuple[str, ...]
    date_keys: tuple[str, ...]


GENERATORS = (
    Generator("Hugo", ("hugo.toml", "hugo.yaml", "hugo.json", "config.toml"), "content/",
              ("public/**", "resources/**", "themes/**"), ("date", "publishDate")),
    Generator("Jekyll", ("_config.yml", "_config.yaml"), "_posts/",
              ("_site/**", "vendor/**", ".jekyll-cache/**"), ("date",)),
    Generator("Eleventy", ("eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.js"),
              "src/", ("_site/**",), ("date",)),
    Generator("Astro", ("astro.config.mjs", "astro.config.ts", "astro.config.js"), "src/content/",
              ("dist/**", ".astro/**"), ("pubDate", "date", "publishDate")),
    Generator("MkDocs", ("mkdocs.yml", "mkdocs.yaml"), "docs/", ("site/**",), ("date", "date.created")),
)


def detect(folder: Path) -> Generator | None:
    for generator in GENERATORS:
        if any((folder / marker).is_file() for marker in generator.markers):
            return generator
    return None


def _list(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(f'"{item}"' if any(c in item for c in "*:{}[],") else item for item in items) + "]"


def config_text(generator: Generator | None) -> str:
    name = generator.name if generator else "no known site generator"
    exclude = generator.exclude if generator else ()
    dates = generator.date_keys if generator else ("date", "publishDate", "published")
    content = generator.content if generator else "content/"
    return f"""\
# newslint configuration, written by `newslint init` for {name}.
# Every key is optional; delete what you do not need. Run: newslint check {content}
# Unknown keys are errors, so a typo here stops the run with its line number.

# Rule packs: built-in names (newsroom) or folders of your own rule files.
packs: [newsroom]

# Rules to run and to skip: ids, globs such as "date-*", pack names, or all.
select: [all]
ignore: []

# Change a rule's level: error, warning or info.
severity: {{}}

# Exit with 1 when a finding at or above this level remains.
fail-on: error

# Files to skip (gitignore-style globs; .gitignore is respected as well).
exclude: {_list(exclude)}

# Rules to skip for some files, e.g. {{"content/opinion/**": [casualty-unsourced]}}
per-file-ignores: {{}}

front-matter:
  # Where the publication date is; relative dates ("last Tuesday") resolve against it.
  date: {_list(dates)}
  # Keys (and values) that mark an article as written by AI; such articles must disclose it.
  ai-generated:
    ai_generated: [true]
    ai-generated: [true]
    ai: [true]
    ai_disclosure: [ai-generated, ai-assisted, autonomous]
    ai.level: [ai-generated, ai-assisted, autonomous]
  # Articles whose language is not English skip English-only rules.
  language: [lang, language]

# Per-rule options, validated like the rule files, e.g. {{dated-word: {{level: warning}}}}
rules: {{}}

# Unsafe fixes to apply with --fix (true for all, or a list of rule ids).
unsafe-fixes: false

# The publication date to assume for drafts that give none (YYYY-MM-DD).
reference-date: null
"""


def write_config(folder: Path, force: bool = False) -> tuple[Path, Generator | None]:
    """Write `.newslint.yaml` in `folder`; FileExistsError when one exists and not `force`."""
    target = folder / ".newslint.yaml"
    if target.exists() and not force:
        raise FileExistsError(target)
    generator = detect(folder)
    target.write_text(config_text(generator), encoding="utf-8")
    return target, generator


def init(args: argparse.Namespace) -> Outcome:
    try:
        target, generator = write_config(args.folder, args.force)
    except FileExistsError as err:
        raise UsageError(f"{err.args[0]} exists; use --force to overwrite it") from None
    found = f"for {generator.name}" if generator else "(no site generator recognised)"
    return says(EXIT_CLEAN, f"Wrote {target} {found}.")
