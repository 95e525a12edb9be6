"""Texts made from plain values, kept in a file for the next build.

``data/articles.json`` holds a record per article; its whole text was made
again whenever one article changed (3 s of a rebuild at 20,000 articles).
A ``TextMemo`` keeps each record's text by the digest of the record's pickle
(equal pickles make equal texts), so a build makes the texts of the records
that changed and reads the others back.

The file is the texts one after the other, then an index of them (digest ->
offset, length, a hash of the text) and, in its last eight bytes, where the
index begins. Only the index is loaded; a text is read when it is asked
for, and checked against its hash. Each build writes a new file with the
texts it used (``save``), so texts no longer used are dropped. The file
names the code that made its texts (``fingerprint``): other code, and the
texts are made again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import struct
from collections.abc import Callable
from pathlib import Path

VERSION = 1
_FOOTER = struct.Struct("<Q")  # where the index begins


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class TextMemo:
    """``text(value, make)`` is ``make(value)``, read back from the last
    build's file when that build made it from an equal value."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = Path(path)
        self.fingerprint = f"{VERSION}/{fingerprint}"
        self._before: dict[bytes, tuple[int, int, bytes]] = {}
        self._now: dict[bytes, tuple[int, int, bytes]] = {}
        self._old = None  # the last build's file, open while this one runs
        self._new = None  # this build's file, written as texts are asked for
        self.made = 0
        self.kept = 0
        self._load()

    def _load(self) -> None:
        try:
            stream = open(self.path, "rb")  # noqa: SIM115 - kept open to read
        except OSError:
            return
        try:
            stream.seek(-_FOOTER.size, os.SEEK_END)
            (where,) = _FOOTER.unpack(stream.read(_FOOTER.size))
            stream.seek(where)
            data = pickle.load(stream)
        except (OSError, EOFError, ValueError, struct.error, pickle.UnpicklingError):
            data = None  # damaged: every text is made again
        if isinstance(data, dict) and data.get("fingerprint") == self.fingerprint:
            self._before = data.get("texts") or {}
            self._old = stream
        else:
            stream.close()

    def text(self, value: object, make: Callable[[object], str]) -> str:
        """``make(value)``; ``value`` must be plain data that pickles the
        same whenever it is equal (dicts, lists, strings, numbers)."""
        key = _digest(pickle.dumps(value, protocol=5))
        found = self._before.get(key)
        text = None if found is None else self._read(found)
        if text is None:
            text = make(value)
            self.made += 1
        else:
            self.kept += 1
        if key not in self._now:
            data = text.encode("utf-8")
            self._now[key] = (self._writing().tell(), len(data), _digest(data))
            self._new.write(data)
        return text

    def _read(self, found: tuple[int, int, bytes]) -> str | None:
        offset, length, check = found
        try:
            data = os.pread(self._old.fileno(), length, offset)
        except OSError:
            return None
        if len(data) != length or _digest(data) != check:
            return None  # damaged since: made again
        return data.decode("utf-8")

    def _writing(self):
        """This build's file, opened when first written."""
        if self._new is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._new = open(self._temporary(), "wb")  # noqa: SIM115 - closed in save
        return self._new

    def _temporary(self) -> Path:
        return self.path.with_name(self.path.name + ".tmp")

    def save(self) -> None:
        """Keep the texts asked for in this build, for the next one."""
        stream, self._new = self._writing(), None
        with stream:
            where = stream.tell()
            data = {"fingerprint": self.fingerprint, "texts": self._now}
            pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
            stream.write(_FOOTER.pack(where))
        os.replace(self._temporary(), self.path)
        self.close()

    def close(self) -> None:
        """Let go of the files (this build's, unsaved, is removed)."""
        if self._old is not None:
            self._old.close()
            self._old = None
        if self._new is not None:
            self._new.close()
            self._new = None
            self._temporary().unlink(missing_ok=True)
