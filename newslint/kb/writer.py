"""The pieces `newslint kb import` shares between its readers (reading a JSON input, writing YAML) (one module per format:
`wikidata` for a SPARQL result, `holders_csv` for every-politician-scrapers' holders21.csv,
`vdyknow` for V-DyKnow's wikidata_combined.json, `reign` and `archigos` for the leader data
sets): rows of (office, person, start, end) in, one knowledge-base file out.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError, UsageError
from .records import PartialDate


def read_json(path: Path) -> Any:
    """An import's JSON file; a file that cannot be read or parsed is a ConfigError at its line."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise ConfigError(path, 1, f"cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise ConfigError(path, 1, f"not UTF-8 ({err.reason} at byte {err.start})") from None
    if not text.strip():
        raise ConfigError(path, 1, "empty file; JSON expected")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ConfigError(path, err.lineno, f"not JSON: {err.msg}") from None


@dataclass(frozen=True)
class Row:
    """One term of one person in one office. The Wikidata ids are None when a format has none
    (V-DyKnow gives labels only; holders21.csv has no position ids): labels key them then."""

    person: str | None
    person_label: str
    position: str | None
    position_label: str
    start: PartialDate | None
    end: PartialDate | None
    acting: bool = False
    note: str = ""
    person_key: str | None = None
    """Who the person is when there is no Wikidata id (REIGN: the name and year of birth;
    Archigos: its leadid); the label otherwise."""
    surname_only: bool = False
    """The label is what a leader data set writes (mostly a surname, without accents), not a
    full name: the file says so beside the person, for a reviewer to fill in."""


@dataclass(frozen=True)
class Spells:
    """What a leader data set (REIGN, Archigos) gives for one state: its rows, and the last day
    the whole file knows of (after it, a term it leaves open may have ended)."""

    rows: tuple[Row, ...]
    latest: dt.date | None


def to_yaml(rows: list[Row], country: str, name: str, checked: dt.date, since: dt.date | None = None,
            source: str = "an import", roles: tuple[str, ...] = ()) -> str:
    """The knowledge-base file for these rows: one office per position (with `roles`, when the
    caller knows them), people by their labels."""
    if not rows:
        raise UsageError("the source has no rows to import")
    people: dict[str, dict] = {}
    ids: dict[str, str] = {}
    offices: dict[str, dict] = {}
    office_ids: set[str] = set()
    for row in sorted(rows, key=lambda r: (r.position_label, r.start or PartialDate(1))):
        person_key = row.person or row.person_key or row.person_label
        person_id = ids.setdefault(person_key, _unique(_slug(row.person_label), set(ids.values())))
        person: dict[str, Any] = {"name": row.person_label}
        if row.person:
            person["wikidata"] = row.person
        people.setdefault(person_id, person)
        position_key = row.position or row.position_label
        if position_key not in offices:
            office_id = _unique(f"{_slug(country)}-{_slug(row.position_label)}", office_ids)
            office_ids.add(office_id)
            office: dict[str, Any] = {"id": office_id, "title": row.position_label}
            if roles:
                office["roles"] = list(roles)
            office["aliases"] = [_alias(row.position_label, (name, country))]
            if row.position:
                office["wikidata"] = row.position
            office["coverage"] = {"from": (since or _earliest(rows, position_key)).isoformat()}
            office["holders"] = []
            offices[position_key] = office
        holder: dict[str, Any] = {"person": person_id}
        if row.start:
            holder["start"] = _date_value(row.start)
        if row.end:
            holder["end"] = _date_value(row.end)
        if row.acting:
            holder["status"] = "acting"
        if row.note:
            holder["note"] = row.note
        if holder not in offices[position_key]["holders"]:
            offices[position_key]["holders"].append(holder)
    document = {
        "country": country,
        "name": name,
        "checked": checked.isoformat(),
        "offices": list(offices.values()),
    }
    unnamed = {ids[row.person or row.person_key or row.person_label] for row in rows if row.surname_only}
    header = (f"# Imported by `newslint kb import` on {checked.isoformat()} from {source}.\n"
              "# Check the roles and aliases of each office (the import cannot know them), and every date\n"
              "# against a second source; note disagreements beside the entry.\n")
    if unnamed:
        header += ("# The source names its leaders as it writes them, mostly by surname and without accents:\n"
                   "# write each marked person's full name (keep the source's form as an alias).\n")
    return (header + _dump(document) + "people:\n"
            + "".join(_person(pid, person, pid in unnamed) for pid, person in people.items()))


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)


def _person(pid: str, person: dict, unnamed: bool) -> str:
    """One entry of `people`, dumped alone so that a comment can stand above it (YAML has no
    comments in its data model)."""
    mark = "  # TODO full name: the source gives only this form\n" if unnamed else ""
    return mark + "".join(f"  {line}\n" for line in _dump({pid: person}).splitlines())


def _earliest(rows: list[Row], position_key: str) -> dt.date:
    starts = [r.start.earliest for r in rows if (r.position or r.position_label) == position_key and r.start]
    return min(starts) if starts else dt.date(2000, 1, 1)


def _date_value(date: PartialDate) -> Any:
    return str(date) if date.day is None else dt.date(date.year, date.month, date.day)


def _alias(label: str, places: tuple[str, ...]) -> str:
    """"Prime Minister of Belgium" -> "prime minister": the title without its place. Only the
    country's name or code is cut, so "Minister of External Affairs" keeps its own words."""
    names = "|".join(re.escape(p) for p in places if p)
    cut = re.sub(rf"\s+of\s+(?:the\s+)?(?:{names})\b.*$", "", label, flags=re.IGNORECASE) if names else label
    return cut.strip().lower()


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
