"""Runs over many files: processes, the findings cache, `clean`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.run.cache import CACHE_DIR
from newslint.cli import main
from newslint.run.runner import MIN_FILES_PER_JOB, Runner, RunOptions


@pytest.fixture
def archive(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for number in range(MIN_FILES_PER_JOB * 2 + 3):
        text = f"Story {number}.\n\nWhilst talks continued, [Insert name] spoke on day {number}.\n"
        (tmp_path / f"story-{number:02}.md").write_text(text if number % 3 else "Nothing to see.\n")
    return tmp_path


def _json_run(capsys, *argv):
    code = main(["check", "--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_jobs_give_the_same_findings_in_the_same_order(archive, capsys):
    serial = _json_run(capsys, "--no-cache", "--jobs", "1", ".")
    parallel = _json_run(capsys, "--no-cache", "--jobs", "2", ".")
    assert serial == parallel
    assert serial[1]["summary"]["files"] == MIN_FILES_PER_JOB * 2 + 3


def test_workers_are_spawned_not_forked_while_another_thread_runs(archive, capsys):
    # A fork copies only the calling thread: a lock another thread holds stays held in the child.
    # An application may call the API from a threaded server, so workers are then spawned
    # afresh, and give the same findings.
    import threading

    from newslint.run.processes import pool_context

    serial = _json_run(capsys, "--no-cache", "--jobs", "1", ".")
    release = threading.Event()
    busy = threading.Thread(target=release.wait)
    busy.start()
    try:
        assert pool_context().get_start_method() != "fork"
        parallel = _json_run(capsys, "--no-cache", "--jobs", "2", ".")
    finally:
        release.set()
        busy.join()
    assert serial == parallel


def test_runner_uses_a_pool_only_for_enough_files(archive):
    result = Runner(RunOptions(jobs=2)).run(["."])
    assert [Path(r.path).name for r in result.reports] == sorted(p.name for p in archive.glob("*.md"))


def test_cache_reuses_findings_and_notices_changes(archive, capsys):
    first = _json_run(capsys, ".")
    assert (archive / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    # One findings entry per article (the compiled forms of the rules' data live apart, in compiled/).
    entries = [p for p in (archive / CACHE_DIR).rglob("*.json") if "compiled" not in p.relative_to(archive / CACHE_DIR).parts]
    assert len(entries) == len(list(archive.glob("*.md")))
    assert _json_run(capsys, ".") == first
    # A changed article is linted again ...
    (archive / "story-01.md").write_text("Amongst the delegates, [Date] was set.\n")
    changed = _json_run(capsys, ".")[1]["findings"]
    assert [f["text"] for f in changed if f["path"] == "story-01.md"] == ["Amongst", "[Date]"]
    # ... and so is every article once a rule changes (a config edit changes the fingerprint).
    (archive / ".newslint.yaml").write_text("ignore: [dated-word]\n")
    after_config = _json_run(capsys, ".")[1]
    assert all(f["rule"] != "dated-word" for f in after_config["findings"])


def test_damaged_cache_entries_are_misses(archive, capsys):
    first = _json_run(capsys, ".")
    for entry in (archive / CACHE_DIR).rglob("*.json"):
        entry.write_text("{not json")
    assert _json_run(capsys, ".") == first


def test_clean_removes_the_cache(archive, capsys):
    _json_run(capsys, ".")
    assert main(["clean"]) == 0
    assert capsys.readouterr().out == f"Removed {CACHE_DIR}.\n"
    assert not (archive / CACHE_DIR).exists()
    assert main(["clean"]) == 0
    assert capsys.readouterr().out == f"No {CACHE_DIR} to remove.\n"


@pytest.mark.parametrize("marker, name, exclude", [
    ("hugo.toml", "Hugo", "public/**"), ("_config.yml", "Jekyll", "_site/**"),
    (".eleventy.js", "Eleventy", "_site/**"), ("astro.config.mjs", "Astro", "dist/**"),
    ("mkdocs.yml", "MkDocs", "site/**"), (None, None, None),
])
def test_init_writes_a_config_that_validates(tmp_path, monkeypatch, capsys, marker, name, exclude):
    import yaml

    from newslint.config import load_settings

    monkeypatch.chdir(tmp_path)
    if marker:
        (tmp_path / marker).write_text("")
    assert main(["init"]) == 0
    expected = f"for {name}" if name else "(no site generator recognised)"
    assert capsys.readouterr().out == f"Wrote .newslint.yaml {expected}.\n"
    config = tmp_path / ".newslint.yaml"
    settings = load_settings(config)
    assert settings.exclude[:1] == ((exclude,) if exclude else ())
    assert yaml.safe_load(config.read_text())["fail-on"] == "error"
    assert main(["init"]) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert main(["init", "--force"]) == 0
