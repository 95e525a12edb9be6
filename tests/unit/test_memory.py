"""Free heap pages go back to the system."""

from warta.memory import release_free_memory


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
