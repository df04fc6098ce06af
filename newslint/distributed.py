"""Lint an archive on a Dask cluster: batches of a file list mapped over the public API.

A newsroom auditing millions of archived articles needs more than one machine's cores, not a
cluster of its own making: `lint_on_dask` sends batches of paths to the workers of any
`dask.distributed` client, each batch runs `newslint.check_paths` in one process (rules loaded
once per batch, no worker processes of its own), and the reports come back in the list's
order, so `newslint.render` writes exactly what `newslint check` writes for the same files.

This module never imports Dask: the caller's client brings it (the `newslint[dask]` extra);
workers need only newslint and the files, at the same paths (docs/dask.md).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable

DEFAULT_BATCH = 200
"""Files per task: enough that loading the rules (about a second) is a small share of a task."""


def lint_on_dask(client: Any, paths: Iterable[str | Path], config: str | Path | None = None,
                 batch_size: int = DEFAULT_BATCH) -> list:
    """The `FileReport` of every file in `paths`, linted on `client`'s workers, in order.

    `paths` are files, as `newslint check` would be given them (folders are expanded on the
    worker that gets them). `config` is a config file every worker can read, or None for each
    file's nearest config, as on the command line. The run's today is read once, here, so a
    run across midnight judges every article by the same day.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    names = [str(path) for path in paths]
    batches = [names[i:i + batch_size] for i in range(0, len(names), batch_size)]
    config_name = None if config is None else str(config)
    futures = client.map(lint_batch, batches, config=config_name, today=dt.date.today(), pure=False)
    return [report for reports in client.gather(futures) for report in reports]


def lint_batch(paths: list[str], config: str | None = None, today: dt.date | None = None) -> list:
    """One task: the reports of a batch of paths (run on a worker)."""
    from . import check_paths

    return check_paths(paths, config, today)
