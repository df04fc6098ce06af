"""The daemon: one process that keeps newslint warm and forks a child per `check` request.

The child is the warm process's copy: it takes the client's standard streams (passed over the
socket), folder, environment, umask and stream encodings, and runs the very function a cold
`newslint` runs (`main`, given by the command line), so its output and exit code are a cold
run's. Forking keeps requests apart (two clients at once are two children; one that crashes
takes nothing down) and a run's worker pool is forked from warm memory. The parent only accepts,
checks the request, forks, reaps, and interrupts a child whose client went away. It exits when
a client runs other code (another fingerprint or protocol), on `stop`, SIGTERM, or after
`idle_timeout` seconds without a request.
"""
from __future__ import annotations

import errno
import fcntl
import io
import os
import selectors
import signal
import socket
import sys
import time
from pathlib import Path
from typing import Callable

from . import client, protocol
from .fingerprint import fingerprint
from .paths import Place
from .warmth import Warmth

REQUEST_TIMEOUT = 2.0
"""A client sends its request as soon as it connects; one that does not is dropped."""
GO_TIMEOUT = 10.0
"""The client answers "accepted" at once; a run never starts without its word."""
REQUEST_KEYS = {"argv": list, "cwd": str, "env": dict, "umask": int, "encodings": list}


class Daemon:
    def __init__(self, place: Place, main: Callable[[list[str]], int], idle_timeout: float) -> None:
        self.place = place
        self.main = main
        self.idle_timeout = idle_timeout
        self.fingerprint = fingerprint()  # before warming: the code this process loaded
        self.warmth = Warmth(place.root)
        self.children: dict[int, socket.socket] = {}
        self.served = 0
        self.started = time.time()
        self.last_request = time.monotonic()
        self.running = True
        self._socket_id: tuple[int, int] | None = None

    # --- life ------------------------------------------------------------------------------

    def serve(self, ready: Callable[[], None] = lambda: None) -> None:
        lock = os.open(self.place.lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # another daemon lives for this project
        signal.signal(signal.SIGTERM, lambda *_: self._stop())
        signal.signal(signal.SIGINT, lambda *_: self._stop())
        self.warmth.warm()
        listener = self._listen()
        self.last_request = time.monotonic()  # idle from now, not from before the warm-up
        ready()
        selector = selectors.DefaultSelector()
        selector.register(listener, selectors.EVENT_READ, None)
        try:
            while self.running:
                self._reap(selector)
                idle = not self.children and time.monotonic() - self.last_request > self.idle_timeout
                if idle or not self._socket_is_ours():
                    break
                for key, _ in selector.select(timeout=0.5):
                    if key.data is None:
                        self._accept(listener, selector)
                    else:
                        self._client_gone(key.data, key.fileobj, selector)
        finally:
            self._unlink()
            listener.close()
            os.close(lock)

    def _listen(self) -> socket.socket:
        if os.path.lexists(self.place.socket):
            os.unlink(self.place.socket)  # a dead daemon's (we hold the lock: no live one's)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)  # the socket is born 0600: only this user may connect
        try:
            listener.bind(str(self.place.socket))
        finally:
            os.umask(old)
        os.chmod(self.place.socket, 0o600)
        info = os.stat(self.place.socket)
        self._socket_id = (info.st_dev, info.st_ino)
        listener.listen(16)
        return listener

    def _socket_is_ours(self) -> bool:
        try:
            info = os.stat(self.place.socket)
        except OSError:
            return False  # removed by hand: no client can find us any more
        return (info.st_dev, info.st_ino) == self._socket_id

    def _unlink(self) -> None:
        if self._socket_is_ours():
            try:
                os.unlink(self.place.socket)
            except OSError:
                pass

    def _stop(self) -> None:
        self.running = False

    def _reap(self, selector: selectors.BaseSelector) -> None:
        while self.children:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                pid = 0
            if pid == 0:
                return
            conn = self.children.pop(pid, None)
            if conn is not None:
                _forget(selector, conn)

    # --- requests --------------------------------------------------------------------------

    def _accept(self, listener: socket.socket, selector: selectors.BaseSelector) -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        fds: list[int] = []
        try:
            conn.settimeout(REQUEST_TIMEOUT)
            if not _same_user(conn):
                return
            request, fds = protocol.receive(conn, with_fds=True)
            if request.get("protocol") != protocol.PROTOCOL or request.get("fingerprint") != self.fingerprint:
                # Another newslint asks: this daemon is stale, and goes.
                _answer(conn, {"status": "stale", "reason": "the client runs other code"})
                self.running = False
                return
            op = request.get("op")
            if op == "status":
                _answer(conn, self.status())
            elif op == "stop":
                _answer(conn, {"status": "stopping", "pid": os.getpid()})
                self.running = False
            elif op == "check" and len(fds) == 3 and _well_formed(request):
                self.last_request = time.monotonic()
                self._fork(conn, fds, request, selector)
                conn = None  # the child's now (the parent watches it)
            else:
                _answer(conn, {"status": "refused", "reason": "a malformed request"})
        except (protocol.ProtocolError, OSError):
            pass
        finally:
            for fd in fds:
                _close(fd)
            if conn is not None:
                conn.close()

    def status(self) -> dict:
        return {"status": "running", "pid": os.getpid(), "root": str(self.place.root),
                "uptime": round(time.time() - self.started), "served": self.served,
                "running": len(self.children), "idle_timeout": self.idle_timeout,
                "python": sys.executable}

    def _fork(self, conn: socket.socket, fds: list[int], request: dict, selector) -> None:
        refresh = self.warmth.stale()
        if refresh:
            self.warmth.forget()  # the child reads the changed files afresh, as a cold run does
        pid = os.fork()
        if pid == 0:
            try:
                selector.close()
                _child(conn, fds, request, self.main)
            finally:
                os._exit(2)
        self.served += 1
        self.children[pid] = conn
        conn.setblocking(False)
        selector.register(conn, selectors.EVENT_READ, pid)
        if refresh:
            self.warmth.warm()  # meanwhile, for the next request

    def _client_gone(self, pid: int, conn, selector) -> None:
        """The client closed its end (killed, or Ctrl-C): interrupt its run as Ctrl-C would.
        Peeking, never reading: the bytes the client sends ("go") are the run's to read."""
        try:
            data = conn.recv(1, socket.MSG_PEEK)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data:
            time.sleep(0.001)  # the run has yet to read its "go"; look again in a moment
            return
        if pid in self.children:  # not reaped yet: the pid is still this child's
            try:
                os.kill(pid, signal.SIGINT)
            except OSError:
                pass
        _forget(selector, conn)


def _child(conn: socket.socket, fds: list[int], request: dict, main: Callable[[list[str]], int]) -> None:
    """The forked run: become the client's process in all that a run can see, run, report."""
    for number in (signal.SIGTERM, signal.SIGCHLD):
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    conn.setblocking(True)
    try:
        os.chdir(request["cwd"])
    except OSError:
        _answer(conn, {"status": "refused", "reason": "cannot enter the client's folder"})
        return
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in request["env"].items()})
    if hasattr(time, "tzset"):
        time.tzset()  # today's date is the client's (TZ)
    os.umask(request["umask"] & 0o777)
    announce = _Announcer(conn)
    streams = []
    for target, (encoding, errors) in enumerate(request["encodings"]):
        binary = io.BufferedWriter(_Raw(target, announce)) if target else io.BufferedReader(io.FileIO(0, "r", closefd=False))
        streams.append(io.TextIOWrapper(binary, encoding=str(encoding), errors=str(errors),
                                        line_buffering=target > 0 and os.isatty(target), write_through=target == 2))
    sys.stdin, sys.stdout, sys.stderr = streams
    client.disabled[0] = True  # this run is the daemon's: it must not ask a daemon again
    try:
        protocol.send(conn, {"status": "accepted"})
        conn.settimeout(GO_TIMEOUT)
        go, _ = protocol.receive(conn)
    except (protocol.ProtocolError, OSError):
        return  # the client gave up waiting and runs the check itself
    if go.get("go") is not True:
        return
    conn.settimeout(None)
    try:
        code = main(list(request["argv"]))
    except BaseException:  # main itself turns everything into a code; this is a last resort
        code = 2
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    _answer(conn, {"exit": code})
    os._exit(0)


class _Announcer:
    """Tells the client, once, that the run is about to write to its streams."""

    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        self.done = False

    def __call__(self) -> None:
        if not self.done:
            self.done = True
            _answer(self.conn, {"output": True})


class _Raw(io.FileIO):
    def __init__(self, fd: int, announce: _Announcer) -> None:
        super().__init__(fd, "w", closefd=False)
        self._announce = announce

    def write(self, data) -> int:
        if data:
            self._announce()
        return super().write(data)


def _well_formed(request: dict) -> bool:
    if not all(isinstance(request.get(key), kind) for key, kind in REQUEST_KEYS.items()):
        return False
    encodings = request["encodings"]
    return (len(encodings) == 3 and all(isinstance(e, list) and len(e) == 2 and all(isinstance(x, str) for x in e)
                                        for e in encodings)
            and all(isinstance(a, str) for a in request["argv"]))


def _same_user(conn: socket.socket) -> bool:
    """Linux tells who connected; the folder's 0700 already keeps others out elsewhere."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    import struct

    try:
        _, uid, _ = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i")))
    except OSError:
        return False
    return uid == os.getuid()


def _answer(conn: socket.socket, message: dict) -> None:
    try:
        protocol.send(conn, message)
    except (protocol.ProtocolError, OSError):
        pass


def _forget(selector: selectors.BaseSelector, conn: socket.socket) -> None:
    try:
        selector.unregister(conn)
    except (KeyError, ValueError):
        pass
    conn.close()


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError as err:
        if err.errno != errno.EBADF:
            raise


def start_detached(place: Place, main: Callable[[list[str]], int], idle_timeout: float,
                   before: Callable[[], None] = lambda: None) -> int | None:
    """Start a daemon for `place` in the background; returns once it listens (its pid), or None
    when it could not start (its log says why)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the first child: a new session, then the daemon, whose parent is gone at once
        os.close(read_end)
        try:
            os.setsid()
            if os.fork():
                os._exit(0)
            log = os.open(place.log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            null = os.open(os.devnull, os.O_RDWR)
            for target, fd in ((0, null), (1, log), (2, log)):
                os.dup2(fd, target)
            os.close(log)
            os.close(null)
            sys.stdin = sys.stdout = sys.stderr = None  # nothing may print at a terminal that is gone
            os.chdir(place.root)
            before()
            daemon = Daemon(place, main, idle_timeout)

            def ready() -> None:
                os.write(write_end, str(os.getpid()).encode())
                os.close(write_end)

            daemon.serve(ready)
        except BaseException as err:  # noqa: BLE001  the log is the one place left to say it
            try:
                os.write(2, f"newslint daemon: {type(err).__name__}: {err}\n".encode())
            except OSError:
                pass
        finally:
            os._exit(0)
    os.close(write_end)
    os.waitpid(pid, 0)
    chunks = []
    while True:
        chunk = os.read(read_end, 64)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_end)
    text = b"".join(chunks).decode() or ""
    return int(text) if text.isdigit() else None
