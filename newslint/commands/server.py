"""`newslint server`: the language server for editors, over standard input and output.

The server itself is `newslint.lsp`; pygls, which it is built on, is an optional extra
(`pip install 'newslint[server]'`), so without it this says how to get it and exits 2.
"""
from __future__ import annotations

import argparse
import importlib.util

from . import EXIT_CLEAN, EXIT_ERROR, Outcome, says

INSTALL_HINT = "newslint: error: the language server needs pygls: pip install 'newslint[server]'"


def serve(args: argparse.Namespace) -> Outcome:
    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        return says(EXIT_ERROR, INSTALL_HINT, stream="stderr")
    from ..lsp.server import build

    build(debounce=args.debounce_ms / 1000).start_io()
    return Outcome(EXIT_CLEAN)
