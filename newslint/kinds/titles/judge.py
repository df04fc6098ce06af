"""Judge a title mention against the knowledge base: contradicted (title-mismatch), not
confirmable (title-unverified), or fine (nothing).

The rules it applies, in order (docs/rules/title-mismatch.md tells them for users):
- The title names the offices whose aliases it matches, narrowed by its qualifier ("Pakistan's",
  "U.S."), else by the person's own offices, else by the places the sentence or article names.
- The date that applies is the sentence's explicit date, else the publication date. A current
  title is right if it was right on either ("Prime Minister Keir Starmer said the 2008 crash ...");
  `then-` wants the sentence's date; `former` wants a term that began before the date, and is
  wrong for a holder the records show in office throughout the date with no earlier term ended.
  With no date at all (none in the article, none in the sentence) nothing is judged.
- A name the records do not know is read as the holder when it spells the holder's name another
  way ("Zelenskyi"); with the holder's surname but another given name it is a mismatch that
  asks "did you mean" the holder.
- Only what the records prove is an error: a holder other than the person held the office on
  that day (partial dates and handover days prove nothing), the day is inside the office's
  coverage, and the person is identified (a full name, or a surname of someone named in full
  earlier, or one qualified by the office's own country). Anything less is at most unverified.
- A holder whose term ended before the office's coverage began is history ("President Lincoln"):
  never reported.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Mapping

from ...kb import KnowledgeBase, Office
from .lexicon import Lexicon
from .mentions import NOT_NAMES, Mention
from .names import other_given_name, variant


@dataclass(frozen=True)
class Window:
    """An inclusive range of days the title is claimed for."""

    first: dt.date
    last: dt.date
    precision: str = "day"

    def __str__(self) -> str:
        if self.first == self.last:
            return f"on {self.bare}"
        return f"in {self.bare}" if self.precision in ("year", "month") else f"between {self.bare}"

    @property
    def bare(self) -> str:
        """The days without a preposition: "2023-05-02", "2019", "2019-03", "2019-03-01 and ..."."""
        if self.first == self.last:
            return self.first.isoformat()
        if self.precision == "year":
            return str(self.first.year)
        if self.precision == "month":
            return self.first.isoformat()[:7]
        return f"{self.first.isoformat()} and {self.last.isoformat()}"


@dataclass(frozen=True)
class Context:
    kb: KnowledgeBase
    lexicon: Lexicon
    offices: Mapping[str, tuple[Office, ...]]
    publication: Window | None
    """The article's own date (front matter, path, configured), None for an undated article."""
    sentence: Window | None
    sentence_places: frozenset[str]
    article_places: frozenset[str]
    named_before: Callable[[str], tuple[str, ...]]
    """Word -> people whose full name the article gave before this mention with that surname."""
    heading: bool = False
    dated_row: bool = False
    """The sentence's date is its table row's: the row tells its event as of that date."""


@dataclass(frozen=True)
class Verdict:
    rule: str
    """"mismatch" or "unverified"."""
    detail: str
    office: str = ""
    holder: str = ""
    when: str = ""
    person: str = ""


def judge(mention: Mention, ctx: Context) -> Verdict | None:
    if ctx.sentence is None and ctx.publication is None:
        return None  # no date to judge by: never today's, which is not the article's
    people, strength, name = _identify(mention, ctx)
    uncovered = ctx.lexicon.uncovered.get(mention.form)
    if uncovered is not None:
        return _contradiction(mention, ctx, people, strength, name, uncovered.contradicts)
    offices = ctx.offices.get(mention.form, ())
    if mention.place is not None:
        offices = tuple(o for o in offices if o.country == mention.place)
    if not offices:
        return None
    if people:
        return _known(mention, ctx, people, strength, offices)
    return _unknown(mention, ctx, name, offices)


# --- who is named -----------------------------------------------------------------------------


def _identify(mention: Mention, ctx: Context) -> tuple[tuple[str, ...], str, str]:
    """(person ids, how sure: full, named, surname or none, the name as it will be reported)."""
    words = mention.name.split()
    if mention.name_first:
        candidates = [words[i:] for i in range(len(words))]
    else:
        candidates = [words[:k] for k in range(len(words), 0, -1)]
    for seq in candidates:
        text = " ".join(seq)
        if len(seq) > 1:
            ids = ctx.kb.people_named(text)
            if ids:
                return ids, "full", text
            continue
        named = ctx.named_before(text)
        if named:
            return named, "named", ctx.kb.name_of(named[0])
        ids = ctx.kb.people_surnamed(text)
        if ids:
            return ids, "surname", text
    while words and words[-1] in NOT_NAMES:
        words.pop()
    return (), "none", " ".join(words)


# --- the date ---------------------------------------------------------------------------------


def _windows(mode: str, ctx: Context, office: Office | None = None) -> list[Window]:
    """The days a title must be wrong on to be wrong: the sentence's date and the publication
    date (a current title may be used of the past), or the sentence's date alone for `then-`,
    or when the publication date is past the office's records (nothing is known there)."""
    if ctx.sentence is None:
        return [ctx.publication] if ctx.publication else []
    if mode == "then" or ctx.dated_row or ctx.publication is None or (
            office is not None and not office.covers(ctx.publication.first, ctx.publication.last)):
        return [ctx.sentence]
    return [ctx.sentence, ctx.publication]


def _by_then(mode: str, ctx: Context) -> dt.date:
    """For `former` (and `then-` with no date): the term must have begun by this day."""
    return max(w.last for w in (ctx.publication, ctx.sentence) if w is not None)


# --- covered titles ---------------------------------------------------------------------------


def _known(mention: Mention, ctx: Context, people, strength: str, offices) -> Verdict | None:
    kb = ctx.kb
    if mention.place is not None and len(people) > 1:
        # "British Prime Minister Johnson": of the Johnsons, the one who held office in Britain.
        local = tuple(p for p in people if any(kb.offices[t.office].country == mention.place
                                               for t in kb.terms_of(p)))
        people = local or people
    held = tuple(o for o in offices if any(t.person in people for t in o.terms))
    if held:
        offices = held
    elif mention.place is None:
        homes = {kb.offices[t.office].country for p in people for t in kb.terms_of(p)}
        offices = tuple(o for o in offices if o.country in homes)
        if not offices:
            return None  # another country's title for this person ("Chancellor Rishi Sunak")
    terms = [t for o in offices for t in o.terms if t.person in people]
    past = mention.mode == "past" or (mention.mode == "then" and ctx.sentence is None)
    if mention.mode == "past":
        sitting = _still_in_office(mention, ctx, people, strength, offices, terms)
        if sitting is not None:
            return sitting
    if past:
        if any((t.start.earliest if t.start else dt.date.min) <= _by_then(mention.mode, ctx) for t in terms):
            return None
    elif any(t.possible(w.first, w.last) for t in terms for w in _windows(mention.mode, ctx)):
        return None
    office_of = {o.id: o for o in offices}
    if any(t.end is not None and t.end.latest < office_of[t.office].covered_from for t in terms):
        return None  # history: "President Lincoln"
    if strength == "surname" and not past and _answers_to_holder(mention, ctx, people):
        return None  # "Saudi King Abdullah": the holder's own name, not another's surname
    person = kb.name_of(people[0]) if len(people) == 1 else mention.name
    identified = strength in ("full", "named") or (strength == "surname" and mention.place is not None)
    when = (ctx.sentence or ctx.publication) if past else _windows(mention.mode, ctx)[0]
    if len(offices) != 1:
        return _unverified(f"the knowledge base does not show {person} as {_titles(offices, mention.title_text)} {when}",
                           offices[0], person, when)
    office = offices[0]
    windows = [when] if past else _windows(mention.mode, ctx, office)
    if not identified or len(people) != 1 or mention.mode == "acting":
        return _unverified(f"the knowledge base does not show {person} as {office.title} {when}"
                           + ("" if identified else "; give the full name so it can be checked"),
                           office, person, when)
    if not all(office.covers(w.first, w.last) for w in windows):
        return _beyond(office, person, when)
    mine = [t for t in office.terms if t.person == people[0]]
    if past:
        later = [t for t in mine if t.start and t.start.earliest > when.last]
        if not later:
            return _unverified(f"the knowledge base has no record of {person} as {office.title} before "
                               f"{when.last.isoformat()}", office, person, when)
        others = _holders(ctx.kb, office, when)
        return _mismatch(f"{person} took the office of {office.title} only {later[0].start.when}; "
                         f"{when} it was held by {others or 'no one'}", office, person, when, others)
    abolished = office.abolished
    if abolished is not None and all(w.first >= abolished for w in windows):
        left = max((t.end for t in mine if t.end), default=None)
        return _mismatch(f"{person} left the office of {office.title}{' ' + left.when if left else ''}; the office was abolished "
                         f"on {abolished.isoformat()}", office, person, when, "")
    if not all(_others_certain(office, w, people) for w in windows):
        return _unverified(f"the knowledge base does not show {person} as {office.title} {when}",
                           office, person, when)
    others = _holders(ctx.kb, office, when)
    before = [t for t in mine if t.end and t.end.latest < when.first]
    after = [t for t in mine if t.start and t.start.earliest > when.last]
    if before:
        lead = f"{person} left the office of {office.title} {max(t.end for t in before).when}"
    elif after:
        lead = f"{person} took the office of {office.title} only {min(t.start for t in after).when}"
    else:
        lead = f"{person} did not hold the office of {office.title} {when}"
        elsewhere = _other_office(ctx.kb, people[0], when, office)
        if elsewhere:
            lead += f" (they were {elsewhere} then)"
    return _mismatch(f"{lead}; {when} it was held by {others}", office, person, when, others)


def _still_in_office(mention: Mention, ctx: Context, people, strength: str, offices, terms) -> Verdict | None:
    """"Former Prime Minister Rishi Sunak" while he held the office: "former" and "ex-" say the
    term had ended. Wrong only where the records prove the person held the office throughout
    every date that applies (the sentence's and the publication date, as for a current title)
    and no term of theirs had ended by then (a returning holder is also a former one)."""
    identified = strength in ("full", "named") or (strength == "surname" and mention.place is not None)
    if not identified or len(people) != 1 or len({t.office for t in terms}) != 1:
        return None
    office = next(o for o in offices if o.id == terms[0].office)
    windows = _windows("current", ctx, office)
    if not windows or not all(office.covers(w.first, w.last) for w in windows):
        return None
    for window in windows:
        if any(t.end is not None and t.end.earliest <= window.last for t in terms):
            return None
        if not any(_throughout(t, window, office.covered_to) for t in terms):
            return None
    term = next(t for t in terms if _throughout(t, windows[0], office.covered_to))
    person = ctx.kb.name_of(people[0])
    return _mismatch(f"{person} held the office of {office.title} {windows[0]} (in office from {term.start}), "
                     f"so '{_modifier(mention)}' is wrong: the term had not ended", office, person, windows[0], person)


def _throughout(term, window: Window, checked: dt.date) -> bool:
    """Whether the records prove the person held the office on every day of the window."""
    if term.start is None or term.acting or term.start.latest > window.first:
        return False
    return term.end.earliest > window.last if term.end else window.last <= checked


def _modifier(mention: Mention) -> str:
    return mention.modifier or "former"


def _unknown(mention: Mention, ctx: Context, name: str, offices) -> Verdict | None:
    if ctx.heading or not name:
        return None  # a title-case headline makes every word look like a name
    if len(name.split()) < 2 and mention.place is None:
        return None  # "Premier League", "King Lear", "2 PM Eastern": one word is too little
    if mention.name_first and mention.place is None:
        return None  # "Jane Doe, the president," may be any president
    places = ctx.sentence_places | ctx.article_places
    if mention.place is None:
        # The name may hold an office the knowledge base lacks: the same title in a place the
        # sentence names, or a title that other places share ("Chancellor" in a British story).
        covered = {o.country for o in ctx.kb.offices.values()}
        shared = ctx.lexicon.shared.get(mention.form, frozenset())
        if mention.form in ctx.lexicon.shared_where_lacking:
            # A post nearly every country has ("finance minister"): in a covered country whose
            # post the records lack, the holder is a name they cannot know.
            shared = shared | (covered - {o.country for o in offices})
        if places & shared or any(p not in covered for p in ctx.sentence_places):
            return None
        narrowed = tuple(o for o in offices if o.country in ctx.sentence_places)
        determined = len(narrowed) == 1 or (len(offices) == 1 and offices[0].country in places)
        if not determined and any(p not in covered for p in places):
            return None
        if determined:
            offices = narrowed or offices
    else:
        determined = len(offices) == 1
    office = offices[0]
    windows = _windows(mention.mode, ctx, office)
    when = windows[0]
    holders = _holder_ids(offices, windows)
    if any(variant(name, _forms(ctx.kb, person)) for person in holders):
        return None  # "Hugo Chaves", "Volodymyr Zelenskiy": the holder, spelt another way
    if not (determined and len(offices) == 1 and mention.words > 1 and mention.mode == "current"):
        return _unverified(f"the knowledge base has no record of {name} as {_titles(offices, mention.title_text)}",
                           office, name, when)
    if not all(office.covers(w.first, w.last) for w in windows):
        return _beyond(office, name, when)
    if not all(_others_certain(office, w, ()) for w in windows):
        return _unverified(f"the knowledge base has no record of {name} as {office.title}", office, name, when)
    others = _holders(ctx.kb, office, when)
    near = [ctx.kb.name_of(p) for p in _holder_ids((office,), [when]) if other_given_name(name, _forms(ctx.kb, p))]
    hint = f"Did you mean {' or '.join(near)}? " if near else ""
    return _mismatch(f"{hint}The knowledge base has no record of {name} as {office.title}; {when} it was held "
                     f"by {others}", office, name, when, others)


# --- uncovered titles -------------------------------------------------------------------------


def _contradiction(mention: Mention, ctx: Context, people, strength, name, roles) -> Verdict | None:
    identified = strength in ("full", "named") or (strength == "surname" and mention.place is not None)
    if not roles or not people or len(people) != 1 or not identified or mention.mode in ("past", "acting"):
        return None
    for term in ctx.kb.terms_of(people[0]):
        office = ctx.kb.offices[term.office]
        if mention.place is not None and office.country != mention.place:
            continue
        if not set(office.roles) & set(roles) or term.acting:
            continue
        if all(office.covers(w.first, w.last) and term.certain(w.first, w.last, office.covered_to)
               for w in _windows(mention.mode, ctx, office)):
            person = ctx.kb.name_of(people[0])
            when = _windows(mention.mode, ctx, office)[0]
            return _mismatch(f"{person} was {office.title} {when} (in office from {term.start}), which "
                             f"rules out '{mention.title_text.lower()}'", office, person, when, person)
    return None


# --- helpers ----------------------------------------------------------------------------------


def _holder_ids(offices, windows) -> tuple[str, ...]:
    """Everyone who may have held one of the offices on one of the windows' days."""
    return tuple(dict.fromkeys(t.person for o in offices for w in windows for t in o.holders(w.first, w.last)))


def _answers_to_holder(mention: Mention, ctx: Context, people) -> bool:
    """Whether someone else who held an office of this title then answers to the written name."""
    offices = [o for o in ctx.offices.get(mention.form, ()) if mention.place in (None, o.country)]
    return any(variant(mention.name, _forms(ctx.kb, p)) for p in _holder_ids(offices, _windows(mention.mode, ctx))
               if p not in people)


def _forms(kb: KnowledgeBase, person: str) -> tuple[str, ...]:
    info = kb.people[person]
    return (info.name, *info.aliases)


def _others_certain(office: Office, window: Window, people) -> bool:
    return any(t.person not in people for t in office.certain_holders(window.first, window.last))


def _holders(kb: KnowledgeBase, office: Office, window: Window) -> str:
    """Who may have held the office in the window, in order ("Liz Truss and Rishi Sunak")."""
    names: list[str] = []
    for term in sorted(office.holders(window.first, window.last),
                       key=lambda t: t.start.earliest if t.start else dt.date.min):
        label = kb.name_of(term.person) + (f" ({term.status})" if term.status in ("acting", "interim") else "")
        if label not in names:
            names.append(label)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _other_office(kb: KnowledgeBase, person: str, window: Window, not_this: Office) -> str:
    for term in kb.terms_of(person):
        office = kb.offices[term.office]
        if office.id != not_this.id and term.certain(window.first, window.last, office.covered_to):
            return office.title
    return ""


def _titles(offices, written: str = "") -> str:
    titles = [o.title for o in offices]
    if len(titles) > 3 and written:
        return f"any {written.lower()} it covers"
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " or " + titles[-1]


def _beyond(office: Office, person: str, when: Window) -> Verdict | None:
    return _unverified(f"the knowledge base's records of {office.title} cover {office.covered_from.isoformat()} "
                       f"to {office.covered_to.isoformat()}, not {when.bare}", office, person, when)


def _unverified(detail: str, office: Office, person: str, when: Window) -> Verdict | None:
    """A warning that the records cannot confirm the title; none for a time before the office's
    records begin: an article about 1987 ("Prime Minister Jacques Chirac", "former Secretary of
    State Edmund Muskie") is history the knowledge base does not hold, not a claim to check."""
    if when.last < office.covered_from:
        return None
    return Verdict("unverified", detail, office.title, "", str(when), person)


def _mismatch(detail: str, office: Office, person: str, when: Window, holder: str) -> Verdict:
    return Verdict("mismatch", detail, office.title, holder, str(when), person)
