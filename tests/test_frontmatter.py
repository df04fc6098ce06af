"""Tests for newslint.text.frontmatter: splitting, parsing, key positions, errors and refusals."""
from __future__ import annotations

import datetime
import time

import pytest
import yaml

from newslint.text import frontmatter
from newslint.findings import Span
from newslint.text.frontmatter import FrontMatter, parse_front_matter
from newslint.text.lines import LineIndex


def where(source: str, span: Span) -> tuple[int, int, str]:
    """(line, column, text) of a span, as a report would show it."""
    line, column = LineIndex(source).position(span.start)
    return line, column, source[span.start : span.end]


def error_position(source: str, fm: FrontMatter) -> tuple[int, int]:
    assert fm.error is not None
    return LineIndex(source).position(fm.error.offset)


# --- YAML -------------------------------------------------------------------------------------

YAML_ARTICLE = """\
---
title: "Council votes on budget"
date: 2024-01-09T14:33:00-05:00
ai: {level: ai-generated}
params:
  author: Jane Doe
  tags: [city, budget]
  desk:
    name: Metro
---
# Council votes on budget
"""


def test_yaml_block_split_and_parsed():
    fm = parse_front_matter(YAML_ARTICLE)
    assert fm.format == "yaml"
    assert fm.error is None
    assert fm.leading_blank_lines == 0
    assert fm.span == Span(0, YAML_ARTICLE.index("---\n# Council") + 3)
    assert YAML_ARTICLE[fm.body_start :] == "# Council votes on budget\n"
    assert fm.data["title"] == "Council votes on budget"
    assert fm.data["params"] == {"author": "Jane Doe", "tags": ["city", "budget"],
                                 "desk": {"name": "Metro"}}


def test_yaml_key_spans_in_file_coordinates():
    fm = parse_front_matter(YAML_ARTICLE)
    assert {path: where(YAML_ARTICLE, span) for path, span in fm.keys.items()} == {
        "title": (2, 1, "title"),
        "date": (3, 1, "date"),
        "ai": (4, 1, "ai"),
        "ai.level": (4, 6, "level"),
        "params": (5, 1, "params"),
        "params.author": (6, 3, "author"),
        "params.tags": (7, 3, "tags"),
        "params.desk": (8, 3, "desk"),
        "params.desk.name": (9, 5, "name"),
    }
    assert fm.key_span("params.author") == fm.keys["params.author"]
    assert fm.key_span("params.nope") is None


def test_yaml_raw_keeps_scalars_as_written():
    fm = parse_front_matter(YAML_ARTICLE)
    assert fm.raw == {
        "title": "Council votes on budget",
        "date": "2024-01-09T14:33:00-05:00",
        "ai.level": "ai-generated",
        "params.author": "Jane Doe",
        "params.desk.name": "Metro",
    }


def test_yaml_datetime_with_offset_is_aware_and_raw_keeps_the_calendar_date():
    source = "---\ndate: 2024-01-09 22:33:00 -05:00\nday: 2024-01-09\n---\n"
    fm = parse_front_matter(source)
    tz = datetime.timezone(datetime.timedelta(hours=-5))
    assert fm.data["date"] == datetime.datetime(2024, 1, 9, 22, 33, tzinfo=tz)
    assert fm.data["date"].astimezone(datetime.timezone.utc).date() == datetime.date(2024, 1, 10)
    assert fm.raw["date"] == "2024-01-09 22:33:00 -05:00"
    assert fm.data["day"] == datetime.date(2024, 1, 9)
    assert fm.raw["day"] == "2024-01-09"


def test_yaml_offset_without_colon_is_a_string_with_the_same_raw():
    fm = parse_front_matter("---\ndate: 2024-01-09 14:33:00 -0500\n---\n")
    assert fm.data["date"] == "2024-01-09 14:33:00 -0500"
    assert fm.raw["date"] == "2024-01-09 14:33:00 -0500"


def test_yaml_nested_block_and_flow_give_the_same_paths():
    block = "---\nai:\n  level: ai-generated\n---\n"
    flow = "---\nai: {level: ai-generated}\n---\n"
    for source in (block, flow):
        fm = parse_front_matter(source)
        assert fm.get("ai.level") == "ai-generated"
        assert fm.raw["ai.level"] == "ai-generated"
        assert set(fm.keys) == {"ai", "ai.level"}
    assert where(block, parse_front_matter(block).keys["ai.level"]) == (3, 3, "level")
    assert where(flow, parse_front_matter(flow).keys["ai.level"]) == (2, 6, "level")


def test_yaml_quoted_keys_span_includes_the_quotes():
    source = "---\n\"ai level\": x\n'news.desk': metro\n---\n"
    fm = parse_front_matter(source)
    assert fm.data == {"ai level": "x", "news.desk": "metro"}
    assert where(source, fm.keys["ai level"]) == (2, 1, '"ai level"')
    assert where(source, fm.keys["news.desk"]) == (3, 1, "'news.desk'")
    assert fm.raw["ai level"] == "x"


def test_yaml_keys_inside_lists_are_not_recorded():
    fm = parse_front_matter("---\nauthors:\n  - name: A\n  - name: B\n---\n")
    assert set(fm.keys) == {"authors"}
    assert fm.raw == {}


def test_yaml_merge_keys_point_at_their_definition():
    source = "---\nbase: &b\n  author: A\npost:\n  <<: *b\n  title: T\n---\n"
    fm = parse_front_matter(source)
    assert fm.data["post"] == {"author": "A", "title": "T"}
    assert where(source, fm.keys["post.author"]) == (3, 3, "author")
    assert where(source, fm.keys["post.title"]) == (6, 3, "title")
    assert "post.<<" not in fm.keys


def test_yaml_dot_dot_dot_closes_the_block():
    source = "---\ntitle: x\n...\nbody\n"
    fm = parse_front_matter(source)
    assert fm.error is None
    assert fm.data == {"title": "x"}
    assert source[fm.body_start :] == "body\n"
    assert source[fm.span.start : fm.span.end] == "---\ntitle: x\n..."


def test_fences_may_carry_trailing_blanks():
    source = "--- \t\ntitle: x\n---  \nbody"
    fm = parse_front_matter(source)
    assert fm.data == {"title": "x"}
    assert source[fm.body_start :] == "body"


@pytest.mark.parametrize("source", [
    "---\n---", "---\n---\n", "---\n\n---\nbody", "---\n# only a comment\n---\n", "---\n~\n---\n",
])
def test_empty_front_matter_is_fine(source):
    fm = parse_front_matter(source)
    assert fm.format == "yaml"
    assert fm.error is None
    assert fm.data == {} and fm.keys == {} and fm.raw == {}
    assert fm.span.start == 0 and source[fm.span.end - 3 : fm.span.end] == "---"


# --- line endings and leading blank lines -----------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline):
    source = newline.join(["---", "title: x", "ai:", "  level: y", "---", "Body", ""])
    fm = parse_front_matter(source)
    assert fm.error is None
    assert fm.data == {"title": "x", "ai": {"level": "y"}}
    assert where(source, fm.keys["ai.level"]) == (4, 3, "level")
    assert source[fm.body_start :] == "Body" + newline


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_toml_line_endings(newline):
    source = newline.join(["+++", 'title = "x"', "[ai]", 'level = "y"', "+++", "Body"])
    fm = parse_front_matter(source)
    assert fm.error is None
    assert fm.data == {"title": "x", "ai": {"level": "y"}}
    assert where(source, fm.keys["ai.level"]) == (4, 1, "level")
    assert source[fm.body_start :] == "Body"


def test_leading_blank_lines_are_tolerated_and_counted():
    source = "\n  \r\n\t\n---\ntitle: x\n---\nbody"
    fm = parse_front_matter(source)
    assert fm.leading_blank_lines == 3
    assert fm.span.start == source.index("---")
    assert where(source, fm.keys["title"]) == (5, 1, "title")
    assert source[fm.body_start :] == "body"


# --- not front matter -------------------------------------------------------------------------


@pytest.mark.parametrize("source", [
    "",
    "\n\n",
    "# Title\n\nText\n",
    "# Title\n\n---\n\ntitle: x\n---\n",  # a thematic break later is not front matter
    " ---\ntitle: x\n---\n",  # indented: not a fence
    "----\ntitle: x\n----\n",
    "--- title: x\n---\n",
    "++\ntitle = 1\n+++\n",
])
def test_no_front_matter(source):
    fm = parse_front_matter(source)
    assert fm == FrontMatter()
    assert fm.format == "" and fm.span == Span(0, 0) and fm.body_start == 0 and fm.error is None


# --- unclosed ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source, line", [
    ("---\ntitle: x\n", 1),
    ("---", 1),
    ("---\n", 1),
    ("\n\n---\ntitle: x\n", 3),
    ("---\n\nA paragraph under a thematic break.\n\n***\n\nMore text.\n", 1),
    ("---\ntitle: x\n+++\n", 1),  # the other format's fence does not close it
])
def test_unclosed_fence_is_an_error_and_the_whole_file_is_body(source, line):
    fm = parse_front_matter(source)
    assert fm.format == "yaml"
    assert fm.error is not None
    assert fm.error.message == f"front matter opened on line {line} is never closed"
    assert error_position(source, fm) == (line, 1)
    assert fm.body_start == 0
    assert fm.data == {} and fm.keys == {} and fm.raw == {}
    assert source[fm.span.start : fm.span.end] == "---"


def test_unclosed_toml():
    fm = parse_front_matter("+++\ntitle = 'x'\n---\n")
    assert fm.format == "toml"
    assert fm.error.message == "front matter opened on line 1 is never closed"
    assert fm.body_start == 0


# --- YAML errors ------------------------------------------------------------------------------


def test_invalid_yaml_reports_the_parsers_line_in_file_coordinates():
    source = "\n---\ntitle: x\nsummary: a: b\n---\nbody\n"
    fm = parse_front_matter(source)
    assert fm.error.message == "YAML: mapping values are not allowed here"
    assert error_position(source, fm) == (4, 11)
    assert fm.data == {} and fm.keys == {}
    assert source[fm.body_start :] == "body\n"  # a closed block still ends where it ends


def test_invalid_yaml_with_context_names_the_context_line():
    source = "---\ntitle: x\nfoo\nbar: 1\n---\n"
    fm = parse_front_matter(source)
    assert fm.error.message == (
        "YAML: could not find expected ':' (while scanning a simple key on line 3)")
    assert error_position(source, fm) == (4, 1)


def test_invalid_yaml_with_crlf_maps_offsets():
    source = "---\r\na: 1\r\nb: c: d\r\n---\r\n"
    fm = parse_front_matter(source)
    assert fm.error.message == "YAML: mapping values are not allowed here"
    assert error_position(source, fm) == (3, 5)


def test_yaml_error_at_the_end_of_the_block_points_at_the_closing_fence():
    source = "---\r\na: 1\r\nb: [1, 2\r\n---\r\n"
    fm = parse_front_matter(source)
    assert fm.error.message == ("YAML: expected ',' or ']', but got '<stream end>' "
                                "(while parsing a flow sequence on line 3)")
    assert error_position(source, fm) == (4, 1)


def test_yaml_control_character_is_an_error_not_a_crash():
    source = '---\ntitle: "a\x00b"\n---\n'
    fm = parse_front_matter(source)
    assert fm.error.message == (
        "YAML: unacceptable character #x0000: special characters are not allowed")
    assert fm.error.offset == source.index("\x00")


@pytest.mark.parametrize("source, kind", [
    ("---\n- a\n- b\n---\n", "a list"),
    ("---\njust a sentence\n---\n", "a string"),
    ("---\n42\n---\n", "a number"),
    ("---\ntrue\n---\n", "a boolean"),
])
def test_front_matter_that_is_not_a_mapping(source, kind):
    fm = parse_front_matter(source)
    assert fm.error.message == f"front matter is {kind}, not a mapping"
    assert error_position(source, fm) == (2, 1)
    assert fm.data == {}


def test_python_tags_are_refused_not_run(tmp_path):
    marker = tmp_path / "ran"
    source = f'---\ntitle: x\nboom: !!python/object/apply:os.system ["touch {marker}"]\n---\n'
    fm = parse_front_matter(source)
    assert not marker.exists()
    assert fm.error.message == ("YAML: could not determine a constructor for the tag "
                                "'tag:yaml.org,2002:python/object/apply:os.system'")
    assert error_position(source, fm) == (3, 7)
    assert fm.data == {}


def test_billion_laughs_is_refused():
    lines = ["---", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    source = "\n".join(lines + ["---", "body"])
    fm = parse_front_matter(source)
    assert fm.error.message == "front matter too complex: aliases expand to over 100000 nodes"
    assert fm.data == {} and fm.keys == {}
    assert source[fm.body_start :] == "body"


def test_merge_key_bomb_is_refused():
    lines = ["---", "m0: &m0 {x: 1}"]
    lines += [f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], y{i}: 1}}" for i in range(1, 40)]
    fm = parse_front_matter("\n".join(lines + ["---", ""]))
    assert fm.error.message.startswith("front matter too complex")


def test_recursive_alias_is_refused():
    fm = parse_front_matter("---\nloop: &l [*l]\n---\n")
    assert fm.error.message == "front matter too complex: an alias refers to itself"
    assert fm.data == {}


def test_modest_alias_use_is_fine():
    fm = parse_front_matter("---\nwho: &w {name: A}\nby: *w\n---\n")
    assert fm.error is None
    assert fm.get("by.name") == "A"


def test_deep_nesting_is_an_error_not_a_crash():
    fm = parse_front_matter("---\na: " + "[" * 5000 + "]" * 5000 + "\n---\n")
    assert fm.error.message == "front matter too complex: nested too deep"


def test_front_matter_over_1_mb_is_refused():
    source = "---\ntitle: " + "x" * (1 << 20) + "\n---\nbody"
    fm = parse_front_matter(source)
    assert fm.error.message == "front matter is larger than 1 MB"
    assert fm.error.offset == 0
    assert source[fm.body_start :] == "body"


def test_key_spans_stop_after_the_visit_cap_but_data_is_whole():
    source = "---\n" + "".join(f"k{i}: {i}\n" for i in range(10_050)) + "---\n"
    fm = parse_front_matter(source)
    assert fm.error is None
    assert len(fm.data) == 10_050
    assert len(fm.keys) == 10_000
    assert "k9999" in fm.keys and "k10000" not in fm.keys


# --- TOML -------------------------------------------------------------------------------------

TOML_ARTICLE = """\
+++
title = "Council votes"
date = 2024-01-17T10:00:00-05:00 # local time
draft = false
"quoted key" = 'literal'
params.author = "Jane Doe"
notes = \"\"\"
fake = "not a key"
[not.a.table]
\"\"\"
tags = ["a", "b]", [1, 2]]

[ai]
level = "ai-generated"

[params.desk]
name = "Metro"
meta = { editor = "Kim", ids = [1, 2] }

[[corrections]]
text = "fixed"
+++
Body
"""


def test_toml_block_split_and_parsed():
    fm = parse_front_matter(TOML_ARTICLE)
    assert fm.format == "toml"
    assert fm.error is None
    assert TOML_ARTICLE[fm.body_start :] == "Body\n"
    assert fm.data["date"] == datetime.datetime(
        2024, 1, 17, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
    assert fm.get("ai.level") == "ai-generated"
    assert fm.get("params.desk.meta.editor") == "Kim"
    assert fm.data["corrections"] == [{"text": "fixed"}]


def test_toml_key_spans():
    fm = parse_front_matter(TOML_ARTICLE)
    assert {path: where(TOML_ARTICLE, span) for path, span in fm.keys.items()} == {
        "title": (2, 1, "title"),
        "date": (3, 1, "date"),
        "draft": (4, 1, "draft"),
        "quoted key": (5, 1, '"quoted key"'),
        "params": (6, 1, "params"),
        "params.author": (6, 8, "author"),
        "notes": (7, 1, "notes"),
        "tags": (11, 1, "tags"),
        "ai": (13, 2, "ai"),
        "ai.level": (14, 1, "level"),
        "params.desk": (16, 9, "desk"),
        "params.desk.name": (17, 1, "name"),
        "params.desk.meta": (18, 1, "meta"),
        "params.desk.meta.editor": (18, 10, "editor"),
        "params.desk.meta.ids": (18, 26, "ids"),
        "corrections": (20, 3, "corrections"),
    }


def test_toml_raw_values():
    fm = parse_front_matter(TOML_ARTICLE)
    assert fm.raw == {
        "title": "Council votes",
        "date": "2024-01-17T10:00:00-05:00",
        "draft": "false",
        "quoted key": "literal",
        "params.author": "Jane Doe",
        "notes": 'fake = "not a key"\n[not.a.table]\n',
        "ai.level": "ai-generated",
        "params.desk.name": "Metro",
        "params.desk.meta.editor": "Kim",
    }


def test_toml_escaped_quoted_key():
    source = '+++\n"a\\"b" = 1\n+++\n'
    fm = parse_front_matter(source)
    assert fm.data == {'a"b': 1}
    assert where(source, fm.keys['a"b']) == (2, 1, '"a\\"b"')


def test_invalid_toml_maps_line_and_column():
    source = "\n+++\ntitle = 'x'\ndate = = 2024\n+++\nbody"
    fm = parse_front_matter(source)
    assert fm.error.message == "TOML: Invalid value"
    assert error_position(source, fm) == (4, 8)
    assert fm.data == {}
    assert source[fm.body_start :] == "body"


def test_invalid_toml_at_end_of_document_points_at_the_closing_fence():
    source = '+++\na = """x\n+++\nbody'
    fm = parse_front_matter(source)
    assert fm.error.message == "TOML: Unterminated string"
    assert error_position(source, fm) == (3, 1)


def test_invalid_toml_with_crlf():
    source = '+++\r\ntitle = "x\r\nb = 1\r\n+++\r\n'
    fm = parse_front_matter(source)
    assert fm.error.message == "TOML: Illegal character '\\n'"  # tomllib's name for \r\n
    assert error_position(source, fm) == (2, 11)


def test_invalid_toml_duplicate_key():
    source = "+++\na = 1\na = 2\n+++\n"
    fm = parse_front_matter(source)
    assert fm.error.message == "TOML: Cannot overwrite a value"
    assert error_position(source, fm) == (3, 6)


def test_empty_toml():
    fm = parse_front_matter("+++\n+++\nbody")
    assert fm.format == "toml" and fm.error is None and fm.data == {}
    assert fm.body_start == 8


# --- get --------------------------------------------------------------------------------------


def test_get_reads_nested_then_literal_dotted_keys():
    fm = parse_front_matter("---\nai.level: literal\nparams: {x.y: deep}\n---\n")
    assert fm.get("ai.level") == "literal"
    assert fm.get("params.x.y") == "deep"
    assert fm.get("params.x") is None
    assert fm.get("missing", "d") == "d"
    assert fm.get("ai.level.more", 0) == 0
    both = parse_front_matter("---\nai.level: literal\nai: {level: nested}\n---\n")
    assert both.get("ai.level") == "nested"


def test_get_returns_false_and_none_values_not_the_default():
    fm = parse_front_matter("---\nai: false\nsub:\n---\n")
    assert fm.get("ai", "d") is False
    assert fm.get("sub", "d") is None
    assert fm.raw["sub"] == ""


# --- never raise ------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [
    "---\n:\n---\n", "---\n? [a, b]\n: c\n---\n", "---\n[a: b\n---\n", "---\n{a: b\n---\n",
    "---\n&a\n---\n", "---\n*a\n---\n", "---\n!!binary x\n---\n", "---\n\t- a\n---\n",
    "---\n%YAML 1.1\n---\n", "---\na: 1\n--- b\n---\n", "---\n\ud800: x\n---\n",
    "+++\n[a\n+++\n", "+++\n= 1\n+++\n", "+++\na = {\n+++\n", "+++\n\x00\n+++\n",
    "+++\na = [" + "[" * 3000 + "]" * 3000 + "]\n+++\n", "\x00---\n", "---\r\r\r---",
    "---\n" + "- " * 3000 + "x\n---\n",
])
def test_never_raises(source):
    fm = parse_front_matter(source)
    assert isinstance(fm, FrontMatter)
    assert 0 <= fm.body_start <= len(source)
    if fm.error is not None:
        assert 0 <= fm.error.offset <= len(source)
        assert "\n" not in fm.error.message


def test_tabs_as_yaml_1_2_spacing_are_accepted():
    # PyYAML (YAML 1.1) rejects a tab after a value or after "key:"; Hugo and Jekyll do not.
    source = "---\ntitle: x\nauthors:\n- melody\t\t\ntags:\t[a, b]\n---\nbody\n"
    fm = parse_front_matter(source)
    assert fm.error is None
    assert dict(fm.data) == {"title": "x", "authors": ["melody"], "tags": ["a", "b"]}
    assert LineIndex(source).position(fm.key_span("tags").start) == (5, 1)


def test_a_tab_that_breaks_structure_is_still_an_error():
    fm = parse_front_matter("---\ntitle: x\n\tdate: 2024-01-17\n---\nbody\n")
    assert fm.error is not None


@pytest.mark.parametrize("source", [
    "---\ntitle: \"Ünïcödé — 😀\"\ndate: 2023-05-02T10:00:00Z\ntags: [a, b]\nnested:\n  key: value\n---\nBody\n",
    "---\nanchors: &a {x: 1}\nmerged:\n  <<: *a\n  y: 2\n---\n",
    "---\ntags: [a, b\n---\n",  # an error: PyYAML's own wording either way
    "---\ntitle:\tTabbed\n---\n",
])
def test_the_c_loader_gives_what_the_python_loader_gives(source, monkeypatch):
    fast = parse_front_matter(source)
    monkeypatch.setattr(frontmatter, "_CLoader", None)
    assert fast == parse_front_matter(source)


def test_deeply_nested_front_matter_never_reaches_the_c_loader(monkeypatch):
    seen = []
    monkeypatch.setattr(frontmatter, "_parse_yaml_with",
                        lambda loader, *args: seen.append(loader) or ({}, {}, {}))
    parse_front_matter("---\ntags: " + "[" * 3000 + "]" * 3000 + "\n---\n")
    assert seen == [yaml.SafeLoader]
    seen.clear()
    parse_front_matter("---\ntags: [a, b]\n---\n")
    assert seen == [yaml.CSafeLoader]
