"""The one place where rule-supplied regular expressions are compiled and run.

Rule patterns are the user's code, and a careless one (`(a|aa)+$`) can backtrack for longer
than the universe has left. So every pattern from a rule file, a pack's data or a config goes
through `compile_pattern`, which returns a `SafePattern`:

- The syntax is Python's `re` syntax, checked by `re`'s own parser, so error messages and the
  documented syntax stay those of the standard library (look-arounds included, as in Vale's
  regexp2 engine). `regex` also takes variable-width look-behind, which regexp2 allows too.
- Matching runs on the third-party `regex` module, which accepts the same syntax and takes a
  `timeout` on every call. The limit is generous: `TIMEOUT_SECONDS`, plus for each character
  searched `TIMEOUT_PER_CHAR` and `TIMEOUT_PER_CHAR_PER_STEP` for each step of the pattern (a
  list of 10,000 words costs ten times what a list of 1,000 does, per character). That is nine
  times or more what any built-in pattern needs, so only one that backtracks catastrophically
  (its cost grows exponentially with the text, not linearly) ever reaches it.
- A pattern that times out raises `PatternTimeout` and gives up for good: every later call in
  this process raises at once, so one bad rule costs one time limit per run, not one per file.
  The engine turns the exception into a `rule-timeout` finding.
- Patterns whose fixed repeats would unroll into a huge program (`(?:(?:a{1000}){1000}){1000}`
  makes `regex` build a billion-step program, for minutes and gigabytes) are refused when the
  rule loads, as are patterns over MAX_PATTERN_CHARS.

It must never let a rule pattern run without a time limit, and never raise anything but
ValueError (at compile time) or PatternTimeout (at match time).
"""
from __future__ import annotations

import re
from typing import Iterator

import regex

from . import known
from .prefilter import WordPrefilter

try:  # Python 3.11+
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

WORD_BOUNDARY_START = r"(?<![\w])"
WORD_BOUNDARY_END = r"(?![\w])"

TIMEOUT_SECONDS = 1.0
"""Matching time every call may take, whatever the length of the text."""
TIMEOUT_PER_CHAR = 10e-6
"""More time per character searched: ten times what the slowest built-in pattern needs."""
TIMEOUT_PER_CHAR_PER_STEP = 2e-9
"""And per character and step of the pattern: alternations cost about 0.16 ns per step and char."""
MAX_PROGRAM_SIZE = 1_000_000
"""The largest pattern, in steps (literals, sets, ...) once fixed repeats are unrolled: compiling
a million steps takes seconds (an alternation of 125,000 words, 7 s)."""
MAX_PATTERN_CHARS = 2_000_000


class PatternTimeout(Exception):
    """A rule pattern gave up: it took longer than its time limit (now, or earlier in the run),
    or, with a `reason`, `regex` refused to compile it."""

    def __init__(self, pattern: str, seconds: float, earlier: bool, reason: str | None = None) -> None:
        super().__init__(f"pattern {preview(pattern)} " + (reason or f"gave up after {seconds:.1f} s"))
        self.pattern = pattern
        self.seconds = seconds
        self.earlier = earlier
        """True when the pattern gave up on an earlier text and was not run on this one."""
        self.reason = reason
        self.offset: int | None = None
        """Source offset of the block it gave up on, where a kind knows it."""


def preview(pattern: str, width: int = 60) -> str:
    """The pattern in quotes, as written (shortened, on one line), for messages."""
    text = pattern.replace("\r", "\\r").replace("\n", "\\n")
    return f"'{text if len(text) <= width else text[: width - 1] + '…'}'"


class SafePattern:
    """A compiled pattern whose every match call has a time limit (see the module docstring).

    It offers the parts of `re.Pattern` that newslint uses, with the same signatures and match
    objects that behave like `re.Match`.
    """

    __slots__ = ("_compiled", "pattern", "flags", "gave_up", "_refused", "_per_char", "_literals", "_prefilter")

    def __init__(self, compiled: regex.Pattern | None, pattern: str, flags: int, size: int,
                 literals: tuple[frozenset[str], ...] | None = None) -> None:
        self._compiled = compiled
        """None until first used: compiling with `regex` costs more than parsing with `re`, and a
        run uses few of the patterns it loads (most blocks fail `may_occur` first)."""
        self.pattern = pattern
        self.flags = flags
        self.gave_up: float | None = None
        """The time limit it exceeded, once it has."""
        self._refused: str | None = None
        """Why `regex` would not compile it, if it would not."""
        self._per_char = TIMEOUT_PER_CHAR + size * TIMEOUT_PER_CHAR_PER_STEP
        self._literals = literals
        self._prefilter: tuple[WordPrefilter, ...] | None = None

    def may_occur(self, folded: str) -> bool:
        """False only where no match can be: `folded` (prefilter.fold of the text) lacks all
        strings of one of the sets every match holds one of (`required_literals`). Far cheaper
        than a search with a long alternation, and most prose lacks what a rule looks for."""
        if self._literals is None:
            return True
        if self._prefilter is None:
            self._prefilter = tuple(sorted((WordPrefilter.of(strings) for strings in self._literals),
                                           key=lambda prefilter: prefilter.cost))
        return all(prefilter.may_match(folded) for prefilter in self._prefilter)

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r})"

    def compiled(self) -> regex.Pattern:
        """The `regex` pattern, compiled on first use. `re` has parsed the text; of 100,000
        random patterns it parsed, `regex` refused 7,809, every one of which `_regex_may_refuse`
        foresaw, so compile_pattern compiled it at once. Should `regex` still refuse one here,
        the rule gives up on it as on a pattern that ran out of time."""
        if self._compiled is None:
            try:
                self._compiled = _compile(self.pattern, self.flags)
            except ValueError as err:
                self.gave_up, self._refused = 0.0, str(err)
                raise PatternTimeout(self.pattern, 0.0, earlier=False, reason=self._refused) from None
        return self._compiled

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> dict:
        return dict(self.compiled().groupindex)

    def _limit(self, string: str, pos: int, endpos: int | None) -> float:
        if self.gave_up is not None:
            raise PatternTimeout(self.pattern, self.gave_up, earlier=True, reason=self._refused)
        end = len(string) if endpos is None else min(endpos, len(string))
        return TIMEOUT_SECONDS + max(0, end - pos) * self._per_char

    def _timed_out(self, limit: float) -> PatternTimeout:
        self.gave_up = limit
        return PatternTimeout(self.pattern, limit, earlier=False)

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        limit = self._limit(string, pos, endpos)
        try:
            return self.compiled().search(string, pos, endpos, timeout=limit)
        except TimeoutError:
            raise self._timed_out(limit) from None

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        limit = self._limit(string, pos, endpos)
        try:
            return self.compiled().match(string, pos, endpos, timeout=limit)
        except TimeoutError:
            raise self._timed_out(limit) from None

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None):
        limit = self._limit(string, pos, endpos)
        try:
            return self.compiled().fullmatch(string, pos, endpos, timeout=limit)
        except TimeoutError:
            raise self._timed_out(limit) from None

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator:
        """Matches left to right; the limit covers the matching time of the whole iteration."""
        limit = self._limit(string, pos, endpos)
        matches = self.compiled().finditer(string, pos, endpos, timeout=limit)
        while True:
            try:
                match = next(matches)
            except StopIteration:
                return
            except TimeoutError:
                raise self._timed_out(limit) from None
            yield match

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list:
        limit = self._limit(string, pos, endpos)
        try:
            return self.compiled().findall(string, pos, endpos, timeout=limit)
        except TimeoutError:
            raise self._timed_out(limit) from None


def compile_pattern(text: str, *, ignorecase: bool = False) -> SafePattern:
    """Compile a rule pattern (Python `re` syntax), or raise ValueError saying what is wrong."""
    flags = re.IGNORECASE if ignorecase else 0
    if len(text) > MAX_PATTERN_CHARS:
        raise ValueError(f"regular expression {preview(text)} is {len(text):,} characters long; "
                         f"the limit is {MAX_PATTERN_CHARS:,}")
    parsed = known.lookup(text, flags)  # an earlier run's parse of the same text, flags and code
    if parsed is not None and parsed[0] <= MAX_PROGRAM_SIZE:
        return SafePattern(None, text, flags, *parsed)
    try:
        tree = _sre_parse.parse(text, flags)
    except re.error as err:
        raise ValueError(f"bad regular expression {preview(text, 200)}: {err}") from None
    except (RecursionError, OverflowError, MemoryError):
        raise ValueError(f"bad regular expression {preview(text)}: it is nested too deeply") from None
    size = _program_size(tree)
    if size > MAX_PROGRAM_SIZE:
        raise ValueError(f"regular expression {preview(text)} is too large: about {size:,} steps once "
                         f"its fixed repeats are unrolled (the limit is {MAX_PROGRAM_SIZE:,}); use smaller "
                         "counts or fewer alternatives")
    # Where `regex` may refuse what `re` parsed, find out now, while that is a config error.
    compiled = _compile(text, flags) if _regex_may_refuse(tree, text) else None
    literals = required_literals(tree, text)
    if compiled is None:  # patterns compiled at once are parsed every time, their errors found every time
        known.remember(text, flags, size, literals)
    return SafePattern(compiled, text, flags, size, literals)

MAX_LAZY_DEPTH = 50
"""`regex`'s parser recurses several frames per nested group and, past about 300 levels (where
`re` still parses), runs out of stack: a pattern nested deeper than this compiles at load."""


def _regex_may_refuse(tree, text: str) -> bool:
    """Whether `regex` might refuse a pattern `re` parsed: a `[:` (POSIX classes), a `{` that
    `re` reads as a literal (`regex` may read a fuzzy-matching group, "{s" or "{e<=1}"), or
    deep nesting."""
    if "[:" in text:
        return True
    stack = [(list(tree), 0)]
    while stack:
        items, depth = stack.pop()
        if depth > MAX_LAZY_DEPTH:
            return True
        for op, argument in items:
            if op is _sre.LITERAL and argument == ord("{"):
                return True  # (a brace inside a set is a literal for both: sets are not entered)
            stack.extend((sub, depth + 1) for sub in _nested(op, argument) or ())
    return False


def _compile(text: str, flags: int):
    try:
        return regex.compile(text, regex.V0 | (regex.IGNORECASE if flags & re.IGNORECASE else 0))
    except regex.error as err:
        raise ValueError(f"bad regular expression {preview(text, 200)}: {err}") from None
    except (RecursionError, OverflowError, MemoryError):
        raise ValueError(f"bad regular expression {preview(text)}: it is too complex") from None


_CAP = 1 << 40
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None))


def _program_size(items) -> int:
    """Literal steps of a parsed pattern with every fixed repeat unrolled (what `regex` builds).

    Each repeat counts its minimum: `x{1000}` costs 1,000, `x{0,1000}` and `x*` cost 1.
    Iterative, so a deeply nested pattern cannot exhaust the stack here.
    """
    # Each frame: the subpattern's items, the index of the next item, the factor it is under.
    total = 0
    stack: list[tuple[list, int]] = [(list(items), 1)]
    while stack:
        sequence, factor = stack.pop()
        for op, argument in sequence:
            nested = _nested(op, argument)
            if nested is None:
                total = min(total + factor, _CAP)
                continue
            inner = min(factor * max(argument[0], 1), _CAP) if op in _REPEATS else factor
            stack.extend((sub, inner) for sub in nested)
        if total > MAX_PROGRAM_SIZE:
            return total
    return total


class _Unknown(Exception):
    """The pattern has a part whose meaning `regex` and `re` may read differently."""




MAX_REQUIRED_SETS = 3
"""How many independent requirements a pattern's prefilter tests (the most selective ones)."""


def required_literals(tree, text: str) -> tuple[frozenset[str], ...] | None:
    """Sets of strings such that every match of the parsed pattern contains, as written (case
    aside), one string of each set; or None when there is nothing to rely on.

    Each element of a sequence must match, so the requirements of all of them hold together;
    literal runs break at anything else, so each string is a piece of what any match holds; a
    branch requires one string of the union of its branches' best sets; an optional part
    requires nothing. The most selective sets are kept (their shortest string longest).
    `regex` matches what `re` parsed, except where `_regex_may_refuse` says it may not: such
    patterns get no prefilter.
    """
    if "[:" in text:
        return None
    try:
        found = _required(list(tree))
    except (_Unknown, RecursionError):
        return None
    ranked = sorted(set(found), key=lambda strings: (_rank(strings), sorted(strings)), reverse=True)
    kept = ranked[:MAX_REQUIRED_SETS]
    return tuple(kept) or None


def _required(items: list) -> list[frozenset[str]]:
    """Requirements of a sequence that all hold for any match of it (empty: none known)."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, argument in items:
        if op is _sre.LITERAL:
            if argument == ord("{"):
                raise _Unknown
            run.append(chr(argument))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op in _REPEATS:
            low, _high, sub = argument
            if low >= 1:
                found.extend(_required(list(sub)))
        elif op is _sre.SUBPATTERN:
            found.extend(_required(list(argument[-1])))
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            found.extend(_required(list(argument)))
        elif op is _sre.BRANCH:
            branches = [_required(list(branch)) for branch in argument[1]]
            if all(branches):
                found.append(frozenset().union(*(max(b, key=_rank) for b in branches)))
        # Anything else (sets, classes, back-references, assertions) requires no known string.
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def _rank(strings: frozenset[str]) -> tuple[int, int]:
    return min(len(s.strip()) for s in strings), -len(strings)


def _nested(op, argument) -> list[list] | None:
    """The sequences a parsed item holds (repeats, groups, branches, look-arounds), or None for
    an item that holds none (a literal, a set, a class, an anchor)."""
    if op in _REPEATS:
        return [list(argument[2])]
    if op is _sre.SUBPATTERN:
        return [list(argument[-1])]
    if op is _sre.BRANCH:
        return [list(branch) for branch in argument[1]]
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return [list(argument[1])]
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return [list(argument)]
    if op is _sre.GROUPREF_EXISTS:
        return [list(sub) for sub in argument[1:] if sub is not None]
    return None


_LEADING_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def _scoped_flags(token: str) -> str:
    """One token as a group. Vale's rules write flags first (`(?i)president`), which is legal only
    at the start of a whole pattern: they become a scoped group, `(?i:president)`, with the same
    meaning for that token. A token of flags alone is a ValueError (it would match everywhere)."""
    flags = _LEADING_FLAGS.match(token)
    if flags is None:
        return f"(?:{token})"
    if flags.end() == len(token):
        raise ValueError(f"the pattern {preview(token)} is only inline flags and matches nothing; write the flags "
                         "before the pattern they apply to, as in '(?i)president'")
    return f"(?{flags.group(1)}:{token[flags.end():]})"


def alternation(tokens: tuple[str, ...], *, nonword: bool) -> str:
    """Join patterns into one alternation, bounded by word edges unless `nonword`.

    Word edges are look-arounds rather than `\\b`, so that a token that starts or ends with
    punctuation ("[Insert name]") still matches.
    """
    body = "|".join(_scoped_flags(token) for token in tokens)
    if nonword:
        return body
    return f"{WORD_BOUNDARY_START}(?:{body}){WORD_BOUNDARY_END}"
