"""repetition: a word (or any token) twice in a row, such as "the the" (Vale's kind, plus a fix).

`tokens` are regular expressions joined into one alternation; consecutive matches that are equal
(ignoring case with `ignorecase`) and separated by nothing but white space are reported, from the
first to the last. `alpha` limits hits to tokens made of letters; `max` is how many repeats in a row
are tolerated (0: none, as in Vale); `exceptions` are whole repeated phrases ("had had") to
leave alone. The safe fix deletes the second copy where the source is plain text. The kind never
compares tokens across prose blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from ..document import Document
from ..findings import Fix, Hit
from ..patterns import compile_pattern
from ..schema import OptionError

NEEDS_NLP = False
PLACEHOLDERS = ("match", "word")

DEFAULT_TOKEN = r"[^\W_]+(?:['’][^\W_]+)*"


@dataclass(frozen=True)
class Options:
    tokens: tuple[str, ...] = (DEFAULT_TOKEN,)
    alpha: bool = False
    ignorecase: bool = False
    max: int = 0
    exceptions: tuple[str, ...] = ()
    pattern: re.Pattern = field(init=False, repr=False, compare=False)
    exception_pattern: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.tokens:
            raise OptionError("tokens", "'tokens' needs at least one pattern")
        if self.max < 0:
            raise OptionError("max", "'max' must not be negative")
        for key, entries in (("tokens", self.tokens), ("exceptions", self.exceptions)):
            for index, entry in enumerate(entries):
                try:
                    compile_pattern(entry)
                except ValueError as err:
                    raise OptionError(key, str(err), index) from None
        body = "|".join(f"(?:{token})" for token in self.tokens)
        object.__setattr__(self, "pattern", compile_pattern(body, ignorecase=self.ignorecase))
        exceptions = (compile_pattern("|".join(f"(?:{e})" for e in self.exceptions), ignorecase=True)
                      if self.exceptions else None)
        object.__setattr__(self, "exception_pattern", exceptions)

    def same(self, a: str, b: str) -> bool:
        return a.casefold() == b.casefold() if self.ignorecase else a == b


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    for block in document.prose(rule.scope):
        text = block.text
        run: list[re.Match] = []  # consecutive equal tokens
        for match in options.pattern.finditer(text):
            if not match.group().strip():
                continue
            if run and _continues(options, text, run[-1], match):
                run.append(match)
                continue
            yield from _flush(document, block, run, options)
            run = [match]
        yield from _flush(document, block, run, options)


def _continues(options: Options, text: str, previous: re.Match, match: re.Match) -> bool:
    word = match.group().strip()
    return (options.same(word, previous.group().strip()) and (not options.alpha or word.isalpha())
            and (previous.end() == match.start() or text[previous.end() : match.start()].isspace()))


def _flush(document: Document, block, run: list[re.Match], options: Options) -> Iterator[Hit]:
    """One hit for a run of equal tokens longer than `max` allows."""
    if len(run) - 1 > options.max:
        hit = _hit(document, block, run[0], run[-1], options)
        if hit is not None:
            yield hit


def _hit(document: Document, block, first: re.Match, last: re.Match, options: Options) -> Hit | None:
    phrase = block.text[first.start() : last.end()]
    if options.exception_pattern is not None and options.exception_pattern.fullmatch(phrase):
        return None
    span = block.source_span(first.start(), last.end())
    fix = None
    source = document.source[span.start : span.end]
    if source == phrase:
        # Keep the first copy (it carries the sentence's capital) and drop the rest.
        fix = Fix(((span, first.group()),), safe=True, message=f"Delete the repeated '{last.group()}'")
    return Hit(span, {"match": phrase, "word": last.group()}, fix)
