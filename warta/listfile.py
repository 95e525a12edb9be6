"""A JSON list written item by item, its unchanged items copied from the
file the last build wrote.

``data/articles.json`` holds a record per article (84 MB at 20,000
articles), and one edited article changes it. Its items' texts were kept in
a memo file of their own, read back one by one, checked, decoded and
written out twice (1.5 s of a rebuild after one edit at 20,000 articles).
Here the list file is its own memo: ``ListFile`` keeps, in a small index
beside the cache, where each item's text is in the file as written, by the
item's key (a digest of what it was made from). The next build copies the
items it finds there, a run of items that followed each other at once
(``os.copy_file_range``: the kernel copies, Python never holds the bytes),
and is given the texts of the others.

The index names the file (path, size and modification time as written): a
file changed since, or gone, gives nothing, and every text is made again. It
names the code that made the texts too (``fingerprint``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

from warta.entryfile import EntryFiles
from warta.kept import file_stamp_if_there

VERSION = 1
_CHUNK = 1 << 20  # bytes copied at a time where the kernel cannot copy


def value_key(value: object) -> bytes:
    """The key of an item made from ``value``: plain data (dicts, lists,
    strings, numbers), equal whenever the data is. Pickled without a memo:
    with one, a string met twice is written the second time as a reference
    if it is the same object, and in full if it is an equal one, so that
    equal records had different keys by what their strings shared (an edited
    article's record, made again, was made again about half the time)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return hashlib.blake2b(out.getbuffer(), digest_size=16).digest()


class ListFile:
    """The list file at ``path`` and its index ``memo``. ``has(key)``: an
    item of that key can be copied; ``write(items)`` writes the list."""

    def __init__(self, path: Path, memo: Path, fingerprint: str, indent: int = 1):
        self.path = Path(path)
        self.memo = Path(memo)
        self.inner = ("\n" + " " * indent).encode()
        # key -> (offset, length) of its text in the file as the last build
        # wrote it, and in the file this one writes.
        self._before: dict[bytes, tuple[int, int]] = {}
        self._now: dict[bytes, tuple[int, int]] = {}
        self.made = self.copied = 0
        # The index: an entry file with no entries (``warta.entryfile``).
        self._files = EntryFiles(self.memo, f"{VERSION}/{fingerprint}")
        index = self._files.index
        stamp = file_stamp_if_there(self.path)
        if index.get("path") == str(self.path) and index.get("stamp") == stamp:
            self._before = index.get("items") or {}

    def has(self, key: bytes) -> bool:
        """Whether the item of ``key`` is in the last build's file."""
        return key in self._before

    def keys(self) -> list[bytes]:
        """The keys of the last build's items, in the file's order (none if
        the file changed since)."""
        return list(self._before)

    def close(self) -> None:
        """Let go of the index, writing nothing."""
        self._files.close()

    def write(self, items: Iterable[tuple[bytes, str | None]]) -> None:
        """Write the list of ``items``, each its key and its text (indented
        as in the list: ``jsontext.item_text``), or None for an item
        ``has`` found (asked as the items are made): copied. Written beside
        ``path``, then put in its place; the index is saved for the next
        build."""
        temporary = self.path.with_name(self.path.name + ".tmp")
        old = None
        if self._before:
            try:
                old = os.open(self.path, os.O_RDONLY)
            except OSError:  # gone since: ``has`` finds nothing from now on
                self._before = {}
        try:
            with open(temporary, "wb") as stream:
                _Writer(stream.fileno(), old, self).write(items)
            stamp = file_stamp_if_there(temporary)
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            self._files.close()
            raise
        finally:
            if old is not None:
                os.close(old)
        self._files.finish({"path": str(self.path), "stamp": stamp, "items": self._now})


class _Writer:
    """One writing of a ``ListFile``: texts written, runs of items copied."""

    def __init__(self, out: int, old: int | None, owner: ListFile) -> None:
        self.out, self.old, self.owner = out, old, owner
        self.position = 0  # where the next bytes go in the new file
        self.pending = bytearray()  # written before the next copy
        self.run: tuple[int, int] | None = None  # old file: start, end

    def write(self, items: Iterable[tuple[bytes, str | None]]) -> None:
        owner = self.owner
        before, now = owner._before, owner._now
        separator, between = b"[" + owner.inner, b"," + owner.inner
        for key, text in items:
            if text is None:
                offset, length = before[key]
                run = self.run
                if run is not None and offset == run[1] + len(between):
                    # Right after the last item copied, with the separator
                    # between them: the run grows.
                    self.run = (run[0], offset + length)
                else:
                    self._copy_run()
                    self._put(separator)
                    self.run = (offset, offset + length)
                now[key] = (self._end() - length, length)
                owner.copied += 1
            else:
                self._copy_run()
                data = text.encode("utf-8")
                self._put(separator)
                now[key] = (self._end(), len(data))
                self._put(data)
                owner.made += 1
            separator = between
        self._copy_run()
        self._put(b"[]" if separator[:1] == b"[" else b"\n]")
        self._flush()

    def _end(self) -> int:
        """Where the new file ends, with what is pending and the run."""
        run = self.run
        copied = 0 if run is None else run[1] - run[0]
        return self.position + len(self.pending) + copied

    def _put(self, data: bytes) -> None:
        self.pending += data
        if len(self.pending) >= _CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            os.pwrite(self.out, self.pending, self.position)
            self.position += len(self.pending)
            self.pending.clear()

    def _copy_run(self) -> None:
        if self.run is None:
            return
        start, end = self.run
        self.run = None
        self._flush()
        while start < end:
            done = self._copy(start, end - start)
            if done <= 0:
                raise OSError(f"{self.owner.path}: shorter than its index says")
            start += done
            self.position += done

    def _copy(self, offset: int, count: int) -> int:
        """Copy up to ``count`` bytes at ``offset`` of the old file to the
        new one's end; how many were copied."""
        try:
            return os.copy_file_range(
                self.old, self.out, count, offset_src=offset, offset_dst=self.position
            )
        except (AttributeError, OSError):  # not on this system or filesystem
            data = os.pread(self.old, min(count, _CHUNK), offset)
            if data:
                os.pwrite(self.out, data, self.position)
            return len(data)
