"""attribution: claims (a figure tied to a claim word) that no source backs within a window.

The built-in rule casualty-unsourced uses it for death and injury tolls; the same kind serves
money figures or poll numbers with other data files. Claims are found by claims.py, sources by
sourcing.py, where a claim sits (a headline, a quote, example copy) by placement.py, and the
options are read by options.py; this module applies the window and decides each claim's fate:
silent when sourced, info when the same figure is sourced elsewhere in the article or reads as
history, the rule's level otherwise. A claim is judged once, where attribution belongs: a
headline whose figure the body repeats, and a back-reference to an earlier figure ("the two
victims"), say nothing of their own; figures in example copy (a list after "For example:") are
no claims. Every word it matches comes from the rule's data files, never from lists here.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from ...text.document import Document
from ...findings import Hit, Severity, Span
from ...text.nlp import Chunk
from ...temporal.expressions import Vocabulary
from ...temporal.reference import publication_date
from . import claims as c
from . import placement, sourcing
from .options import VERDICTS, Options

__all__ = ["Options", "PLACEHOLDERS", "VERDICTS", "check"]

PLACEHOLDERS = ("match", "verdict", "source", "source_line")


@dataclass(frozen=True)
class Sentence:
    chunk: Chunk
    start: int
    end: int
    """Token offsets in chunk.doc."""


@dataclass(frozen=True)
class Found:
    """One claim and what the window around it says about its source."""

    claim: c.Claim
    sentence: Sentence
    span: Span
    strength: str | None = None
    """'strong', 'weak' or None (no source in the window)."""
    source: str = ""
    historical: str | None = None
    back_reference: bool = False
    """The figure points back to one already given: "the two victims", "both women"."""


class Article:
    """One document's claims and sources under one rule: matches are computed once per chunk."""

    def __init__(self, document: Document, rule) -> None:
        self.document = document
        self.options: Options = rule.options
        self.scope = rule.scope
        self._matches: dict[int, c.Matches] = {}
        self._claim_words: dict[int, list[int]] = {}
        self._sources: dict[tuple[int, int], tuple[str | None, str]] = {}
        self._columns: set | None = None

    def claim_words(self, chunk: Chunk) -> list[int]:
        """Where claim words start in the chunk (the cheap prefilter)."""
        key = id(chunk)
        if key not in self._claim_words:
            self._claim_words[key] = sorted(start for _, start, _ in self.options.matchers()[0](chunk.doc))
        return self._claim_words[key]

    def matches(self, chunk: Chunk) -> c.Matches:
        key = id(chunk)
        if key not in self._matches:
            matcher = self.options.matchers()[1]
            strings = matcher.vocab.strings
            raw = ((strings[match_id], start, end) for match_id, start, end in matcher(chunk.doc))
            self._matches[key] = c.Matches(chunk.doc, raw)
        return self._matches[key]

    def paragraphs(self) -> list[list[list[Sentence]]]:
        """Paragraphs of units of sentences; a table row is one paragraph of one unit (its cells).

        Windows never cross a block or a row, so only blocks and rows holding a claim word are
        split into sentences: most of an article costs one prefilter match per chunk.
        """
        # A row's cells are one unit: where one cell may hold a claim word, all are analysed.
        examples = placement.example_blocks(self.document, self.options.example_pattern)
        candidates = {_block_group(block) for block in self.document.prose(self.scope)
                      if id(block) not in examples and self.options.may_claim(block)}
        chunks = list(self.document.analysed(self.scope, wanted=lambda block: _block_group(block) in candidates))
        wanted = {_group(chunk) for chunk in chunks if self.claim_words(chunk)}
        groups: dict[tuple, list] = {}
        for chunk in chunks:
            key = _group(chunk)
            if key not in wanted:
                continue
            sentences = [Sentence(chunk, s.start, s.end) for s in chunk.doc.sents]
            if key[0] == "row":
                groups.setdefault(key, [[]])[0].extend(sentences)
            else:
                groups.setdefault(key, []).extend([s] for s in sentences)
        return list(groups.values())

    def found(self) -> list[Found]:
        results = []
        for paragraph in self.paragraphs():
            for index, unit in enumerate(paragraph):
                claims = [claim for sentence in unit for claim in self.claims(sentence)]
                if not claims:
                    continue
                window = self.window(paragraph, index)
                strength, source = self.strongest(window)
                if strength is None:
                    # A sentence of the paragraph that announces figures from a source, the
                    # claim's own or the one before or after it: "Officials released new figures
                    # on Tuesday. Fifty-four people had died.", "The governor released the
                    # toll: 14 people were killed.", "... Police gave the figure at a briefing."
                    for near in (index, index - 1, index + 1):
                        if 0 <= near < len(paragraph):
                            strength, source = self.announced(paragraph[near])
                            if strength is not None:
                                break
                historical = self.historical(unit, claims, paragraph)
                for item in claims:
                    found = (strength, source)
                    if strength != "strong" and placement.quoted(item.sentence.chunk, item.claim):
                        # "... eight dead is a tragic number," he said: the speaker is the source,
                        # named anywhere in the paragraph that quotes them.
                        speaker = self.strongest([s for other in paragraph for s in other])
                        if speaker[0] == "strong":
                            found = speaker
                    results.append(replace(item, strength=found[0], source=found[1], historical=historical))
        return results

    def window(self, paragraph: list[list[Sentence]], index: int) -> list[Sentence]:
        if self.options.window == "paragraph":
            return [s for unit in paragraph for s in unit]
        if self.options.window == "sentence+1":
            return [s for unit in paragraph[max(0, index - 1): index + 2] for s in unit]
        return paragraph[index]

    def claims(self, sentence: Sentence) -> list[Found]:
        if not any(sentence.start <= i < sentence.end for i in self.claim_words(sentence.chunk)):
            return []
        doc = sentence.chunk.doc
        span = doc[sentence.start:sentence.end]
        matches = self.matches(sentence.chunk)
        finder = c.ClaimFinder(self.options.lexicon, matches, sentence.start, sentence.end, self.options.max_gap)
        found = []
        for claim in finder.claims():
            if claim.single and not self.options.count_single:
                continue
            if self._excepted(doc, span, claim):
                continue
            first, last = doc[claim.start], doc[claim.end - 1]
            source_span = sentence.chunk.source_span(first.idx, last.idx + len(last.text))
            found.append(Found(claim, sentence, source_span, back_reference=placement.points_back(matches, sentence.start, claim)))
        return found

    def _excepted(self, doc, span, claim: c.Claim) -> bool:
        pattern = self.options.exception_pattern
        if pattern is None:
            return False
        word_start = doc[claim.word_start].idx - span.start_char
        word_end = doc[claim.word_end - 1].idx + len(doc[claim.word_end - 1].text) - span.start_char
        return any(m.start() <= word_start and word_end <= m.end() for m in pattern.finditer(span.text))

    def strongest(self, window: list[Sentence]) -> tuple[str | None, str]:
        best: tuple[str | None, str] = (None, "")
        for sentence in window:
            key = (id(sentence.chunk), sentence.start)
            if key not in self._sources:
                matches = self.matches(sentence.chunk)
                found = sourcing.sources(matches, sentence.start, sentence.end)
                if found[0] is None and sentence.chunk.block.kind == "table-cell":
                    found = sourcing.source_cell(matches, sentence.start, sentence.end)
                    if found[0] is None and self.in_source_column(sentence.chunk.block) and not any(
                            sentence.start <= i < sentence.end for i in self.claim_words(sentence.chunk)):
                        found = ("strong", sentence.chunk.doc[sentence.start:sentence.end].text)
                self._sources[key] = found
            strength, text = self._sources[key]
            if strength == "strong":
                return strength, text
            if strength == "weak" and best[0] is None:
                best = (strength, text)
        return best

    def in_source_column(self, block) -> bool:
        """A cell under a header that names the source column ("Source"), below the header."""
        if self._columns is None:
            self._columns = placement.source_columns(self.document, self.options.column_names)
        return bool(self._columns) and placement.cell_key(self.document, block) in self._columns

    def announced(self, unit: list[Sentence]) -> tuple[str | None, str]:
        """A sentence that announces figures from a source ("Officials released new figures")
        sources the claims of its own sentence and of those just before and after it, in the
        same paragraph."""
        for sentence in unit:
            text = sourcing.announcement(self.matches(sentence.chunk), sentence.start, sentence.end)
            if text:
                return "strong", text
        return None, ""

    def historical(self, unit: list[Sentence], claims: list[Found],
                   paragraph: list[list[Sentence]] = ()) -> str | None:
        """The historical event or old year the unit names, if any. A unit that names no year
        takes the years of its paragraph: "Of these, more than 26,000 lost their lives." in a
        paragraph about a battle of 1918 is as historical as the sentence that names the year."""
        pattern = self.options.historical_pattern
        for sentence in unit:
            text = sentence.chunk.doc[sentence.start:sentence.end].text
            match = pattern.search(text) if pattern is not None else None
            if match:
                return match.group()
        options = self.options
        if not options.historical_years and not options.background_years:
            return None
        claimed = {(id(f.sentence.chunk), i) for f in claims for i in range(f.claim.start, f.claim.end)}
        def years_of(sentences):
            return [int(t.text) for s in sentences for t in s.chunk.doc[s.start:s.end]
                    if c.YEAR.match(t.text) and (id(s.chunk), t.i) not in claimed]
        own = years_of(unit)
        years = own or years_of([s for other in paragraph for s in other])
        published = article_year(self.document, options.words)
        if options.historical_years and years and max(years) <= published - options.historical_years:
            return str(max(years))
        # Background: the sentence itself dates its toll years back and nothing keeps it open
        # ("the 2012 shooting ..., which left 26 people dead"; "In November 2015, gunmen ...
        # killing 20"), unlike "the war, which began in 2014, has killed 14,000".
        if (options.background_years and own and max(own) <= published - options.background_years
                and not any(self.matches(s.chunk).starts(c.ONGOING, s.start, s.end) for s in unit)):
            return str(max(own))
        return None


def article_year(document: Document, vocabulary: Vocabulary | None = None) -> int:
    """The year of the article's publication date (the one reference date, see
    `temporal.reference`), else of the run's today."""
    published = publication_date(document, vocabulary).date
    return (published or document.context.today).year


def _group(chunk: Chunk) -> tuple:
    """What a chunk's sentences belong to: its table row, or its block."""
    return _block_group(chunk.block)


def _block_group(block) -> tuple:
    if block.kind == "table-cell" and block.row is not None:
        return ("row", block.row)
    return ("block", id(block))


def same_figure(one: c.Claim, other: c.Claim) -> bool:
    """The same number and the same noun ("two children"); a figure with no noun ("killed 12",
    a headline's "12 dead") matches any noun, but "two colonels" is not "two ... members"."""
    return one.value == other.value and (one.head == other.head or one.head is None or other.head is None)


def check(document: Document, rule) -> Iterator[Hit]:
    """A hit per claim with no source in its window; info when the figure is sourced elsewhere
    or the claim reads as history, so the editor still sees it but a build does not fail."""
    options: Options = rule.options
    found = Article(document, rule).found()
    if not found:
        return
    accepted = ("strong",) if options.weak_sources == "flag" else ("strong", "weak")
    sourced = [item for item in found if item.strength in accepted]
    titles = {" ".join(block.text.split()).casefold() for block in document.front_matter_blocks}
    headlines = [placement.headline(item.sentence.chunk.block, titles) for item in found]
    body = [item for item, headline in zip(found, headlines) if not headline]
    for index, item in enumerate(found):
        if item.strength in accepted:
            continue
        if headlines[index] and any(same_figure(item.claim, other.claim) for other in body):
            continue  # the body repeats the toll: its attribution belongs there, and is judged there
        if item.back_reference and any(same_figure(item.claim, other.claim)
                                       for other, headline in zip(found[:index], headlines) if not headline):
            continue  # "the two victims": a toll already given (and judged) earlier in the article
        verdict, severity, data = "unsourced", None, {}
        elsewhere = next((other.span.start for other in sourced if same_figure(item.claim, other.claim)), None)
        if item.historical is not None and options.historical != "warning":
            if options.historical == "ignore":
                continue
            verdict, severity, data = "historical", Severity.INFO, {"source": item.historical}
        elif elsewhere is not None:
            line = document.lines.line_of(elsewhere)
            verdict, severity, data = "sourced-elsewhere", Severity.INFO, {"source_line": str(line)}
        elif item.strength == "weak":
            verdict, data = "weak-source", {"source": item.source}
        # The prose text, as DESIGN.md wants for {match}: "**Twelve people** were *killed*"
        # quotes "Twelve people were killed", not its markup.
        doc = item.sentence.chunk.doc
        match = " ".join(doc[item.claim.start:item.claim.end].text.split())
        values = {"match": match, "source": "", "source_line": "", **data}
        text = options.verdicts[verdict].format_map(values)
        yield Hit(item.span, {**values, "verdict": text}, severity=severity)
