"""Free heap pages go back to the system; a build collects garbage less often."""

import gc
import weakref

from warta.memory import (
    YOUNG_THRESHOLD,
    collect_as_usual,
    collect_less_often,
    end_tidying,
    release_free_memory,
    tidy_between_builds,
)


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
        assert gc.get_threshold() == (YOUNG_THRESHOLD, *usual[1:])
        collect_as_usual()
        assert gc.get_threshold() == usual
        collect_as_usual()
        assert gc.get_threshold() == usual
    finally:
        gc.set_threshold(*usual)


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


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
