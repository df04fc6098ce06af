"""The daemon's life (docs/daemon.md): a stale, dead or confused daemon is never used, a bad
request or a vanished client harms nothing, changed data files are read again, and where there
are no Unix sockets `check` simply runs in-process."""
from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from daemon_helpers import make_project, stop
from newslint.daemon import client, paths, protocol

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the daemon needs fork and AF_UNIX")


@pytest.fixture
def project(tmp_path):
    project = make_project(tmp_path)
    assert project.run("daemon", "start").returncode == 0
    yield project
    stop(project)


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            return True
        time.sleep(0.05)
    return False


def _talk(path: Path, message: dict) -> dict | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(str(path))
    with sock:
        protocol.send(sock, message)
        sock.settimeout(5)
        try:
            return protocol.receive(sock)[0]
        except protocol.ProtocolError:
            return None


def _cold_equals_default(project) -> None:
    default = project.run("check", "content", "--format", "json")
    cold = project.run("check", "content", "--format", "json", daemon=False)
    assert (default.returncode, default.stdout, default.stderr) == (cold.returncode, cold.stdout, cold.stderr)


@pytest.mark.parametrize("field, value", [("fingerprint", "another newslint"), ("protocol", 99)])
def test_a_client_of_other_code_gets_no_answer_and_the_stale_daemon_exits(project, field, value):
    pid, sock = project.pid(), project.socket()
    request = {"protocol": protocol.PROTOCOL, "fingerprint": "x", "op": "status", field: value}
    if field == "protocol":
        from newslint.daemon.fingerprint import fingerprint
        request["fingerprint"] = fingerprint()
    assert _talk(sock, request)["status"] == "stale"
    assert _gone(pid)
    assert not sock.exists()
    _cold_equals_default(project)


def test_a_dead_daemons_socket_is_never_used(project):
    pid, sock = project.pid(), project.socket()
    os.kill(pid, signal.SIGKILL)
    assert _gone(pid)
    assert sock.exists()  # left behind
    _cold_equals_default(project)
    assert b"no daemon runs" in project.run("daemon", "status").stdout
    assert project.run("daemon", "start").returncode == 0  # and a new one takes its place
    assert project.pid() not in (None, pid)


def test_bad_requests_are_dropped_and_the_daemon_goes_on(project):
    sock = project.socket()
    for payload in (struct.pack("!I", protocol.MAX_MESSAGE + 1) + b"x" * 1000, struct.pack("!I", 5) + b"[1,2]",
                    struct.pack("!I", 4) + b"nope", b"\x00\x00", b""):
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(str(sock))
        conn.sendall(payload)
        conn.shutdown(socket.SHUT_WR)
        conn.settimeout(5)
        try:
            assert conn.recv(100) == b""  # dropped without an answer
        except ConnectionResetError:  # dropped with our bytes unread
            pass
        conn.close()
    from newslint.daemon.fingerprint import fingerprint
    # A well-formed check without the three streams is refused, never run.
    answer = _talk(sock, {"protocol": protocol.PROTOCOL, "fingerprint": fingerprint(), "op": "check",
                          "argv": ["check"], "cwd": "/", "env": {}, "umask": 18, "encodings": []})
    assert answer["status"] == "refused"
    before = project.served()
    _cold_equals_default(project)
    assert project.served() == before + 1


def test_a_client_killed_mid_run_leaves_the_daemon_serving(project):
    many = project.root / "many"
    many.mkdir()
    for index in range(40):
        for path in (project.root / "content").glob("*.md"):
            (many / f"{index}-{path.name}").write_bytes(path.read_bytes())
    command = [sys.executable, "-m", "newslint", "check", "many", "--no-cache", "--jobs", "1"]
    victim = subprocess.Popen(command, cwd=project.root, env=project.env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    before = project.served()
    deadline = time.monotonic() + 30
    while project.served() == before and time.monotonic() < deadline:
        time.sleep(0.05)
    victim.kill()
    victim.wait()
    _cold_equals_default(project)


def test_the_daemon_exits_when_idle(tmp_path):
    project = make_project(tmp_path)
    try:
        started = project.run("daemon", "start", "--idle-timeout", "1")
        assert started.returncode == 0
        pid = int(started.stdout.decode().split("(pid ")[1].split(")")[0])
        assert _gone(pid, within=30)
        assert list((Path(project.env["XDG_RUNTIME_DIR"]) / "newslint").glob("*.sock")) == []
    finally:
        stop(project)


def test_changed_data_files_are_read_again(project):
    # The warm-up loaded this knowledge base; a cold run reads the edited one, and so must the daemon's.
    (project.root / ".newslint.yaml").write_text("kb: [kb]\n", encoding="utf-8")
    kb = project.root / "kb"
    kb.mkdir()
    (kb / "extra.yaml").write_text(GOOD_KB, encoding="utf-8")
    assert project.run("daemon", "restart").returncode == 0
    _cold_equals_default(project)
    (kb / "extra.yaml").write_text(GOOD_KB.replace("Jane Doe", "Jane Roe"), encoding="utf-8")
    _cold_equals_default(project)
    (kb / "extra.yaml").write_text("offices: 12\n", encoding="utf-8")
    result = project.run("check", "content")
    assert result.returncode == 2 and b"extra.yaml:" in result.stderr
    _cold_equals_default(project)
    (kb / "extra.yaml").write_text(GOOD_KB, encoding="utf-8")
    (kb / "more.yaml").write_text("people: [1]\n", encoding="utf-8")  # a new file in a folder read
    result = project.run("check", "content")
    assert result.returncode == 2 and b"more.yaml:" in result.stderr
    _cold_equals_default(project)


GOOD_KB = """\
country: GB
checked: 2025-12-31
offices:
  - id: gb-prime-minister
    aliases: [prime minister, PM]
    coverage: {from: 2000-01-01, to: 2026-06-30}
people:
  jane-doe: {name: Jane Doe}
"""


def test_what_the_warm_up_read_is_watched_by_content(tmp_path, monkeypatch):
    from newslint.daemon.warmth import Warmth
    from newslint.kb.loading import load_kb

    (tmp_path / ".newslint.yaml").write_text("kb: [kb]\n", encoding="utf-8")
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "extra.yaml").write_text(GOOD_KB, encoding="utf-8")
    warmth = Warmth(tmp_path)
    warmth.warm()
    assert str(tmp_path / "kb" / "extra.yaml") in warmth.inputs and str(tmp_path / ".newslint.yaml") in warmth.inputs
    assert str(tmp_path / "kb") in warmth.inputs
    assert not warmth.stale()
    assert load_kb.cache_info().currsize > 0
    (tmp_path / "kb" / "extra.yaml").write_text(GOOD_KB + "\n", encoding="utf-8")
    assert warmth.stale()
    warmth.forget()
    assert load_kb.cache_info().currsize == 0
    warmth.warm()
    assert not warmth.stale()
    (tmp_path / "kb" / "new.yaml").write_text("", encoding="utf-8")
    assert warmth.stale()


def test_no_unix_sockets_means_the_cold_run(monkeypatch, tmp_path):
    monkeypatch.delattr(os, "fork", raising=False)
    assert paths.runtime_folder(create=True) is None
    assert client.run_check(["check", str(tmp_path)]) is None
    from newslint.cli import main
    assert main(["daemon", "status"]) == 2


def test_a_runtime_folder_open_to_others_is_not_used(monkeypatch, tmp_path):
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    assert paths.runtime_folder(create=True) == folder / "newslint"
    os.chmod(folder / "newslint", 0o777)
    assert paths.runtime_folder() is None


@pytest.mark.parametrize("messages, expected", [
    ([], None),  # died before writing: the cold run answers
    ([{"output": True}], 2),  # died after writing: an error, never a second copy of the output
    ([{"output": True}, {"exit": 1}], 1),
])
def test_a_run_that_dies_after_being_accepted(messages, expected, capsys):
    ours, theirs = socket.socketpair()
    for message in messages:
        protocol.send(theirs, message)
    theirs.close()
    assert client._await_exit(ours, ["check"]) == expected
    ours.close()
    assert (b"internal error" in capsys.readouterr().err.encode()) == (expected == 2)


def test_the_socket_is_private(project):
    sock = project.socket()
    assert (os.stat(sock).st_mode & 0o777) == 0o600
    assert (os.stat(sock.parent).st_mode & 0o777) == 0o700


def test_a_client_that_gave_up_before_its_go_gets_no_run(project):
    # A client that waited too long runs the check itself: the daemon's run must never start too.
    from newslint.daemon.fingerprint import fingerprint

    stdin_r, stdin_w = os.pipe()
    out_r, out_w = os.pipe()
    before = project.served()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(str(project.socket()))
    request = {"protocol": protocol.PROTOCOL, "fingerprint": fingerprint(), "op": "check",
               "argv": ["check", "content", "--format", "json"], "cwd": str(project.root), "env": dict(project.env),
               "umask": 0o022, "encodings": [["utf-8", "strict"]] * 3}
    protocol.send(sock, request, [stdin_r, out_w, out_w])
    for fd in (stdin_r, out_w):
        os.close(fd)
    sock.settimeout(30)
    assert protocol.receive(sock)[0] == {"status": "accepted"}
    sock.close()  # gone, without a word
    os.close(stdin_w)
    with os.fdopen(out_r, "rb") as written:
        assert written.read() == b""  # the forked run ended without writing anything
    assert project.served() == before + 1
    _cold_equals_default(project)


def test_ctrl_c_on_the_way_to_the_daemon_ends_as_a_cold_run_does(monkeypatch):
    def interrupted(argv):
        raise KeyboardInterrupt

    monkeypatch.setattr(client, "_run_check", interrupted)
    monkeypatch.delenv(client.DISABLE_ENV, raising=False)
    assert client.run_check(["check"]) == 130

