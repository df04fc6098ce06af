"""Load a rule, config or data file (YAML or a word list), safely, remembering the line of every key.

Rule and config files are the user's code: a mistake there must be reported at its line, never
silently ignored. This module must never construct arbitrary objects (SafeLoader only), follow
aliases (they are what YAML bombs are made of) or read files of unbounded size.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

MAX_FILE_BYTES = 1_000_000
_MAX_NODES = 100_000

# What PyYAML's Reader.NON_PRINTABLE refuses: C0 controls other than tab and line breaks, DEL,
# C1 controls other than NEL, surrogates and U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")

KeyPath = tuple  # of str (mapping keys) and int (sequence indexes)


@dataclass(frozen=True)
class YamlDoc:
    path: str
    data: Any
    lines: dict  # KeyPath -> 1-based line where that key or item starts

    def line(self, *keys: object) -> int:
        """The line of the deepest known key on the way to `keys`."""
        path = tuple(keys)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def error(self, message: str, *keys: object) -> ConfigError:
        return ConfigError(self.path, self.line(*keys), message)


def read_yaml_file(path: Path) -> YamlDoc:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # reading a FIFO would wait for a writer for ever
            raise ConfigError(path, 1, "cannot read: it is not a regular file")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise ConfigError(path, 1, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ConfigError(path, 1, f"not UTF-8 ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise ConfigError(path, 1, f"cannot read: {err.strerror or err}") from None
    return parse_yaml(text, str(path))


def parse_yaml(text: str, path: str) -> YamlDoc:
    if len(text) > MAX_FILE_BYTES:
        raise ConfigError(path, 1, f"text is {len(text):,} characters; the limit is {MAX_FILE_BYTES:,}")
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        # PyYAML's reader refuses these in its constructor, before any mark exists: find the line here.
        raise ConfigError(path, text.count("\n", 0, bad.start()) + 1,
                          f"invalid YAML: the character U+{ord(bad.group()):04X} is not allowed "
                          "(YAML forbids control characters); remove it")
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        # libyaml parses the built-in knowledge base seven times faster. On any YAML error the
        # pure-Python loader parses again, for its message and line.
        try:
            return _parse_with(fast(text), text, path)
        except (yaml.YAMLError, _AliasFound):
            pass  # libyaml composes an alias as its anchor's node: only the slow loader knows its line
    loader = _Loader(text)
    loader.path = path
    try:
        return _parse_with(loader, text, path)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise ConfigError(path, line, f"invalid YAML: {problem}") from None


def _parse_with(loader, text: str, path: str) -> YamlDoc:
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(path, None, {(): 1})
        lines: dict = {}
        _record_lines(node, (), lines, path, set())
        try:
            data = loader.construct_document(node)
        except ValueError as err:  # YAML reads 2024-13-01 as a timestamp, then cannot build it
            raise ConfigError(path, _bad_date_line(text), f"not a date: {err}") from None
        return YamlDoc(path, data, lines)
    except RecursionError:  # composing and constructing recurse: `[[[[...]]]]`
        raise ConfigError(path, loader.get_mark().line + 1 if hasattr(loader, "get_mark") else 1,
                          "invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()


def _bad_date_line(text: str) -> int:
    """The line of the first impossible date (2024-13-01) in `text`, else 1."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in re.finditer(r"(?<![\w-])(\d{4})-(\d\d?)-(\d\d?)(?![\w-])", line):
            try:
                dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                return number
    return 1


class _Loader(yaml.SafeLoader):
    """SafeLoader that stops at the first alias, at the alias's own line, before composing more."""

    path = ""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            line = self.peek_event().start_mark.line + 1
            raise ConfigError(self.path, line, "anchors and aliases are not supported here")
        return super().compose_node(parent, index)


class _AliasFound(ConfigError):
    """An alias met after composing (where libyaml composed it): its line is the anchor's."""


def _record_lines(node: yaml.Node, at: KeyPath, lines: dict, path: str, seen: set) -> None:
    if id(node) in seen:
        # The composer resolves an alias to the very node its anchor named.
        raise _AliasFound(path, node.start_mark.line + 1, "anchors and aliases are not supported here")
    seen.add(id(node))
    if len(seen) > _MAX_NODES:
        raise ConfigError(path, node.start_mark.line + 1, f"more than {_MAX_NODES:,} YAML nodes")
    lines.setdefault(at, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        keys_seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            if key in keys_seen:
                raise ConfigError(path, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            keys_seen.add(key)
            lines[at + (key,)] = key_node.start_mark.line + 1
            _record_lines(value_node, at + (key,), lines, path, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[at + (index,)] = item.start_mark.line + 1
            _record_lines(item, at + (index,), lines, path, seen)


def read_word_list(path) -> tuple[str, ...]:
    """One entry per line; blank lines and lines starting with '#' are skipped.

    Like rule files, a list is limited to MAX_FILE_BYTES, so a runaway file is refused at once.
    """
    size = os.stat(path).st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"data file {os.path.basename(path)} is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    with open(path, encoding="utf-8") as handle:
        return tuple(line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#"))
