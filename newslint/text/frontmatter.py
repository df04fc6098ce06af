"""Front matter: split the YAML (`---`) or TOML (`+++`) block off the top of an article, parse it,
and remember where every key is written, so that front-matter findings point at the key's line.

What it must never do: raise on any input (a broken block becomes `FrontMatter.error`), run code
from the document (YAML goes through `yaml.SafeLoader` only, so `!!python/...` tags are errors),
or let a small document cost unbounded time or memory (alias bombs, recursive aliases and blocks
over 1 MB are refused with an error).

Choices:
- Blank lines before the opening fence are tolerated and counted in `leading_blank_lines`.
- An opening fence that is never closed is not front matter: the whole file is the body
  (`body_start == 0`), `data` is empty and `error` says "front matter opened on line N is never
  closed", pointing at the fence; `format` names the fence and `span` covers only that line.
- A block that is closed but invalid (or too big) still ends where its closing fence ends:
  `body_start` is after it and `data` is empty.
- A key's span covers the key as written, quotes included; for nested and dotted keys it is the
  last part (`level` in `ai:\\n  level: x` or `ai.level = "x"`, for the path "ai.level").
- `raw` holds each scalar value's text before typing: `2024-01-17T10:00:00-05:00` stays that text
  although `data` holds an aware datetime. For strings it is the string itself (quotes removed,
  escapes applied), in YAML and TOML alike.

Longer than 400 lines (by a few) because YAML and TOML each need a key-position scanner beside
the parser; they share the splitting, the limits and the error type, and are tested as one.
"""
from __future__ import annotations

import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the backport has the same API (pyproject.toml)
    import tomli as tomllib  # type: ignore[no-redef]
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..findings import Span
from .lines import LineIndex

MAX_SIZE = 1 << 20  # characters; no article needs more, and it bounds parser time
MAX_KEY_VISITS = 10_000  # key/value pairs walked for spans; past this, `keys` is incomplete
MAX_ALIAS_EXPANSION = 100_000  # nodes YAML aliases may add on top of the text's own

_BREAK = re.compile(r"\r\n|\r|\n")
_MISSING = object()


@dataclass(frozen=True)
class FrontMatterError:
    message: str
    offset: int


@dataclass(frozen=True)
class FrontMatter:
    format: str = ""
    span: Span = Span(0, 0)
    body_start: int = 0
    data: Mapping[str, Any] = field(default_factory=dict)
    keys: Mapping[str, Span] = field(default_factory=dict)
    raw: Mapping[str, str] = field(default_factory=dict)
    error: FrontMatterError | None = None
    leading_blank_lines: int = 0

    def get(self, dotted: str, default: Any = None) -> Any:
        """`get("ai.level")` reads data["ai"]["level"], or a literal key "ai.level" if that is what
        the author wrote; the nested reading wins when both exist."""
        value = _lookup(self.data, dotted)
        return default if value is _MISSING else value

    def key_span(self, dotted: str) -> Span | None:
        return self.keys.get(dotted)


def _lookup(mapping: Any, dotted: str) -> Any:
    if not isinstance(mapping, Mapping):
        return _MISSING
    dot = -1
    while True:  # try "a" then "b.c", then "a.b" then "c", then "a.b.c"
        dot = dotted.find(".", dot + 1)
        head = dotted if dot < 0 else dotted[:dot]
        if head in mapping:
            found = mapping[head] if dot < 0 else _lookup(mapping[head], dotted[dot + 1 :])
            if found is not _MISSING:
                return found
        if dot < 0:
            return _MISSING


class _Problem(Exception):
    """Raised inside this module with the error to report; `_parse` turns it into `error`."""


def parse_front_matter(source: str) -> FrontMatter:
    try:
        return _parse(source)
    except Exception as exc:  # a bug of ours must cost one file's front matter, not the run
        return FrontMatter(error=FrontMatterError(f"front matter could not be read: {exc}", 0))


def _lines(source: str, pos: int):
    """(start, end, next_start) of each line from `pos`; `end` excludes the line break."""
    for match in _BREAK.finditer(source, pos):
        yield pos, match.start(), match.end()
        pos = match.end()
    yield pos, len(source), len(source)


def _parse(source: str) -> FrontMatter:
    lines = _lines(source, 0)
    blank = 0
    for start, end, base in lines:
        if source[start:end].strip(" \t"):
            break
        if end == len(source):
            return FrontMatter()
        blank += 1
    fence = source[start:end].rstrip(" \t")
    if fence not in ("---", "+++"):
        return FrontMatter()
    fmt = "yaml" if fence == "---" else "toml"
    closers = ("---", "...") if fmt == "yaml" else ("+++",)
    for close_start, close_end, body_start in lines:
        if source[close_start:close_end].rstrip(" \t") in closers:
            break
    else:
        message = f"front matter opened on line {blank + 1} is never closed"
        return FrontMatter(fmt, Span(start, end), 0, error=FrontMatterError(message, start),
                           leading_blank_lines=blank)
    text = source[base:close_start]
    try:
        if len(text) > MAX_SIZE:
            raise _Problem("front matter is larger than 1 MB", start)
        if fmt == "toml":
            data, keys, raw = _parse_toml(text, base, source)
        else:
            data, keys, raw = _parse_yaml_tolerating_tabs(text, base, source)
        error = None
    except _Problem as problem:
        data, keys, raw, error = {}, {}, {}, FrontMatterError(*problem.args)
    return FrontMatter(fmt, Span(start, close_end), body_start, data, keys, raw, error, blank)


# --- YAML -------------------------------------------------------------------------------------


_SEPARATING_TABS = re.compile(r"(?<=:)\t+|\t+(?=[ \t]*(?:\r\n|\r|\n|$))")


def _parse_yaml_tolerating_tabs(text: str, base: int, source: str):
    """Parse YAML; on failure, retry with tabs used as spacing turned into spaces.

    YAML 1.2 (what Hugo, Jekyll and Eleventy read) allows a tab after `key:` and at the end of a
    line; PyYAML, a YAML 1.1 parser, rejects both. Spaces of the same length keep every offset.
    """
    try:
        return _parse_yaml(text, base, source)
    except _Problem:
        spaced = _SEPARATING_TABS.sub(lambda m: " " * len(m.group()), text)
        if spaced == text:
            raise
        try:
            return _parse_yaml(spaced, base, source)
        except _Problem:
            pass
        return _parse_yaml(text, base, source)  # report the original text's problem


# libyaml (PyYAML's C loader) parses front matter about five times faster than PyYAML's Python
# loader, but composing a deeply nested document overflows the C stack and kills the process.
# Every level of nesting opens with an indentation or one of these characters, so a text with few
# of them cannot be deep; anything else, and any error (to keep PyYAML's wording), goes through
# the Python loader.
_NESTING_MARKS = re.compile(r"[\[{?:\-]|\n[ \t]")
MAX_NESTING_MARKS_FOR_C = 2_000
_CLoader = getattr(yaml, "CSafeLoader", None)


def _parse_yaml(text: str, base: int, source: str):
    if _CLoader is not None and len(_NESTING_MARKS.findall(text)) <= MAX_NESTING_MARKS_FOR_C:
        try:
            return _parse_yaml_with(_CLoader, text, base, source)
        except _Problem:
            pass
    return _parse_yaml_with(yaml.SafeLoader, text, base, source)


def _parse_yaml_with(loader_class, text: str, base: int, source: str):
    loader = None
    try:
        loader = loader_class(text)  # a safe loader only: tags must not construct objects
        root = loader.get_single_node()
        if root is None:  # empty, or only comments
            return {}, {}, {}
        _check_complexity(root, base)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = "YAML: " + (exc.problem or exc.context or "invalid document")
        if exc.problem and exc.context:
            where = ""
            if exc.context_mark:  # the file's line, not the block's: that is what users see
                where = f" on line {LineIndex(source).line_of(base + exc.context_mark.index)}"
            message += f" ({exc.context}{where})"
        raise _Problem(message, min(base + (mark.index if mark else 0), len(source))) from None
    except yaml.YAMLError as exc:  # a ReaderError: a character YAML does not allow
        character = getattr(exc, "character", None)
        what = f"unacceptable character #x{character:04x}: " if isinstance(character, int) else ""
        message = f"YAML: {what}{getattr(exc, 'reason', None) or 'unreadable text'}"
        raise _Problem(message, base + getattr(exc, "position", 0)) from None
    except RecursionError:
        raise _Problem("front matter too complex: nested too deep", base) from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:  # a lone `null` or `~` says nothing, like an empty block
        return {}, {}, {}
    if not isinstance(data, dict):
        kind = {list: "a list", str: "a string", bool: "a boolean", int: "a number",
                float: "a number"}.get(type(data), f"a {type(data).__name__}")
        raise _Problem(f"front matter is {kind}, not a mapping", base + root.start_mark.index)
    return (data, *_yaml_keys(root, base))


def _check_complexity(root: yaml.Node, base: int) -> None:
    """Refuse node graphs that are unsafe to construct or walk. Aliases make the graph a DAG (or
    a cycle) whose tree can be exponentially larger than the text: "billion laughs", or merge
    keys (`<<`) that copy pairs level by level. Sizes are memoized, so this is one linear pass."""
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, finished = stack.pop()
        children = [] if isinstance(node, yaml.ScalarNode) else (
            [part for pair in node.value for part in pair]
            if isinstance(node, yaml.MappingNode) else node.value)
        if finished:
            on_path.discard(id(node))
            size[id(node)] = min(1 + sum(size[id(child)] for child in children), 1 << 40)
        elif id(node) in on_path:
            message = "front matter too complex: an alias refers to itself"
            raise _Problem(message, base + node.start_mark.index)
        elif id(node) not in size:
            on_path.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children)
    if size[id(root)] - len(size) > MAX_ALIAS_EXPANSION:
        message = f"front matter too complex: aliases expand to over {MAX_ALIAS_EXPANSION} nodes"
        raise _Problem(message, base + root.start_mark.index)


def _yaml_keys(root: yaml.MappingNode, base: int):
    """Dotted path -> key span, and -> raw scalar text, walking mappings (not lists). It runs
    after construction, which has folded merge keys (`<<`) into each mapping's pairs, so merged
    keys point at where they are written and later duplicates win, as in `data`."""
    keys: dict[str, Span] = {}
    raw: dict[str, str] = {}
    stack = [(root, "")]
    visits = 0
    while stack:
        node, prefix = stack.pop()
        nested = []
        for key, value in node.value:
            visits += 1
            if visits > MAX_KEY_VISITS:
                return keys, raw
            if not isinstance(key, yaml.ScalarNode):
                continue
            path = prefix + key.value
            keys[path] = Span(base + key.start_mark.index, base + key.end_mark.index)
            raw.pop(path, None)
            if isinstance(value, yaml.ScalarNode):
                raw[path] = value.value
            elif isinstance(value, yaml.MappingNode):
                nested.append((value, path + "."))
        stack.extend(reversed(nested))
    return keys, raw


# --- TOML -------------------------------------------------------------------------------------

_TOML_WHERE = re.compile(r" \(at (?:line (\d+), column (\d+)|end of document)\)$")
_TOML_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"{1,2}(?!"))*"""(?:"{1,2})?|'
    r"'''(?:[^']|'{1,2}(?!'))*'''(?:'{1,2})?|"
    r'"(?:[^"\\\n]|\\.)*"|'
    r"'[^'\n]*'",
    re.S,
)
_TOML_KEY = re.compile(r'[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')
_TOML_BLANK = re.compile(r"[ \t]*")
_TOML_SPACE = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")  # blanks, line breaks and comments
_TOML_SCALAR = re.compile(r"[^,\]}#\r\n]*")
_TOML_ARRAY_TEXT = re.compile(r"[^\[\]\"'#]+|#[^\n]*")


def _parse_toml(text: str, base: int, source: str):
    # TOML knows only \n and \r\n; a lone \r (old Mac files) becomes \n, which keeps every offset.
    text = re.sub(r"\r(?!\n)", "\n", text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, offset = str(exc), len(text)
        where = _TOML_WHERE.search(message)
        if where:
            message = message[: where.start()]
            if where.group(1):  # tomllib counts lines by \n, columns from 1
                before = text.split("\n")[: int(where.group(1)) - 1]
                offset = min(sum(len(line) + 1 for line in before) + int(where.group(2)) - 1,
                             len(text))
        raise _Problem(f"TOML: {message}", base + offset) from None
    except RecursionError:
        raise _Problem("front matter too complex: nested too deep", base) from None
    scanner = _TomlKeys(text, base, data)
    try:
        scanner.scan()
    except Exception:  # the spans are a convenience; the data stands without them
        pass
    return data, scanner.keys, scanner.raw


class _TomlKeys:
    """Finds key spans in TOML that tomllib has already accepted, so it can trust the syntax.
    A path is recorded only if it leads through tables in `data`: keys inside arrays of tables
    are skipped, like keys in YAML lists."""

    def __init__(self, text: str, base: int, data: dict) -> None:
        self.text, self.base, self.data = text, base, data
        self.keys: dict[str, Span] = {}
        self.raw: dict[str, str] = {}

    def scan(self) -> None:
        text, i, table = self.text, 0, []
        while (i := _TOML_SPACE.match(text, i).end()) < len(text):
            if text[i] == "[":  # [table] or [[array.of.tables]]
                double = text.startswith("[[", i)
                parts, i = self.key(i + 1 + double)
                table = self.record([], parts)
                i = text.index("]", i) + 1 + double
            else:
                parts, i = self.key(i)
                path = self.record(table, parts)
                i = self.value(_TOML_BLANK.match(text, text.index("=", i) + 1).end(), path)

    def key(self, i: int):
        """The possibly dotted key at `i`: ([(name, start, end), ...], offset after it)."""
        parts = []
        while True:
            match = _TOML_KEY.match(self.text, _TOML_BLANK.match(self.text, i).end())
            token = match.group()
            name = token[1:-1] if token[0] == "'" else token
            if token[0] == '"':  # let tomllib apply the escapes
                name = tomllib.loads(f"k = {token}")["k"]
            parts.append((name, self.base + match.start(), self.base + match.end()))
            i = _TOML_BLANK.match(self.text, match.end()).end()
            if self.text[i : i + 1] != ".":
                return parts, i
            i += 1

    def record(self, prefix: list[str], parts) -> list[str]:
        path = list(prefix)
        for name, start, end in parts:
            path.append(name)
            if self.find(path) is not _MISSING:  # headers repeat their parents: keep the first
                self.keys.setdefault(".".join(path), Span(start, end))
        return path

    def find(self, path: list[str]) -> Any:
        value: Any = self.data
        for name in path:
            if not isinstance(value, dict) or name not in value:
                return _MISSING
            value = value[name]
        return value

    def value(self, i: int, path: list[str]) -> int:
        """Skip the value at `i`, recording inline-table keys and the raw text of scalars."""
        text = self.text
        if text[i] == "{":
            i += 1
            while (i := _TOML_SPACE.match(text, i).end()) < len(text) and text[i] != "}":
                if text[i] == ",":
                    i += 1
                    continue
                parts, i = self.key(i)
                inner = self.record(path, parts)
                i = self.value(_TOML_SPACE.match(text, text.index("=", i) + 1).end(), inner)
            return i + 1
        if text[i] == "[":  # arrays hold no keys we record: skip to the matching bracket
            depth = 0
            while True:
                if text[i] in "[]":
                    depth += 1 if text[i] == "[" else -1
                    i += 1
                    if depth == 0:
                        return i
                elif text[i] in "\"'":
                    i = _TOML_STRING.match(text, i).end()
                else:
                    i = _TOML_ARRAY_TEXT.match(text, i).end()
        match = _TOML_STRING.match(text, i) or _TOML_SCALAR.match(text, i)
        value = self.find(path)
        if isinstance(value, str):
            self.raw[".".join(path)] = value
        elif value is not _MISSING and not isinstance(value, (dict, list)):
            self.raw[".".join(path)] = match.group().rstrip(" \t")
        return match.end()
