"""Anchors of spaCy Matcher patterns: tokens every match must hold, as cheap block prefilters.

A token pattern such as `[{LOWER: my}, {LOWER: {IN: [knowledge, training]}}, {LOWER: cutoff}]`
matches only a doc that holds a "my", a "knowledge" or "training", and a "cutoff". A block whose
text lacks one of them, for every pattern of a rule, cannot match: spaCy need not tokenize it,
and the Matcher need not run. Both tests here are exact supersets of the Matcher:

- `TextAnchors.may_match` reads the block's folded text (prefilter.fold): a token's text is
  in its block's, and `fold` keeps every case-insensitive match (see prefilter.py);
- the sequence kind compares the same anchors, as hashes, with a doc's token arrays.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Iterable

from .prefilter import WordPrefilter

# Attributes whose values a pattern can require outright, by the array spaCy keeps them in.
_ANCHOR_ATTRIBUTES = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER"}


@dataclass(frozen=True)
class Anchor:
    """A token every match of one pattern holds: its `attribute` equals one of `texts`."""

    attribute: str
    texts: frozenset[str]


def anchors(pattern: list[dict[str, Any]]) -> tuple[Anchor, ...]:
    """The tokens of a pattern that every match holds: those without an operator that lets them
    be skipped or negated, whose ORTH, TEXT or LOWER must equal a string or be IN a list. A
    value is taken as written, as the Matcher takes it ({LOWER: My} never matches)."""
    found = []
    for token in pattern:
        if token.get("OP", "+") != "+":
            continue
        for attribute, value in token.items():
            if attribute not in _ANCHOR_ATTRIBUTES:
                continue
            if isinstance(value, dict):
                value = value.get("IN")
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    continue
            elif isinstance(value, str):
                value = [value]
            else:
                continue
            found.append(Anchor(_ANCHOR_ATTRIBUTES[attribute], frozenset(value)))
    return tuple(found)


@dataclass(frozen=True)
class TextAnchors:
    """For a set of Matcher patterns: could a folded text hold a match of any of them?"""

    patterns: tuple[tuple[int, ...], ...]
    """For each pattern, its anchors as indexes into `words` (patterns share anchors)."""
    words: tuple[WordPrefilter, ...] = field(repr=False)

    @classmethod
    def of(cls, patterns: Iterable[list[dict[str, Any]]]) -> TextAnchors:
        return cls.from_anchors(anchors(pattern) for pattern in patterns)

    @classmethod
    def from_anchors(cls, by_pattern_anchors: Iterable[Iterable[Anchor]]) -> TextAnchors:
        index: dict[frozenset[str], int] = {}
        by_pattern = []
        for pattern_anchors in by_pattern_anchors:
            usable = [a.texts for a in pattern_anchors if not _masked_only(a.texts)]
            by_pattern.append([index.setdefault(texts, len(index)) for texts in usable])
        words = tuple(WordPrefilter.of(texts) for texts in index)
        # Within a pattern, the cheapest and most selective test first: most texts stop there.
        ordered = tuple(tuple(sorted(dict.fromkeys(p), key=lambda i: words[i].cost)) for p in by_pattern)
        return cls(ordered, words)

    def may_match(self, folded: str) -> bool:
        return any_pattern_holds(self.patterns, lambda anchor: self.words[anchor].may_match(folded))


def any_pattern_holds(patterns: Iterable[Iterable[Hashable]], holds: Callable[[Any], bool]) -> bool:
    """Whether, for some pattern, every anchor holds (a pattern without any always does). An
    anchor several patterns share is tested once."""
    known: dict = {}
    for pattern in patterns:
        for anchor in pattern:
            if anchor not in known:
                known[anchor] = holds(anchor)
            if not known[anchor]:
                break
        else:
            return True
    return False


def _masked_only(texts: frozenset[str]) -> bool:
    """Whether a token made of x's alone could meet the anchor: nlp.py shows spaCy an over-long
    run of characters as that many x's, text the block itself does not hold."""
    return any(not text.strip(" xX") for text in texts)
