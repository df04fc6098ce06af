"""`newslint kb compare`: where one office of a knowledge-base file and a second source disagree.

Both sides become lists of `Spell`s (a name, the forms it matches by, a start and an end). A spell
of one side is paired with a spell of the other by name (ids differ between sources, and REIGN
and Archigos give surnames only, without accents: a shared folded surname is enough) whose days
overlap; a pair that differs in its start or end by more than the tolerance is one difference,
and where one holder's end and the next one's start differ alike, the two are one handover. A
spell left unpaired is a term the other side lacks.

Only the days both sides know are judged (`window`): a term the source leaves open may have ended
after its last day, and nothing before the office's coverage was checked. This module only
compares; it never reads a file.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from .records import NOT_SURNAMES, PartialDate, fold


@dataclass(frozen=True)
class Spell:
    name: str
    keys: frozenset[str]
    start: PartialDate | None
    end: PartialDate | None
    status: str | None = None

    def first(self) -> dt.date:
        return self.start.earliest if self.start else dt.date.min

    def last(self) -> dt.date:
        return self.end.latest if self.end else dt.date.max


@dataclass(frozen=True)
class Difference:
    on: dt.date
    text: str


# Words of a name that say nothing about who it is: particles, and suffixes (records.NOT_SURNAMES).
PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "la", "le", "van", "von", "der",
             "den", "ter", "al", "el", "bin", "ibn", "bint", "y", "e", "ben", "abu"}


def name_keys(*names: str) -> frozenset[str]:
    """The forms a name matches by: each name folded, and each of its words of two letters or
    more but particles and suffixes; a word inside a name (neither its first nor its last) is
    marked "~", since a shared middle name ("Duc" in Tran Duc Luong and Nong Duc Manh) says
    little. Every edge word, not only the last, since the order of names varies between sources
    ("Hatoyama Yukio" and "Yukio Hatoyama"; "Xi" for "Xi Jinping") and REIGN writes Spanish
    surnames whole ("Rajoy Brey" for "Mariano Rajoy"); a pair also needs overlapping days in
    one office."""
    keys = set()
    for name in names:
        head = name.split(",")[0] if "," in name else name  # "Roosevelt, T.": the surname first
        folded = fold(head)
        if not folded:
            continue
        keys.add(folded)
        words = [w for w in folded.split() if len(w) > 1 and w not in NOT_SURNAMES | PARTICLES]
        for i, word in enumerate(words):
            keys.add(word if i in (0, len(words) - 1) else "~" + word)
    return frozenset(keys)


def shared_forms(ours: frozenset[str], theirs: frozenset[str]) -> int:
    """How many forms two names share: a middle word counts when the other name has it at an
    edge ("Lagos" in Ricardo Lagos Escobar and Ricardo Lagos), not when both have it inside."""
    plain = {k for k in ours if not k.startswith("~")}
    other = {k for k in theirs if not k.startswith("~")}
    middle = {k[1:] for k in ours if k.startswith("~")}
    other_middle = {k[1:] for k in theirs if k.startswith("~")}
    return len(plain & other) + len(middle & other) + len(plain & other_middle)


def join_runs(spells: list[Spell]) -> list[Spell]:
    """Consecutive spells of one person as one: a file that splits a term at a change of status
    (a full term, then acting until the successor is sworn in) and a source that records one
    spell describe the same days."""
    joined: list[Spell] = []
    for spell in sorted(spells, key=lambda s: (s.first(), s.last())):
        before = next((s for s in reversed(joined) if s.name == spell.name), None)
        if before is not None and before.end is not None and spell.start is not None \
                and before.end.latest >= spell.start.earliest - dt.timedelta(days=1) and before.first() <= spell.first():
            status = before.status if before.status == spell.status else "partly " + (before.status or spell.status or "")
            later = spell.end if spell.end is None or spell.last() >= before.last() else before.end
            joined[joined.index(before)] = Spell(before.name, before.keys | spell.keys, before.start, later, status)
        else:
            joined.append(spell)
    return joined


def compare(ours: list[Spell], theirs: list[Spell], window: tuple[dt.date, dt.date], days: int,
            labels: tuple[str, str]) -> list[Difference]:
    """The differences between two sides within `window` (first and last day both know), sorted
    by date. `labels` name the two sides in the text."""
    first, last = window
    ours, theirs = join_runs(ours), join_runs(theirs)
    # A spell that touches the window only on its first or last day (a handover day) is outside.
    ours = [s for s in ours if _inside(s, first, last)]
    theirs = [s for s in theirs if _inside(s, first, last)]
    pairs = _pair(ours, theirs, days)
    found: list[Difference] = []
    starts = [(m, o) for m, o in pairs if _differs(m.start, o.start, first, last, days, is_start=True)]
    ends = [(m, o) for m, o in pairs if _differs(m.end, o.end, first, last, days, is_start=False)]
    for mine, other in sorted(starts, key=lambda pair: pair[0].first()):
        # One holder's end and the next one's start, differing alike: one handover.
        before = next((e for e in ends if (e[0].end, e[1].end) == (mine.start, other.start)), None)
        if before:
            ends.remove(before)
            what = f"handover {before[0].name} -> {mine.name}"
        else:
            what = f"start of {mine.name}" + (f" ({other.name} in {labels[1]})" if other.name != mine.name else "")
        found.append(Difference(_day(mine.start, other.start), _dates(what, mine.start, other.start, labels, "start")))
    for mine, other in ends:
        found.append(Difference(_day(mine.end, other.end), _dates(f"end of {mine.name}", mine.end, other.end, labels, "end")))
    paired_ours = {id(p[0]) for p in pairs}
    paired_theirs = {id(p[1]) for p in pairs}
    for spell, label in [(s, labels[0]) for s in ours if id(s) not in paired_ours] + \
                        [(s, labels[1]) for s in theirs if id(s) not in paired_theirs]:
        status = f", {spell.status}" if spell.status else ""
        found.append(Difference(max(spell.first(), first),
                                f"{spell.name} ({spell.start or '?'} to {spell.end or 'open'}{status}): only in {label}"))
    return sorted(found, key=lambda d: (d.on, d.text))


def _inside(spell: Spell, first: dt.date, last: dt.date) -> bool:
    start, end = max(spell.first(), first), min(spell.last(), last)
    return start < end or (start == end and spell.first() == spell.last())  # a one-day term counts


def _pair(ours: list[Spell], theirs: list[Spell], days: int) -> list[tuple[Spell, Spell]]:
    """Spells of one person on both sides whose days overlap (with `days` of slack), each spell at
    most once: the closest names first (more shared forms: "Lee Ju-ho" pairs with "Lee Ju-ho"
    before "Lee Jae-myung", who shares only the family name), then the largest overlaps."""
    slack = dt.timedelta(days=days)
    candidates = []
    for i, mine in enumerate(ours):
        for j, other in enumerate(theirs):
            shared = shared_forms(mine.keys, other.keys) or (0.5 if _alike(mine.keys, other.keys) else 0)
            if not shared:
                continue
            start = max(mine.first(), other.first())
            end = min(mine.last(), other.last())
            if _shift(start, -slack) <= _shift(end, slack):
                overlap = (end - start).days if end >= start else -1
                candidates.append((-shared, -overlap, i, j))
    pairs, used_ours, used_theirs = [], set(), set()
    for _, _, i, j in sorted(candidates):
        if i not in used_ours and j not in used_theirs:
            used_ours.add(i)
            used_theirs.add(j)
            pairs.append((ours[i], theirs[j]))
    return pairs


def _alike(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Two transliterations of one name ("Kasjanov", "Kasyanov"): an edge word of six letters or
    more on each side, nearly the same ("Truong" and "Trong", two names, are too short to
    tell). Only a fallback, for spells that share no form."""
    words = [w for w in ours if " " not in w and not w.startswith("~") and len(w) >= 6]
    others = [w for w in theirs if " " not in w and not w.startswith("~") and len(w) >= 6]
    return any(difflib.SequenceMatcher(None, a, b).ratio() >= 0.85 for a in words for b in others)


def _differs(mine: PartialDate | None, other: PartialDate | None, first: dt.date, last: dt.date,
             days: int, is_start: bool) -> bool:
    """Whether two starts (or ends) differ by more than `days`, judged only inside the window: a
    start before it was not checked, an open end and an end after it may both be right."""
    if mine is None and other is None:
        return False
    if is_start:
        if mine is None or other is None:
            known = mine or other
            return known.latest >= first  # one side says "before the records", the other a day inside
        if mine.latest < first and other.latest < first:
            return False
    else:
        if mine is None or other is None:
            known = mine or other
            return known.earliest <= last  # one side ends it inside the window, the other does not
        if mine.earliest > last and other.earliest > last:
            return False
    return _gap(mine, other) > days


def _gap(a: PartialDate, b: PartialDate) -> int:
    """Days between two dates that may be partial: 0 when their possible days overlap."""
    if a.latest < b.earliest:
        return (b.earliest - a.latest).days
    if b.latest < a.earliest:
        return (a.earliest - b.latest).days
    return 0


def _shift(day: dt.date, delta: dt.timedelta) -> dt.date:
    try:
        return day + delta
    except OverflowError:
        return day


def _day(a: PartialDate | None, b: PartialDate | None) -> dt.date:
    return min(d.earliest for d in (a, b) if d is not None)


def _dates(what: str, mine: PartialDate | None, other: PartialDate | None, labels: tuple[str, str],
           which: str) -> str:
    gap = _gap(mine, other) if mine and other else None
    apart = "" if gap is None else f" ({gap} day{'s' if gap != 1 else ''} apart)"
    unknown = "before the records" if which == "start" else "open"
    return f"{what}: {mine or unknown} in {labels[0]}, {other or unknown} in {labels[1]}{apart}"
