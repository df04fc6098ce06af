"""`newslint check`: lint files (or standard input), fix or diff them, and render the report."""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from typing import Callable

from . import EXIT_CLEAN, EXIT_FINDINGS, Outcome, Output
from ..engine import Selection, rule_catalog
from ..errors import UsageError
from ..findings import Severity
from ..report import ReportOptions, renderer
from ..run.runner import STDIN, Interrupted, Runner, RunOptions
from ..run.sources import read_stream


def check(args: argparse.Namespace, progress: Callable | None = None, color_allowed: bool = False) -> Outcome:
    """Lint `args.paths`; `color_allowed` says whether the report's stream is a colour terminal."""
    select = tuple(rule for group in args.select for rule in group) if args.select else None
    options = RunOptions(
        config=args.config, isolated=args.isolated,
        selection=Selection(select=select, ignore=tuple(rule for group in args.ignore for rule in group)),
        force_exclude=args.force_exclude, respect_gitignore=args.respect_gitignore, fix=args.fix, unsafe_fixes=args.unsafe_fixes, diff=args.diff,
        reference_date=args.reference_date, stdin_filename=args.stdin_filename,
        fail_on=Severity.parse(args.fail_on) if args.fail_on else None,
        jobs=args.jobs, cache=not args.no_cache,
    )
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"--config {args.config}: no such file")
    from_stdin = args.paths == [STDIN]
    if STDIN in args.paths and not from_stdin:
        raise UsageError(f"'{STDIN}' (standard input) must be the only path when it is given.")
    for path in args.paths:
        # lexists: a dangling link or a link loop is an article that cannot be read (a finding),
        # as pre-commit passes such files by name; only a path that is nothing at all is a typo.
        if path != STDIN and not os.path.lexists(path):
            raise UsageError(f"{path}: no such file or directory")
    stdin, too_big = read_stdin() if from_stdin else (None, None)
    if too_big and args.fix:
        # The document cannot be given back whole, and a part of it on stdout would replace it.
        raise UsageError(f"standard input {too_big.removeprefix('it ')}; nothing was written to standard output.")
    runner = Runner(options, too_big or stdin)
    try:
        result = runner.run(args.paths, progress)
    except Interrupted as stop:
        return Outcome(EXIT_INTERRUPTED, (Output(interrupted(stop.written, args.fix and not args.diff), "stderr"),))

    outputs = []
    if not result.reports and not from_stdin:
        outputs.append(Output(nothing_checked(result.skipped.articles()), "stderr"))
    if args.diff:
        return Outcome(EXIT_FINDINGS if result.diffs else EXIT_CLEAN,
                       (*outputs, Output("".join(result.diffs), file=args.output_file)))
    report_stream = "stdout"
    if from_stdin and args.fix:
        # Standard output is the document: the fixed text, or the input unchanged when it could not
        # be read or was excluded. An editor or pipe must never get an empty article back.
        document = stdin if result.fixed_stdin is None else result.fixed_stdin
        outputs.append(Output(document.decode("utf-8", "surrogateescape"), raw=True))
        report_stream = "stderr"  # ruff's convention: the fixed text owns stdout
    if args.statistics:
        text = statistics(result.reports)
    else:
        text = renderer(args.format).render(result.reports, ReportOptions(
            color=color_allowed and args.output_file is None, rules=rule_catalog(runner.linters()),
            fixed=result.fixed))
    outputs.append(Output(text, report_stream, args.output_file))
    code = EXIT_CLEAN if args.exit_zero or not result.failing else EXIT_FINDINGS
    return Outcome(code, tuple(outputs))


def nothing_checked(skipped: dict[str, int]) -> str:
    """The warning for a run that found no article to check: a clean report alone would read as
    a pass, when the paths, .gitignore or `exclude` left nothing to lint."""
    reasons = []
    if skipped["gitignored"]:
        reasons.append(f"{_files(skipped['gitignored'])} ignored by .gitignore (--no-respect-gitignore checks them)")
    if skipped["excluded"]:
        reasons.append(f"{_files(skipped['excluded'])} excluded by the config's exclude")
    why = "; ".join(reasons) if reasons else "no .md or .markdown file in the paths given"
    return f"newslint: warning: no file was checked: {why}."


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def interrupted(written: tuple[str, ...], fixing: bool) -> str:
    """What Ctrl-C leaves to say: which files now hold fixes (all others are as they were)."""
    if not fixing:
        return "newslint: interrupted."
    if not written:
        return "newslint: interrupted; no file was written."
    files = "1 file" if len(written) == 1 else f"{len(written)} files"
    return "\n".join([f"newslint: interrupted; fixes were written to {files}:", *(f"  {path}" for path in written)])


def read_stdin() -> tuple[bytes, str | None]:
    """Standard input's bytes, read no further than the article size limit, and the reason it
    cannot be checked when it is longer."""
    if sys.stdin is None or getattr(sys.stdin, "buffer", None) is None:  # started with stdin closed (`<&-`)
        raise UsageError("standard input is closed; there is nothing to check.")
    try:
        return read_stream(sys.stdin.buffer)
    except (OSError, ValueError) as err:
        raise UsageError(f"standard input cannot be read ({err}).") from None


def statistics(reports) -> str:
    """`--statistics`: the count of findings per rule and level, most frequent first."""
    counts = Counter((f.rule, f.severity) for report in reports for f in report.findings)
    if not counts:
        return "No findings.\n"
    width = max(len(str(n)) for n in counts.values())
    rule_width = max(len(rule) for rule, _ in counts)
    lines = [f"{n:>{width}}  {rule:<{rule_width}}  {severity.label}"
             for (rule, severity), n in sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))]
    return "\n".join(lines) + "\n"
