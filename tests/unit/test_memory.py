"""Free heap pages go back to the system; a build collects garbage less often."""

import gc
import weakref

from warta.memory import (
    NO_FULL_COLLECTIONS,
    YOUNG_THRESHOLD,
    collect_as_usual,
    collect_less_often,
    end_tidying,
    release_free_memory,
    tidy_between_builds,
)


def _full_collections_while(make_garbage) -> int:
    """How many collections of the oldest generation ran while
    ``make_garbage()`` ran (the collector's own count)."""
    before = gc.get_stats()[2]["collections"]
    make_garbage()
    return gc.get_stats()[2]["collections"] - before


def _resident_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_freed_blocks_leave_the_resident_set():
    # 8 KiB blocks come from the C heap (not Python's small-object arenas);
    # freeing every other one leaves whole free pages the heap cannot trim
    # from its top, as the objects a build frees are.
    blocks = [bytearray(8192) for _ in range(16384)]  # 128 MiB, all touched
    del blocks[::2]
    before = _resident_kib()
    assert release_free_memory()
    after = _resident_kib()
    assert before - after > 32 * 1024, (before, after)
    del blocks


def test_a_build_collects_less_often_and_puts_the_thresholds_back():
    usual = gc.get_threshold()
    try:
        collect_less_often()
        collect_less_often()  # a build that failed before its end, then another
        assert gc.get_threshold() == (YOUNG_THRESHOLD, usual[1], NO_FULL_COLLECTIONS)
        collect_as_usual()
        assert gc.get_threshold() == usual
        collect_as_usual()
        assert gc.get_threshold() == usual
    finally:
        gc.set_threshold(*usual)


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def _many_long_lived_objects() -> None:
    # Objects that survive the younger generations, as a build's articles
    # and pages do: enough to bring the oldest generation's collection.
    kept = []
    for _ in range(200):
        kept.append([[] for _ in range(1000)])


def test_a_build_never_collects_the_oldest_generation_but_frees_young_cycles(
    monkeypatch,
):
    # Younger collections as often as usual: the test's 200,000 objects
    # then bring collections of the oldest generation when they are allowed.
    monkeypatch.setattr("warta.memory.YOUNG_THRESHOLD", 700)
    usual = gc.get_threshold()
    try:
        gc.collect()
        assert _full_collections_while(_many_long_lived_objects) > 0  # as usual
        collect_less_often()
        assert _full_collections_while(_many_long_lived_objects) == 0
        young = weakref.ref(_Node())
        _many_long_lived_objects()
        assert young() is None  # a younger generation's collection freed it
        collect_as_usual()
        assert _full_collections_while(_many_long_lived_objects) > 0
    finally:
        collect_as_usual()
        gc.set_threshold(*usual)


def test_what_an_earlier_build_left_in_cycles_is_freed_when_the_next_begins():
    usual = gc.get_threshold()
    try:
        gc.disable()
        left = weakref.ref(_Node())
        assert left() is not None
        collect_less_often()
        assert left() is None
    finally:
        gc.enable()
        collect_as_usual()
        gc.set_threshold(*usual)


def test_what_the_process_keeps_between_builds_is_left_out_of_collections():
    """After a build, what survives is frozen: the next build's collections
    do not walk it. What of it the next build leaves in cycles is freed by
    the tidying after that build."""
    kept = [_Node() for _ in range(1000)]
    try:
        tidy_between_builds()
        assert gc.get_freeze_count() >= len(kept)
        left = weakref.ref(kept.pop())  # in a cycle of its own now
        collect_less_often()  # the next build begins
        assert left() is not None  # frozen: not walked, so not freed
        tidy_between_builds()  # that build is done
        assert left() is None
        assert gc.get_freeze_count() >= len(kept)
    finally:
        end_tidying()
        collect_as_usual()
    assert gc.get_freeze_count() == 0
