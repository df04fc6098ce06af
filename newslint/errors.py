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
