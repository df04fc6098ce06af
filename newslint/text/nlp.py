"""The spaCy pipeline: `spacy.blank("en")` with a sentencizer, built once per process, lazily.

spaCy is imported here and only here, and only when a rule needs tokens or sentences, because
importing it costs more than linting a typical article. Text is fed block by block, prose only,
and very long blocks are cut into chunks, so spaCy's `max_length` can never raise. A "sentence"
longer than MAX_SENTENCE_TOKENS (a paragraph without punctuation, a pasted log line) is cut into
pieces of that length, so that kinds doing per-sentence work (pairs of words, re-scans of the
sentence per claim) cost linear time in the size of the block, not quadratic. And a run of more
than MAX_WORD_CHARS non-space characters reaches spaCy as as many x's (see `_masked`).
"""
from __future__ import annotations

import functools
import re
import sys
import types
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from .. import compiled

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .prose import ProseBlock

MAX_CHUNK_CHARS = 100_000
MAX_SENTENCE_TOKENS = 250
MAX_WORD_CHARS = 64
"""No word of the 470,469 in the 18F corpus's prose is longer than 48 characters."""
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD_CHARS + 1))
"""Real sentences stay far below this: the longest of 26,636 in the 18F corpus has 170 tokens."""


@dataclass(frozen=True)
class Chunk:
    """spaCy's analysis of a block, or of a piece of one: `base` is where `doc` starts in the block."""

    block: ProseBlock
    base: int
    doc: Doc

    def source_span(self, start_char: int, end_char: int):
        return self.block.source_span(self.base + start_char, self.base + end_char)


@functools.cache
def pipeline():
    _import_spacy_without_its_cli()
    import spacy
    from spacy.language import Language

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    if "newslint_sentence_cap" not in Language.factories:
        Language.component("newslint_sentence_cap", func=_cap_sentences)
    nlp.add_pipe("newslint_sentence_cap")
    nlp.max_length = MAX_CHUNK_CHARS * 2
    return nlp


def first_tokens(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The text of each phrase's first token as the pipeline tokenizes it ("" for none).

    A cheap test of a block's text for these spares spaCy the blocks that cannot hold a phrase;
    computing them needs spaCy's tokenizer, so an earlier run's answer is kept (`compiled`),
    keyed by spaCy's version and this module: then a short article with none of them is
    linted without importing spaCy at all.
    """
    table = _first_tokens_table()
    item = "\x00".join(phrases)
    known = table.get(item) if table is not None else None
    if isinstance(known, list) and len(known) == len(phrases) and all(isinstance(t, str) for t in known):
        return tuple(known)
    nlp = pipeline()
    found = tuple(doc[0].text if len(doc) else "" for doc in (nlp.make_doc(phrase) for phrase in phrases))
    if table is not None:
        table[item] = list(found)
        compiled.changed(*_FIRST_TOKENS)
        compiled.flush()  # asked while linting, after the runner's flush at load
    return found


_FIRST_TOKENS: list[str] = []


def _first_tokens_table() -> dict | None:
    if not compiled.enabled():
        return None
    if not _FIRST_TOKENS:
        import importlib.util
        from pathlib import Path

        try:
            spec = importlib.util.find_spec("spacy")  # finds the package without importing it
            version = (Path(spec.origin).parent / "about.py").read_bytes()
        except (ImportError, AttributeError, TypeError, ValueError, OSError):
            return None
        _FIRST_TOKENS.extend(("first-tokens", compiled.digest("first-tokens", [Path(__file__)],
                                                              [("spacy", version)])))
    return compiled.table(*_FIRST_TOKENS)


def _import_spacy_without_its_cli() -> None:
    """Import spaCy without importing its command line first.

    spaCy's `__init__` imports `spacy.cli.info` only to offer `spacy.info()`, and with it the
    whole command-line package (typer, weasel, requests, httpx): a quarter of `import spacy`,
    0.15 s here, for code newslint never runs. Stand-ins for those two modules are in place
    while spaCy imports and removed after, so a later `import spacy.cli` (by anyone) loads the
    real one; the stand-in `info` loads it too when called. Should a spaCy release need more
    of its command line at import, the import is done again the ordinary way.
    """
    if "spacy" in sys.modules:
        return
    package, module = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    package.__path__ = []  # a package, so that `spacy.cli.info` can be imported from it
    module.info = _real_info
    stand_ins = {"spacy.cli": package, "spacy.cli.info": module}
    if any(name in sys.modules for name in stand_ins):
        return
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    except ImportError:
        pass  # imported again below, the ordinary way
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    spacy_module = sys.modules.get("spacy")
    if spacy_module is not None and getattr(spacy_module, "cli", None) is package:
        del spacy_module.cli  # `spacy.cli` is imported for real on first use


def _real_info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _cap_sentences(doc):
    """Start a new sentence every MAX_SENTENCE_TOKENS tokens inside longer ones."""
    if len(doc) <= MAX_SENTENCE_TOKENS:
        return doc
    cuts = [i for sentence in doc.sents if len(sentence) > MAX_SENTENCE_TOKENS
            for i in range(sentence.start + MAX_SENTENCE_TOKENS, sentence.end, MAX_SENTENCE_TOKENS)]
    for i in cuts:
        doc[i].is_sent_start = True
    return doc


def analyse(blocks: Iterable[ProseBlock]) -> list[Chunk]:
    pieces = [(block, base, text) for block in blocks for base, text in _cut(block.text)]
    docs = pipeline().pipe(_masked(text) for _, _, text in pieces)
    return [Chunk(block, base, doc) for (block, base, _), doc in zip(pieces, docs)]


def _masked(text: str) -> str:
    """The text with each run of over MAX_WORD_CHARS non-space characters replaced by x's.

    spaCy's tokenizer strips punctuation off a word one character at a time, copying the rest
    each time: quadratic in the word's length (4,000 '[' or emoji take a second, 100,000 take
    hours). Such a run is never prose a rule could mean; a run of x's keeps every offset.
    """
    if len(text) <= MAX_WORD_CHARS:
        return text
    return _LONG_WORD.sub(lambda match: "x" * len(match.group()), text)


def _cut(text: str) -> Iterator[tuple[int, str]]:
    """Split text longer than MAX_CHUNK_CHARS after a sentence, else at a space, else hard.

    Cutting between sentences keeps every sentence whole, so no phrase is lost at a cut.
    """
    start = 0
    while len(text) - start > MAX_CHUNK_CHARS:
        limit = start + MAX_CHUNK_CHARS
        cut = max(text.rfind(end, start + MAX_CHUNK_CHARS // 2, limit) for end in (". ", "? ", "! "))
        if cut == -1:
            cut = text.rfind(" ", start + MAX_CHUNK_CHARS // 2, limit)
        cut = limit if cut == -1 else cut + 1 + (text[cut] != " ")
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]
