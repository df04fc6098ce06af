"""`newslint kb compare FILE SOURCE --format ...`: read one office of a knowledge-base file and the
same office in a second source, and say where they disagree (the comparing is `kb.compare`).

FILE is loaded with the built-in knowledge base beneath it, so a newsroom's file that names
built-in people loads, and validated as strictly as always (errors at path:line, exit 2).
"""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from . import EXIT_CLEAN, EXIT_FINDINGS, says, Outcome
from ..errors import UsageError
from ..kb import archigos, holders_csv, load_kb, reign, vdyknow
from ..kb.compare import Spell, compare, name_keys
from ..kb.records import KnowledgeBase, Office
from ..kb.writer import Row
from ..rules import builtin_packs, data_dir_for


def compare_command(args: argparse.Namespace) -> Outcome:
    if not args.file.is_file():
        raise UsageError(f"{args.file}: no such file")
    kb = load_kb(_with_builtin(args.file))
    office = _office(kb, args.file, args.office)
    rows, latest = _source(args, office)
    # Nothing before the source's first spell is judged either: V-DyKnow lists some offices
    # from 2012 only, and a term it does not reach is no disagreement.
    earliest = min((r.start.earliest for r in rows if r.start), default=office.covered_from)
    first = args.since or max(office.covered_from, earliest)
    # --until stands for the source's own last day (a file that gives none, or says it badly).
    last = min(d for d in (office.covered_to, args.until or latest) if d is not None)
    if last < first:
        raise UsageError(f"nothing to compare: the days both know run from {first} to {last} "
                         "(the later of the office's coverage start, the source's first spell and --since; "
                         "the earlier of its coverage end, the source's last day and --until)")
    if not any(r.start is None or r.start.earliest <= last for r in rows if r.end is None or r.end.latest >= first):
        # Most often the wrong state: Archigos codes unified Germany GFR, and GMY is the Reich.
        raise UsageError(f"{args.source}: no spell of the selection falls between {first} and {last}; "
                         "is it the right state or office?")
    ours = [Spell(kb.name_of(t.person), _person_keys(kb, t.person), t.start, t.end, t.status) for t in office.terms]
    theirs = [Spell(r.person_label, name_keys(r.person_label), r.start, r.end, "acting" if r.acting else None)
              for r in rows]
    labels = (args.file.name, args.source.name)
    differences = compare(ours, theirs, (first, last), args.days, labels)
    span = f"from {first} to {last}" + (f", more than {args.days} day{'s' if args.days != 1 else ''} apart" if args.days else "")
    if not differences:
        return says(EXIT_CLEAN, f"{office.id}: {labels[0]} agrees with {labels[1]} {span}")
    lines = [f"{office.id}: {d.text}" for d in differences]
    lines.append(f"{office.id}: {len(differences)} difference{'s' if len(differences) != 1 else ''} "
                 f"between {labels[0]} and {labels[1]} {span}")
    return says(EXIT_FINDINGS, "\n".join(lines))


def _with_builtin(path: Path) -> tuple[Path, ...]:
    packs = builtin_packs()
    if "newsroom" not in packs:
        return (path,)
    folder = data_dir_for(packs["newsroom"]) / "officeholders"
    return (folder, path) if folder.is_dir() and path.resolve().parent != folder.resolve() else (folder,)


def _office(kb: KnowledgeBase, path: Path, wanted: str | None) -> Office:
    mine = [o for o in kb.offices.values() if Path(o.source).resolve() == path.resolve()]
    if not mine:
        raise UsageError(f"{path}: no office")
    if wanted is None:
        if len(mine) > 1:
            raise UsageError(f"{path} has {len(mine)} offices; choose one with --office "
                             f"({', '.join(o.id for o in mine)})")
        return mine[0]
    for office in mine:
        if office.id == wanted:
            return office
    raise UsageError(f"{path} has no office {wanted!r} (it has {', '.join(o.id for o in mine)})")


def _source(args: argparse.Namespace, office: Office) -> tuple[list[Row], dt.date | None]:
    """The source's terms for the office, and the last day the source knows of."""
    if args.format in ("reign", "archigos"):
        if not args.state:
            raise UsageError(f"--format {args.format} needs --state (the state as the file codes it: UKG, or 200)")
        spells = (reign if args.format == "reign" else archigos).read_spells(args.source, args.state, office.title)
        return list(spells.rows), spells.latest
    if args.format == "vdyknow":
        if not args.name:
            raise UsageError("--format vdyknow needs --name, the country as the file spells it")
        rows = vdyknow.read_rows(args.source, args.name, (args.label,) if args.label else ())
    else:
        rows = holders_csv.read_rows(args.source, (args.label,) if args.label else ())
    labels = sorted({r.position_label for r in rows})
    if len(labels) > 1:
        raise UsageError(f"{args.source} has {len(labels)} offices; choose one with --label ({'; '.join(labels)})")
    # These files give no closing day: the last date of the office's own rows stands for it (an
    # open term may have ended after it); --until judges further, to the day the file was made.
    latest = max((d.latest for r in rows for d in (r.start, r.end) if d is not None), default=None)
    return rows, latest


def _person_keys(kb: KnowledgeBase, pid: str) -> frozenset[str]:
    person = kb.people[pid]
    return name_keys(person.name, *person.aliases)
