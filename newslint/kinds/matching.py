"""Regex matching over prose blocks, shared by the kinds that take patterns."""
from __future__ import annotations

import re
from typing import Iterator

from ..document import Document
from ..prose import ProseBlock


def prose_matches(document: Document, scope: tuple[str, ...], pattern: re.Pattern,
                  exceptions: re.Pattern | None = None) -> Iterator[tuple[ProseBlock, re.Match]]:
    """Every match of `pattern` in the prose of `scope`, minus those an exception covers whole."""
    for block in document.prose(scope):
        for match in pattern.finditer(block.text):
            if match.start() == match.end():
                continue  # an empty match points at nothing an editor could change
            if exceptions is not None and exceptions.fullmatch(match.group()):
                continue
            yield block, match


def read_word_list(path) -> tuple[str, ...]:
    """One entry per line; blank lines and lines starting with '#' are skipped."""
    with open(path, encoding="utf-8") as handle:
        return tuple(line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#"))
