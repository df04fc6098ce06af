"""The command line: parse arguments, call the runner, render a report, choose the exit code.

Exit codes: 0 clean, 1 findings at or above `fail-on` (or, with --diff, fixes to apply), 2 usage,
configuration or internal error. This is the only module that prints or exits.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from pathlib import Path
from typing import NoReturn, Sequence

from . import __version__
from .errors import NewslintError, UsageError
from .findings import Severity
from .report import FORMATS  # light: a format's module is imported only when it is chosen

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "rules", "rule", "clean", "init", "test", "kb")
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
    check.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD",
                       help="the publication date to assume for drafts that give none")
    check.add_argument("--jobs", "-j", type=_positive, default=os.cpu_count() or 1, metavar="N",
                       help="processes to spread files over (default: the number of cores)")
    check.add_argument("--no-cache", action="store_true",
                       help="do not read or write .newslint_cache (findings of unchanged files)")

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
    return parser


def run() -> NoReturn:
    """The console script and `python -m newslint`: main(), then an immediate exit.

    Python's own teardown of the objects spaCy and the rules leave (run at interpreter exit)
    takes about 0.2 s, as long as linting an article. By the time main() returns, every file
    newslint wrote is closed and any worker pool is shut down, so flushing the standard streams
    is all that is left to do."""
    try:
        code = main()
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
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        argv.insert(0, "check")  # `newslint article.md` means `newslint check article.md`
    args = build_parser().parse_args(argv)
    try:
        if args.command == "rules":
            return _list_rules(args)
        if args.command == "rule":
            return _explain_rule(args)
        if args.command == "clean":
            return _clean(args)
        if args.command == "init":
            return _init(args)
        if args.command == "test":
            return _test_rules(args)
        if args.command == "kb":
            return _kb(args)
        if args.command is None:
            build_parser().print_help()
            return EXIT_CLEAN
        return _check(args)
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


def _check(args: argparse.Namespace) -> int:
    from .engine import Selection
    from .report import ReportOptions, renderer
    from .run.runner import STDIN, Runner, RunOptions

    select = tuple(rule for group in args.select for rule in group) if args.select else None
    options = RunOptions(
        config=args.config, isolated=args.isolated,
        selection=Selection(select=select, ignore=tuple(rule for group in args.ignore for rule in group)),
        force_exclude=args.force_exclude, fix=args.fix, unsafe_fixes=args.unsafe_fixes, diff=args.diff,
        reference_date=args.reference_date, stdin_filename=args.stdin_filename,
        fail_on=Severity.parse(args.fail_on) if args.fail_on else None,
        jobs=args.jobs, cache=not args.no_cache,
    )
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"--config {args.config}: no such file")
    from_stdin = args.paths == [STDIN]
    for path in args.paths:
        if path != STDIN and not os.path.exists(path):
            raise UsageError(f"{path}: no such file or directory")
    stdin = sys.stdin.buffer.read() if from_stdin else None
    runner = Runner(options, stdin)
    with _progress_bar() as progress:
        result = runner.run(args.paths, progress)

    if args.diff:
        _emit("".join(result.diffs), args.output_file)
        return EXIT_FINDINGS if result.diffs else EXIT_CLEAN
    report_stream = sys.stdout
    if from_stdin and args.fix:
        sys.stdout.write(result.fixed_stdin or "")
        report_stream = sys.stderr  # ruff's convention: the fixed text owns stdout
    if args.statistics:
        text = _statistics(result.reports)
    else:
        to_terminal = args.output_file is None and report_stream.isatty()
        color = to_terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        text = renderer(args.format).render(result.reports, ReportOptions(
            color=color, rules=_rule_catalog(runner.linters()), fixed=result.fixed))
    _emit(text, args.output_file, report_stream)
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if result.failing else EXIT_CLEAN


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


def _test_rules(args: argparse.Namespace) -> int:
    from .commands.test import run

    if args.config is not None and not args.config.is_file():
        raise UsageError(f"--config {args.config}: no such file")
    outcome = run(args.targets, config=args.config, isolated=args.isolated)
    for failure in outcome.failures:
        print(failure)
    tested = f"{outcome.rules} rule{'s' if outcome.rules != 1 else ''}, {outcome.examples} examples"
    if outcome.without_examples:
        tested += f" ({len(outcome.without_examples)} without examples: {', '.join(outcome.without_examples)})"
    if outcome.failures:
        print(f"{len(outcome.failures)} failed; {tested}.")
        return EXIT_FINDINGS
    print(f"All examples behave; {tested}.")
    return EXIT_CLEAN


def _init(args: argparse.Namespace) -> int:
    from .commands.init import write_config

    try:
        target, generator = write_config(args.folder, args.force)
    except FileExistsError as err:
        raise UsageError(f"{err.args[0]} exists; use --force to overwrite it") from None
    found = f"for {generator.name}" if generator else "(no site generator recognised)"
    print(f"Wrote {target} {found}.")
    return EXIT_CLEAN


def _clean(args: argparse.Namespace) -> int:
    from .run.cache import CACHE_DIR, clean

    removed = clean(args.folder)
    print(f"Removed {args.folder / CACHE_DIR}." if removed else f"No {args.folder / CACHE_DIR} to remove.")
    return EXIT_CLEAN


def _rule_catalog(linters) -> dict:
    """Every rule the run's linters know, with its level and documentation link."""
    from .core_rules import CORE_RULES
    from .report import RuleInfo

    catalog = {}
    for linter in linters:
        settings = linter.settings
        for rule in linter.rules:
            if not linter.selected(rule.id, rule.pack):
                continue
            catalog.setdefault(rule.id, RuleInfo(rule.id, rule.severity, rule.description,
                                                 settings.rule_link(rule.id, rule.link)))
        for core in CORE_RULES.values():
            if not linter.selected(core.id):
                continue
            catalog.setdefault(core.id, RuleInfo(core.id, settings.severity.get(core.id, core.severity),
                                                 core.description, settings.rule_link(core.id)))
    return catalog


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


def _statistics(reports) -> str:
    counts = Counter((f.rule, f.severity) for report in reports for f in report.findings)
    if not counts:
        return "No findings.\n"
    width = max(len(str(n)) for n in counts.values())
    rule_width = max(len(rule) for rule, _ in counts)
    lines = [f"{n:>{width}}  {rule:<{rule_width}}  {severity.label}"
             for (rule, severity), n in sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))]
    return "\n".join(lines) + "\n"


def _rules_in_force(args: argparse.Namespace):
    from .config import default_settings, find_config, load_settings
    from .engine import Linter

    if args.isolated:
        settings = default_settings()
    elif args.config:
        settings = load_settings(args.config)
    else:
        found = find_config(Path.cwd())
        settings = load_settings(found) if found else default_settings()
    return Linter(settings)


def _list_rules(args: argparse.Namespace) -> int:
    from .core_rules import CORE_RULES

    linter = _rules_in_force(args)
    rows = [(rule.id, rule.kind, rule.severity.label, _first_sentence(rule.description)) for rule in linter.rules]
    rows += [(rule.id, "core", linter.settings.severity.get(rule.id, rule.severity).label,
              _first_sentence(rule.description)) for rule in CORE_RULES.values()]
    rows.sort()
    header = ("RULE", "KIND", "LEVEL", "DESCRIPTION")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        print(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}".rstrip())
    return EXIT_CLEAN


def _explain_rule(args: argparse.Namespace) -> int:
    from .core_rules import CORE_RULES

    linter = _rules_in_force(args)
    rules = {rule.id: rule for rule in linter.rules}
    if args.rule_id in CORE_RULES:
        core = CORE_RULES[args.rule_id]
        print(f"{core.id} (core, {core.severity.label})\n\n{core.description}")
        return EXIT_CLEAN
    if args.rule_id not in rules:
        print(f"newslint: error: unknown rule {args.rule_id!r}; `newslint rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    rule = rules[args.rule_id]
    lines = [f"{rule.id} ({rule.kind}, {rule.severity.label}, pack {rule.pack})", ""]
    if rule.description:
        lines += [rule.description, ""]
    lines += [f"Message: {rule.message}", f"Scope: {', '.join(rule.scope) or 'all prose'}",
              f"Defined in: {rule.path}"]
    if rule.link:
        lines.append(f"Docs: {rule.link}")
    for label, examples in (("Flagged", rule.examples.bad), ("Not flagged", rule.examples.good)):
        if examples:
            # Multi-line examples (front matter and body) keep their shape, indented as a block.
            lines += ["", f"{label}:"] + ["  " + example.rstrip("\n").replace("\n", "\n  ") for example in examples]
    print("\n".join(lines))
    return EXIT_CLEAN


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]


# --- newslint kb: the knowledge base of office holders (the logic is in kb_import.py) ---------


def _add_kb_commands(commands) -> None:
    kb = commands.add_parser("kb", help="the knowledge base of office holders: import, who",
                             description="Refresh or extend the knowledge base of office holders, or ask it.")
    actions = kb.add_subparsers(dest="kb_command", metavar="ACTION", parser_class=_Parser, required=True)
    importing = actions.add_parser("import", help="turn a Wikidata SPARQL JSON result into knowledge-base YAML",
                                   description="Turn the JSON result of the Wikidata query in docs/kb.md "
                                   "into a knowledge-base file (YAML on standard output unless --output).")
    importing.add_argument("file", type=Path, help="the query's JSON result, saved from query.wikidata.org")
    importing.add_argument("--country", required=True, help="the code the offices belong to (GB, UN, ...)")
    importing.add_argument("--name", help="the country's or organisation's name (default: the code)")
    importing.add_argument("--checked", type=_date, metavar="YYYY-MM-DD",
                           help="the date the data was checked, the coverage's end (default: today)")
    importing.add_argument("--since", type=_date, metavar="YYYY-MM-DD",
                           help="the coverage's start (default: each office's earliest start)")
    importing.add_argument("-o", "--output", type=Path, help="write the YAML to this file")
    who = actions.add_parser("who", help="print who held an office on a date",
                             description="Print the holders of the offices with this title on a date.")
    who.add_argument("title", help='an alias ("prime minister", "PM"), an office\'s full title '
                     '("Prime Minister of the United Kingdom") or its id (gb-prime-minister)')
    who.add_argument("--country", help="a code or name from the knowledge base (GB, United Kingdom)")
    who.add_argument("--on", type=_date, metavar="YYYY-MM-DD", help="the date (default: today)")
    who.add_argument("--config", type=Path)
    who.add_argument("--isolated", action="store_true")


def _kb(args: argparse.Namespace) -> int:
    from .kb import wikidata as kb_import

    if args.kb_command == "import":
        _emit(kb_import.import_file(args.file, args.country, args.name or args.country,
                                    args.checked or dt.date.today(), args.since), args.output)
        return EXIT_CLEAN
    print("\n".join(kb_import.who(_rules_in_force(args), args.title, args.country, args.on or dt.date.today())))
    return EXIT_CLEAN
