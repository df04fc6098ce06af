"""`newslint check`'s side: hand the run to the project's daemon when one is alive and runs this
very code, else say so (None) and let the caller run it in-process.

Every failure before the daemon accepted the request (no folder, no socket, a socket left
behind by a dead daemon, another fingerprint or protocol, a refusal, a closed connection) is
silent and means the cold path. Once accepted, the daemon's run writes to our own standard
streams; if it dies before writing anything, the run is redone here, cold; if it dies after, a
redo would repeat what it wrote, so the run ends with exit 2 and a one-line error. Imports only
the standard library and the daemon's light modules.
"""
from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from . import protocol
from .fingerprint import fingerprint
from .paths import place_for

DISABLE_ENV = "NEWSLINT_NO_DAEMON"
CONNECT_TIMEOUT = 1.0
ACCEPT_TIMEOUT = 5.0
"""How long to wait for a live daemon to accept: it answers within milliseconds unless the
machine is swamped, when the cold path would be slower still."""

disabled = [False]
"""Set in a daemon's own run, which must never ask a daemon (itself) again."""


def disabled_by_env() -> bool:
    return os.environ.get(DISABLE_ENV, "") not in ("", "0")


def run_check(argv: list[str]) -> int | None:
    """The exit code of `newslint <argv>` run by the daemon, or None: run it here."""
    if disabled[0] or disabled_by_env():
        return None
    try:
        return _run_check(argv)
    except KeyboardInterrupt:  # Ctrl-C before the daemon took the run: as a cold run ends
        return 130
    except Exception:  # whatever went wrong on the way to a daemon, the cold run still answers
        return None


def _run_check(argv: list[str]) -> int | None:
    place = place_for(Path.cwd())
    if place is None or not os.path.exists(place.socket):
        return None
    streams = [sys.stdin, sys.stdout, sys.stderr]
    if any(stream is None for stream in streams):
        return None  # a closed standard stream: nothing to hand over
    try:
        fds = [stream.fileno() for stream in streams]
    except (OSError, ValueError, AttributeError):
        return None  # replaced streams (a test's capture, an embedding program): only the cold run sees them
    for stream in streams[1:]:
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    umask = os.umask(0o022)
    os.umask(umask)
    request = {
        "protocol": protocol.PROTOCOL, "fingerprint": fingerprint(), "op": "check",
        "argv": list(argv), "cwd": os.getcwd(), "env": dict(os.environ), "umask": umask,
        "encodings": [[getattr(s, "encoding", None) or "utf-8", getattr(s, "errors", None) or "strict"]
                      for s in streams],
    }
    sock = connect(place.socket)
    if sock is None:
        return None
    with sock:
        try:
            protocol.send(sock, request, fds)
            sock.settimeout(ACCEPT_TIMEOUT)
            answer, _ = protocol.receive(sock)
        except (protocol.ProtocolError, OSError):
            return None
        if answer.get("status") != "accepted":
            return None  # stale, refused: this run is cold (and a stale daemon is on its way out)
        try:
            # The daemon's run starts only on this word: a client that gave up waiting (and runs
            # cold) never sends it, so a request is never run twice.
            protocol.send(sock, {"go": True})
        except (protocol.ProtocolError, OSError):
            return None
        sock.settimeout(None)
        return _await_exit(sock, argv)


def _await_exit(sock: socket.socket, argv: list[str]) -> int | None:
    wrote = False
    try:
        while True:
            try:
                message, _ = protocol.receive(sock)
            except protocol.ProtocolError:
                break
            if message.get("output"):
                wrote = True
            elif isinstance(message.get("exit"), int) and not isinstance(message.get("exit"), bool):
                return message["exit"]
    except KeyboardInterrupt:
        # Ctrl-C reaches us, not the daemon's run: closing our end interrupts it there, as the
        # key would a cold run; wait for what it then says (which files were written).
        try:
            sock.shutdown(socket.SHUT_WR)
            sock.settimeout(5.0)
            while True:
                message, _ = protocol.receive(sock)
                if isinstance(message.get("exit"), int):
                    return message["exit"]
        except (protocol.ProtocolError, OSError, KeyboardInterrupt):
            return 130
    if not wrote:
        return None  # it died before writing a byte: the cold run gives the answer
    print("newslint: internal error: the daemon's run ended before it finished; run again, or with "
          "--no-daemon", file=sys.stderr)
    return 2


def connect(path: Path, timeout: float = CONNECT_TIMEOUT) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(path))
    except OSError:  # no one listens (a dead daemon's socket), or it is not ours to talk to
        sock.close()
        return None
    return sock


def ask(path: Path, op: str, timeout: float = 5.0) -> dict | None:
    """A status or stop request's answer, or None when no daemon answers."""
    sock = connect(path, timeout)
    if sock is None:
        return None
    with sock:
        try:
            protocol.send(sock, {"protocol": protocol.PROTOCOL, "fingerprint": fingerprint(), "op": op})
            return protocol.receive(sock)[0]
        except (protocol.ProtocolError, OSError):
            return None
