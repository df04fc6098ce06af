"""Build a check kind's Options dataclass from the raw mapping of a rule file, strictly.

One validator for every kind (yamllint's lesson): a kind declares its options as a frozen
dataclass with type hints, and this module checks keys and types and reports every option's
problem with its key. It never guesses: an unknown key or a value of the wrong type is an error.
"""
from __future__ import annotations

import collections.abc
import dataclasses
import types
import typing
from pathlib import Path
from typing import Any, Literal, Mapping, NewType

DataFile = NewType("DataFile", Path)
"""An option naming a file in the rule pack's data folder; it must exist when the rule loads."""
DataDir = NewType("DataDir", Path)
"""An option naming a folder in the rule pack's data folder (`officeholders/`); it must exist."""


class OptionError(ValueError):
    """A problem with one option; `key` lets the caller point at its line."""

    def __init__(self, key: str, message: str, *subkeys: object) -> None:
        super().__init__(message)
        self.key = key
        self.subkeys = subkeys


class OptionErrors(OptionError):
    """Several options with a problem each (`errors`), so a rule file's mistakes show at once."""

    def __init__(self, errors: list[OptionError]) -> None:
        super().__init__(errors[0].key, str(errors[0]), *errors[0].subkeys)
        self.errors = tuple(errors)


def option_names(options_class: type) -> tuple[str, ...]:
    return tuple(_yaml_name(f.name) for f in dataclasses.fields(options_class) if f.init)


def build_options(options_class: type, raw: Mapping[str, Any], data_dir: Path | None = None) -> Any:
    """Check `raw` against `options_class` and build it; YAML keys use dashes, fields underscores.

    DataFile and DataDir options resolve against `data_dir`, the data folder of the rule's own pack.
    """
    hints = typing.get_type_hints(options_class)
    values = {}
    problems: list[OptionError] = []
    for field in dataclasses.fields(options_class):
        if not field.init:
            continue  # derived in __post_init__ (a compiled pattern, say), never written by users
        key = _yaml_name(field.name)
        if key in raw:
            try:
                values[field.name] = _convert(raw[key], hints[field.name], key, (), data_dir)
            except OptionError as err:
                problems.append(err)
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            problems.append(OptionError(key, f"missing required option '{key}'"))
    if problems:
        # The options' joint checks (__post_init__) need every value: they wait for these fixes.
        raise problems[0] if len(problems) == 1 else OptionErrors(problems)
    try:
        return options_class(**values)
    except OptionError:
        raise
    except (ValueError, TypeError) as err:
        raise OptionError("", str(err)) from None


def _yaml_name(field_name: str) -> str:
    return field_name.replace("_", "-")


def describe(hint: Any) -> str:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return "any value"
    if hint is DataFile:
        return "the name of a file in the pack's data folder"
    if hint is DataDir:
        return "the name of a folder in the pack's data folder"
    if origin is Literal:
        return " or ".join(repr(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(describe(a) for a in args if a is not type(None))
    if origin is tuple:
        return f"a list of {describe(args[0])}" if args else "a list"
    if origin in (dict, collections.abc.Mapping):
        return f"a mapping of {describe(args[0])} to {describe(args[1])}"
    return {str: "text", bool: "true or false", int: "a whole number", float: "a number"}.get(hint, str(hint))


def _convert(value: Any, hint: Any, key: str, at: tuple, data_dir: Path | None) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    wrong = OptionError(key, f"'{key}' must be {describe(hint)}, not {_show(value)}", *at)
    if hint is Any:
        return value
    if hint is DataFile or hint is DataDir:
        if not isinstance(value, str) or not value:
            raise wrong
        path = (data_dir or Path(".")) / value
        wants_file = hint is DataFile
        if not (path.is_file() if wants_file else path.is_dir()):
            what = "file" if wants_file else "folder"
            raise OptionError(key, f"data {what} {value!r} not found in {data_dir}", *at)
        return hint(path)
    if origin is Literal:
        if value not in args:
            raise wrong
        return value
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        arms = [arg for arg in args if arg is not type(None)]
        if len(arms) == 1:  # an optional value: its own error says more than "must be X or empty"
            return _convert(value, arms[0], key, at, data_dir)
        for arg in arms:
            try:
                return _convert(value, arg, key, at, data_dir)
            except OptionError:
                continue
        raise wrong
    if origin is tuple:
        if isinstance(value, str) or not isinstance(value, list):
            raise wrong
        item_hint = args[0] if args else Any
        return tuple(_convert(item, item_hint, key, at + (i,), data_dir) for i, item in enumerate(value))
    if origin in (dict, collections.abc.Mapping):
        if not isinstance(value, dict):
            raise wrong
        key_hint, value_hint = args
        return {
            _convert(k, key_hint, key, at + (k,), data_dir): _convert(v, value_hint, key, at + (k,), data_dir)
            for k, v in value.items()
        }
    if hint is bool:
        if not isinstance(value, bool):
            raise wrong
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise wrong
        return float(value)
    if hint is str:
        # YAML reads `yes`, `1` and `null` as other types; say so rather than coerce silently.
        if not isinstance(value, str):
            raise wrong
        return value
    raise TypeError(f"unsupported option type {hint!r} for {key}")


def _show(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)
