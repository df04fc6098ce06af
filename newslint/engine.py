"""The engine: runs the active rules over a document and turns their hits into findings.

It owns what the kinds must not decide: rule ids, severities, messages, which rules apply to
which file (select, ignore, per-file-ignores, language), suppressions, de-duplication and
order. It neither reads files nor prints: `runner.py` does I/O, `report/` does output.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .config import Settings, did_you_mean, load_rules, selector_matches_any, selector_names, selects
from .core_rules import CORE_RULES
from .directives import apply_suppressions, find_suppressions
from .text.document import Document
from .errors import UsageError
from .findings import Finding, Hit, Severity, Span
from .report import RuleInfo
from .patterns.globs import matches
from .kinds import KINDS
from .text.markdown import MAX_BLOCKS, MAX_NESTING
from .patterns.safe import PatternTimeout, preview
from .rules import Rule
from .vocab import load_vocab, vocab_folder

CORE_PACK = "core"


@dataclass(frozen=True)
class Selection:
    """Rule choices from the command line, on top of the config's."""

    select: tuple[str, ...] | None = None
    """Replaces the config's `select` when given."""
    ignore: tuple[str, ...] = ()
    """Added to the config's `ignore`."""


_SURROGATE = re.compile("[\ud800-\udfff]")


class Linter:
    """Lints texts under one configuration. Loading it validates every rule (ConfigError)."""

    def __init__(self, settings: Settings, selection: Selection = Selection()) -> None:
        self.settings = settings
        self.selection = selection
        self.rules: tuple[Rule, ...] = load_rules(settings)
        self.rule_ids = {rule.id for rule in self.rules} | set(CORE_RULES)
        self._check_selection()
        # The newsroom's accept/reject lists (vocab.py): read once, honoured for every rule.
        self.vocab = load_vocab(vocab_folder(settings.vocab, settings.path, settings.root))
        self._active_by_path: dict[str, tuple[Rule, ...]] = {}

    def with_selection(self, selection: Selection) -> Linter:
        """The same settings and loaded rules under another selection (nothing is reloaded)."""
        other = copy.copy(self)
        other.selection = selection
        other._active_by_path = {}
        other._check_selection()
        return other

    def _check_selection(self) -> None:
        """A typo in --select or --ignore would silently check everything or nothing: stop instead,
        as a typo in the config's select or ignore does."""
        packs = {pack.name for pack in self.settings.packs} | {CORE_PACK}
        for option, selectors in (("--select", self.selection.select or ()), ("--ignore", self.selection.ignore)):
            for selector in selectors:
                if not selector_matches_any(selector, self.rule_ids, packs):
                    hint = did_you_mean(selector, selector_names(selector, self.rule_ids, packs)) or "; `newslint rules` lists them"
                    raise UsageError(f"{option}: no rule or pack matches {selector!r}{hint}")

    def lint(self, path: str, source: str) -> list[Finding]:
        surrogate = _SURROGATE.search(source)
        if surrogate is not None:
            # Only the API can pass such text (files are decoded strictly); spaCy cannot hash it.
            line = source.count("\n", 0, surrogate.start()) + 1
            column = surrogate.start() - (source.rfind("\n", 0, surrogate.start()) + 1) + 1
            return self.unreadable(path, f"it holds a lone surrogate (U+{ord(surrogate.group()):04X} at line {line}, "
                                         f"column {column}), which no UTF-8 file can; pass text decoded from UTF-8")
        return self.lint_document(Document(path, source, self.settings.article_context))

    def lint_document(self, document: Document) -> list[Finding]:
        if document.body.truncated:  # checking part of it would pass the rest off as clean
            return self.unreadable(document.path, f"it has over {MAX_BLOCKS:,} paragraphs, headings, list "
                                                  "items and table cells, the limit for one article")
        active = self._active_rules(document.path)
        active_ids = {rule.id for rule in active} | {i for i in CORE_RULES if self._runs(i, CORE_PACK, document.path)}
        language = document.language
        findings = list(self._front_matter_findings(document, active_ids))
        if "file-unparsed" in active_ids:
            findings.extend(self._core_finding(
                "file-unparsed", f"newslint could not parse this block ({error}), so it was not checked; "
                "please report this bug with the file.", document.path, Span(offset, offset))
                for offset, error in document.body.unparsed)
            for span in document.body.too_deep:
                first, last = document.lines.position(span.start)[0], document.lines.position(span.end)[0]
                where = f"line {first} was" if first == last else f"lines {first} to {last} were"
                findings.append(self._core_finding(
                    "file-unparsed", "This text is nested too deeply in lists and blockquotes for newslint "
                    f"to read (over {MAX_NESTING // 2 - 1} levels of lists or {MAX_NESTING - 1} of blockquotes), "
                    f"so {where} not checked; flatten the nesting.",
                    document.path, Span(span.start, span.start)))
        for rule in active:
            if rule.language == "en" and language is not None and not language.startswith("en"):
                continue
            kind = KINDS[rule.kind]
            try:
                hits = list(kind.check(document, rule))
            except PatternTimeout as timeout:
                # Partial hits depend on the machine's speed: drop them, and say the rule gave up.
                active_ids.discard(rule.id)  # its suppressions cannot be judged unused
                if "rule-timeout" in active_ids:
                    findings.append(self._timeout_finding(rule, timeout, document))
                continue
            hits = [hit for hit in hits if not self.vocab.accepts_hit(hit, document)]  # accepted terms
            findings.extend(self._finding(rule, hit, document) for hit in hits)
        if "vocab-rejected" in active_ids:
            findings.extend(self._rejected_findings(document))
        suppressions = find_suppressions(document, self.rule_ids)
        findings = apply_suppressions(findings, suppressions, document.lines)
        if "unused-suppression" in active_ids:
            for span, message in suppressions.unused(active_ids):
                findings.append(self._core_finding("unused-suppression", message, document.path, span))
        return sorted_unique(findings)

    def unreadable(self, path: str, reason: str) -> list[Finding]:
        if not self._runs("file-unreadable", CORE_PACK, path):
            return []
        return [self._core_finding("file-unreadable", f"Cannot check this file: {reason}.", path, Span(0, 0))]

    def unwritable(self, path: str, reason: str) -> list[Finding]:
        """A file whose fixes could not be written back (it is unchanged): file-unreadable too."""
        if not self._runs("file-unreadable", CORE_PACK, path):
            return []
        message = f"Cannot write the fixes to this file: {reason}; it was left unchanged."
        return [self._core_finding("file-unreadable", message, path, Span(0, 0))]

    def selected(self, rule_id: str, pack: str = CORE_PACK) -> bool:
        """Whether select/ignore let a rule run at all (per-file-ignores aside)."""
        settings = self.settings
        select = self.selection.select if self.selection.select is not None else settings.select
        return selects(select, rule_id, pack) and not selects(settings.ignore + self.selection.ignore, rule_id, pack)

    def _active_rules(self, path: str) -> tuple[Rule, ...]:
        # Kept on the linter, not in an lru_cache on the method, which would keep every
        # linter (and its rules) alive for as long as the process.
        if path not in self._active_by_path:
            self._active_by_path[path] = tuple(rule for rule in self.rules if self._runs(rule.id, rule.pack, path))
        return self._active_by_path[path]

    def _runs(self, rule_id: str, pack: str, path: str) -> bool:
        if not self.selected(rule_id, pack):
            return False
        settings = self.settings
        for pattern, ids in settings.per_file_ignores.items():
            if selects(ids, rule_id, pack) and matches((pattern,), Path(path), settings.root):
                return False
        return True

    def _front_matter_findings(self, document: Document, active_ids: set[str]) -> Iterable[Finding]:
        front_matter = document.front_matter
        if front_matter.error is not None and "front-matter-invalid" in active_ids:
            offset = min(front_matter.error.offset, len(document.source))
            end = min(offset + 1, document.lines.line_end(document.lines.line_of(offset)))
            yield self._core_finding(
                "front-matter-invalid",
                f"Invalid front matter: {front_matter.error.message}. Fix it so the site generator "
                "can read the title and date; the body was still checked.",
                document.path, Span(offset, max(offset, end)))
        if front_matter.format and front_matter.leading_blank_lines and "front-matter-not-first" in active_ids:
            start = front_matter.span.start
            count = front_matter.leading_blank_lines
            yield self._core_finding(
                "front-matter-not-first",
                f"{count} blank line{'s' if count > 1 else ''} before the front matter; most site "
                "generators read front matter only on line 1. Remove them.",
                document.path, Span(start, start + 3))

    def _finding(self, rule: Rule, hit: Hit, document: Document) -> Finding:
        data = {"match": " ".join(document.source[hit.span.start : hit.span.end].split()), **hit.data}
        message = rule.message.format_map(data)
        severity = min(rule.severity, hit.severity) if hit.severity is not None else rule.severity
        return Finding(rule.id, severity, message, document.path, hit.span, hit.fix)

    def _timeout_finding(self, rule: Rule, timeout: PatternTimeout, document: Document) -> Finding:
        where = f"{timeout.seconds:.1f} s"
        if timeout.reason is not None:  # `regex` refused a pattern `re` had accepted
            message = (f"Rule '{rule.id}' cannot run: its pattern {preview(timeout.pattern)} could not be "
                       f"compiled ({timeout.reason}). Fix the pattern.")
            offset = 0
        elif timeout.earlier:
            message = (f"Rule '{rule.id}' was not run on this file: its pattern {preview(timeout.pattern)} "
                       f"gave up after {where} earlier in this run, as it backtracks catastrophically. "
                       "Simplify the pattern.")
            offset = 0
        else:
            message = (f"Rule '{rule.id}' gave up on this file after {where}: its pattern "
                       f"{preview(timeout.pattern)} backtracks catastrophically. Simplify it; the rule "
                       "is skipped for the rest of this run.")
            offset = min(timeout.offset or 0, len(document.source))
        return self._core_finding("rule-timeout", message, document.path, Span(offset, offset))

    def _rejected_findings(self, document: Document) -> Iterable[Finding]:
        """`vocab-rejected`: every term of the newsroom's reject list in the article's prose."""
        where = self.vocab.reject_file(self.settings.root)
        for span, term in self.vocab.rejected(document):
            yield self._core_finding("vocab-rejected", f"'{term}' is on the newsroom's reject list ({where}); "
                                     "use another word.", document.path, span)

    def _core_finding(self, rule_id: str, message: str, path: str, span: Span) -> Finding:
        severity = self.settings.severity.get(rule_id, CORE_RULES[rule_id].severity)
        return Finding(rule_id, severity, message, path, span)


def rule_catalog(linters) -> dict:
    """Every rule the linters know (selected ones only), with its level and documentation link (for reports)."""
    catalog = {}
    for linter in linters:
        settings = linter.settings
        for rule in linter.rules:
            if not linter.selected(rule.id, rule.pack):
                continue
            catalog.setdefault(rule.id, RuleInfo(rule.id, rule.severity, rule.description,
                                                 settings.rule_link(rule.id, rule.link)))
        for core in CORE_RULES.values():
            if not linter.selected(core.id):
                continue
            catalog.setdefault(core.id, RuleInfo(core.id, settings.severity.get(core.id, core.severity),
                                                 core.description, settings.rule_link(core.id)))
    return catalog


def sorted_unique(findings: Iterable[Finding]) -> list[Finding]:
    unique = {(f.rule, f.span, f.message): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)


def at_or_above(findings: Iterable[Finding], level: Severity) -> int:
    return sum(1 for f in findings if f.severity >= level)
