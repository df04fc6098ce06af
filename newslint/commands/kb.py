"""`newslint kb import` and `newslint kb who`: refresh the knowledge base, or ask it."""
from __future__ import annotations

import argparse
import datetime as dt

from . import EXIT_CLEAN, Outcome, Output, says
from .rules import linter_in_force
from ..errors import UsageError
from ..kb import load_kb
from ..kb.wikidata import describe_holders, import_file
from ..rules import builtin_packs, data_dir_for


def kb(args: argparse.Namespace, today: dt.date) -> Outcome:
    if args.kb_command == "import":
        text = import_file(args.file, args.country, args.name or args.country, args.checked or today, args.since)
        return Outcome(EXIT_CLEAN, (Output(text, file=args.output),))
    return says(EXIT_CLEAN, "\n".join(who(linter_in_force(args), args.title, args.country, args.on or today)))


def who(linter, title: str, country: str | None, on: dt.date) -> list[str]:
    """`newslint kb who`: the holders of an office, from the knowledge base the rules in force
    read (their `officeholders` folder and the config's `kb:` files)."""
    folders = [rule.options.officeholders for rule in linter.rules if rule.kind == "titles"]
    if not folders and "newsroom" in builtin_packs():
        folders = [data_dir_for(builtin_packs()["newsroom"]) / "officeholders"]
    kb = load_kb((*dict.fromkeys(folders), *linter.settings.kb))
    code = None
    if country is not None:
        code = kb.country_code(country)
        if code is None:
            known = ", ".join(f"{c} ({n})" for c, n in sorted(kb.countries.items()))
            raise UsageError(f"unknown country {country!r}; the knowledge base has {known}")
    lines = describe_holders(kb, title, on, code)
    if not lines:
        raise UsageError(f"no office in the knowledge base is titled {title!r}"
                            + (f" in {country}" if country else ""))
    return lines
