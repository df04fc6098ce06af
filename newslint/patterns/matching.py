"""Regex matching over prose blocks, shared by the kinds that take patterns."""
from __future__ import annotations

import os
import re
from typing import Iterator

from ..text.document import Document
from .safe import PatternTimeout, SafePattern
from ..text.prose import ProseBlock
from ..yamlfile import MAX_FILE_BYTES


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


def read_word_list(path) -> tuple[str, ...]:
    """One entry per line; blank lines and lines starting with '#' are skipped.

    Like rule files, a list is limited to MAX_FILE_BYTES, so a runaway file is refused at once.
    """
    size = os.stat(path).st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"data file {os.path.basename(path)} is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    with open(path, encoding="utf-8") as handle:
        return tuple(line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#"))
