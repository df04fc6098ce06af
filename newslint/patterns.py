"""The one place where rule-supplied regular expressions are compiled.

Every user pattern goes through `compile_pattern`, so the regex engine can be swapped (for a
linear-time one, or one with a match timeout) in a single spot.
"""
from __future__ import annotations

import re

WORD_BOUNDARY_START = r"(?<![\w])"
WORD_BOUNDARY_END = r"(?![\w])"


def compile_pattern(text: str, *, ignorecase: bool = False) -> re.Pattern:
    try:
        return re.compile(text, re.IGNORECASE if ignorecase else 0)
    except re.error as err:
        raise ValueError(f"bad regular expression {text!r}: {err}") from None


def alternation(tokens: tuple[str, ...], *, nonword: bool) -> str:
    """Join patterns into one alternation, bounded by word edges unless `nonword`.

    Word edges are look-arounds rather than `\\b`, so that a token that starts or ends with
    punctuation ("[Insert name]") still matches.
    """
    body = "|".join(f"(?:{token})" for token in tokens)
    if nonword:
        return body
    return f"{WORD_BOUNDARY_START}(?:{body}){WORD_BOUNDARY_END}"
