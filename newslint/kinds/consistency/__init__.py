"""consistency: one article, one spelling; and, with `counts`, one number for the same thing.

`either` maps one spelling to another (Vale's kind): when both appear in the article, the one
used first wins and every occurrence of the other is reported, naming the line of the first.
`counts` names a data file of things, outcomes and events (see `consistency_counts`): two counts
of the same thing, with the same outcome, in sentences about the same event, that disagree are
reported ("two colonels" killed in the ambush, then "three officers"). A rule has one or the
other. This kind never reports a spelling the article uses alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Mapping

from ...text.document import Document
from ...findings import Hit
from ...patterns.safe import WORD_BOUNDARY_END, WORD_BOUNDARY_START, compile_pattern
from ...schema import DataFile, OptionError
from . import counts as consistency_counts

PLACEHOLDERS = ("match", "other", "line", "event")


@dataclass(frozen=True)
class Options:
    either: Mapping[str, str] = field(default_factory=dict)
    counts: DataFile | None = None
    ignorecase: bool = False
    nonword: bool = False
    pairs: tuple = field(init=False, repr=False, compare=False)
    vocabulary: consistency_counts.Vocabulary | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if bool(self.either) == bool(self.counts):
            raise OptionError("either", "a consistency rule needs 'either' (spellings) or 'counts' "
                                        "(a data file of things to count), and not both")
        pairs = []
        for first, second in self.either.items():
            compiled = []
            for entry in (first, second):
                try:
                    body = entry if self.nonword else f"{WORD_BOUNDARY_START}(?:{entry}){WORD_BOUNDARY_END}"
                    compiled.append(compile_pattern(body, ignorecase=self.ignorecase))
                except ValueError as err:
                    raise OptionError("either", str(err), first) from None
            pairs.append(tuple(compiled))
        object.__setattr__(self, "pairs", tuple(pairs))
        vocabulary = None
        if self.counts:
            try:
                vocabulary = consistency_counts.read_vocabulary(self.counts)
            except ValueError as err:
                raise OptionError("counts", str(err)) from None
        object.__setattr__(self, "vocabulary", vocabulary)


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    if options.vocabulary is not None:
        yield from consistency_counts.check(document, rule.scope, options.vocabulary)
        return
    blocks = list(document.prose(rule.scope))
    for first, second in options.pairs:
        found = [_matches(blocks, first), _matches(blocks, second)]
        if not found[0] or not found[1]:
            continue
        winner = 0 if found[0][0][0] <= found[1][0][0] else 1
        kept = found[winner][0]
        line = document.lines.position(kept[0].start)[0]
        for span, text in found[1 - winner]:
            yield Hit(span, {"match": text, "other": kept[1], "line": str(line), "event": ""})


def _matches(blocks, pattern: re.Pattern) -> list:
    """(source span, text) of every match, in document order."""
    found = []
    for block in blocks:
        for match in pattern.finditer(block.text):
            if match.end() > match.start():
                found.append((block.source_span(match.start(), match.end()), match.group()))
    found.sort(key=lambda item: item[0].start)
    return found
