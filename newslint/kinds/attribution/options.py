"""The `attribution` kind's options: the rule's word lists read once, and checked when loaded.

Every list a rule names becomes one category of claims.Lexicon; the PhraseMatchers over them are
built on first use, once per process.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Literal, Mapping

from ...patterns.prefilter import WordPrefilter
from ...patterns.safe import alternation, compile_pattern
from ...schema import DataFile, OptionError
from ...temporal.expressions import Vocabulary, load_vocabulary
from ...text.nlp import first_tokens
from ...yamlfile import read_word_list
from . import claims as c

VERDICTS = ("unsourced", "sourced-elsewhere", "weak-source", "historical")
VERDICT_FIELDS = ("match", "source", "source_line")

# Options naming a word list -> the claims.py category its entries are matched as.
LIST_OPTIONS = {
    "words_after_figure": c.AFTER, "words_before_figure": c.BEFORE, "figure_links": c.LINK,
    "vague_quantities": c.VAGUE, "approximators": c.APPROX, "head_nouns": c.HEAD,
    "reporting_verbs": c.REPORT, "not_subjects": c.NOT_SUBJECT, "source_phrases": c.SOURCE_PHRASE,
    "source_nouns": c.SOURCE_NOUN, "source_evidence": c.EVIDENCE, "weak_source_phrases": c.WEAK,
    "measure_nouns": c.MEASURE, "estimate_verbs": c.ESTIMATE, "observation_verbs": c.OBSERVE,
    "back_references": c.DEFINITE, "example_introducers": c.EXAMPLE, "ongoing_words": c.ONGOING,
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
    observation_verbs: DataFile | None = None
    """Verbs of a source finding the dead or injured itself, right after a source noun:
    "police discovered 30 people injured", "authorities located ... 13 bodies"."""
    back_references: DataFile | None = None
    """Words before (or opening) a figure that point back to one already given: "the two
    victims", "both women". Such a figure, repeating an earlier claim's, is no new toll."""
    example_introducers: DataFile | None = None
    """Words that, in a paragraph ending with a colon, make the list or quote after it example
    copy ("For example:"): a figure there is sample wording, not a toll the article reports."""
    source_columns: DataFile | None = None
    """Header cells that name a table's source column ("Source", "Reported by"): any text in
    that column of a row sources the row, an agency's full name included."""
    window: Literal["sentence", "sentence+1", "paragraph"] = "sentence"
    count_single: bool = False
    """Whether a figure of one ("one man died") is a claim; by default it is an event, not a toll."""
    weak_sources: Literal["count", "flag"] = "count"
    historical: Literal["warning", "info", "ignore"] = "info"
    historical_years: int = 50
    """A sentence naming only years this much older than the article is history (0: never)."""
    background_years: int = 0
    """A sentence naming only years at least this much older than the article, whose toll is
    closed (no `ongoing-words` in the sentence), is background: "the 2012 shooting, which left 26
    people dead" (0: never)."""
    ongoing_words: DataFile | None = None
    """Words in a sentence that keep its toll open ("has killed", "so far", "since 2014"): such
    a toll is news however old its years."""
    max_gap: int = 4
    vocabulary: DataFile | None = None
    """The words of dates (`dates.yaml`), to read a publication date written out in words."""
    lexicon: c.Lexicon = field(init=False, repr=False, compare=False)
    exception_pattern: re.Pattern | None = field(init=False, repr=False, compare=False)
    historical_pattern: re.Pattern | None = field(init=False, repr=False, compare=False)
    example_pattern: re.Pattern | None = field(init=False, repr=False, compare=False)
    column_names: frozenset = field(init=False, repr=False, compare=False, default=frozenset())
    words: Vocabulary | None = field(init=False, repr=False, compare=False, default=None)
    _matcher: list = field(default_factory=list, init=False, repr=False, compare=False)
    _filter: list = field(default_factory=list, init=False, repr=False, compare=False)

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
        if self.source_columns is not None:
            assign(self, "column_names", frozenset(" ".join(entry.split()).casefold()
                                                   for entry in read_word_list(self.source_columns)))
        assign(self, "example_pattern", _joined("example-introducers", self.example_introducers, escape=True,
                                                ignorecase=True))
        _check_verdicts(self.verdicts, self.weak_sources, self.historical)
        for key in ("max_gap", "historical_years", "background_years"):
            if getattr(self, key) < 0:
                raise OptionError(key.replace("_", "-"), "must not be negative")

    def matchers(self):
        """(claim words only, every list): PhraseMatchers built on first use, once per process.

        The first finds claim words in the chunks of blocks that may hold one (`may_claim`),
        and the second runs only over chunks that hold a claim word.
        """
        if not self._matcher:
            from ...text.nlp import pipeline

            nlp = pipeline()  # before any `spacy` import: it imports spaCy the lighter way
            from spacy.matcher import PhraseMatcher

            claim_words, every_list = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="LOWER")
            for category, entries in self.lexicon.lists.items():
                if not entries:
                    continue
                patterns = [nlp.make_doc(entry) for entry in entries]
                every_list.add(category, patterns)
                if category in (c.AFTER, c.BEFORE):
                    claim_words.add(category, patterns)
            self._matcher.extend((claim_words, every_list))
        return self._matcher[0], self._matcher[1]

    def may_claim(self, block) -> bool:
        """False only where the block's text holds no claim word: spaCy need not tokenize it."""
        if not self._filter:
            claim_words = tuple(entry for category, entries in self.lexicon.lists.items()
                                if category in (c.AFTER, c.BEFORE) for entry in entries)
            first_words = {token for token in first_tokens(claim_words) if token}
            # A block's text holds the first token of any claim word its doc holds (nlp.py's
            # masking aside, which only a claim word made of x's could meet).
            self._filter.append(WordPrefilter.of(first_words) if all(w.strip("xX") for w in first_words)
                                else WordPrefilter.of([""]))
        return self._filter[0].may_match(block.folded)


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
