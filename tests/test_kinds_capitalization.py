"""The capitalization kind: title case (AP, Chicago), sentence case, lower, upper, a pattern."""
from __future__ import annotations

import pytest

from newslint.errors import ConfigError
from newslint.run.fixes import apply_fixes
from newslint.kinds.capitalization.words import expected_case

from lint_helpers import lint_with_rule, located


def run(tmp_path, rule: str, text: str):
    return lint_with_rule(tmp_path, "case", rule, text)


def lint(tmp_path, rule: str, text: str) -> list[tuple]:
    return located(run(tmp_path, rule, text), text)


def rule(match: str, style: str = "AP", extra: str = "") -> str:
    return (f"extends: capitalization\nmessage: \"'{{match}}' should be '{{expected}}'.\"\nscope: heading\n"
            f"match: '{match}'\nstyle: {style}\nthreshold: 1.0\n{extra}")


def test_ap_title_case(tmp_path):
    text = "# Iran strikes Militant Groups In Pakistan\n\nA paragraph in any case At All.\n"
    assert lint(tmp_path, rule("$title"), text) == [
        ("case", 1, 3, "'Iran strikes Militant Groups In Pakistan' should be "
                       "'Iran Strikes Militant Groups in Pakistan'.")]


@pytest.mark.parametrize("heading", [
    "Iran Strikes Militant Groups in Pakistan",
    "The NASA Launch: A Look Back at iPhone Sales",
    "Talks Go On",                        # the last word is always capitalized
    "Iran Steps Up Pressure on Pakistan",  # "up" may be a particle
    "Self-driving Cars Are Here",          # only the first part of a compound is judged
])
def test_ap_title_case_accepts(tmp_path, heading):
    assert lint(tmp_path, rule("$title"), f"# {heading}\n") == []


def test_chicago_lowercases_long_prepositions(tmp_path):
    assert lint(tmp_path, rule("$title"), "# Talks With Iran Go Nowhere\n") == []
    assert [f[3] for f in lint(tmp_path, rule("$title", "Chicago"), "# Talks With Iran Go Nowhere\n")] == [
        "'Talks With Iran Go Nowhere' should be 'Talks with Iran Go Nowhere'."]


def test_sentence_case_with_exceptions_and_indicators(tmp_path):
    extra = "exceptions: [Iran, Pakistan]\nindicators: [':']\n"
    assert lint(tmp_path, rule("$sentence", extra=extra), "# Iran strikes Pakistan: What we know\n") == []
    assert [f[3] for f in lint(tmp_path, rule("$sentence", extra=extra), "# Iran Strikes Pakistan\n")] == [
        "'Iran Strikes Pakistan' should be 'Iran strikes Pakistan'."]


def test_threshold_tolerates_a_share_of_misses(tmp_path):
    tolerant = rule("$sentence").replace("threshold: 1.0", "threshold: 0.8")
    assert lint(tmp_path, tolerant, "# Does the Bechdel test apply to code\n") == []
    assert len(lint(tmp_path, rule("$sentence"), "# Does the Bechdel test apply to code\n")) == 1


def test_lower_upper_and_pattern(tmp_path):
    assert len(lint(tmp_path, rule("$lower"), "# Hello there\n")) == 1
    assert lint(tmp_path, rule("$upper"), "# HELLO THERE\n") == []
    assert [f[3] for f in lint(tmp_path, rule("^[A-Z]"), "# iran\n\n# Iran\n")] == ["'iran' should be '^[A-Z]'."]


def test_prefix_is_not_judged(tmp_path):
    extra = "prefix: '^[a-z]\\.\\s'\n"
    assert lint(tmp_path, rule("$sentence", extra=extra), "# a. The first step\n") == []


def test_the_fix_is_unsafe_and_recases_the_heading(tmp_path):
    text = "# Iran strikes militant groups\n"
    findings = run(tmp_path, rule("$title"), text)
    assert [f.fix.safe for f in findings] == [False]
    assert apply_fixes(text, findings, lambda r: True)[0] == "# Iran Strikes Militant Groups\n"


@pytest.mark.parametrize("word, case, style, first, last, want", [
    ("the", "$title", "AP", False, False, "the"),
    ("The", "$title", "AP", False, False, "the"),
    ("the", "$title", "AP", True, False, "The"),
    ("with", "$title", "AP", False, False, "With"),
    ("With", "$title", "Chicago", False, False, "with"),
    ("up", "$title", "AP", False, False, "up"),
    ("Up", "$title", "AP", False, False, "Up"),
    ("Iran", "$sentence", "AP", False, False, "iran"),
    ("iran", "$upper", "AP", False, False, "IRAN"),
])
def test_expected_case(word, case, style, first, last, want):
    assert expected_case(word, case, style, first=first, last=last) == want


@pytest.mark.parametrize("body, line, words", [
    ("match: $camel\n", 3, "unknown case '$camel'"),
    ("match: '['\n", 3, "bad regular expression"),
    ("match: $title\nstyle: MLA\n", 4, "'style' must be 'AP' or 'Chicago'"),
    ("match: $title\nthreshold: 1.5\n", 4, "'threshold' must be above 0"),
    ("match: $title\nexceptions: ['(']\n", 4, "bad regular expression"),
    ("style: AP\n", 1, "missing required option 'match'"),
])
def test_bad_options(tmp_path, body, line, words):
    with pytest.raises(ConfigError) as caught:
        run(tmp_path, 'extends: capitalization\nmessage: "m"\n' + body, "x\n")
    assert caught.value.line == line and words in caught.value.message
