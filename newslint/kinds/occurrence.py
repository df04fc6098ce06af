"""occurrence: count a token per unit of text and report too many or too few (Vale's kind).

`token` is a regular expression, matched as written (no word edges, as in Vale). The unit is
each prose block of the rule's scope (Vale's behaviour), each sentence (`per: sentence`, Vale's
`scope: sentence`) or the whole document. Too many: the finding points at the first match of the
unit, as Vale's does. Too few: at the start of the unit (the article's start for `document`).
This kind never reports a unit twice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Literal

from ..text.document import Document
from ..findings import Hit, Span
from ..patterns.safe import compile_pattern
from ..schema import OptionError
from ..text.sentences import block_sentences

PLACEHOLDERS = ("match", "count", "max", "min")


@dataclass(frozen=True)
class Options:
    token: str
    max: int | None = None
    min: int | None = None
    per: Literal["block", "sentence", "document"] = "block"
    ignorecase: bool = False
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max is None and self.min is None:
            raise OptionError("max", "an occurrence rule needs 'max', 'min' or both")
        for key, value in (("max", self.max), ("min", self.min)):
            if value is not None and value < 0:
                raise OptionError(key, f"'{key}' must not be negative")
        if self.max is not None and self.min is not None and self.min > self.max:
            raise OptionError("min", "'min' is larger than 'max', so every text would be reported")
        try:
            object.__setattr__(self, "pattern", compile_pattern(self.token, ignorecase=self.ignorecase))
        except ValueError as err:
            raise OptionError("token", str(err)) from None


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    if options.per == "sentence":
        for unit in block_sentences(document, rule.scope):
            for start, end in unit.spans:
                yield from _judge(options, unit.block, start, end)
        return
    blocks = list(document.prose(rule.scope))
    if options.per == "block":
        for block in blocks:
            yield from _judge(options, block, 0, len(block.text))
        return
    matches = [(block, m) for block in blocks for m in _matches(options, block.text, 0, len(block.text))]
    hit = _verdict(options, len(matches))
    if hit is None:
        return
    if matches:
        block, first = matches[0]
        yield Hit(block.source_span(first.start(), first.end()), {"match": first.group(), **hit})
    else:
        yield Hit(Span(0, 0), {"match": "", **hit})


def _judge(options: Options, block, start: int, end: int) -> Iterator[Hit]:
    matches = _matches(options, block.text, start, end)
    hit = _verdict(options, len(matches))
    if hit is None:
        return
    if matches:
        yield Hit(block.source_span(matches[0].start(), matches[0].end()), {"match": matches[0].group(), **hit})
    else:
        yield Hit(block.source_span(start, end), {"match": block.text[start:end], **hit})


def _matches(options: Options, text: str, start: int, end: int) -> list[re.Match]:
    return [m for m in options.pattern.finditer(text, start, end) if m.end() > m.start()]


def _verdict(options: Options, count: int) -> dict | None:
    too_many = options.max is not None and count > options.max
    too_few = options.min is not None and count < options.min
    if not (too_many or too_few):
        return None
    return {"count": str(count), "max": str(options.max if options.max is not None else ""),
            "min": str(options.min if options.min is not None else "")}
