"""Memory this process has freed, handed back to the system, and how often
the garbage collector walks it.

CPython frees objects into the C library's heap, which keeps the pages for
later allocations: a build that has written its site holds its peak resident
size while it waits for the search indexer, whose own peak comes then. At
20,000 articles 145 MB of the build's 804 MB were free pages (measured at
the end of an incremental rebuild).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc

# Allocations between two collections of the youngest generation during a
# build (CPython's default: 700). A build makes millions of objects that live
# to its end; each collection of the oldest generation walks all of them, and
# it came four times in a rebuild at 5,000 articles: 1.0 of its 8.3 s.
YOUNG_THRESHOLD = 10_000
# Collections of the middle generation between two of the oldest during a
# build: so many that none comes. Each walked every object the build had made
# (0.6 s at 20,000 articles, twice in a rebuild after one edit, four times in
# the first build of ``make serve``) and found almost nothing to free (10 and 20
# objects; none in a whole first build at 5,000 articles): the cycles a build
# leaves die young, in the younger generations' collections, which still run.
NO_FULL_COLLECTIONS = 1_000_000_000
_usual: tuple[int, int, int] | None = None


@functools.cache
def _trim():
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    return getattr(ctypes.CDLL(name), "malloc_trim", None)  # glibc only


def release_free_memory() -> bool:
    """Return the heap's free pages to the system (glibc's ``malloc_trim``);
    False where the C library has no such call."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True


def collect_less_often() -> None:
    """For a build: collect what an earlier build of this process left (its
    objects refer to each other, so only a full collection frees them), then
    collect the youngest generation less often, and the oldest never, until
    ``collect_as_usual``."""
    global _usual
    if _usual is None:
        _usual = gc.get_threshold()
    gc.collect()
    gc.set_threshold(YOUNG_THRESHOLD, _usual[1], NO_FULL_COLLECTIONS)


def tidy_between_builds() -> None:
    """For a process that builds again (``make serve``), once a build is done
    and before it waits for the next change: collect what the build left and
    hand the freed pages back. The next build's own first collection
    (``collect_less_often``) then finds nothing of it to free (4.6 s of a
    rebuild at 20,000 articles when it did), and the process holds less
    while the editor writes.

    What is left is what the process keeps between builds (the tags and
    figures of every article: 535,000 objects at 20,000 articles): it is
    frozen (``gc.freeze``), so that the next build's collections do not walk
    it (collecting took 5.4 s of a rebuild after one edit at 20,000
    articles, 3.8 s with it frozen).
    Objects frozen that the next build leaves in cycles are freed here after
    it (``end_tidying`` lets go of them all)."""
    gc.unfreeze()
    gc.collect()
    release_free_memory()
    gc.freeze()


def end_tidying() -> None:
    """For a process that stops building again: what ``tidy_between_builds``
    froze is collected as usual again."""
    gc.unfreeze()


def collect_as_usual() -> None:
    """Back to the thresholds ``collect_less_often`` found."""
    global _usual
    if _usual is not None:
        gc.set_threshold(*_usual)
        _usual = None
