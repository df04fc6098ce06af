"""`newslint kb import --format reign`: REIGN's leader list (OEF Research, `leaderlist_M_YY.csv`
in the `OEFDataScience/REIGN.github.io` repository, `data_sets/`).

One row per leader spell: `stateabb` and `ccode` (the Correlates of War code of the state),
`leader` (a surname as a rule, sometimes a full name, usually without accents), `leadid`, the
start as `sdate`, `smonth`, `syear`, the end as `emonth`, `eyear` (no day: the end is known to the
month; empty while the leader is in office), `birthyear`. REIGN records no office: its leader is
whoever holds effective power, a president in one state and a prime minister in another, so the
caller names the one office the spells become terms of. `leadid` changes from spell to spell, so
a person is a name and a year of birth. REIGN has known date errors: check every handover against
a second source (`newslint kb compare`).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import ConfigError
from .records import PartialDate, fold
from .table import read_table
from .writer import Row, Spells

REQUIRED = ("stateabb", "ccode", "leader", "sdate", "smonth", "syear", "emonth", "eyear", "birthyear")
WHAT = "a REIGN leader list (leaderlist_M_YY.csv)"


def read_spells(path: Path, state: str, office_title: str) -> Spells:
    """The spells of `state` (its `stateabb`, such as UKG, or its `ccode`, such as 200) as terms of
    `office_title`, and the last date the file knows of (the latest start or end of any state)."""
    wanted = state.strip().casefold()
    rows: list[Row] = []
    latest: dt.date | None = None
    for line, record in read_table(path, REQUIRED, WHAT):
        latest = max(filter(None, (latest, _year_month(record["syear"], record["smonth"]),
                                   _year_month(record["eyear"], record["emonth"]))), default=None)
        if wanted not in (record["stateabb"].casefold(), record["ccode"]):
            continue
        if not record["leader"]:
            raise ConfigError(path, line, "a row needs a leader")
        try:
            start = _date(record["syear"], record["smonth"], record["sdate"], "start")
            end = _date(record["eyear"], record["emonth"], None, "end") if record["eyear"] else None
        except ValueError as err:
            raise ConfigError(path, line, str(err)) from None
        if start is None:
            raise ConfigError(path, line, "a row needs a start (syear)")
        if end is not None and end.latest < start.earliest:
            raise ConfigError(path, line, f"the spell of {record['leader']} ends ({end}) before it starts ({start})")
        rows.append(Row(None, record["leader"], None, office_title, start, end,
                        person_key=f"{fold(record['leader'])}|{record['birthyear']}", surname_only=True))
    if not rows:
        raise ConfigError(path, 1, f"no spell of state {state!r} (give its stateabb, such as UKG, or its ccode, "
                                   "such as 200)")
    return Spells(tuple(rows), latest)


def _date(year: str, month: str, day: str | None, which: str) -> PartialDate | None:
    parts = [year, month] + ([day] if day is not None else [])
    if not year:
        return None
    if not all(p.isascii() and p.isdigit() for p in parts if p):
        written = "/".join(p for p in reversed(parts) if p)  # day/month/year, as the row reads
        raise ValueError(f"{which} {written!r} is not a date (numbers expected)")
    numbers = [int(p) for p in parts if p]
    if parts[1:] and not parts[1] and any(parts[2:]):
        raise ValueError(f"{which} has a day but no month")
    text = "-".join([f"{numbers[0]:04d}"] + [f"{n:02d}" for n in numbers[1:]])
    try:
        return PartialDate.parse(text)
    except (ValueError, OverflowError):
        raise ValueError(f"{which} {text} is not a date") from None


def _year_month(year: str, month: str) -> dt.date | None:
    """The last day of a year and month, leniently: the file's horizon, from any state's row."""
    try:
        return PartialDate(int(year), int(month) if month else None).latest
    except (ValueError, OverflowError):  # not a number, or a year past 9999
        return None
