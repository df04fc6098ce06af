"""Property tests (hypothesis): arbitrary markdown, front matter and unicode never break newslint.

The document model: parsing never raises, every prose character maps inside the source, and
where a stretch of prose is copied from the source it is the same text. The engine: linting
never raises, every finding's span lies inside the file, its line and column name the same
place, and linting twice gives the same findings. Fixes: a second --fix changes nothing, the
bytes outside each edit stay (BOM, line endings, encoding), and overlapping edits never apply
together. Example counts are recorded in docs/reliability.md; keep them in step.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newslint.config import default_settings
from newslint.text.document import Document
from newslint.engine import Linter
from newslint.findings import Finding, Fix, Severity, Span
from newslint.run.fixes import apply_fixes
from newslint.text.lines import LineIndex
from newslint.run.runner import Runner, RunOptions
from newslint.run.sources import SourceText, decode, encode

MODEL_EXAMPLES = 200
ENGINE_EXAMPLES = 50
FIX_EXAMPLES = 30
CLI_EXAMPLES = 15
EDIT_EXAMPLES = 300
# NEWSLINT_PROPERTY_SCALE=50 runs fifty times as many (a longer campaign, outside the suite).
SCALE = max(1, int(os.environ.get("NEWSLINT_PROPERTY_SCALE", "1") or 1))

RELAXED = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- Text ---------------------------------------------------------------------------------------

# Letters of several scripts, combining marks, right-to-left text and its controls, emoji (with
# joiners and skin tones), odd spaces, and the characters markdown gives meaning to.
SCRIPTS = st.sampled_from([
    "abc", "Talks resumed", "whilst", "amongst", "killed", "said", "Monday", "2024", "[Date]",
    "caf\u00e9", "e\u0301\u0302", "\u0915\u094d\u0937", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
    "\u202e\u202d\u200f\u200e", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f44d\U0001f3fd", "\u2603\ufe0f",
    "\u00a0", "\u2028", "\u3000", "\t", "\ufeff", "\u0000", "\ufffd", "\U0010ffff", "\u6f22\u5b57",
])
MARKUP = st.sampled_from([
    "*", "**", "_", "__", "~~", "`", "``", "```", "[", "]", "(", ")", "![", "](", "<", ">", "&amp;",
    "&#x1F600;", "&bogus;", "\\", "|", "#", "- ", "1. ", "> ", "<!--", "-->", "<!-- newslint-disable -->",
    "<!-- newslint-disable-next-line dated-word -->", "{{", "}}", "{{< ref >}}", "{%", "%}",
    "http://example.org/a_(b)", "www.example.com", "<div>", "</div>", "<span class='x'>", "<br/>",
    "[^1]", "[^1]: note", "{.class}", " ", "  ", "\n", "\r\n", "\r",
])
INLINE = st.lists(st.one_of(SCRIPTS, MARKUP, st.text(max_size=8)), max_size=30).map("".join)


def _lines(items: list[str]) -> str:
    return "\n".join(items)


@st.composite
def blocks(draw) -> str:
    kind = draw(st.sampled_from(["paragraph", "heading", "list", "table", "fence", "quote", "html",
                                 "long", "setext", "indented"]))
    text = draw(INLINE)
    if kind == "heading":
        return "#" * draw(st.integers(1, 7)) + " " + text
    if kind == "setext":
        return text + "\n" + draw(st.sampled_from(["===", "---", "-"]))
    if kind == "list":
        items = draw(st.lists(st.tuples(st.integers(0, 8), st.sampled_from(["- ", "* ", "+ ", "1. ", "2) "]), INLINE),
                              min_size=1, max_size=6))
        return _lines([" " * indent + marker + item for indent, marker, item in items])
    if kind == "table":
        columns = draw(st.integers(1, 4))
        rows = draw(st.lists(st.lists(INLINE, min_size=0, max_size=columns + 2), max_size=5))  # ragged
        header = "| " + " | ".join(f"h{i}" for i in range(columns)) + " |"
        delimiter = "|" + "|".join(draw(st.sampled_from(["---", ":--", "--:", ":-:", "-"])) for _ in range(columns)) + "|"
        body = ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + draw(st.sampled_from([" |", ""]))
                for row in rows]
        return _lines([header, delimiter, *body])
    if kind == "fence":
        closed = draw(st.booleans())
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        return fence + "python\n" + text + ("\n" + fence if closed else "")
    if kind == "quote":
        depth = draw(st.integers(1, 4))
        return _lines([">" * depth + " " + line for line in text.split("\n")])
    if kind == "html":
        return "<div>\n" + text + "\n</div>"
    if kind == "long":
        return draw(SCRIPTS) * draw(st.integers(100, 3000))
    if kind == "indented":
        return "    " + text
    return text


YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.dates()),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=3)),
    max_leaves=10)


@st.composite
def front_matter(draw) -> str:
    kind = draw(st.sampled_from(["none", "yaml", "toml", "broken-yaml", "broken-toml", "unclosed", "blank-first"]))
    keys = draw(st.dictionaries(st.sampled_from(["title", "date", "description", "ai_generated", "lang", "tags",
                                                 "ai", "newslint", "x y", "über"]), YAML_VALUES, max_size=5))
    if kind == "none":
        return ""
    if kind == "yaml":
        return "---\n" + yaml.safe_dump(keys, allow_unicode=True, default_flow_style=draw(st.booleans())) + "---\n"
    if kind == "toml":
        lines = [f'{key.replace(" ", "_")} = "{str(value).replace(chr(92), "").replace(chr(34), "")}"'
                 for key, value in keys.items() if "\n" not in str(value)]
        return "+++\n" + "\n".join(lines) + "\n+++\n"
    if kind == "broken-yaml":
        return "---\n" + draw(st.sampled_from(["a: [", "a: b: c", "- x\ny: 1", "a: &x *x", "!!python/object:os.system x",
                                               "\t: x", "a: 'unclosed", ": :"])) + draw(INLINE) + "\n---\n"
    if kind == "broken-toml":
        return "+++\n" + draw(st.sampled_from(["a = ", "a = [1, 'x'", "[t\nb = 1", "a = 1\na = 2", "= 3"])) + "\n+++\n"
    if kind == "unclosed":
        return draw(st.sampled_from(["---\n", "+++\n"])) + "title: x\n"
    return "\n\n---\ntitle: " + draw(st.text(max_size=10)).replace("\n", " ") + "\n---\n"


@st.composite
def documents(draw, extra: tuple[str, ...] = ()) -> str:
    parts = draw(st.lists(blocks(), max_size=8)) + list(extra)
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r\r", "\n\r\n"]))
    text = draw(front_matter()) + separator.join(parts)
    newline = draw(st.sampled_from([None, "\n", "\r\n", "\r"]))
    if newline:  # one line ending for the whole file, else the mixture drawn above
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)
    return text


ARBITRARY = st.one_of(documents(), st.text(max_size=300))

# --- The document model -------------------------------------------------------------------------


def _check_model(source: str) -> None:
    document = Document("a.md", source)
    n = len(source)
    front = document.front_matter
    assert 0 <= front.body_start <= n
    assert 0 <= front.span.start <= front.span.end <= n
    if front.error is not None:
        assert 0 <= front.error.offset <= n
    for span in front.keys.values():
        assert 0 <= span.start <= span.end <= n
    for span in document.body.comments:
        assert source[span.start : span.start + 4] == "<!--" and span.end <= n
    for block in [*document.body.blocks, *document.front_matter_blocks]:
        assert block.text
        span = block.source_span(0, len(block.text))
        assert 0 <= span.start <= span.end <= n
        for run in block.offsets.runs:
            assert 0 <= run.source_start <= run.source_start + run.source_length <= n
            if run.prose_length == run.source_length:  # copied text, with line breaks as spaces
                prose = block.text[run.prose_start : run.prose_start + run.prose_length]
                copied = source[run.source_start : run.source_start + run.source_length]
                assert all(p == s or p == " " and s in "\r\n" or p == "\ufffd" and s == "\0"
                           for p, s in zip(prose, copied)), (prose, copied)


@settings(max_examples=MODEL_EXAMPLES * SCALE, **RELAXED)
@given(ARBITRARY)
def test_document_model_maps_every_prose_character_inside_the_source(source):
    _check_model(source)


# --- The engine ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(default_settings(Path(__file__).parent))


def _check_findings(findings: list[Finding], source: str) -> None:
    lines = LineIndex(source)
    for finding in findings:
        span = finding.span
        assert 0 <= span.start <= span.end <= len(source), finding
        for offset in (span.start, span.end):
            line, column = lines.position(offset)
            assert 1 <= line <= lines.line_count and column >= 1
            assert lines.offset(line, column) == offset  # line and column name the same place
            end = lines.line_end(line)
            assert offset <= end + (2 if source.startswith("\r\n", end) else 1)  # not past the line
            assert not source.startswith("\r\n", offset - 1) or offset == 0  # never inside a CRLF
        if finding.fix is not None:
            for edit, _ in finding.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(source), finding


@settings(max_examples=ENGINE_EXAMPLES * SCALE, **RELAXED)
@given(ARBITRARY)
def test_engine_findings_lie_inside_the_file_and_are_deterministic(linter, source):
    findings = linter.lint("a.md", source)
    _check_findings(findings, source)
    assert linter.lint("a.md", source) == findings
    assert Linter(linter.settings).lint("a.md", source) == findings  # a fresh linter agrees too


# --- Fixes --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixers() -> dict[bool, Runner]:
    """--fix runners (with and without unsafe fixes), kept across examples: rules load once."""
    return {unsafe: Runner(RunOptions(isolated=True, fix=True, unsafe_fixes=unsafe)) for unsafe in (False, True)}


FIXABLE = ("Whilst talks continued, amongst others. Whilst.", "- Amongst them, whilst")


@settings(max_examples=FIX_EXAMPLES * SCALE, **RELAXED)
@given(documents(FIXABLE), st.booleans(), st.booleans())
def test_second_fix_changes_nothing_and_line_endings_stay(fixers, source, bom, unsafe):
    assume("\0" not in source)  # NUL bytes make a binary file, which is not fixed at all
    # A text that starts with U+FEFF is, in UTF-8, the same bytes as a BOM: no reader can tell.
    assume(not source.startswith("\ufeff"))
    data = (b"\xef\xbb\xbf" if bom else b"") + source.encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.md"
        path.write_bytes(data)
        fixers[unsafe].run([str(path)])
        once = path.read_bytes()
        fixers[unsafe].run([str(path)])
        assert path.read_bytes() == once
    decoded = decode(once)
    assert isinstance(decoded, SourceText) and decoded.bom == bom
    for newline in ("\r\n", "\n", "\r"):
        others = source.replace(newline, "")
        if newline in source and "\r" not in others and "\n" not in others:
            # A file with one kind of line ending keeps it (inserted lines use the file's ending).
            rest = decoded.text.replace(newline, "")
            assert "\r" not in rest and "\n" not in rest


@st.composite
def texts_and_fixes(draw):
    text = draw(st.text(min_size=1, max_size=60))
    fixes = []
    for number in range(draw(st.integers(1, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 6)))
        fixes.append(Finding(f"r{number}", Severity.INFO, "m", "a.md", Span(start, end),
                             Fix(((Span(start, end), f"\u27e6{number}\u27e7"),), safe=True)))
    return text, fixes


def _overlap(a: Span, b: Span) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


@settings(max_examples=EDIT_EXAMPLES * SCALE, **RELAXED)
@given(texts_and_fixes(), st.booleans())
def test_overlapping_fixes_never_apply_together_and_the_rest_is_untouched(case, bom):
    text, findings = case
    fixed, count = apply_fixes(text, findings, lambda rule: False)
    applied = [f for f in findings if f"\u27e6{f.rule[1:]}\u27e7" in fixed]
    assert len(applied) == count
    for index, first in enumerate(applied):
        for second in applied[index + 1 :]:
            assert not _overlap(first.span, second.span)
    expected = text  # the text with exactly the applied edits spliced in, back to front
    for finding in sorted(applied, key=lambda f: (f.span.start, f.span.end), reverse=True):
        (span, replacement), = finding.fix.edits
        expected = expected[: span.start] + replacement + expected[span.end :]
    assert fixed == expected
    # Written back, the bytes outside the edits are the original bytes (BOM included).
    before, after = encode(SourceText(text, bom)), encode(SourceText(fixed, bom))
    if applied:
        first = min(f.span.start for f in applied)
        last = max(f.span.end for f in applied)
        head = encode(SourceText(text[:first], bom))
        tail = text[last:].encode("utf-8")
        assert after.startswith(head) and after.endswith(tail) and before.startswith(head)
    else:
        assert after == before


@settings(max_examples=MODEL_EXAMPLES * SCALE, **RELAXED)
@given(st.binary(max_size=200))
def test_any_bytes_decode_to_text_or_a_reason(data):
    result = decode(data)
    assert isinstance(result, (SourceText, str))
    if isinstance(result, SourceText):
        assert encode(result) == data  # what is read is written back byte for byte
    else:
        assert result.startswith("it ")


def test_example_counts_are_documented():
    doc = (Path(__file__).parent.parent / "docs" / "reliability.md").read_text(encoding="utf-8")
    for count in (MODEL_EXAMPLES, ENGINE_EXAMPLES, FIX_EXAMPLES, EDIT_EXAMPLES, CLI_EXAMPLES):
        assert f"{count:,}" in doc
    assert os.path.basename(__file__) in doc


# --- The whole command line, in process ---------------------------------------------------------
# `newslint.cli.main` on generated articles (text or arbitrary bytes) under generated configs,
# valid or not: the exit code is 0, 1 or 2 and never an internal error; exit 2 says one
# `path:line:` or `newslint: error:` line and prints nothing else; a JSON report parses; `--fix`
# twice changes nothing the second time, and `--fix -` gives back what fixing the file wrote
# (or the input unchanged when it cannot be read).

CONFIG_VALUES = {
    "fail-on": st.sampled_from(["error", "warning", "info", "fatal", 3, None]),
    "select": st.lists(st.sampled_from(["all", "newsroom", "date-*", "dated-word", "no-such-rule", ""]), max_size=3),
    "ignore": st.lists(st.sampled_from(["dated-word", "template-placeholder", "casualty-*", "x"]), max_size=3),
    "severity": st.dictionaries(st.sampled_from(["dated-word", "casualty-unsourced", "nope"]),
                                st.sampled_from(["error", "warning", "info", "suggestion", "loud"]), max_size=2),
    "exclude": st.lists(st.sampled_from(["*.md", "drafts/**", "[", "**/a.md"]), max_size=2),
    "reference-date": st.sampled_from(["2024-01-17", "2024-13-01", "2024-02-30", "tomorrow", None]),
    "unsafe-fixes": st.one_of(st.booleans(), st.lists(st.sampled_from(["ai-disclosure-missing", "nope"]), max_size=2)),
    "rules": st.dictionaries(
        st.sampled_from(["template-placeholder", "dated-word", "nope"]),
        st.dictionaries(st.sampled_from(["tokens", "level", "message", "scope", "levle"]),
                        st.one_of(st.lists(st.sampled_from(["(?i)lorem", "(?i)", "(unclosed", "a+", "\\bfoo\\b", "x{2}"]),
                                           max_size=2),
                                  st.sampled_from(["error", "info", "Avoid '{match}'.", "{match:>9}", "{nope}", ["heading"]])),
                        max_size=2),
        max_size=2),
    "mystery-key": st.just(1),
}


@st.composite
def configs(draw) -> bytes | None:
    kind = draw(st.sampled_from(["none", "valid", "valid", "broken", "bytes"]))
    if kind == "none":
        return None
    if kind == "bytes":
        return draw(st.binary(max_size=40))
    keys = draw(st.lists(st.sampled_from(sorted(CONFIG_VALUES)), unique=True, max_size=4))
    data = {key: draw(CONFIG_VALUES[key]) for key in keys}
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=draw(st.booleans()))
    if kind == "broken":
        text += draw(st.sampled_from(["a: [", "\t: x", "b: &x 1\nc: *x", "\x01", "- 1"]))
    return text.encode("utf-8")


ARTICLES = st.one_of(documents(FIXABLE).map(lambda text: text.encode("utf-8", "surrogatepass")), st.binary(max_size=200))


def _cli(capsysbinary, *argv: str) -> tuple[int, bytes, str]:
    from newslint.cli import main

    code = main(list(argv))
    out, err = capsysbinary.readouterr()
    return code, out, err.decode("utf-8", "replace")


def _stdin(data: bytes):
    import io
    import sys

    previous = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    return previous


@settings(max_examples=CLI_EXAMPLES * SCALE, suppress_health_check=[*RELAXED["suppress_health_check"],
                                                                     HealthCheck.function_scoped_fixture],
          deadline=None)
@given(ARTICLES, configs())
def test_the_command_line_exits_0_1_or_2_and_fixes_round_trip(capsysbinary, article, config):
    import json
    import sys

    capsysbinary.readouterr()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "a.md"
        path.write_bytes(article)
        where = ("--isolated",) if config is None else ("--config", str(root / ".newslint.yaml"))
        if config is not None:
            (root / ".newslint.yaml").write_bytes(config)
        base = ("check", "--no-cache", "--jobs", "1", *where)

        code, out, err = _cli(capsysbinary, *base, "--format", "json", str(path))
        assert code in (0, 1, 2), err
        assert "internal error" not in err and "Traceback" not in err
        if code == 2:
            assert out == b""
            # One line per mistake, each `path:line: message`, sorted by path and line (several
            # mistakes of a config are reported together), or one usage error.
            lines = err.splitlines()
            if lines and lines[0].startswith("newslint: error: "):
                assert len(lines) == 1, err
            else:
                places = [re.match(r"(.*?):(\d+): \S", line) for line in lines]
                assert lines and all(place and place[1].startswith(str(root)) for place in places), err
                keys = [(place[1], int(place[2])) for place in places]
                assert keys == sorted(keys), err
            return  # a config error stops every run alike
        report = json.loads(out.decode("utf-8"))
        assert {finding["path"] for finding in report["findings"]} <= {str(path)}

        previous = _stdin(article)
        try:
            code, piped, err = _cli(capsysbinary, *base, "--format", "concise", "--fix", "--stdin-filename",
                                    str(path), "-")
        finally:
            sys.stdin = previous
        assert code in (0, 1), err
        code, _, err = _cli(capsysbinary, *base, "--format", "concise", "--fix", str(path))
        assert code in (0, 1), err
        once = path.read_bytes()
        assert piped == once  # stdin gives back exactly what fixing the file wrote (or the input)
        _cli(capsysbinary, *base, "--format", "concise", "--fix", str(path))
        assert path.read_bytes() == once
