"""sequence: spaCy Matcher token patterns, written in YAML, matched against the prose.

Patterns are lists of token dicts, as spaCy documents them (`{LOWER: as}`, `{OP: "?"}`). They are
checked for shape when the rule loads, so a typo is a config error with a line, and compiled
into a Matcher once per process, on the first document that needs it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..document import Document
from ..findings import Hit
from ..patterns import compile_pattern
from ..schema import OptionError

NEEDS_NLP = True
PLACEHOLDERS = ("match",)

TOKEN_ATTRIBUTES = frozenset({
    "ORTH", "TEXT", "NORM", "LOWER", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER",
    "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_SENT_START", "LIKE_NUM",
    "LIKE_URL", "LIKE_EMAIL", "SHAPE", "PREFIX", "SUFFIX", "SPACY", "OP",
})
# Attributes set by trained components; a blank pipeline leaves them empty, so say so early.
TRAINED_ATTRIBUTES = frozenset({"POS", "TAG", "MORPH", "DEP", "LEMMA", "ENT_TYPE", "ENT_IOB", "ENT_ID"})
PREDICATES = frozenset({"IN", "NOT_IN", "REGEX", "FUZZY", "INTERSECTS", "IS_SUBSET", "IS_SUPERSET",
                        "==", "!=", ">=", "<=", ">", "<"})
OPERATORS = re.compile(r"^(?:[!?+*]|\{\d*,?\d*\})$")


@dataclass(frozen=True)
class Options:
    patterns: tuple[Any, ...]
    _matcher: list = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.patterns:
            raise ValueError("'patterns' needs at least one token pattern")
        for index, pattern in enumerate(self.patterns):
            try:
                _check_pattern(pattern)
            except ValueError as err:
                raise OptionError("patterns", str(err), index) from None

    def matcher(self):
        if not self._matcher:
            from spacy.matcher import Matcher

            from ..nlp import pipeline

            matcher = Matcher(pipeline().vocab, validate=True)
            matcher.add("rule", [list(p) for p in self.patterns])
            self._matcher.append(matcher)
        return self._matcher[0]


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
                        compile_pattern(str(argument))
            elif not isinstance(value, (str, int, bool)):
                raise ValueError(f"bad value for {attribute}: {value!r}")


def check(document: Document, rule) -> Iterator[Hit]:
    from spacy.util import filter_spans

    matcher = rule.options.matcher()
    for chunk in document.analysed(rule.scope):
        # The longest of overlapping matches wins, so "as of my last knowledge update" is one hit.
        for span in filter_spans(matcher(chunk.doc, as_spans=True)):
            yield Hit(chunk.source_span(span.start_char, span.end_char), {"match": span.text})
