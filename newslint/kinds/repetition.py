"""repetition: a word (or any token) twice in a row, such as "the the" (Vale's kind, plus a fix).

`tokens` are regular expressions joined into one alternation; consecutive matches that are equal
(ignoring case with `ignorecase`) and separated by nothing but white space are reported, from the
first to the last. `alpha` limits hits to tokens made of letters; `max` is how many repeats in a row
are tolerated (0: none, as in Vale); `exceptions` are whole repeated phrases ("had had") to
leave alone. The safe fix deletes the second copy where the source is plain text. The kind never
compares tokens across prose blocks, nor across anything the prose dropped or marked up between
two copies (a code span, a link's destination, HTML, emphasis): "to `dyn Any` to call" holds two
different words "to" that only the prose, with the code gone, puts side by side, and "we did
*did*" is emphasis on purpose. White space, a blockquote's `>` and a link's opening `[` may lie
between them ("read the [the report]" is a typo).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

import regex

from ..text.document import Document
from ..findings import Fix, Hit
from ..patterns.safe import compile_pattern
from ..schema import OptionError

PLACEHOLDERS = ("match", "word")

DEFAULT_TOKEN = r"[^\W_]+(?:['’][^\W_]+)*"

# A block holds two equal DEFAULT_TOKENs in a row only if its casefolded text holds a token X,
# white space, and X again: one search per block, several times cheaper than walking every
# token, and only about one block in 500 passes it. It is exact, not a heuristic: casefolding is
# per character and, under `regex`'s classes (those the token pattern runs with), never turns a
# word character into a non-word one or back; DEFAULT_TOKEN's matches are maximal, so neither
# copy touches a word character and the first does not follow one and an apostrophe (which also
# keeps the search linear); and str.isspace(), which `_continues` uses, takes \x1c-\x1f too.
_MAYBE_REPEATED = regex.compile(
    r"(?<![^\W_])(?<![^\W_]['’])([^\W_]++(?:['’][^\W_]++)*+)[\s\x1c-\x1f]+\1(?![^\W_])")
# Nearly all prose is ASCII but for typographic punctuation. With that replaced by ASCII of
# the same role (an apostrophe the token pattern joins on by ', any other mark by a mark, a
# no-break space by a space), the same search runs on stdlib `re`, three times faster, whose
# classes agree with `regex`'s on ASCII; casefolding ASCII is lowercasing.
_ASCII_STAND_INS = str.maketrans({"’": "'", "‘": '"', "“": '"', "”": '"', "—": "-", "–": "-", "…": ".",
                                  "\u00a0": " ", "•": "*"})
# What the source may hold between two copies besides white space: a blockquote marker on a
# continued line and the opening bracket of a link whose text starts with the second copy.
_GAP_MARKUP = frozenset(">[")
# Plain greedy repeats here: stdlib `re` has possessive ones only from Python 3.11, and they
# change nothing, since a shorter token is followed by a word character or an apostrophe, never
# by the white space the pattern needs next.
_MAYBE_REPEATED_ASCII = re.compile(
    r"(?<![^\W_])(?<![^\W_]')([^\W_]+(?:'[^\W_]+)*)[\s\x1c-\x1f]+\1(?![^\W_])")


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
    prefiltered = options.tokens == (DEFAULT_TOKEN,)
    for block in document.prose(rule.scope):
        if prefiltered and not may_repeat(block.text):
            continue
        for first, last in repeated_runs(block.text, options, _plain_gap(document.source, block)):
            hit = _hit(document, block, first, last, options)
            if hit is not None:
                yield hit


def may_repeat(text: str) -> bool:
    """False only where no two DEFAULT_TOKENs in a row are equal, ignoring case."""
    plain = text if text.isascii() else text.translate(_ASCII_STAND_INS)
    if plain.isascii():
        return _MAYBE_REPEATED_ASCII.search(plain.lower()) is not None
    return _MAYBE_REPEATED.search(text.casefold()) is not None


def repeated_runs(text: str, options: Options, adjacent=None) -> Iterator[tuple[re.Match, re.Match]]:
    """The first and last token of each run of equal tokens longer than `max` allows.

    `adjacent(previous, match)`, if given, says whether two tokens with only white space between
    them in `text` are also side by side in the source."""
    run: list[re.Match] = []  # consecutive equal tokens
    for match in options.pattern.finditer(text):
        if not match.group().strip():
            continue
        if run and _continues(options, text, run[-1], match) and (adjacent is None or adjacent(run[-1], match)):
            run.append(match)
            continue
        if len(run) - 1 > options.max:
            yield run[0], run[-1]
        run = [match]
    if len(run) - 1 > options.max:
        yield run[0], run[-1]


def _continues(options: Options, text: str, previous: re.Match, match: re.Match) -> bool:
    word = match.group().strip()
    return (options.same(word, previous.group().strip()) and (not options.alpha or word.isalpha())
            and (previous.end() == match.start() or text[previous.end() : match.start()].isspace()))


def _plain_gap(source: str, block):
    """adjacent() for repeated_runs: the source between two tokens of `block` is white space,
    perhaps with a `>` or `[` (see _GAP_MARKUP), and nothing the prose dropped or marked up."""
    def adjacent(previous: re.Match, match: re.Match) -> bool:
        gap = source[block.source_span(previous.start(), previous.end()).end
                     : block.source_span(match.start(), match.end()).start]
        return all(ch.isspace() or ch in _GAP_MARKUP for ch in gap)
    return adjacent


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
