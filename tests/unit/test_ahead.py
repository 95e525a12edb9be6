"""Work begun on a spare core gives the results the caller would have made."""

import os

import pytest

from warta.ahead import ReadAhead, WorkAhead


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
    plan, results = ahead.take(settings)
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
    _plan, results = ahead.take(second)
    assert len(results) == 6
    assert ahead.take(second) == (None, {})  # taken once
