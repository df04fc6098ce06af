"""sequence: spaCy Matcher token patterns, written in YAML, matched against the prose.

Patterns are lists of token dicts, as spaCy documents them (`{LOWER: as}`, `{OP: "?"}`). They are
checked for shape when the rule loads, so a typo is a config error with a line, and compiled
into a Matcher once per process, on the first document that needs it.

spaCy would run a `REGEX` predicate with Python's `re`, with no time limit, so a careless rule
could hang a run. Each `{ATTR: {REGEX: pattern}}` is rewritten into a token extension
(`{_: {newslint_regex_N: true}}`) whose getter runs the pattern through `newslint.patterns`,
with its time limit; a pattern that gives up raises PatternTimeout out of the Matcher.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..text.document import Document
from ..findings import Hit
from ..patterns.safe import PatternTimeout, compile_pattern
from ..patterns.anchors import Anchor, TextAnchors, anchors, any_pattern_holds
from ..schema import OptionError

PLACEHOLDERS = ("match",)

TOKEN_ATTRIBUTES = frozenset({
    "ORTH", "TEXT", "NORM", "LOWER", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER",
    "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_SENT_START", "LIKE_NUM",
    "LIKE_URL", "LIKE_EMAIL", "SHAPE", "SPACY", "OP",
})  # spaCy's Matcher refuses PREFIX and SUFFIX (its pattern schema has no such keys)
# Attributes set by trained components; a blank pipeline leaves them empty, so say so early.
TRAINED_ATTRIBUTES = frozenset({"POS", "TAG", "MORPH", "DEP", "LEMMA", "ENT_TYPE", "ENT_IOB", "ENT_ID"})
PREDICATES = frozenset({"IN", "NOT_IN", "REGEX", "FUZZY", "INTERSECTS", "IS_SUBSET", "IS_SUPERSET",
                        "==", "!=", ">=", "<=", ">", "<"})
OPERATORS = re.compile(r"^(?:[!?+*]|\{\d*,?\d*\})$")
# The token attributes a REGEX predicate may test: the text ones, and the Token property holding each.
TEXT_ATTRIBUTES = {"ORTH": "text", "TEXT": "text", "NORM": "norm_", "LOWER": "lower_", "SHAPE": "shape_"}


@dataclass(frozen=True)
class Options:
    patterns: tuple[Any, ...]
    anchors: tuple[tuple[Anchor, ...], ...] = field(init=False, repr=False, compare=False)
    """For each pattern, the tokens every match of it holds (token_anchors.anchors)."""
    _matcher: list = field(default_factory=list, init=False, repr=False, compare=False)
    _hashes: list = field(default_factory=list, init=False, repr=False, compare=False)
    _words: list = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.patterns:
            raise ValueError("'patterns' needs at least one token pattern")
        for index, pattern in enumerate(self.patterns):
            try:
                _check_pattern(pattern)
            except ValueError as err:
                raise OptionError("patterns", str(err), index) from None
        object.__setattr__(self, "anchors", tuple(anchors(p) for p in self.patterns))

    def matcher(self):
        if not self._matcher:
            from ..text.nlp import pipeline

            vocab = pipeline().vocab  # before any `spacy` import: it imports spaCy the lighter way
            from spacy.matcher import Matcher

            matcher = Matcher(vocab, validate=True)
            extensions: dict = {}  # this rule's own patterns: one that gives up stops this rule only
            matcher.add("rule", [_safe_regexes(p, extensions) for p in self.patterns])
            self._matcher.append(matcher)
            strings = matcher.vocab.strings
            self._hashes.append(tuple(tuple((a.attribute, frozenset(strings.add(t) for t in a.texts))
                                            for a in anchors) for anchors in self.anchors))
        return self._matcher[0]

    def may_hold(self, block) -> bool:
        """False only where, for each pattern, the block's text lacks some anchor's words (as
        text, ignoring case): spaCy need not even tokenize it."""
        if not self._words:
            self._words.append(TextAnchors.from_anchors(self.anchors))
        return self._words[0].may_match(block.folded)

    def may_match(self, doc) -> bool:
        """False only where some token every match needs is missing from the doc (for each
        pattern), so the Matcher need not run: most prose has no "knowledge" or "cutoff".
        The Matcher compares attribute hashes, and so does this."""
        self.matcher()
        present: dict[str, set[int]] = {}

        def holds(anchor: tuple[str, frozenset[int]]) -> bool:
            attribute, values = anchor
            if attribute not in present:
                present[attribute] = set(doc.to_array(attribute).tolist())
            return not values.isdisjoint(present[attribute])

        return any_pattern_holds(self._hashes[0], holds)


def _check_pattern(pattern: Any) -> None:
    if not isinstance(pattern, list) or not pattern:
        raise ValueError("each entry of 'patterns' must be a non-empty list of token dicts")
    for token in pattern:
        if not isinstance(token, dict):
            raise ValueError(f"a token pattern must be a mapping such as {{LOWER: word}}, not {token!r}")
        for attribute, value in token.items():
            if attribute in TRAINED_ATTRIBUTES:
                raise ValueError(f"token attribute {attribute} needs a trained pipeline; "
                                 "the default blank pipeline cannot match it")
            if attribute not in TOKEN_ATTRIBUTES:
                raise ValueError(f"unknown token attribute {attribute!r}")
            if attribute == "OP":
                if not isinstance(value, str) or not OPERATORS.match(value):
                    raise ValueError(f"bad OP {value!r} (use !, ?, +, * or {{n,m}})")
            elif isinstance(value, dict):
                for predicate, argument in value.items():
                    if predicate not in PREDICATES:
                        raise ValueError(f"unknown predicate {predicate!r} in {attribute}")
                    if predicate == "REGEX":
                        if attribute not in TEXT_ATTRIBUTES:
                            raise ValueError(f"REGEX tests text: use it on {', '.join(TEXT_ATTRIBUTES)}, "
                                             f"not {attribute}")
                        if not isinstance(argument, str):
                            raise ValueError(f"REGEX needs a regular expression as text, not {argument!r}")
                        compile_pattern(argument)
            elif not isinstance(value, (str, int, bool)):
                raise ValueError(f"bad value for {attribute}: {value!r}")


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    for chunk in document.analysed(rule.scope, wanted=options.may_hold):
        if not options.may_match(chunk.doc):
            continue
        try:
            spans = options.matcher()(chunk.doc, as_spans=True)
        except PatternTimeout as timeout:
            if timeout.offset is None and chunk.doc.text:
                timeout.offset = chunk.source_span(0, 1).start
            raise
        for span in _longest(spans):
            yield Hit(chunk.source_span(span.start_char, span.end_char), {"match": span.text})


def _longest(spans):
    """The longest of overlapping matches wins, so "as of my last knowledge update" is one hit."""
    from spacy.util import filter_spans  # spaCy is loaded by now: a chunk was analysed

    return filter_spans(spans)


_extension_numbers = itertools.count()


def _safe_regexes(pattern: list, extensions: dict) -> list:
    """The token pattern with each REGEX predicate moved into a time-limited token extension."""
    tokens = []
    for token in pattern:
        token = dict(token)
        extensions_here = {}
        for attribute, value in list(token.items()):
            if isinstance(value, dict) and "REGEX" in value:
                extensions_here[_regex_extension(attribute, value["REGEX"], extensions)] = True
                rest = {predicate: v for predicate, v in value.items() if predicate != "REGEX"}
                if rest:
                    token[attribute] = rest
                else:
                    del token[attribute]
        if extensions_here:
            token["_"] = extensions_here
        tokens.append(token)
    return tokens


def _regex_extension(attribute: str, pattern: str, extensions: dict) -> str:
    """The name of a Token extension that is true where `pattern` is found in the attribute (as
    spaCy's REGEX does it: a search, not a full match), registered once per rule and pattern."""
    key = (TEXT_ATTRIBUTES[attribute], pattern)
    if key not in extensions:
        from spacy.tokens import Token

        name = f"newslint_regex_{next(_extension_numbers)}"
        compiled, property_name = compile_pattern(pattern), key[0]

        def getter(token) -> bool:
            return compiled.search(getattr(token, property_name)) is not None

        Token.set_extension(name, getter=getter, force=True)
        extensions[key] = name
    return extensions[key]
