"""metric: compute a formula over the text's counts and report when a condition holds (Vale's kind).

`formula` is arithmetic over built-in counts (words, sentences, syllables, ...), parsed when the
rule loads by `metric_formula` (never `eval`); `condition` is a comparison such as `> 8.0`.
Vale computes metrics over the whole document; `per: block` computes one per prose block
instead (a paragraph that reads at grade 16). A formula that cannot be computed (no sentences,
a division by zero) reports nothing. This kind never judges text it was not scoped to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal

from ...text.document import Document
from ...findings import Hit, Span
from ...schema import OptionError
from .formula import FormulaError, Node, evaluate, holds, parse_condition, parse_formula
from ...text.sentences import block_sentences, statistics

PLACEHOLDERS = ("match", "value")

VARIABLES = frozenset({
    "words", "sentences", "syllables", "characters", "polysyllabic_words", "complex_words",
    "long_words", "paragraphs", "headings", "list", "blockquote",
})
_BLOCK_COUNTS = {"paragraphs": "paragraph", "headings": "heading", "list": "list-item", "blockquote": "blockquote"}


@dataclass(frozen=True)
class Options:
    formula: str
    condition: str
    per: Literal["document", "block"] = "document"
    tree: Node = field(init=False, repr=False, compare=False)
    test: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "tree", parse_formula(self.formula, VARIABLES))
        except FormulaError as err:
            vale_only = "unknown variable 'heading." in str(err) or "unknown variable 'pre'" in str(err)
            hint = " (Vale's heading.hN and pre counts are not available; headings counts all)" if vale_only else ""
            raise OptionError("formula", f"{err}{hint}") from None
        try:
            object.__setattr__(self, "test", parse_condition(self.condition))
        except FormulaError as err:
            raise OptionError("condition", str(err)) from None


def check(document: Document, rule) -> Iterator[Hit]:
    options: Options = rule.options
    units = list(block_sentences(document, rule.scope))
    if options.per == "block":
        for unit in units:
            values = _values([unit])
            value = evaluate(options.tree, values)
            if value is not None and holds(options.test, value):
                span = unit.block.source_span(0, len(unit.block.text))
                yield Hit(span, {"match": unit.block.text[:60], "value": f"{value:.2f}"})
        return
    if not units:
        return
    value = evaluate(options.tree, _values(units))
    if value is not None and holds(options.test, value):
        # A finding about the whole article points at its start, like other file-level findings.
        yield Hit(Span(0, 0), {"match": "", "value": f"{value:.2f}"})


def _values(units) -> dict[str, float]:
    texts = [unit.block.text for unit in units]
    values = statistics(texts, sum(len(unit.spans) for unit in units))
    for name, kind in _BLOCK_COUNTS.items():
        values[name] = sum(1 for unit in units if unit.block.kind == kind)
    return values
