"""The inline scanner: the raw text of one markdown block -> prose pieces with source offsets.

markdown-it's inline children carry no positions, so instead of aligning them this module scans
the raw inline content itself, following CommonMark's precedence (code spans, autolinks and raw
HTML first, then links and images, then emphasis). What is not prose (code, HTML, URLs, link
destinations, images, template tags) becomes nothing; markup delimiters and backslashes vanish;
entities decode. Everything else is kept character for character, so offsets stay exact.

It must never raise on any input and never do quadratic work: searches for a closing sequence
(backticks, `-->`, `}}`) remember what they found, and other lookaheads are bounded regexes.

Longer than 400 lines because it is one scanner: the constructs share one cursor and one set of
remembered closers, and their precedence is the order of one loop; split, the precedence rules
would be spread over modules that each need the whole state.
"""
from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Container, NamedTuple, Sequence

import regex
from markdown_it.common.html_re import close_tag, open_tag
from markdown_it.common.utils import normalizeReference

from ..findings import Span


class Line(NamedTuple):
    """One content line of a block: its text (container prefixes and edge spaces removed)."""

    text: str
    start: int  # source offset of text[0]
    brk: int  # source offset of the line break that ends it
    brk_len: int  # 0 at the end of the source, 2 for CRLF


Piece = tuple  # (prose text, source start, source length), as OffsetMapBuilder.add takes them

_SPECIAL = re.compile(r"[\\`<&{\[\]*_~]|!\[|(?i:https?://|www\.)")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Inline HTML as markdown-it reads it: tags by its own pattern; comments, processing
# instructions, CDATA and declarations by their closing sequence (see `find`).
_TAG = re.compile("(?:%s|%s)" % (open_tag, close_tag))
_TAG_REACH = 4096  # an unclosed attribute quote must not scan the whole block at every `<`
_HTML_OTHER = (("<?", "?>"), ("<![CDATA[", "]]>"), ("<!", ">"))
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
# Hugo shortcodes and Liquid/Jinja tags, most specific opener first.
_TEMPLATES = (("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}"))
# Template tags inside HTML attributes and link destinations hide quotes and spaces: match those
# against a copy of the text with short tags blanked out (same length, so offsets hold).
_MASK = re.compile(r"\{\{[^\n]{0,500}?\}\}|\{%[^\n]{0,500}?%\}")
_ATTRIBUTES = re.compile(r"\{:?[ \t]*[.#][^{}\n]{0,200}\}")  # Hugo/kramdown `{.class #id}`
_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,100}\]:?")
_RUN = re.compile(r"\*+|_+|~+|`+")
_URL = re.compile(r"[^\s<>\]]*")
_WS = r"[ \t\n]*"
# Possessive quantifiers keep a long unclosed destination linear; the stdlib `re` has them only
# from Python 3.11, the `regex` module on every supported Python.
_INLINE_LINK = regex.compile(
    r"\(" + _WS
    + r"(?:<(?:[^<>\n\\]|\\.)*+>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*+\))*+)"
    + r"(?:[ \t\n]+(?:\"(?:[^\"\\]|\\.)*+\"|'(?:[^'\\]|\\.)*+'|\((?:[^()\\]|\\.)*+\)))?"
    + _WS + r"\)",
    regex.S,
)
_LABEL = re.compile(r"\[((?:[^\[\]\\]|\\.){0,999})\]", re.S)
_BACKTICK_RUN = re.compile(r"`+")


class BacktickRuns:
    """Where the runs of backticks of each length start in a text, found in one pass.

    A code span closes at the next run of exactly its opener's length. Searching the text for it
    at every opener costs a scan per distinct length, quadratic for a block of runs of 1, 2, 3,
    ... backticks; with the runs indexed by length it costs a bisect.
    """

    def __init__(self, text: str) -> None:
        self.starts: dict[int, list[int]] = {}
        for match in _BACKTICK_RUN.finditer(text):
            self.starts.setdefault(match.end() - match.start(), []).append(match.start())

    def closing(self, start: int, length: int) -> int | None:
        """End of the first run of exactly `length` backticks starting at or after `start`."""
        starts = self.starts.get(length)
        if not starts:
            return None
        index = bisect.bisect_left(starts, start)
        return starts[index] + length if index < len(starts) else None


def _kind(ch: str) -> int:
    """0 whitespace, 1 punctuation or symbol, 2 other; the start and end of a block are space."""
    if not ch or ch.isspace():
        return 0
    if ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS":
        return 1
    return 2


@dataclass
class _Delim:
    char: str
    pos: int
    length: int
    can_open: bool
    can_close: bool
    left: int = 0  # characters used as a closer (removed from the left end of the run)
    right: int = 0  # characters used as an opener (removed from the right end)

    @property
    def rest(self) -> int:
        return self.length - self.left - self.right


@dataclass
class _Bracket:
    atom: int
    pos: int
    image: bool
    delims: int
    active: bool = True


class _Scanner:
    def __init__(self, lines: Sequence[Line], references: Container[str], comments: list[Span]):
        self.lines = lines
        self.text = "\n".join(line.text for line in lines)
        self.starts = []
        offset = 0
        for line in lines:
            self.starts.append(offset)
            offset += len(line.text) + 1
        text = self.text
        self.masked = _MASK.sub(lambda m: "x" * len(m.group()), text) if "{" in text else text
        self.references = references
        self.comments = comments
        # atoms: ("k", a, b) keep, ("d", a, b) drop, ("r", a, b, text) replace, ("e", _Delim)
        self.atoms: list[tuple] = []
        self.delims: list[_Delim] = []
        self.brackets: list[_Bracket] = []
        self.kept = 0
        self.backticks: BacktickRuns | None = None  # built at the first backtick
        self.found: dict[str, int] = {}  # needle -> its next position, -1 for none (see find)

    def src(self, pos: int) -> int:
        index = max(bisect.bisect_right(self.starts, pos) - 1, 0)
        line = self.lines[index]
        inside = pos - self.starts[index]
        return line.start + inside if inside < len(line.text) else line.brk

    def source_span(self, a: int, b: int) -> tuple[int, int]:
        start = self.src(a)
        return start, max(self.src(b - 1) + 1, start) if b > a else start

    def flush(self, upto: int) -> None:
        if upto > self.kept:
            self.atoms.append(("k", self.kept, upto))
        self.kept = upto

    def drop(self, a: int, b: int) -> int:
        self.flush(a)
        self.atoms.append(("d", a, b))
        self.kept = b
        return b

    def run(self) -> list[Piece]:
        text, pos = self.text, 0
        while True:
            match = _SPECIAL.search(text, pos)
            if match is None:
                break
            pos = self.special(match.start(), match.group())
        self.flush(len(text))
        self.emphasis(0)
        return self.pieces()

    def special(self, i: int, token: str) -> int:
        """Handle the special character(s) at `i`; return where scanning resumes."""
        text = self.text
        ch = token[0]
        if ch == "\\":
            nxt = text[i + 1 : i + 2]
            if nxt in _ASCII_PUNCT or nxt == "\n":
                self.drop(i, i + 1)
                return i + 2 if nxt != "\n" else i + 1
            return i + 1
        if ch == "`":
            length = _RUN.match(text, i).end() - i
            if self.backticks is None:
                self.backticks = BacktickRuns(text)
            end = self.backticks.closing(i + length, length)
            return self.drop(i, end) if end is not None else i + length
        if ch == "<":
            if text.startswith("<!--", i):
                end = self.comment_end(i)
                if end is not None:
                    self.comments.append(Span(*self.source_span(i, end)))
                    return self.drop(i, end)
                return i + 1
            for opener, closer in _HTML_OTHER:
                if text.startswith(opener, i) and (opener != "<!" or text[i + 2 : i + 3].isalpha()):
                    end = self.find(closer, i + len(opener))
                    return self.drop(i, end + len(closer)) if end is not None else i + 1
            match = _AUTOLINK.match(text, i) or _TAG.match(self.masked, i, i + _TAG_REACH)
            return self.drop(i, match.end()) if match else i + 1
        if ch == "&":
            match = _ENTITY.match(text, i)
            decoded = html.unescape(match.group()) if match else ""
            if not match or decoded == match.group():
                return i + 1
            self.flush(i)
            self.atoms.append(("r", i, match.end(), decoded))
            self.kept = match.end()
            return match.end()
        if ch == "{":
            for opener, closer in _TEMPLATES:
                if text.startswith(opener, i):
                    end = self.find(closer, i + len(opener))
                    if end is not None and end - i <= 2000:
                        return self.drop(i, end + len(closer))
            match = _ATTRIBUTES.match(text, i)
            return self.drop(i, match.end()) if match else i + 1
        if ch in "*_~":
            return self.delimiter_run(i, ch)
        if ch == "]":
            return self.close_bracket(i)
        if token == "![" or ch == "[":
            if ch == "[":
                match = _FOOTNOTE.match(text, i)
                if match:
                    return self.drop(i, match.end())
            self.flush(i)
            self.brackets.append(_Bracket(len(self.atoms), i, token == "![", len(self.delims)))
            self.atoms.append(("k", i, i + len(token)))
            self.kept = i + len(token)
            return self.kept
        return self.bare_url(i)

    def find(self, needle: str, start: int) -> int | None:
        """str.find that remembers: the scan only moves forward, so each needle costs O(n)."""
        found = self.found.get(needle, -2)
        if found == -1 or found >= start:
            return found if found >= 0 else None
        found = self.found[needle] = self.text.find(needle, start)
        return found if found >= 0 else None

    def comment_end(self, i: int) -> int | None:
        for short in ("<!-->", "<!--->"):  # CommonMark's degenerate comments
            if self.text.startswith(short, i):
                return i + len(short)
        end = self.find("-->", i + 4)
        return end + 3 if end is not None else None

    def delimiter_run(self, i: int, ch: str) -> int:
        text = self.text
        end = _RUN.match(text, i).end()
        length = end - i
        before, after = _kind(text[i - 1] if i else ""), _kind(text[end : end + 1])
        left = after != 0 and (after != 1 or before != 2)
        right = before != 0 and (before != 1 or after != 2)
        if ch == "_":
            can_open, can_close = left and (not right or before == 1), right and (not left or after == 1)
        else:
            can_open, can_close = left, right
        if ch == "~" and length != 2 or not (can_open or can_close):
            return end
        self.flush(i)
        delim = _Delim(ch, i, length, can_open, can_close)
        self.atoms.append(("e", delim))
        self.delims.append(delim)
        self.kept = end
        return end

    def close_bracket(self, i: int) -> int:
        if not self.brackets:
            return i + 1
        opener = self.brackets.pop()
        if not opener.active:
            return i + 1
        end = self.link_end(i + 1, opener.pos + (2 if opener.image else 1), i)
        if end is None:
            return i + 1
        self.flush(i)
        if opener.image:
            del self.atoms[opener.atom :]
            del self.delims[opener.delims :]
            self.atoms.append(("d", opener.pos, end))
        else:
            self.atoms[opener.atom] = ("d", opener.pos, opener.pos + 1)
            self.atoms.append(("d", i, end))
            self.emphasis(opener.delims)
            del self.delims[opener.delims :]
            for bracket in self.brackets:
                if not bracket.image:
                    bracket.active = False  # CommonMark: no links inside links
        self.kept = end
        return end

    def link_end(self, pos: int, text_start: int, text_end: int) -> int | None:
        """Where the link whose text ends before `pos` ends, or None when it is not a link."""
        text = self.text
        nxt = text[pos : pos + 1]
        if nxt == "(":
            match = _INLINE_LINK.match(self.masked, pos)
            if match:
                return match.end()
        if nxt == "[":
            match = _LABEL.match(text, pos)
            if match:
                label = match.group(1) if match.group(1).strip() else text[text_start:text_end]
                return match.end() if self.defined(label) else None
        return pos if self.defined(text[text_start:text_end]) else None

    def defined(self, label: str) -> bool:
        return bool(self.references) and 0 < len(label) < 1000 and normalizeReference(label) in self.references

    def bare_url(self, i: int) -> int:
        text = self.text
        if i and (text[i - 1].isalnum() or text[i - 1] in "/.@-:"):
            return i + 1
        end = _URL.match(text, i).end()
        while end > i:
            last = text[end - 1]
            if last in "?!.,:*_~'\";":
                end -= 1
            elif last == ")" and text.count(")", i, end) > text.count("(", i, end):
                end -= 1
            else:
                break
        body = text[i:end].lower()
        if body.rstrip("/") in ("http:", "https:", "www.") or "." not in body.split("://")[-1]:
            return i + 1
        return self.drop(i, end)

    def emphasis(self, first: int) -> None:
        """Match delimiter runs from `first` on (CommonMark's process_emphasis, simplified)."""
        openers: list[_Delim] = []
        for closer in self.delims[first:]:
            if closer.can_close:
                while closer.rest:
                    found = -1
                    for k in range(len(openers) - 1, max(len(openers) - 64, 0) - 1, -1):
                        opener = openers[k]
                        if opener.char != closer.char or not opener.rest:
                            continue
                        if (
                            closer.char != "~"
                            and (opener.can_close or closer.can_open)
                            and (opener.length + closer.length) % 3 == 0
                            and (opener.length % 3 or closer.length % 3)
                        ):
                            continue
                        found = k
                        break
                    if found < 0:
                        break
                    opener = openers[found]
                    use = 2 if opener.rest >= 2 and closer.rest >= 2 else 1
                    opener.right += use
                    closer.left += use
                    del openers[found + 1 :]
                    if not opener.rest:
                        openers.pop()
            if closer.can_open and closer.rest:
                openers.append(closer)

    def pieces(self) -> list[Piece]:
        out: list[Piece] = []
        for atom in self.atoms:
            tag = atom[0]
            if tag == "k":
                self.keep(atom[1], atom[2], out)
            elif tag == "r":
                start, end = self.source_span(atom[1], atom[2])
                out.append((atom[3], start, end - start))
            elif tag == "e":
                delim = atom[1]
                if delim.rest:
                    a = delim.pos + delim.left
                    self.keep(a, a + delim.rest, out)
        return out

    def keep(self, a: int, b: int, out: list) -> None:
        starts, lines = self.starts, self.lines
        while a < b:
            index = max(bisect.bisect_right(starts, a) - 1, 0)
            line = lines[index]
            line_end = starts[index] + len(line.text)
            if a < line_end:
                end = min(b, line_end)
                out.append((self.text[a:end], line.start + a - starts[index], end - a))
                a = end
            else:
                out.append((" ", line.brk, line.brk_len))
                a += 1


def scan(lines: Sequence[Line], references: Container[str], comments: list[Span]) -> list[Piece]:
    """Prose pieces of a block's lines; HTML comments met on the way are appended to `comments`."""
    return _Scanner(lines, references, comments).run() if lines else []


_CELL_SCAN = re.compile(r"\\.|`+|\|")


def split_cells(text: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row, stripped; pipes escaped or in code spans do not split."""
    pipes, pos = [], 0
    backticks: BacktickRuns | None = None
    while True:
        match = _CELL_SCAN.search(text, pos)
        if match is None:
            break
        token, pos = match.group(), match.end()
        if token == "|":
            pipes.append(match.start())
        elif token[0] == "`":
            backticks = backticks or BacktickRuns(text)
            pos = backticks.closing(pos, len(token)) or pos
    cells = []
    for a, b in zip([-1] + pipes, pipes + [len(text)]):
        cell = text[a + 1 : b]
        lead = len(cell) - len(cell.lstrip(" \t"))
        cells.append((a + 1 + lead, a + 1 + len(cell.rstrip(" \t"))))
    return [(a, b) if b > a else (a, a) for a, b in cells]
