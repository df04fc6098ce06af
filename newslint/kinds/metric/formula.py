"""A tiny arithmetic language for the metric kind's `formula` and `condition`, parsed safely.

A formula is numbers, variable names, `+ - * /`, parentheses and the functions `sqrt` and `abs`
(also spelled `math.sqrt`, `math.abs`, as Vale writes them). It is parsed once, when the rule
loads, into a small tree; unknown names and syntax errors are load-time errors with a column.
This module must never call `eval` or `exec`, import anything named in a formula, or recurse
without bound: formulas are short and nesting is capped.
"""
from __future__ import annotations

import math
import operator
import re
from dataclasses import dataclass
from typing import Callable, Mapping, Union

MAX_LENGTH = 1000
MAX_DEPTH = 40

_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d*)?|\.\d+)|(?P<name>[A-Za-z_][A-Za-z_0-9]*(?:\.[A-Za-z_][A-Za-z_0-9]*)*)"
                    r"|(?P<op>[-+*/()]))")
FUNCTIONS: Mapping[str, Callable[[float], float]] = {
    "sqrt": math.sqrt, "math.sqrt": math.sqrt, "abs": abs, "math.abs": abs,
}
_BINARY = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
COMPARISONS = {">=": operator.ge, "<=": operator.le, "==": operator.eq, "!=": operator.ne,
               ">": operator.gt, "<": operator.lt}
_CONDITION = re.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*$")


class FormulaError(ValueError):
    pass


@dataclass(frozen=True)
class Number:
    value: float


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Call:
    function: str
    argument: "Node"


@dataclass(frozen=True)
class Negate:
    operand: "Node"


@dataclass(frozen=True)
class Binary:
    op: str
    left: "Node"
    right: "Node"


Node = Union[Number, Name, Call, Negate, Binary]


def parse_formula(text: str, variables: frozenset[str]) -> Node:
    """The tree of `text`; FormulaError says what is wrong and where (1-based column)."""
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"formula is longer than {MAX_LENGTH} characters")
    tokens = _tokenize(text)
    parser = _Parser(tokens, variables, text)
    tree = parser.expression(0)
    if parser.peek() is not None:
        raise parser.error(f"unexpected {parser.peek()[1]!r}")
    return tree


def evaluate(node: Node, values: Mapping[str, float]) -> float | None:
    """The formula's value, or None where it is undefined (a division by zero, a negative root)."""
    try:
        return _evaluate(node, values)
    except (ZeroDivisionError, ValueError, OverflowError):
        return None


def parse_condition(text: str) -> tuple[str, float]:
    match = _CONDITION.match(text)
    if not match:
        raise FormulaError(f"bad condition {text!r} (write a comparison and a number, e.g. '> 8.0'; "
                           f"comparisons: {', '.join(COMPARISONS)})")
    return match.group(1), float(match.group(2))


def holds(condition: tuple[str, float], value: float) -> bool:
    op, threshold = condition
    return COMPARISONS[op](value, threshold)


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    tokens, position = [], 0
    stripped_end = len(text.rstrip())
    while position < stripped_end:
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            column = position + len(text[position:]) - len(text[position:].lstrip()) + 1
            raise FormulaError(f"unexpected character {text[column - 1]!r} at column {column}")
        kind = match.lastgroup
        tokens.append((kind, match.group(kind), match.start(kind) + 1))
        position = match.end()
    return tokens


class _Parser:
    """Recursive descent: expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
    factor := ('-'|'+') factor | number | name | function '(' expression ')' | '(' expression ')'."""

    def __init__(self, tokens, variables: frozenset[str], text: str) -> None:
        self.tokens = tokens
        self.index = 0
        self.variables = variables
        self.text = text

    def peek(self):
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self):
        token = self.peek()
        if token is None:
            raise FormulaError("the formula ends too early")
        self.index += 1
        return token

    def error(self, message: str) -> FormulaError:
        token = self.peek()
        column = token[2] if token else len(self.text.rstrip()) + 1
        return FormulaError(f"{message} at column {column}")

    def expression(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise FormulaError(f"formula nests deeper than {MAX_DEPTH} levels")
        node = self.term(depth)
        while (token := self.peek()) is not None and token[1] in ("+", "-"):
            self.take()
            node = Binary(token[1], node, self.term(depth))
        return node

    def term(self, depth: int) -> Node:
        node = self.factor(depth)
        while (token := self.peek()) is not None and token[1] in ("*", "/"):
            self.take()
            node = Binary(token[1], node, self.factor(depth))
        return node

    def factor(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise FormulaError(f"formula nests deeper than {MAX_DEPTH} levels")
        token = self.peek()
        if token is None:
            raise self.error("the formula ends too early")
        kind, text, _ = token
        if text in ("-", "+"):
            self.take()
            operand = self.factor(depth + 1)
            return Negate(operand) if text == "-" else operand
        if kind == "number":
            self.take()
            return Number(float(text))
        if kind == "name":
            if text in FUNCTIONS:
                self.take()
                self.expect("(")
                argument = self.expression(depth + 1)
                self.expect(")")
                return Call(text, argument)
            if text not in self.variables:
                raise self.error(f"unknown variable {text!r} (known: {', '.join(sorted(self.variables))})")
            self.take()
            return Name(text)
        if text == "(":
            self.take()
            node = self.expression(depth + 1)
            self.expect(")")
            return node
        raise self.error(f"unexpected {text!r}")

    def expect(self, symbol: str) -> None:
        token = self.peek()
        if token is None or token[1] != symbol:
            raise self.error(f"expected {symbol!r}")
        self.take()


def _evaluate(node: Node, values: Mapping[str, float]) -> float:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Name):
        return float(values[node.name])
    if isinstance(node, Negate):
        return -_evaluate(node.operand, values)
    if isinstance(node, Call):
        return float(FUNCTIONS[node.function](_evaluate(node.argument, values)))
    return _BINARY[node.op](_evaluate(node.left, values), _evaluate(node.right, values))
