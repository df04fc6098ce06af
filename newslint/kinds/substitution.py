"""substitution: flag a word and offer its replacement, with a safe fix (Vale's kind, plus fixes).

`swap` maps a pattern to the text to use instead. The fix replaces exactly the matched source
text, so it is offered only where the match is plain text in the source (not split by markup or
a line break), and it keeps a capital first letter capital.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Mapping

from ..text.document import Document
from ..findings import Fix, Hit
from ..patterns.safe import WORD_BOUNDARY_END, WORD_BOUNDARY_START, SafePattern, compile_pattern
from ..schema import OptionError
from ..text.matching import prose_matches

PLACEHOLDERS = ("match", "replacement")


@dataclass(frozen=True)
class Options:
    swap: Mapping[str, str]
    ignorecase: bool = False
    nonword: bool = False
    exceptions: tuple[str, ...] = ()
    pattern: SafePattern = field(init=False, repr=False, compare=False)
    exception_pattern: SafePattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.swap:
            raise ValueError("'swap' needs at least one entry")
        for key in self.swap:
            try:
                compile_pattern(key)  # report a bad entry by itself, not as part of the alternation
            except ValueError as err:
                raise OptionError("swap", str(err), key) from None
        # One named group per entry tells which entry matched.
        body = "|".join(f"(?P<s{i}>{key})" for i, key in enumerate(self.swap))
        if not self.nonword:
            body = f"{WORD_BOUNDARY_START}(?:{body}){WORD_BOUNDARY_END}"
        object.__setattr__(self, "pattern", compile_pattern(body, ignorecase=self.ignorecase))
        exception_pattern = (compile_pattern("|".join(f"(?:{e})" for e in self.exceptions),
                                             ignorecase=self.ignorecase) if self.exceptions else None)
        object.__setattr__(self, "exception_pattern", exception_pattern)

    def replacement_for(self, match: re.Match) -> str:
        # Not match.lastgroup: an entry's own named groups would shadow ours.
        replacements = list(self.swap.values())
        return next(replacements[i] for i in range(len(replacements)) if match.group(f"s{i}") is not None)


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    for block, match in prose_matches(document, rule.scope, options.pattern, options.exception_pattern):
        span = block.source_span(match.start(), match.end())
        replacement = keep_capital(match.group(), options.replacement_for(match))
        fix = None
        if document.source[span.start : span.end] == match.group() and replacement != match.group():
            fix = Fix(((span, replacement),), safe=True, message=f"Replace with '{replacement}'")
        yield Hit(span, {"match": match.group(), "replacement": replacement}, fix)


def keep_capital(found: str, replacement: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
