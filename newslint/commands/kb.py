"""`newslint kb import` and `newslint kb who`: refresh the knowledge base, or ask it."""
from __future__ import annotations

import argparse
import datetime as dt

from . import EXIT_CLEAN, Outcome, Output, says
from .rules import linter_in_force
from ..errors import UsageError
from ..kb import load_kb
from ..kb import ROLES, archigos, holders_csv, reign, vdyknow, wikidata
from ..kb.wikidata import describe_holders
from ..kb.writer import to_yaml
from ..rules import builtin_packs, data_dir_for


def kb(args: argparse.Namespace, today: dt.date) -> Outcome:
    if args.kb_command == "import":
        text = import_text(args.file, args.format, args.country, args.name, args.checked or today, args.since,
                           tuple(args.office or ()), state=args.state, office_title=args.office_title,
                           roles=tuple(args.role or ()))
        return Outcome(EXIT_CLEAN, (Output(text, file=args.output),))
    if args.kb_command == "compare":
        from .kb_compare import compare_command
        return compare_command(args)
    return says(EXIT_CLEAN, "\n".join(who(linter_in_force(args), args.title, args.country, args.on or today)))


SPELL_READERS = {"reign": (reign, "REIGN's leader list"), "archigos": (archigos, "Archigos")}


def import_text(path, form: str, country: str, name: str | None, checked: dt.date,
                since: dt.date | None, offices: tuple[str, ...], *, state: str | None = None,
                office_title: str | None = None, roles: tuple[str, ...] = ()) -> str:
    """`newslint kb import`: the knowledge-base YAML for a file in one of the public formats."""
    for role in roles:
        if role not in ROLES:
            raise UsageError(f"unknown role {role!r} (known: {', '.join(ROLES)})")
    if form in SPELL_READERS:
        reader, source = SPELL_READERS[form]
        if not state or not office_title:
            raise UsageError(f"--format {form} needs --state (the state as the file codes it, such as UKG "
                             "or 200) and --office-title (the office its leaders held, such as "
                             "\"Prime Minister of the United Kingdom\")")
        if offices:
            raise UsageError(f"--office selects offices of holders-csv and vdyknow files; {form} has one "
                             "office, named by --office-title")
        spells = reader.read_spells(path, state, office_title)
        return to_yaml(list(spells.rows), country, name or country, checked, since, source=source, roles=roles)
    if state or office_title:
        raise UsageError("--state and --office-title belong to --format reign and archigos")
    if form == "holders-csv":
        rows, source = holders_csv.read_rows(path, offices), "every-politician-scrapers' holders21.csv"
    elif form == "vdyknow":
        if not name:
            raise UsageError("--format vdyknow needs --name, the country as the file spells it")
        rows, source = vdyknow.read_rows(path, name, offices), "V-DyKnow's wikidata_combined.json"
    else:
        if offices:
            raise UsageError("--office selects offices of holders-csv and vdyknow files; "
                             "a Wikidata query selects its own")
        rows, source = wikidata.read_rows(path), "a Wikidata query result"
    if roles and len({row.position or row.position_label for row in rows}) > 1:
        raise UsageError("--role gives the roles of one office; choose it with --office")
    return to_yaml(rows, country, name or country, checked, since, source=source, roles=roles)


def who(linter, title: str, country: str | None, on: dt.date) -> list[str]:
    """`newslint kb who`: the holders of an office, from the knowledge base the rules in force
    read (their `officeholders` folder and the config's `kb:` files)."""
    titles = [rule for rule in linter.rules if rule.kind == "titles"]
    folders = [rule.options.officeholders for rule in titles]
    if not folders and "newsroom" in builtin_packs():
        folders = [data_dir_for(builtin_packs()["newsroom"]) / "officeholders"]
    kb = load_kb((*dict.fromkeys(folders), *linter.settings.kb))
    code = None
    if country is not None:
        code = kb.country_code(country) or _place_code(titles, country, kb)
        if code is None:
            known = ", ".join(f"{c} ({n})" for c, n in sorted(kb.countries.items()))
            raise UsageError(f"unknown country {country!r}; the knowledge base has {known}")
    lines = describe_holders(kb, title, on, code)
    if not lines:
        raise UsageError(f"no office in the knowledge base is titled {title!r}"
                            + (f" in {country}" if country else ""))
    return lines


def _place_code(titles, country: str, kb) -> str | None:
    """A country the knowledge base covers, named as the title rules know it: "UK", "Britain",
    "Türkiye", "the Netherlands", "Korea" (rules/data/places.yaml)."""
    text = " ".join(country.split())
    if text[:4].lower() == "the ":
        text = text[4:]
    for rule in titles:
        code = rule.options.titles.place_code(text)
        if code in kb.countries:
            return code
    return None
