"""The knowledge base's compiled form: validated offices, people and countries as plain JSON.

`loading` stores this form after validating a set of files and reads it back when the same
files (same paths, same bytes, same newslint) are loaded again, so an unchanged base is neither
parsed nor re-validated. The indexes by folded alias, name and surname are stored too: folding
every name again was most of the cost of loading a large base.
`from_plain(to_plain(x))` must equal `x` field for field: tests/test_kb_cache.py checks it on
the built-in base. Anything malformed raises ValueError (a damaged entry: the caller reloads).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from .records import KnowledgeBase, Office, PartialDate, Person, Term, terms_by_person


def to_plain(kb: KnowledgeBase) -> dict:
    return {"offices": [_office(office) for office in kb.offices.values()],
            "people": [[p.id, p.name, list(p.aliases), p.wikidata] for p in kb.people.values()],
            "countries": [[code, name] for code, name in kb.countries.items()],
            "by_alias": [[key, [office.id for office in offices]] for key, offices in kb.by_alias.items()],
            "by_name": [[key, list(ids)] for key, ids in kb.by_name.items()],
            "by_surname": [[key, list(ids)] for key, ids in kb.by_surname.items()]}


def from_plain(data: Any) -> KnowledgeBase:
    try:
        offices = {o.id: o for o in (_read_office(item) for item in data["offices"])}
        people = {pid: Person(pid, name, tuple(aliases), wikidata) for pid, name, aliases, wikidata in data["people"]}
        return KnowledgeBase(
            offices, people, {code: name for code, name in data["countries"]},
            {key: tuple(offices[oid] for oid in ids) for key, ids in data["by_alias"]},
            {key: tuple(ids) for key, ids in data["by_name"]},
            {key: tuple(ids) for key, ids in data["by_surname"]},
            terms_by_person(offices))
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ValueError(f"damaged compiled knowledge base: {err}") from None


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
