"""Counts that disagree inside one article: the `counts` mode of the consistency kind.

A count is a number before a noun of a known group of things ("two colonels", "three Iranian
Revolutionary Guard officers"), in a sentence that names what happened to them (an outcome:
killed, injured, abducted) and an event (an ambush, a strike). Two counts with the same thing,
outcome and event that disagree are a finding, at the later one, naming the earlier. Counts in
the same sentence are never compared (a sentence that gives two counts is listing, not
contradicting), nor are approximate counts ("about two"), nor sentences that mark another
event ("a second ambush"). Bounds are compared with bounds only: a lower bound ("over 80
civilians") above an upper bound ("fewer than 30 civilians") for the same thing cannot both hold;
two lower bounds ("over 80", "at least 27") always can. A later figure below what an earlier one
established ("more than 80", then an exact 27) is reported; a later, higher one beside a bound is
an update and is not, nor is any count in a sentence that says the figure moved ("rose to",
"initially"). A toll
with no noun ("the death toll from the quake at 40") counts the group the data file's `tolls`
names. What the groups, outcomes and events are lives in a YAML data file. This module never
guesses a number it cannot read exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

from ...text.document import Document
from ...findings import Hit
from ...patterns.safe import compile_pattern
from ...patterns.prefilter import WordPrefilter
from ...text.sentences import block_sentences
from ...yamlfile import read_yaml_file

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
# Words that end a noun phrase: "one of the officers" is not a count of officers.
_NOT_MODIFIERS = frozenset("""of and or but who which that were was are is had have has in at on from to
by with for as than after before during when while killed injured wounded dead
hundred hundreds thousand thousands million millions billion dozen dozens percent times""".split())
_KEYS = ("things", "outcomes", "events", "generic-events", "approximators", "different-event", "lower-bounds",
         "upper-bounds", "updates", "tolls")
MAX_MODIFIERS = 4


@dataclass(frozen=True)
class Vocabulary:
    things: Mapping[str, str]
    """word or phrase (lowercase) -> the group it belongs to"""
    outcomes: Mapping[str, str]
    events: Mapping[str, str]
    generic_events: frozenset
    """Event groups that name any event of their kind ("attack"): beside a specific one
    ("ambushed ... in one of the deadliest attacks"), the specific one is the event."""
    count_pattern: re.Pattern
    outcome_pattern: re.Pattern
    event_pattern: re.Pattern
    approximator_pattern: re.Pattern | None
    different_event_pattern: re.Pattern | None
    lower_pattern: re.Pattern | None
    upper_pattern: re.Pattern | None
    update_pattern: re.Pattern | None
    """Words that mark a figure as revised ("rose", "initially"): such a sentence's counts are
    left out of every comparison, since the toll may have moved between them."""
    toll_pattern: re.Pattern | None
    """"the death toll ... at 40": a count with no noun, of the group and outcome `tolls` names."""
    toll_key: tuple[str, str] | None
    toll_words: WordPrefilter | None
    outcome_words: WordPrefilter
    event_words: WordPrefilter

    def may_count(self, block) -> bool:
        """Whether a block could hold a sentence with both an outcome and an event: only such
        blocks are split into sentences."""
        # A toll ("the death toll from the quake at 40") names its outcome in the toll word.
        return ((self.outcome_words.may_match(block.folded)
                 or (self.toll_words is not None and self.toll_words.may_match(block.folded)))
                and self.event_words.may_match(block.folded))


def read_vocabulary(path: Path) -> Vocabulary:
    """Read and check the data file; a problem is a ConfigError at its line."""
    doc = read_yaml_file(Path(path))
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error(f"must be a mapping with keys {', '.join(_KEYS)}")
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise doc.error(f"unknown key {unknown[0]!r} (allowed: {', '.join(_KEYS)})", unknown[0])
    groups = {}
    for key in ("things", "outcomes", "events"):
        table = data.get(key)
        if not isinstance(table, dict) or not table or not all(
                isinstance(words, list) and words and all(isinstance(w, str) and w.strip() for w in words)
                for words in table.values()):
            raise doc.error(f"'{key}' must map each name to a list of words", key)
        groups[key] = {word.strip().lower(): str(group) for group, words in table.items() for word in words}
    lists = {}
    for key in ("approximators", "different-event", "lower-bounds", "upper-bounds", "updates"):
        words = data.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise doc.error(f"'{key}' must be a list of words", key)
        lists[key] = _alternation(words) if words else None
    generic = data.get("generic-events", [])
    if not isinstance(generic, list) or not all(isinstance(g, str) and g in data["events"] for g in generic):
        raise doc.error("'generic-events' must be a list of event names from 'events'", "generic-events")
    toll_key, toll_words = _tolls(doc, data.get("tolls"), groups)
    numbers = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    # "fifty-four" is one number; read alone, its "four" would be a different count
    units = "|".join(word for word, value in NUMBER_WORDS.items() if 1 <= value <= 9)
    count = compile_pattern(
        rf"(?<![\w.,-])(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{numbers})(?:-(?:{units}))?)"
        rf"(?P<modifiers>(?:\s+[^\W\d_][\w'’.-]*){{0,{MAX_MODIFIERS}}}?)"
        rf"\s+(?P<thing>{_alternation(groups['things'])})(?!\w)", ignorecase=True)
    return Vocabulary(
        things=groups["things"], outcomes=groups["outcomes"], events=groups["events"],
        generic_events=frozenset(generic),
        count_pattern=count,
        outcome_pattern=_words(_alternation(groups["outcomes"])),
        event_pattern=_words(_alternation(groups["events"])),
        approximator_pattern=(compile_pattern(rf"(?<!\w)(?:{lists['approximators']})\s+$", ignorecase=True)
                              if lists["approximators"] else None),
        different_event_pattern=_words(lists["different-event"]) if lists["different-event"] else None,
        lower_pattern=_ending(lists["lower-bounds"]),
        upper_pattern=_ending(lists["upper-bounds"]),
        update_pattern=_words(lists["updates"]) if lists["updates"] else None,
        toll_pattern=(compile_pattern(
            rf"(?<!\w)(?:{_alternation(toll_words)})(?:\s+[^\W\d_][\w'’-]*){{0,4}}?\s+"
            rf"(?:at|of|to|reached|hit|stood\s+at|stands\s+at)\s+"
            rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{numbers})(?:-(?:{units}))?)(?![\w,.]\d)(?!\s*(?:%|percent|per\s*cent))",
            ignorecase=True) if toll_words else None),
        toll_key=toll_key,
        toll_words=WordPrefilter.of(toll_words) if toll_words else None,
        outcome_words=WordPrefilter.of(groups["outcomes"]),
        event_words=WordPrefilter.of(groups["events"]),
    )


def _tolls(doc, table, groups) -> tuple[tuple[str, str] | None, list[str]]:
    """`tolls: {words: [death toll, ...], thing: civilians, outcome: killed}`: the phrases that
    give a count with no noun, and the group and outcome such a count belongs to."""
    if table is None:
        return None, []
    if (not isinstance(table, dict) or set(table) != {"words", "thing", "outcome"}
            or not isinstance(table["words"], list) or not table["words"]
            or not all(isinstance(w, str) and w.strip() for w in table["words"])):
        raise doc.error("'tolls' must map 'words' (a list), 'thing' and 'outcome'", "tolls")
    if table["thing"] not in set(groups["things"].values()):
        raise doc.error(f"'tolls' names an unknown thing group {table['thing']!r}", "tolls")
    if table["outcome"] not in set(groups["outcomes"].values()):
        raise doc.error(f"'tolls' names an unknown outcome {table['outcome']!r}", "tolls")
    return (str(table["thing"]), str(table["outcome"])), [w.strip() for w in table["words"]]


def _ending(body: str | None):
    """Words that end the text before a count: "... over " + "80 civilians"."""
    return compile_pattern(rf"(?<!\w)(?:{body})\s+$", ignorecase=True) if body else None


def _words(body: str):
    return compile_pattern(rf"(?<!\w)(?:{body})(?!\w)", ignorecase=True)


def _alternation(words) -> str:
    return "|".join(re.escape(w.strip()).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Count:
    value: int
    phrase: str
    span: object
    key: tuple[str, str, str]
    event: str
    sentence: tuple[int, int, int]
    """(block index, start, end): counts in one sentence are never compared."""
    bound: str = ""
    """"lower" ("over 80"), "upper" ("fewer than 30") or "" for an exact count."""
    revised: bool = False
    """The sentence says the figure moved ("rose to", "initially"): it is neither compared nor
    compared against, since a toll that moves is being updated, not contradicted."""


def check(document: Document, scope: tuple[str, ...], vocabulary: Vocabulary) -> Iterator[Hit]:
    first: dict[tuple, Count] = {}
    bounds: dict[tuple, Count] = {}  # (key, "lower" | "upper") -> the first such bound
    for index, unit in enumerate(block_sentences(document, scope, wanted=vocabulary.may_count)):
        for start, end in unit.spans:
            for count in _counts(unit.block, index, start, end, vocabulary):
                if count.revised:
                    continue
                other = _contradicted(count, first, bounds)
                if count.bound:
                    bounds.setdefault((count.key, count.bound), count)
                else:
                    first.setdefault(count.key, count)
                if other is not None:
                    line = document.lines.position(other.span.start)[0]
                    yield Hit(count.span, {"match": count.phrase, "other": other.phrase,
                                           "line": str(line), "event": count.event})


def _contradicted(count: Count, first: dict, bounds: dict) -> Count | None:
    """The earlier count this one cannot stand beside, if any: another exact number; a bound on
    the other side ("over 80" then "fewer than 30"); or a later figure below what an earlier
    one established ("more than 80" then "27"; "80" then "fewer than 30"). Beside a bound, a later
    figure above it is how a toll is updated as a story develops, and is not reported; two exact
    counts that differ always are. A count in a sentence that says the figure moved ("the toll
    rose to 80", "initially") never reaches here."""
    def apart(other: Count | None) -> bool:
        return other is not None and other.sentence != count.sentence
    if count.bound:
        opposite = bounds.get((count.key, "upper" if count.bound == "lower" else "lower"))
        if apart(opposite) and not _bounds_hold(count, opposite):
            return opposite
        exact = first.get(count.key)
        if count.bound == "upper" and apart(exact) and count.value < exact.value:
            return exact
        return None
    earlier = first.get(count.key)
    if apart(earlier) and earlier.value != count.value:
        return earlier
    lower = bounds.get((count.key, "lower"))
    if apart(lower) and count.value < lower.value:
        return lower
    return None


def _bounds_hold(one: Count, other: Count) -> bool:
    """Whether a lower and an upper bound can both be true of one thing."""
    low, high = (one, other) if one.bound == "lower" else (other, one)
    return low.value <= high.value


def _counts(block, index: int, start: int, end: int, vocabulary: Vocabulary) -> Iterator[Count]:
    text = block.text
    sentence = text[start:end]
    if vocabulary.different_event_pattern is not None and vocabulary.different_event_pattern.search(sentence):
        return
    events = [(m.start() + start, m.group()) for m in vocabulary.event_pattern.finditer(sentence)]
    if not events:
        return
    specific = [item for item in events
                if vocabulary.events[" ".join(item[1].lower().split())] not in vocabulary.generic_events]
    events = specific or events
    revised = bool(vocabulary.update_pattern is not None and vocabulary.update_pattern.search(sentence))
    outcomes = [(m.start() + start, m.group()) for m in vocabulary.outcome_pattern.finditer(sentence)]
    found = []
    if outcomes:
        for match in vocabulary.count_pattern.finditer(text, start, end):
            modifiers = match.group("modifiers").lower().split()
            if any(word in _NOT_MODIFIERS for word in modifiers):
                continue
            outcome = min(outcomes, key=lambda item: abs(item[0] - match.start()))[1]
            thing = " ".join(match.group("thing").lower().split())
            found.append((match, vocabulary.things[thing], vocabulary.outcomes[" ".join(outcome.lower().split())]))
    if vocabulary.toll_pattern is not None and vocabulary.toll_key is not None:
        found.extend((match, *vocabulary.toll_key) for match in vocabulary.toll_pattern.finditer(text, start, end))
    for match, group, outcome in found:
        number_start = match.start("number")
        before = text[max(start, number_start - 30) : number_start]
        bound, phrase_start = "", match.start()
        # The longer phrase decides: "no more than 20" is an upper bound, though it ends in the
        # lower bound "more than".
        hits = [(hit.start(), name) for name, pattern in (("lower", vocabulary.lower_pattern),
                                                          ("upper", vocabulary.upper_pattern))
                if pattern is not None and (hit := pattern.search(before))]
        if hits:
            hit_start, bound = min(hits)
            phrase_start = min(phrase_start, number_start - len(before) + hit_start)
        if not bound and vocabulary.approximator_pattern is not None and vocabulary.approximator_pattern.search(before):
            continue
        value = _number(match.group("number"))
        if value is None:
            continue
        event = min(events, key=lambda item: abs(item[0] - match.start()))[1]
        key = (group, outcome, vocabulary.events[" ".join(event.lower().split())])
        yield Count(value, text[phrase_start : match.end()], block.source_span(phrase_start, match.end()), key,
                    key[2], (index, start, end), bound, revised)


def _number(text: str) -> int | None:
    lowered = text.lower()
    if lowered in NUMBER_WORDS:
        return NUMBER_WORDS[lowered]
    tens, _, unit = lowered.partition("-")
    if unit and tens in NUMBER_WORDS and unit in NUMBER_WORDS and NUMBER_WORDS[tens] % 10 == 0 < NUMBER_WORDS[tens] < 100:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    digits = lowered.replace(",", "")
    return int(digits) if digits.isdigit() else None
