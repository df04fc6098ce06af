"""The knowledge base's records: offices, their holders' terms, people, and the indexes that make
a lookup a dictionary probe (office by folded title alias, person by folded name, alias and
surname, terms by person). `loading.py` reads the files; this module never touches a file.

What it must never do: guess a date it was not given, or claim knowledge past an office's
coverage: after `coverage.to` nothing is known, and the callers must say so.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Mapping

ROLES = ("head-of-state", "head-of-government", "foreign-minister", "secretary-general",
         "commission-president", "council-president", "high-representative", "chairperson",
         "defence-minister", "finance-minister", "interior-minister", "justice-minister", "health-minister",
         "central-bank-governor")
STATUSES = ("acting", "interim", "caretaker")
"""Acting and interim terms may overlap a full term (a suspended president, an incapacitated
prime minister); caretaker terms are full terms that happen to be temporary."""
NOT_SURNAMES = {"jr", "sr", "ii", "iii", "iv"}

def fold(text: str) -> str:
    """A matching key: lowercase, without diacritics, dots or hyphens ("Erdoğan" -> "erdogan",
    "S. Jaishankar" -> "s jaishankar", "Amir-Abdollahian" -> "amir abdollahian")."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace(".", " ").replace("-", " ").replace("‐", " ")
    return " ".join(text.split())


_SPECIAL = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                          "Đ": "D", "ß": "ss", "æ": "ae", "œ": "oe"})


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year (Wikidata's precisions)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, self.month, self.day)

    def __str__(self) -> str:
        return "-".join([f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p])

    @property
    def when(self) -> str:
        """The date after a preposition in a sentence: "on 2023-10-05", but "in 2023-10"."""
        return f"{'on' if self.day else 'in'} {self}"

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """2022-09-06 (a YAML date), "2022-09", 2022 or "2022"; ValueError otherwise."""
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if isinstance(value, str):
            parts = value.strip().split("-")
            if 1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
                numbers = [int(p) for p in parts]
                try:
                    dt.date(numbers[0], *(numbers[1:] + [1, 1])[:2])
                except ValueError:
                    pass
                else:
                    return cls(*numbers)
        raise ValueError(f"{value!r} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)")


@dataclass(frozen=True)
class Term:
    office: str
    person: str
    start: PartialDate | None
    """None: before the records begin."""
    end: PartialDate | None
    """None: still in office when the office's data was last checked."""
    status: str | None = None
    note: str = ""

    @property
    def acting(self) -> bool:
        return self.status in ("acting", "interim")

    def possible(self, first: dt.date, last: dt.date) -> bool:
        """Whether the person may have held the office on some day of first..last."""
        starts = self.start.earliest if self.start else dt.date.min
        ends = self.end.latest if self.end else dt.date.max
        return starts <= last and ends >= first

    def certain(self, first: dt.date, last: dt.date, checked: dt.date) -> bool:
        """Whether the records prove the person held it on some day of first..last; an open term
        proves nothing after `checked`, and a day of handover proves nothing either way."""
        if self.start is None:
            return False
        starts = self.start.latest
        ends = self.end.earliest - dt.timedelta(days=1) if self.end else checked
        return starts <= min(last, ends) and max(first, starts) <= ends and first <= ends


@dataclass(frozen=True)
class Office:
    id: str
    country: str
    title: str
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    covered_from: dt.date
    covered_to: dt.date
    terms: tuple[Term, ...]
    wikidata: str | None = None
    abolished: dt.date | None = None
    source: str = ""

    def covers(self, first: dt.date, last: dt.date) -> bool:
        return self.covered_from <= first and last <= self.covered_to

    def holders(self, first: dt.date, last: dt.date) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.possible(first, last))

    def certain_holders(self, first: dt.date, last: dt.date) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.certain(first, last, self.covered_to))


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    offices: Mapping[str, Office]
    people: Mapping[str, Person]
    countries: Mapping[str, str]
    """Country or organisation code -> its name, from the files."""
    by_alias: Mapping[str, tuple[Office, ...]] = field(default_factory=dict)
    by_name: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Folded full name or listed alias -> person ids."""
    by_surname: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Folded last word of a name -> person ids (weaker evidence than a full name)."""
    terms_by_person: Mapping[str, tuple[Term, ...]] = field(default_factory=dict)

    @property
    def as_of(self) -> dt.date:
        """The date to which every office is checked (the earliest `coverage.to`)."""
        return min(o.covered_to for o in self.offices.values())

    def offices_titled(self, alias: str) -> tuple[Office, ...]:
        return self.by_alias.get(fold(alias), ())

    def people_named(self, name: str) -> tuple[str, ...]:
        return self.by_name.get(fold(name), ())

    def people_surnamed(self, surname: str) -> tuple[str, ...]:
        key = fold(surname)
        return self.by_name.get(key, ()) + tuple(p for p in self.by_surname.get(key, ())
                                                 if p not in self.by_name.get(key, ()))

    def terms_of(self, person: str) -> tuple[Term, ...]:
        return self.terms_by_person.get(person, ())

    def name_of(self, person: str) -> str:
        return self.people[person].name if person in self.people else person

    def country_code(self, text: str) -> str | None:
        """A code as given ("GB") or the code of a name the files give ("United Kingdom")."""
        if text.upper() in self.countries:
            return text.upper()
        key = fold(text)
        return next((code for code, name in self.countries.items() if fold(name) == key), None)

    def who(self, title: str, on: dt.date, country: str | None = None) -> list[tuple[Office, tuple[Term, ...]]]:
        """Each office with that title (in that country) and who held it on that day. The title
        may be an alias ("PM"), the office's full title or its id ("gb-prime-minister")."""
        key = fold(title)
        named = [o for o in self.offices.values() if fold(o.title) == key or o.id == title.strip().lower()]
        offices = [o for o in named or self.offices_titled(title) if country is None or o.country == country]
        return [(office, office.holders(on, on)) for office in offices]


# --- loading ----------------------------------------------------------------------------------


def index(offices: Mapping[str, Office], people: Mapping[str, Person], countries: Mapping[str, str]) -> KnowledgeBase:
    by_alias: dict[str, list[Office]] = {}
    for office in offices.values():
        for alias in office.aliases:
            bucket = by_alias.setdefault(fold(alias), [])
            if office not in bucket:
                bucket.append(office)
    by_name: dict[str, list[str]] = {}
    by_surname: dict[str, list[str]] = {}
    for person in people.values():
        for form in (person.name, *person.aliases):
            _add(by_name, fold(form), person.id)
        words = fold(person.name).split()
        surname = next((w for w in reversed(words) if w not in NOT_SURNAMES), None)
        if surname and len(words) > 1:
            _add(by_surname, surname, person.id)
    return KnowledgeBase(
        dict(offices), dict(people), dict(countries),
        {k: tuple(v) for k, v in by_alias.items()},
        {k: tuple(v) for k, v in by_name.items()},
        {k: tuple(v) for k, v in by_surname.items()},
        terms_by_person(offices))


def terms_by_person(offices: Mapping[str, Office]) -> dict[str, tuple[Term, ...]]:
    terms: dict[str, list[Term]] = {}
    for office in offices.values():
        for term in office.terms:
            terms.setdefault(term.person, []).append(term)
    return {k: tuple(sorted(v, key=lambda t: t.start or PartialDate(1))) for k, v in terms.items()}


def _add(table: dict, key: str, value: str) -> None:
    if key and value not in table.setdefault(key, []):
        table[key].append(value)
