"""Figures tied to claim words in a tokenized sentence, for the `attribution` kind.

A claim is a figure and the word it counts: "hundreds were killed", "killed two children",
"the death toll rose to 60", "no casualties". Every word this module matches on comes from the
rule's data files (the Lexicon); the code knows only the shapes a figure takes. It never decides
whether a claim is sourced: that is attribution.py's job.

The pipeline is spaCy's blank English: tokens and sentences, no lemmas or parts of speech. So
inflections are listed in the data, and a noun is told from other words by the head-noun list,
by spaCy's stop words and by position, never by a tagger.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Categories of the one PhraseMatcher a rule builds: each names a data file's entries.
AFTER = "after"          # claim words that follow their figure: "hundreds were killed"
BEFORE = "before"        # claim words that precede their figure: "killed two children"
LINK = "link"            # words allowed between a BEFORE word and its figure: "rose to"
NUMBER = "number"
VAGUE = "vague"
APPROX = "approx"
HEAD = "head"
REPORT = "report"
NOT_SUBJECT = "not-subject"
SOURCE_PHRASE = "source-phrase"
SOURCE_NOUN = "source-noun"
EVIDENCE = "evidence"
WEAK = "weak"
ESTIMATE = "estimate"    # a source giving a figure: "put the number of injured at 31"
MEASURE = "measure"      # what a number measures, not counts: "48 hours", "two miles"
OBSERVE = "observe"      # a source finding the dead itself: "police discovered 30 people injured"
DEFINITE = "definite"    # words that point back to a figure already given: "the two victims"
EXAMPLE = "example"      # words that introduce example copy: "For example:"
ONGOING = "ongoing"      # words that keep a toll open: "has killed", "so far", "since"

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# A bare four-digit number with no noun after it is a year ("in 2014 we had ..."), not a count.
YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
MAX_MODIFIERS = 3
"""Words allowed between a number and its noun: "two Iranian Revolutionary Guard members"."""
MAX_ASIDE = 8
"""Tokens in an aside between a figure and its word: "12 people, including three children, died"."""


@dataclass(frozen=True)
class NumberWord:
    value: float
    needs_noun: bool
    """A figure only right before a noun ("no casualties", "a man"), never alone."""
    scale: bool = False
    """Multiplies the number before it, as 100 and up do: "two dozen" is 24."""


@dataclass(frozen=True)
class Lexicon:
    """A rule's word lists (lowercase) and the number words' values."""

    lists: Mapping[str, tuple[str, ...]]
    numbers: Mapping[str, NumberWord]


def read_number_words(lines: Iterable[str]) -> dict[str, NumberWord]:
    """`WORDS VALUE [noun|scale]` per line, e.g. `a dozen 12`, `no 0 noun`, `dozen 12 scale`."""
    numbers = {}
    for line in lines:
        parts = line.split()
        needs_noun = parts[-1] == "noun"
        scale = parts[-1] == "scale"
        if needs_noun or scale:
            parts = parts[:-1]
        if len(parts) < 2:
            raise ValueError(f"number word line {line!r} needs a word and a value")
        try:
            value = float(parts[-1])
        except ValueError:
            raise ValueError(f"number word line {line!r}: {parts[-1]!r} is not a number") from None
        numbers[" ".join(parts[:-1]).lower()] = NumberWord(value, needs_noun, scale)
    return numbers


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    """Token offsets of the whole figure, approximator and noun included."""
    value: str
    """The number (or vague word) that decides whether two figures are the same."""
    head: str | None
    single: bool
    terminal: bool
    """The figure ends in a claim word itself ("12 deaths", "60 dead", "no casualties")."""
    adjacent: bool
    """No words between the number and the terminal claim word ("60 dead", not "12 confirmed deaths")."""


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    """Token offsets of the claim: the figure and its claim word."""
    word_start: int
    word_end: int
    """Token offsets of the claim word alone (exceptions are judged on it)."""
    value: str
    head: str | None
    single: bool


class Matches:
    """Where each category's entries start in one doc: start token -> longest end."""

    def __init__(self, doc: Doc, raw: Iterable[tuple[str, int, int]]) -> None:
        self.doc = doc
        self.by_category: dict[str, dict[int, int]] = {}
        for category, start, end in raw:
            starts = self.by_category.setdefault(category, {})
            starts[start] = max(end, starts.get(start, end))

    def end(self, category: str, start: int) -> int | None:
        return self.by_category.get(category, {}).get(start)

    def starts(self, category: str, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of the category's matches that begin inside start..end, in order."""
        found = self.by_category.get(category, {})
        return sorted((s, e) for s, e in found.items() if start <= s < end)


class ClaimFinder:
    """Finds the claims of one sentence (tokens start..end of `matches.doc`)."""

    def __init__(self, lexicon: Lexicon, matches: Matches, start: int, end: int, max_gap: int) -> None:
        self.lexicon = lexicon
        self.m = matches
        self.doc = matches.doc
        self.start = start
        self.end = end
        self.max_gap = max_gap

    def claims(self) -> list[Claim]:
        found: list[Claim] = []
        taken: set[int] = set()
        # Figures after their word first ("killed two children"), so that in "12 militants killed
        # 3 soldiers" the verb belongs to its object and "12 militants killed" is not a toll.
        for word_start, word_end in self.m.starts(BEFORE, self.start, self.end):
            if word_start in taken:
                continue
            figure, position, links = self.figure(word_end), word_end, 0
            while figure is None and links < self.max_gap and self._link_end(position) is not None:
                position, links = self._link_end(position), links + 1
                figure = self.figure(position)
            if figure is not None:
                claim = Claim(word_start, figure.end, word_start, word_end, figure.value, figure.head, figure.single)
                found.append(claim)
                taken.update(range(claim.start, claim.end))
        position = self.start
        while position < self.end:
            claim = None if position in taken else self._figure_first(position, taken)
            if claim is None:
                position += 1
                continue
            found.append(claim)
            taken.update(range(claim.start, claim.end))
            position = claim.end
        return sorted(found, key=lambda c: c.start)

    def _link_end(self, position: int) -> int | None:
        return self.m.end(LINK, position) if position < self.end else None

    def _figure_first(self, position: int, taken: set[int]) -> Claim | None:
        """A figure followed by its claim word: "hundreds were killed", "60 dead"."""
        figure = self.figure(position)
        if figure is None or self._label(figure):
            return None
        if figure.terminal:
            word_end = figure.end
            word_start = self._word_start(word_end)
            if self._attributive(word_end, figure.adjacent):
                return None
            return Claim(figure.start, word_end, word_start, word_end, figure.value, figure.head, figure.single)
        gap = 0
        k = figure.end
        while k < self.end and gap <= self.max_gap:
            word_end = self.m.end(AFTER, k)
            if word_end is not None:
                if any(i in taken for i in range(k, word_end)):
                    return None
                if self._attributive(word_end, gap == 0):
                    return None
                return Claim(figure.start, word_end, k, word_end, figure.value, figure.head, figure.single)
            aside_end = self._aside_end(k)
            if aside_end is not None:
                k = aside_end  # "Twelve people, including three children, were killed"
                continue
            if not self._gap_word(k):
                return None
            k += 1
            gap += 1
        return None

    def _aside_end(self, k: int) -> int | None:
        """Just past a comma-enclosed aside of at most MAX_ASIDE tokens with no claim word in it."""
        if self.doc[k].text != ",":
            return None
        for i in range(k + 1, min(k + 2 + MAX_ASIDE, self.end)):
            if self.doc[i].text == ",":
                return i + 1 if i > k + 1 else None
            if self.m.end(AFTER, i) is not None or self.m.end(BEFORE, i) is not None or self.doc[i].is_punct:
                return None
        return None

    def _label(self, figure: Figure) -> bool:
        """'IE 6 is dead', 'June 12 ...': digits after a capitalized word name a thing, not a count."""
        if figure.head is not None or figure.start == self.start:
            return False
        before, first = self.doc[figure.start - 1], self.doc[figure.start]
        return bool(DIGITS.match(first.text)) and before.is_alpha and before.text[0].isupper()

    def _word_start(self, word_end: int) -> int:
        for start, end in self.m.starts(AFTER, self.start, word_end):
            if end == word_end:
                return start
        return word_end - 1

    def _gap_word(self, k: int) -> bool:
        """Between a figure and its word: "were", "have been", a quote mark, "reportedly"."""
        token = self.doc[k]
        if self.m.end(REPORT, k) is not None:
            return False
        return token.is_stop or token.is_quote or (token.is_alpha and token.lower_.endswith("ly"))

    def _attributive(self, word_end: int, adjacent: bool) -> bool:
        """'dead-simple', and right after a number '60 dead links': the claim word modifies what
        follows, so it is no toll."""
        if word_end >= self.end:
            return False
        token = self.doc[word_end]
        if token.text == "-" and not self.doc[word_end - 1].whitespace_:
            return True
        return adjacent and (token.is_alpha and token.is_lower and not token.is_stop
                and self.m.end(HEAD, word_end) is None and self._number_at(word_end) is None)

    def figure(self, position: int) -> Figure | None:
        """The figure starting at `position`: [approximator] quantity [of] [modifiers] [noun]."""
        if position >= self.end:
            return None
        start = position
        approx_end = self.m.end(APPROX, position)
        if approx_end is not None and approx_end < self.end:
            position = approx_end
        quantity = self._quantity(position)
        if quantity is None:
            return None
        quantity_end, value, single, needs_noun = quantity
        head, end, terminal, adjacent = self._noun(quantity_end)
        if head is None and start == position and quantity_end - position == 1 and YEAR.match(self.doc[position].text):
            # A bare year-like number with no noun and no approximator is a year, even right
            # before a claim word: "the floods of 2011 killed 300", "in 2014 killed ..." read
            # from a date; a toll that size is written "1,500" or "some 1500 dead".
            return None
        if head is None and not terminal:
            if needs_noun or not self._stands_alone(quantity_end):
                return None
            end = quantity_end
        return Figure(start, end, value, head, single, terminal, adjacent)

    def _quantity(self, position: int) -> tuple[int, str, bool, bool] | None:
        """(end, value, is one, needs a noun) of the number or vague quantity at `position`."""
        vague_end = self.m.end(VAGUE, position)
        if vague_end is not None:
            text = " ".join(t.lower_ for t in self.doc[position:vague_end])
            return vague_end, text, False, False
        first = self._number_at(position)
        if first is None:
            return None
        end, value, needs_noun = first
        if needs_noun:
            return end, _show(value), value == 1, True
        total, current, last = 0.0, value, value
        while end < self.end:
            k = end
            if self.doc[k].text == "-":
                # "twenty-four", written as one word; "2015 - 4 killed" is a date and a toll
                if DIGITS.match(self.doc[k - 1].text) or self.doc[k - 1].whitespace_ or self.doc[k].whitespace_:
                    break
                k += 1
            elif self.doc[k].lower_ == "and" and last >= 100:
                k += 1
            following = self._number_at(k)
            if following is None or following[2]:
                break
            next_end, next_value, _ = following
            is_scale = (next_value >= 100 or self._scale_word(k, next_end)) and not DIGITS.match(self.doc[k].text)
            if is_scale:
                current = (current or 1) * next_value
                if next_value >= 1000:
                    total, current = total + current, 0.0
            elif (20 <= last < 100 and last % 10 == 0 and 1 <= next_value < 10) or (last >= 100 and next_value < 100):
                current += next_value
            else:
                break
            end, last = next_end, next_value
        if "." in self.doc[position].text and end == first[0]:
            return None  # "2.0", "3.5": a version or a measure; a count of people is whole or scaled
        value = total + current
        return end, _show(value), value == 1, False

    def _scale_word(self, start: int, end: int) -> bool:
        word = self.lexicon.numbers.get(" ".join(self.doc[start:end].text.lower().split()))
        return word is not None and word.scale

    def _number_at(self, position: int) -> tuple[int, float, bool] | None:
        if position >= self.end:
            return None
        token = self.doc[position]
        if DIGITS.match(token.text):
            return position + 1, float(token.text.replace(",", "")), False
        number_end = self.m.end(NUMBER, position)
        if number_end is None:
            return None
        # Keyed as written in the data file ("twenty-one", "a dozen"), whatever the tokenizer made of it.
        word = self.lexicon.numbers.get(" ".join(self.doc[position:number_end].text.lower().split()))
        if word is None:
            return None
        return number_end, word.value, word.needs_noun

    def _noun(self, position: int) -> tuple[str | None, int, bool, bool]:
        """(head noun, end, ends in a claim word, adjacent) after a quantity ending at `position`."""
        # "hundreds of people", "two of the soldiers"; a bare "of" leaves the number alone.
        k = position + 1 if self._is(position, "of") else position
        modifiers = 0
        while k < self.end and modifiers <= MAX_MODIFIERS:
            head_end = self.m.end(HEAD, k)
            if head_end is not None:
                # "three other people": a head noun may itself modify the next one; "hundreds of
                # fighters and civilians", "eight policemen and one civilian" are one figure
                for _ in range(MAX_MODIFIERS):
                    following = self.m.end(HEAD, head_end) if head_end < self.end else None
                    # ("both men and women": the "and" belongs to "both", a pair, not a toll)
                    correlative = position > self.start and self.doc[position - 1].lower_ in ("both", "either", "neither")
                    if following is None and not correlative and (self._is(head_end, "and") or self._is(head_end, "or")):
                        k2 = head_end + 1
                        number = self._number_at(k2)
                        if number is not None:
                            k2 = number[0]
                        following = self.m.end(HEAD, k2) if k2 < self.end else None
                    if following is None:
                        break
                    head_end = following
                return " ".join(t.lower_ for t in self.doc[k:head_end]), head_end, False, False
            word_end = self.m.end(AFTER, k)
            if word_end is not None:
                return None, word_end, True, modifiers == 0
            if not self._modifier(k):
                break
            k += 1
            modifiers += 1
        return None, position, False, False

    def _modifier(self, k: int) -> bool:
        """A word between a number and its noun: "Iranian", "other" (a stop word only right before the noun)."""
        token = self.doc[k]
        if not (token.is_alpha or token.text == "-" or DIGITS.match(token.text)):
            return False
        if self.m.end(MEASURE, k) is not None:
            return False  # "48 hours killed": the number counts hours, the toll is elsewhere
        if not token.is_alpha and (token.whitespace_ or self.doc[k - 1].whitespace_):
            # Digits and hyphens modify a noun only inside a compound ("18-year-old"); a spaced
            # dash or a second number ends the figure: "2015 - 4 killed" is a year, then a toll.
            return False
        if self.m.end(BEFORE, k) is not None:
            return False
        if token.is_stop:
            return k + 1 < self.end and self.m.end(HEAD, k + 1) is not None
        return True

    def _stands_alone(self, position: int) -> bool:
        """A number with no noun must end its phrase: "hundreds were killed", "killed 12 in"."""
        if position >= self.end:
            return True
        token = self.doc[position]
        if token.is_punct:
            return token.text != "-"  # "12-year-old" goes on; "12," and "12." end the phrase
        return token.is_stop or self.m.end(AFTER, position) is not None

    def _is(self, position: int, word: str) -> bool:
        return position < self.end and self.doc[position].lower_ == word


def _show(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)

