"""Per-item work begun on a spare core while the items are still being read.

Pelican reads articles on one core; tagging and figure extraction need only an
article's own text. ``ReadAhead`` hands each article to a worker process as
it is read and gives the results back when reading is done, so that work is
done on the core that reading leaves idle. Everything here is an optimisation:
whatever the worker did not do (small sites, one core, a failure) the caller
does itself, the same way as without it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Hashable
from typing import Protocol

from warta.parallel import usable_cores

logger = logging.getLogger(__name__)


def _serve(function: Callable, connection) -> None:
    """The worker: do each batch as it comes; send every result at the end.
    It yields the processor to the process it works for (several workers may
    run beside it on a machine with one core to spare)."""
    os.nice(10)
    results = []
    while (batch := connection.recv()) is not None:
        for key, item in batch:
            try:
                results.append((key, function(item)))
            except Exception:  # noqa: BLE001 - left to the caller, which reports it
                continue
    connection.send(results)
    connection.close()


class WorkAhead:
    """Pure work begun on a spare core while this process goes on with its own.

    Items are handed over one by one (``submit``) as they become known, sent to
    the worker in batches, and the results are taken all at once at the end
    (``take``), by the key each item was submitted with. An item whose work
    failed is left out of what ``take`` returns: the caller does it itself,
    where its fault is reported as usual. The worker forks on the first batch,
    so it holds only what this process held by then; it sends nothing until
    ``take``, so this process spends no time on results while it works.
    """

    def __init__(self, function: Callable, *, batch_size: int = 64) -> None:
        self._function = function
        self._batch_size = batch_size
        self._batch: list[tuple[Hashable, object]] = []
        self._process = None
        self._connection = None

    @staticmethod
    def possible() -> bool:
        """Worth it only with a core to spare, and only where processes fork."""
        return usable_cores() >= 2 and "fork" in multiprocessing.get_all_start_methods()

    def submit(self, key: Hashable, item) -> None:
        self._batch.append((key, item))
        if len(self._batch) >= self._batch_size:
            self._send()

    def _send(self) -> None:
        if not self._batch:
            return
        if self._process is None:
            context = multiprocessing.get_context("fork")
            self._connection, theirs = context.Pipe()
            self._process = context.Process(
                target=_serve, args=(self._function, theirs), daemon=True
            )
            self._process.start()
            theirs.close()
        batch, self._batch = self._batch, []
        self._connection.send(batch)

    def take(self) -> dict:
        """Every result, by key; waits for the worker to finish what it has.
        Fewer items than a batch are left to the caller: not worth a process."""
        results = {}
        try:
            if self._process is not None:
                self._send()
                self._connection.send(None)
                results = dict(self._connection.recv())
        except (OSError, EOFError):  # the worker died: the caller does it all
            results = {}
        finally:
            self.stop()
        return results

    def stop(self) -> None:
        """End the worker now (what it was doing is dropped)."""
        self._batch = []
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None


class Plan(Protocol):
    """What a ``ReadAhead`` does for one build."""

    def job(self, source) -> tuple[Hashable, object] | None:
        """The key and the item to work on for ``source`` (an article), or
        None when nothing is to be done (its result is cached already)."""

    def work(self, item):
        """The pure work on one item, done in the worker."""


class ReadAhead:
    """A ``WorkAhead`` for one build at a time, started by the first item
    offered with that build's settings (the same settings object throughout a
    build). ``start(settings)`` makes the build's ``Plan``; what it raises
    turns the work ahead off for the build: the caller meets it again, and
    reports it, when it does the work itself."""

    def __init__(self, start: Callable[[object], Plan], *, batch_size: int = 64):
        self._start = start
        self._batch_size = batch_size
        self._settings = None
        self._plan: Plan | None = None
        self._work: WorkAhead | None = None
        self._off = False

    def offer(self, settings, source) -> None:
        """Called for each item as it is read. Never raises: a fault here
        must not count against the item being read."""
        if settings is not self._settings:
            self.stop()
            self._settings = settings
            self._off = not WorkAhead.possible()
        if self._off:
            return
        try:
            if self._plan is None:
                self._plan = self._start(settings)
                self._work = WorkAhead(self._plan.work, batch_size=self._batch_size)
            job = self._plan.job(source)
            if job is not None:
                self._work.submit(*job)
        except Exception:  # the caller does the work itself, and reports
            logger.debug("work ahead stopped", exc_info=True)
            if self._work is not None:
                self._work.stop()
            self._plan = self._work = None
            self._off = True  # for the rest of this build

    def take(self, settings) -> tuple[Plan | None, dict]:
        """The build's plan and the results done so far, by key; forgets both."""
        plan, work, mine = self._plan, self._work, settings is self._settings
        self._work = None  # handed over below: ``stop`` leaves it alone
        self.stop()
        if work is None:  # nothing offered, or turned off
            return None, {}
        if not mine:
            work.stop()
            return None, {}
        return plan, work.take()

    def stop(self, *_args) -> None:
        """Drop the build's work (a receiver for the end of a build)."""
        if self._work is not None:
            self._work.stop()
        self._settings = self._plan = self._work = None
        self._off = False
