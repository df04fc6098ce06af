"""The knowledge base of office holders: load the YAML files, index them, answer "who held it?".

Data lives in a pack's `data/officeholders/` folder, one file per country or organisation
(docs/kb.md gives the format); a newsroom's own files (config `kb:`) are merged over it, their
entries winning. Everything is indexed when it loads (office by folded title alias, person by
folded name, alias and surname, terms by office and by person), so a lookup is a dictionary probe
and checking an article never scans the whole base. A base loads once per process per set of
paths.

What it must never do: touch the network, guess a date it was not given, or claim knowledge past
an office's coverage: after `coverage.to` nothing is known, and the callers must say so.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from .errors import ConfigError
from .yamlfile import MAX_FILE_BYTES, YamlDoc, _record_lines, read_yaml_file

ROLES = ("head-of-state", "head-of-government", "foreign-minister", "secretary-general",
         "commission-president", "council-president", "high-representative", "chairperson",
         "defence-minister", "finance-minister", "interior-minister", "justice-minister", "health-minister",
         "central-bank-governor")
STATUSES = ("acting", "interim", "caretaker")
"""Acting and interim terms may overlap a full term (a suspended president, an incapacitated
prime minister); caretaker terms are full terms that happen to be temporary."""
NOT_SURNAMES = {"jr", "sr", "ii", "iii", "iv"}

FILE_KEYS = {"country", "name", "checked", "offices", "people"}
OFFICE_KEYS = {"id", "country", "title", "roles", "aliases", "wikidata", "coverage", "abolished",
               "holders", "add-holders", "note"}
HOLDER_KEYS = {"person", "start", "end", "status", "note"}
PERSON_KEYS = {"name", "aliases", "wikidata", "note"}


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
    offices: dict[str, dict] = {}
    people: dict[str, Person] = {}
    countries: dict[str, str] = {}
    for path in kb_files(paths):
        _read_file(_read_yaml(path), offices, people, countries)
    built = {oid: _build_office(raw, people) for oid, raw in offices.items()}
    return index(built, people, countries)


def _read_yaml(path: Path) -> YamlDoc:
    """Like `yamlfile.read_yaml_file` (line of every key, no aliases, duplicate keys refused), but
    parsed by libyaml when it is installed: seven times faster on the built-in files.
    TODO(engine): fold this into yamlfile.parse_yaml and drop the private import."""
    loader_class = getattr(yaml, "CSafeLoader", None)
    if loader_class is None:
        return read_yaml_file(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return read_yaml_file(path)  # which reports the size
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return read_yaml_file(path)  # which reports the problem
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(str(path), None, {(): 1})
        lines: dict = {}
        _record_lines(node, (), lines, str(path), set())
        try:
            data = loader.construct_document(node)
        except ValueError as err:  # YAML reads 2001-13-01 as a timestamp, then fails to build it
            raise ConfigError(path, _bad_date_line(text), f"not a date: {err}") from None
        return YamlDoc(str(path), data, lines)
    except yaml.YAMLError:
        return read_yaml_file(path)  # which reports the error at its line
    finally:
        loader.dispose()


def _bad_date_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        for match in re.finditer(r"(?<![\w-])(\d{4})-(\d\d?)-(\d\d?)(?![\w-])", line):
            try:
                dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                return number
    return 1


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
    terms: dict[str, list[Term]] = {}
    for office in offices.values():
        for term in office.terms:
            terms.setdefault(term.person, []).append(term)
    return KnowledgeBase(
        dict(offices), dict(people), dict(countries),
        {k: tuple(v) for k, v in by_alias.items()},
        {k: tuple(v) for k, v in by_name.items()},
        {k: tuple(v) for k, v in by_surname.items()},
        {k: tuple(sorted(v, key=lambda t: t.start or PartialDate(1))) for k, v in terms.items()})


def _add(table: dict, key: str, value: str) -> None:
    if key and value not in table.setdefault(key, []):
        table[key].append(value)


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
                                  _texts(doc, raw.get("aliases", []), at + ("aliases",)),
                                  _optional_text(doc, raw.get("wikidata"), at + ("wikidata",)))
    for number, raw in enumerate(_list(doc, data.get("offices", []), ("offices",))):
        at = ("offices", number)
        raw = _mapping(doc, raw, at)
        _known_keys(doc, raw, OFFICE_KEYS, at)
        oid = _text(doc, raw.get("id"), at + ("id",))
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
    aliases = tuple(dict.fromkeys(_texts(adoc, aliases_value, aat)))
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
    abolished_value, bdoc, bat = get("abolished")
    abolished = _date(bdoc, abolished_value, bat).earliest if abolished_value is not None else None
    terms = tuple(_term(oid, h, d, a, people) for h, d, a in raw["holders"])
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
