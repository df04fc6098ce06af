"""Sources in a tokenized sentence, for the `attribution` kind: who, if anyone, reports it.

A source is a reporting verb with a subject ("X said", "..., said the ministry"), a source phrase
("according to", "citing", "put the toll at"), a source noun finding the dead itself ("police
discovered 30 people injured"), a source noun before an evidence word ("health
ministry figures", "the ministry's count"), an agency credit ("(Reuters)") or a quote with its
speaker. Weak phrases ("sources said", "reportedly") name no one; a source inside one is weak.
All the words come from the rule's data files (claims.Lexicon); this module knows only shapes.
"""
from __future__ import annotations

import unicodedata

from . import claims as c


def sources(matches: c.Matches, start: int, end: int) -> tuple[str | None, str]:
    """The strongest source in one sentence: ('strong' | 'weak' | None, its text)."""
    doc = matches.doc
    weak = matches.starts(c.WEAK, start, end)
    claim_words = matches.starts(c.AFTER, start, end) + matches.starts(c.BEFORE, start, end)

    def inside(spans, a, b):
        return any(s <= a and b <= e for s, e in spans)

    candidates = [(a, b) for a, b in matches.starts(c.REPORT, start, end)
                  if not inside(claim_words, a, b) and _has_subject(matches, a, b, start, end)]
    candidates += matches.starts(c.SOURCE_PHRASE, start, end)
    candidates += _estimates(matches, start, end)
    candidates += _observations(matches, start, end)
    for a, b in matches.starts(c.SOURCE_NOUN, start, end):
        k = b + 1 if b < end and doc[b].lower_ in ("'s", "’s") else b
        if k < end and matches.end(c.EVIDENCE, k) is not None:
            candidates.append((a, matches.end(c.EVIDENCE, k)))  # "police figures", "the ministry's count"
        elif a > start and b < end and doc[a - 1].text == "(" and doc[b].text == ")":
            candidates.append((a - 1, b + 1))  # an agency credit: "(Reuters)"
    candidates += _quote_speakers(doc, start, end)
    for a, b in sorted(candidates):
        if not inside(weak, a, b):
            return "strong", doc[a:b].text
    if weak:
        a, b = weak[0]
        return "weak", doc[a:b].text
    return None, ""


def source_cell(matches: c.Matches, start: int, end: int) -> tuple[str | None, str]:
    """A table cell that holds only a source ("Health ministry", "Reuters") sources its row."""
    words = [t.i for t in matches.doc[start:end] if not t.is_punct]
    for a, b in matches.starts(c.SOURCE_NOUN, start, end):
        if words and all(a <= i < b or matches.end(c.NOT_SUBJECT, i) for i in words):
            return "strong", matches.doc[a:b].text
    return None, ""


MAX_ANNOUNCEMENT = 6
"""Tokens between a source noun and its evidence word: "officials released new casualty figures"."""


def announcement(matches: c.Matches, start: int, end: int) -> str:
    """The text of a source giving out figures in this sentence ("Officials released new
    figures", "The ministry published its latest count"), or "" if there is none."""
    doc = matches.doc
    for a, b in matches.starts(c.SOURCE_NOUN, start, end):
        for k in range(b, min(b + MAX_ANNOUNCEMENT, end)):
            if doc[k].is_punct:
                break
            evidence_end = matches.end(c.EVIDENCE, k)
            if evidence_end is not None:
                return doc[a:evidence_end].text
    return ""


def _observations(matches: c.Matches, start: int, end: int) -> list[tuple[int, int]]:
    """'Police discovered 30 people injured', 'authorities located a grave with 13 bodies': the
    source is the subject of a verb of finding, so it reports what it found. Only a source noun
    counts as the subject ("the storm found", "we found" name no source)."""
    found = []
    for a, b in matches.starts(c.SOURCE_NOUN, start, end):
        verb_end = matches.end(c.OBSERVE, b) if b < end else None
        if verb_end is not None:
            found.append((a, verb_end))
    return found


MAX_ESTIMATE = 8
"""Tokens between an estimate verb and its "at": "put the number of people injured at 31"."""


def _estimates(matches: c.Matches, start: int, end: int) -> list[tuple[int, int]]:
    """'X put the toll at 60', 'X put the number of injured at 31', 'X gave the death toll as
    19': an estimate verb with a subject, then "the" (or its, their), a claim or evidence word
    ("toll", "injured", "figure"), then "at" or "as", within MAX_ESTIMATE tokens."""
    doc = matches.doc
    found = []
    for a, b in matches.starts(c.ESTIMATE, start, end):
        if b >= end or doc[b].lower_ not in ("the", "its", "their") or not _has_subject(matches, a, b, start, end):
            continue
        named = False  # what is estimated must be a toll or a figure, not "the date as Tuesday"
        for k in range(b + 1, min(b + 1 + MAX_ESTIMATE, end)):
            if doc[k].lower_ in ("at", "as"):  # "put the toll at 60", "gave the toll as 19"
                if named:
                    found.append((a, k + 1))
                break
            if doc[k].is_punct:
                break
            named = named or any(matches.end(category, k) is not None for category in (c.AFTER, c.BEFORE, c.EVIDENCE))
    return found


def _has_subject(matches: c.Matches, a: int, b: int, start: int, end: int) -> bool:
    """'X said' (a word before that is not 'the', 'its', a number...) or '..., said X'."""
    doc = matches.doc
    if a == start:
        return False
    before = doc[a - 1]
    if any(ch.isalpha() for ch in before.text):
        return matches.end(c.NOT_SUBJECT, a - 1) is None and matches.end(c.NUMBER, a - 1) is None
    if c.DIGITS.match(before.text):
        return False  # "12 reported deaths": an adjective, not a verb with a subject
    if before.is_punct and b < end:
        after = doc[b]
        return after.is_alpha and after.lower_ != "that"
    return False


def _quote_speakers(doc, start: int, end: int) -> list[tuple[int, int]]:
    """A direct quote with its speaker: 'Name: "..."' or '"..." - Name'."""
    found = []
    for i in range(start, end - 1):
        token = doc[i]
        if token.text == ":" and i > start and doc[i - 1].is_alpha and doc[i + 1].is_quote:
            found.append((i - 1, i + 1))
        elif token.is_quote and _is_dash(doc[i + 1].text) and i + 2 < end and doc[i + 2].is_alpha:
            found.append((i + 1, i + 3))
    return found


def _is_dash(text: str) -> bool:
    return len(text) == 1 and unicodedata.category(text) == "Pd"
