"""Find political titles next to names in a prose block: "Secretary of State Antony Blinken",
"Iran's President Raisi", "then-Secretary of State Mike Pompeo", "Antony Blinken, the secretary
of state,", "the foreign secretary, James Cleverly,".

This module reads text only: it finds the title, the words before it that qualify it (a place,
"former", "then-", "acting") and the name, and leaves every judgement to `title_judge`. A block
with no title word costs one regex search. It must never guess a name where the text has none:
a title followed by a lowercase word ("the prime minister said") is no mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, TitleMatcher

# Lowercase words that may sit inside a name ("Mohammed bin Salman", "Jean-Yves Le Drian",
# "Ursula von der Leyen"), never at its end.
PARTICLES = frozenset("bin bint ibn abu al el de da das do dos du van von der den la le di del della "
                      "y ul e".split())
# Capitalised words that follow a name without belonging to it.
NOT_NAMES = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March April May June July August September October November December The A An And But Or Nor
For So Yet In On At By To Of From With As He She It They We I This That These Those His Her Its
Their Our Said Says Told Warned Urged Called Met Visited Announced Administration Government
Cabinet Jr Sr County City Street Road Avenue Square Park Center Centre Island Airport University
College School Hospital Foundation Institute Library Museum Hotel League Cup""".split())
# Capitalised words that may open a sentence right before a title without qualifying it;
# any other capitalised word there ("Harvard President", "Ontario Premier") makes the title
# another body's.
SENTENCE_OPENERS = NOT_NAMES | frozenset("""Meanwhile When Whenever After Before While Although
Though Since Because If Then Now Today Yesterday Tomorrow Tonight Later Earlier Still Also Last
Next Finally However Instead Here There Both Even Only Once Under Unlike Like Asked Speaking
Writing Addressing Responding According Why How What Where Who Whom Whose Which""".split())
# Abbreviations whose full stop does not end a sentence, among those that may stand before a
# title: a company's ("Acme Inc. President"), an honorific or a rank.
ABBREVIATIONS = frozenset("""inc corp co ltd llc plc bros assn univ dept govt gov sen rep dr mr mrs ms
st mt ft gen col lt capt sgt adm prof jr sr no vol hon rev""".split())
MAX_NAME_WORDS = 5
LOOK_BACK = 120
_WORD_BEFORE = re.compile(r"(?P<word>[^\s,;:()\[\]\"“”]+)\s+$")
_GLUED = re.compile(r"(?<![\w-])(?P<word>then|ex|former)[-‐]$", re.IGNORECASE)
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”!?]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”(\[|—–]\s*)$")
_CLOCK = re.compile(r"\d(?:[:.]\d\d)?\s*$")
_FOLLOWS_TITLE = re.compile(r"\s*(?:[,.;:)!?]|$|\s(?:of|for|and|in|at|on|who|said|says)\b)")


@dataclass(frozen=True)
class Mention:
    """A title beside a name, in one block's prose coordinates."""

    start: int
    end: int
    """Title and name together."""
    form: str
    """The title as the lexicon folds it ("secretary of state")."""
    title_text: str
    """The title as written."""
    name: str
    """The name as written ("Antony Blinken", "Raisi")."""
    name_start: int
    words: int
    """How many words the name has."""
    place: str | None
    """The country or organisation code a qualifier gives, if any ("PK", "US", "UN")."""
    mode: str
    """current, past (former, ex-, late), then (then-), acting (acting, interim)."""
    name_first: bool = False
    """The name stands before the title ("Antony Blinken, the secretary of state,")."""
    modifier: str = ""
    """The word that gave the mode, lowercase ("former", "ex", "then"), or ""."""


def find_mentions(text: str, matcher: TitleMatcher, lexicon: Lexicon) -> list[Mention]:
    mentions = []
    for match in matcher.pattern.finditer(text):
        mention = _mention(text, match, matcher, lexicon)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _mention(text: str, match: re.Match, matcher: TitleMatcher, lexicon: Lexicon) -> Mention | None:
    from ...kb import fold

    form = fold(match.group())
    start, end = match.span()
    if form in matcher.capitals_only and not match.group().isupper():
        return None  # "3 pm", not "PM"
    if form in matcher.capitals_only and _CLOCK.search(text, max(0, start - 12), start):
        return None  # "5 PM Japan Time", "10:30 PM EST": a time of day
    if re.match(r"[-‐](?:elect|designate)\b", text[end:], re.IGNORECASE):
        return None  # not in office yet
    before = _qualifiers(text, start, lexicon)
    if before is None:
        return None
    place, mode, qualified_start, article, modifier = before
    if form in matcher.explicit and _possessive_before(text, start, lexicon, matcher.explicit[form]):
        return None  # "FIFA's Swiss president Sepp Blatter": a nationality, not the office's place
    place = matcher.explicit.get(form, place)
    after = text[end:]
    of_place = lexicon.place_after(text, end)
    if of_place:
        code, end = of_place
        if code == "-":
            return None
        place = place or code
        after = text[end:]
    elif re.match(r"\s+(?:of|for)\s", after):
        return None  # "Secretary of State for Wales", "President of Harvard"
    name = _name_after(text, end, allow_comma=article or place is not None)
    if name is not None:
        name_start, name_end, words, name_text = name
        if matcher.pattern.match(text, name_start):
            return None  # a list of titles: "the President, Vice President, First Lady"
        return Mention(start, name_end, form, match.group(), name_text, name_start, words, place, mode,
                       modifier=modifier)
    if not _FOLLOWS_TITLE.match(after):
        return None
    name = _name_before(text, qualified_start)
    if name is None:
        return None
    name_start, words, name_text = name
    return Mention(name_start, end, form, match.group(), name_text, name_start, words, place, mode,
                   name_first=True, modifier=modifier)


def _qualifiers(text: str, start: int, lexicon: Lexicon):
    """Walk back from a title over modifiers and places: (place, mode, where they start, whether
    an article stands first, the word that gave the mode), or None when a word there makes it another office ("Deputy",
    "Michigan", "Acme")."""
    place = None
    mode = "current"
    modifier = ""
    article = False
    pos = start
    while pos > 0:
        window = text[max(0, pos - LOOK_BACK) : pos]
        glued = _GLUED.search(window)
        if glued:
            before_mode = mode
            mode = _mode(mode, lexicon.modifiers.get(glued.group("word").lower(), "past"))
            modifier = glued.group("word").lower() + "-" if mode != before_mode else modifier
            pos -= len(glued.group())
            continue
        found = lexicon.place_before(text, pos) if place is None else None
        if found:
            code, pos = found
            if code == "-":
                return None
            place = code
            continue
        word_match = _WORD_BEFORE.search(window)
        if not word_match:
            break
        word = word_match.group("word")
        lowered = word.lower().rstrip("-")
        kind = lexicon.modifiers.get(lowered)
        if kind in ("other", "organisation"):
            return None
        if lowered in ("and", "&") and _joined_to_organisation(text, pos - len(word_match.group()), lexicon):
            return None  # "Acme Bank Chairman and President", "chief executive and president"
        if kind in ("past", "then", "acting", "neutral"):
            if _mode(mode, kind) != mode:
                mode, modifier = _mode(mode, kind), lowered
            pos -= len(word_match.group())
            continue
        if place is not None and _possessive(word):
            return None  # "FIFA's Swiss president", "the club's German chairman": a nationality
        if lowered in ("the", "a", "an"):
            article = True
            pos -= len(word_match.group())
            then = _WORD_BEFORE.search(text[max(0, pos - LOOK_BACK) : pos])
            if then and lexicon.modifiers.get(then.group("word").lower()) == "then":
                mode, modifier = _mode(mode, "then"), then.group("word").lower()  # "Pompeo, then the secretary"
                pos -= len(then.group())
            break
        if _ends_sentence(word):
            break  # "Officials met in Washington. Secretary of State ...": the title opens a sentence
        if word[0].isupper() and not re.search(r"['’]s?$", word):
            head = text[: pos - len(word_match.group())]
            if not (_SENTENCE_START.search(head) and word.rstrip(".,") in SENTENCE_OPENERS):
                return None  # "Michigan Secretary of State", "Harvard President", "Burger King"
        break
    return place, mode, pos, article, modifier


def _ends_sentence(word: str) -> bool:
    """The word closes a sentence: it ends in "!", "?" or a full stop that is no abbreviation's.
    Initials ("D.C.", "J.P.") and short abbreviations ("Inc.", "Co.", "Gov.") keep the title
    bound to what they name, so they are read as words, not as the end of a sentence."""
    if re.search(r"[!?]['’\"”)]*$", word):
        return True
    bare = re.sub(r"['’\"”)]+$", "", word)
    if not bare.endswith(".") or bare.endswith(".."):
        return bare.endswith("..")  # an ellipsis ends what came before
    stem = bare[:-1]
    if "." in stem or len(stem) <= 1:
        return False  # initials: "U.S.", "D.C.", "J."
    return stem.lower() not in ABBREVIATIONS


def _joined_to_organisation(text: str, pos: int, lexicon: Lexicon) -> bool:
    """Whether the word before `pos` (where "and" starts) names a post in another organisation,
    so that the title after "and" is that organisation's too ("Chairman and President")."""
    before = _WORD_BEFORE.search(text[max(0, pos - LOOK_BACK) : pos])
    return bool(before) and lexicon.modifiers.get(before.group("word").lower().rstrip("-")) == "organisation"


def _possessive(word: str) -> bool:
    return len(word) > 2 and re.search(r"['’]s?$", word) is not None


def _possessive_before(text: str, pos: int, lexicon: Lexicon, code: str) -> bool:
    """Whether a possessive of something other than the place `code` stands right before `pos`
    ("the IOC's ", "the club's "; not "Germany's " before "German president")."""
    word = _WORD_BEFORE.search(text[max(0, pos - LOOK_BACK) : pos])
    if word is None or not _possessive(word.group("word")):
        return False
    owner = lexicon.place_before(text, pos)
    return owner is None or owner[0] != code


def _mode(current: str, kind: str) -> str:
    if kind in ("past", "then", "acting") and current == "current":
        return kind
    return current


def _name_after(text: str, end: int, allow_comma: bool) -> tuple[int, int, int, str] | None:
    """The name right after a title: (start, end, words, text) or None."""
    rest = text[end:]
    gap = re.match(r" (?=\S)", rest) or (re.match(r", (?=\S)", rest) if allow_comma else None)
    if not gap:
        return None
    comma = gap.group().startswith(",")
    position = end + gap.end()
    tokens: list[tuple[int, int, str]] = []
    while len(tokens) < MAX_NAME_WORDS:
        token = _TOKEN.match(text, position)
        if not token:
            break
        word, stop = _clean(token.group())
        if not _name_word(word, last=False):
            break
        tokens.append((token.start(), token.start() + len(word), word))
        position = token.end()
        if stop or not text.startswith(" ", position):
            break
        position += 1
    while tokens and (tokens[-1][2].lower() in PARTICLES or tokens[-1][2] in NOT_NAMES):
        tokens.pop()
    if not tokens or tokens[0][2] in NOT_NAMES:
        return None
    name_end = tokens[-1][1]
    if comma and not re.match(r"\s*(?:[,.;:)]|$)", text[name_end:]):
        return None  # "the prime minister, Boris Johnson," needs the name closed off
    return tokens[0][0], name_end, len(tokens), " ".join(t[2] for t in tokens)


def _name_before(text: str, pos: int) -> tuple[int, int, str] | None:
    """The name closed by a comma right before `pos` ("Antony Blinken, the ..."), or None."""
    head = text[:pos]
    comma = re.search(r",\s*$", head)
    if not comma:
        return None
    words = []
    cursor = comma.start()
    while len(words) < MAX_NAME_WORDS:
        token = re.search(r"(?:^|(?<=\s))(?P<word>[^\s,;:()\[\]\"“”]+)$", text[:cursor])
        if not token:
            break
        word = token.group("word")
        if not _name_word(word, last=not words) or word in NOT_NAMES:
            break
        words.insert(0, (token.start("word"), word))
        cursor = token.start("word")
        if not text[:cursor].endswith(" "):
            break
        cursor -= 1
    while words and words[0][1].lower() in PARTICLES:
        words.pop(0)
    if not words:
        return None
    return words[0][0], len(words), " ".join(w for _, w in words)


def _clean(token: str) -> tuple[str, bool]:
    """A token without trailing punctuation or possessive; whether the name must stop there."""
    stop = False
    possessive = re.search(r"['’]s?$", token)
    if possessive and len(token) > 2:
        token, stop = token[: possessive.start()], True
    stripped = token.rstrip(".,;:!?'’\"”)")
    if stripped != token:
        # A trailing dot is an initial ("W.") when the word is one letter, else the sentence's end.
        if token.endswith(".") and len(stripped) == 1:
            return token, False
        stop = True
    return stripped, stop


def _name_word(word: str, last: bool) -> bool:
    if not word:
        return False
    if word.lower() in PARTICLES:
        return not last
    head = word.split("-", 1)[0].lower() if "-" in word else ""
    if head in PARTICLES and len(word) > len(head) + 1:
        return word[len(head) + 1].isupper()  # "al-Faisal", "el-Sisi"
    return word[0].isupper() and any(c.isalpha() for c in word)
