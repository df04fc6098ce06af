"""requires: if `first` appears, `second` must appear within a window around it.

This is Vale's `conditional` with a window: Vale looks for `second` anywhere in the scope, which
cannot say "a quotation needs its speaker in the same sentence or the next". `window` is
`sentence` (with `before`/`after` neighbouring sentences of the same block), `paragraph` (the
prose block) or `document` (Vale's behaviour with `scope: text`). When `second` has a capture
group, Vale's rule holds: the text `first` matched (its first group, if it has one) must be one of
the texts `second` captured in the window, as an acronym must be spelled out somewhere.
Every match of `first` without its `second` is reported; `exceptions` are matches of `first` to
leave alone. `classes` names word classes kept in data files, which any pattern (and the
patterns of `first-file`/`second-file`) may use as `{name}` (see patterns/classes.py). This kind never looks outside the rule's scope for either pattern.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Literal, Mapping

from ..text.document import Document
from ..findings import Hit
from ..patterns.classes import CLASS_NAME, expand_classes
from ..patterns.safe import alternation, compile_pattern
from ..schema import DataFile, OptionError
from ..yamlfile import read_word_list
from ..text.sentences import block_sentences, sentence_index

PLACEHOLDERS = ("match",)


@dataclass(frozen=True)
class Options:
    first: str | tuple[str, ...] = ()
    second: str | tuple[str, ...] = ()
    first_file: DataFile | None = None
    """More `first` patterns, one per line, from the pack's data folder."""
    second_file: DataFile | None = None
    window: Literal["sentence", "paragraph", "document"] = "sentence"
    before: int = 0
    """Sentences before the one holding `first` (same block) that also count, with `window: sentence`."""
    after: int = 0
    ignorecase: bool = False
    nonword: bool = True
    """As in Vale's conditional, patterns match as written; false bounds them by word edges."""
    exceptions: tuple[str, ...] = ()
    classes: Mapping[str, DataFile] = field(default_factory=dict)
    """Word classes: name -> a data file of alternatives; `{name}` in any pattern stands for them."""
    first_pattern: re.Pattern = field(init=False, repr=False, compare=False)
    second_pattern: re.Pattern = field(init=False, repr=False, compare=False)
    exception_pattern: re.Pattern | None = field(init=False, repr=False, compare=False)
    captures: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for key in ("before", "after"):
            value = getattr(self, key)
            if value < 0:
                raise OptionError(key, f"'{key}' must not be negative")
            if value and self.window != "sentence":
                raise OptionError(key, f"'{key}' counts sentences, so it needs 'window: sentence'")
        classes = {}
        for name, path in self.classes.items():
            if not CLASS_NAME.fullmatch(name):
                raise OptionError("classes", f"a class name is lower-case letters, digits and '-', not {name!r}")
            classes[name] = _read_patterns(path, "classes")
            if not classes[name]:
                raise OptionError("classes", f"word class {name!r} ({path.name}) is empty")
        patterns = {}
        for key in ("first", "second", "exceptions"):
            entries = getattr(self, key)
            entries = (entries,) if isinstance(entries, str) else entries
            expanded = []
            for index, entry in enumerate(entries):
                try:
                    entry = expand_classes(entry, classes)
                    compile_pattern(entry)
                except ValueError as err:
                    raise OptionError(key, str(err), *((index,) if len(entries) > 1 else ())) from None
                expanded.append(entry)
            entries = tuple(expanded)
            extra = getattr(self, f"{key}_file", None)
            if extra:
                entries = entries + _read_patterns(extra, f"{key}-file", classes)
            if key != "exceptions" and not entries:
                raise OptionError(key, f"a requires rule needs '{key}' or '{key}-file'")
            if not entries:
                patterns[key] = None
                continue
            body = entries[0] if len(entries) == 1 and key != "exceptions" else "|".join(f"(?:{e})" for e in entries)
            if not self.nonword and key != "exceptions":
                body = alternation((body,), nonword=False)
            patterns[key] = compile_pattern(body, ignorecase=self.ignorecase)
        object.__setattr__(self, "first_pattern", patterns["first"])
        object.__setattr__(self, "second_pattern", patterns["second"])
        object.__setattr__(self, "exception_pattern", patterns["exceptions"])
        object.__setattr__(self, "captures", patterns["second"].groups > 0)


def _read_patterns(path, key: str, classes: Mapping[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    entries = []
    for entry in read_word_list(path):
        try:
            if classes is not None:
                entry = expand_classes(entry, classes)
            compile_pattern(entry)
        except ValueError as err:
            raise OptionError(key, f"{path.name}: {err}") from None
        entries.append(entry)
    return tuple(entries)


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    if options.window == "sentence":
        firsts: dict[int, list] = {}

        def has_first(block) -> bool:
            firsts[id(block)] = _firsts(options, block)
            return bool(firsts[id(block)])

        for unit in block_sentences(document, rule.scope, wanted=has_first):
            yield from _judge_sentences(options, unit.block, unit.spans, firsts[id(unit.block)])
        return
    blocks = list(document.prose(rule.scope))
    whole = _Window([(block, 0, len(block.text)) for block in blocks], options)
    for block in blocks:
        window = whole if options.window == "document" else _Window([(block, 0, len(block.text))], options)
        yield from _judge(options, block, _firsts(options, block), window)


def _judge_sentences(options: Options, block, spans, matches: list) -> Iterator[Hit]:
    """Each match of `first` against the sentences it spans, widened by `before` and `after`.

    Matches are found in the whole block, not sentence by sentence, because the sentencizer may
    cut a quotation before its closing mark."""
    if not spans:
        return
    windows: dict[tuple[int, int], _Window] = {}
    for match in matches:
        first = sentence_index(spans, match.start())
        last = max(first, sentence_index(spans, match.end() - 1))
        low, high = max(0, first - options.before), min(len(spans) - 1, last + options.after)
        window = windows.setdefault((low, high), _Window([(block, spans[low][0], spans[high][1])], options))
        yield from _judge(options, block, [match], window)



def _firsts(options: Options, block) -> list:
    if not options.first_pattern.may_occur(block.folded):
        return []
    return [m for m in options.first_pattern.finditer(block.text) if m.end() > m.start()
            and not (options.exception_pattern is not None and options.exception_pattern.fullmatch(m.group()))]


def _judge(options: Options, block, matches, window: "_Window") -> Iterator[Hit]:
    for match in matches:
        if options.captures:
            key = next((g for g in match.groups() if g), match.group())
            satisfied = window.normal(key) in window.seconds()
        else:
            satisfied = bool(window.seconds())
        if not satisfied:
            yield Hit(block.source_span(match.start(), match.end()), {"match": match.group()})


class _Window:
    """Where `second` is looked for; what it found there is computed once, on first need."""

    def __init__(self, ranges, options: Options) -> None:
        self.ranges = ranges
        self.options = options
        self._found: set | None = None

    def normal(self, text: str) -> str:
        return text.casefold() if self.options.ignorecase else text

    def seconds(self) -> set:
        """The texts `second` captured (or, without groups, {True} when it matched at all)."""
        if self._found is None:
            found: set = set()
            for block, low, high in self.ranges:
                for match in self.options.second_pattern.finditer(block.text, low, high):
                    if not self.options.captures:
                        found = {True}
                        break
                    found.update(self.normal(g) for g in match.groups() if g)
                if found and not self.options.captures:
                    break
            self._found = found
        return self._found
