"""`newslint clean`: remove the findings cache of a folder."""
from __future__ import annotations

import argparse

from . import EXIT_CLEAN, Outcome, says
from ..run.cache import CACHE_DIR, clean as remove_cache


def clean(args: argparse.Namespace) -> Outcome:
    removed = remove_cache(args.folder)
    return says(EXIT_CLEAN, f"Removed {args.folder / CACHE_DIR}." if removed else f"No {args.folder / CACHE_DIR} to remove.")
