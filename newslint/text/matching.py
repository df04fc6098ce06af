"""Regex matching over prose blocks, shared by the kinds that take patterns."""
from __future__ import annotations

import re
from typing import Iterator

from ..patterns.safe import PatternTimeout, SafePattern
from .document import Document
from .prose import ProseBlock


def prose_matches(document: Document, scope: tuple[str, ...], pattern: SafePattern,
                  exceptions: SafePattern | None = None) -> Iterator[tuple[ProseBlock, re.Match]]:
    """Every match of `pattern` in the prose of `scope`, minus those an exception covers whole.

    A pattern that gives up (PatternTimeout) says in which block, for the engine's finding.
    """
    for block in document.prose(scope):
        if not pattern.may_occur(block.folded):
            continue
        try:
            for match in pattern.finditer(block.text):
                if match.start() == match.end():
                    continue  # an empty match points at nothing an editor could change
                if exceptions is not None and exceptions.fullmatch(match.group()):
                    continue
                yield block, match
        except PatternTimeout as timeout:
            if timeout.offset is None and block.text:
                timeout.offset = block.source_span(0, 1).start
            raise
