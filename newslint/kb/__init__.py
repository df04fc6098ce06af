"""The knowledge base of office holders: who held which office, from when to when.

`records` holds the data model and its indexes; `loading` reads and validates the YAML files.
For `newslint kb` only, never imported when linting: the readers of `kb import` (`wikidata`,
`holders_csv`, `vdyknow`, `reign`, `archigos`, the last three through `table`), the `writer`
they share, and `compare` (`kb compare`).
"""
from __future__ import annotations

from .loading import kb_files, load_kb
from .records import ROLES, KnowledgeBase, Office, PartialDate, Person, Term, fold

__all__ = ["ROLES", "KnowledgeBase", "Office", "PartialDate", "Person", "Term", "fold", "kb_files", "load_kb"]
