"""The command line: parse arguments, dispatch to a command, write its outputs, exit.

Exit codes: 0 clean, 1 findings at or above `fail-on` (or, with --diff, fixes to apply), 2 usage,
configuration or internal error. This is the only module that prints or exits; the commands
(`newslint.commands`) return what to write.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from ._version import __version__
from .commands import EXIT_CLEAN, EXIT_ERROR, Outcome
from .errors import NewslintError
from .report import FORMATS  # light: a format's module is imported only when it is chosen

COMMANDS = ("check", "rules", "rule", "clean", "init", "test", "kb", "server", "daemon")
PROGRESS_MIN_FILES = 50


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        print(f"newslint: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (write YYYY-MM-DD)") from None


def _days(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) > 100_000:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days (0 to 100000)")
    return int(value)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="An editorial linter for news articles in markdown.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="lint articles (the default command)",
                                description="Lint markdown articles; directories recurse to *.md and *.markdown.")
    check.add_argument("paths", nargs="*", default=["."], help="files, directories, or - for standard input")
    check.add_argument("--format", choices=FORMATS, default="full",
                       help="output format (default: full)")
    check.add_argument("--output-file", type=Path, help="write the report to this file")
    check.add_argument("--select", type=_csv, action="append", metavar="RULES",
                       help="only these rules (ids, globs such as 'date-*', pack names, or all); replaces the config's")
    check.add_argument("--ignore", type=_csv, action="append", default=[], metavar="RULES",
                       help="skip these rules, on top of the config's ignore")
    check.add_argument("--fail-on", choices=("error", "warning", "info"),
                       help="exit 1 when a finding at or above this level remains (default: error)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    check.add_argument("--config", type=Path, help="use this config file for every article")
    check.add_argument("--isolated", action="store_true", help="ignore all config files")
    check.add_argument("--statistics", action="store_true", help="count findings per rule instead of listing them")
    check.add_argument("--stdin-filename", help="the path to report (and configure) standard input as")
    check.add_argument("--fix", action="store_true", help="apply safe fixes, writing files in place")
    unsafe = check.add_mutually_exclusive_group()
    unsafe.add_argument("--unsafe-fixes", dest="unsafe_fixes", action="store_true", default=None,
                        help="also apply unsafe fixes")
    unsafe.add_argument("--no-unsafe-fixes", dest="unsafe_fixes", action="store_false",
                        help="apply no unsafe fixes, whatever the config says")
    check.add_argument("--diff", action="store_true", help="print the fixes as a diff instead of writing them")
    check.add_argument("--force-exclude", action="store_true",
                       help="apply 'exclude' to files named on the command line too (for pre-commit)")
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                       help="also check files that .gitignore ignores in the folders given")
    check.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD",
                       help="the publication date to assume for drafts that give none")
    check.add_argument("--jobs", "-j", type=_positive, default=os.cpu_count() or 1, metavar="N",
                       help="processes to spread files over (default: the number of cores)")
    check.add_argument("--no-cache", action="store_true",
                       help="do not read or write .newslint_cache (findings of unchanged files)")
    check.add_argument("--no-daemon", action="store_true",
                       help="run here even when a daemon serves this project (also: NEWSLINT_NO_DAEMON=1)")
    archive = check.add_argument_group("an archive's old findings")
    archive.add_argument("--baseline", type=Path, metavar="FILE",
                         help="do not report the findings recorded in this baseline file")
    archive.add_argument("--update-baseline", action="store_true",
                         help="write the current findings to the --baseline file (created if missing; "
                         "entries of files not checked in this run are kept) and report nothing")
    archive.add_argument("--changed-since", metavar="REF",
                         help="check only files changed since the merge base of this git ref and HEAD "
                         "(commits, staged and unstaged edits, untracked files)")
    archive.add_argument("--changed-lines-only", action="store_true",
                         help="with --changed-since: report only findings on changed lines")
    archive.add_argument("--add-noqa", action="store_true",
                         help="insert newslint-disable comments for the current findings, then report what is left")
    archive.add_argument("--noqa-reason", metavar="TEXT",
                         help="the reason --add-noqa writes after '--' (default: says they were added in bulk)")

    init = commands.add_parser("init", help="write a commented .newslint.yaml for this site")
    init.add_argument("folder", nargs="?", type=Path, default=Path("."))
    init.add_argument("--force", action="store_true", help="overwrite an existing .newslint.yaml")

    clean = commands.add_parser("clean", help="remove .newslint_cache from the current folder")
    clean.add_argument("folder", nargs="?", type=Path, default=Path("."))

    listing = commands.add_parser("rules", help="list the rules that would run")
    listing.add_argument("--config", type=Path)
    listing.add_argument("--isolated", action="store_true")

    explain = commands.add_parser("rule", help="explain one rule, with its examples")
    explain.add_argument("rule_id")
    explain.add_argument("--config", type=Path)
    explain.add_argument("--isolated", action="store_true")

    testing = commands.add_parser("test", help="run rules' examples as tests (bad must fire, good must not)",
                                  description="Run the examples of rule files as tests: each bad example must "
                                  "be flagged, each good one must not, each fixed text must be what the fix gives.")
    testing.add_argument("targets", nargs="*", metavar="RULE_FILES|PACK",
                         help="rule files, pack folders or built-in pack names (default: the rules in force)")
    testing.add_argument("--config", type=Path)
    testing.add_argument("--isolated", action="store_true")
    _add_kb_commands(commands)
    server = commands.add_parser("server", help="run the language server for editors (LSP over stdio)",
                                 description="Speak the Language Server Protocol on standard input and output: "
                                 "diagnostics, fixes, suppressions and rule help in the editor (docs/editors.md).")
    server.add_argument("--stdio", action="store_true", help="accepted for editors that pass it; stdio is the only transport")
    server.add_argument("--debounce-ms", type=int, default=150, metavar="MS",
                        help="wait this long after the last keystroke before checking again (default: 150)")
    daemon = commands.add_parser("daemon", help="keep newslint warm in the background for fast checks",
                                 description="A background process that keeps newslint loaded for this "
                                 "project (the nearest folder with .git, else with .newslint.yaml); "
                                 "`newslint check` uses it while it runs this very newslint (docs/daemon.md).")
    daemon.add_argument("action", choices=("start", "stop", "status", "restart"))
    daemon.add_argument("--idle-timeout", type=_positive, default=1800, metavar="SECONDS",
                        help="stop after this long without a request (default: 1800)")
    return parser


def run() -> NoReturn:
    """The console script and `python -m newslint`: main(), then an immediate exit.

    Python's own teardown of the objects spaCy and the rules leave (run at interpreter exit)
    takes about 0.2 s, as long as linting an article. By the time main() returns, every file
    newslint wrote is closed and any worker pool is shut down, so flushing the standard streams
    is all that is left to do."""
    os._exit(exit_code())


def exit_code(argv: Sequence[str] | None = None) -> int:
    """main()'s exit code as the process gives it, the standard streams flushed: what the
    console script ends with, and what a daemon's run reports to its client."""
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse: --help, --version, a usage error
        code = exit_.code
    if code is None:
        code = EXIT_CLEAN
    elif not isinstance(code, int):  # as sys.exit("message") would: print it, exit 1
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader that went away (`| head`) wants nothing more
    return code


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        argv.insert(0, "check")  # `newslint article.md` means `newslint check article.md`
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_CLEAN
    if args.command == "check" and not args.no_daemon:
        # A warm daemon running this very code gives the same answer sooner; any doubt, run here.
        from .daemon.client import run_check
        code = run_check(argv)
        if code is not None:
            return code
    try:
        return _write(_dispatch(args))
    except NewslintError as err:
        print(err, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a bug in newslint: say so in one line, keep the traceback for debugging
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        print(f"newslint: internal error: {type(err).__name__}: {err} (set NEWSLINT_DEBUG=1 for the traceback)",
              file=sys.stderr)
        return EXIT_ERROR


def _dispatch(args: argparse.Namespace) -> Outcome:
    # Each command's module is imported only when it runs: `newslint --version` stays instant.
    if args.command == "rules":
        from .commands.rules import list_rules
        return list_rules(args)
    if args.command == "rule":
        from .commands.rules import explain_rule
        return explain_rule(args)
    if args.command == "clean":
        from .commands.clean import clean
        return clean(args)
    if args.command == "init":
        from .commands.init import init
        return init(args)
    if args.command == "test":
        from .commands.test import test_rules
        return test_rules(args)
    if args.command == "server":
        from .commands.server import serve
        return serve(args)
    if args.command == "daemon":
        from .commands.daemon import daemon
        return daemon(args, exit_code)
    if args.command == "kb":
        from .commands.kb import kb
        return kb(args, dt.date.today())
    from .commands.check import check
    report_on_stderr = args.paths == ["-"] and args.fix
    stream = sys.stderr if report_on_stderr else sys.stdout
    color = stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    with _progress_bar() as progress:
        return check(args, progress, color_allowed=color)


def _write(outcome: Outcome) -> int:
    for output in outcome.outputs:
        stream = sys.stderr if output.stream == "stderr" else sys.stdout
        if output.raw:
            _write_raw(output.text, stream)
        else:
            _emit(output.text, output.file, stream)
    return outcome.code


def _write_raw(text: str, stream) -> None:
    """The document itself (`--fix -`): its own bytes, whatever the locale (surrogateescape gives
    back the bytes of input that was not UTF-8)."""
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode("utf-8", "surrogateescape"))
    binary.flush()


class _progress_bar:
    """A progress bar on stderr for long runs on a terminal; nothing otherwise."""

    def __enter__(self):
        self._progress = None
        return self.start

    def start(self, total: int):
        if total < PROGRESS_MIN_FILES or not sys.stderr.isatty() or os.environ.get("CI"):
            return lambda done: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._progress = Progress("Checking", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                  console=Console(stderr=True), transient=True)
        self._progress.start()
        task = self._progress.add_task("check", total=total)
        return lambda done: self._progress.advance(task, done)

    def __exit__(self, *exc_info) -> None:
        if self._progress is not None:
            self._progress.stop()


def _emit(text: str, output_file: Path | None, stream=None) -> None:
    # A file name that is not UTF-8 comes back as its own bytes (surrogateescape), never a crash.
    if output_file is not None:
        output_file.write_text(text, encoding="utf-8", errors="surrogateescape")
        return
    if not text:
        return
    text = text if text.endswith("\n") else text + "\n"
    stream = stream or sys.stdout
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode(stream.encoding or "utf-8", "surrogateescape"))
    binary.flush()


# --- newslint kb: the knowledge base of office holders (the logic is in commands/kb.py) ---------


def _add_kb_commands(commands) -> None:
    kb = commands.add_parser("kb", help="the knowledge base of office holders: import, who",
                             description="Refresh or extend the knowledge base of office holders, or ask it.")
    actions = kb.add_subparsers(dest="kb_command", metavar="ACTION", parser_class=_Parser, required=True)
    importing = actions.add_parser(
        "import", help="turn public data on office holders into knowledge-base YAML",
        description="Turn the JSON result of the Wikidata query in docs/kb.md, an every-politician-scrapers "
        "holders21.csv, V-DyKnow's wikidata_combined.json, REIGN's leader list or an Archigos table into a "
        "knowledge-base file (YAML on standard output unless --output). REIGN and Archigos record each "
        "state's effective leader, not an office: the import writes one state's spells as the terms of the "
        "one office --office-title names, with the --role given; they give a surname where the file needs a "
        "full name (each such person is marked in the YAML, to be filled in), and REIGN gives the month of "
        "an end, not its day. Check every date against a second source (newslint kb compare).")
    importing.add_argument("file", type=Path, help="the file to import (see --format)")
    importing.add_argument("--format", choices=("wikidata", "holders-csv", "vdyknow", "reign", "archigos"),
                           default="wikidata",
                           help="wikidata: a SPARQL JSON result (default); holders-csv: html/holders21.csv "
                           "of every-politician-scrapers; vdyknow: V-DyKnow's wikidata_combined.json "
                           "(the country chosen by --name); reign: REIGN's leaderlist CSV; archigos: an "
                           "Archigos 4.1 table, tab- or comma-separated (reign and archigos: the state chosen "
                           "by --state, the office named by --office-title)")
    importing.add_argument("--office", action="append", metavar="LABEL",
                           help="holders-csv and vdyknow: import only the offices with this label "
                           "(repeatable; default: all)")
    importing.add_argument("--state", metavar="CODE",
                           help="reign and archigos: the state, as the file codes it (UKG, or 200)")
    importing.add_argument("--office-title", metavar="TITLE",
                           help='reign and archigos: the office the leaders held ("Prime Minister of the '
                           'United Kingdom"); its id and alias come from it')
    importing.add_argument("--role", action="append", metavar="ROLE",
                           help="the office's role (repeatable: head-of-state, head-of-government, ...); "
                           "with several offices, choose one with --office")
    importing.add_argument("--country", required=True, help="the code the offices belong to (GB, UN, ...)")
    importing.add_argument("--name", help="the country's or organisation's name (default: the code); "
                           "for vdyknow also the country to read, as the file spells it")
    importing.add_argument("--checked", type=_date, metavar="YYYY-MM-DD",
                           help="the date the data was checked, the coverage's end (default: today)")
    importing.add_argument("--since", type=_date, metavar="YYYY-MM-DD",
                           help="the coverage's start (default: each office's earliest start)")
    importing.add_argument("-o", "--output", type=Path, help="write the YAML to this file")
    comparing = actions.add_parser(
        "compare", help="list where a knowledge-base file disagrees with a second source",
        description="Compare one office of a knowledge-base file with a second source: each handover whose "
        "dates differ by more than --days, each term one has and the other lacks, one line each. People are "
        "matched by name (a surname is enough, accents and case ignored), since ids differ between sources. "
        "Only the days both know are compared: from the office's coverage start (or --since) to the earlier "
        "of its coverage end and the source's last date (or --until). Exit 0 when they agree, 1 when they "
        "differ, 2 on bad input.")
    comparing.add_argument("file", type=Path, help="the knowledge-base YAML file")
    comparing.add_argument("source", type=Path, help="the second source's file (see --format)")
    comparing.add_argument("--format", required=True, choices=("reign", "archigos", "vdyknow", "holders-csv"),
                           help="the second source's format, as for kb import")
    comparing.add_argument("--office", metavar="ID", help="the office of FILE to compare (needed when it has several)")
    comparing.add_argument("--state", metavar="CODE", help="reign and archigos: the state (UKG, or 200)")
    comparing.add_argument("--name", help="vdyknow: the country, as the file spells it")
    comparing.add_argument("--label", metavar="LABEL",
                           help="holders-csv and vdyknow: the source's office label (needed when it has several)")
    comparing.add_argument("--days", type=_days, default=0, metavar="N",
                           help="report dates that differ by more than N days (default 0)")
    comparing.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="compare from this day")
    comparing.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="compare to this day")
    who = actions.add_parser("who", help="print who held an office on a date",
                             description="Print the holders of the offices with this title on a date.")
    who.add_argument("title", help='an alias ("prime minister", "PM"), an office\'s full title '
                     '("Prime Minister of the United Kingdom") or its id (gb-prime-minister)')
    who.add_argument("--country", help="a code or name from the knowledge base (GB, United Kingdom)")
    who.add_argument("--on", type=_date, metavar="YYYY-MM-DD", help="the date (default: today)")
    who.add_argument("--config", type=Path)
    who.add_argument("--isolated", action="store_true")
