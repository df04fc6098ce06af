"""`newslint kb import --format holders-csv`: the `html/holders21.csv` files of the
every-politician-scrapers repositories (`<country>-cabinet`, `<country>-ministers`).

Each row is one term: `position` (the office's English label, without its country), `person`,
`personID` (a Wikidata id), `start` and `end` (ISO dates, possibly only a year or a year and
month; an empty end is a term still running when the file was made). Other columns (gender,
DOB, image, ...) are ignored. The file is derived from Wikidata, so it shares Wikidata's errors:
check every date against a second source before use (docs/kb.md).
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..errors import UsageError
from .records import PartialDate
from .writer import Row

REQUIRED = ("position", "person", "start", "end")
WIKIDATA_ID = re.compile(r"^Q\d+$")


def read_rows(path: Path, offices: tuple[str, ...] = ()) -> list[Row]:
    """The rows of a holders21.csv file, checked, keeping only `offices` (labels, compared
    without case) when some are given."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"{path}: cannot read: {err}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
    if missing:
        raise UsageError(f"{path}: not a holders21.csv file (no {', '.join(missing)} column)")
    wanted = {o.casefold() for o in offices}
    rows = []
    # Line 1 is the header; a quoted field may hold a line break, so count from the reader.
    for record in reader:
        line = reader.line_num
        position = (record.get("position") or "").strip()
        person = (record.get("person") or "").strip()
        if not position or not person:
            raise UsageError(f"{path}:{line}: a row needs a position and a person")
        if wanted and position.casefold() not in wanted:
            continue
        person_id = (record.get("personID") or "").strip()
        try:
            rows.append(Row(person_id if WIKIDATA_ID.match(person_id) else None, person, None, position,
                            _date(record.get("start")), _date(record.get("end"))))
        except ValueError as err:
            raise UsageError(f"{path}:{line}: {err}") from None
    if wanted and not rows:
        raise UsageError(f"{path}: no row for {', '.join(offices)}")
    return rows


def _date(value: str | None) -> PartialDate | None:
    value = (value or "").strip()
    return PartialDate.parse(value) if value else None
