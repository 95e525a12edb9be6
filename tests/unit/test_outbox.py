"""Outbox never waits for its reader; Inbox never waits for a dropped message."""

import os
import threading

from warta.outbox import Inbox, Outbox

BIG = "x" * 100_000  # more than a pipe holds with a few of them


def _read_all(inbox: Inbox, into: list) -> None:
    while (message := inbox.receive()) is not None:
        into.append(message)


def test_writing_more_than_the_pipe_holds_does_not_wait():
    reading, writing = os.pipe()
    outbox = Outbox(writing)
    for number in range(20):  # 2 MB, nobody reading yet
        outbox.put((number, BIG))
    assert outbox.pending > 1_000_000
    received: list = []
    inbox = Inbox(reading, stopped=lambda: False)
    reader = threading.Thread(target=_read_all, args=(inbox, received))
    reader.start()
    outbox.put(None)
    outbox.close(send_pending=True)
    reader.join(timeout=30)
    inbox.close()
    assert [number for number, _text in received] == list(range(20))
    assert all(text == BIG for _number, text in received)


def test_raw_bytes_arrive_in_order():
    reading, writing = os.pipe()
    outbox = Outbox(writing)
    for number in range(10):
        outbox.write(f"halaman/{number}/index.html\n".encode())
    outbox.close(send_pending=True)
    with os.fdopen(reading, "rb") as lines:
        assert lines.read().decode().split() == [
            f"halaman/{number}/index.html" for number in range(10)
        ]


def test_a_stopped_reader_does_not_wait_for_a_dropped_message():
    """A message cut short, its pipe still open in another process (here, a
    second descriptor): reading ends when told to stop."""
    reading, writing = os.pipe()
    copy_elsewhere = os.dup(writing)
    outbox = Outbox(writing)
    outbox.put(BIG)  # partly written: the pipe is full
    assert outbox.pending > 0
    outbox.close(send_pending=False)
    stop = threading.Event()
    received: list = []
    inbox = Inbox(reading, stopped=stop.is_set)
    reader = threading.Thread(target=_read_all, args=(inbox, received))
    reader.start()
    threading.Timer(0.3, stop.set).start()
    reader.join(timeout=10)
    assert not reader.is_alive()
    assert received == []
    inbox.close()
    os.close(copy_elsewhere)
