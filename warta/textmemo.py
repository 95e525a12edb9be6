"""Texts made from plain values, kept in a file for the next build.

``data/articles.json`` holds a record per article; its whole text was made
again whenever one article changed (3 s of a rebuild at 20,000 articles).
A ``TextMemo`` keeps each record's text by the digest of the record's pickle
(equal pickles make equal texts), so a build makes the texts of the records
that changed and reads the others back.

The file is the texts one after the other, then an index of them (digest ->
offset, length, a hash of the text; ``warta.entryfile``). A text is read
when it is asked for, and checked against its hash. Each build writes a new
file with the texts it used (``save``), so texts no longer used are dropped.
The file names the code that made its texts (``fingerprint``): other code,
and the texts are made again.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

from warta.entryfile import EntryFiles

VERSION = 1


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class TextMemo:
    """``text(value, make)`` is ``make(value)``, read back from the last
    build's file when that build made it from an equal value."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self._files = EntryFiles(Path(path), f"{VERSION}/{fingerprint}")
        # value digest -> offset, length and hash of its text, in the last
        # build's file and in this one's.
        self._before: dict[bytes, tuple[int, int, bytes]] = (
            self._files.index.get("texts") or {}
        )
        self._now: dict[bytes, tuple[int, int, bytes]] = {}
        self.made = 0
        self.kept = 0

    def text(self, value: object, make: Callable[[object], str]) -> str:
        """``make(value)``; ``value`` must be plain data that pickles the
        same whenever it is equal (dicts, lists, strings, numbers)."""
        return self.keyed_text(value, make)[1]

    def keyed_text(
        self, value: object, make: Callable[[object], str]
    ) -> tuple[bytes, str]:
        """``text(value, make)`` and the key it is kept under, for
        ``text_of`` in a later build."""
        key = _digest(pickle.dumps(value, protocol=5))
        text = self.text_of(key)
        if text is None:
            text = make(value)
            data = text.encode("utf-8")
            self.made += 1
            if key not in self._now:
                self._now[key] = (*self._files.append(data), _digest(data))
        return key, text

    def text_of(self, key: bytes) -> str | None:
        """The text the last build kept under ``key``, if it is still there as
        kept (then kept for the next build too); else None."""
        found = self._before.get(key)
        data = None if found is None else self._read(found)
        if data is None:
            return None
        if key not in self._now:
            self._now[key] = (*self._files.append(data), found[2])
        self.kept += 1
        return data.decode("utf-8")

    def _read(self, found: tuple[int, int, bytes]) -> bytes | None:
        """The bytes of a text the last build kept, if they are as kept."""
        offset, length, check = found
        try:
            data = self._files.read(offset, length)
        except OSError:
            return None
        if len(data) != length or _digest(data) != check:
            return None  # damaged since: made again
        return data

    def save(self) -> None:
        """Keep the texts asked for in this build, for the next one."""
        self._files.finish({"texts": self._now})

    def close(self) -> None:
        """Let go of the files (this build's, unsaved, is removed)."""
        self._files.close()
