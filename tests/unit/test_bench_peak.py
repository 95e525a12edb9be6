"""The bench's memory poller: a process of its own watching a process tree."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from warta.bench.measure import _rss_kib, _TreePeak

HOLD = 64 * 1024  # KiB a child holds


def test_the_peak_is_the_process_and_its_children_together():
    poller = _TreePeak(interval=0.02)
    poller.start()
    child = subprocess.Popen(
        [sys.executable, "-c", f"import sys; held = bytearray({HOLD * 1024}); input()"],
        stdin=subprocess.PIPE,
        text=True,
    )
    try:
        while _rss_kib(child.pid) < HOLD:  # until it holds its memory
            time.sleep(0.01)
        held = _rss_kib(child.pid)
        time.sleep(0.3)  # a few looks of the poller
        own = _rss_kib(os.getpid())
    finally:
        child.communicate("\n")
    peak = poller.stop()
    assert peak >= held + own * 0.9
    assert poller.stop() == 0  # reported once
