"""The knowledge base's compiled form: validated offices, people and countries as plain JSON.

`loading` stores this form after validating a set of files and reads it back when the same
files (same paths, same bytes, same newslint) are loaded again, so an unchanged base is neither
parsed nor re-validated; the indexes are rebuilt from it (`records.index`), which is cheap.
`from_plain(to_plain(x))` must equal `x` field for field: tests/test_kb_cache.py checks it on
the built-in base. Anything malformed raises ValueError (a damaged entry: the caller reloads).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from .records import KnowledgeBase, Office, PartialDate, Person, Term, index


def to_plain(kb: KnowledgeBase) -> dict:
    return {"offices": [_office(office) for office in kb.offices.values()],
            "people": [[p.id, p.name, list(p.aliases), p.wikidata] for p in kb.people.values()],
            "countries": [[code, name] for code, name in kb.countries.items()]}


def from_plain(data: Any) -> KnowledgeBase:
    try:
        offices = [_read_office(item) for item in data["offices"]]
        people = [Person(pid, name, tuple(aliases), wikidata) for pid, name, aliases, wikidata in data["people"]]
        countries = {code: name for code, name in data["countries"]}
    except (KeyError, TypeError, ValueError) as err:
        raise ValueError(f"damaged compiled knowledge base: {err}") from None
    return index({o.id: o for o in offices}, {p.id: p for p in people}, countries)


def _office(office: Office) -> list:
    return [office.id, office.country, office.title, list(office.roles), list(office.aliases),
            office.covered_from.isoformat(), office.covered_to.isoformat(),
            [[t.office, t.person, _partial(t.start), _partial(t.end), t.status, t.note] for t in office.terms],
            office.wikidata, office.abolished.isoformat() if office.abolished else None, office.source]


def _read_office(item: list) -> Office:
    (oid, country, title, roles, aliases, covered_from, covered_to, terms, wikidata, abolished,
     source) = item
    return Office(oid, country, title, tuple(roles), tuple(aliases), dt.date.fromisoformat(covered_from),
                  dt.date.fromisoformat(covered_to),
                  tuple(Term(o, p, _read_partial(s), _read_partial(e), status, note)
                        for o, p, s, e, status, note in terms),
                  wikidata, dt.date.fromisoformat(abolished) if abolished else None, source)


def _partial(date: PartialDate | None) -> list | None:
    return None if date is None else [date.year, date.month, date.day]


def _read_partial(value: list | None) -> PartialDate | None:
    return None if value is None else PartialDate(*value)
