"""`newslint rules` and `newslint rule ID`: what would run, and what one rule checks."""
from __future__ import annotations

import argparse
from pathlib import Path

from . import EXIT_CLEAN, EXIT_ERROR, Outcome, says
from ..config import did_you_mean, settings_in_force
from ..core_rules import CORE_RULES
from ..engine import Linter


def linter_in_force(args: argparse.Namespace) -> Linter:
    """The rules the config in force for the current folder loads (or --config, --isolated)."""
    return Linter(settings_in_force(Path.cwd(), args.config, args.isolated))


def list_rules(args: argparse.Namespace) -> Outcome:
    linter = linter_in_force(args)
    rows = [(rule.id, rule.kind, rule.severity.label, _first_sentence(rule.description)) for rule in linter.rules]
    rows += [(rule.id, "core", linter.settings.severity.get(rule.id, rule.severity).label,
              _first_sentence(rule.description)) for rule in CORE_RULES.values()]
    rows.sort()
    header = ("RULE", "KIND", "LEVEL", "DESCRIPTION")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    lines = [f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}".rstrip()
             for row in [header, *rows]]
    return says(EXIT_CLEAN, "\n".join(lines))


def explain_rule(args: argparse.Namespace) -> Outcome:
    linter = linter_in_force(args)
    rules = {rule.id: rule for rule in linter.rules}
    if args.rule_id in CORE_RULES:
        core = CORE_RULES[args.rule_id]
        return says(EXIT_CLEAN, f"{core.id} (core, {core.severity.label})\n\n{core.description}")
    if args.rule_id not in rules:
        hint = did_you_mean(args.rule_id, set(rules) | set(CORE_RULES)) or "; `newslint rules` lists them"
        return says(EXIT_ERROR, f"newslint: error: unknown rule {args.rule_id!r}{hint}", stream="stderr")
    rule = rules[args.rule_id]
    lines = [f"{rule.id} ({rule.kind}, {rule.severity.label}, pack {rule.pack})", ""]
    if rule.description:
        lines += [rule.description, ""]
    lines += [f"Message: {rule.message}", f"Scope: {', '.join(rule.scope) or 'all prose'}",
              f"Defined in: {rule.path}"]
    if rule.link:
        lines.append(f"Docs: {rule.link}")
    for label, examples in (("Flagged", rule.examples.bad), ("Not flagged", rule.examples.good)):
        if examples:
            # Multi-line examples (front matter and body) keep their shape, indented as a block.
            lines += ["", f"{label}:"] + ["  " + example.rstrip("\n").replace("\n", "\n  ") for example in examples]
    return says(EXIT_CLEAN, "\n".join(lines))


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]
