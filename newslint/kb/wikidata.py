"""`newslint kb import` and `newslint kb who`: refresh the knowledge base from a Wikidata query,
and ask it who held an office.

`import` reads the JSON a Wikidata SPARQL query returns (docs/kb.md gives the query: people with
P39 "position held", P580 "start time", P582 "end time", with their precisions) and writes the
knowledge base's YAML, one office per position. It reads a local file only: newslint never
touches the network. Dates keep Wikidata's precision (a year-precision end stays a year), so a
partial date never becomes an error near its boundary.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import UsageError
from .records import KnowledgeBase, PartialDate
from .writer import Row, read_json, to_yaml

WIKIDATA_ENTITY = re.compile(r"^https?://www\.wikidata\.org/entity/(Q\d+)$")
# Wikidata's time precisions: 9 year, 10 month, 11 day.
PRECISION_PARTS = {9: 1, 10: 2, 11: 3}


def read_rows(path: Path) -> list[Row]:
    """The bindings of a SPARQL JSON result, checked: every row needs a person and a position."""
    data = read_json(path)
    try:
        bindings = data["results"]["bindings"]
    except (KeyError, TypeError):
        raise UsageError(f"{path}: not a SPARQL JSON result (no results.bindings)") from None
    rows = []
    for number, binding in enumerate(bindings, start=1):
        try:
            rows.append(Row(
                _entity(binding["person"]), _value(binding, "personLabel") or _entity(binding["person"]),
                _entity(binding["position"]), _value(binding, "positionLabel") or _entity(binding["position"]),
                _time(binding, "start"), _time(binding, "end"),
                acting=bool(_value(binding, "acting")) and _value(binding, "acting") not in ("false", "0")))
        except (KeyError, ValueError) as err:
            raise UsageError(f"{path}: result row {number}: {err}") from None
    return rows


def _value(binding: dict, name: str) -> str | None:
    cell = binding.get(name)
    return cell.get("value") if isinstance(cell, dict) else None


def _entity(cell: dict) -> str:
    value = cell.get("value", "")
    match = WIKIDATA_ENTITY.match(value)
    if not match:
        raise ValueError(f"{value!r} is not a Wikidata entity URI")
    return match.group(1)


def _time(binding: dict, name: str) -> PartialDate | None:
    """A Wikidata time with its precision (`startPrecision`), day precision when none is given."""
    value = _value(binding, name)
    if not value:
        return None
    match = re.match(r"^\+?(-?\d{4,})-(\d\d)-(\d\d)", value)
    if not match:
        raise ValueError(f"{name} {value!r} is not a Wikidata time")
    precision = _value(binding, f"{name}Precision")
    parts = PRECISION_PARTS.get(int(precision), 3) if precision and precision.isdigit() else 3
    if precision and precision.isdigit() and int(precision) < 9:
        return None  # a decade or a century says nothing useful about a term of office
    year, month, day = (int(g) for g in match.groups())
    known = [year, month or None, day or None][:parts]
    if len(known) > 1 and known[1] is None:
        known = known[:1]  # no month: a day alone means nothing
    if year < 1 or year > 9999:
        raise ValueError(f"{name} {value!r} is outside the years 1 to 9999")
    # Parsed again from its text, so that a month 13 or a 31 February is an error here, at its
    # row, rather than in the writer.
    return PartialDate.parse("-".join([f"{year:04d}"] + [f"{n:02d}" for n in known[1:] if n]))


def describe_holders(kb: KnowledgeBase, title: str, on: dt.date, country: str | None) -> list[str]:
    """Lines for `newslint kb who`: each office with that title and who held it that day."""
    lines = []
    for office, terms in kb.who(title, on, country):
        if not office.covers(on, on):
            last = office.holders(office.covered_to, office.covered_to)
            known = f"; on {office.covered_to.isoformat()}: " + ", ".join(kb.name_of(t.person) for t in last) if last else ""
            lines.append(f"{office.title}: unknown on {on.isoformat()} (records cover "
                         f"{office.covered_from.isoformat()} to {office.covered_to.isoformat()}{known})")
            continue
        if not terms:
            lines.append(f"{office.title}: no holder on {on.isoformat()}")
            continue
        for term in terms:
            span = f"{term.start or '?'} to {term.end or 'present'}"
            status = f", {term.status}" if term.status else ""
            lines.append(f"{office.title}: {kb.name_of(term.person)} ({span}{status})")
    return lines


def import_file(path: Path, country: str, name: str, checked: dt.date, since: dt.date | None = None) -> str:
    """`newslint kb import`: the YAML for a SPARQL JSON result file."""
    return to_yaml(read_rows(path), country, name, checked, since, source="a Wikidata query result")
