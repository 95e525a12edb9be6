"""Per-item work begun on a spare core while the items are still being read.

Pelican reads articles on one core; tagging and figure extraction need only an
article's own text. ``ReadAhead`` hands each article to a worker process as
it is read and gives the results back when reading is done, so that work is
done on the core that reading leaves idle; ``FilesAhead`` has a worker read the
files themselves from the last one back while Pelican reads from the first.
Everything here is an optimisation:
whatever the worker did not do (small sites, one core, a failure) the caller
does itself, the same way as without it.
"""

from __future__ import annotations

import contextlib
import io
import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable, Hashable
from typing import Protocol

from warta.outbox import Inbox, Outbox
from warta.parallel import usable_cores

logger = logging.getLogger(__name__)


def possible() -> bool:
    """Work ahead is worth it only with a core to spare, and only where
    processes fork (the workers share what this process holds)."""
    return usable_cores() >= 2 and "fork" in multiprocessing.get_all_start_methods()


def _serve(function: Callable, inbox: int, outbox: int, stop, connection) -> None:
    """The worker: do each batch as it comes, until the end of the batches or
    ``stop`` is set; then send every result. It yields the processor to the
    process it works for (several workers may run beside it on a machine
    with one core to spare)."""
    os.nice(10)
    os.close(outbox)  # the other process's end: its closing ends the batches
    results = []
    batches = Inbox(inbox, stop.is_set)
    while (batch := batches.receive()) is not None:
        for key, item in batch:
            if stop.is_set():  # what is left, the other process does
                break
            try:
                results.append((key, function(item)))
            except Exception:  # noqa: BLE001 - left to the caller, which reports it
                continue
    batches.close()
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
        self._outbox: Outbox | None = None
        self._stop = None
        self._connection = None

    def submit(self, key: Hashable, item) -> None:
        self._batch.append((key, item))
        if len(self._batch) >= self._batch_size:
            self._send()
        elif self._outbox is not None:
            self._outbox.flush()

    def _send(self) -> None:
        if not self._batch:
            return
        if self._process is None:
            context = multiprocessing.get_context("fork")
            self._connection, theirs = context.Pipe(duplex=False)
            inbox, outbox = os.pipe()
            self._stop = context.Event()
            self._process = context.Process(
                target=_serve,
                args=(self._function, inbox, outbox, self._stop, theirs),
                daemon=True,
            )
            self._process.start()
            os.close(inbox)
            theirs.close()
            self._outbox = Outbox(outbox)
        batch, self._batch = self._batch, []
        self._outbox.put(batch)

    def take(self, *, finish: bool = True) -> dict:
        """The results, by key. With ``finish``, of every item submitted: this
        waits for the worker to finish them. Without, of those done by now:
        the worker stops after the item in hand, and the rest is the caller's
        (done at once on every core, say, rather than on the one core the
        worker had). Fewer items than a batch are left to the caller: not
        worth a process."""
        results = {}
        try:
            if self._process is not None:
                if finish:
                    self._send()
                else:
                    self._stop.set()
                self._end_batches(send_pending=finish)
                results = dict(self._connection.recv())
        except (OSError, EOFError):  # the worker died: the caller does it all
            results = {}
        finally:
            self.stop()
        return results

    def _end_batches(self, *, send_pending: bool) -> None:
        """Tell the worker that no batch follows. A worker told to stop may
        have closed its end of the pipe already (it looks every tenth of a
        second): that is no fault, what it did still comes back on the
        other pipe. (Taken for a dead worker, it lost every result: about
        one build in ten when a pause came between the two steps.)"""
        outbox, self._outbox = self._outbox, None
        with contextlib.suppress(BrokenPipeError):
            try:
                outbox.put(None)
            finally:
                outbox.close(send_pending=send_pending)

    def stop(self) -> None:
        """End the worker now (what it was doing is dropped)."""
        self._batch = []
        if self._outbox is not None:
            self._outbox.close(send_pending=False)
            self._outbox = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None


class Remembered:
    """Values a plan worked out for objects while they were read (the cache
    key of an article), by identity, for the caller to take after reading
    instead of working them out again. Holds the objects for its lifetime:
    one build's."""

    def __init__(self) -> None:
        self._found: dict[int, tuple[object, object]] = {}

    def put(self, source: object, value: object) -> None:
        self._found[id(source)] = (source, value)

    def get(self, source: object) -> object | None:
        found = self._found.get(id(source))
        return found[1] if found is not None and found[0] is source else None


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
            self._off = not possible()
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

    def take(self, settings, *, finish: bool = False) -> tuple[Plan | None, dict]:
        """The build's plan and the results done so far (``finish``: of every
        item offered), by key; forgets both. What the worker had not done
        when reading ended is the caller's: on every core, it is done sooner
        than by the worker on its one."""
        plan, work, mine = self._plan, self._work, settings is self._settings
        self._work = None  # handed over below: ``stop`` leaves it alone
        self.stop()
        if work is None:  # nothing offered, or turned off
            return None, {}
        if not mine:
            work.stop()
            return None, {}
        return plan, work.take(finish=finish)

    def stop(self, *_args) -> None:
        """Drop the build's work (a receiver for the end of a build)."""
        if self._work is not None:
            self._work.stop()
        self._settings = self._plan = self._work = None
        self._off = False


class _FromTheEnd:
    """The worker of ``FilesAhead``: the keys from the last one back, each
    unless told that the other process has taken it; results sent a few at a
    time. Whatever logs a record (a warning, a fault) is left to the other
    process, which reads it and reports it itself."""

    def __init__(self, read: Callable, connection, shared: dict, size: int) -> None:
        self.read = read
        self.connection = connection
        self.names = {id(value): name for name, value in shared.items()}
        self.size = size
        self.taken: set = set()
        self.done: list = []
        self.logged: list = []

    def run(self, keys: list) -> None:
        # Below the workers that the reading process hands articles to: when
        # those fall behind, the reading process waits for them.
        os.nice(19)
        # This process only: nothing it logs is shown, but it is noticed.
        logging.Logger.handle = lambda _logger, record: self.logged.append(record)
        with contextlib.suppress(OSError, EOFError):  # the other one stopped
            self._read(keys)
            self.connection.send_bytes(b"")  # all done
            while self.connection.recv() is not None:
                pass

    def _read(self, keys: list) -> None:
        for key in reversed(keys):
            while self.connection.poll():
                message = self.connection.recv()
                if message is None:
                    return
                self.taken.add(message)
            if key in self.taken:
                continue
            self.logged.clear()
            try:
                result = self.read(key)
            except Exception:  # noqa: BLE001 - the other process meets it and reports it
                continue
            if not self.logged:
                self.done.append((key, result))
            if len(self.done) >= self.size:
                self._send()
        self._send()

    def _send(self) -> None:
        if not self.done:
            return
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = lambda value: self.names.get(id(value))
        pickler.dump(self.done)
        self.connection.send_bytes(buffer.getbuffer())
        self.done = []


class FilesAhead:
    """Files read on a spare core from the end of their list while this
    process reads them from the start, until the two meet.

    ``read`` is pure: the same key gives the same result in either process.
    This process calls ``take(key)`` before reading each file itself: it gets
    the worker's result, or None, and then the worker is told to leave that
    file alone. ``shared`` objects (settings, say) are not copied across: the
    results refer to this process's own ones. A file the worker failed on or
    logged anything about is read here, where its fault or warning is
    reported as usual.
    """

    def __init__(
        self, read: Callable, keys: list, *, shared: dict | None = None, batch_size=8
    ) -> None:
        self._shared = dict(shared or {})
        self._results: dict = {}
        self.used = 0
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(
            target=_FromTheEnd(read, theirs, self._shared, batch_size).run,
            args=(list(keys),),
            daemon=True,
        )
        self._process.start()
        theirs.close()

    def _receive(self) -> None:
        while self._connection is not None and self._connection.poll():
            data = self._connection.recv_bytes()
            if not data:  # the worker is done: nothing more will come
                self._close()
                return
            unpickler = pickle.Unpickler(io.BytesIO(data))
            unpickler.persistent_load = self._shared.__getitem__
            self._results.update(unpickler.load())

    def take(self, key):
        """The worker's result for ``key``, or None: then it is this
        process's to read, and the worker leaves it."""
        try:
            self._receive()
            if key in self._results:
                self.used += 1
                return self._results.pop(key)
            if self._connection is not None:
                self._connection.send(key)
        except (OSError, EOFError):  # the worker died: this process reads the rest
            self._close()
        return None

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def stop(self) -> None:
        """End the worker; its results not taken are dropped."""
        self._close()
        self._results.clear()
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None
