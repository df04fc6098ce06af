"""The parts that keep newslint safe, tested alone: time-limited patterns, the spaCy feed, reading
and writing articles, YAML limits, discovery through links, bounded parsing.

The catalogue of whole bad inputs is tests/test_bad_inputs.py; properties are in
tests/test_properties.py; docs/reliability.md says what is promised.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.text import nlp
from newslint.patterns import safe as patterns
from newslint.config import default_settings
from newslint.engine import Linter
from newslint.errors import ConfigError
from newslint.patterns.safe import PatternTimeout, SafePattern, compile_pattern
from newslint.run.sources import BOM, SourceText, decode, encode, read_source, write_atomic
from newslint.yamlfile import parse_yaml

FIXTURES = Path(__file__).parent / "fixtures"

# --- patterns.py ---------------------------------------------------------------------------------


def test_safe_pattern_behaves_like_re():
    text = "Whilst talks continued, amongst others; WHILST."
    for source, ignorecase in [(r"(?P<w>whilst)|amongst", True), (r"\b[A-Z]\w+", False), (r"(?<=, )\w+", False)]:
        mine = compile_pattern(source, ignorecase=ignorecase)
        theirs = re.compile(source, re.IGNORECASE if ignorecase else 0)
        assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)]
        assert [m.span() for m in mine.finditer(text, 5, 30)] == [m.span() for m in theirs.finditer(text, 5, 30)]
        assert bool(mine.search(text, 10)) == bool(theirs.search(text, 10))
        assert bool(mine.match(text)) == bool(theirs.match(text))
        assert mine.findall(text) == theirs.findall(text)
        assert mine.groups == theirs.groups and mine.groupindex == dict(theirs.groupindex)
    named = compile_pattern(r"(?P<s0>whilst)|(?P<s1>amongst)", ignorecase=True).search(text, 8)
    assert (named.group("s0"), named.group("s1"), named.start(), named.lastgroup) == (None, "amongst", 24, "s1")
    assert compile_pattern("talks").fullmatch("talks") and not compile_pattern("talks").fullmatch("talks!")


def test_built_in_patterns_match_as_they_did_under_re(monkeypatch):
    """The switch from `re` to `regex` changes no match of any built-in rule on any fixture."""
    compiled: list[SafePattern] = []
    real = patterns.compile_pattern

    def spy(text, **kwargs):
        compiled.append(real(text, **kwargs))
        return compiled[-1]

    import newslint.kinds as kinds

    for module in vars(kinds).values():
        if hasattr(module, "compile_pattern"):
            monkeypatch.setattr(module, "compile_pattern", spy)
    Linter(default_settings())
    assert len(compiled) > 20
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.glob("*/*.md"))]
    for pattern in compiled:
        theirs = re.compile(pattern.pattern, pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in theirs.finditer(text)], \
                pattern.pattern[:80]


def test_a_catastrophic_pattern_times_out_once_then_gives_up_at_once(monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 0.1)
    pattern = compile_pattern(r"(a|aa)+$")
    assert pattern.search("aaaa")  # quick on a short run
    with pytest.raises(PatternTimeout) as first:
        list(pattern.finditer("a" * 60 + "b"))
    assert (first.value.earlier, first.value.seconds, first.value.pattern) == (False, pytest.approx(0.1, abs=0.01),
                                                                               "(a|aa)+$")
    for call in (pattern.search, pattern.match, pattern.fullmatch, pattern.findall):
        with pytest.raises(PatternTimeout) as later:
            call("aaaa")
        assert later.value.earlier


def test_time_limit_grows_with_the_text_and_the_pattern():
    short, long = compile_pattern("x"), compile_pattern("|".join(f"w{i:05}" for i in range(10_000)))
    # One second, plus 10 µs per character, plus 2 ns per character and step (one step here).
    assert short._limit("a" * 1_000_000, 0, None) == pytest.approx(1.0 + 10.0 + 0.002)
    # About 40,000 steps (re's parser factors out common prefixes): 80 µs more per character.
    assert long._limit("a" * 100_000, 0, None) == pytest.approx(1.0 + 100_000 * (10e-6 + 40_002 * 2e-9))
    assert short._limit("a" * 1000, 900, 950) == pytest.approx(1.0 + 50 * short._per_char)


def test_legitimate_patterns_stay_far_below_their_limit():
    """The slowest built-in kind of pattern, a 10,000-word list, on 100,000 characters."""
    words = compile_pattern(patterns.alternation(tuple(f"w{i:05}x" for i in range(10_000)), nonword=False),
                            ignorecase=True)
    text = "the minister said talks continued " * 3000
    # Within its time limit (a run out of time raises); how fast is for benchmarks/, since a
    # timed assertion fails on a loaded machine.
    assert list(words.finditer(text)) == []


@pytest.mark.parametrize("pattern, message", [
    ("(unclosed", "bad regular expression '(unclosed': missing ), unterminated subpattern at position 0"),
    ("(?:(?:a{1000}){1000}){2}", "regular expression '(?:(?:a{1000}){1000}){2}' is too large: about 2,000,000 steps"),
    ("((((" * 2000 + "a" + "))))" * 2000, "bad regular expression '((((((((((("),
    ("x" * 2_000_001, "regular expression 'xxxxxxxx"),
])
def test_patterns_refused_at_load(pattern, message):
    with pytest.raises(ValueError) as error:
        compile_pattern(pattern)
    assert str(error.value).startswith(message)


def test_large_but_fixed_repeats_are_allowed():
    assert compile_pattern(r"\d{4}-\d{2}-\d{2}|[a-z]{0,100000}|x{1000}").search("on 2024-01-17")


def test_preview_is_one_short_line():
    assert patterns.preview("a\nb") == r"'a\nb'"
    assert patterns.preview("x" * 100) == "'" + "x" * 59 + "…'"


# --- nlp.py ---------------------------------------------------------------------------------------


def test_long_blocks_are_cut_between_sentences():
    text = "One two three. " * 10_000  # 150,000 characters
    pieces = list(nlp._cut(text))
    assert [base for base, _ in pieces] == [0, 99_990]
    assert all(piece.endswith(". ") or piece == pieces[-1][1] for _, piece in pieces)
    assert "".join(piece for _, piece in pieces) == text


def test_long_words_are_masked_for_spacy_only():
    text = "Talks " + "[" * 100 + " resumed " + "\U0001f600" * 65 + " " + "y" * 64
    masked = nlp._masked(text)
    assert len(masked) == len(text)
    assert masked == "Talks " + "x" * 100 + " resumed " + "x" * 65 + " " + "y" * 64  # 64: not masked


def test_run_on_sentences_are_cut():
    doc = nlp.pipeline()("word " * 1000)
    assert [len(s) for s in doc.sents] == [250, 250, 250, 250]
    assert [len(s) for s in nlp.pipeline()("Short one. Another one.").sents] == [3, 3]


def test_spacy_is_fed_prose_it_can_swallow_in_bounded_time():
    from newslint.text.document import Document

    document = Document("a.md", "&amp;" * 200_000 + "\n\n" + "[" * 300_000 + "\n")
    chunks = list(document.analysed())
    assert sum(len(chunk.doc.text) for chunk in chunks) == 500_000


# --- sources.py -----------------------------------------------------------------------------------


@pytest.mark.parametrize("data, result", [
    (b"", SourceText("")),
    (b"\xef\xbb\xbf", SourceText("", bom=True)),
    (b"\xef\xbb\xbfa\r\nb", SourceText("a\r\nb", bom=True)),
    (b"\xef\xbb\xbf\xef\xbb\xbfa", SourceText("\ufeffa", bom=True)),  # a second BOM is text
    (b"a\x00b\x00", "it looks like UTF-16 (little-endian, without a byte-order mark); save it as UTF-8"),
    (b"\x00", "it is a binary file (it contains NUL bytes)"),
    (b"\xed\xa0\x80", "it is not UTF-8 (byte 0xed at line 1, byte 1); save it as UTF-8"),  # a surrogate
    (b"a\nb\n\xc3", "it is not UTF-8 (byte 0xc3 at line 3, byte 1); save it as UTF-8"),
])
def test_decode(data, result):
    assert decode(data) == result
    if isinstance(result, SourceText):
        assert encode(result) == data


def test_read_source_reasons(tmp_path):
    assert read_source(tmp_path) == "it is a directory"
    assert read_source(tmp_path / "none.md") == "it does not exist (was it deleted during the run?)"
    (tmp_path / "a.md").write_bytes(b"\xef\xbb\xbfTalks.\r\n")
    assert read_source(tmp_path / "a.md") == SourceText("Talks.\r\n", bom=True)


def test_read_source_never_reads_past_the_limit(tmp_path, monkeypatch):
    import newslint.run.sources as sources

    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    path = tmp_path / "a.md"
    path.write_bytes(b"x" * 11)
    assert read_source(path) == "it is 11 bytes, over the 10-byte limit for one article"
    real_fstat = sources.os.fstat

    class Shrunk:  # a file that grows between the size check and the read
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 5

    monkeypatch.setattr(sources.os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    assert read_source(path) == "it is 11 bytes, over the 10-byte limit for one article"


def test_write_atomic_keeps_mode_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    path.chmod(0o600)
    write_atomic(path, b"new", expected=b"old")
    assert (path.read_bytes(), path.stat().st_mode & 0o777) == (b"new", 0o600)
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
    from newslint.run.sources import ChangedOnDisk

    with pytest.raises(ChangedOnDisk):
        write_atomic(path, b"newer", expected=b"old")
    assert path.read_bytes() == b"new"
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "gone.md", b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
    assert encode(SourceText("x", bom=True)) == (BOM + "x").encode()


# --- YAML, discovery, parsing ---------------------------------------------------------------------


@pytest.mark.parametrize("text, line", [
    ("a: &x 1\nb: *x\n", 2),
    ("base: &b {level: error}\nrule:\n  <<: *b\n", 3),
    ("a: [1, 2]\nb:\n  - c\n  - *x\n", 4),  # an alias of an unknown anchor: still refused by line
])
def test_yaml_aliases_are_refused_at_their_own_line(text, line):
    with pytest.raises(ConfigError) as error:
        parse_yaml(text, "rules.yaml")
    assert (error.value.line, error.value.message) == (line, "anchors and aliases are not supported here")


def test_discovery_survives_link_loops(tmp_path):
    from newslint.run.discovery import discover

    (tmp_path / "a.md").write_text("x")
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "up").symlink_to(".")
    found = list(discover([str(tmp_path)], lambda folder: default_settings(tmp_path)))
    assert sorted(Path(p).name for p in found) == ["a.md", "loop.md"]


def test_backtick_runs_of_every_length_parse_in_linear_time():
    from newslint.text.markdown import parse_body

    text = "".join("`" * i + " x " for i in range(1, 2000)) + "\n"  # two million characters
    parse_body(text)


def test_code_spans_still_close_at_the_next_run_of_the_same_length():
    from newslint.text.inline import BacktickRuns, split_cells
    from newslint.text.markdown import parse_body

    runs = BacktickRuns("a ``b` c`` d ` e")
    assert (runs.closing(4, 2), runs.closing(4, 1), runs.closing(13, 1), runs.closing(14, 1)) == (10, 6, 14, None)
    assert [b.text for b in parse_body("Keep ``a ` b`` and `c`` d` here.\n").blocks] == ["Keep and here."]
    assert split_cells("| `a|b` | c |") == [(0, 0), (2, 7), (10, 11), (13, 13)]


def test_parsing_stops_at_the_block_limit(monkeypatch):
    import newslint.text.markdown as markdown

    monkeypatch.setattr(markdown, "MAX_BLOCKS", 3)
    assert markdown.parse_body("a\n\nb\n\nc\n").truncated is False
    body = markdown.parse_body("a\n\nb\n\nc\n\nd\n")
    assert (len(body.blocks), body.truncated) == (3, True)
    assert markdown.parse_body("|a|b|\n|-|-|\n|1|2|3|4|\n").truncated is True


def test_findings_do_not_depend_on_the_process(tmp_path):
    """Two processes with different string-hash seeds (set order) give byte-identical reports."""
    import os
    import subprocess
    import sys

    reports = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "newslint", "check", "--isolated", "--no-cache", "--jobs", "1",
                               "--format", "json", str(FIXTURES)], capture_output=True, env=environment, cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        reports.append(done.stdout)
    assert reports[0] == reports[1]
    assert reports[0].count(b'"rule"') > 50


def test_sequence_regex_predicates_match_as_spacy_would():
    """The rewrite of REGEX into time-limited token extensions matches what spaCy's REGEX does."""
    from spacy.matcher import Matcher

    from newslint.kinds import sequence

    token_patterns = [
        [{"LOWER": "the"}, {"TEXT": {"REGEX": r"^[A-Z]\w+"}, "OP": "+"}],
        [{"LOWER": {"REGEX": "ing$", "NOT_IN": ["during"]}}, {"ORTH": {"REGEX": r"\d"}, "OP": "?"}],
        [{"SHAPE": {"REGEX": "^dd?$"}}, {"LOWER": {"IN": ["killed", "dead"]}}],
        [{"NORM": {"REGEX": "(a|aa)+b"}}, {"LOWER": {"REGEX": "^op"}}],
    ]
    for pattern in token_patterns:
        sequence._check_pattern(pattern)
    options = sequence.Options(tuple(token_patterns))
    native = Matcher(nlp.pipeline().vocab, validate=True)
    native.add("rule", token_patterns)
    text = ("The Minister Of State said 12 killed during the morning, 3 dead, counting 2024 votes; "
            "aab opened the Talks.")
    doc = nlp.pipeline()(text)
    assert sorted(options.matcher()(doc)) == sorted(native(doc))
    assert len(native(doc)) >= 6
