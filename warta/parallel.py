"""Pure work over many items on every usable core (fork, Linux).

The function and the items are shared with the worker processes by forking,
not pickled: only each item's index goes out and only results come back. Below
``parallel_min`` items, or where processes cannot fork, the work runs here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items a second process costs more than it saves.
PARALLEL_MIN = 200
# What forked workers read: set in the parent just before the fork.
_SHARED: tuple[Callable, Sequence] | None = None


def usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _call_shared(index: int):
    function, items = _SHARED
    return function(items[index])


def map_on_cores(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    workers: int | None = None,
    parallel_min: int = PARALLEL_MIN,
) -> list[Result]:
    """``[function(item) for item in items]``, on ``workers`` processes (every
    usable core by default) when there are at least ``parallel_min`` items.
    ``function`` must be pure: the result is the same either way."""
    global _SHARED
    workers = usable_cores() if workers is None else workers
    # At least half of ``parallel_min`` items for each worker.
    workers = min(workers, len(items) // max(1, parallel_min // 2) or 1)
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if workers < 2 or len(items) < parallel_min or not can_fork or _SHARED:
        return [function(item) for item in items]
    _SHARED = (function, items)
    # This process's objects are kept out of the workers' garbage collections:
    # a collection writes to every object it visits, so each worker would
    # copy the pages it shares with this one as soon as one ran.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            chunk = max(1, min(256, len(items) // (workers * 8)))
            return pool.map(_call_shared, range(len(items)), chunksize=chunk)
    finally:
        _SHARED = None
        gc.unfreeze()
