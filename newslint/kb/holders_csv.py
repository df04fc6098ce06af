"""`newslint kb import --format holders-csv`: the `html/holders21.csv` files of the
every-politician-scrapers repositories (`<country>-cabinet`, `<country>-ministers`).

Each row is one term: `position` (the office's English label, without its country), `person`,
`personID` (a Wikidata id), `start` and `end` (ISO dates, possibly only a year or a year and
month; an empty end is a term still running when the file was made). Other columns (gender,
DOB, image, ...) are ignored. The file is derived from Wikidata, so it shares Wikidata's errors:
check every date against a second source before use (docs/kb.md).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import ConfigError, UsageError
from .records import PartialDate
from .table import read_table
from .writer import Row

REQUIRED = ("position", "person", "start", "end")
WIKIDATA_ID = re.compile(r"^Q\d+$")
WHAT = "an every-politician-scrapers holders21.csv file"


def read_rows(path: Path, offices: tuple[str, ...] = ()) -> list[Row]:
    """The rows of a holders21.csv file, checked, keeping only `offices` (labels, compared
    without case) when some are given."""
    wanted = {o.casefold() for o in offices}
    rows = []
    for line, record in read_table(path, REQUIRED, WHAT, optional=("personID",)):
        position, person = record["position"], record["person"]
        if not position or not person:
            raise ConfigError(path, line, "a row needs a position and a person")
        if wanted and position.casefold() not in wanted:
            continue
        person_id = record["personID"]
        try:
            rows.append(Row(person_id if WIKIDATA_ID.match(person_id) else None, person, None, position,
                            _date(record["start"]), _date(record["end"])))
        except ValueError as err:
            raise ConfigError(path, line, str(err)) from None
    if wanted and not rows:
        raise UsageError(f"{path}: no row for {', '.join(offices)}")
    return rows


def _date(value: str) -> PartialDate | None:
    return PartialDate.parse(value) if value else None
