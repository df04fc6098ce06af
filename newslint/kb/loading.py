"""Load the knowledge base: read the office-holder YAML files of a pack's `data/officeholders/`
folder and a newsroom's own (config `kb:`), merged with the later files' entries winning,
validated as strictly as rule files (unknown keys, roles or statuses, undefined people and
malformed dates are ConfigErrors at their line), then indexed (`records.index`). docs/kb.md
gives the format. A base loads once per process per set of paths; nothing here touches the
network.

A set of files already validated and unchanged since (same paths, same bytes, same newslint) is
read from its compiled form (`stored`, through `newslint.compiled`) instead: the strict
validation runs whenever any of them changed, and at least once per cache folder.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from .. import compiled
from ..errors import ConfigError
from ..yamlfile import MAX_FILE_BYTES, YamlDoc, read_yaml_file
from . import stored
from .records import ROLES, STATUSES, KnowledgeBase, Office, PartialDate, Person, Term, index

FILE_KEYS = {"country", "name", "checked", "offices", "people"}
OFFICE_KEYS = {"id", "country", "title", "roles", "aliases", "wikidata", "coverage", "abolished",
               "holders", "add-holders", "note"}
HOLDER_KEYS = {"person", "start", "end", "status", "note"}
PERSON_KEYS = {"name", "aliases", "wikidata", "note"}


def kb_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files of folders (sorted by name) and files, in the order given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise ConfigError(path, 1, "knowledge-base path does not exist")
    return files


@functools.lru_cache(maxsize=8)
def load_kb(paths: tuple[Path, ...]) -> KnowledgeBase:
    """The merged base of these folders and files; later ones override earlier ones by id."""
    files = kb_files(paths)
    key = _compiled_key(files)
    if key is not None:
        data = compiled.load("kb", key)
        if data is not None:
            try:
                return stored.from_plain(data)
            except ValueError:
                pass  # a damaged entry: validate and store it again
    offices: dict[str, dict] = {}
    people: dict[str, Person] = {}
    countries: dict[str, str] = {}
    for path in files:
        _read_file(read_yaml_file(path), offices, people, countries)
    built = {oid: _build_office(raw, people) for oid, raw in offices.items()}
    kb = index(built, people, countries)
    if key is not None:
        compiled.store("kb", key, stored.to_plain(kb))
    return kb


_CODE = tuple(Path(__file__).with_name(name) for name in ("loading.py", "records.py", "stored.py"))


def _compiled_key(files: list[Path]) -> str | None:
    """The compiled form's key: every file's path and bytes (None: no cache, or a file that
    cannot be read, which the loader then reports at its path)."""
    if not compiled.enabled():
        return None
    try:
        if any(path.stat().st_size > MAX_FILE_BYTES for path in files):
            return None  # the loader refuses it, without reading it all
        return compiled.digest("kb", _CODE, ((str(path), path.read_bytes()) for path in files))
    except OSError:
        return None


def _read_file(doc: YamlDoc, offices: dict, people: dict, countries: dict) -> None:
    data = doc.data
    if data is None:
        return
    if not isinstance(data, dict):
        raise doc.error("a knowledge-base file must be a mapping with 'offices' and 'people'")
    _known_keys(doc, data, FILE_KEYS, ())
    country = data.get("country")
    if country is not None:
        if not isinstance(country, str) or not country.strip():
            raise doc.error("'country' must be a code such as GB or UN", "country")
        if "name" in data:
            countries[country] = _text(doc, data["name"], ("name",))
        else:
            countries.setdefault(country, country)
    checked = _date(doc, data["checked"], ("checked",)).latest if "checked" in data else None
    for pid, raw in (_mapping(doc, data.get("people", {}), ("people",))).items():
        at = ("people", pid)
        raw = _mapping(doc, raw, at)
        _known_keys(doc, raw, PERSON_KEYS, at)
        people[str(pid)] = Person(str(pid), _text(doc, raw.get("name"), at + ("name",)),
                                  _aliases(doc, raw.get("aliases", []), at + ("aliases",)),
                                  _optional_text(doc, raw.get("wikidata"), at + ("wikidata",)))
    given: dict[str, int] = {}
    for number, raw in enumerate(_list(doc, data.get("offices", []), ("offices",))):
        at = ("offices", number)
        raw = _mapping(doc, raw, at)
        _known_keys(doc, raw, OFFICE_KEYS, at)
        oid = _text(doc, raw.get("id"), at + ("id",))
        # Across files a repeated id overrides (a newsroom's correction); within one file it is a
        # copy-and-paste slip that would silently merge two offices.
        if oid in given:
            raise doc.error(f"office id {oid!r} is given twice in this file (also at line {given[oid]})", *at, "id")
        given[oid] = doc.line(*at, "id")
        # An office is kept as {key: (value, doc, key path)} so that an error in a merged entry
        # still points at the file and line that wrote it; holders as a list of such triples.
        merged = offices.setdefault(oid, {"id": (oid, doc, at + ("id",)), "holders": [],
                                          "country": (country, doc, at), "checked": (checked, doc, at)})
        for key, value in raw.items():
            if key in ("holders", "add-holders"):
                entries = [(h, doc, at + (key, i)) for i, h in enumerate(_list(doc, value, at + (key,)))]
                merged["holders"] = (merged["holders"] if key == "add-holders" else []) + entries
            elif key != "id":
                merged[key] = (value, doc, at + (key,))
        if country is not None and "country" not in raw:
            merged["country"] = (country, doc, at)
        if checked is not None:
            merged["checked"] = (checked, doc, at)


def _build_office(raw: dict, people: Mapping[str, Person]) -> Office:
    oid, doc, at = raw["id"]

    def get(key: str, default: Any = None) -> tuple[Any, YamlDoc, tuple]:
        return raw.get(key, (default, doc, at[:-1] + (key,)))

    country, cdoc, cat = get("country")
    if not isinstance(country, str) or not country:
        raise cdoc.error(f"office {oid!r} has no country (give 'country' in the file or the office)", *cat)
    title = _text(get("title")[1], get("title")[0], get("title")[2])
    roles_value, rdoc, rat = get("roles", [])
    roles = _texts(rdoc, roles_value, rat)
    for i, role in enumerate(roles):
        if role not in ROLES:
            raise rdoc.error(f"unknown role {role!r} (known: {', '.join(ROLES)})", *rat, i)
    aliases_value, adoc, aat = get("aliases", [])
    aliases = tuple(dict.fromkeys(_aliases(adoc, aliases_value, aat)))
    coverage, vdoc, vat = get("coverage")
    checked = get("checked")[0]
    coverage = _mapping(vdoc, coverage, vat) if coverage is not None else {}
    _known_keys(vdoc, coverage, {"from", "to"}, vat)
    if "from" not in coverage:
        raise vdoc.error(f"office {oid!r} needs 'coverage: {{from: ...}}'", *vat)
    covered_from = _date(vdoc, coverage["from"], vat + ("from",)).earliest
    if "to" in coverage:
        covered_to = _date(vdoc, coverage["to"], vat + ("to",)).latest
    elif checked is not None:
        covered_to = checked
    else:
        raise vdoc.error(f"office {oid!r} needs 'coverage.to' or a file-level 'checked' date", *vat)
    if covered_to < covered_from:
        raise vdoc.error(f"office {oid!r}: coverage ends ({covered_to}) before it begins ({covered_from})", *vat)
    abolished_value, bdoc, bat = get("abolished")
    abolished = _date(bdoc, abolished_value, bat).earliest if abolished_value is not None else None
    terms = tuple(_term(oid, h, d, a, people) for h, d, a in raw["holders"])
    _no_overlap(oid, [(term, d, a) for term, (_, d, a) in zip(terms, raw["holders"])])
    wikidata, wdoc, wat = get("wikidata")
    return Office(oid, country, title, roles, aliases, covered_from, covered_to, terms,
                  _optional_text(wdoc, wikidata, wat), abolished, str(doc.path))


def _term(oid: str, raw: Any, doc: YamlDoc, at: tuple, people: Mapping[str, Person]) -> Term:
    raw = _mapping(doc, raw, at)
    _known_keys(doc, raw, HOLDER_KEYS, at)
    person = _text(doc, raw.get("person"), at + ("person",))
    if person not in people:
        raise doc.error(f"holder {person!r} of {oid!r} is not in any file's 'people'", *at, "person")
    start = _date(doc, raw["start"], at + ("start",)) if raw.get("start") is not None else None
    end = _date(doc, raw["end"], at + ("end",)) if raw.get("end") is not None else None
    if start and end and end.latest < start.earliest:
        raise doc.error(f"term of {person!r} in {oid!r} ends before it starts", *at)
    status = raw.get("status")
    if status is not None and status not in STATUSES:
        raise doc.error(f"unknown status {status!r} (known: {', '.join(STATUSES)})", *at, "status")
    return Term(oid, person, start, end, status, str(raw.get("note", "")))


def _no_overlap(oid: str, entries: list[tuple[Term, YamlDoc, tuple]]) -> None:
    """Terms of one office never overlap, but for the handover day and for acting or interim
    terms (a suspended president beside the elected one); an open term has no successor. The
    error points at the later term, in whichever file wrote it (a newsroom's add-holders)."""
    full = sorted((e for e in entries if not e[0].acting),
                  key=lambda e: e[0].start.earliest if e[0].start else dt.date.min)
    for (before, _, _), (after, doc, at) in zip(full, full[1:]):
        if before.end is None:
            raise doc.error(f"term of {after.person!r} in {oid!r} starts while the term of {before.person!r} "
                            "has no end: give that one an 'end' (or mark one 'acting')", *at)
        if after.start is None or before.end.earliest > after.start.latest:
            raise doc.error(f"term of {after.person!r} in {oid!r} (from {after.start or 'before the records'}) "
                            f"overlaps the term of {before.person!r} (to {before.end}); only the handover day "
                            "may be shared, unless one is 'acting' or 'interim'", *at)


def _aliases(doc: YamlDoc, value: Any, at: tuple) -> tuple[str, ...]:
    """Aliases, each its own item: one holding a comma is most often a list written as one item
    (`- foreign minister, top diplomat`, or `["a, b"]`). A comma is kept where the words after it
    end a series ("health, labour and welfare") or a name's suffix ("King, Jr.")."""
    aliases = _texts(doc, value, at)
    for i, alias in enumerate(aliases):
        if "," in alias and not _comma_belongs(alias):
            raise doc.error(f"alias {alias!r} holds a comma: write each alias as its own list item", *at, i)
    return aliases


def _comma_belongs(alias: str) -> bool:
    tail = alias.rsplit(",", 1)[1].strip().lower()
    return bool(re.search(r"(?:^|\s)(?:and|&|or)\s", tail)) or tail.rstrip(".") in {"jr", "sr", "ii", "iii", "iv"}


def _known_keys(doc: YamlDoc, raw: dict, allowed: set, at: tuple) -> None:
    for key in raw:
        if key not in allowed:
            raise doc.error(f"unknown key {key!r} (allowed: {', '.join(sorted(allowed))})", *at, key)


def _mapping(doc: YamlDoc, value: Any, at: tuple) -> dict:
    if not isinstance(value, dict):
        raise doc.error("expected a mapping", *at)
    return value


def _list(doc: YamlDoc, value: Any, at: tuple) -> list:
    if not isinstance(value, list):
        raise doc.error("expected a list", *at)
    return value


def _text(doc: YamlDoc, value: Any, at: tuple) -> str:
    if not isinstance(value, str) or not value.strip():
        raise doc.error("expected a non-empty text", *at)
    return value.strip()


def _optional_text(doc: YamlDoc, value: Any, at: tuple) -> str | None:
    return None if value is None else _text(doc, value, at)


def _texts(doc: YamlDoc, value: Any, at: tuple) -> tuple[str, ...]:
    return tuple(_text(doc, item, at + (i,)) for i, item in enumerate(_list(doc, value, at)))


def _date(doc: YamlDoc, value: Any, at: tuple) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except ValueError as err:
        raise doc.error(str(err), *at) from None
