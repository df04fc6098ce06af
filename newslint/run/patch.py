r"""`--diff`: the fixes of one file as a unified diff that `git apply` (and `patch -p1`) accept.

Three details keep the patch applicable: lines are split at "\n" only, as git splits them (Python's
splitlines also breaks at \r, \f, U+2028 and more, inventing lines the file does not have); a last
line without a newline is marked `\ No newline at end of file`; and the path is the file's path
relative to the current folder, as `git apply` reads it there. A file outside the current folder
keeps its absolute path, without the a/ and b/ prefixes (`patch -p0` form), never `a//abs/path`.
A byte-order mark is part of the file's first line, so it is put back on both sides.
"""
from __future__ import annotations

import difflib
import os

_BOM = "\ufeff"
NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str, bom: bool = False) -> str:
    """The patch that turns `before` into `after` in the file at `path`; "" when they are equal."""
    old, new = _names(path)
    if bom:
        before, after = _BOM + before, _BOM + after
    lines = difflib.unified_diff(_lines(before), _lines(after), fromfile=old, tofile=new)
    return "".join(line if line.endswith("\n") else line + "\n" + NO_NEWLINE for line in lines)


def _lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]  # the text after the last newline: "" or an unterminated line
    return lines if lines[-1] else lines[:-1]


def _names(path: str) -> tuple[str, str]:
    relative = os.path.relpath(path)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        absolute = os.path.abspath(path).replace(os.sep, "/")
        return absolute, absolute
    relative = relative.replace(os.sep, "/")
    return f"a/{relative}", f"b/{relative}"
