"""The metric kind: a formula over counts, a condition, and the safe formula parser behind it."""
from __future__ import annotations

import pytest

from newslint.errors import ConfigError
from newslint.kinds.metric.formula import FormulaError, evaluate, parse_condition, parse_formula
from newslint.text.sentences import syllables

from lint_helpers import lint_with_rule, located

GRADE = """extends: metric
message: "Flesch-Kincaid grade {value}; aim for 8 or below."
formula: (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59
condition: '> 8.0'
"""
HARD = ("The administration's comprehensive reorganization necessitated considerable "
        "institutional accommodation across interdepartmental coordination mechanisms.")
EASY = "The cat sat on the mat. It was a good day. We went home."


def lint(tmp_path, rule: str, text: str) -> list[tuple]:
    return located(lint_with_rule(tmp_path, "grade", rule, text), text)


def test_document_metric_reports_at_the_start(tmp_path):
    found = lint(tmp_path, GRADE, f"---\ntitle: x\n---\n{HARD}\n")
    assert [f[:3] for f in found] == [("grade", 1, 1)]
    assert found[0][3].startswith("Flesch-Kincaid grade ") and found[0][3].endswith("; aim for 8 or below.")
    assert lint(tmp_path, GRADE, EASY + "\n") == []


def test_per_block_reports_each_hard_block(tmp_path):
    rule = GRADE + "per: block\nscope: paragraph\n"
    found = lint(tmp_path, rule, f"{EASY}\n\n{HARD}\n\n# {HARD}\n")
    assert [f[1:3] for f in found] == [(3, 1)]


def test_a_formula_that_cannot_be_computed_reports_nothing(tmp_path):
    rule = GRADE.replace("condition: '> 8.0'", "condition: '< 100'")
    assert lint(tmp_path, rule, "```\ncode only\n```\n") == []


def test_block_counts(tmp_path):
    rule = 'extends: metric\nmessage: "{value} headings"\nformula: headings - paragraphs\ncondition: ">= 1"\n'
    assert [f[3] for f in lint(tmp_path, rule, "# One\n\n# Two\n\nText.\n")] == ["1.00 headings"]


def test_parser_precedence_functions_and_unary_minus():
    names = frozenset({"words", "sentences"})
    assert evaluate(parse_formula("1 + 2 * 3", names), {}) == 7
    assert evaluate(parse_formula("(1 + 2) * 3", names), {}) == 9
    assert evaluate(parse_formula("-words / -2", names), {"words": 4}) == 2
    assert evaluate(parse_formula("math.sqrt(words) + abs(0 - sentences)", names), {"words": 9, "sentences": 2}) == 5
    assert evaluate(parse_formula("words / sentences", names), {"words": 9, "sentences": 0}) is None
    assert evaluate(parse_formula("sqrt(0 - words)", names), {"words": 1}) is None


@pytest.mark.parametrize("formula, words", [
    ("words +", "ends too early"),
    ("2 ** 3", "unexpected '*' at column 4"),
    ("__import__('os')", "unexpected character"),
    ("__import__(1)", "unknown variable '__import__'"),
    ("words; 1", "unexpected character ';' at column 6"),
    ("(words", "expected ')'"),
    ("sqrt words", "expected '('"),
    ("(" * 60 + "1" + ")" * 60, "nests deeper"),
    ("1" * 1001, "longer than"),
])
def test_parser_refuses(formula, words):
    with pytest.raises(FormulaError) as caught:
        parse_formula(formula, frozenset({"words"}))
    assert words in str(caught.value)


def test_conditions():
    assert parse_condition("> 8.0") == (">", 8.0)
    assert parse_condition("<=-1") == ("<=", -1.0)
    for bad in ("8", "=> 8", "> eight", "> 8 and < 9"):
        with pytest.raises(FormulaError):
            parse_condition(bad)


@pytest.mark.parametrize("word, count", [("the", 1), ("table", 2), ("organization", 5), ("boxes", 2),
                                          ("makes", 1), ("wanted", 2), ("2024", 1), ("—", 0)])
def test_syllables(word, count):
    assert syllables(word) == count


@pytest.mark.parametrize("body, line, words", [
    ("formula: words / foo\ncondition: '> 1'\n", 3, "unknown variable 'foo'"),
    ("formula: heading.h1\ncondition: '> 1'\n", 3, "heading.hN"),
    ("formula: words\ncondition: 'big'\n", 4, "bad condition 'big'"),
    ("formula: words\ncondition: '> 1'\nper: page\n", 5, "'per' must be"),
    ("condition: '> 1'\n", 1, "missing required option 'formula'"),
])
def test_bad_options(tmp_path, body, line, words):
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path, 'extends: metric\nmessage: "m"\n' + body, "x\n")
    assert caught.value.line == line and words in caught.value.message
