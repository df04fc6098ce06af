"""What changed since a git ref (`--changed-since REF`): the files, and with them the lines.

"Changed" is what a pull request shows plus what is not committed yet: the difference between
the merge base of REF and HEAD and the working tree (commits on this branch, staged and
unstaged edits), and untracked files that .gitignore does not ignore. Renamed files count under
their new name; deleted files are not there to lint. Changed lines are the lines `git diff -U0`
adds or rewrites (a pure deletion changes no line that is left); an untracked file is all new.

This is the one module that runs git. It never prints; a missing git, a folder outside a
repository or an unknown ref is a UsageError (exit 2), since linting everything instead would
turn an archive's old findings into every pull request's failures.
"""
from __future__ import annotations

import ast
import os
import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from ..errors import UsageError
from ..findings import Span
from ..report import FileReport

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


@dataclass(frozen=True)
class Changes:
    ref: str
    base: str
    """The merge base of REF and HEAD (a commit id)."""
    files: frozenset[str]
    """Real paths (os.path.realpath) of the changed files."""
    lines: Mapping[str, frozenset[int] | None]
    """Changed lines by real path (None: every line, a new untracked file); filled only when asked."""

    def changed_lines(self, path: str) -> frozenset[int] | None:
        return self.lines.get(os.path.realpath(path), frozenset())


def changes_since(ref: str, with_lines: bool = False, cwd: str | None = None) -> Changes:
    cwd = cwd or os.getcwd()
    top = _git(["rev-parse", "--show-toplevel"], cwd,
               f"--changed-since needs a git repository, and {cwd} is not inside one").decode(
                   "utf-8", "surrogateescape").rstrip("\n")
    _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top,
         f"--changed-since {ref}: no such commit, branch or tag in this repository "
         "(in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)")
    base = _git(["merge-base", "--end-of-options", ref, "HEAD"], top,
                f"--changed-since {ref}: it has no common history with HEAD").decode().strip()
    tracked = _names(_git(["diff", "--name-only", "-z", "--no-ext-diff", "--diff-filter=d", "-M",
                           base, "--"], top, "git diff failed"))
    untracked = _names(_git(["ls-files", "-z", "--others", "--exclude-standard"], top, "git ls-files failed"))
    real = {name: os.path.realpath(os.path.join(top, name)) for name in tracked + untracked}
    lines: dict[str, frozenset[int] | None] = {}
    if with_lines:
        lines.update(_changed_lines(base, top, real))
        lines.update({real[name]: None for name in untracked})
    return Changes(ref, base, frozenset(real.values()), lines)


def _names(output: bytes) -> list[str]:
    return [os.fsdecode(name) for name in output.split(b"\0") if name]


def _changed_lines(base: str, top: str, real: dict[str, str]) -> dict[str, frozenset[int]]:
    patch = _git(["-c", "core.quotePath=true", "diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv",
                  "--src-prefix=a/", "--dst-prefix=b/", "--diff-filter=d", "-M", base, "--"], top, "git diff failed")
    found: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in patch.split(b"\n"):
        if line.startswith(b"+++ "):
            name = _header_path(line[4:])
            current = found.setdefault(real.get(name, os.path.realpath(os.path.join(top, name))), set()) \
                if name is not None else None
        elif line.startswith(b"@@") and current is not None:
            hunk = _HUNK.match(line)
            if hunk:
                start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
                current.update(range(start, start + count))
    return {path: frozenset(numbers) for path, numbers in found.items()}


def _header_path(raw: bytes) -> str | None:
    """The path of a `+++ b/path` header: git quotes unusual names C-style, with octal bytes."""
    raw = raw.rstrip(b"\r")
    if raw == b"/dev/null":
        return None
    if raw.startswith(b'"'):
        try:
            raw = ast.literal_eval("b" + raw.decode("ascii"))
        except (ValueError, SyntaxError, UnicodeDecodeError):
            return None
    return os.fsdecode(raw[2:]) if raw.startswith(b"b/") else None


def _git(arguments: list[str], cwd: str, failure: str) -> bytes:
    try:
        done = subprocess.run(["git", *arguments], cwd=cwd, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, and no git command was found") from None
    except OSError as err:
        raise UsageError(f"--changed-since: git cannot run ({err.strerror or err})") from None
    if done.returncode != 0:
        raise UsageError(failure)
    return done.stdout


def on_changed_lines(changes: Changes, reports: list[FileReport]) -> list[FileReport]:
    """`--changed-lines-only`: keep the findings that start, end or lie on a changed line.

    A finding about the whole file (nothing matched at line 1, column 1: an unreadable file, a
    missing date, a count over the article) has no line of its own: it is kept when the file has
    any changed line, so a new or edited article still hears about it, and a renamed one does not.
    """
    out = []
    for report in reports:
        changed = changes.changed_lines(report.path)
        if changed is None or not report.findings:
            out.append(report)
            continue
        lines = report.lines
        kept = tuple(finding for finding in report.findings
                     if _touches(finding.span, lines, changed) or (finding.span == Span(0, 0) and changed))
        out.append(report if len(kept) == len(report.findings) else replace(report, findings=kept))
    return out


def _touches(span: Span, lines, changed: frozenset[int]) -> bool:
    first, last = lines.line_of(span.start), lines.line_of(max(span.start, span.end - 1))
    return any(line in changed for line in range(first, last + 1))
