"""quotations: a quotation presented as someone's speech must let the reader see whose it is.

A quotation is judged by where it stands, not only by the words around it. Speech that needs a
speaker stands as a sentence of its own (`“We will respond.”`); a quotation inside a sentence is
either attributed there (`X said that “...”`, `As X put it, “...”`) or is not speech at all: a
title, a term, a slogan, an example of wording (`the “Can we start again?” syndrome`, `such as
“...”`). So only a quotation that opens its sentence is judged, and it owes nothing when

- it ends with a comma inside its closing mark and its sentence goes on (`“...,” Lee pointed
  out`): the rest of the sentence is its tag, whatever the verb;
- a speaking word (`speakers`, a data file) stands in its sentence, the `before` sentences or the
  `after` sentences (the sentence before may be the last of the previous block);
- the sentence before gives the speaker by its shape: a question (the quotation answers it, as
  in an interview), a quotation (dialogue), a colon (a lead-in), or "he", "she" or "they" as
  its subject (a person already named, whose account goes on);
- it opens a list item, or a block right after a block ending with a colon or after a heading
  that asks a question or credits someone ("Tip from Ann Lee"): a list or run of quotes is
  introduced by its lead-in ("What users told us:");
- the block before is one quotation and nothing else (a turn of dialogue), or a credit line
  (`– Jay Bernhardt, Dean`) stands right under it, or its text is a link, which cites its source.

A quotation in a block quote, heading or table is never judged (scope). This kind reads only
the document; it never looks outside the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from ..findings import Hit
from ..patterns.safe import alternation, compile_pattern
from ..schema import DataFile, OptionError
from ..text.document import Document
from ..text.sentences import block_sentences, sentence_index
from ..yamlfile import read_word_list

PLACEHOLDERS = ("match",)

_SENTENCE_END = re.compile(r"[.!?…][”\"’')\]*_]*\s+")
"""The end of a sentence before a quotation: a spaCy sentence may run on past `confirmed.`"""
_LEAD_IGNORED = " \t\n*_"
"""Emphasis marks and spaces before an opening mark still leave it at the start of its sentence."""
_CLOSING = ("”", '"')
_DIALOGUE_TURN = re.compile(r"[*_\s]*[“\"][^“”\"]*[”\"][*_\s]*")
"""A block that is one quotation and nothing else: a turn of dialogue, or one of a run of quotes.
The block after it continues the exchange, whose speakers the narration has already set."""
_UNCLOSED = re.compile(r"[“][^”]*$|^[^\"]*(?:\"[^\"]*\"[^\"]*)*\"[^\"]*$")
"""A block that opens a quotation and never closes it: the quotation goes on in the next block,
as a quote of several paragraphs is written, so the speaker given there still holds."""
_ASKS_OR_CREDITS = re.compile(r"\?[*_\s]*$|\b(?:[Ff]rom|[Bb]y)\b")
"""A heading that asks what the quotation answers ("Why did the archive move online?") or says
whose words follow ("Tip from Ann Lee", "From the field"); "Reactions" introduces no one."""
_CREDIT_LINE = re.compile(r"[*_\s]*[-–—]+\s*[*_]*[A-Z]")
"""A line under a pull quote that credits it: `– Jay Bernhardt, Dean`."""
_NAMED_SUBJECT = re.compile(
    r"[*_\s]*(?:(?:He|She|They)\b"
    r"|(?!(?:The|A|An|This|That|These|Those|In|On|At|After|Before|When|While|As|For|But|And|Or|So|"
    r"Our|Its|Their|It|We|Last|Next|Each|Every|All|Some|Many|Most|Both|Today|Yesterday)\b)"
    r"[A-Z0-9][\w'’.-]*[*_]*\s+[*_]*[A-Z][\w'’.-]*)")
"""A sentence whose subject is a person or a body: "he", "she" or "they", or a name of two or
more capitalized words that opens it ("Dana Ortiz", "Aisha R.", "Census Bureau staff"). A name
later in the sentence ("After the game, coach Ann Lee ...") is not read: no parser here."""


@dataclass(frozen=True)
class Options:
    quotation: str
    """A quotation worth judging (pattern); its matches are searched in each block's prose."""
    speakers: DataFile
    """Speaking words, one pattern per line, matched whole-word without regard to case."""
    exceptions: tuple[str, ...] = ()
    """Quotations to leave alone: a match of `quotation` that one of these matches whole."""
    before: int = 1
    after: int = 1
    quotation_pattern: object = field(init=False, repr=False, compare=False)
    speaker_pattern: object = field(init=False, repr=False, compare=False)
    exception_pattern: object = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for key in ("before", "after"):
            if getattr(self, key) < 0:
                raise OptionError(key, f"'{key}' must not be negative")
        try:
            quotation = compile_pattern(self.quotation)
        except ValueError as err:
            raise OptionError("quotation", str(err)) from None
        exceptions = None
        for index, entry in enumerate(self.exceptions):
            try:
                compile_pattern(entry)
            except ValueError as err:
                raise OptionError("exceptions", str(err), index) from None
        if self.exceptions:
            exceptions = compile_pattern("|".join(f"(?:{e})" for e in self.exceptions))
        entries = read_word_list(self.speakers)
        if not entries:
            raise OptionError("speakers", f"{self.speakers.name} is empty")
        for entry in entries:
            try:
                compile_pattern(entry)
            except ValueError as err:
                raise OptionError("speakers", f"{self.speakers.name}: {err}") from None
        speakers = compile_pattern(alternation(("|".join(f"(?:{e})" for e in entries),), nonword=False),
                                   ignorecase=True)
        object.__setattr__(self, "quotation_pattern", quotation)
        object.__setattr__(self, "speaker_pattern", speakers)
        object.__setattr__(self, "exception_pattern", exceptions)


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    blocks = list(document.prose())
    neighbours = {id(block): (blocks[number - 1] if number else None,
                              blocks[number + 1] if number + 1 < len(blocks) else None)
                  for number, block in enumerate(blocks)}
    candidates: dict[int, list] = {}

    def wanted(block) -> bool:
        candidates[id(block)] = _candidates(options, document, block)
        return bool(candidates[id(block)])

    for unit in block_sentences(document, rule.scope, wanted):
        previous, following = neighbours[id(unit.block)]
        if previous is not None and _DIALOGUE_TURN.fullmatch(previous.text):
            continue
        for match in candidates[id(unit.block)]:
            if _credited_below(unit.block.text, match, following):
                continue
            if _owes_speaker(options, unit.block, unit.spans, match, previous):
                yield Hit(unit.block.source_span(match.start(), match.end()), {"match": match.group()})


def _candidates(options: Options, document: Document, block) -> list:
    """Quotations that open their sentence, are not continued by a tag and are not links."""
    if not options.quotation_pattern.may_occur(block.folded):
        return []
    found = []
    for match in options.quotation_pattern.finditer(block.text):
        if match.end() <= match.start():
            continue
        if options.exception_pattern is not None and options.exception_pattern.fullmatch(match.group()):
            continue
        if not _opens_sentence(block.text, match.start()) or _tag_follows(block.text, match) \
                or _linked(document.source, block.source_span(match.start(), match.end())):
            continue
        found.append(match)
    return found


def _opens_sentence(text: str, start: int) -> bool:
    """Nothing but emphasis and spaces between the last sentence end (or the block start) and
    the opening mark: `The team met. “...”`, not `Simply put, “...”` or `the “...” syndrome`."""
    lead_start = 0
    for end in _SENTENCE_END.finditer(text, 0, start):
        lead_start = end.end()
    return not text[lead_start:start].strip(_LEAD_IGNORED)


def _tag_follows(text: str, match) -> bool:
    """`“...,” Lee pointed out.`: a comma inside the closing mark says the sentence goes on, and
    the words after a quotation that opens a sentence are its attribution."""
    quoted = match.group().rstrip("”\"")
    return quoted.endswith(",") and bool(re.match(r"\s*[^\W_]", text[match.end():]))


def _linked(source: str, span) -> bool:
    """`[“...”](https://...)` or `“[...](...)”`: the link is the quotation's source."""
    before = source[max(0, span.start - 4):span.start]
    after = source[span.end:span.end + 6]
    inside = source[span.start:span.end]
    return (bool(re.search(r"\[[*_]*$", before)) and bool(re.match(r"[*_]*\]\(", after))) \
        or bool(re.match(r"[“\"][*_]*\[", inside))


def _owes_speaker(options: Options, block, spans, match, previous) -> bool:
    if not spans:
        return False
    first = sentence_index(spans, match.start())
    last = max(first, sentence_index(spans, match.end() - 1))
    low, high = max(0, first - options.before), min(len(spans) - 1, last + options.after)
    # The quotation's own words never attribute it: “I told you so.” names no one. It opens its
    # sentence, so the words before it belong to the sentences before.
    if options.speaker_pattern.search(block.text, match.end(), max(match.end(), spans[high][1])) \
            or (options.before and options.speaker_pattern.search(block.text, spans[low][0], match.start())):
        return False
    lead = block.text[:match.start()]
    if lead.strip(_LEAD_IGNORED):
        sentence = _last_sentence(lead)
        return not (options.before and (options.speaker_pattern.search(sentence)
                                        or _answers_or_continues(sentence)))
    if block.kind == "list-item":
        return False
    if previous is None:
        return True
    if _UNCLOSED.search(previous.text):
        return False
    if previous.text.rstrip(_LEAD_IGNORED).endswith(":") \
            or (previous.kind == "heading" and _ASKS_OR_CREDITS.search(previous.text)):
        return False
    if not options.before:
        return True
    sentence = _last_sentence(previous.text)
    # An item or a cell is no sentence with a subject: "IIJ GIO coupon" names no speaker.
    return not (options.speaker_pattern.search(sentence)
                or _answers_or_continues(sentence, subject=previous.kind in ("paragraph", "blockquote")))


def _answers_or_continues(sentence: str, subject: bool = True) -> bool:
    """The sentence before a quotation gives its speaker by its shape: a question is answered by
    the quotation (an interview); a quotation or a colon before it makes it dialogue or one of a
    run of quotes whose source is given; a sentence whose subject is a person ("she", "Dana
    Ortiz") is about someone whose account the quotation goes on with."""
    stripped = sentence.rstrip(_LEAD_IGNORED)
    return stripped.endswith(("?", ":") + _CLOSING) or (subject and bool(_NAMED_SUBJECT.match(sentence)))


def _credited_below(text: str, match, following) -> bool:
    """A quotation that ends its block, with a credit line right under it."""
    return following is not None and not text[match.end():].strip(_LEAD_IGNORED) \
        and bool(_CREDIT_LINE.match(following.text))


def _last_sentence(text: str) -> str:
    """The text after the last sentence end (an abbreviation such as "R.," is not one)."""
    text = text.rstrip()
    start = 0
    for end in _SENTENCE_END.finditer(text, max(0, len(text) - 600)):
        start = end.end()
    return text[start:]
