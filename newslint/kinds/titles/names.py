"""Compare a name as written with a known person's names: a spelling or transliteration of the
same name ("Zelenskiy" for "Zelenskyy", "Muhammad" for "Mohammed"), or the same surname with
another given name ("Charlie Gilmore" for "Eamon Gilmore").

Text only: the knowledge base gives the names, `judge` decides what a likeness means. A variant
must never be read as a different person, so the test for "the same name" is generous and the
test for "another given name" strict (the surnames equal once folded, the given names unlike).
"""
from __future__ import annotations

import functools
from difflib import SequenceMatcher

from ...kb import fold

# How alike two folded words must be to be spellings of one name: "zelensky"/"zelenskyy" 0.94,
# "zelenskiy"/"zelenskyy" 0.89, "mohammed"/"muhammad" 0.75, "charlie"/"eamon" 0.17.
ALIKE = 0.74


def alike(first: str, second: str) -> bool:
    return first == second or SequenceMatcher(None, first, second).ratio() >= ALIKE


# Pure and asked again and again: an article names the same few people many times, and each
# mention of an unknown name is compared with every holder of the office (difflib is slow).
@functools.lru_cache(maxsize=16384)
def variant(written: str, forms: tuple[str, ...]) -> bool:
    """Whether `written` spells one of `forms` (a person's name and aliases) another way: the
    surnames alike and, where both give one, the first given names alike or one an initial. A
    single word may also be any word of a form: a family name written first ("Lee" of "Lee
    Hsien Loong") or a given name used alone ("Abdullah" of "Abdullah bin Abdulaziz Al Saud")."""
    words = fold(written).split()
    if not words:
        return False
    for form in forms:
        known = fold(form).split()
        if len(words) == 1 and words[0] in known:
            return True
        if not known or not alike(words[-1], known[-1]):
            continue
        if len(words) == 1 or len(known) == 1:
            return True
        given, other = words[0], known[0]
        if alike(given, other) or (min(len(given), len(other)) == 1 and given[0] == other[0]):
            return True
    return False


def other_given_name(written: str, forms) -> bool:
    """Whether `written` has a form's surname with a given name unlike any of the form's
    ("Charlie Gilmore" against "Eamon Gilmore"): a different person, or the wrong first name."""
    words = fold(written).split()
    if len(words) < 2:
        return False
    known = [fold(form).split() for form in forms]
    return any(len(k) > 1 and k[-1] == words[-1] for k in known) and not variant(written, forms)
