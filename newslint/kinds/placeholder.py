"""placeholder: an unfilled template slot ("[Insert name]", "[Location] —", "Lorem ipsum dolor").

A slot is a bracketed instruction (`tokens`: "[Insert ...]", "[Your ...]", "[TBD]") or a bracketed
slot noun from `slots-file` ("[Date]", "[City], [Date] -", "[Company name]"). Filler text
(`filler`: "Lorem ipsum dolor") counts too.

Copy that shows a template on purpose is not an unfilled slot, and the kind leaves it alone
(measured on human sites, where every slot found was such an example):

- sample wording in quotation marks, where the slot sits among other words ("such as “Submit
  your feedback by [date].”"); a quotation that is nothing but a slot ("“[Insert quote]”")
  is still flagged;
- quoted material: a blockquote, or a list inside one (a template shown as an outline);
- the reader's own slot ("[your agency]") in an article that speaks to its reader as "you";
- filler on a page that is a layout demo: filler in `filler-demo` blocks or more;
- any slot on a page about templates, whose prose (slots aside) names them (`template-words`:
  "template", "placeholder") `template-page` times or more;
- a slot inside a pattern such as a web address ("www.[agency].gov", "/posts/[id]"), glued to
  the characters around it, or a bracket right before "(" or "[" (a link's text);
- a slot whose brackets are written as HTML entities ("&#91;federal agency&#93;"): the writer
  escaped them so that the page would show them.

Code spans, code blocks and template tags are not prose, so slots there are never seen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from ..findings import Hit
from ..patterns.safe import SafePattern, alternation, compile_pattern
from ..schema import DataFile, OptionError
from ..text.document import Document
from ..text.matching import prose_matches
from ..yamlfile import read_word_list

PLACEHOLDERS = ("match",)

# Quotations inside one block: curly pairs, or straight double quotes on one line. Bounded, so
# an unclosed quote costs one short scan.
_QUOTATION = re.compile(r"“[^“”]{1,1000}”|\"[^\"\n]{1,1000}\"")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SLOT_TEXT = re.compile(r"\[[^\]\n]{0,80}\]")
_READER = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_YOUR_SLOT = re.compile(r"\[\s*your\b", re.IGNORECASE)
# A slot glued to a word, a dot, a slash or an @ is part of an address pattern, not a sentence.
_GLUED_BEFORE = re.compile(r"[\w./@:=-]")
# A bracket right before "(" or "[" is a link's text ("[email](mailto: x)" with a broken address).
_GLUED_AFTER = re.compile(r"[\w/@=(\[]|\.\w")
# Words that make a bracket an editor's insertion, not a template's slot: "[the city]", "[his
# age]", "[two time]", "[via email]".
_DETERMINERS = (r"(?:the|a|an|this|that|these|those|his|her|its|our|their|my|your|some|any|via|by|to|for"
                r"|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|last|next)")


@dataclass(frozen=True)
class Options:
    tokens: tuple[str, ...] = ()
    """Bracketed instructions, as regexes matched from the opening bracket."""
    slots_file: DataFile | None = None
    """Slot nouns, one per line: "[Date]", "[City name]", "[Location here]" are slots."""
    filler: tuple[str, ...] = ()
    """Filler text, as regexes ("lorem ipsum dolor")."""
    filler_demo: int = 3
    """Filler in this many blocks makes the page a layout demo, whose filler is on purpose."""
    reader_words: int = 3
    """An article that says "you" this many times speaks to its reader: "[your X]" is theirs."""
    min_quoted_words: int = 2
    """Words beside the slots that make a quotation sample wording rather than a bare slot."""
    template_words: tuple[str, ...] = ()
    """Words of a page about templates ("template", "placeholder"), as regexes."""
    template_page: int = 2
    """A page that uses `template-words` this many times teaches templates: its slots are examples."""
    pattern: SafePattern = field(init=False, repr=False, compare=False)
    filler_pattern: SafePattern | None = field(init=False, repr=False, compare=False)
    template_pattern: SafePattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for key, entries in (("tokens", self.tokens), ("filler", self.filler)):
            for index, entry in enumerate(entries):
                try:
                    compile_pattern(entry)
                except ValueError as err:
                    raise OptionError(key, str(err), index) from None
        for index, entry in enumerate(self.template_words):
            try:
                compile_pattern(entry)
            except ValueError as err:
                raise OptionError("template-words", str(err), index) from None
        for key in ("filler_demo", "reader_words", "min_quoted_words", "template_page"):
            if getattr(self, key) < 1:
                raise OptionError(key.replace("_", "-"), f"'{key.replace('_', '-')}' must be at least 1")
        try:  # Vale's flags first ("(?i)tbd") become a group scoped to their token
            pieces = [alternation(self.tokens, nonword=True)] if self.tokens else []
        except ValueError as err:
            raise OptionError("tokens", str(err)) from None
        slots = read_word_list(self.slots_file) if self.slots_file else ()
        if slots:
            nouns = alternation(slots, nonword=True)
            # A slot names what goes there: a slot noun, perhaps after one word that is no
            # determiner ("[Reporter Name]", "[email address]", but not the editor's "[the
            # city]"), perhaps followed by "name", "here" or "of ..." ("[day of week]"); up to
            # three such in one bracket ("[City, State]", "[Month Day]").
            slot = (r"(?:(?!" + _DETERMINERS + r"\b)[^\W\d_][\w'’-]*\s+)?(?:" + nouns
                    + r")(?:\s+(?:name|here|goes here|of (?:the )?[^\W\d_]+))?")
            pieces.append(r"\[\s*" + slot + r"(?:\s*(?:[,/&]|and|or)?\s*" + slot + r"){0,2}\s*\]")
        if not pieces and not self.filler:
            raise ValueError("a placeholder rule needs 'tokens', 'slots-file' or 'filler'")
        pattern = compile_pattern("|".join(f"(?:{p})" for p in pieces), ignorecase=True) if pieces else None
        object.__setattr__(self, "pattern", pattern)
        filler = (compile_pattern(alternation(self.filler, nonword=False), ignorecase=True)
                  if self.filler else None)
        object.__setattr__(self, "filler_pattern", filler)
        template = (compile_pattern(alternation(self.template_words, nonword=False), ignorecase=True)
                    if self.template_words else None)
        object.__setattr__(self, "template_pattern", template)


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    if options.pattern is not None:
        for block, match in prose_matches(document, rule.scope, options.pattern):
            if _example(document, block, match, options):
                continue
            yield Hit(block.source_span(match.start(), match.end()), {"match": match.group()})
    if options.filler_pattern is not None:
        found = list(prose_matches(document, rule.scope, options.filler_pattern))
        if len({id(block) for block, _ in found}) >= options.filler_demo:
            return  # a layout demo: the filler is the point of the page
        for block, match in found:
            if not _quoted_material(document, block):
                yield Hit(block.source_span(match.start(), match.end()), {"match": match.group()})


def _example(document: Document, block, match: re.Match, options: Options) -> bool:
    """Whether the slot is part of a template the article shows on purpose (see the docstring)."""
    text = block.text
    before = text[match.start() - 1 : match.start()] if match.start() else ""
    if (before and _GLUED_BEFORE.fullmatch(before)) or _GLUED_AFTER.match(text, match.end()):
        return True
    if document.source.startswith("&", block.source_span(match.start(), match.end()).start):
        return True  # "&#91;federal agency&#93;": brackets escaped so that the page shows them
    if _quoted_material(document, block) or _in_sample_wording(text, match, options):
        return True
    if _about_templates(document, options):
        return True
    return bool(_YOUR_SLOT.match(match.group())) and _speaks_to_reader(document, options.reader_words)


def _about_templates(document: Document, options: Options) -> bool:
    """Whether the article teaches templates ("A user story follows a template: As a [role] ..."),
    by how often its prose, slots aside, names them."""
    pattern = options.template_pattern
    if pattern is None:
        return False

    def count() -> int:
        total = 0
        for block in document.prose(("heading", "paragraph", "list-item", "table-cell", "blockquote")):
            if pattern.may_occur(block.folded):
                total += sum(1 for _ in pattern.finditer(_SLOT_TEXT.sub(" ", block.text)))
            if total >= options.template_page:
                break
        return total
    return document.derived(("placeholder-template-words", options.template_words), count) >= options.template_page


def _quoted_material(document: Document, block) -> bool:
    """A blockquote, or a block whose first source line carries a `>` (a list in a quote)."""
    if block.kind == "blockquote":
        return True
    if block.kind == "front-matter" or not block.text:
        return False
    start = block.source_span(0, 1).start
    line_start = document.source.rfind("\n", 0, start) + 1
    return document.source[line_start:start].lstrip(" \t").startswith(">")


def _in_sample_wording(text: str, match: re.Match, options: Options) -> bool:
    for quotation in _QUOTATION.finditer(text):
        if quotation.start() < match.start() and match.end() < quotation.end():
            words = _WORD.findall(_SLOT_TEXT.sub(" ", quotation.group()))
            return len(words) >= options.min_quoted_words
    return False


def _speaks_to_reader(document: Document, needed: int) -> bool:
    def count() -> int:
        total = 0
        for block in document.prose(("heading", "paragraph", "list-item", "table-cell", "blockquote")):
            total += len(_READER.findall(_SLOT_TEXT.sub(" ", block.text)))
            if total >= needed:
                break
        return total
    return document.derived(("placeholder-reader-words", needed), count) >= needed
