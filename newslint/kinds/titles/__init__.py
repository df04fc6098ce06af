"""titles: political titles the knowledge base contradicts or cannot confirm.

"Secretary of State Brian Deese" (Antony Blinken held the office), "Prime Minister Boris
Johnson" in 2023, "opposition leader Shehbaz Sharif" while he was prime minister. The knowledge
base (`newslint.kb`, data in the pack's `officeholders/` plus the newsroom's `kb:` files) says who
held which office when; `title_mentions` finds titles beside names; `title_judge` decides. The
rules differ only in `report`: `mismatch` for contradictions, `unverified` for covered titles the
records cannot confirm. Both share one analysis per document.

The date that applies is the sentence's explicit date (or, in a table, its row's), else the
publication date, both from `newslint.temporal`, so these rules and the date rules agree on it.
An article with no date anywhere is never judged against today.
A title inside a direct quotation is the speaker's word: it is reported at warning at most.
Nothing here touches the network; the knowledge base loads once per process, and only for an
article that has a title in it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator, Literal

from ...temporal.expressions import Vocabulary, load_vocabulary
from ...text.document import Document
from ...findings import Hit, Severity
from ...kb import KnowledgeBase, fold, load_kb
from ...schema import DataDir, DataFile
from ...temporal.article import ArticleDates, DatedSentence, article_dates
from ...temporal.ranges import resolve
from .judge import Context, Verdict, Window, judge
from .lexicon import Lexicon, TitleMatcher, load_lexicon, title_matcher
from .mentions import PARTICLES, Mention, find_mentions

PLACEHOLDERS = ("match", "detail", "title", "person", "office", "date", "holder")


@dataclass(frozen=True)
class Options:
    report: Literal["mismatch", "unverified"]
    """Which verdicts this rule reports."""
    officeholders: DataDir
    """The knowledge base: a folder of YAML files, one per country or organisation."""
    lexicon: DataFile
    """The title lexicon: covered and uncovered titles, and the words that modify them."""
    places: DataFile
    """Names and adjectives of countries and organisations that qualify a title."""
    vocabulary: DataFile
    """The words of dates (`dates.yaml`), shared with the date rules."""
    words: Vocabulary = field(init=False, repr=False, compare=False)
    titles: Lexicon = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", load_vocabulary(str(self.vocabulary)))
        object.__setattr__(self, "titles", load_lexicon(str(self.lexicon), str(self.places)))
        load_kb((self.officeholders,))  # a broken data file is an error when the rules load


@dataclass(frozen=True)
class Finding:
    verdict: Verdict
    start: int
    end: int
    block: object
    quoted: bool


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    for found in _analysis(document, options, rule.scope):
        verdict = found.verdict
        if verdict.rule != options.report:
            continue
        data = {"detail": verdict.detail, "title": verdict.office, "person": verdict.person,
                "office": verdict.office, "date": verdict.when, "holder": verdict.holder}
        severity = Severity.WARNING if found.quoted else None
        yield Hit(found.block.source_span(found.start, found.end), data, severity=severity)


def _analysis(document: Document, options: Options, scope: tuple[str, ...]) -> list[Finding]:
    """Every verdict of a document, computed once for both rules."""
    key = ("title-verdicts", options.officeholders, options.lexicon, options.places, options.vocabulary,
           document.context.kb_paths, scope)
    return document.derived(key, lambda: list(_judge_document(document, options, scope)))


def _judge_document(document: Document, options: Options, scope: tuple[str, ...]) -> Iterator[Finding]:
    blocks = [block for block in document.prose(scope) if block.kind != "front-matter"]
    if not blocks:
        return
    kb = load_kb((options.officeholders, *document.context.kb_paths))
    lexicon = options.titles
    matcher = title_matcher(kb, lexicon)
    found = [(block, find_mentions(block.text, matcher, lexicon) if matcher.may_hold(block)
              else []) for block in blocks]
    if not any(mentions for _, mentions in found):
        return  # the common case: no title beside a name, so no spaCy and no dates
    article = _Article(document, options, kb, lexicon, matcher, [block for block, mentions in found if mentions])
    for block, mentions in found:
        for mention in mentions:
            verdict = judge(mention, article.context(block, mention))
            if verdict is not None:
                yield Finding(verdict, mention.start, mention.end, block, article.quoted(block, mention.start))


class _Article:
    """What the judgement needs beyond the mention, worked out lazily for one document."""

    def __init__(self, document: Document, options: Options, kb: KnowledgeBase, lexicon: Lexicon,
                 matcher: TitleMatcher, mentioning: list) -> None:
        self.document = document
        self.vocabulary = options.words
        self.kb = kb
        self.lexicon = lexicon
        self.matcher = matcher
        self.dates: ArticleDates = article_dates(document, options.words)
        # The article's date (front matter, path, dateline, configured), else the latest whole
        # date its text gives (the date rules never count from that one; a title may be judged
        # as of the text's own time), never today's: a title right in 2016 is not wrong because
        # it is 2026. An article with no date anywhere is judged only by its sentences' own dates.
        latest = self.dates.latest_in_text
        reference = self.dates.reference.date or (latest.date if latest else None)
        self.publication = Window(reference, reference) if reference else None
        # Sentences are needed only around mentions: spaCy sees the blocks that hold one.
        wanted = {id(block) for block in mentioning}
        self.chunks: dict[int, list] = {}
        for chunk in document.analysed((), wanted=lambda block: id(block) in wanted):
            self.chunks.setdefault(id(chunk.block), []).append(chunk)
        self.places = frozenset(p for block in document.prose(()) for p in self._places(block.text))
        self._quotes: dict[int, list[tuple[int, int]]] = {}
        self._chunk_sentences: dict[int, tuple[list[int], list]] = {}
        # The dated sentences by (chunk, sentence start) and by table row, in document order:
        # each mention looks up its own, so the cost grows with the mentions, not with mentions
        # times dated sentences.
        self._dated_at: dict[tuple[int, int], list[DatedSentence]] = {}
        self._dated_in_row: dict[int, list[DatedSentence]] = {}
        for dated in self.dates.sentences:
            self._dated_at.setdefault((id(dated.chunk), dated.sentence.start_char), []).append(dated)
            if dated.chunk.block.row is not None:
                self._dated_in_row.setdefault(dated.chunk.block.row, []).append(dated)
        self._named: dict[str, _Named] | None = None

    def context(self, block, mention: Mention) -> Context:
        sentence, window, from_row = self._sentence(block, mention.start)
        here = block.source_span(mention.start, mention.start).start
        return Context(
            self.kb, self.lexicon, self.matcher.offices, self.publication, window,
            frozenset(self._places(sentence)), self.places,
            lambda word: self._named_before(word, here),
            heading=block.kind == "heading" and _title_case(block.text), dated_row=from_row)

    # --- dates and sentences --------------------------------------------------------------------

    def _sentence(self, block, offset: int) -> tuple[str, Window | None, bool]:
        """The sentence holding `offset`, its explicit date, and whether that date is the table
        row's (a timeline row tells its event as of its date)."""
        for chunk in self.chunks.get(id(block), ()):
            local = offset - chunk.base
            if not 0 <= local < len(chunk.doc.text):
                continue
            starts, sentences = self._sentences_of(chunk)
            at = bisect.bisect_right(starts, local) - 1
            if at >= 0 and local < sentences[at].end_char:
                sentence = sentences[at]
                days = self._explicit_date(chunk, sentence, local)
                if days is not None:
                    return sentence.text, days, False
                row = self._row_date(block)
                return sentence.text, row, row is not None
        row = self._row_date(block)
        return block.text, row, row is not None

    def _sentences_of(self, chunk) -> tuple[list[int], list]:
        """The chunk's sentences and their start offsets, built once: a mention finds its
        sentence by bisection, not by walking every sentence of a long block again."""
        found = self._chunk_sentences.get(id(chunk))
        if found is None:
            sentences = list(chunk.doc.sents)
            found = self._chunk_sentences[id(chunk)] = ([s.start_char for s in sentences], sentences)
        return found

    def _explicit_date(self, chunk, sentence, local: int) -> Window | None:
        """The explicit date of the sentence nearest before `local` ("In 2019, then-Secretary
        Pompeo ..., and in 2008 Prime Minister Brown ..."), else the nearest after it."""
        best = None
        # Only the chunk's dated sentences that start where `sentence` does can hold `local`
        # (sentences do not overlap): an index, so each mention costs its own sentence, not
        # every dated sentence of the article.
        for dated in self._dated_at.get((id(chunk), sentence.start_char), ()):
            if not dated.sentence.start_char <= local < dated.sentence.end_char:
                continue
            for expression in dated.explicit():
                days = self.dates.resolve(expression)
                if days is None:
                    continue
                key = (0, local - expression.end) if expression.end <= local else (1, expression.start - local)
                if best is None or key < best[0]:
                    best = (key, days)
        return _window(best[1]) if best else None

    def _row_date(self, block) -> Window | None:
        if block.kind != "table-cell" or block.row is None:
            return None
        for dated in self._dated_in_row.get(block.row, ()):
            if dated.chunk.block is not block:
                for expression in dated.explicit():
                    days = resolve(expression, self.dates.reference.date)
                    if days is not None:
                        return _window(days)
        return None

    # --- places, names, quotes ------------------------------------------------------------------

    def _places(self, text: str) -> Iterator[str]:
        for match in self.lexicon.place_anywhere.finditer(text):
            code = self.lexicon.place_code(match.group("place"))
            if code and code != "-":
                yield code

    def _named_before(self, word: str, offset: int) -> tuple[str, ...]:
        """People named in full before `offset` whose surname or one-word alias is `word`."""
        if self._named is None:
            self._named = {key: _Named(entries) for key, entries in self._full_names().items()}
        named = self._named.get(fold(word))
        return named.before(offset) if named is not None else ()

    def _full_names(self) -> dict[str, list[tuple[int, str]]]:
        """Surname (folded) -> (source offset, person) of every full name the article gives."""
        named: dict[str, list[tuple[int, str]]] = {}
        for block in self.document.prose(()):
            for run in _NAME_RUN.finditer(block.text):
                words = run.group().split()
                for i in range(len(words)):
                    for j in range(len(words), i + 1, -1):
                        for person in self.kb.people_named(" ".join(words[i:j])):
                            at = block.source_span(run.start(), run.start()).start
                            for key in self._short_forms(person):
                                named.setdefault(key, []).append((at, person))
        return named

    def _short_forms(self, person: str) -> set[str]:
        info = self.kb.people[person]
        forms = {fold(a) for a in info.aliases if len(fold(a).split()) == 1}
        words = fold(info.name).split()
        return forms | ({words[-1]} if len(words) > 1 else set())

    def quoted(self, block, offset: int) -> bool:
        spans = self._quotes.get(id(block))
        if spans is None:
            spans = self._quotes[id(block)] = _quote_spans(block.text)
        return any(start <= offset < end for start, end in spans)


class _Named:
    """The people named in full under one surname, answering "who, before this offset?" by
    bisection: a name repeated through a long article is not walked again for each mention."""

    def __init__(self, entries: list[tuple[int, str]]) -> None:
        self.entries = entries
        self.ordered = all(a[0] <= b[0] for a, b in zip(entries, entries[1:]))
        # Where the entries are in source order (as the blocks are), the answer changes only
        # when a new person first appears: keep those points and the people named by then.
        self.starts: list[int] = []
        self.answers: list[tuple[str, ...]] = []
        seen: dict[str, None] = {}
        for at, person in entries if self.ordered else ():
            if person not in seen:
                seen[person] = None
                self.starts.append(at)
                self.answers.append(tuple(seen))

    def before(self, offset: int) -> tuple[str, ...]:
        if not self.ordered:
            return tuple(dict.fromkeys(person for at, person in self.entries if at < offset))
        index = bisect.bisect_left(self.starts, offset)
        return self.answers[index - 1] if index else ()


_CAPITAL = r"[^\W\d_a-z][\w'’.-]*"
_NAME_RUN = re.compile(rf"(?<![\w'’.-]){_CAPITAL}(?:\s(?:(?:{'|'.join(sorted(PARTICLES))})\s)*{_CAPITAL}){{1,5}}")


def _window(days) -> Window:
    precision = days.precision if days.precision in ("day", "month", "year") else "range"
    return Window(days.start, days.end, precision)


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations: “curly” pairs, and straight double quotes taken in pairs."""
    spans = []
    opened = None
    for index, char in enumerate(text):
        if char == "“" and opened is None:
            opened = index
        elif char == "”" and opened is not None:
            spans.append((opened, index + 1))
            opened = None
        elif char == '"':
            if opened is None:
                opened = index
            else:
                spans.append((opened, index + 1))
                opened = None
    return spans
