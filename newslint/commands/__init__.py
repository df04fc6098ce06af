"""The subcommands: one module each (check, rules, kb, test, init, clean).

A command takes the parsed arguments and returns an `Outcome`: the texts to write and where, and
the exit code. It never prints or exits; the command line (`cli.py`) does both, so the same
command can run under a test or another front end.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class Output:
    """One text for the user: on standard output or error, or into a file."""

    text: str
    stream: Literal["stdout", "stderr"] = "stdout"
    file: Path | None = None
    raw: bool = False
    """Written as it is (the fixed text of standard input), without a final newline added."""


@dataclass(frozen=True)
class Outcome:
    code: int
    outputs: tuple[Output, ...] = ()


def says(code: int, *texts: str, stream: Literal["stdout", "stderr"] = "stdout") -> Outcome:
    """An outcome of plain text lines on one stream."""
    return Outcome(code, tuple(Output(text, stream) for text in texts))
