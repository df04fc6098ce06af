"""The daemon (docs/daemon.md) never gives a different answer from a cold run: the same stdout,
stderr and exit code, byte for byte, for the options a user passes; and it is used only while it
runs the client's code. Each comparison also checks that the daemon did serve the run, so that a
client silently falling back to the cold path cannot pass for an identical daemon."""
from __future__ import annotations

import shutil
import sys

import pytest

from daemon_helpers import make_project, stop

pytestmark = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the daemon needs fork and AF_UNIX")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("daemon"))
    started = project.run("daemon", "start")
    assert started.returncode == 0, started.stderr
    assert b"daemon started" in started.stdout
    yield project
    stop(project)


def same_as_cold(project, *args, stdin=None, cwd=None):
    before = project.served()
    warm = project.run(*args, stdin=stdin, cwd=cwd)
    assert project.served() == before + 1, "the daemon did not serve the run"
    cold = project.run(*args, stdin=stdin, cwd=cwd, daemon=False)
    assert (warm.returncode, warm.stdout.decode(), warm.stderr.decode()) == \
        (cold.returncode, cold.stdout.decode(), cold.stderr.decode())
    return warm


@pytest.mark.parametrize("options", [
    [], ["--format", "json"], ["--format", "sarif"], ["--format", "github"], ["--format", "concise"],
    ["--format", "full"], ["--statistics"], ["--select", "date-*,title-*"], ["--ignore", "casualty-unsourced"],
    ["--fail-on", "info"], ["--exit-zero", "--format", "json"], ["--jobs", "1", "--no-cache"],
    ["--reference-date", "2020-02-03", "--format", "concise"],
])
def test_the_daemon_answers_as_a_cold_run(project, options):
    result = same_as_cold(project, "check", "content", *options)
    assert result.stdout  # the articles have findings: the comparison compared something


def test_one_file_by_its_own_name_and_a_subfolder_as_the_current_folder(project):
    name = sorted(p.name for p in (project.root / "content").glob("*.md"))[0]
    same_as_cold(project, "check", name, "--format", "json", cwd=project.root / "content")


def test_many_files_over_worker_processes(project):
    # More files than MIN_FILES_PER_JOB per job: the daemon's run forks its own pool.
    many = project.root / "many"
    many.mkdir(exist_ok=True)
    for index, path in enumerate(sorted((project.root / "content").glob("*.md")) * 4):
        shutil.copyfile(path, many / f"{index:02}-{path.name}")
    same_as_cold(project, "check", "many", "--jobs", "2", "--no-cache", "--format", "json")


def test_standard_input_and_fixing_it(project):
    text = (project.root / "content" / "casualty-unsourced-claims-flagged.md").read_bytes()
    same_as_cold(project, "check", "-", "--format", "json", stdin=text)
    same_as_cold(project, "check", "-", "--stdin-filename", "content/x.md", stdin=text)
    same_as_cold(project, "check", "--fix", "-", stdin="Some  text with ‘quotes’ said a spokesman.\n".encode())


def test_a_config_file_and_a_bad_one(project):
    config = project.root / "alt.yaml"
    config.write_text("ignore: [casualty-unsourced]\nfail-on: warning\n", encoding="utf-8")
    same_as_cold(project, "check", "content", "--config", "alt.yaml", "--format", "json")
    bad = project.root / ".newslint.yaml"
    bad.write_text("select: [no-such-rule]\nfail-on: sometimes\n", encoding="utf-8")
    try:
        result = same_as_cold(project, "check", "content")
        assert result.returncode == 2 and b".newslint.yaml:" in result.stderr
    finally:
        bad.unlink()
    same_as_cold(project, "check", "content", "--format", "concise")  # and the config is read again


def test_fix_writes_the_same_files(project, tmp_path):
    source = project.root / "content"
    for label in ("warm", "cold"):
        shutil.copytree(source, project.root / f"fix-{label}")
    before = project.served()
    warm = project.run("check", "--fix", "--unsafe-fixes", "fix-warm")
    assert project.served() == before + 1
    cold = project.run("check", "--fix", "--unsafe-fixes", "fix-cold", daemon=False)
    assert warm.returncode == cold.returncode
    assert warm.stdout.decode().replace("fix-warm", "fix-cold") == cold.stdout.decode()
    written = {p.name: p.read_bytes() for p in (project.root / "fix-warm").glob("*.md")}
    assert written == {p.name: p.read_bytes() for p in (project.root / "fix-cold").glob("*.md")}
    assert written != {p.name: p.read_bytes() for p in source.glob("*.md")}  # something was fixed


def test_usage_errors_never_reach_the_daemon(project):
    before = project.served()
    result = project.run("check", "--format", "nonsense")
    assert result.returncode == 2 and b"invalid choice" in result.stderr
    assert project.served() == before


def test_no_daemon_and_its_environment_variable_force_the_cold_run(project):
    before = project.served()
    assert project.run("check", "content", daemon=False).returncode == 1
    env = dict(project.env, NEWSLINT_NO_DAEMON="1")
    project.env, saved = env, project.env
    try:
        assert project.run("check", "content").returncode == 1
    finally:
        project.env = saved
    assert project.served() == before


def test_two_clients_at_once(project):
    import subprocess

    command = [sys.executable, "-m", "newslint", "check", "content", "--format", "json"]
    before = project.served()
    runs = [subprocess.Popen(command, cwd=project.root, env=project.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(3)]
    outputs = [run.communicate(timeout=120) + (run.returncode,) for run in runs]
    assert project.served() == before + 3
    cold = project.run("check", "content", "--format", "json", daemon=False)
    assert outputs == [(cold.stdout, cold.stderr, cold.returncode)] * 3


def test_the_client_imports_nothing_heavy(project):
    script = ("import sys; from newslint import cli; code = cli.main(['check', 'content']);"
              "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'markdown_it', 'yaml', 'regex')"
              " or m in ('newslint.engine', 'newslint.rules', 'newslint.kb', 'newslint.commands.check'));"
              "print(code, heavy, file=sys.stderr)")
    import subprocess

    before = project.served()
    result = subprocess.run([sys.executable, "-c", script], cwd=project.root, env=project.env, capture_output=True)
    assert project.served() == before + 1
    assert result.stderr.decode().splitlines()[-1] == "1 []"


def _on_a_terminal(project, args, daemon=True, columns=97):
    """Run with standard output and error on a terminal of `columns` columns; what it showed."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    command = [sys.executable, "-m", "newslint", *args] + ([] if daemon else ["--no-daemon"])
    env = {k: v for k, v in project.env.items() if k not in ("COLUMNS", "LINES", "CI")}
    env["TERM"] = "xterm-256color"
    run = subprocess.Popen(command, cwd=project.root, env=env, stdin=subprocess.DEVNULL, stdout=follower,
                           stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the last writer
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return run.wait(timeout=120), shown


def test_a_terminal_gets_the_same_colours_and_width(project):
    before = project.served()
    warm = _on_a_terminal(project, ["check", "content"])
    assert project.served() == before + 1
    cold = _on_a_terminal(project, ["check", "content"], daemon=False)
    assert warm == cold
    assert b"\x1b[" in warm[1]  # coloured: the run saw a terminal


def test_add_noqa_writes_the_same_comments(project):
    source = project.root / "content"
    for label in ("warm", "cold"):
        shutil.copytree(source, project.root / f"noqa-{label}", ignore=shutil.ignore_patterns(".newslint_cache"))
    before = project.served()
    warm = project.run("check", "--add-noqa", "--noqa-reason", "old", "noqa-warm")
    assert project.served() == before + 1
    cold = project.run("check", "--add-noqa", "--noqa-reason", "old", "noqa-cold", daemon=False)
    assert (warm.returncode, warm.stderr.decode().replace("noqa-warm", "noqa-cold")) == \
        (cold.returncode, cold.stderr.decode())
    written = {p.name: p.read_bytes() for p in (project.root / "noqa-warm").glob("*.md")}
    assert written == {p.name: p.read_bytes() for p in (project.root / "noqa-cold").glob("*.md")}
    assert b"newslint-disable" in b"".join(written.values())
