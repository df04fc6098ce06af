"""The catalogue of bad inputs (docs/reliability.md): each one, and exactly what newslint does.

Articles: every bad file gives a finding (a `file-unreadable` error: exit 1, the run goes on) or
is checked like any other. Rules and config: every problem stops the run before any article is
read, with `path:line: message` and exit 2, quickly. Fixes: files are old or new, never mixed.
Tests run as root here, so permissions are simulated where chmod would not stop root.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from newslint.patterns import safe as patterns
from newslint.run import sources
from newslint.cli import main
from newslint.run.runner import Runner

CONCISE = ("check", "--format", "concise", "--no-cache", "--isolated")
WHILST = "Whilst talks continued, the strikes stopped.\n"
FIXED = "While talks continued, the strikes stopped.\n"
DATED_1_1 = "dated-word [info] [*] Use 'While' rather than 'Whilst'."


def run(capsys, *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def unreadable(path: str, reason: str) -> str:
    return f"{path}:1:1: file-unreadable [error] Cannot check this file: {reason}."


# --- Articles that are checked like any other -------------------------------------------------


@pytest.mark.parametrize("name, data", [
    ("empty.md", b""),
    ("only-front-matter.md", b"---\ntitle: Talks resume\n---\n"),
    ("only-front-matter-no-newline.md", b"---\ntitle: Talks resume\n---"),
    ("only-blank-lines.md", b"\n\n \t\n\r\n"),
    ("only-a-comment.md", b"<!-- nothing to see -->\n"),
])
def test_empty_articles_are_clean(workdir, capsys, name, data):
    (workdir / name).write_bytes(data)
    assert run(capsys, *CONCISE, name) == (0, ["All checked: no findings in 1 file."], "")


@pytest.mark.parametrize("data, where", [
    (b"\xef\xbb\xbf" + WHILST.encode(), "1:1"),  # columns count from after the BOM
    (b"Title\r\n\r\n" + WHILST.encode().replace(b"\n", b"\r\n"), "3:1"),
    (b"Title\r\n\nA line.\r" + WHILST.encode(), "4:1"),  # \r\n, \n and a lone \r each end a line
])
def test_bom_crlf_and_mixed_line_endings_are_checked(workdir, capsys, data, where):
    (workdir / "a.md").write_bytes(data)
    code, out, _ = run(capsys, *CONCISE, "a.md")
    assert (code, out[0]) == (0, f"a.md:{where}: {DATED_1_1}")


def test_nul_after_the_first_8_kb_is_text(workdir, capsys):
    """NUL bytes in the first 8 KB mark a binary file; later ones are text (shown as U+FFFD)."""
    (workdir / "a.md").write_bytes(b"x" * 9000 + b"\n\nA\x00b.\n\n" + WHILST.encode())
    code, out, _ = run(capsys, *CONCISE, "a.md")
    assert (code, out[0]) == (0, f"a.md:5:1: {DATED_1_1}")


@pytest.mark.parametrize("data, fixed", [
    (b"\xef\xbb\xbf" + WHILST.encode(), b"\xef\xbb\xbf" + FIXED.encode()),
    (b"T\r\n\r\nWhilst it rained.\r\n", b"T\r\n\r\nWhile it rained.\r\n"),
    (b"T\r\n\nA.\rWhilst it rained.\n\rB.", b"T\r\n\nA.\rWhile it rained.\n\rB."),
    ("Caf\u00e9 \u05e9\u05dc\u05d5\u05dd e\u0301 \U0001f600 whilst.".encode(),
     "Caf\u00e9 \u05e9\u05dc\u05d5\u05dd e\u0301 \U0001f600 while.".encode()),
])
def test_fix_changes_only_the_edit(workdir, capsys, data, fixed):
    (workdir / "a.md").write_bytes(data)
    assert main([*CONCISE, "--fix", "a.md"]) == 0
    assert (workdir / "a.md").read_bytes() == fixed


# --- Articles that cannot be read: a file-unreadable error each, and the run goes on ------------


@pytest.mark.parametrize("data, reason", [
    ("Caf\u00e9 whilst.\n".encode("latin-1"), "it is not UTF-8 (byte 0xe9 at line 1, byte 4); save it as UTF-8"),
    ("\ufeffWhilst.\n".encode("utf-16-le"), "it is UTF-16; save it as UTF-8"),
    ("\ufeffWhilst.\n".encode("utf-16-be"), "it is UTF-16; save it as UTF-8"),
    ("Whilst it rained.\n".encode("utf-16-le"),
     "it looks like UTF-16 (little-endian, without a byte-order mark); save it as UTF-8"),
    ("Whilst it rained.\n".encode("utf-16-be"),
     "it looks like UTF-16 (big-endian, without a byte-order mark); save it as UTF-8"),
    ("\ufeffWhilst.\n".encode("utf-32-le"), "it is UTF-32; save it as UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "it is a binary file (it contains NUL bytes)"),
    (b"\xff\xd8\xff\xe0 JFIF \xc3\x28", "it is not UTF-8 (byte 0xff at line 1, byte 1); save it as UTF-8"),
    (b"Talks\x00 resumed.\n", "it is a binary file (it contains NUL bytes)"),
])
def test_undecodable_files(workdir, capsys, data, reason):
    (workdir / "bad.md").write_bytes(data)
    (workdir / "good.md").write_text(WHILST)
    code, out, _ = run(capsys, *CONCISE, ".")
    assert code == 1
    assert out[:2] == [unreadable("bad.md", reason), f"good.md:1:1: {DATED_1_1}"]


def test_file_over_the_size_limit(workdir, capsys, monkeypatch):
    with open(workdir / "huge.md", "wb") as handle:  # sparse: the size is refused before reading
        handle.truncate(sources.MAX_BYTES + 1)
    asked = []
    real_read = os.read
    monkeypatch.setattr(sources.os, "read", lambda fd, size: asked.append(size) or real_read(fd, size))
    code, out, _ = run(capsys, *CONCISE, "huge.md")
    assert (code, out[0]) == (1, unreadable("huge.md", "it is 25,000,001 bytes, over the 25,000,000-byte limit "
                                                       "for one article"))
    assert asked == []  # refused from its size alone: not a byte of it was read


def test_file_over_the_line_limit(workdir, capsys):
    (workdir / "lines.md").write_bytes(b"\n" * (sources.MAX_LINES + 1))
    code, out, _ = run(capsys, *CONCISE, "lines.md")
    assert (code, out[0]) == (1, unreadable("lines.md", "it has 500,001 lines, over the 500,000-line limit "
                                                        "for one article"))


def test_file_over_the_block_limit(workdir, capsys):
    # 150,001 one-letter table cells on one row: refused before spaCy reads any of them.
    (workdir / "cells.md").write_text("| a | b |\n|---|---|\n" + "|x" * 150_001 + "\n")
    code, out, _ = run(capsys, *CONCISE, "cells.md")
    assert (code, out[0]) == (1, unreadable("cells.md", "it has over 150,000 paragraphs, headings, list items "
                                                        "and table cells, the limit for one article"))


def test_file_deleted_between_discovery_and_reading(workdir, capsys, monkeypatch):
    import newslint.run.runner as runner

    (workdir / "gone.md").write_text(WHILST)
    (workdir / "kept.md").write_text(WHILST)
    discover = runner.discover

    def discover_then_delete(*args, **kwargs):
        found = list(discover(*args, **kwargs))
        (workdir / "gone.md").unlink()
        return iter(found)

    monkeypatch.setattr(runner, "discover", discover_then_delete)
    code, out, _ = run(capsys, *CONCISE, ".")
    assert code == 1
    assert out[:2] == [unreadable("gone.md", "it does not exist (was it deleted during the run?)"),
                       f"kept.md:1:1: {DATED_1_1}"]


def test_unreadable_permissions(workdir, capsys, monkeypatch):
    (workdir / "locked.md").write_text(WHILST)
    (workdir / "open.md").write_text(WHILST)
    real_open = os.open

    def refuse(path, *args, **kwargs):  # root reads through chmod 000, so the refusal is simulated
        if str(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, out, _ = run(capsys, *CONCISE, ".")
    assert code == 1
    assert out[:2] == [unreadable("locked.md", "it cannot be read (Permission denied)"), f"open.md:1:1: {DATED_1_1}"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_permissions_for_real(workdir, capsys):
    locked = workdir / "locked.md"
    locked.write_text(WHILST)
    locked.chmod(0)
    try:
        code, out, _ = run(capsys, *CONCISE, "locked.md")
    finally:
        locked.chmod(0o644)
    assert (code, out[0]) == (1, unreadable("locked.md", "it cannot be read (Permission denied)"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_named_md_is_not_waited_on(workdir, capsys):
    os.mkfifo(workdir / "pipe.md")
    (workdir / "good.md").write_text(WHILST)
    code, out, _ = run(capsys, *CONCISE, ".")
    assert code == 1
    assert out[:2] == [f"good.md:1:1: {DATED_1_1}",
                       unreadable("pipe.md", "it is not a regular file but a FIFO (named pipe)")]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_symlink_loops(workdir, capsys):
    (workdir / "news").mkdir()
    (workdir / "news" / "a.md").write_text(WHILST)
    (workdir / "news" / "up").symlink_to("..")  # a folder loop: not followed
    (workdir / "loop1.md").symlink_to("loop2.md")  # a file loop: unreadable
    (workdir / "loop2.md").symlink_to("loop1.md")
    (workdir / "dangling.md").symlink_to("missing.md")
    code, out, _ = run(capsys, *CONCISE, ".")
    assert code == 1
    assert out == [
        unreadable("dangling.md", "it is a symbolic link to a missing file (missing.md)"),
        unreadable("loop1.md", "it cannot be read (Too many levels of symbolic links)"),
        unreadable("loop2.md", "it cannot be read (Too many levels of symbolic links)"),
        f"news/a.md:1:1: {DATED_1_1}",
        "Found 4 findings (3 errors, 0 warnings, 1 info) in 4 files.",
        "[*] 1 fixable with --fix.",
    ]


# --- Size and volume ---------------------------------------------------------------------------


def test_twenty_megabyte_article(workdir, capsys):
    """20 MB is checked (the full rule set takes about 90 s and 1.1 GB: docs/reliability.md);
    here with the regex rules, which read every block, to keep the suite fast."""
    paragraph = ("Talks resumed in Ankara on Monday, and the delegations met for three hours before "
                 "the ministers spoke to reporters outside the hall. ") * 4 + "\n\n"
    count = 20_000_000 // len(paragraph) + 1
    (workdir / "big.md").write_text(paragraph * count + WHILST)
    assert (workdir / "big.md").stat().st_size > 20_000_000
    code, out, _ = run(capsys, *CONCISE, "--select", "dated-word,template-placeholder", "big.md")
    assert (code, out[0]) == (0, f"big.md:{2 * count + 1}:1: {DATED_1_1}")


def test_one_megabyte_line_goes_through_spacy(workdir, capsys):
    """spaCy's max_length never raises: blocks are fed in chunks of 100,000 characters."""
    sentence = "As of my last knowledge update, the talks had stalled. "
    (workdir / "line.md").write_text(sentence * (1_000_000 // len(sentence)) + "\n")
    code, out, _ = run(capsys, *CONCISE, "--select", "knowledge-cutoff", "line.md")
    count = 1_000_000 // len(sentence)
    assert code == 1
    assert out[0].startswith("line.md:1:1: knowledge-cutoff [error] 'As of my last knowledge update'")
    assert out[-1] == f"Found {count} findings ({count} errors, 0 warnings, 0 info) in 1 file."


@pytest.mark.parametrize("word", ["[", "&amp;", "\U0001f600", "a"])
def test_one_megabyte_word(workdir, capsys, word):
    """A run of punctuation or emoji without spaces: quadratic in spaCy's tokenizer, masked."""
    (workdir / "word.md").write_text(word * (1_000_000 // len(word)) + "\n")
    code, out, _ = run(capsys, *CONCISE, "word.md")
    assert (code, out) == (0, ["All checked: no findings in 1 file."], )


def test_ten_thousand_files_in_one_run(workdir, capsys):
    for number in range(10_000):
        (workdir / f"story-{number:05}.md").write_text(WHILST if number % 1000 == 0 else "Talks resumed.\n")
    code, out, _ = run(capsys, *CONCISE, "--jobs", "2", ".")
    assert code == 0
    assert out[:10] == [f"story-{number:05}.md:1:1: {DATED_1_1}" for number in range(0, 10_000, 1000)]
    assert out[10] == "Found 10 findings (0 errors, 0 warnings, 10 info) in 10000 files."


# --- Hostile or broken rules and config: exit 2 with path:line, or a rule-timeout finding -------


@pytest.fixture
def house(workdir):
    """A config with a house pack; write rules into the returned folder."""
    (workdir / ".newslint.yaml").write_text("packs: [newsroom, house]\n")
    (workdir / "house").mkdir()
    (workdir / "a.md").write_text(WHILST)
    return workdir / "house"


def test_catastrophic_pattern_gives_up_and_the_run_goes_on(house, capsys, monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 0.2)
    (house / "run-of-a.yaml").write_text("extends: existence\nmessage: m\nnonword: true\ntokens: ['(a|aa)+$']\n")
    run_of_a = "a" * 60 + "b\n"
    (house.parent / "a.md").write_text("Talks resumed.\n\n" + run_of_a)
    (house.parent / "b.md").write_text(run_of_a + "\n" + WHILST)
    code, out, _ = run(capsys, "check", "--format", "concise", "--no-cache", "a.md", "b.md")
    pattern = "'(?:(?:(a|aa)+$))'"
    assert (code, out) == (0, [
        f"a.md:3:1: rule-timeout [warning] Rule 'run-of-a' gave up on this file after 0.2 s: its pattern "
        f"{pattern} backtracks catastrophically. Simplify it; the rule is skipped for the rest of this run.",
        f"b.md:1:1: rule-timeout [warning] Rule 'run-of-a' was not run on this file: its pattern {pattern} "
        "gave up after 0.2 s earlier in this run, as it backtracks catastrophically. Simplify the pattern.",
        f"b.md:3:1: {DATED_1_1}",
        "Found 3 findings (0 errors, 2 warnings, 1 info) in 2 files.",
        "[*] 1 fixable with --fix.",
    ])


def test_variable_width_look_behind_is_allowed(house, capsys):
    """`re` refuses `(?<=a+)`; `regex`, like Vale's regexp2, allows it."""
    (house / "after-a.yaml").write_text("extends: existence\nmessage: \"'{match}'\"\nnonword: true\n"
                                        "tokens: ['(?<=a+)b']\n")
    (house.parent / "a.md").write_text("xaab\n")
    code, out, _ = run(capsys, "check", "--format", "concise", "--no-cache", "a.md")
    assert out[0] == "a.md:1:4: after-a [warning] 'b'"


def test_nested_quantifier_that_regex_handles_fast(house, capsys):
    """`(a+)+$`, the textbook case, makes `re` backtrack for hours; `regex` sees through it."""
    (house / "run-of-a.yaml").write_text("extends: existence\nmessage: \"'{match}'\"\nnonword: true\n"
                                         "tokens: ['(a+)+$']\n")
    (house.parent / "a.md").write_text("a" * 60 + "b\n\n" + "a" * 10 + "\n")
    code, out, _ = run(capsys, "check", "--format", "concise", "--no-cache", "a.md")
    assert out[0] == "a.md:3:1: run-of-a [warning] 'aaaaaaaaaa'"


def test_catastrophic_regex_predicate_in_a_sequence_rule(house, capsys, monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 0.2)
    (house / "odd-token.yaml").write_text(
        "extends: sequence\nmessage: \"'{match}'\"\npatterns:\n  - [{LOWER: the}, {TEXT: {REGEX: '(a|aa)+$'}}]\n")
    (house.parent / "a.md").write_text("See the aaaa.\n\nThen the " + "a" * 60 + "b went.\n")
    code, out, _ = run(capsys, "check", "--format", "concise", "--no-cache", "a.md")
    assert out[0] == ("a.md:3:1: rule-timeout [warning] Rule 'odd-token' gave up on this file after 0.2 s: its "
                      "pattern '(a|aa)+$' backtracks catastrophically. Simplify it; the rule is skipped for the "
                      "rest of this run.")
    (house.parent / "a.md").write_text("See the aaaa.\n")
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 1.0)
    code, out, _ = run(capsys, "check", "--format", "concise", "--no-cache", "a.md")  # a new run: a new chance
    assert out[0] == "a.md:1:5: odd-token [warning] 'the aaaa'"


def test_findings_of_a_rule_that_gave_up_are_not_cached(house, capsys, monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 0.2)
    (house / "run-of-a.yaml").write_text("extends: existence\nmessage: m\nnonword: true\ntokens: ['(a|aa)+$']\n")
    (house.parent / "a.md").write_text("a" * 60 + "b\n")
    main(["check", "--format", "concise", "a.md"])
    # No findings entry: the compiled forms of the rules' data (compiled/) are no findings.
    cache = house.parent / ".newslint_cache"
    assert not [p for p in cache.rglob("*.json") if "compiled" not in p.relative_to(cache).parts]
    assert list((cache / "compiled").rglob("*.json"))  # so the test would see an entry written
    capsys.readouterr()


def _exit_2(capsys, path: Path, line: int, message: str, *argv: str) -> None:
    code, out, err = run(capsys, "check", *argv, "a.md")
    assert (code, out) == (2, [])
    assert err.startswith(f"{path}:{line}: {message}"), err
    assert len(err.splitlines()) == 1


BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)


@pytest.mark.parametrize("rule_text, line, message", [
    ("extends: existence\nmessage: m\n" + BILLION_LAUGHS, 4, "anchors and aliases are not supported here"),
    ("extends: existence\nmessage: !!python/object/apply:os.system ['true']\ntokens: [a]\n", 2,
     "invalid YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("extends: existence\nmessage: m\ntokens: " + "[" * 100_000 + "]" * 100_000 + "\n", 3,
     "invalid YAML: nested too deeply"),
    ("extends: existence\nmessage: m\ntokens: ['(?:(?:(?:a{1000}){1000}){1000})']\n", 3,
     "regular expression '(?:(?:(?:a{1000}){1000}){1000})' is too large: about 1,000,000,000 steps"),
    ("extends: existence\nmessage: m\ntokens: ['" + "(" * 5000 + "a" + ")" * 5000 + "']\n", 3,
     "bad regular expression '((((("),
    ("extends: sequence\nmessage: m\npatterns:\n  - [{LENGTH: {REGEX: '^1'}}]\n", 4,
     "REGEX tests text: use it on ORTH, TEXT, NORM, LOWER, SHAPE, not LENGTH"),
    ("extends: sequence\nmessage: m\npatterns:\n  - [{SUFFIX: ed}]\n", 4, "unknown token attribute 'SUFFIX'"),
    ("extends: sequence\nmessage: m\npatterns:\n  - [{TEXT: {REGEX: '(unclosed'}}]\n", 4,
     "bad regular expression '(unclosed'"),
    ("- not\n- a mapping\n", 1, "a rule file must be a mapping of keys such as 'extends' and 'message'"),
    ("", 1, "a rule file must be a mapping of keys such as 'extends' and 'message'"),
    ("extends: existence\nmessage: m\ntokens: [a]\ntokens: [b]\n", 4, "duplicate key 'tokens'"),
    ("extends: existence\nmessage: m\ntokens: [a]\nlevle: error\n", 4, "unknown key 'levle' for kind 'existence'"),
    ("extends: existence\nmessage: m\ntokens: [a]\n\tscope: x\n", 4, "invalid YAML:"),
])
def test_broken_rule_files(house, capsys, rule_text, line, message):
    (house / "house-rule.yaml").write_text(rule_text)
    _exit_2(capsys, house / "house-rule.yaml", line, message)


def test_rule_file_of_100_mb_is_refused_before_reading(house, capsys):
    with open(house / "huge.yaml", "wb") as handle:
        handle.truncate(100_000_000)
    _exit_2(capsys, house / "huge.yaml", 1, "file is 100,000,000 bytes; the limit is 1,000,000")


def test_rule_file_that_is_not_utf8(house, capsys):
    (house / "latin.yaml").write_bytes("extends: existence\nmessage: caf\u00e9\n".encode("latin-1"))
    _exit_2(capsys, house / "latin.yaml", 1, "not UTF-8 (invalid continuation byte at byte 31)")


def test_data_file_of_100_mb_is_refused_before_reading(house, capsys):
    (house / "data").mkdir()
    with open(house / "data" / "words.txt", "wb") as handle:
        handle.truncate(100_000_000)
    (house / "banned.yaml").write_text("extends: existence\nmessage: m\ntokens-file: words.txt\n")
    _exit_2(capsys, house / "banned.yaml", 1, "data file words.txt is 100,000,000 bytes; the limit is 1,000,000")


@pytest.mark.parametrize("config_text, line, message", [
    (BILLION_LAUGHS, 2, "anchors and aliases are not supported here"),
    ("ignore: !!python/object/new:os.system [echo]\n", 1, "invalid YAML: could not determine a constructor"),
    ("ignore: " + "[" * 100_000 + "]" * 100_000 + "\n", 1, "invalid YAML: nested too deeply"),
    ("packs: [newsroom]\nignroe: [dated-word]\n", 2, "unknown key 'ignroe' in config"),
    ("fail-on: sometimes\n", 1, "'fail-on' must be 'error' or 'warning' or 'info', not 'sometimes'"),
    ("select: [all]\nignore:\n  - dated-wrod\n", 2, "unknown rule 'dated-wrod' in 'ignore' (did you mean 'dated-word'?)"),
    ("packs: [newsroom, nowhere]\n", 1, "pack 'nowhere' is neither a built-in pack"),
    ("extends: missing.yaml\n", 1, "'extends' names 'missing.yaml', which does not exist"),
    ("rules:\n  dated-word:\n    swap: {'(bad': x}\n", 3, "bad regular expression '(bad'"),
    ("rules:\n  dated-word:\n    swapp: {}\n", 3, "unknown key 'swapp' for kind 'substitution'"),
    ("severity: {dated-word: fatal}\n", 1,
     "'severity' must be 'error' or 'warning' or 'info' or 'suggestion', not 'fatal'"),
    ("ignore: dated-word\n", 1, "'ignore' must be a list of text, not 'dated-word'"),
    ("- a list\n", 1, "a config file must be a mapping of keys such as 'packs' and 'ignore'"),
    ("ignore: [\n", 2, "invalid YAML:"),
])
def test_broken_config(workdir, capsys, config_text, line, message):
    (workdir / ".newslint.yaml").write_text(config_text)
    (workdir / "a.md").write_text(WHILST)
    _exit_2(capsys, workdir / ".newslint.yaml", line, message)


def test_config_of_100_mb_is_refused_before_reading(workdir, capsys):
    with open(workdir / ".newslint.yaml", "wb") as handle:
        handle.truncate(100_000_000)
    (workdir / "a.md").write_text(WHILST)
    _exit_2(capsys, workdir / ".newslint.yaml", 1, "file is 100,000,000 bytes; the limit is 1,000,000")


# --- Front matter: a finding, and the body is still checked ------------------------------------


@pytest.mark.parametrize("front_matter, where, message", [
    ("---\n" + BILLION_LAUGHS + "---\n", "2:1",
     "front matter too complex: aliases expand to over 100000 nodes"),
    ("---\ntitle: !!python/object/apply:os.system ['true']\n---\n", "2:8",
     "YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("---\na: &a [*a]\n---\n", "2:4", "front matter too complex: an alias refers to itself"),
    ("---\ntags: " + "[" * 50_000 + "]" * 50_000 + "\n---\n", "2:1", "front matter too complex: nested too deep"),
    ("---\ntitle: x\n", "1:1", "front matter opened on line 1 is never closed"),
    ("+++\ntitle = \n+++\n", "2:9", "TOML: Invalid value"),
    ("---\ndescription: " + "x" * (1 << 20) + "\n---\n", "1:1", "front matter is larger than 1 MB"),
])
def test_broken_front_matter(workdir, capsys, front_matter, where, message):
    (workdir / "a.md").write_text(front_matter + "\n" + WHILST)
    code, out, _ = run(capsys, *CONCISE, "a.md")
    assert code == 1
    assert out[0].startswith(f"a.md:{where}: front-matter-invalid [error] Invalid front matter: {message}. "), out[0]
    assert out[1].endswith(DATED_1_1)  # the body was still checked


# --- Fixes that lose nothing --------------------------------------------------------------------


def test_fix_that_cannot_be_written_leaves_the_file_and_reports_it(workdir, capsys, monkeypatch):
    import tempfile

    (workdir / "a.md").write_text(WHILST)
    (workdir / "b.md").write_text(WHILST)

    def refuse(*args, dir=None, **kwargs):  # noqa: A002 - tempfile's own keyword
        if str(dir).endswith(str(workdir)) and not refuse.done:
            refuse.done = True
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, dir=dir, **kwargs)

    real_mkstemp, refuse.done = tempfile.mkstemp, False
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, out, _ = run(capsys, *CONCISE, "--fix", ".")
    assert code == 1
    assert out[:2] == [
        "a.md:1:1: file-unreadable [error] Cannot write the fixes to this file: it cannot be written "
        "(Permission denied); it was left unchanged.",
        f"a.md:1:1: {DATED_1_1}"]
    assert (workdir / "a.md").read_text() == WHILST
    assert (workdir / "b.md").read_text() == FIXED
    assert sorted(p.name for p in workdir.iterdir()) == ["a.md", "b.md"]


def test_fix_does_not_overwrite_an_edit_made_meanwhile(workdir, capsys, monkeypatch):
    (workdir / "a.md").write_text(WHILST)
    fix = Runner.fix

    def fix_while_someone_edits(self, *args):
        result = fix(self, *args)
        (workdir / "a.md").write_text("An editor's change.\n" + WHILST)
        return result

    monkeypatch.setattr(Runner, "fix", fix_while_someone_edits)
    code, out, _ = run(capsys, *CONCISE, "--fix", "a.md")
    assert (code, out[0]) == (1, "a.md:1:1: file-unreadable [error] Cannot write the fixes to this file: it "
                                 "changed on disk while newslint was fixing it; it was left unchanged.")
    assert (workdir / "a.md").read_text() == "An editor's change.\n" + WHILST


@pytest.mark.parametrize("step", ["write", "fsync", "chmod", "replace"])
def test_crash_mid_write_leaves_the_old_file(workdir, monkeypatch, step):
    path = workdir / "a.md"
    path.write_text(WHILST)
    path.chmod(0o640)
    targets = {"write": (os, "fdopen"), "fsync": (os, "fsync"), "chmod": (os, "chmod"), "replace": (os, "replace")}
    module, name = targets[step]

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # what a kill or Ctrl-C looks like from inside

    monkeypatch.setattr(module, name, crash)
    with pytest.raises(KeyboardInterrupt):
        sources.write_atomic(path, FIXED.encode())
    monkeypatch.undo()
    assert path.read_text() == WHILST
    assert [p.name for p in workdir.iterdir()] == ["a.md"]  # no temporary file left behind
    assert path.stat().st_mode & 0o777 == 0o640


def test_killed_run_leaves_every_file_old_or_new(workdir):
    """A real kill -9 in the middle of a --fix run over 300 files."""
    import signal
    import subprocess

    for number in range(300):
        (workdir / f"s{number:03}.md").write_text(WHILST * 20)
    process = subprocess.Popen([sys.executable, "-m", "newslint", "check", "--fix", "--no-cache", "--isolated",
                                "--jobs", "1", "."], cwd=workdir, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until it has written some files, then kill it
        if sum(1 for p in workdir.glob("*.md") if p.read_text().startswith("While")) >= 5:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    contents = {p.read_text() for p in workdir.glob("*.md")}
    assert contents <= {WHILST * 20, FIXED * 20}
    assert FIXED * 20 in contents
    # At most a temporary file of ours is left: hidden, and not an article to any later run.
    assert all(p.name.startswith(".s") and p.name.endswith(".newslint")
               for p in workdir.iterdir() if p.suffix != ".md")


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_fix_through_a_symlink_keeps_the_link(workdir):
    (workdir / "real").mkdir()
    (workdir / "real" / "a.md").write_text(WHILST)
    (workdir / "a.md").symlink_to("real/a.md")
    assert main([*CONCISE, "--fix", "a.md"]) == 0
    assert (workdir / "a.md").is_symlink()
    assert (workdir / "real" / "a.md").read_text() == FIXED


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give files away")
def test_fix_keeps_the_owner(workdir):
    path = workdir / "a.md"
    path.write_text(WHILST)
    os.chown(path, 65534, 65534)
    assert main([*CONCISE, "--fix", "a.md"]) == 0
    assert (path.read_text(), path.stat().st_uid, path.stat().st_gid) == (FIXED, 65534, 65534)
