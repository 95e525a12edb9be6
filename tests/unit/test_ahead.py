"""Work begun on a spare core gives the results the caller would have made."""

import logging
import os
import time
from pathlib import Path

import pytest

from warta.ahead import FilesAhead, ReadAhead, WorkAhead


def _square_or_fail(item):
    if item == 13:
        raise ValueError("unlucky")
    return item * item, os.getpid()


def test_results_come_back_by_key_from_another_process():
    work = WorkAhead(_square_or_fail, batch_size=4)
    for item in range(10):
        work.submit(f"k{item}", item)
    results = work.take()
    assert {key: value for key, (value, _pid) in results.items()} == {
        f"k{i}": i * i for i in range(10)
    }
    assert os.getpid() not in {pid for _value, pid in results.values()}


def test_an_item_that_fails_is_left_to_the_caller():
    work = WorkAhead(_square_or_fail, batch_size=2)
    for item in (12, 13, 14):
        work.submit(item, item)
    assert sorted(work.take()) == [12, 14]


@pytest.mark.parametrize(
    ("items", "batch_size", "taken"),
    [
        (0, 4, 0),  # nothing submitted: no process
        (3, 4, 0),  # fewer than a batch: not worth a process
        (4, 4, 4),
        (9, 4, 9),  # the last, partial batch is sent at take
    ],
)
def test_small_work_stays_with_the_caller(items, batch_size, taken):
    work = WorkAhead(_square_or_fail, batch_size=batch_size)
    for item in range(items):
        work.submit(item, item)
    assert len(work.take()) == taken


class _Plan:
    def __init__(self, settings):
        if settings.get("broken"):
            raise ValueError("bad authority file")
        self.settings = settings

    def job(self, source):
        return (None if source % 2 else (source, source)) if source >= 0 else 1 / 0

    def work(self, item):
        return item + 100


def _offer_all(ahead, settings, sources):
    for source in sources:
        ahead.offer(settings, source)  # never raises


def test_read_ahead_does_the_build_s_jobs():
    ahead, settings = ReadAhead(_Plan, batch_size=4), {"name": "build"}
    _offer_all(ahead, settings, range(12))
    plan, results = ahead.take(settings, finish=True)
    assert plan.settings is settings
    assert results == {i: i + 100 for i in range(0, 12, 2)}


@pytest.mark.parametrize(
    ("offered", "sources"),
    [
        ({"broken": True}, range(12)),  # the plan cannot start: work turned off
        ({}, [*range(8), -1, *range(8, 12)]),  # a job fails: work turned off
    ],
)
def test_read_ahead_turns_itself_off_and_leaves_the_work(offered, sources):
    ahead = ReadAhead(_Plan, batch_size=4)
    _offer_all(ahead, offered, sources)
    assert ahead.take(offered) == (None, {})


def test_another_build_s_settings_get_nothing():
    ahead, first, second = ReadAhead(_Plan, batch_size=4), {"n": 1}, {"n": 2}
    _offer_all(ahead, first, range(12))
    assert ahead.take(second) == (None, {})
    _offer_all(ahead, second, range(12))
    _plan, results = ahead.take(second, finish=True)
    assert len(results) == 6
    assert ahead.take(second) == (None, {})  # taken once


def _wait_for_gate(item):
    """Work that cannot begin before the test opens the gate (a file)."""
    gate, payload = item
    for _ in range(1000):  # at most 10 s
        if os.path.exists(gate):
            return True, len(payload)
        time.sleep(0.01)
    return False, len(payload)


def test_submitting_never_waits_for_a_worker_behind(tmp_path):
    """4 MiB handed over while the worker does nothing: more than a pipe
    holds. Were ``submit`` to wait for the worker, the gate would open only
    after the worker gave up waiting for it."""
    gate = str(tmp_path / "gate")
    work = WorkAhead(_wait_for_gate, batch_size=4)
    for number in range(40):
        work.submit(number, (gate, "x" * 100_000))
    Path(gate).touch()
    assert work.take() == {number: (True, 100_000) for number in range(40)}


def _slow_square(item):
    time.sleep(0.05)
    return item * item


def test_taking_without_finishing_stops_the_worker_where_it_is():
    work = WorkAhead(_slow_square, batch_size=4)
    for item in range(40):  # 2 s of work
        work.submit(item, item)
    time.sleep(0.3)
    results = work.take(finish=False)
    assert results == {item: item * item for item in range(len(results))}
    assert len(results) < 40  # the rest is the caller's


def _square_and_count(item):
    folder, number = item
    (Path(folder) / str(number)).touch()
    return number * number


def test_a_worker_that_stopped_reading_still_gives_what_it_did(tmp_path):
    """A worker told to stop closes its end of the batches' pipe when it
    next looks, which may come before the end message is written: its
    results still come back."""
    work = WorkAhead(_square_and_count, batch_size=4)
    for number in range(4):
        work.submit(number, (str(tmp_path), number))
    for _ in range(1000):  # the batch done: at most 10 s
        if len(list(tmp_path.iterdir())) == 4:
            break
        time.sleep(0.01)
    work._stop.set()  # as take() does, with a pause before its next step
    time.sleep(0.5)  # the worker looks every 0.1 s, then closes its end
    assert work.take(finish=False) == {number: number * number for number in range(4)}


SHARED = {"settings": object()}


def _read_or_complain(key):
    """Stands for reading a file: its result refers to a shared object."""
    if key == "fails":
        raise ValueError("broken file")
    if key == "warns":
        logging.getLogger("reader").warning("odd file")
    if key == "exits":
        os._exit(3)
    return key * 2, os.getpid(), SHARED["settings"]


def _take_all(ahead, keys) -> dict:
    """As the reading process does: the worker's result, else its own."""
    results = {}
    for key in keys:
        done = ahead.take(key)
        results[key] = done if done is not None else _read_or_complain(key)
    return results


def test_files_read_ahead_give_the_results_of_reading_here():
    keys = [f"file{number}" for number in range(100)]
    ahead = FilesAhead(_read_or_complain, keys, shared=SHARED)
    time.sleep(1)  # the worker reads everything meanwhile, from the end
    results = _take_all(ahead, keys)
    ahead.stop()
    assert {key: value for key, (value, _pid, _s) in results.items()} == {
        key: key * 2 for key in keys
    }
    worker = [key for key, (_value, pid, _s) in results.items() if pid != os.getpid()]
    assert len(worker) == ahead.used > 50
    # The shared object is this process's own, not a copy.
    assert all(shared is SHARED["settings"] for _v, _p, shared in results.values())


READ_LOG = {"path": None}


def _slow_read(key):
    """Reading takes a while; the worker notes each file it reads."""
    time.sleep(0.01)
    with open(READ_LOG["path"], "a") as log:
        log.write(f"{key}\n")
    return key, os.getpid()


def test_files_taken_here_are_left_alone_by_the_worker(tmp_path):
    READ_LOG["path"] = tmp_path / "read.log"
    keys = list(range(60))
    ahead = FilesAhead(_slow_read, keys)
    for key in keys[:30]:  # the worker is told at once: it reads from the end
        assert ahead.take(key) is None
    time.sleep(1.5)  # three times what the worker needs for the other half
    from_worker = {key: ahead.take(key) for key in keys[30:]}
    ahead.stop()
    read_there = sorted(map(int, READ_LOG["path"].read_text().split()))
    assert read_there == keys[30:]
    assert all(done == (key, done[1]) for key, done in from_worker.items())
    assert os.getpid() not in {done[1] for done in from_worker.values()}


@pytest.mark.parametrize("bad", ["fails", "warns", "exits"])
def test_a_file_the_worker_complains_about_is_read_here(bad, caplog):
    keys = [f"file{number}" for number in range(20)]
    keys[-3:-3] = [bad]
    ahead = FilesAhead(_read_or_complain, keys, shared=SHARED)
    time.sleep(1)
    assert ahead.take(bad) is None  # read here, where it is reported
    before = ahead.take(keys[keys.index(bad) - 1])  # read after it, from the end
    ahead.stop()
    assert (before is None) == (bad == "exits")
    assert [r.getMessage() for r in caplog.records] == []  # nothing shown twice


def test_values_remembered_for_an_object_are_found_for_that_object_only():
    from warta.ahead import Remembered

    first, equal = ["a"], ["a"]
    remembered = Remembered()
    remembered.put(first, "kunci-1")
    assert remembered.get(first) == "kunci-1"
    assert remembered.get(equal) is None  # equal, not the same
