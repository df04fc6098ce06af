"""The worker processes' ends: dying with the parent, being stopped, and the one Ctrl-C.

The runner (run/runner.py) decides when; this module knows how, on each platform.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import multiprocessing
import signal
import sys
import threading
import time
from typing import Iterator


def pool_context() -> multiprocessing.context.BaseContext:
    """How to start workers: fork where it is safe, so that each worker inherits the rules and
    spaCy already loaded (loading them again costs most of a second per worker); the platform's
    default elsewhere. Fork is safe only with one thread: a lock another thread held at the fork
    stays held in the child for ever (the CLI has one thread; an application calling the API
    from a threaded server may not), so with more threads workers are spawned. Python 3.14 makes forkserver Linux's default, so the choice
    is made here rather than left to the default."""
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux") \
            and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("spawn")  # as on macOS and Windows: each worker starts afresh
    return multiprocessing.get_context()


def die_with_parent() -> None:
    """Linux: the kernel kills this worker when its parent dies (kill -9 included), so no orphan
    goes on rewriting files. Elsewhere the check before each write (`runner._worker_may_write`) holds."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def stop_workers(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    """End every worker now. SIGTERM waits for a write in flight (sources.signals_deferred), which
    is then recorded; a worker that is only linting ends at once."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    deadline = time.monotonic() + 1.0
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():  # stuck (a disk that does not answer): the write is old or new anyway
            process.kill()
            process.join(0.2)


@contextlib.contextmanager
def interrupts_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
