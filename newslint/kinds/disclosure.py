"""disclosure: an article marked as AI-generated must tell its readers so, and one that tells them
should be marked.

With `flag: missing`, an article whose front matter marks it as AI-generated (the keys and values
of the config's `front-matter.ai-generated`) must carry a disclosure: a body sentence matching
the pack's phrase data where `position` asks, or a non-empty front-matter field that the site
renders (`disclosure-fields`). The unsafe fix inserts the rule's `text` at the top (also for
`position: anywhere`: EU AI Act art. 50(5) asks for it at first exposure) or at the end. With
`flag: unmarked`, a disclosure in an article whose front matter does not mark it is reported, so
that templates and feeds can label the article.

It must never yield more than one hit per document, judge a front matter it cannot read, or count
a sentence merely about AI, a negated one or a question as a disclosure (the phrase data's
comments say how its patterns keep to the article itself).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal

from .. import compiled
from ..text.document import Document
from ..findings import Fix, Hit, Span
from ..patterns.safe import compile_pattern
from ..patterns.prefilter import fold
from ..schema import DataFile, OptionError
from ..yamlfile import read_yaml_file

PLACEHOLDERS = ("match", "why", "where", "text", "key", "value", "marker")

_NAME = re.compile(r"\{([a-z_]+)\}")  # {name} in the phrase data; regex counts like {0,3} stay
_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))*")
_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?](?=\s|$)")  # not the dots of "A.I." or "U.S."
_TRUE_WORDS, _FALSE_WORDS = ("true", "yes"), ("false", "no")


@dataclass(frozen=True)
class Phrases:
    patterns: tuple[re.Pattern, ...]
    negation: re.Pattern | None
    cased: tuple[str, ...] = ()
    folded: tuple[str, ...] = ()
    """Prefilter words: a sentence with none of them cannot be a disclosure (it saves time)."""
    locator: re.Pattern | None = None
    """The same words as one expression, to find the sentences worth trying."""


@functools.lru_cache(maxsize=16)
def load_phrases(path: Path) -> Phrases:
    """Read the phrase data (`prefilter`, `define`, `patterns`, `negations`); a problem is a
    ConfigError at its line."""
    doc = read_yaml_file(path)
    data = doc.data if isinstance(doc.data, dict) else None
    if data is None or not isinstance(data.get("patterns"), list) or not data["patterns"]:
        raise doc.error("a phrase file needs a non-empty 'patterns' list")
    unknown = set(data) - {"prefilter", "define", "patterns", "negations"}
    if unknown:
        raise doc.error(f"unknown key {sorted(unknown)[0]!r} (allowed: prefilter, define, patterns, negations)",
                        sorted(unknown)[0])
    defined: dict[str, str] = {}

    def expand(text: Any, *at: object) -> str:
        if not isinstance(text, str) or not text.strip():
            raise doc.error("each entry must be a non-empty regular expression", *at)

        def name(match: re.Match) -> str:
            if match.group(1) not in defined:
                raise doc.error(f"{{{match.group(1)}}} is not defined above", *at)
            return defined[match.group(1)]
        return _NAME.sub(name, text.strip())

    def compiled(text: str, *at: object) -> re.Pattern:
        try:
            return compile_pattern(text, ignorecase=True)
        except ValueError as err:
            raise doc.error(str(err), *at) from None

    for key, text in (data.get("define") or {}).items():
        defined[str(key)] = f"(?:{expand(text, 'define', key)})"
        compiled(defined[str(key)], "define", key)  # report a bad fragment at its own line
    patterns = tuple(compiled(expand(p, "patterns", i), "patterns", i) for i, p in enumerate(data["patterns"]))
    negations = [expand(n, "negations", i) for i, n in enumerate(data.get("negations") or [])]
    negation = compiled("|".join(f"(?:{n})" for n in negations), "negations") if negations else None
    words = data.get("prefilter") or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise doc.error("'prefilter' must be a list of words", "prefilter")
    cased = tuple(w for w in words if w != w.lower())
    folded = tuple(w for w in words if w == w.lower())
    locator = "|".join([re.escape(w) for w in cased] + [f"(?i:{re.escape(w)})" for w in folded])
    return Phrases(patterns, negation, cased, folded, re.compile(locator) if words else None)


@dataclass(frozen=True)
class Options:
    flag: Literal["missing", "unmarked"]
    """missing: a marked article without a disclosure; unmarked: a disclosure without marking."""
    phrases: DataFile
    require: Literal["marked", "always"] = "marked"
    """always: every article needs a disclosure (a site whose copy is all AI-generated)."""
    position: Literal["anywhere", "top", "bottom"] = "anywhere"
    top_paragraphs: int = 3
    bottom_paragraphs: int = 3
    disclosure_fields: tuple[str, ...] = ("disclosure", "ai.disclosure")
    """Front-matter fields the site's templates render as a disclosure (dotted for nesting)."""
    text: str = "This article was written with the help of AI."
    compiled: Phrases = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("top_paragraphs", "bottom_paragraphs"):
            if getattr(self, name) < 1:
                key = name.replace("_", "-")
                raise OptionError(key, f"'{key}' must be 1 or more")
        object.__setattr__(self, "compiled", load_phrases(Path(self.phrases)))
        # The fix inserts `text`; unless it reads as a disclosure itself, the fix could never end.
        if not self.text.strip() or not _recognised(self):
            raise OptionError("text", f"'text' must be a disclosure the phrase patterns recognise, "
                                      f"not {self.text!r}")


def _recognised(options: Options) -> bool:
    """Whether the phrase patterns read `text` as a disclosure. Finding out compiles the largest
    patterns with `regex` at every load, so a yes is kept (`compiled`) under a key of the
    phrase file's bytes, newslint's code and the `regex` module's version; a no is never kept,
    so the error is raised at every load."""
    table = _recognised_table(Path(options.phrases))
    if table is not None and table.get(options.text) is True:
        return True
    found = bool(_survey(Document("<text>", options.text), options, ())[0])
    if found and table is not None:
        table[options.text] = True
        compiled.changed("disclosure-text", _key(Path(options.phrases)))
    return found


@functools.cache
def _code() -> str:
    """newslint's code and the regex and Python versions its matching depends on, hashed once."""
    import sys

    import regex

    return compiled.digest("disclosure-code", compiled.package_code(),
                           [("regex", regex.__version__.encode()), ("python", sys.version.encode())])


def _key(path: Path) -> str:
    return compiled.digest("disclosure-text", [], [("code", _code().encode()), ("phrases", path.read_bytes())])


def _recognised_table(path: Path) -> dict | None:
    if not compiled.enabled():
        return None
    try:
        return compiled.table("disclosure-text", _key(path))
    except OSError:
        return None


# --- Front matter ----------------------------------------------------------------------------


def marking(document: Document) -> tuple[str, Any] | None:
    """The first configured front-matter key (and its value) that marks the article AI-generated."""
    for key, accepted in document.context.front_matter_keys.ai_generated.items():
        value = document.front_matter.get(key)
        if value is not None and any(_same(item, want) for item in _items(value) for want in accepted):
            return key, value
    return None


def _items(value: Any) -> list:
    return list(value) if isinstance(value, list) else [value]


def _same(value: Any, accepted: Any) -> bool:
    """Strings compare case-insensitively; a configured boolean also accepts the strings
    true/yes (false/no), since YAML 1.2 site generators and quoted TOML leave them as text."""
    if isinstance(accepted, bool):
        words = _TRUE_WORDS if accepted else _FALSE_WORDS
        return value is accepted or (isinstance(value, str) and value.strip().lower() in words)
    if isinstance(accepted, str):
        return isinstance(value, str) and value.strip().casefold() == accepted.strip().casefold()
    return not isinstance(value, bool) and value == accepted


def _has_field(document: Document, options: Options) -> bool:
    for key in options.disclosure_fields:
        value = document.front_matter.get(key)
        if value is True or any(isinstance(v, str) and v.strip() for v in _items(value)):
            return True
    return False


def _marker(document: Document) -> str:
    """How to mark the article, in its front matter's own syntax: `ai_generated: true`."""
    for key, accepted in document.context.front_matter_keys.ai_generated.items():
        for value in accepted:
            shown = str(value).lower() if isinstance(value, bool) else str(value)
            if document.front_matter.format == "toml":
                return f'{key} = "{shown}"' if isinstance(value, str) else f"{key} = {shown}"
            return f"{key}: {shown}"
    return ""


# --- The body --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Disclosure:
    span: Span
    text: str
    unit: int
    """How many paragraph-like blocks (headings not counted, a table row counted once) precede it."""


@dataclass(frozen=True)
class Layout:
    """Where the body's paragraphs and its first section heading start, to judge positions."""

    units: int
    section: int | None
    """The first heading after some text (a leading title does not end the top), if any."""


def _survey(document: Document, options: Options, scope: tuple[str, ...]) -> tuple[list[Disclosure], Layout]:
    """Every disclosure in the body, in document order, and the body's layout."""
    units, found, last_row, section = 0, [], None, None
    for block in document.body.blocks:
        if (not scope or block.kind in scope) and (hit := _first_phrase(block.text, options.compiled, block.folded)):
            found.append(Disclosure(block.source_span(*hit.span()), hit.group(), units))
        if block.kind == "heading":
            if units and section is None:
                section = block.source_span(0, 0).start
        elif block.row is None or block.row != last_row:
            units += 1
        last_row = block.row
    return found, Layout(units, section)


def _placed(options: Options, disclosure: Disclosure, layout: Layout) -> bool:
    """Top: within the first N paragraphs or before the first section heading; bottom: within
    the last N paragraphs."""
    if options.position == "bottom":
        return layout.units - disclosure.unit <= options.bottom_paragraphs
    if options.position == "top":
        return disclosure.unit < options.top_paragraphs or (
            layout.section is not None and disclosure.span.start < layout.section)
    return True


def _first_phrase(text: str, phrases: Phrases, folded: str | None = None) -> re.Match | None:
    """The first phrase match not cancelled by a negation or a question mark in its sentence.
    `folded` is prefilter.fold(text), where the caller has it."""
    if not _may_hold(text, phrases):
        return None
    folded = fold(text) if folded is None else folded
    patterns = [pattern for pattern in phrases.patterns if pattern.may_occur(folded)]
    if not patterns:
        return None
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    for start, end in _windows(text, phrases, ends):
        for pattern in patterns:
            position = start
            while (match := pattern.search(text, position, end)) is not None:
                before = bisect.bisect_right(ends, match.start())
                begins = ends[before - 1] if before else 0
                negated = phrases.negation is not None and phrases.negation.search(text, begins, match.end())
                stop = bisect.bisect_left(ends, match.end())
                if not negated and not (stop < len(ends) and text[ends[stop] - 1] == "?"):
                    return match
                position = match.start() + 1
    return None


def _may_hold(text: str, phrases: Phrases) -> bool:
    """Whether a prefilter word occurs (plain substring tests: far faster than any regex)."""
    if phrases.locator is None or any(w in text for w in phrases.cased):
        return True
    lowered = text.lower()
    return any(w in lowered for w in phrases.folded)


def _windows(text: str, phrases: Phrases, ends: list[int]) -> list[tuple[int, int]]:
    """The sentences (start, end) that hold a prefilter word, or the whole text without any."""
    if phrases.locator is None:
        return [(0, len(text))]
    windows: list[tuple[int, int]] = []
    for word in phrases.locator.finditer(text):
        before = bisect.bisect_right(ends, word.start())
        after = bisect.bisect_left(ends, word.end())
        window = (ends[before - 1] if before else 0, ends[after] if after < len(ends) else len(text))
        if not windows or windows[-1] != window:
            windows.append(window)
    return windows


# --- The check -------------------------------------------------------------------------------


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    front_matter = document.front_matter
    if front_matter.error is not None:
        return  # front-matter-invalid reports it; whether it marks the article is unknowable
    marked = marking(document)
    data = dict.fromkeys(PLACEHOLDERS[1:], "") | {"text": options.text, "marker": _marker(document)}
    if options.flag == "unmarked":
        # Without marking keys configured the newsroom does not mark articles, and a file with
        # no front matter at all (a snippet, plain text) has no metadata for templates to read.
        if marked is None and data["marker"] and front_matter.format:
            found, _ = _survey(document, options, rule.scope)
            if found:
                yield Hit(found[0].span, data | {"match": found[0].text})
        return
    if (marked is None and options.require == "marked") or _has_field(document, options):
        return
    found, layout = _survey(document, options, rule.scope)
    if any(_placed(options, d, layout) for d in found):
        return
    if marked:
        key, value = marked
        shown = front_matter.raw.get(key, str(value).lower() if isinstance(value, bool) else str(value))
        data |= {"key": key, "value": shown,
                 "why": f"front matter marks this article as AI-generated ({key}: {shown})"}
    else:
        data["why"] = "site requires an AI disclosure in every article (require: always)"
    data["where"] = {"anywhere": "", "top": " near the top", "bottom": " near the end"}[options.position]
    if found:
        line = document.lines.line_of(found[0].span.start)
        data["where"] += f" (the one on line {line} is too far {'down' if options.position == 'top' else 'up'})"
    span = (front_matter.key_span(marked[0]) if marked else None) or Span(0, 0)
    yield Hit(span, data, _fix(document, options, rule.scope))


def _fix(document: Document, options: Options, scope: tuple[str, ...]) -> Fix | None:
    """Insert `text` as its own paragraph at the top of the body (after the front matter) or at
    the end, in the file's line endings; offered only if the result then satisfies the rule."""
    source, newline = document.source, document.newline
    text = newline.join(line.rstrip() for line in _BREAK.split(options.text.strip()))
    if options.position == "bottom":
        at = len(source)
        breaks = len(_BREAK.findall(source[len(source.rstrip()) :]))
        insertion = f"{newline * max(0, 2 - breaks) if source.strip() else ''}{text}{newline}"
    else:
        at = _BLANK_LINES.match(source, document.front_matter.body_start).end()
        if at < len(source):
            insertion = f"{text}{newline}{newline}"
        else:  # an empty body: start a line of its own if the file does not end with one
            lead = newline if source and source[-1] not in "\r\n" else ""
            insertion = f"{lead}{text}{newline}"
    fixed = Document(document.path, source[:at] + insertion + source[at:], document.context)
    found, layout = _survey(fixed, options, scope)
    if not any(_placed(options, d, layout) for d in found):
        return None  # e.g. the end of the file is inside an unclosed code fence
    where = "at the end" if options.position == "bottom" else "at the top"
    return Fix(((Span(at, at), insertion),), safe=False, message=f"Insert '{options.text.strip()}' {where}")
