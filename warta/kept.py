"""Objects made from files (or written to them), kept by a process that
builds again (``make serve``) for as long as the files are unchanged."""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# (kind, roots or None) -> (the files' stamp, or the inputs, it was made
# from; the object)
_KEPT: dict[tuple, tuple[object, object]] = {}


def files_stamp(roots: Iterable[Path]) -> tuple:
    """Every file under ``roots`` (folders or files): path, inode, size and
    modification time, in a fixed order. A file saved again changes it."""
    found = []
    for root in roots:
        root = os.fspath(root)
        paths = [root] if not os.path.isdir(root) else _files_under(root)
        for path in paths:
            try:
                stat = os.stat(path)
            except OSError:
                found.append((path, None))
                continue
            found.append((path, stat.st_ino, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def file_stamp(path: str | os.PathLike) -> tuple[int, int]:
    """A file's size and modification time: unchanged means not written
    since. OSError if it is missing."""
    found = os.stat(path)
    return (found.st_size, found.st_mtime_ns)


def file_stamp_if_there(path: str | os.PathLike) -> tuple[int, int] | None:
    """``file_stamp(path)``, or None if there is no such file."""
    try:
        return file_stamp(path)
    except OSError:
        return None


def _files_under(folder: str) -> list[str]:
    return sorted(
        os.path.join(parent, name)
        for parent, _folders, names in os.walk(folder)
        for name in names
    )


def _key(kind: str, roots: Iterable[Path]) -> tuple[str, tuple[str, ...]]:
    return kind, tuple(os.path.abspath(root) for root in roots)


def kept_while_unchanged(kind: str, roots: Iterable[Path], make: Callable[[], T]) -> T:
    """``make()``, or the object it made for ``kind`` and ``roots`` before if
    no file under ``roots`` has changed since. The object must not be changed
    by its users. What ``make`` raises is raised, and nothing is kept."""
    key = _key(kind, roots)
    # Stamped before making: a file saved meanwhile counts as a change.
    return _kept_or_made(key, files_stamp(key[1]), make)


def kept_and_updated(kind: str, update: Callable[[T | None], T]) -> T:
    """``update(last)``, ``last`` what it gave for ``kind`` the last time in
    this process (None the first time), kept for the next time. For work
    over the whole archive that the next build can update where its inputs
    changed. What ``update`` raises is raised, and nothing is kept (it may
    have changed ``last`` half way)."""
    found = _KEPT.pop((kind, None), None)
    made = update(None if found is None else found[1])
    _KEPT[(kind, None)] = (None, made)
    return made


def _kept_or_made(key: tuple, inputs: object, make: Callable[[], T]) -> T:
    found = _KEPT.get(key)
    if found is not None and found[0] == inputs:
        return found[1]
    made = make()
    _KEPT[key] = (inputs, made)
    return made


def carried_over(kind: str, inputs: object) -> tuple[dict, dict]:
    """For values one build works out and the next may look up: the dict
    the last call for ``kind`` returned second, if ``inputs`` equal that
    call's (else an empty one), and a new empty dict kept in its place for
    this build to fill with what it worked out or used. What the last build
    had and this one did not use is let go with the older dict."""
    found = _KEPT.get((kind, None))
    last = found[1] if found is not None and found[0] == inputs else {}
    now: dict = {}
    _KEPT[(kind, None)] = (inputs, now)
    return last, now


def carries(kind: str, inputs: object) -> bool:
    """Whether the last ``carried_over`` call for ``kind`` had ``inputs``
    and its build put something in the dict it returned: what the next call
    with ``inputs`` would find."""
    found = _KEPT.get((kind, None))
    return found is not None and found[0] == inputs and bool(found[1])


class CarriedOver:
    """Values by what they are worked out from (an article's file, the
    inputs of its cache key), carried from one build of a process to the next
    (``carried_over``) while ``fingerprint`` (what else they depend on) is the
    same. An article made again from what was read of it
    (``warta_incremental.articles``) brings the last build's very title and
    HTML, whose hashes Python keeps: its cache key is found without its text
    being made and hashed again. Only the values this build put are carried
    to the next."""

    def __init__(self, kind: str, fingerprint: Hashable) -> None:
        self._last, self._now = carried_over(kind, fingerprint)

    def get(self, inputs: Hashable) -> object | None:
        return self._last.get(inputs)

    def put(self, inputs: Hashable, value: object) -> None:
        self._now[inputs] = value

    def once(self, inputs: Hashable, make: Callable[[], T]) -> T:
        """The value for ``inputs`` put by this build, else the last build's,
        else ``make()``; put, so that one object serves this build and the
        next for the same inputs."""
        found = self._now.get(inputs)
        if found is None:
            found = self._last.get(inputs)
            if found is None:
                found = make()
            self._now[inputs] = found
        return found


def keep(kind: str, roots: Iterable[Path], value: object) -> None:
    """Keep ``value``, just written to the files under ``roots``, for
    ``take``: the object the next build would otherwise read them back as."""
    key = _key(kind, roots)
    _KEPT[key] = (files_stamp(key[1]), value)


def take(kind: str, roots: Iterable[Path]) -> object | None:
    """What ``keep`` kept for ``kind`` and ``roots`` if no file under them has
    changed since, else None; handed over (not kept again), so its taker may
    change it."""
    key = _key(kind, roots)
    found = _KEPT.pop(key, None)
    if found is not None and found[0] == files_stamp(key[1]):
        return found[1]
    return None


def forget_kept() -> None:
    """Let go of everything kept: the next call makes it again, as a new
    process would."""
    _KEPT.clear()
