"""Cheap block-level tests that let a kind skip the blocks its real search cannot match.

Most prose holds none of the words a rule looks for: no casualty verb, no "ambush", no
"knowledge cutoff". A kind that would otherwise split every block into sentences, or run a
Matcher or a dozen regexes over it, first asks a `WordPrefilter` whether the block could hold
one of its words at all. The answer must never be a wrong "no": a prefilter is a superset of
the search it guards, so findings stay exactly what they were without it; a wrong "yes" only
costs the time the kind would have spent anyway.

Matching is case-insensitive, on `fold(text)`. Rule patterns run on the `regex` module with
IGNORECASE (simple case folding), a few built-in ones on `re`; folding both sides with
str.casefold() (full case folding) keeps every such match, with two exceptions handled in
`fold`: both engines let "İ" match "i", while casefold() turns it into "i" plus a combining
dot, and `re` lets the dotless "ı" match "i" too. The phrases are literal; white space inside
one matches any run of white space, as the kinds' own patterns do (`\\s+`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

_DOTTED_I = "i\u0307"


def fold(text: str) -> str:
    """Text for a WordPrefilter: casefolded, with the capital dotted I (casefolded) and the
    dotless i read as i."""
    folded = text.casefold()
    if _DOTTED_I in folded:
        folded = folded.replace(_DOTTED_I, "i")
    return folded.replace("ı", "i") if "ı" in folded else folded


@dataclass(frozen=True)
class WordPrefilter:
    """Whether a folded text could hold any of some literal phrases (anywhere, or as whole
    words where built with `whole_words`)."""

    pattern: re.Pattern
    literal: str | None = None
    """The one word to look for, where there is only one: a substring test beats any regex."""
    shortest: int = 0
    """The length of the shortest phrase (the longer, the fewer texts hold one)."""

    @classmethod
    def of(cls, phrases: Iterable[str], *, whole_words: bool = False) -> WordPrefilter:
        """`whole_words`: a phrase counts only where no word character (`re`'s \\w) touches
        it. Use it only to guard a search that itself demands word edges, and not on text
        holding U+0345, which casefolds from a mark to a letter."""
        words = {tuple(fold(phrase).split()) for phrase in phrases}
        if () in words or any(w[0].startswith("\u0307") for w in words):
            # An empty phrase matches anywhere. One that starts with a combining dot could lose
            # it to `fold` merging it into an "i" before it: let every text pass.
            return cls(re.compile(""))
        # Stdlib `re` is safe here: the pattern is built from escaped literals, so it cannot
        # backtrack badly, and it runs case-sensitively on folded text, where `re` skips
        # quickly to the first characters the trie can start with.
        body = trie_regex((" ".join(w) for w in words), piece=_phrase_piece, shortest_only=not whole_words)
        pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)" if whole_words else body)
        only = next(iter(words)) if len(words) == 1 and not whole_words else ()
        shortest = min(len(" ".join(w)) for w in words)
        return cls(pattern, only[0] if len(only) == 1 else None, shortest)

    @property
    def cost(self) -> tuple[bool, int]:
        """For ordering several tests, cheapest and most selective first: a single word, then
        the others, each by its shortest phrase, longest first."""
        return self.literal is None, -self.shortest

    def may_match(self, folded: str) -> bool:
        if self.literal is not None:
            return self.literal in folded
        return self.pattern.search(folded) is not None


def trie_regex(strings: Iterable[str], *, piece: Callable[[str], str] = re.escape,
               shortest_only: bool = False) -> str:
    """One regex for many strings, sharing prefixes ("kill(?:ed|ing)"): a plain alternation
    tries every string at every position, the trie one character per position. `piece` gives
    each character's regex (characters with the same regex share a branch). With
    `shortest_only`, a string that another begins with stands for both (enough to say whether
    any occurs); otherwise each is matched whole, longest first."""
    trie: dict = {}
    for string in strings:
        node = trie
        for char in string:
            node = node.setdefault(piece(char), {})
        node[""] = {}
    return _trie_node(trie, shortest_only)


def _trie_node(node: dict, shortest_only: bool) -> str:
    ends = "" in node
    if ends and shortest_only:
        return ""
    branches = [key + _trie_node(child, shortest_only) for key, child in sorted(node.items()) if key]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")


def _phrase_piece(char: str) -> str:
    """Phrases are words joined by single spaces: a space stands for any run of white space."""
    return r"\s+" if char == " " else re.escape(char)
