"""The words of the title rules: the title lexicon (`titles.yaml`), the places that qualify a
title (`places.yaml`), and the title matcher built from them and the knowledge base's aliases.

Loading checks both files strictly, so a typo is an error when the rules load, never a title
that silently matches nothing. Patterns are compiled once per lexicon and knowledge base.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ...kb import ROLES, KnowledgeBase, Office, fold
from ...patterns.safe import WORD_BOUNDARY_END, WORD_BOUNDARY_START
from ...patterns.prefilter import WordPrefilter, trie_regex
from ...yamlfile import read_yaml_file

MODIFIER_KINDS = ("past", "then", "acting", "other", "organisation", "neutral")


@dataclass(frozen=True)
class Uncovered:
    title: str
    contradicts: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Lexicon:
    covered_forms: Mapping[str, str]
    """Folded covered form -> the title it belongs to (for docs and the data test)."""
    shared: Mapping[str, frozenset[str]]
    """Folded covered form -> places where the same words name an office outside the KB."""
    shared_where_lacking: frozenset[str]
    """Folded covered forms that every covered country lacking such an office shares too."""
    uncovered: Mapping[str, Uncovered]
    """Folded uncovered form -> what it is and which office roles it contradicts."""
    modifiers: Mapping[str, str]
    """Lowercase modifier word -> its kind (past, then, acting, other, organisation, neutral)."""
    places: Mapping[str, str]
    """Place form as written -> its code."""
    not_national: frozenset[str]
    """Forms of states, provinces and the like: a title they qualify is no national office."""
    place_anywhere: re.Pattern = field(repr=False)
    """Any place form (check the match with `place_code`, which knows about capitals)."""
    longest_place: int = 6
    """The most words a place form has."""

    def place_code(self, form: str) -> str | None:
        """The code of a place form as matched, "-" for a sub-national one, None for no place."""
        form = " ".join(form.split()).replace("’", "'")
        if form in self.places:
            return self.places[form]
        if form in self.not_national:
            return "-"
        return self._lowered.get(form.lower())

    def place_before(self, text: str, end: int) -> tuple[str, int] | None:
        """The place form (possessive allowed) that ends just before `end` ("Pakistan's "):
        its code and where it starts. A few dictionary probes, no regex search."""
        words = list(_WORD.finditer(text, max(0, end - 80), end))
        if not words or not text[words[-1].end() : end].isspace():
            return None
        for count in range(min(self.longest_place, len(words)), 0, -1):
            first = words[-count]
            if first.start() > 0 and (text[first.start() - 1].isalnum() or text[first.start() - 1] in "-‐"):
                continue
            form = _POSSESSIVE.sub("", text[first.start() : words[-1].end()])
            code = self.place_code(form)
            if code is not None:
                return code, first.start()
        return None

    def place_after(self, text: str, start: int) -> tuple[str, int] | None:
        """`of [the] PLACE` right after `start`: its code and where it ends."""
        lead = _OF_THE.match(text, start)
        if not lead:
            return None
        words = list(_WORD.finditer(text, lead.end(), lead.end() + 80))[: self.longest_place]
        for count in range(len(words), 0, -1):
            end = words[count - 1].end()
            form = text[lead.end() : end].rstrip(".,;:)")
            code = self.place_code(form)
            if code is not None:
                return code, lead.end() + len(form)
        return None

    @functools.cached_property
    def _lowered(self) -> dict[str, str]:
        lowered = {n.lower(): "-" for n in self.not_national if not _all_capitals(n)}
        lowered.update({k.lower(): v for k, v in self.places.items() if not _all_capitals(k)})
        return lowered


@functools.lru_cache(maxsize=8)
def load_lexicon(titles_path: str, places_path: str) -> Lexicon:
    titles = read_yaml_file(Path(titles_path))
    data = titles.data if isinstance(titles.data, dict) else {}
    for key in data:
        if key not in ("covered", "uncovered", "modifiers"):
            raise titles.error(f"unknown key {key!r} (allowed: covered, modifiers, uncovered)", key)
    covered: dict[str, str] = {}
    shared: dict[str, frozenset[str]] = {}
    where_lacking: set[str] = set()
    for index, entry in enumerate(_entries(titles, data, "covered",
                                           {"title", "forms", "shared", "shared-where-lacking"})):
        if not isinstance(entry.get("shared-where-lacking", False), bool):
            raise titles.error("'shared-where-lacking' must be true or false", "covered", index)
        for form in entry["forms"]:
            covered[fold(form)] = entry["title"]
            shared[fold(form)] = frozenset(entry.get("shared", ()))
            if entry.get("shared-where-lacking"):
                where_lacking.add(fold(form))
    uncovered: dict[str, Uncovered] = {}
    for index, entry in enumerate(_entries(titles, data, "uncovered", {"title", "forms", "contradicts"})):
        roles = tuple(entry.get("contradicts", ()))
        for role in roles:
            if role not in ROLES:
                raise titles.error(f"unknown role {role!r} (known: {', '.join(ROLES)})", "uncovered", index)
        for form in entry["forms"]:
            uncovered[fold(form)] = Uncovered(entry["title"], roles)
    modifiers: dict[str, str] = {}
    raw_modifiers = data.get("modifiers", {})
    if not isinstance(raw_modifiers, dict):
        raise titles.error("'modifiers' must be a mapping", "modifiers")
    for kind, words in raw_modifiers.items():
        if kind not in MODIFIER_KINDS or not isinstance(words, list):
            raise titles.error(f"'modifiers.{kind}' is not one of {', '.join(MODIFIER_KINDS)} with a list",
                               "modifiers", kind)
        for word in words:
            modifiers[str(word).lower()] = kind

    places_doc = read_yaml_file(Path(places_path))
    pdata = places_doc.data if isinstance(places_doc.data, dict) else {}
    if set(pdata) - {"places", "not-national"} or not isinstance(pdata.get("places"), dict):
        raise places_doc.error("expected 'places' (code -> names) and 'not-national' (lists of names)")
    places: dict[str, str] = {}
    for code, names in pdata["places"].items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise places_doc.error(f"'places.{code}' must be a list of names", "places", code)
        for name in names:
            places[name] = str(code)
    not_national = frozenset(str(n) for group in pdata.get("not-national", []) for n in group)
    forms = [*places, *not_national]
    return Lexicon(
        covered, shared, frozenset(where_lacking), uncovered, modifiers, places, not_national,
        re.compile(rf"{WORD_BOUNDARY_START}(?P<place>{trie_pattern(forms)}){WORD_BOUNDARY_END}", re.IGNORECASE),
        max(len(form.split()) for form in forms),
    )


def _entries(doc, data: dict, key: str, allowed: set) -> list[dict]:
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise doc.error(f"'{key}' must be a list", key)
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("forms"), list) or "title" not in entry:
            raise doc.error(f"each '{key}' entry needs 'title' and a list of 'forms'", key, index)
        unknown = set(entry) - allowed
        if unknown:
            raise doc.error(f"unknown key {sorted(unknown)[0]!r} (allowed: {', '.join(sorted(allowed))})",
                            key, index)
    return entries


_WORD = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_CHARS = {" ": r"\s+", "-": r"[-‐\s]", "‐": r"[-‐\s]", "'": "['’]", "’": "['’]"}


def trie_pattern(forms) -> str:
    """One regex for many phrases, factored by common prefixes (prefilter.trie_regex). Compile
    it with re.IGNORECASE and check capitals after matching; spaces match runs of spaces,
    hyphens a hyphen or a space, apostrophes either apostrophe."""
    return trie_regex((form.lower() for form in forms), piece=lambda char: _CHARS.get(char, re.escape(char)))


def _all_capitals(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass(frozen=True, eq=False)
class TitleMatcher:
    """Every title form the rules recognise, covered or not, as one pattern."""

    pattern: re.Pattern
    """Any title form, in any case: check capitals with `capitals_only`."""
    capitals_only: frozenset[str]
    """Folded forms written only in capitals ("PM", "VP"): a match in other case is no title."""
    offices: Mapping[str, tuple[Office, ...]]
    """Folded covered form -> the offices it may name."""
    explicit: Mapping[str, str]
    """Folded covered form that names its place itself ("British prime minister") -> the code."""
    first_words: WordPrefilter
    """A block test: a block without one of these (folded) holds no title form.

    Whole words, so not for text holding U+0345 (see WordPrefilter.of): use `may_hold`."""

    def may_hold(self, block) -> bool:
        return "\u0345" in block.text or self.first_words.may_match(block.folded)


@functools.lru_cache(maxsize=8)
def title_matcher(kb: KnowledgeBase, lexicon: Lexicon) -> TitleMatcher:
    # Offices share aliases ("president", "prime minister"): fold each spelling once.
    folded = {alias: fold(alias) for office in kb.offices.values() for alias in office.aliases}
    forms: dict[str, str] = {}
    for office in kb.offices.values():
        for alias in office.aliases:
            forms.setdefault(folded[alias], alias)
    for form in lexicon.uncovered:
        forms.setdefault(form, form)
    explicit: dict[str, str] = {}
    for key, alias in forms.items():
        match = lexicon.place_anywhere.search(alias)
        if match and key in kb.by_alias:
            code = lexicon.place_code(match.group("place"))
            if code and code != "-":
                explicit[key] = code
    capitals: dict[str, set[bool]] = {}
    for alias, key in folded.items():
        capitals.setdefault(key, set()).add(_all_capitals(alias))
    pattern = re.compile(rf"{WORD_BOUNDARY_START}(?:{trie_pattern(forms.values())}){WORD_BOUNDARY_END}",
                         re.IGNORECASE)
    only = frozenset(key for key, flags in capitals.items() if all(flags))
    # Each form's text up to its first space, hyphen or apostrophe (which `trie_pattern` lets
    # vary) is in any text it matches, case aside, as a whole word: `pattern` asks for a word
    # edge before the form, and the form goes on with a non-word character or ends at an edge.
    first_words = WordPrefilter.of((re.split(r"[\s\-‐'’]", form.lower())[0] for form in forms.values()),
                                   whole_words=True)
    return TitleMatcher(pattern, only, dict(kb.by_alias), explicit, first_words)
