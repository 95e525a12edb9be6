"""Files of entries written one after the other, then an index of them (a
pickled dict) and, in their last eight bytes, where the index begins: the
search indexer's read cache, and (with no entries) the index of where
``data/articles.json``'s records are (``warta.listfile``). Only the index is
loaded; an entry is read when asked for (``os.pread``), so a reader never
holds the whole file."""

from __future__ import annotations

import os
import pickle
import struct
from pathlib import Path
from typing import BinaryIO

_FOOTER = struct.Struct("<Q")  # where the index begins


def _read_index(path: Path, fingerprint: str) -> tuple[BinaryIO, dict] | None:
    """The file ``path``, open, and its index, when the index names
    ``fingerprint`` (its ``"fingerprint"``); None for a file missing, damaged,
    of another layout or made by other code."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError:
        return None
    try:
        stream.seek(-_FOOTER.size, os.SEEK_END)
        (where,) = _FOOTER.unpack(stream.read(_FOOTER.size))
        stream.seek(where)
        data = pickle.load(stream)
    except (
        OSError,
        EOFError,
        ValueError,
        struct.error,
        pickle.UnpicklingError,
        AttributeError,
        ImportError,
        IndexError,
        TypeError,
    ):
        data = None  # damaged, or an older layout
    if isinstance(data, dict) and data.get("fingerprint") == fingerprint:
        return stream, data
    stream.close()
    return None


class EntryFiles:
    """The last build's file (``old``, open for reading while it has an
    index naming ``fingerprint``, which ``index`` then holds) and this
    build's (written as entries come, to a temporary name until ``finish``)."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.index: dict = {}
        self._old: BinaryIO | None = None
        self._new: BinaryIO | None = None
        found = _read_index(self.path, fingerprint)
        if found is not None:
            self._old, self.index = found

    def read(self, offset: int, length: int) -> bytes:
        """Bytes of the last build's file (OSError when there is none)."""
        if self._old is None:
            raise OSError("no file of the last build")
        return os.pread(self._old.fileno(), length, offset)

    def append(self, data: bytes) -> tuple[int, int]:
        """Write an entry to this build's file; return where it is."""
        if self._new is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._new = open(self._temporary(), "wb")  # noqa: SIM115 - see close
        offset = self._new.tell()
        self._new.write(data)
        return offset, len(data)

    def _temporary(self) -> Path:
        return self.path.with_name(self.path.name + ".tmp")

    def finish(self, index: dict) -> None:
        """End this build's file with ``index`` (``fingerprint`` added), put
        it in the last one's place, and let go of both."""
        self.append(b"")
        stream, self._new = self._new, None
        with stream:
            where = stream.tell()
            data = {**index, "fingerprint": self.fingerprint}
            pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
            stream.write(_FOOTER.pack(where))
        os.replace(self._temporary(), self.path)
        self.close()

    def close(self) -> None:
        """Let go of the files (this build's, unfinished, is removed)."""
        if self._old is not None:
            self._old.close()
            self._old = None
        if self._new is not None:
            self._new.close()
            self._new = None
            self._temporary().unlink(missing_ok=True)
