"""Read an article from disk as text, and write it back without changing what was not edited.

Articles are UTF-8 (a byte-order mark is allowed and kept). Anything else (another encoding,
a binary file, a file that vanished or cannot be opened) is reported as a reason, never raised,
so one bad file cannot stop a run over a whole archive. Writes are atomic: a temporary file in
the same folder, then a rename, with the original permissions.
"""
from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"
MAX_BYTES = 50_000_000


@dataclass(frozen=True)
class SourceText:
    text: str
    """The file's text without its byte-order mark; offsets and columns count from here."""
    bom: bool = False


def decode(data: bytes) -> SourceText | str:
    """The text of `data`, or why it is not a readable article."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it is a binary file (it contains NUL bytes)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it is UTF-16; save it as UTF-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        return (f"it is not UTF-8 (byte 0x{data[err.start]:02x} at line {line}, byte {column}); "
                "save it as UTF-8")
    if text.startswith(BOM):
        return SourceText(text[1:], bom=True)
    return SourceText(text)


def read_source(path: Path) -> SourceText | str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return f"it is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for one article"
        data = path.read_bytes()
    except FileNotFoundError:
        return "it does not exist (was it deleted during the run?)"
    except IsADirectoryError:
        return "it is a directory"
    except OSError as err:
        return f"it cannot be read ({err.strerror or err})"
    return decode(data)


def encode(source: SourceText) -> bytes:
    return ((BOM if source.bom else "") + source.text).encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one."""
    mode = stat.S_IMODE(path.stat().st_mode)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".newslint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
