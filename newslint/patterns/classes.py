"""Word classes in patterns: `{reporting-verb}` stands for the alternatives a data file lists.

A rule can then say what a phrase looks like ("a source, a reporting verb") once, with the words
kept as data a newsroom can extend, instead of one pattern per phrasing. A class reference is a
lower-case name in braces (`{source-noun}`); a regex quantifier (`{2}`, `{1,3}`) never has
letters, so the two never clash. An unknown name is an error, never a literal match.
"""
from __future__ import annotations

import re
from typing import Mapping

CLASS_NAME = re.compile(r"[a-z][a-z0-9-]*")
_REFERENCE = re.compile(r"(?<!\\)\{([a-z][a-z0-9-]*)\}")


def expand_classes(pattern: str, classes: Mapping[str, tuple[str, ...]]) -> str:
    """`pattern` with each `{name}` replaced by a group of that class's alternatives.

    Raises ValueError for a name no class has."""
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in classes:
            known = ", ".join(sorted(classes)) or "none"
            raise ValueError(f"unknown word class {{{name}}} (classes: {known})")
        return "(?:" + "|".join(f"(?:{word})" for word in classes[name]) + ")"
    return _REFERENCE.sub(replace, pattern)
