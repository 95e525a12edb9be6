"""Writing to a worker's pipe without ever waiting for the worker.

A process that hands work to another one (articles to tag, pages to index)
must not stop when the other falls behind: a pipe holds some 64 KiB, and a
blocking write waits until the reader has made room. ``Outbox`` writes what
the pipe takes at once and keeps the rest, written on a later call.
"""

from __future__ import annotations

import collections
import os
import pickle
import select
from collections.abc import Callable


class Outbox:
    """The writing end of a pipe (a file descriptor, made non-blocking; the
    outbox owns and closes it). ``write`` takes bytes; ``put`` a message
    that an ``Inbox`` reads back whole at the other end."""

    LENGTH = 8  # bytes of each message's length, before it

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor
        os.set_blocking(descriptor, False)
        self._pending: collections.deque[memoryview] = collections.deque()

    @property
    def pending(self) -> int:
        """Bytes not written to the pipe yet."""
        return sum(len(part) for part in self._pending)

    def write(self, data: bytes) -> None:
        self._pending.append(memoryview(data))
        self.flush()

    def put(self, message) -> None:
        data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
        self._pending.append(memoryview(len(data).to_bytes(self.LENGTH, "little")))
        self.write(data)

    def flush(self) -> None:
        """Write what the pipe takes now."""
        while self._pending:
            try:
                written = os.write(self._descriptor, self._pending[0])
            except BlockingIOError:
                return
            if written < len(self._pending[0]):
                self._pending[0] = self._pending[0][written:]
            else:
                self._pending.popleft()

    def close(self, *, send_pending: bool) -> None:
        """Close the pipe; first write what is pending, waiting if need be.
        Raises ``BrokenPipeError`` when the reader is gone."""
        try:
            if send_pending:
                os.set_blocking(self._descriptor, True)
                self.flush()
        finally:
            os.close(self._descriptor)
            self._pending.clear()


class Inbox:
    """The reading end of a pipe an ``Outbox`` writes messages to.

    Reading never waits on the pipe alone: every tenth of a second it asks
    ``stopped``, so a worker told to stop is never left waiting for the rest
    of a message its sender dropped (a pipe is not closed while any process
    forked meanwhile holds a copy of its writing end)."""

    POLL = 0.1  # seconds between looks at ``stopped``

    def __init__(self, descriptor: int, stopped: Callable[[], bool]) -> None:
        self._descriptor = descriptor
        self._stopped = stopped
        self._buffer = bytearray()

    def receive(self):
        """The next message, or None: the sender closed the pipe or put None,
        or ``stopped`` says so."""
        head = self._read(Outbox.LENGTH)
        if head is None:
            return None
        body = self._read(int.from_bytes(head, "little"))
        return None if body is None else pickle.loads(body)

    def _read(self, size: int) -> bytes | None:
        while len(self._buffer) < size:
            if self._stopped():
                return None
            ready, _, _ = select.select([self._descriptor], [], [], self.POLL)
            if not ready:
                continue
            data = os.read(self._descriptor, max(size - len(self._buffer), 1 << 16))
            if not data:  # closed
                return None
            self._buffer += data
        wanted = bytes(self._buffer[:size])
        del self._buffer[:size]
        return wanted

    def close(self) -> None:
        os.close(self._descriptor)
