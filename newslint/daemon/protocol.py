"""What a client and a daemon say to each other over the socket: length-prefixed JSON messages,
the first of which (the request) carries the client's standard input, output and error as file
descriptors, so that the daemon's run reads and writes them itself, terminal and all.

Client -> daemon: {"protocol", "fingerprint", "op": "check"|"status"|"stop", and for check:
"argv", "cwd", "env", "umask", "encodings"}. Daemon -> client: {"status": "accepted"}, to which
the client answers {"go": true} if it still wants the run (one that gave up waiting runs cold
and never says it, so no request runs twice); then {"output": true} before the run first writes
(a run that dies after it cannot be silently redone) and {"exit": N}. Or {"status":
"stale"|"refused", "reason"}; or a status's fields.
"""
from __future__ import annotations

import json
import socket
import struct

PROTOCOL = 1
MAX_MESSAGE = 1 << 20
"""A request carries arguments and the environment; more than a mebibyte is no request."""
_HEADER = struct.Struct("!I")


class ProtocolError(Exception):
    """The other end sent something that is not a message, too much, or nothing."""


def send(sock: socket.socket, message: dict, fds: list[int] | None = None) -> None:
    data = json.dumps(message, separators=(",", ":")).encode("utf-8", "surrogateescape")
    if len(data) > MAX_MESSAGE:
        raise ProtocolError(f"message of {len(data):,} bytes; the limit is {MAX_MESSAGE:,}")
    payload = _HEADER.pack(len(data)) + data
    if fds:
        sent = socket.send_fds(sock, [payload], fds)
        payload = payload[sent:]
    if payload:
        sock.sendall(payload)


def receive(sock: socket.socket, with_fds: bool = False) -> tuple[dict, list[int]]:
    """One message (and the descriptors that came with it); ProtocolError on end of stream, a
    bad length or bad JSON. Descriptors received with a bad message are closed."""
    fds: list[int] = []
    try:
        if with_fds:
            head, fds, _, _ = socket.recv_fds(sock, _HEADER.size, 3)
        else:
            head = sock.recv(_HEADER.size)
        head += _exactly(sock, _HEADER.size - len(head))
        (size,) = _HEADER.unpack(head)
        if size > MAX_MESSAGE:
            raise ProtocolError(f"message of {size:,} bytes; the limit is {MAX_MESSAGE:,}")
        message = json.loads(_exactly(sock, size).decode("utf-8", "surrogateescape"))
        if not isinstance(message, dict):
            raise ProtocolError("a message is a JSON object")
        return message, fds
    except (ProtocolError, ValueError, OSError) as err:
        for fd in fds:
            _close(fd)
        raise err if isinstance(err, ProtocolError) else ProtocolError(str(err)) from None


def _exactly(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = sock.recv(min(size, 1 << 16))
        if not chunk:
            raise ProtocolError("the other end closed the connection")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _close(fd: int) -> None:
    import os

    try:
        os.close(fd)
    except OSError:
        pass
