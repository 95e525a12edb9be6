"""Pure work spread over processes gives the same results, in order."""

import gc
import os

from warta.parallel import map_on_cores


def test_work_runs_in_forked_workers_and_keeps_order():
    offset = 7  # a closure: nothing is pickled but indexes and results
    results = map_on_cores(
        lambda item: (item + offset, os.getpid()),
        list(range(60)),
        workers=2,
        parallel_min=4,
    )
    assert [value for value, _pid in results] == [i + 7 for i in range(60)]
    assert os.getpid() not in {pid for _value, pid in results}


def test_few_items_stay_in_this_process():
    results = map_on_cores(lambda item: os.getpid(), [1, 2, 3], workers=2)
    assert set(results) == {os.getpid()}


def test_one_worker_and_no_items():
    assert map_on_cores(str, [1, 2], workers=1, parallel_min=0) == ["1", "2"]
    assert map_on_cores(str, [], workers=2, parallel_min=0) == []


def test_workers_never_collect_the_objects_they_share():
    """The parent's objects are frozen (out of every collection) while the
    workers run, and collected as usual again afterwards."""

    def frozen_in_worker(_item) -> int:
        return gc.get_freeze_count()

    shared = [{"n": n} for n in range(10_000)]
    found = map_on_cores(frozen_in_worker, range(400), workers=2)
    assert min(found) >= len(shared)
    assert gc.get_freeze_count() == 0
