"""Text units shared by the metric, occurrence and requires kinds: sentences, words, syllables.

Sentences come from the document's one spaCy pass (blank English and a sentencizer), grouped by
prose block, in block coordinates. Words and syllables are counted with plain heuristics (no
dictionary, no model), the way readability formulas are usually computed. Nothing here reads
configuration or changes a document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from .document import Document
from .prose import ProseBlock

WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
"""A word: letters and digits, with inner apostrophes, dots (U.S.) or hyphens."""
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_SILENT_ENDING = re.compile(r"(?:[^laeiouysxzh]es|[^laeiouydt]ed|[^laeiouy]e)$")
_COMMON_SUFFIX = re.compile(r"(?:es|ed|ing)$")


@dataclass(frozen=True)
class BlockSentences:
    block: ProseBlock
    spans: tuple[tuple[int, int], ...]
    """(start, end) of each sentence, in the block's prose coordinates, whitespace trimmed."""


def block_sentences(document: Document, scope: tuple[str, ...],
                    wanted: Callable[[ProseBlock], bool] | None = None) -> Iterator[BlockSentences]:
    """Each block of `scope` with its sentences, in document order.

    `wanted`, when given, picks the blocks worth splitting: finding sentences costs far more than
    a regex over the block, so callers that look for a pattern first skip the blocks without it,
    and spaCy never sees a block that no rule wants.
    """
    current: ProseBlock | None = None
    spans: list[tuple[int, int]] = []
    for chunk in document.analysed(scope, wanted):
        if chunk.block is not current:
            if current is not None:
                yield BlockSentences(current, tuple(spans))
            current, spans = chunk.block, []
        text = current.text
        for sentence in chunk.doc.sents:
            # Slices of the block's own text: rebuilding Span.text token by token costs far more.
            start, end = chunk.base + sentence.start_char, chunk.base + sentence.end_char
            piece = text[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            start += len(piece) - len(piece.lstrip())
            spans.append((start, start + len(stripped)))
    if current is not None:
        yield BlockSentences(current, tuple(spans))


def sentence_index(spans, offset: int) -> int:
    """The index of the sentence (of a block's `spans`) holding `offset`, or of the last one
    starting before it."""
    index = 0
    for number, (start, _) in enumerate(spans):
        if start <= offset:
            index = number
    return index


def words(text: str) -> list[str]:
    return WORD.findall(text)


def syllables(word: str) -> int:
    """Vowel groups, less a silent final e/es/ed; at least one for any word with a letter."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 1 if any(ch.isdigit() for ch in word) else 0
    if len(letters) <= 3:
        return 1
    trimmed = _SILENT_ENDING.sub(lambda m: m.group()[0] if len(m.group()) > 1 else "", letters)
    trimmed = trimmed[1:] if trimmed.startswith("y") else trimmed
    return max(1, len(_VOWEL_GROUP.findall(trimmed)))


def is_complex(word: str) -> bool:
    """Gunning's complex word: three or more syllables, not a name, not a compound, and not
    three syllables only thanks to -es, -ed or -ing."""
    if "-" in word or word[:1].isupper() or syllables(word) < 3:
        return False
    stem = _COMMON_SUFFIX.sub("", word.lower())
    return syllables(stem) >= 3 or not _COMMON_SUFFIX.search(word.lower())


def statistics(texts: list[str], sentence_count: int) -> dict[str, float]:
    """The counts readability formulas use, over some texts that hold `sentence_count` sentences."""
    all_words = [w for text in texts for w in words(text)]
    counts = [syllables(w) for w in all_words]
    return {
        "words": len(all_words),
        "sentences": sentence_count,
        "syllables": sum(counts),
        "characters": sum(sum(ch.isalnum() for ch in w) for w in all_words),
        "polysyllabic_words": sum(1 for n in counts if n >= 3),
        "complex_words": sum(1 for w in all_words if is_complex(w)),
        "long_words": sum(1 for w in all_words if len(w) > 6),
    }
