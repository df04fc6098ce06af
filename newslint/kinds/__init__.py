"""The registry of check kinds: rule files name one with `extends`.

A kind is a module with `Options` (a frozen dataclass, validated by newslint.schema),
`PLACEHOLDERS` (the names its hits fill in the rule's message) and `check(document, rule) -> Iterator[Hit]`. Registration is this one explicit
dict, so there is no import-time magic to trace.
"""
from __future__ import annotations

from types import ModuleType

from . import (attribution, capitalization, consistency, dates, disclosure, existence, frontmatter,
               metric, occurrence, placeholder, quotations, repetition, requires, sequence,
               substitution, titles)

KINDS: dict[str, ModuleType] = {
    "attribution": attribution,
    "dates": dates,
    "disclosure": disclosure,
    "existence": existence,
    "substitution": substitution,
    "sequence": sequence,
    "occurrence": occurrence,
    "repetition": repetition,
    "consistency": consistency,
    "capitalization": capitalization,
    "metric": metric,
    "requires": requires,
    "frontmatter": frontmatter,
    "placeholder": placeholder,
    "quotations": quotations,
    "titles": titles,
}
