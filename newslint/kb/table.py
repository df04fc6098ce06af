"""The delimited tables the leader data sets are published as (REIGN's leader list, Archigos's
spell file): decoded, split into records with their line numbers, the needed columns checked.

Every mistake is a ConfigError at `path:line`, never a traceback. Bytes that are not UTF-8 are an
error only in the columns a reader uses: REIGN's published leader list holds a stray Windows-1252
byte in one row's `notes` URL, and refusing the whole file for a column nobody reads would leave
a newsroom unable to refresh its data.
"""
from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path
from typing import Iterator

from ..errors import ConfigError


def read_table(path: Path, required: tuple[str, ...], what: str,
               optional: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, record) for each data row, keeping only the `required` columns and those `optional`
    ones the header has (an absent one reads as empty), stripped. `what` names the format in
    errors ("a REIGN leader list")."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ConfigError(path, 1, f"cannot read: {err.strerror or err}") from None
    # surrogateescape keeps undecodable bytes as lone surrogates, found below per column.
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    if not text.strip():
        raise ConfigError(path, 1, f"empty file; {what} starts with a header row ({', '.join(required)}, ...)")
    # Python 3.10's csv refuses a NUL anywhere ("line contains NUL") where 3.11 reads it: read it
    # as another control character, so that the check below names its column on every Python.
    text = text.replace("\0", "\x01")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
        missing = [name for name in required if name not in header]
        if missing:
            raise ConfigError(path, 1, f"no {', '.join(repr(m) for m in missing)} column; is this {what}?")
        where = {name: header.index(name) for name in required + optional if name in header}
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) < len(header):
                raise ConfigError(path, line, f"{len(cells)} columns where the header has {len(header)}")
            record = {name: "" for name in optional}
            record.update((name, cells[index].strip()) for name, index in where.items())
            for name, value in record.items():
                if _undecodable(value):
                    raise ConfigError(path, line, f"column {name!r} is not UTF-8 text")
                if any(unicodedata.category(c) == "Cc" for c in value):
                    raise ConfigError(path, line, f"column {name!r} holds a control character")
            yield line, record
    except csv.Error as err:
        raise ConfigError(path, reader.line_num or 1, f"not a readable table: {err}") from None


def _undecodable(value: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in value)
