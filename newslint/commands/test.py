"""`newslint test`: run the `examples` of rule files as tests, so a newsroom can test its rules in CI.

Each `bad` example must be flagged by its rule, each `good` one must not be, and each `fixed`
text must be what the bad example becomes once that rule's fixes (safe and unsafe) are applied.
Targets are rule files, pack folders or built-in pack names; with none, the rules the config in
force loads. A rule runs alone (no other rule, no core rule), under the config's settings when
it comes from the config, under built-in defaults otherwise. A broken rule file raises
ConfigError, like any other command. This module never prints: the command line does.
"""
from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from . import EXIT_CLEAN, EXIT_FINDINGS, Outcome as CommandOutcome, says
from ..config import Settings, did_you_mean, settings_in_force
from ..engine import Linter, Selection
from ..errors import UsageError
from ..run.fixes import apply_fixes
from ..rules import Rule, builtin_packs
from ..yamlfile import read_yaml_file

EXAMPLE_PATH = "example.md"


@dataclass(frozen=True)
class Failure:
    path: str
    line: int
    rule: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.problem}"


@dataclass
class Outcome:
    rules: int = 0
    examples: int = 0
    without_examples: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def run(targets: Sequence[str], config: Path | None = None, isolated: bool = False,
        cwd: Path | None = None) -> Outcome:
    cwd = cwd or Path.cwd()
    outcome = Outcome()
    seen: set[Path] = set()  # a file named alone and within a named pack is tested once
    for settings, only in _plan(targets, config, isolated, cwd):
        base = Linter(settings)
        for rule in base.rules:
            path = rule.path.resolve()
            if (only is None or path in only) and path not in seen:
                seen.add(path)
                _test_rule(rule, _alone(base, rule), outcome, cwd)
    return outcome


def _plan(targets: Sequence[str], config: Path | None, isolated: bool, cwd: Path):
    """(settings, rule files to test or None for all) for each group of targets."""
    if not targets:
        return [(settings_in_force(cwd, config, isolated), None)]
    files: dict[Path, set[Path]] = defaultdict(set)
    packs: list[Path] = []
    builtin = builtin_packs()
    for target in targets:
        path = (cwd / target)
        if path.is_file() and path.suffix in (".yaml", ".yml"):
            files[path.resolve().parent].add(path.resolve())
        elif path.is_dir():
            packs.append(path.resolve())
        elif target in builtin:
            packs.append(builtin[target])
        else:
            hint = did_you_mean(target, set(builtin)) or f" ({', '.join(builtin)})"
            raise UsageError(f"{target}: not a rule file (.yaml), a pack folder or a built-in pack{hint}")
    plan = [(_settings_for(pack, cwd), None) for pack in packs]
    plan += [(_settings_for(folder, cwd), only) for folder, only in files.items()]
    return plan


def _settings_for(pack: Path, cwd: Path) -> Settings:
    return Settings(path=None, root=cwd, packs=(pack,))


def _alone(base: Linter, rule: Rule) -> Linter:
    """A linter that runs only `rule`: the loaded rules are shared, not loaded again."""
    return base.with_selection(Selection(select=(rule.id,)))


def _test_rule(rule: Rule, linter: Linter, outcome: Outcome, cwd: Path) -> None:
    outcome.rules += 1
    examples = rule.examples
    if not examples.bad and not examples.good:
        outcome.without_examples.append(rule.id)
        return
    lines = _example_lines(rule)
    shown = _shown_path(rule.path, cwd)

    def fail(key: str, index: int, problem: str) -> None:
        line = lines.get((key, index), lines.get((key,), lines.get((), 1)))
        outcome.failures.append(Failure(shown, line, rule.id, problem))

    for index, text in enumerate(examples.bad):
        outcome.examples += 1
        findings = [f for f in linter.lint(EXAMPLE_PATH, text) if f.rule == rule.id]
        if not findings:
            fail("bad", index, f"bad example {index + 1} was not flagged: {_quote(text)}")
            continue
        if index < len(examples.fixed):
            result, _ = apply_fixes(text, findings, lambda rule_id: True)
            if result != examples.fixed[index]:
                fail("fixed", index, f"bad example {index + 1} was fixed to {_quote(result)}, "
                                     f"not {_quote(examples.fixed[index])}")
    for index, text in enumerate(examples.good):
        outcome.examples += 1
        findings = [f for f in linter.lint(EXAMPLE_PATH, text) if f.rule == rule.id]
        if findings:
            fail("good", index, f"good example {index + 1} was flagged ({findings[0].message}): {_quote(text)}")


def _example_lines(rule: Rule) -> dict[tuple, int]:
    """The line of each example in the rule file, keyed by ('bad', index), ('bad',) and ()."""
    doc = read_yaml_file(rule.path)
    lines = {(): doc.line("examples")}
    for key in ("bad", "good", "fixed"):
        lines[(key,)] = doc.line("examples", key)
        items = (doc.data or {}).get("examples", {}) if isinstance(doc.data, dict) else {}
        for index in range(len(items.get(key, []) or []) if isinstance(items, dict) else 0):
            lines[(key, index)] = doc.line("examples", key, index)
    return lines


def _shown_path(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return str(path)


def _quote(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return '"' + (flat if len(flat) <= limit else flat[: limit - 1] + "…") + '"'


def test_rules(args: argparse.Namespace) -> CommandOutcome:
    """`newslint test`: the failures one per line, then a summary."""
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"--config {args.config}: no such file")
    outcome = run(args.targets, config=args.config, isolated=args.isolated)
    lines = [str(failure) for failure in outcome.failures]
    tested = f"{outcome.rules} rule{'s' if outcome.rules != 1 else ''}, {outcome.examples} examples"
    if outcome.without_examples:
        tested += f" ({len(outcome.without_examples)} without examples: {', '.join(outcome.without_examples)})"
    if outcome.failures:
        return says(EXIT_FINDINGS, *lines, f"{len(outcome.failures)} failed; {tested}.")
    return says(EXIT_CLEAN, f"All examples behave; {tested}.")
