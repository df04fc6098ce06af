"""`newslint kb import --format archigos`: Archigos (Goemans, Gleditsch and Chiozza), version 4.1,
leaders 1875-2015, as a delimited table: the tab-separated text file its authors publish or a
comma-separated export of the Stata file (both have a header row).

The columns read: `idacr` and `ccode` (the state), `leadid` (one id per person, kept across
spells), `leader` (a surname as a rule, "Roosevelt, T." or "G.W. Bush" where two share one, a
full name now and then; no accents), `startdate` and `enddate` (YYYY-MM-DD), `entry`, `exit` and
`exitcode` (the manner: regular, irregular, foreign imposition, ...). A leader still in office
when the data set closed has `exit` "Still in Office" and the closing day, 2015-12-31, as
`enddate`; that day is no end, so such a term stays open. Like REIGN, Archigos records the
effective leader, not an office, and has known date errors: check every handover against a
second source (`newslint kb compare`).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import ConfigError
from .records import PartialDate
from .table import read_table
from .writer import Row, Spells

REQUIRED = ("ccode", "idacr", "leadid", "leader", "startdate", "enddate", "entry", "exit", "exitcode")
WHAT = "an Archigos 4.1 table (obsid, leadid, ccode, idacr, leader, startdate, enddate, ...)"
STILL_IN_OFFICE = "still in office"
REGULAR = "regular"


def read_spells(path: Path, state: str, office_title: str) -> Spells:
    """The spells of `state` (its `idacr`, such as UKG, or its `ccode`, such as 200) as terms of
    `office_title`, and the day the data set closes (the latest date it gives)."""
    wanted = state.strip().casefold()
    rows: list[Row] = []
    latest: dt.date | None = None
    for line, record in read_table(path, REQUIRED, WHAT):
        latest = max(filter(None, (latest, _lenient(record["startdate"]), _lenient(record["enddate"]))), default=None)
        if wanted not in (record["idacr"].casefold(), record["ccode"]):
            continue
        if not record["leader"]:
            raise ConfigError(path, line, "a row needs a leader")
        still = record["exit"].casefold() == STILL_IN_OFFICE
        try:
            start = _date(record["startdate"], "startdate")
            end = None if still else _date(record["enddate"], "enddate")
        except ValueError as err:
            raise ConfigError(path, line, str(err)) from None
        if end is not None and end.latest < start.earliest:
            raise ConfigError(path, line, f"the spell of {record['leader']} ends ({end}) before it starts ({start})")
        rows.append(Row(None, record["leader"], None, office_title, start, end, note=_manner(record),
                        person_key=record["leadid"] or record["leader"], surname_only=True))
    if not rows:
        raise ConfigError(path, 1, f"no spell of state {state!r} (give its idacr, such as UKG, or its ccode, "
                                   "such as 200)")
    return Spells(tuple(rows), latest)


def _date(value: str, column: str) -> PartialDate:
    if len(value) != 10:
        raise ValueError(f"{column} {value!r} is not a date (YYYY-MM-DD expected)")
    try:
        return PartialDate.parse(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a date (YYYY-MM-DD expected)") from None


def _lenient(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _manner(record: dict[str, str]) -> str:
    """How the leader came and went, when not in the regular way (a coup, a foreign imposition):
    worth a note, since such handovers are where the sources' dates most often disagree."""
    parts = []
    if record["entry"] and record["entry"].casefold() != REGULAR:
        parts.append(f"entry {record['entry']}")
    if record["exit"] and record["exit"].casefold() not in (REGULAR, STILL_IN_OFFICE):
        exit_code = record["exitcode"]
        detail = exit_code and exit_code != record["exit"] and exit_code.casefold() not in (REGULAR, "na")
        manner = record["exit"] + (f" ({exit_code})" if detail else "")
        parts.append(f"exit {manner}")
    return f"Archigos: {'; '.join(parts)}" if parts else ""
