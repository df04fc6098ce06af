"""A newsroom's vocabulary: terms it accepts everywhere and terms it rejects everywhere (Vale's
`accept.txt` and `reject.txt`).

The folder is `.newslint/vocab/` beside the config file, or the one the config's `vocab:` key
names. Each file holds one term per line: a word, a phrase or a regular expression; blank lines
and lines starting with '#' are skipped; matching ignores case (write `(?-i:iPhone)` for one exact
spelling). The engine drops every hit whose matched text is an accepted term (or, for a hit about
several words such as a heading's case, when every word it names is accepted), whatever its rule,
and reports every rejected term through the core rule `vocab-rejected`. Kinds never read these
files; this module never looks anywhere but the folder the configuration points to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .text.document import Document
from .errors import ConfigError
from .findings import Hit, Span
from .patterns.safe import PatternTimeout, alternation, compile_pattern
from .text.prose import BLOCK_KINDS

FOLDER = Path(".newslint") / "vocab"
ACCEPT, REJECT = "accept.txt", "reject.txt"
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_ALL_PROSE = ("front-matter", *BLOCK_KINDS)


@dataclass(frozen=True)
class Vocab:
    accept: re.Pattern | None = None
    reject: re.Pattern | None = None
    folder: Path | None = None

    def accepts(self, text: str) -> bool:
        if self.accept is None:
            return False
        try:
            return self.accept.fullmatch(" ".join(text.split())) is not None
        except PatternTimeout:
            raise self._gave_up(ACCEPT) from None

    def accepts_hit(self, hit: Hit, document: Document) -> bool:
        """Whether the vocabulary accepts what a hit is about, so that no rule reports it."""
        if self.accept is None:
            return False
        terms = hit.data.get("terms")
        if terms:
            return all(self.accepts(term) for term in terms)
        text = hit.data.get("match") or document.source[hit.span.start : hit.span.end]
        return bool(text) and self.accepts(text)

    def rejected(self, document: Document) -> Iterator[tuple[Span, str]]:
        """The source span and text of every rejected term in the article's prose."""
        if self.reject is None:
            return
        try:
            for block in document.prose(_ALL_PROSE):
                for match in self.reject.finditer(block.text):
                    if match.end() > match.start():
                        yield block.source_span(match.start(), match.end()), match.group()
        except PatternTimeout:
            raise self._gave_up(REJECT) from None

    def _gave_up(self, name: str) -> ConfigError:
        """A catastrophic entry stops the run loudly: the list applies to every article."""
        return ConfigError((self.folder or Path()) / name, 1,
                           "an entry backtracks catastrophically (matching gave up); simplify it")

    def reject_file(self, root: Path) -> str:
        """Where the reject list is, relative to the config's folder when it lies inside it."""
        path = (self.folder or Path()) / REJECT
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return str(path)


def vocab_folder(configured: Path | None, config_path: Path | None, root: Path) -> Path | None:
    """The vocabulary folder in force: the configured one, else `.newslint/vocab` beside the
    config file (only when there is a config file), else none."""
    if configured is not None:
        return configured
    if config_path is None:
        return None
    folder = root / FOLDER
    return folder if folder.is_dir() else None


def load_vocab(folder: Path | None) -> Vocab:
    """Read and compile both lists; a bad entry is a ConfigError at its line."""
    if folder is None:
        return Vocab()
    accept = _read_terms(folder / ACCEPT)
    reject = _read_terms(folder / REJECT)
    return Vocab(
        accept=compile_pattern("|".join(f"(?:{term})" for _, term in accept), ignorecase=True) if accept else None,
        reject=(compile_pattern(alternation(tuple(term for _, term in reject), nonword=False), ignorecase=True)
                if reject else None),
        folder=folder,
    )


def _read_terms(path: Path) -> list[tuple[int, str]]:
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(path, 1, f"cannot read the vocabulary: {err}") from None
    terms = []
    for number, line in enumerate(text.splitlines(), start=1):
        term = line.strip()
        if not term or term.startswith("#"):
            continue
        if _GLOBAL_FLAGS.match(term):
            # Entries are joined into one pattern, where a leading (?i) is no longer leading.
            raise ConfigError(path, number, "inline flags such as '(?i)' are not allowed in a vocabulary entry: "
                                            "entries already match in any case; remove the flags")
        try:
            compile_pattern(term)
            compile_pattern(f"(?:{term})")  # as it is used, inside the joined pattern
        except ValueError as err:
            raise ConfigError(path, number, str(err)) from None
        terms.append((number, term))
    return terms
