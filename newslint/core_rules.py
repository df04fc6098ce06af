"""Findings the engine itself raises, about the file rather than its prose.

They are listed, selected, ignored and re-levelled like any rule, but they are not rule files:
no kind produces them, and no pack can leave them out.
"""
from __future__ import annotations

from dataclasses import dataclass

from .findings import Severity


@dataclass(frozen=True)
class CoreRule:
    id: str
    severity: Severity
    description: str


CORE_RULES = {rule.id: rule for rule in (
    CoreRule("file-unreadable", Severity.ERROR,
             "The file could not be read or is not UTF-8 text, so nothing in it was checked; or, "
             "with --fix, its fixed text could not be written back, so it is unchanged."),
    CoreRule("file-unparsed", Severity.ERROR,
             "Part of the file was not checked: it is nested too deeply in lists and blockquotes "
             "for newslint to read, or newslint failed to parse it (a bug: please report it with "
             "the file). The rest of the file was checked."),
    CoreRule("front-matter-invalid", Severity.ERROR,
             "The front matter does not parse, so the site generator will fail or drop it; "
             "the body is still checked."),
    CoreRule("front-matter-not-first", Severity.WARNING,
             "Blank lines stand before the front matter; most site generators read front matter "
             "only on the first line."),
    CoreRule("rule-timeout", Severity.WARNING,
             "A rule's regular expression took longer than its time limit (it backtracks "
             "catastrophically), so the rule gave up on this file and is skipped for the rest of "
             "the run; simplify the pattern."),
    CoreRule("vocab-rejected", Severity.ERROR,
             "A term from the newsroom's reject list (.newslint/vocab/reject.txt, or the folder the "
             "config's 'vocab' key names) appears in the article; use the house word instead."),
    CoreRule("unused-suppression", Severity.WARNING,
             "A newslint-disable comment or front-matter ignore suppresses nothing; remove it so "
             "stale suppressions do not pile up."),
)}
