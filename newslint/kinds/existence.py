"""existence: flag every occurrence of a word, phrase or pattern (Vale's kind of the same name).

`tokens` are regular expressions joined into one alternation and bounded by word edges unless
`nonword` is true; `raw` pieces are concatenated into one expression as written (Vale's `raw`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..text.document import Document
from ..findings import Hit
from ..patterns.safe import SafePattern, alternation, compile_pattern
from ..schema import DataFile, OptionError
from ..text.matching import prose_matches
from ..yamlfile import read_word_list

PLACEHOLDERS = ("match",)


@dataclass(frozen=True)
class Options:
    tokens: tuple[str, ...] = ()
    tokens_file: DataFile | None = None
    """More tokens, one per line, from the pack's data folder."""
    raw: tuple[str, ...] = ()
    ignorecase: bool = False
    nonword: bool = False
    exceptions: tuple[str, ...] = ()
    """Matches that equal one of these (whole, as regexes) are not flagged."""
    pattern: SafePattern = field(init=False, repr=False, compare=False)
    exception_pattern: SafePattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        tokens = self.tokens + (read_word_list(self.tokens_file) if self.tokens_file else ())
        if not tokens and not self.raw:
            raise ValueError("an existence rule needs 'tokens', 'tokens-file' or 'raw'")
        for field_name, entries in (("tokens", self.tokens), ("exceptions", self.exceptions)):
            for index, entry in enumerate(entries):
                try:
                    compile_pattern(entry)
                except ValueError as err:
                    raise OptionError(field_name, str(err), index) from None
        pieces = []
        if tokens:
            pieces.append(alternation(tokens, nonword=self.nonword))
        if self.raw:
            # Vale lets one expression span several `raw` items, so they are checked joined.
            try:
                compile_pattern("".join(self.raw))
            except ValueError as err:
                raise OptionError("raw", str(err)) from None
            pieces.append("".join(self.raw))
        pattern = compile_pattern("|".join(f"(?:{p})" for p in pieces), ignorecase=self.ignorecase)
        object.__setattr__(self, "pattern", pattern)
        exception_pattern = (compile_pattern("|".join(f"(?:{e})" for e in self.exceptions),
                                             ignorecase=self.ignorecase) if self.exceptions else None)
        object.__setattr__(self, "exception_pattern", exception_pattern)


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    for block, match in prose_matches(document, rule.scope, options.pattern, options.exception_pattern):
        yield Hit(block.source_span(match.start(), match.end()), {"match": match.group()})
