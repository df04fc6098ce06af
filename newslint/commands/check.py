"""`newslint check`: lint files (or standard input), fix or diff them, and render the report."""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from typing import Callable

from . import EXIT_CLEAN, EXIT_FINDINGS, Outcome, Output
from .rules import rule_catalog
from ..engine import Selection
from ..errors import UsageError
from ..findings import Severity
from ..report import ReportOptions, renderer
from ..run.runner import STDIN, Runner, RunOptions


def check(args: argparse.Namespace, progress: Callable | None = None, color_allowed: bool = False) -> Outcome:
    """Lint `args.paths`; `color_allowed` says whether the report's stream is a colour terminal."""
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
    result = runner.run(args.paths, progress)

    if args.diff:
        return Outcome(EXIT_FINDINGS if result.diffs else EXIT_CLEAN,
                       (Output("".join(result.diffs), file=args.output_file),))
    outputs = []
    report_stream = "stdout"
    if from_stdin and args.fix:
        outputs.append(Output(result.fixed_stdin or "", raw=True))
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
