"""The defects a hostile test found (issue 19), each reproduced: standard input, the cache,
symbolic links and special files named as articles or configs, control bytes and impossible
dates in YAML, messages that pointed at the wrong place, and the Python API.

Signals (Ctrl-C, kill -9 of the parent) are in tests/test_signals.py; the whole command line on
generated documents in tests/test_properties.py.
"""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.run import sources

CONCISE = ("check", "--format", "concise", "--no-cache", "--isolated")
WHILST = "Whilst talks continued, the strikes stopped.\n"
FIXED = "While talks continued, the strikes stopped.\n"


def feed(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def run(capsysbinary, *argv: str) -> tuple[int, bytes, str]:
    code = main(list(argv))
    out, err = capsysbinary.readouterr()
    return code, out, err.decode("utf-8", "replace")


# --- 1. `--fix -` never blanks the document ---------------------------------------------------


@pytest.mark.parametrize("data, reason", [
    (b"caf\xe9 x\n", "it is not UTF-8 (byte 0xe9 at line 1, byte 4); save it as UTF-8"),
    (b"\xff\xfeW\x00h\x00", "it is UTF-16; save it as UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "it is a binary file (it contains NUL bytes)"),
])
def test_fix_stdin_that_cannot_be_read_prints_it_unchanged(workdir, capsysbinary, monkeypatch, data, reason):
    feed(monkeypatch, data)
    code, out, err = run(capsysbinary, *CONCISE, "--fix", "-")
    assert (code, out) == (1, data)
    assert err.splitlines()[0] == f"-:1:1: file-unreadable [error] Cannot check this file: {reason}."


def test_fix_stdin_keeps_its_byte_order_mark(workdir, capsysbinary, monkeypatch):
    feed(monkeypatch, b"\xef\xbb\xbf" + WHILST.encode())
    code, out, _ = run(capsysbinary, *CONCISE, "--fix", "-")
    assert (code, out) == (0, b"\xef\xbb\xbf" + FIXED.encode())


def test_fix_stdin_excluded_by_force_exclude_is_printed_unchanged(workdir, capsysbinary, monkeypatch):
    (workdir / ".newslint.yaml").write_text('exclude: ["drafts/**"]\n')
    feed(monkeypatch, WHILST.encode())
    code, out, err = run(capsysbinary, "check", "--no-cache", "--fix", "--force-exclude",
                         "--stdin-filename", "drafts/a.md", "-")
    assert (code, out) == (0, WHILST.encode())


# --- 4. Standard input is read with the article size limit ------------------------------------


def test_stdin_is_read_no_further_than_the_size_limit(workdir, capsysbinary, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    stream = io.BytesIO(b"x" * 1000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    code, out, _ = run(capsysbinary, *CONCISE, "-")
    assert stream.tell() <= 11
    assert code == 1
    assert out.decode().splitlines()[0] == (
        "-:1:1: file-unreadable [error] Cannot check this file: it is over the 10-byte limit for one article.")


def test_fix_stdin_over_the_limit_exits_2_with_nothing_on_stdout(workdir, capsysbinary, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    feed(monkeypatch, b"x" * 1000)
    code, out, err = run(capsysbinary, *CONCISE, "--fix", "-")
    assert (code, out) == (2, b"")
    assert err == ("newslint: error: standard input is over the 10-byte limit for one article; "
                   "nothing was written to standard output.\n")


@pytest.mark.parametrize("fix", [(), ("--fix",)])
def test_closed_stdin_is_a_usage_error(workdir, capsysbinary, monkeypatch, fix):
    monkeypatch.setattr(sys, "stdin", None)
    code, out, err = run(capsysbinary, *CONCISE, *fix, "-")
    assert (code, out, err) == (2, b"", "newslint: error: standard input is closed; there is nothing to check.\n")


def test_stdin_named_twice_is_a_usage_error(workdir, capsysbinary, monkeypatch):
    feed(monkeypatch, WHILST.encode())
    code, out, err = run(capsysbinary, *CONCISE, "-", "-")
    assert (code, out, err) == (2, b"", "newslint: error: '-' (standard input) must be the only path when it is given.\n")


# --- 5. A damaged cache entry is a miss -------------------------------------------------------


@pytest.mark.parametrize("entry", ["null", "[1]", '"x"', "3", '{"format": 1, "findings": "x"}',
                                   '{"format": 1, "findings": [null]}', '{"format": 1, "findings": [{"span": 1}]}'])
def test_cache_entry_of_the_wrong_shape_is_a_miss(workdir, capsysbinary, entry):
    (workdir / "a.md").write_text(WHILST)
    argv = ("check", "--format", "concise", "--isolated", "a.md")
    first = run(capsysbinary, *argv)
    cache = workdir / ".newslint_cache"  # the findings entries, not the compiled forms of the rules' data
    entries = [p for p in cache.rglob("*.json") if "compiled" not in p.relative_to(cache).parts]
    assert len(entries) == 1
    entries[0].write_text(entry)
    assert run(capsysbinary, *argv) == first
    assert first[:2] == (0, b"a.md:1:1: dated-word [info] [*] Use 'While' rather than 'Whilst'.\n"
                            b"Found 1 finding (0 errors, 0 warnings, 1 info) in 1 file.\n[*] 1 fixable with --fix.\n")


# --- 6. Text nested deeper than markdown-it's limit -----------------------------------------


def test_text_nested_twelve_lists_deep_is_checked(workdir, capsysbinary):
    lines = [f"{'  ' * level}- Item {level + 1}." for level in range(11)] + ["  " * 11 + "- " + WHILST]
    (workdir / "a.md").write_text("\n".join(lines))
    code, out, _ = run(capsysbinary, *CONCISE, "a.md")
    assert out.decode().splitlines()[0] == "a.md:12:25: dated-word [info] [*] Use 'While' rather than 'Whilst'."


def test_text_nested_beyond_the_limit_is_a_finding_naming_its_lines(workdir, capsysbinary):
    lines = [f"{'  ' * level}- Item {level + 1}." for level in range(52)] + ["", WHILST]
    (workdir / "a.md").write_text("\n".join(lines))
    code, out, _ = run(capsysbinary, *CONCISE, "a.md")
    assert (code, out.decode().splitlines()[:-1]) == (1, [
        "a.md:50:1: file-unparsed [error] This text is nested too deeply in lists and blockquotes for newslint "
        "to read (over 49 levels of lists or 99 of blockquotes), so lines 50 to 54 were not checked; flatten "
        "the nesting."])


# --- 7. YAML that PyYAML's reader refuses, impossible dates, vocab entries --------------------


@pytest.mark.parametrize("data, line, problem", [
    (b"fail-on: error\x00\n", 1, "invalid YAML: the character U+0000 is not allowed (YAML forbids control characters); remove it"),
    (b"packs: [newsroom]\nfail-on: err\x01or\n", 2, "invalid YAML: the character U+0001 is not allowed (YAML forbids control characters); remove it"),
    (b"packs: [newsroom]\n\nfail-on: \x7f\n", 3, "invalid YAML: the character U+007F is not allowed (YAML forbids control characters); remove it"),
])
def test_control_bytes_in_a_config_are_reported_at_their_line(workdir, capsysbinary, data, line, problem):
    (workdir / ".newslint.yaml").write_bytes(data)
    (workdir / "a.md").write_text(WHILST)
    code, out, err = run(capsysbinary, "check", "--no-cache", "a.md")
    assert (code, out, err) == (2, b"", f"{workdir / '.newslint.yaml'}:{line}: {problem}\n")


def test_control_bytes_in_a_rule_file_are_reported_at_their_line(workdir, capsysbinary):
    pack = workdir / "house"
    pack.mkdir()
    (pack / "no-x.yaml").write_bytes(b"extends: existence\nmessage: \"No \x02x.\"\ntokens: [x]\n")
    (workdir / ".newslint.yaml").write_text("packs: [house]\n")
    (workdir / "a.md").write_text(WHILST)
    code, out, err = run(capsysbinary, "check", "--no-cache", "a.md")
    assert (code, out, err) == (2, b"", f"{pack / 'no-x.yaml'}:2: invalid YAML: the character U+0002 is not allowed "
                                        "(YAML forbids control characters); remove it\n")


@pytest.mark.parametrize("config, line", [
    ("reference-date: 2024-13-01\n", 1),
    ("packs: [house]\nreference-date: 2024-02-30\n", 2),
])
def test_impossible_date_in_a_config_is_reported_at_its_line(workdir, capsysbinary, config, line):
    (workdir / "house").mkdir()
    (workdir / ".newslint.yaml").write_text(config)
    (workdir / "a.md").write_text(WHILST)
    code, out, err = run(capsysbinary, "check", "--no-cache", "a.md")
    assert code == 2 and out == b""
    assert err.startswith(f"{workdir / '.newslint.yaml'}:{line}: not a date: ")


def test_impossible_date_in_a_rule_file_is_reported_at_its_line(workdir, capsysbinary):
    pack = workdir / "house"
    pack.mkdir()
    (pack / "no-x.yaml").write_text("extends: existence\nmessage: \"No x.\"\ndescription: 2024-13-01\ntokens: [x]\n")
    (workdir / ".newslint.yaml").write_text("packs: [house]\n")
    (workdir / "a.md").write_text(WHILST)
    code, out, err = run(capsysbinary, "check", "--no-cache", "a.md")
    assert code == 2 and out == b""
    assert err.startswith(f"{pack / 'no-x.yaml'}:3: not a date: ")


@pytest.mark.parametrize("entry", ["(?i)", "(?i)wire", "(?x)a b"])
def test_vocab_entry_with_inline_flags_is_reported_at_its_line(workdir, capsysbinary, entry):
    vocab = workdir / ".newslint" / "vocab"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text(f"# accepted\n{entry}\n")
    (workdir / ".newslint.yaml").write_text("packs: [newsroom]\n")
    (workdir / "a.md").write_text(WHILST)
    code, out, err = run(capsysbinary, "check", "--no-cache", "a.md")
    assert (code, out) == (2, b"")
    assert err == (f"{vocab / 'accept.txt'}:2: inline flags such as '(?i)' are not allowed in a vocabulary "
                   "entry: entries already match in any case; remove the flags\n")


# --- 8. Dangling links and link loops named on the command line -------------------------------


def test_dangling_link_and_link_loop_named_on_the_command_line_are_findings(workdir, capsysbinary):
    (workdir / "a.md").write_text(WHILST)
    os.symlink("missing.md", workdir / "dangling.md")
    os.symlink("loop2.md", workdir / "loop1.md")
    os.symlink("loop1.md", workdir / "loop2.md")
    code, out, err = run(capsysbinary, *CONCISE, "dangling.md", "loop1.md", "a.md")
    assert (code, err) == (1, "")
    assert out.decode().splitlines()[:3] == [
        "dangling.md:1:1: file-unreadable [error] Cannot check this file: it is a symbolic link to a missing "
        "file (missing.md).",
        "loop1.md:1:1: file-unreadable [error] Cannot check this file: it cannot be read (Too many levels of "
        "symbolic links).",
        "a.md:1:1: dated-word [info] [*] Use 'While' rather than 'Whilst'.",
    ]


# --- 10. A .newslint.yaml that is not a regular file ------------------------------------------


def _loop(path: Path) -> None:
    os.symlink(path.name + ".other", path)
    os.symlink(path.name, path.parent / (path.name + ".other"))


@pytest.mark.parametrize("make, what", [
    (lambda path: path.mkdir(), "it is a directory, not a file"),
    (lambda path: os.mkfifo(path), "it is not a regular file but a FIFO (named pipe)"),
    (_loop, "it cannot be read (Too many levels of symbolic links)"),
    (lambda path: os.symlink("gone.yaml", path), "it is a symbolic link to a missing file (gone.yaml)"),
])
def test_config_that_is_not_a_regular_file_stops_the_run(workdir, capsysbinary, make, what):
    make(workdir / ".newslint.yaml")
    (workdir / "a.md").write_text(WHILST)
    code, out, err = run(capsysbinary, "check", "--no-cache", "a.md")
    assert (code, out) == (2, b"")
    assert err == f"{workdir / '.newslint.yaml'}:1: cannot use this config file: {what}.\n"


# --- 12. The Python API on text with lone surrogates ------------------------------------------


def test_api_on_a_lone_surrogate_returns_a_finding():
    import newslint

    findings = newslint.lint_text("Talks \udc80 resumed.\nWhilst talks continued, the strikes stopped.\n", "a.md")
    assert [(f.rule, f.start, f.message) for f in findings] == [
        ("file-unreadable", 0, "Cannot check this file: it holds a lone surrogate (U+DC80 at line 1, column 7), "
                               "which no UTF-8 file can; pass text decoded from UTF-8.")]


# --- 11. Messages that name the user's line and say what to do --------------------------------


def _house_rule(workdir: Path, text: str) -> Path:
    pack = workdir / "house"
    pack.mkdir(exist_ok=True)
    (pack / "no-foo.yaml").write_text(text)
    (workdir / ".newslint.yaml").write_text("packs: [house]\n")
    return pack / "no-foo.yaml"


def test_override_whose_joined_pattern_fails_is_reported_at_the_config_line(workdir, capsysbinary):
    (workdir / ".newslint.yaml").write_text("rules:\n  template-placeholder:\n    tokens: ['(?i)']\n")
    (workdir / "a.md").write_text(WHILST)
    code, out, err = run(capsysbinary, "check", "--no-cache", "a.md")
    assert (code, out, err) == (2, b"", f"{workdir / '.newslint.yaml'}:3: the pattern '(?i)' is only inline flags "
                                        "and matches nothing; write the flags before the pattern they apply to, "
                                        "as in '(?i)president'\n")


def test_vale_style_inline_flags_in_tokens_apply_to_their_token(workdir, capsysbinary):
    _house_rule(workdir, "extends: existence\nmessage: \"Avoid '{match}'.\"\ntokens: ['(?i)foo', 'bar']\n")
    (workdir / "a.md").write_text("A FOO, a BAR and a bar.\n")
    code, out, err = run(capsysbinary, "check", "--no-cache", "--format", "concise", "a.md")
    assert out.decode().splitlines()[:-1] == ["a.md:1:3: no-foo [warning] Avoid 'FOO'.",
                                              "a.md:1:20: no-foo [warning] Avoid 'bar'."]


def test_placeholder_with_a_format_spec_says_so(workdir, capsysbinary):
    rule = _house_rule(workdir, "extends: existence\nmessage: \"Avoid '{match:>9}'.\"\ntokens: [foo]\n")
    (workdir / "a.md").write_text(WHILST)
    code, out, err = run(capsysbinary, "check", "--no-cache", "a.md")
    assert (code, out, err) == (2, b"", f"{rule}:2: placeholder {{match:>9}} in message: format specs and "
                                        "conversions are not supported; write {match}\n")


def test_json_report_escapes_a_file_name_that_is_not_utf8(workdir, capsysbinary):
    name = os.fsdecode(b"caf\xe9.md")
    (workdir / name).write_text(WHILST)
    code, out, err = run(capsysbinary, "check", "--no-cache", "--isolated", "--format", "json", ".")
    text = out.decode("utf-8")  # strict: the report is valid UTF-8
    assert json.loads(text)["findings"][0]["path"] == name
    assert '"path": "caf\\udce9.md"' in text
