"""The case a word should have in a title (AP or Chicago), a sentence, or lower or upper case.

AP (Associated Press Stylebook): capitalize the first and last words and every word of four or
more letters; lowercase articles, conjunctions and prepositions of three letters or fewer.
Chicago (Chicago Manual of Style): lowercase articles, coordinating conjunctions and every
preposition whatever its length. Words that are as often adverbs or particles as prepositions
("up" in "Steps Up", "to" before a verb) are accepted either way, since telling them apart needs
a parser. This module never changes letters other than the first, except for $lower/$upper.
"""
from __future__ import annotations

ARTICLES = frozenset({"a", "an", "the"})
CONJUNCTIONS = frozenset({"and", "but", "for", "nor", "or", "so", "yet"})
SHORT_PREPOSITIONS = frozenset({"as", "at", "by", "for", "in", "of", "off", "on", "out", "per", "to", "up",
                                "via", "vs", "v"})
PREPOSITIONS = SHORT_PREPOSITIONS | frozenset({
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "before", "behind",
    "below", "beneath", "beside", "besides", "between", "beyond", "despite", "down", "during", "except",
    "from", "inside", "into", "like", "near", "onto", "outside", "over", "past", "since", "than", "through",
    "throughout", "till", "toward", "towards", "under", "underneath", "until", "upon", "with", "within",
    "without",
})
# As often adverbs or particles as prepositions; either case is accepted for them.
AP_EITHER = frozenset({"to", "up", "off", "out", "so", "yet"})
CHICAGO_EITHER = AP_EITHER | frozenset({
    "down", "over", "past", "near", "inside", "outside", "like", "since", "after", "before", "around",
    "along", "through", "under", "above", "below", "behind", "about", "across",
})
LOWER = {
    "AP": ARTICLES | CONJUNCTIONS | SHORT_PREPOSITIONS,
    "Chicago": ARTICLES | CONJUNCTIONS | PREPOSITIONS,
}
EITHER = {"AP": AP_EITHER, "Chicago": CHICAGO_EITHER}


def expected_case(word: str, case: str, style: str, *, first: bool, last: bool) -> str | None:
    """`word` as `case` wants it; the word itself when either case is right; None: not judged."""
    if case == "$lower":
        return word.lower()
    if case == "$upper":
        return word.upper()
    if case == "$sentence":
        return capitalize(word) if first else word.lower()
    head, sep, tail = word.partition("-")
    # In a compound only the first part is judged: "Self-Driving" and "Self-driving" are both seen.
    return _title_word(head, style, first=first, last=last and not sep) + sep + tail


def _title_word(word: str, style: str, *, first: bool, last: bool) -> str:
    if first or last:
        return capitalize(word)
    lowered = word.lower()
    if lowered in EITHER[style]:
        return word
    if lowered in LOWER[style]:
        return lowered
    return capitalize(word)


def capitalize(word: str) -> str:
    return word[:1].upper() + word[1:]
