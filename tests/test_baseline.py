"""`--baseline FILE` and `--update-baseline`, end to end in a real git repository: the file
written, findings hidden as text moves, one entry per finding, stale entries, entries of files
not linted kept, any working folder, SARIF's fingerprints, and malformed baselines (exit 2)."""
from __future__ import annotations

import json
import os
import sys

import pytest

from archive_helpers import QUIET, TOLL_A, TOLL_B, commit_all, concise, new_repo, run, write
from newslint.report.sarif import FINGERPRINT


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repo = new_repo(tmp_path / "site")
    write(repo / "content" / "a.md", f"# Bridge\n\n{TOLL_A}\n\n{QUIET}\n")
    write(repo / "content" / "b.md", f"# Mine\n\n{TOLL_B}\n")
    write(repo / "content" / "clean.md", f"# Budget\n\n{QUIET}\n")
    commit_all(repo, "archive")
    monkeypatch.chdir(repo)
    return repo


def entries(path) -> list[tuple[str, int, str, str]]:
    return [(e["path"], e["line"], e["rule"], e["text"]) for e in json.loads(path.read_text())["findings"]]


def test_update_baseline_writes_a_sorted_versioned_file_and_then_hides_its_findings(repo, capsys):
    code, out, err = run(capsys, "--baseline", "newslint-baseline.json", "--update-baseline", "content")
    assert (code, out) == (0, "")
    assert err == "newslint: wrote 2 entries to newslint-baseline.json (2 added, 0 removed).\n"
    text = (repo / "newslint-baseline.json").read_text()
    lines = text.splitlines()
    assert lines[:4] == ['{', '  "version": 1,', '  "tool": "newslint",', '  "findings": [']
    assert lines[4].startswith('    {"path": "content/a.md", "line": 3, "rule": "casualty-unsourced", '
                               '"text": "Forty people were killed", "fingerprint": "')
    assert lines[5].startswith('    {"path": "content/b.md", "line": 3, "rule": "casualty-unsourced", '
                               '"text": "Nine workers died", "fingerprint": "')
    assert lines[6:] == ["  ]", "}"]

    code, out, err = run(capsys, "--format", "concise", "--fail-on", "warning",
                         "--baseline", "newslint-baseline.json", "content")
    assert (code, out) == (0, "All checked: no findings in 3 files.\n")
    assert err == "newslint: the baseline newslint-baseline.json hid 2 findings.\n"

    # Without the baseline the archive's findings are all there: the flag is what hides them.
    code, out, _ = run(capsys, "--format", "concise", "--fail-on", "warning", "content")
    assert code == 1 and out.count("casualty-unsourced") == 2


def test_findings_move_with_their_text_and_a_second_identical_one_is_new(repo, capsys):
    run(capsys, "--baseline", "base.json", "--update-baseline", "content")
    # Lines added above: the finding moves from line 3 to line 7 and stays hidden.
    write(repo / "content" / "a.md", f"# Bridge\n\nA new opening.\n\nAnother line.\n\n{TOLL_A}\n\n{QUIET}\n")
    code, out, err = run(capsys, "--format", "concise", "--baseline", "base.json", "content")
    assert (code, out, err) == (0, "All checked: no findings in 3 files.\n",
                                "newslint: the baseline base.json hid 2 findings.\n")
    # The same sentence again in the same file: one entry hides one finding, the second is new.
    write(repo / "content" / "a.md", f"# Bridge\n\n{TOLL_A}\n\n{QUIET}\n\n{TOLL_A}\n")
    code, out, err = run(capsys, "--format", "concise", "--baseline", "base.json", "content")
    assert out.splitlines()[0] == concise("content/a.md", 7, 1, "Forty people were killed")
    assert out.count("casualty-unsourced") == 1
    assert err == "newslint: the baseline base.json hid 2 findings.\n"


def test_fixed_findings_are_counted_stale_and_update_prunes_them(repo, capsys):
    run(capsys, "--baseline", "base.json", "--update-baseline", "content")
    write(repo / "content" / "b.md", f"# Mine\n\nNine workers died in the mine collapse, police said.\n")
    code, out, err = run(capsys, "--format", "concise", "--baseline", "base.json", "content")
    assert (code, out) == (0, "All checked: no findings in 3 files.\n")
    assert err == ("newslint: the baseline base.json hid 1 finding; 1 entry is stale (fixed, or the file is gone): "
                   "--update-baseline removes them.\n")
    code, _, err = run(capsys, "--baseline", "base.json", "--update-baseline", "content")
    assert err == "newslint: wrote 1 entry to base.json (0 added, 1 removed).\n"
    assert entries(repo / "base.json") == [("content/a.md", 3, "casualty-unsourced", "Forty people were killed")]


def test_update_keeps_entries_of_files_not_linted_and_drops_files_that_are_gone(repo, capsys):
    run(capsys, "--baseline", "base.json", "--update-baseline", "content")
    write(repo / "content" / "a.md", f"# Bridge\n\n{QUIET}\n")  # a.md fixed; b.md not linted below
    code, _, err = run(capsys, "--baseline", "base.json", "--update-baseline", "content/a.md")
    assert err == "newslint: wrote 1 entry to base.json (0 added, 1 removed).\n"
    assert entries(repo / "base.json") == [("content/b.md", 3, "casualty-unsourced", "Nine workers died")]
    (repo / "content" / "b.md").unlink()
    code, _, err = run(capsys, "--format", "concise", "--baseline", "base.json", "content/clean.md")
    assert err == ("newslint: the baseline base.json hid 0 findings; 1 entry is stale (fixed, or the file is gone): "
                   "--update-baseline removes them.\n")
    run(capsys, "--baseline", "base.json", "--update-baseline", "content/clean.md")
    assert entries(repo / "base.json") == []


def test_paths_are_relative_to_the_baseline_so_any_folder_works(repo, capsys, monkeypatch):
    write(repo / ".newslint" / "README", "tools\n")
    run(capsys, "--baseline", ".newslint/base.json", "--update-baseline", "content")
    assert [e[0] for e in entries(repo / ".newslint" / "base.json")] == ["../content/a.md", "../content/b.md"]
    monkeypatch.chdir(repo / "content")
    code, out, err = run(capsys, "--format", "concise", "--fail-on", "warning", "--baseline", "../.newslint/base.json", ".")
    assert (code, out) == (0, "All checked: no findings in 3 files.\n")
    assert err == "newslint: the baseline ../.newslint/base.json hid 2 findings.\n"


def test_baseline_fingerprints_are_sarifs(repo, capsys):
    run(capsys, "--baseline", "base.json", "--update-baseline", "content")
    _, out, _ = run(capsys, "--format", "sarif", "content")
    sarif = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["partialFingerprints"][FINGERPRINT])
             for r in json.loads(out)["runs"][0]["results"]}
    baseline = {(e["path"], e["fingerprint"]) for e in json.loads((repo / "base.json").read_text())["findings"]}
    assert baseline == sarif and len(baseline) == 2


@pytest.mark.parametrize("text, expected", [
    ('{"version": 1,\n "findings": [\n', "base.json:3: the baseline is not valid JSON: Expecting value"),
    ('{"version": 2, "findings": []}\n',
     "base.json:1: baseline version 2 is not supported (expected 1); write it again with --update-baseline"),
    ('{"version": 1,\n "findings": [\n  {"path": "a.md", "line": 1, "rule": "x", "text": "",\n'
     '   "fingerprint": "' + "0" * 64 + '"},\n  {"path": "a.md", "line": 2, "rule": "x", "text": ""}\n]}\n',
     "base.json:5: entry lacks 'fingerprint'"),
    ('{"version": 1, "findings": [\n  {"path": "a.md", "line": 0, "rule": "x", "text": "", "fingerprint": "'
     + "0" * 64 + '"}\n]}\n', "base.json:2: 'line' must be a whole number from 1"),
    ('{"version": 1, "findings": [\n\n  {"path": "a.md", "line": 1, "rule": "x", "text": "", "fingerprint": "abc"}]}',
     "base.json:3: 'fingerprint' must be 64 lowercase hexadecimal digits"),
    ('{"version": 1,\n "finding": []}', "base.json:2: unknown key 'finding' in the baseline"),
    ('[1, 2]', "base.json:1: a baseline is a JSON object with 'version' and 'findings'"),
    (b'\xff\xfe{}', "base.json:1: the baseline is not UTF-8 (invalid start byte at byte 0)"),
])
def test_a_malformed_baseline_stops_the_run_at_its_line(repo, capsys, text, expected):
    (repo / "base.json").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    code, out, err = run(capsys, "--baseline", "base.json", "content")
    assert (code, out) == (2, "")
    assert err.splitlines()[0].startswith(expected)


def test_a_missing_baseline_and_flags_that_need_one_are_usage_errors(repo, capsys):
    code, _, err = run(capsys, "--baseline", "none.json", "content")
    assert (code, err) == (2, "newslint: error: --baseline none.json: no such file (write it with --update-baseline)\n")
    code, _, err = run(capsys, "--update-baseline", "content")
    assert (code, err) == (2, "newslint: error: --update-baseline needs --baseline FILE: the file to write\n")
    code, _, err = run(capsys, "--baseline", "x.json", "--update-baseline", "--fix", "content")
    assert (code, err) == (2, "newslint: error: --fix and --update-baseline cannot be used together\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_baseline_that_is_no_file_stops_the_run(repo, capsys):
    (repo / "folder.json").mkdir()
    code, _, err = run(capsys, "--baseline", "folder.json", "content")
    assert (code, err) == (2, "folder.json:1: the baseline is a directory, not a file\n")
    os.mkfifo(repo / "pipe.json")
    code, _, err = run(capsys, "--baseline", "pipe.json", "content")  # never waits for a writer
    assert (code, err) == (2, "pipe.json:1: the baseline is not a regular file\n")


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux; others refuse non-UTF-8 names")
def test_a_file_name_that_is_not_utf8_round_trips(repo, capsys):
    name = os.fsdecode(b"content/caf\xe9.md")
    write(repo / name, f"# Cafe\n\n{TOLL_B}\n")
    run(capsys, "--baseline", "base.json", "--update-baseline", "content")
    assert "caf\\udce9.md" in (repo / "base.json").read_text(encoding="utf-8")
    code, out, err = run(capsys, "--format", "concise", "--baseline", "base.json", "content")
    assert (code, out, err) == (0, "All checked: no findings in 4 files.\n",
                                "newslint: the baseline base.json hid 3 findings.\n")


def test_fix_leaves_the_findings_the_baseline_holds_and_fixes_new_ones(repo, capsys):
    # A finding in the baseline was accepted as it stands, as a noqa comment accepts one: --fix
    # must not rewrite it behind the editor's back, while a new one is fixed as usual.
    write(repo / "content" / "a.md", "# Bridge\n\nThe the council met.\n")
    run(capsys, "--baseline", "base.json", "--update-baseline", "content")
    write(repo / "content" / "a.md", "# Bridge\n\nThe the council met.\n\nIt it was late.\n")
    code, out, err = run(capsys, "--format", "concise", "--baseline", "base.json", "--fix", "content")
    assert (repo / "content" / "a.md").read_text() == "# Bridge\n\nThe the council met.\n\nIt was late.\n"
    assert (code, out) == (0, "All checked: no findings in 3 files.\nFixed 1 finding.\n")
    assert err == "newslint: the baseline base.json hid 2 findings.\n"  # a.md's and b.md's

    # --diff shows the same: only the new finding's fix.
    write(repo / "content" / "a.md", "# Bridge\n\nThe the council met.\n\nIt it was late.\n")
    code, out, _ = run(capsys, "--baseline", "base.json", "--diff", "content/a.md")
    assert "-It it was late." in out and "+It was late." in out and "-The the council met." not in out
