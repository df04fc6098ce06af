"""Prefilters may say "yes" wrongly, never "no": each is checked against the search it guards.

Texts are drawn from the characters where a careless prefilter would go wrong: case pairs whose
folding differs ("İ", "ß", "ſ", the Kelvin sign, final sigma), combining marks, apostrophes,
the underscore, and the separators str.isspace() takes but `regex`'s \\s does not.
"""
from __future__ import annotations

import re

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.kinds.repetition import DEFAULT_TOKEN, Options, may_repeat, repeated_runs
from newslint.patterns.prefilter import WordPrefilter, fold
from newslint.text.prose import ProseBlock
from newslint.text.textmap import OffsetMap

EXAMPLES = 400

PIECES = ["the", "The", "THE", "in", "In", "İn", "in\u0307", "ß", "SS", "ss", "ẞ", "ſ", "s", "K", "\u212a",
          "’", "‘", "“", "”", "—", "–", "…", "•", "don’t", "don't", "O’", "o'",
          "k", "σ", "ς", "Σ", "\u0345", "ι", "'", "’", "_", "-", ".", "(", ")", " ", "  ", "\n", "\t",
          "\x1c", "\x1f", "\u00a0", "é", "e\u0301", "²", "1", "a", "b", "ab", "ı", "kill", "killed"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=EXAMPLES, deadline=None)
@given(texts, st.booleans(), st.booleans())
@example("Straße STRASSE", True, True)
@example("ſ s", True, True)
@example("K k", True, True)
@example("İn in", True, False)
@example("in\x1cin", False, False)
@example("don’t don't", True, False)
@example("don’t don’t", False, False)
@example("the\u00a0the", False, False)
@example("“the the”", False, False)
def test_may_repeat_holds_wherever_the_default_token_repeats(text, ignorecase, alpha):
    options = Options(ignorecase=ignorecase, alpha=alpha)
    if any(repeated_runs(text, options)):
        assert may_repeat(text)


def test_may_repeat_answers_no_on_ordinary_prose():
    assert not may_repeat("Data analysis is the idea: a plan, and the end.")
    assert may_repeat("The the strikes began.")
    assert may_repeat("It was\nwas over (the THE end).")


def test_may_repeat_is_linear_on_a_long_run_without_spaces():
    assert not may_repeat("a'" * 100_000)  # would take minutes if each start rescanned the run
    assert not may_repeat("a." * 100_000)


phrases = st.lists(st.lists(st.sampled_from(["in", "İn", "ss", "ß", "kill", "killed", "K", "σ", "é", "ıt"]),
                            min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4)


@settings(max_examples=EXAMPLES, deadline=None)
@given(phrases, texts)
@example(["in"], "İN")
@example(["ss"], "ẞ")
@example(["kill"], "KILL")
def test_word_prefilter_holds_wherever_the_ignorecase_pattern_matches(words, text):
    # The form the kinds compile their word lists to (consistency_counts._alternation).
    body = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    if regex.search(body, text, regex.IGNORECASE | regex.V0):
        assert WordPrefilter.of(words).may_match(fold(text))


@settings(max_examples=EXAMPLES, deadline=None)
@given(phrases, texts)
@example(["in"], "İN")
@example(["in"], "ın")  # `re` takes the dotless i for an i, ignoring case
@example(["kill", "killed"], "KILLED")
def test_whole_word_prefilter_holds_wherever_re_finds_a_bounded_match(words, text):
    # The form of the title matcher: `re`, ignoring case, with word edges.
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    if "\u0345" not in text and re.search(rf"(?<![\w])(?:{body})(?![\w])", text, re.IGNORECASE):
        assert WordPrefilter.of(words, whole_words=True).may_match(fold(text))


def test_word_prefilter_shares_prefixes_and_stops_at_the_shortest_phrase():
    prefilter = WordPrefilter.of(["killed", "kill", "car bomb", "ambush"])
    assert prefilter.pattern.pattern == r"(?:ambush|car\s+bomb|kill)"
    assert prefilter.may_match(fold("The CAR\n  BOMB went off"))
    assert prefilter.may_match(fold("KİLL"))
    assert not prefilter.may_match(fold("The car was bombed"))


def test_default_token_is_the_one_may_repeat_is_proved_for():
    # may_repeat's exactness argument rests on this shape: maximal runs with inner apostrophes.
    assert DEFAULT_TOKEN == r"[^\W_]+(?:['’][^\W_]+)*"


WORDS = ["as", "As", "my", "My", "MY", "last", "update", "knowledge", "the", "ǅ", "İ", "ß"]
token_specs = st.tuples(
    st.sampled_from(["LOWER", "ORTH", "TEXT", "LENGTH"]),
    st.one_of(st.sampled_from(WORDS), st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)),
    st.sampled_from([None, "?", "*", "+", "!", "{1,2}"]))


def _token(spec) -> dict:
    attribute, value, op = spec
    if attribute == "LENGTH":  # not an anchor: must never make a pattern look impossible
        value = [len(v) for v in value] if isinstance(value, list) else len(value)
    token = {attribute: {"IN": value} if isinstance(value, list) else value}
    if op is not None:
        token["OP"] = op
    return token


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(token_specs, min_size=1, max_size=4), min_size=1, max_size=3),
       st.lists(st.sampled_from(WORDS + [" ", ", ", ". "]), max_size=12).map(" ".join))
def test_sequence_anchors_hold_wherever_the_matcher_matches(patterns, text):
    from newslint.kinds.sequence import Options
    from newslint.text.nlp import pipeline

    options = Options(tuple([_token(spec) for spec in pattern] for pattern in patterns))
    doc = pipeline()(text)
    if options.matcher()(doc):
        assert options.may_match(doc)
        assert options.may_hold(ProseBlock("paragraph", text, OffsetMap(())))


def test_sequence_anchors_skip_prose_without_the_words():
    from newslint.kinds.sequence import Options
    from newslint.text.nlp import pipeline

    options = Options(([{"LOWER": {"IN": ["as", "since"]}}, {"LOWER": "of", "OP": "?"}, {"LOWER": "my"}],))
    assert not options.may_match(pipeline()("As of Monday, the ceasefire held."))
    assert options.may_match(pipeline()("As of my last update"))
    assert not options.may_hold(ProseBlock("paragraph", "As of Monday, the ceasefire held.", OffsetMap(())))
    assert options.may_hold(ProseBlock("paragraph", "Economy: as planned", OffsetMap(())))  # text: a superset
    # Hashes of the value as written, as the Matcher compares them: {LOWER: My} never matches.
    options = Options(([{"LOWER": "My"}],))
    assert not options.may_match(pipeline()("My my"))


# --- required literals of rule patterns ---------------------------------------------------------

ATOMS = ["a", "b", "ab", "İ", "ß", "ss", " ", r"\w", r"\d", "[ab]", ".", r"\b", "(?<!a)", "(?=b)", "{", "x{2}"]
regexes = st.recursive(
    st.sampled_from(ATOMS),
    lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda pair: f"(?:{pair[0]}|{pair[1]})"),
        st.tuples(inner, st.sampled_from(["*", "+", "?", "{1,2}", "{0,1}", "+?", "*+"])).map(
            lambda pair: f"(?:{pair[0]}){pair[1]}"),
        inner.map(lambda body: f"(?i:{body})"),
        inner.map(lambda body: f"({body})"),
    ),
    max_leaves=6)
texts_for_regexes = st.lists(st.sampled_from(["a", "b", "A", "B", "İ", "i", "ß", "ẞ", "SS", " ", "1", "x", "{"]),
                             max_size=10).map("".join)


@settings(max_examples=EXAMPLES, deadline=None)
@given(regexes, texts_for_regexes, st.booleans())
def test_may_occur_holds_wherever_the_pattern_matches(pattern, text, ignorecase):
    from newslint.patterns.safe import compile_pattern

    try:
        compiled = compile_pattern(pattern, ignorecase=ignorecase)
    except ValueError:
        return  # e.g. a repeat of nothing
    if compiled.search(text):
        assert compiled.may_occur(fold(text))


@pytest.mark.filterwarnings("ignore:Possible nested set:FutureWarning")
def test_required_literals_of_typical_rule_patterns():
    from newslint.patterns.safe import compile_pattern

    def literals(pattern):
        return compile_pattern(pattern)._literals

    assert literals(r"(?<!\w)(?:as an AI|I hope this helps)(?!\w)") == ({"as an AI", "I hope this helps"},)
    # Both the bracket and the words must be there; the words first, being rarer.
    assert literals(r"\[(?:insert|name)\]") == ({"insert", "name"}, {"]"}, {"["})
    assert literals(r"\d+ people") == ({" people"},)
    assert literals(r"(?:x|y*)z") == ({"z"},)  # a branch that can be empty requires nothing
    assert literals(r"(?:was|is) (?:written|drafted) by (?:AI|a bot)") == (
        {"written", "drafted"}, {" by "}, {"was", "is"})  # at most three, the most selective
    assert literals(r"foo{e<=1}") is None  # fuzzy matching in `regex`: not read as literals
    assert literals(r"[[:alpha:]]+") is None  # a POSIX class in `regex` only
    assert not compile_pattern(r"(?i)ambush(?:es)?").may_occur(fold("The convoy was attacked."))


def test_patterns_compile_on_first_use_and_a_refusal_there_is_a_rule_timeout(tmp_path, monkeypatch):
    from newslint.patterns import safe as patterns
    from newslint.config import Settings
    from newslint.engine import Linter

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "odd.yaml").write_text("extends: existence\nmessage: \"'{match}'\"\ntokens: [colour]\n", encoding="utf-8")
    linter = Linter(Settings(path=None, root=tmp_path, packs=(pack,)))
    rule = next(r for r in linter.rules if r.id == "odd")
    assert rule.options.pattern._compiled is None  # loaded and checked by `re`, not yet compiled

    def refuse(text, flags):
        raise ValueError("bad regular expression 'colour': refused")

    monkeypatch.setattr(patterns, "_compile", refuse)
    findings = [(f.rule, f.message) for f in linter.lint("a.md", "The colour.\n\nColour.\n")]
    assert findings == [("rule-timeout", "Rule 'odd' cannot run: its pattern '(?:(?<![\\w])(?:(?:colour))(?![\\w]))' could not "
                                         "be compiled (bad regular expression 'colour': refused). Fix the pattern.")]
    assert linter.lint("b.md", "Colour.\n")[0].message.startswith("Rule 'odd' cannot run")


@pytest.mark.filterwarnings("ignore:Possible nested set:FutureWarning")
def test_patterns_that_regex_may_read_differently_compile_when_they_load():
    from newslint.patterns.safe import compile_pattern

    assert compile_pattern("[[:alpha:]]+")._compiled is not None
    assert compile_pattern("(" * 51 + "a" + ")" * 51)._compiled is not None  # deep: `regex` recurses
    assert compile_pattern("(a)" * 200)._compiled is None  # many groups, but shallow
    assert compile_pattern("(a)")._compiled is None
    with pytest.raises(ValueError, match="expected }"):
        compile_pattern("{ss")  # `re`: a literal; `regex`: the start of a fuzzy-matching group
