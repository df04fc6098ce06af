"""Read an article from disk as text, and write it back without changing what was not edited.

Articles are UTF-8 (a byte-order mark is allowed and kept). Anything else (another encoding,
a binary file, a FIFO or device, a file that vanished, cannot be opened or is too big) is
reported as a reason, never raised, so one bad file cannot stop a run over a whole archive.

Reading never blocks (a FIFO named `*.md` is refused, not waited on) and never takes more than
MAX_BYTES, however the file grows. Writes are atomic: a temporary file in the target's own
folder (through symbolic links), flushed to disk, given the original's permissions (and owner,
where allowed), then renamed over it; a file that changed on disk since it was read is left
alone. A crash at any point leaves the old file or the new one, never a mix.
"""
from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

BOM = "\ufeff"
MAX_BYTES = 25_000_000
"""20 MB articles (a hundred times the longest real one) are still checked: about 90 s, 1.1 GB."""
MAX_LINES = 500_000
"""markdown-it's memory grows with lines: 500,000 one-word list items cost it 0.9 GB and 13 s.
A 20 MB article hard-wrapped at 72 characters has about 330,000 lines."""
_SNIFF = 8192


@dataclass(frozen=True)
class SourceText:
    text: str
    """The file's text without its byte-order mark; offsets and columns count from here."""
    bom: bool = False


def decode(data: bytes) -> SourceText | str:
    """The text of `data`, or why it is not a readable article."""
    if len(data) > MAX_BYTES:
        return f"it is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit for one article"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "it is UTF-32; save it as UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it is UTF-16; save it as UTF-8"
    if b"\x00" in data[:_SNIFF]:
        return _nul_reason(data[:_SNIFF])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        return (f"it is not UTF-8 (byte 0x{data[err.start]:02x} at line {line}, byte {column}); "
                "save it as UTF-8")
    breaks = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
    lines = breaks + (0 if not data or data.endswith((b"\n", b"\r")) else 1)  # as editors count
    if lines > MAX_LINES:
        return f"it has {lines:,} lines, over the {MAX_LINES:,}-line limit for one article"
    if text.startswith(BOM):
        return SourceText(text[1:], bom=True)
    return SourceText(text)


def read_stream(stream) -> tuple[bytes, str | None]:
    """Read a binary stream (standard input) up to the article size limit: its bytes, and the
    reason it cannot be checked when it is longer (`newslint check - </dev/zero` must not grow
    until the machine runs out of memory). Past the limit nothing more is read."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return data[:MAX_BYTES], f"it is over the {MAX_BYTES:,}-byte limit for one article"
    return data, None


def _nul_reason(sample: bytes) -> str:
    """NUL bytes: UTF-16 without a byte-order mark (every other byte NUL), or binary data."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4:
        if odd.count(0) >= 0.4 * len(odd) and even.count(0) <= 0.05 * len(even):
            return "it looks like UTF-16 (little-endian, without a byte-order mark); save it as UTF-8"
        if even.count(0) >= 0.4 * len(even) and odd.count(0) <= 0.05 * len(odd):
            return "it looks like UTF-16 (big-endian, without a byte-order mark); save it as UTF-8"
    return "it is a binary file (it contains NUL bytes)"


def read_source(path: Path) -> SourceText | str:
    """The article's text, or why it cannot be checked (a reason, never an exception)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            return f"it is a symbolic link to a missing file ({os.readlink(path)})"
        return "it does not exist (was it deleted during the run?)"
    except IsADirectoryError:
        return "it is a directory"
    except OSError as err:
        return f"it cannot be read ({_why(err)})"
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return "it is a directory"
        if not stat.S_ISREG(info.st_mode):
            return f"it is not a regular file but a {_file_type(info.st_mode)}"
        if info.st_size > MAX_BYTES:
            return f"it is {info.st_size:,} bytes, over the {MAX_BYTES:,}-byte limit for one article"
        chunks, size = [], 0
        while size <= MAX_BYTES:  # read at most one byte past the limit, however the file grows
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as err:
        return f"it cannot be read ({_why(err)})"
    finally:
        os.close(fd)
    return decode(data)


def _why(err: OSError) -> str:
    return err.strerror or str(err) or type(err).__name__


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device")):
        if test(mode):
            return name
    return "special file"


def encode(source: SourceText) -> bytes:
    return ((BOM if source.bom else "") + source.text).encode("utf-8")


class ChangedOnDisk(OSError):
    """The file no longer holds what was read, so writing the fixed text would lose an edit."""


def why_unwritten(err: OSError) -> str:
    """Why a write_atomic failed, worded for the finding that says the file kept its text."""
    return str(err) if isinstance(err, ChangedOnDisk) else f"it cannot be written ({err.strerror or err})"


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM wait until the block ends, then act as they would have: a
    write in flight is finished and recorded, never cut between the rename and its record.
    Only the main thread can set handlers; elsewhere (a thread calling the API) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    previous = {number: handler for number, handler in previous.items() if handler is not None}
    for number in previous:
        signal.signal(number, lambda received, frame: pending.append(received))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in pending:
            signal.raise_signal(number)  # as it would have acted: KeyboardInterrupt, or the end


def write_atomic(path: Path, data: bytes, expected: bytes | None = None,
                 committed: Callable[[], None] | None = None) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one.

    A symbolic link stays a link: the file it points to is replaced. With `expected` (the bytes
    that were read), a file that changed since is left alone (ChangedOnDisk). Raises OSError
    when the file cannot be written; it is then unchanged. `committed` is called right after the
    rename, before a Ctrl-C or SIGTERM that came during the write is acted on, so that whoever
    records the writes never misses one.
    """
    target = Path(os.path.realpath(path))
    info = target.stat()
    if expected is not None and target.read_bytes() != expected:
        raise ChangedOnDisk("it changed on disk while newslint was fixing it")
    with signals_deferred():
        _replace(target, info, data, committed)
    _sync_folder(target.parent)


def _replace(target: Path, info: os.stat_result, data: bytes, committed: Callable[[], None] | None) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".newslint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown") and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except OSError:
                pass  # only root may give a file away; the new file is then ours
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    if committed is not None:
        committed()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where folders cannot be opened, it is skipped."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
