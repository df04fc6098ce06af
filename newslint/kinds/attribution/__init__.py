"""attribution: claims (a figure tied to a claim word) that no source backs within a window.

The built-in rule casualty-unsourced uses it for death and injury tolls; the same kind serves
money figures or poll numbers with other data files. Claims are found by claims.py; this module
finds sources (a reporting verb with a subject, "according to X", "police figures", a quote with
a speaker), applies the window, and decides each claim's fate: silent when sourced, info when
the same figure is sourced elsewhere in the article or reads as history, the rule's level
otherwise. Every word it matches comes from the rule's data files, never from lists here.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field, replace
from typing import Iterator, Literal, Mapping

from ...text.document import Document
from ...findings import Hit, Severity, Span
from ...text.nlp import Chunk
from ...patterns.safe import alternation, compile_pattern
from ...patterns.prefilter import WordPrefilter
from ...schema import DataFile, OptionError
from ...temporal.expressions import Vocabulary, load_vocabulary
from ...temporal.reference import publication_date
from . import claims as c
from . import sourcing
from ...yamlfile import read_word_list

PLACEHOLDERS = ("match", "verdict", "source", "source_line")
VERDICTS = ("unsourced", "sourced-elsewhere", "weak-source", "historical")
VERDICT_FIELDS = ("match", "source", "source_line")

# Options naming a word list -> the claims.py category its entries are matched as.
LIST_OPTIONS = {
    "words_after_figure": c.AFTER, "words_before_figure": c.BEFORE, "figure_links": c.LINK,
    "vague_quantities": c.VAGUE, "approximators": c.APPROX, "head_nouns": c.HEAD,
    "reporting_verbs": c.REPORT, "not_subjects": c.NOT_SUBJECT, "source_phrases": c.SOURCE_PHRASE,
    "source_nouns": c.SOURCE_NOUN, "source_evidence": c.EVIDENCE, "weak_source_phrases": c.WEAK,
    "measure_nouns": c.MEASURE, "estimate_verbs": c.ESTIMATE,
}


@dataclass(frozen=True)
class Options:
    words_after_figure: DataFile
    """Claim words that follow their figure: "hundreds were killed", "60 dead"."""
    words_before_figure: DataFile
    """Claim words that precede their figure: "killed two children", "the death toll rose to 60"."""
    figure_links: DataFile
    number_words: DataFile
    vague_quantities: DataFile
    approximators: DataFile
    head_nouns: DataFile
    reporting_verbs: DataFile
    not_subjects: DataFile
    source_phrases: DataFile
    source_nouns: DataFile
    source_evidence: DataFile
    weak_source_phrases: DataFile
    verdicts: Mapping[str, str]
    """The end of the message for each outcome, filling the rule message's {verdict}."""
    exceptions: DataFile | None = None
    estimate_verbs: DataFile | None = None
    """Verbs of a source giving a figure: "X put the number of injured at 31"."""
    measure_nouns: DataFile | None = None
    """Nouns a number measures rather than counts ("48 hours", "two miles"): no toll's figure."""
    historical_events: DataFile | None = None
    window: Literal["sentence", "sentence+1", "paragraph"] = "sentence"
    count_single: bool = False
    """Whether a figure of one ("one man died") is a claim; by default it is an event, not a toll."""
    weak_sources: Literal["count", "flag"] = "count"
    historical: Literal["warning", "info", "ignore"] = "info"
    historical_years: int = 50
    """A sentence naming only years this much older than the article is history (0: never)."""
    max_gap: int = 4
    vocabulary: DataFile | None = None
    """The words of dates (`dates.yaml`), to read a publication date written out in words."""
    lexicon: c.Lexicon = field(init=False, repr=False, compare=False)
    exception_pattern: re.Pattern | None = field(init=False, repr=False, compare=False)
    historical_pattern: re.Pattern | None = field(init=False, repr=False, compare=False)
    words: Vocabulary | None = field(init=False, repr=False, compare=False, default=None)
    _matcher: list = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lists = {category: read_word_list(getattr(self, name)) if getattr(self, name) is not None else ()
                 for name, category in LIST_OPTIONS.items()}
        number_lines = read_word_list(self.number_words)
        try:
            numbers = c.read_number_words(number_lines)
        except ValueError as err:
            raise OptionError("number-words", str(err)) from None
        lists[c.NUMBER] = tuple(numbers)
        assign = object.__setattr__  # frozen: derived fields are set once, here
        assign(self, "lexicon", c.Lexicon(lists, numbers))
        if self.vocabulary is not None:
            assign(self, "words", load_vocabulary(str(self.vocabulary)))
        if not lists[c.AFTER] and not lists[c.BEFORE]:
            raise OptionError("words-after-figure", "the claim word lists are empty")
        assign(self, "exception_pattern", _joined("exceptions", self.exceptions, escape=False, ignorecase=True))
        # Events match case-sensitively: "the Civil War" is history, "Yemen's civil war" is news.
        assign(self, "historical_pattern", _joined("historical-events", self.historical_events, escape=True,
                                                   ignorecase=False))
        _check_verdicts(self.verdicts, self.weak_sources, self.historical)
        if self.max_gap < 0 or self.historical_years < 0:
            raise OptionError("max-gap" if self.max_gap < 0 else "historical-years", "must not be negative")

    def matchers(self):
        """(claim words only, every list): PhraseMatchers built on first use, once per process.

        The first finds claim words in the chunks of blocks whose text holds a claim word's first
        token (`may_claim`, a text test that spares spaCy most blocks), and the second runs only
        over chunks that hold a claim word.
        """
        if not self._matcher:
            from ...text.nlp import pipeline

            nlp = pipeline()  # before any `spacy` import: it imports spaCy the lighter way
            from spacy.matcher import PhraseMatcher

            claim_words, every_list = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="LOWER")
            first_words = set()
            for category, entries in self.lexicon.lists.items():
                if not entries:
                    continue
                patterns = [nlp.make_doc(entry) for entry in entries]
                every_list.add(category, patterns)
                if category in (c.AFTER, c.BEFORE):
                    claim_words.add(category, patterns)
                    first_words.update(doc[0].text for doc in patterns if len(doc))
            # A block's text holds the first token of any claim word its doc holds (nlp.py's
            # masking aside, which only a claim word made of x's could meet).
            text_filter = (WordPrefilter.of(first_words) if all(w.strip("xX") for w in first_words)
                           else WordPrefilter.of([""]))
            self._matcher.extend((claim_words, every_list, text_filter))
        return self._matcher[0], self._matcher[1]

    def may_claim(self, block) -> bool:
        """False only where the block's text holds no claim word: spaCy need not tokenize it."""
        self.matchers()
        return self._matcher[2].may_match(block.folded)


def _joined(key: str, path, *, escape: bool, ignorecase: bool) -> re.Pattern | None:
    if path is None:
        return None
    entries = read_word_list(path)
    for index, entry in enumerate(entries):
        try:
            compile_pattern(re.escape(entry) if escape else entry)
        except ValueError as err:
            raise OptionError(key, f"line {index + 1} of {path.name}: {err}") from None
    if not entries:
        return None
    return compile_pattern(alternation(tuple(re.escape(e) if escape else e for e in entries), nonword=False),
                           ignorecase=ignorecase)


def _check_verdicts(verdicts: Mapping[str, str], weak_sources: str, historical: str) -> None:
    needed = {"unsourced", "sourced-elsewhere"} | ({"weak-source"} if weak_sources == "flag" else set()) \
        | ({"historical"} if historical == "info" else set())
    for name in verdicts:
        if name not in VERDICTS:
            raise OptionError("verdicts", f"unknown verdict {name!r} (known: {', '.join(VERDICTS)})", name)
    for name in sorted(needed - set(verdicts)):
        raise OptionError("verdicts", f"missing verdict {name!r}")
    for name, text in verdicts.items():
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        except ValueError as err:
            raise OptionError("verdicts", f"bad template: {err}", name) from None
        for field_name in fields:
            if field_name not in VERDICT_FIELDS:
                raise OptionError("verdicts", f"unknown placeholder {{{field_name}}} (verdicts offer "
                                  + ", ".join("{" + f + "}" for f in VERDICT_FIELDS) + ")", name)


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


class Article:
    """One document's claims and sources under one rule: matches are computed once per chunk."""

    def __init__(self, document: Document, rule) -> None:
        self.document = document
        self.options: Options = rule.options
        self.scope = rule.scope
        self._matches: dict[int, c.Matches] = {}
        self._claim_words: dict[int, list[int]] = {}
        self._sources: dict[tuple[int, int], tuple[str | None, str]] = {}

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
        candidates = {_block_group(block) for block in self.document.prose(self.scope)
                      if self.options.may_claim(block)}
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
                if strength is None and index > 0:
                    # "Officials released new figures on Tuesday. Fifty-four people had died."
                    strength, source = self.announced(paragraph[index - 1])
                historical = self.historical(unit, claims)
                results.extend(replace(item, strength=strength, source=source, historical=historical)
                               for item in claims)
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
            found.append(Found(claim, sentence, source_span))
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
                self._sources[key] = found
            strength, text = self._sources[key]
            if strength == "strong":
                return strength, text
            if strength == "weak" and best[0] is None:
                best = (strength, text)
        return best

    def announced(self, unit: list[Sentence]) -> tuple[str | None, str]:
        """A sentence that announces figures from a source ("Officials released new figures")
        sources the claims of the sentence after it, in the same paragraph."""
        for sentence in unit:
            text = sourcing.announcement(self.matches(sentence.chunk), sentence.start, sentence.end)
            if text:
                return "strong", text
        return None, ""

    def historical(self, unit: list[Sentence], claims: list[Found]) -> str | None:
        """The historical event or old year the unit names, if any."""
        pattern = self.options.historical_pattern
        for sentence in unit:
            text = sentence.chunk.doc[sentence.start:sentence.end].text
            match = pattern.search(text) if pattern is not None else None
            if match:
                return match.group()
        if not self.options.historical_years:
            return None
        claimed = {(id(f.sentence.chunk), i) for f in claims for i in range(f.claim.start, f.claim.end)}
        years = [int(t.text) for s in unit for t in s.chunk.doc[s.start:s.end]
                 if c.YEAR.match(t.text) and (id(s.chunk), t.i) not in claimed]
        if years and max(years) <= article_year(self.document, self.options.words) - self.options.historical_years:
            return str(max(years))
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
    for item in found:
        if item.strength in accepted:
            continue
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
        match = " ".join(document.source[item.span.start:item.span.end].split())
        values = {"match": match, "source": "", "source_line": "", **data}
        text = options.verdicts[verdict].format_map(values)
        yield Hit(item.span, {**values, "verdict": text}, severity=severity)
