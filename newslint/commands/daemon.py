"""`newslint daemon start|stop|status|restart`: the warm process of this project (docs/daemon.md).

The daemon is keyed by the project root (the nearest folder with .git, else .newslint.yaml,
else the current one) and the Python running newslint; `check` finds it from the same folder.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Callable

from . import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Outcome, says
from ..daemon import client
from ..daemon.paths import place_for

STOP_WAIT = 5.0


def daemon(args: argparse.Namespace, main: Callable[[list[str]], int]) -> Outcome:
    place = place_for(Path.cwd(), create=args.action in ("start", "restart"))
    if place is None:
        return says(EXIT_ERROR, "newslint: the daemon needs Unix sockets and a private runtime folder "
                    "(none here); newslint check runs without it.", stream="stderr")
    if args.action == "status":
        answer = client.ask(place.socket, "status")
        if answer is None:
            return says(EXIT_FINDINGS, f"newslint: no daemon runs for {place.root}.")
        if answer.get("status") != "running":
            return says(EXIT_FINDINGS, f"newslint: the daemon for {place.root} runs other code (stale); "
                        "it stops now and check runs without it.")
        return says(EXIT_CLEAN, f"newslint: daemon running for {answer['root']} (pid {answer['pid']}, "
                    f"up {answer['uptime']} s, {answer['served']} checks served, stops after "
                    f"{answer['idle_timeout']:g} s idle).")
    if args.action == "start":
        answer = client.ask(place.socket, "status")
        if answer is not None and answer.get("status") == "running":
            return says(EXIT_CLEAN, f"newslint: a daemon already runs for {place.root} (pid {answer['pid']}).")
    stopped = _stop(place)
    if args.action == "stop":
        return says(EXIT_CLEAN, f"newslint: daemon for {place.root} stopped." if stopped
                    else f"newslint: no daemon runs for {place.root}.")
    from ..daemon.server import start_detached

    pid = start_detached(place, main, args.idle_timeout, before=_warm_imports)
    if pid is None:
        return says(EXIT_ERROR, f"newslint: the daemon did not start; see {place.log}.", stream="stderr")
    return says(EXIT_CLEAN, f"newslint: daemon started for {place.root} (pid {pid}).")


def _stop(place) -> bool:
    """Stop the project's daemon (a stale one too); whether one was running."""
    answer = client.ask(place.socket, "stop")
    if answer is None:
        return False
    deadline = time.monotonic() + STOP_WAIT
    while place.socket.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return True


def _warm_imports() -> None:
    """What every request runs first, imported once in the daemon (commands sit above it)."""
    from . import check  # noqa: F401
