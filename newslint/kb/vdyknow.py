"""`newslint kb import --format vdyknow`: V-DyKnow's `data/annotations/wikidata_combined.json`
(the `sislab-unitn/V-DyKnow` repository), Wikidata's heads of state and government of some fifty
countries.

The file maps `countries` -> a country's English name -> an office's label -> `answers`, each
answer one term written `Name |S: +2017-05-14T00:00:00Z |E: +2022-05-13T00:00:00Z` (an empty
`E:` for a term still running; `-00` for an unknown month or day). The people have no Wikidata
ids there and the offices none either. Its other keys (`athletes`, `organizations`) and each
country's `images` are not offices and are skipped. V-DyKnow has known errors (docs/kb.md):
check every date against a second source before use.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import UsageError
from .records import PartialDate
from .writer import Row, read_json

ANSWER = re.compile(r"^(?P<name>.+?)\s*\|S:\s*(?P<start>\S*)\s*\|E:\s*(?P<end>\S*)\s*$")
TIME = re.compile(r"^\+?(\d{4})-(\d\d)-(\d\d)(?:T|$)")


def read_rows(path: Path, country: str, offices: tuple[str, ...] = ()) -> list[Row]:
    """The terms V-DyKnow gives for `country` (its name as the file spells it, compared without
    case), keeping only `offices` (labels, without case) when some are given."""
    data = read_json(path)
    countries = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(countries, dict):
        raise UsageError(f"{path}: not a V-DyKnow file (no `countries` object)")
    entry = next((v for k, v in countries.items() if k.casefold() == country.casefold()), None)
    if not isinstance(entry, dict):
        names = ", ".join(sorted(countries))
        raise UsageError(f"{path}: no country {country!r} (give --name as the file spells it: {names})")
    wanted = {o.casefold() for o in offices}
    rows = []
    for label, office in entry.items():
        if label == "images" or not isinstance(office, dict) or (wanted and label.casefold() not in wanted):
            continue
        answers = office.get("answers")
        if not isinstance(answers, list):
            raise UsageError(f"{path}: {country} / {label}: no list of answers")
        for answer in answers:
            match = ANSWER.match(answer) if isinstance(answer, str) else None
            if not match:
                raise UsageError(f"{path}: {country} / {label}: {answer!r} is not `Name |S: start |E: end`")
            try:
                rows.append(Row(None, match["name"], None, label, _time(match["start"]), _time(match["end"])))
            except ValueError as err:
                raise UsageError(f"{path}: {country} / {label}: {match['name']}: {err}") from None
    if not rows:
        raise UsageError(f"{path}: no terms for {country}" + (f" in {', '.join(offices)}" if offices else ""))
    return rows


def _time(value: str) -> PartialDate | None:
    """`+2017-05-14T00:00:00Z`; `-00` month or day: only the year or the month is known."""
    if not value:
        return None
    match = TIME.match(value)
    if not match:
        raise ValueError(f"{value!r} is not a Wikidata time")
    year, month, day = (int(g) for g in match.groups())
    if not month:
        return PartialDate(year)
    return PartialDate.parse(f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else ""))
