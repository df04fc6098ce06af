"""Suppression comments (`<!-- newslint-disable ... -->`) and the front-matter `newslint.ignore`.

Verbs follow markdownlint: `disable` / `enable` (a region), `disable-next-line` (the next
non-blank line), `disable-line` (the comment's own line) and `disable-file`. Rule ids follow the
verb, separated by spaces or commas (none means every rule); a reason may follow `--`. Each
suppression records what it suppressed, so the engine can report the ones that suppress nothing
(ruff's unused-noqa lesson: stale suppressions otherwise pile up).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from .text.document import Document
from .findings import Finding, Span

VERBS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_DIRECTIVE = re.compile(r"<!--\s*newslint-([\w-]*)(.*?)\s*-->", re.S)
_ALL = "*"


@dataclass
class Suppression:
    """One rule (or every rule, `*`) suppressed over a range of lines by one comment or key."""

    rule: str
    first_line: int
    last_line: int
    span: Span
    """Where the suppression is written, for reporting it unused."""
    used: bool = False


@dataclass
class Suppressions:
    entries: list[Suppression] = field(default_factory=list)
    problems: list[tuple[Span, str]] = field(default_factory=list)
    """Malformed directives: (where, what is wrong)."""

    def suppresses(self, rule: str, line: int) -> bool:
        hit = False
        for entry in self.entries:
            if entry.first_line <= line <= entry.last_line and entry.rule in (rule, _ALL):
                entry.used = True
                hit = True
        return hit

    def unused(self, ran: Iterable[str]) -> list[tuple[Span, str]]:
        """(where, message) for suppressions that suppressed nothing among the rules that ran."""
        ran = set(ran)
        by_place: dict[Span, list[str]] = {}
        for entry in self.entries:
            if not entry.used and (entry.rule == _ALL or entry.rule in ran):
                by_place.setdefault(entry.span, []).append(entry.rule)
        messages = []
        for span, rules in by_place.items():
            if rules == [_ALL]:
                messages.append((span, "This suppression suppresses nothing; remove it."))
            else:
                names = ", ".join(f"'{r}'" for r in rules if r != _ALL)
                messages.append((span, f"Suppression of {names} suppresses nothing here; remove it."))
        return messages + self.problems


def find_suppressions(document: Document, known_rules: set[str], ignore_key: str = "newslint") -> Suppressions:
    result = Suppressions()
    lines = document.lines
    last_line = lines.line_count
    open_regions: list[Suppression] = []
    for comment in document.body.comments:
        match = _DIRECTIVE.fullmatch(document.source, comment.start, comment.end)
        if match is None:
            continue
        verb, rest = match.group(1), match.group(2)
        rules_text = rest.split("--", 1)[0]
        rules = [r for r in re.split(r"[\s,]+", rules_text.strip()) if r]
        if verb not in VERBS:
            result.problems.append((comment, f"Unknown directive 'newslint-{verb}' (known: "
                                             + ", ".join(f"newslint-{v}" for v in VERBS) + ")."))
            continue
        unknown = [r for r in rules if r not in known_rules]
        for rule in unknown:
            result.problems.append((comment, f"Suppression names unknown rule '{rule}'."))
        rules = [r for r in rules if r in known_rules] or ([] if unknown else [_ALL])
        first = lines.line_of(comment.start)
        end_line = lines.line_of(max(comment.start, comment.end - 1))
        if verb == "enable":
            for region in list(open_regions):
                if _ALL in rules or region.rule in rules:
                    region.last_line = first
                    open_regions.remove(region)
            continue
        if verb == "disable-line":
            span_lines = (first, end_line)
        elif verb == "disable-next-line":
            target = _next_non_blank_line(lines, end_line + 1)
            span_lines = (target, target)
        elif verb == "disable-file":
            span_lines = (1, last_line)
        else:
            span_lines = (first, last_line)
        for rule in rules:
            entry = Suppression(rule, span_lines[0], span_lines[1], comment)
            result.entries.append(entry)
            if verb == "disable":
                open_regions.append(entry)

    ignored = document.front_matter.get(f"{ignore_key}.ignore")
    key_span = document.front_matter.key_span(f"{ignore_key}.ignore") or document.front_matter.key_span(ignore_key)
    if ignored is not None and key_span is not None:
        names = [ignored] if isinstance(ignored, str) else ignored if isinstance(ignored, list) else []
        for rule in names:
            if not isinstance(rule, str) or rule not in known_rules:
                result.problems.append((key_span, f"Front-matter ignore names unknown rule '{rule}'."))
            else:
                result.entries.append(Suppression(rule, 1, last_line, key_span))
    return result


def _next_non_blank_line(lines, line: int) -> int:
    while line <= lines.line_count and not lines.line_text(line).strip():
        line += 1
    return min(line, lines.line_count)


def apply_suppressions(findings: list[Finding], suppressions: Suppressions, lines) -> list[Finding]:
    return [f for f in findings if not suppressions.suppresses(f.rule, lines.line_of(f.span.start))]
