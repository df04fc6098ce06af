"""frontmatter: a front-matter key that must be present, of a type, from a list, or of a pattern.

`key` names the key (dotted for nesting: `ai.level`), or a list of alternatives of which the first
present is checked (`[date, publishDate]`). `required` reports its absence; `type` is one of
string, date, list, enum (with `values`), pattern (with `pattern`, searched in the text), bool or
number; `min-length`/`max-length` bound a string's characters or a list's items. Findings point
at the key as written, or at the opening fence (line 1 without front matter) when it is missing.
Front matter that does not parse is left to the core rule front-matter-invalid. This kind never
reads the article's body.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal

from ..text.document import Document
from ..findings import Hit, Span
from ..patterns.safe import compile_pattern
from ..schema import OptionError

PLACEHOLDERS = ("match", "key", "problem", "value")
TYPES = ("string", "date", "list", "enum", "pattern", "bool", "number")


@dataclass(frozen=True)
class Options:
    key: str | tuple[str, ...]
    required: bool = False
    type: Literal["string", "date", "list", "enum", "pattern", "bool", "number"] | None = None
    values: tuple[Any, ...] = ()
    pattern: str = ""
    min_length: int | None = None
    max_length: int | None = None
    keys: tuple[str, ...] = field(init=False, repr=False, compare=False)
    compiled: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = (self.key,) if isinstance(self.key, str) else self.key
        if not keys or not all(k.strip() for k in keys):
            raise OptionError("key", "'key' must name a front-matter key (or a list of alternatives)")
        object.__setattr__(self, "keys", tuple(keys))
        if not (self.required or self.type or self.min_length is not None or self.max_length is not None):
            raise OptionError("type", "a frontmatter rule needs 'required: true', a 'type' or a length bound")
        if (self.type == "enum") != bool(self.values):
            raise OptionError("values" if self.values else "type", "'values' goes with 'type: enum', and it needs them")
        if (self.type == "pattern") != bool(self.pattern):
            raise OptionError("pattern" if self.pattern else "type",
                              "'pattern' goes with 'type: pattern', and it needs one")
        for index, value in enumerate(self.values):
            if isinstance(value, (list, dict)):
                raise OptionError("values", "each of 'values' must be a single text, number or true/false", index)
        for key in ("min_length", "max_length"):
            if (getattr(self, key) or 0) < 0:
                raise OptionError(key.replace("_", "-"), f"'{key.replace('_', '-')}' must not be negative")
        try:
            object.__setattr__(self, "compiled", compile_pattern(self.pattern) if self.pattern else None)
        except ValueError as err:
            raise OptionError("pattern", str(err)) from None


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    front = document.front_matter
    if front.error is not None:
        return
    present = next((k for k in options.keys if _present(front, k)), None)
    if present is None:
        if options.required:
            where = Span(front.span.start, front.span.start + 3) if front.format else Span(0, 0)
            yield Hit(where, {"match": "", "key": options.keys[0], "value": "",
                              "problem": "is missing" + _alternatives(options.keys)})
        return
    value = front.get(present)
    raw = front.raw.get(present, "" if value is None else str(value))
    problem = _problem(options, value)
    if problem is not None:
        span = front.key_span(present) or Span(front.span.start, front.span.start)
        yield Hit(span, {"match": present, "key": present, "value": raw, "problem": problem})


def _present(front, key: str) -> bool:
    return front.get(key, _MISSING) is not _MISSING


_MISSING = object()


def _alternatives(keys: tuple[str, ...]) -> str:
    return f" (or {', '.join(repr(k) for k in keys[1:])})" if len(keys) > 1 else ""


def _problem(options: Options, value: Any) -> str | None:
    if value is None or value == "" or value == []:
        return "is empty" if options.required or options.type else None
    kind = options.type
    if kind in ("string", "pattern") and not isinstance(value, str):
        return f"must be text, not {_describe(value)}"
    if kind == "date" and not _is_date(value):
        return f"must be a date (YYYY-MM-DD), not {_show(value)}"
    if kind == "list" and not isinstance(value, list):
        return f"must be a list, not {_describe(value)}"
    if kind == "bool" and not isinstance(value, bool):
        return f"must be true or false, not {_show(value)}"
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return f"must be a number, not {_show(value)}"
    if kind == "enum" and not any(value == allowed and type(value) is type(allowed) for allowed in options.values):
        return f"must be one of {', '.join(_show(v) for v in options.values)}, not {_show(value)}"
    if kind == "pattern" and not options.compiled.search(value):
        return f"does not match '{options.pattern}'"
    if isinstance(value, (str, list)):
        unit = "characters" if isinstance(value, str) else "items"
        if options.max_length is not None and len(value) > options.max_length:
            return f"has {len(value)} {unit}; the limit is {options.max_length}"
        if options.min_length is not None and len(value) < options.min_length:
            return f"has {len(value)} {unit}; at least {options.min_length} are needed"
    return None


def _is_date(value: Any) -> bool:
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    rest = value[10:]
    if not rest:
        return True
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True
    except ValueError:
        return False


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    return "text"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)
