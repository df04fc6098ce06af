"""Errors that stop a run with exit code 2: a bad config or rule file, or bad usage.

Each carries the file and line to fix, printed as `path:line: message` like a compiler would.
Problems with an article never raise: they become findings.
"""
from __future__ import annotations


class NewslintError(Exception):
    """Something the user must fix before newslint can run (exit 2)."""


class UsageError(NewslintError):
    """A command line, or a file named on it, that newslint cannot act on."""

    def __str__(self) -> str:
        return f"newslint: error: {self.args[0]}"


class ConfigError(NewslintError):
    def __init__(self, path: object, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = str(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}:{self.line or 1}: {self.message}"


class ConfigErrors(ConfigError):
    """Several independent mistakes, reported together so that one run shows them all.

    A ConfigError itself (the first mistake's path, line and message), so every caller that
    handles one handles these; printed as one `path:line: message` line per mistake, sorted by
    path and line.
    """

    def __init__(self, errors: "list[ConfigError]") -> None:
        flat = [one for error in errors for one in getattr(error, "errors", (error,))]
        unique = {str(error): error for error in flat}  # a file read twice (two packs) says it once
        self.errors = tuple(sorted(unique.values(), key=lambda e: (e.path, e.line or 1)))
        first = self.errors[0]
        super().__init__(first.path, first.line, first.message)

    def __str__(self) -> str:
        return "\n".join(ConfigError.__str__(error) for error in self.errors)


def raise_all(errors: "list[ConfigError]") -> None:
    """Raise the mistakes found, if any: one as itself, several as ConfigErrors."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ConfigErrors(errors)
