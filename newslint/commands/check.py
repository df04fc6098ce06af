"""`newslint check`: lint files (or standard input), fix or diff them, and render the report."""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
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
    _check_archive_flags(args, from_stdin)
    baseline = _baseline(args)
    if baseline is not None and not args.update_baseline:
        options = replace(options, baseline=baseline)
    changes = None
    if args.changed_since is not None:
        from ..run.changes import changes_since
        changes = changes_since(args.changed_since, with_lines=args.changed_lines_only)
        options = replace(options, only=changes.files)
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
    if changes is not None and not result.reports:
        outputs.append(Output(f"newslint: no file among the paths given changed since {changes.ref} "
                              f"(merge base {changes.base[:12]}); nothing to check.", "stderr"))
    elif not result.reports and not from_stdin:
        outputs.append(Output(nothing_checked(result.skipped.articles()), "stderr"))
    if args.update_baseline:
        return Outcome(EXIT_CLEAN, (*outputs, Output(_update_baseline(baseline, result.reports), "stderr")))
    reports = result.reports
    if baseline is not None:
        from ..run.baseline import match
        matched = match(baseline, reports)
        reports = matched.reports
        outputs.append(Output(_baseline_note(args.baseline, matched.hidden, matched.stale), "stderr"))
    if changes is not None and args.changed_lines_only:
        from ..run.changes import on_changed_lines
        reports = on_changed_lines(changes, reports)
    if args.add_noqa:
        from ..run.noqa import add_noqa_to_files
        noqa = add_noqa_to_files(runner.linter_for, reports, args.noqa_reason)
        reports = noqa.reports
        note = (f"newslint: added {_count(noqa.comments, 'suppression comment', 'suppression comments')} "
                f"to {_count(noqa.files, 'file', 'files')}")
        if noqa.left:
            note += (f"; {_count(noqa.left, 'finding', 'findings')} cannot be suppressed by a comment "
                     "(in front matter, an unreadable file, or where no comment takes effect), listed below")
        outputs.append(Output(note + ".", "stderr"))
    failing = result.failing
    if reports is not result.reports:
        failing = sum(1 for report in reports for finding in report.findings
                      if finding.severity >= (options.fail_on or runner.linter_for(report.path).settings.fail_on))
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
        text = statistics(reports)
    else:
        text = renderer(args.format).render(reports, ReportOptions(
            color=color_allowed and args.output_file is None, rules=rule_catalog(runner.linters()),
            fixed=result.fixed))
    outputs.append(Output(text, report_stream, args.output_file))
    code = EXIT_CLEAN if args.exit_zero or not failing else EXIT_FINDINGS
    return Outcome(code, tuple(outputs))


def _check_archive_flags(args: argparse.Namespace, from_stdin: bool) -> None:
    """The archive flags that cannot go together, refused before any file is read."""
    if args.update_baseline and args.baseline is None:
        raise UsageError("--update-baseline needs --baseline FILE: the file to write")
    if args.changed_lines_only and args.changed_since is None:
        raise UsageError("--changed-lines-only needs --changed-since REF: the changes to look at")
    if args.noqa_reason is not None and not args.add_noqa:
        raise UsageError("--noqa-reason goes with --add-noqa")
    writers = [flag for flag, on in (("--fix", args.fix), ("--diff", args.diff), ("--add-noqa", args.add_noqa),
                                     ("--update-baseline", args.update_baseline)) if on]
    if len(writers) > 1:
        raise UsageError(f"{writers[0]} and {writers[1]} cannot be used together")
    if from_stdin:
        for flag, on in (("--changed-since", args.changed_since is not None), ("--add-noqa", args.add_noqa),
                         ("--update-baseline", args.update_baseline)):
            if on:
                raise UsageError(f"{flag} works on files, not on standard input")


def _baseline(args: argparse.Namespace):
    """The baseline to match (or to update), read before any article: a malformed one stops the
    run at its line (exit 2)."""
    if args.baseline is None:
        return None
    from ..run.baseline import Baseline, read_baseline
    if args.update_baseline and not args.baseline.exists():
        return Baseline(args.baseline)
    if not args.baseline.exists():
        raise UsageError(f"--baseline {args.baseline}: no such file (write it with --update-baseline)")
    return read_baseline(args.baseline)


def _update_baseline(baseline, reports) -> str:
    from ..run.baseline import updated, write_baseline
    update = updated(baseline, reports)
    write_baseline(baseline.file, update.entries)
    return (f"newslint: wrote {_count(len(update.entries), 'entry', 'entries')} to {baseline.file} "
            f"({update.added} added, {update.removed} removed).")


def _baseline_note(file: Path, hidden: int, stale: int) -> str:
    note = f"newslint: the baseline {file} hid {_count(hidden, 'finding', 'findings')}"
    if stale:
        verb = "is" if stale == 1 else "are"
        note += (f"; {_count(stale, 'entry', 'entries')} {verb} stale (fixed, or the file is gone): "
                 "--update-baseline removes them")
    return note + "."


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


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
