"""capitalization: a heading (or any scoped block) in title case, sentence case, lower or upper
case, or matching a pattern (Vale's kind, with AP and Chicago title case).

Words are judged one by one: acronyms, words with inner capitals or digits (NASA, iPhone, 18F),
words inside an `exceptions` match and the word after an `indicators` suffix are left alone.
A block is reported when the share of correctly cased words falls below `threshold` (0.8 by
default, as in Vale; 1.0 tolerates no miss). The finding offers the block recased as an unsafe
fix, since a proper noun may need its capital. The words judged wrong are handed to the engine
as `terms`, so an accepted vocabulary word never makes a finding. This kind never recases text
it did not judge.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Literal

from ...text.document import Document
from ...findings import Fix, Hit
from ...patterns.safe import compile_pattern
from ...schema import OptionError
from .words import expected_case

PLACEHOLDERS = ("match", "expected")
CASES = ("$title", "$sentence", "$lower", "$upper")
_TOKEN = re.compile(r"\S+")
_CORE = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?")


@dataclass(frozen=True)
class Options:
    match: str
    style: Literal["AP", "Chicago"] = "AP"
    exceptions: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    threshold: float = 0.8
    prefix: str = ""
    pattern: re.Pattern | None = field(init=False, repr=False, compare=False)
    exception_pattern: re.Pattern | None = field(init=False, repr=False, compare=False)
    prefix_pattern: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise OptionError("threshold", "'threshold' must be above 0 and at most 1")
        pattern = None
        if self.match.startswith("$") and self.match not in CASES:
            raise OptionError("match", f"unknown case {self.match!r} (known: {', '.join(CASES)}, or a pattern)")
        if self.match not in CASES:
            try:
                pattern = compile_pattern(self.match)
            except ValueError as err:
                raise OptionError("match", str(err)) from None
        object.__setattr__(self, "pattern", pattern)
        for index, entry in enumerate(self.exceptions):
            try:
                compile_pattern(entry)
            except ValueError as err:
                raise OptionError("exceptions", str(err), index) from None
        exceptions = (compile_pattern("|".join(f"(?:{e})" for e in sorted(self.exceptions, key=len, reverse=True)))
                      if self.exceptions else None)
        object.__setattr__(self, "exception_pattern", exceptions)
        try:
            object.__setattr__(self, "prefix_pattern", compile_pattern(self.prefix) if self.prefix else None)
        except ValueError as err:
            raise OptionError("prefix", str(err)) from None


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    for block in document.prose(rule.scope):
        text = block.text
        if not text.strip():
            continue
        if options.pattern is not None:
            if not options.pattern.search(text):
                yield Hit(block.source_span(0, len(text)), {"match": text, "expected": options.match})
            continue
        start = 0
        if options.prefix_pattern is not None and (prefix := options.prefix_pattern.match(text)):
            start = prefix.end()
        judged = list(_judge(text, start, options))
        if not judged:
            continue
        wrong = [(word_start, word, want) for word_start, word, want in judged if word != want]
        if (len(judged) - len(wrong)) / len(judged) >= options.threshold:
            continue
        expected = text
        for word_start, word, want in reversed(wrong):
            expected = expected[:word_start] + want + expected[word_start + len(word):]
        span = block.source_span(0, len(text))
        fix = None
        if document.source[span.start : span.end] == text:
            fix = Fix(((span, expected),), safe=False, message=f"Recase as '{expected}'")
        yield Hit(span, {"match": text, "expected": expected, "terms": tuple(w for _, w, _ in wrong)}, fix)


def _judge(text: str, start: int, options: Options) -> Iterator[tuple[int, str, str]]:
    """(offset, word, the word as the case wants it) for every word that is judged."""
    excepted = [m.span() for m in options.exception_pattern.finditer(text, start)] if options.exception_pattern else []
    tokens = list(_TOKEN.finditer(text, start))
    cores = []
    for token in tokens:
        core = _CORE.search(token.group())
        cores.append((token.start() + core.start(), core.group()) if core else None)
    words = [c for c in cores if c is not None]
    free_next = False
    after_colon = False
    position = 0
    for token, core in zip(tokens, cores):
        if core is None:
            after_colon = after_colon or token.group().endswith((":", "—", "–"))
            continue
        offset, word = core
        index, position = position, position + 1
        skip = free_next or any(a <= offset < b for a, b in excepted) or not _plain(word)
        free_next = any(token.group().endswith(indicator) for indicator in options.indicators)
        colon, after_colon = after_colon, token.group().endswith((":", "?", "!"))
        if skip:
            continue
        want = expected_case(word, options.match, options.style, first=index == 0 or colon,
                             last=index == len(words) - 1)
        if want is not None:
            yield offset, word, want


def _plain(word: str) -> bool:
    """Whether a word's case can be judged: letters only (inner ' . - allowed), at most an initial capital."""
    letters = [ch for ch in word if ch.isalpha()]
    if not letters or any(ch.isdigit() for ch in word):
        return False
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return False  # an acronym: NASA, U.S.
    return not any(ch.isupper() for part in re.split(r"[-'’.]", word) for ch in part[1:])
