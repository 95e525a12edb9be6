"""Pages the search index read in an earlier build, kept for the next one.

Reading a page (parsing its HTML, counting its words, compressing its
document file) is three quarters of indexing. An incremental build leaves
the files of unchanged pages untouched, so a page whose file has the same
size and modification time as when it was read is not read again: its
``ReadPage`` and document file come from here.

The cache is one pickle file, written by this archive's own indexer and
read back only by it. It names the code that read the pages: a change in
the extraction or the index format starts it afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from array import array
from dataclasses import dataclass
from pathlib import Path

from .textindex import FORMAT, ReadPage, stem

VERSION = 1
_MISSING = object()
_CODE = tuple(Path(__file__).with_name(name) for name in ("extract.py", "textindex.py"))


def code_fingerprint() -> str:
    """What the cached reads depend on besides the page: the reading code."""
    hasher = hashlib.sha256(f"{VERSION}/{FORMAT}".encode())
    for path in _CODE:
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def stamp(path: Path) -> tuple[int, int]:
    """A file's size and modification time: unchanged means not written since."""
    found = os.stat(path)
    return (found.st_size, found.st_mtime_ns)


@dataclass
class _Entry:
    """One page as read, in the compact shape it is pickled in."""

    url: str
    date: str
    filters: dict[str, list[str]]
    stems: str  # newline-joined
    counts: bytes  # array("I")
    length: int
    words: str  # the page's distinct words, newline-joined
    digest: bytes
    document: bytes  # the gzip-compressed document file


class ReadCache:
    """Per output file: ``has`` it been read, unchanged? Then ``take`` it;
    else read it and ``put`` it. ``save`` keeps this build's pages."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.fingerprint = code_fingerprint()
        # output path -> (stamp, the page as read or None: nothing to index)
        self._before: dict[str, tuple[tuple[int, int], _Entry | None]] = {}
        self._now: dict[str, tuple[tuple[int, int], _Entry | None]] = {}
        self.hits = 0
        self.figures: dict = {}  # what the run that wrote the cache wrote
        self._load()

    def _load(self) -> None:
        try:
            with open(self.path, "rb") as stream:
                data = pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError):
            return
        if isinstance(data, dict) and data.get("fingerprint") == self.fingerprint:
            self._before = data.get("pages") or {}
            self.figures = data.get("figures") or {}

    def unchanged(self, stamps: dict[str, tuple[int, int]]) -> bool:
        """Whether ``stamps`` (name -> stamp of every page) are the pages of
        the run that wrote the cache, none of them changed: the bundle that
        run wrote is the one this run would write."""
        return (
            bool(self.figures)
            and len(stamps) == len(self._before)
            and all(self.has(name, found) for name, found in stamps.items())
        )

    def has(self, name: str, current: tuple[int, int]) -> bool:
        """Whether the page ``name`` was read before and is unchanged since."""
        entry = self._before.get(name, _MISSING)
        return entry is not _MISSING and entry[0] == current

    def take(
        self, name: str, slot: int, known: dict[str, str]
    ) -> tuple[ReadPage, bytes] | None:
        """The page ``name`` as read before (``has`` said so): its read and
        document file, or ``None`` for a page that has nothing to index.

        ``known`` is the words the index has already (word -> stem): the
        read page reports the others, as a worker would in one session.
        """
        kept = self._now[name] = self._before[name]
        self.hits += 1
        entry = kept[1]
        if entry is None:
            return None
        new = [(w, stem(w)) for w in entry.words.split("\n") if w and w not in known]
        read = ReadPage(
            slot=slot,
            url=entry.url,
            date=entry.date,
            filters=entry.filters,
            stems=entry.stems.split("\n") if entry.stems else [],
            counts=array("I", entry.counts).tolist(),
            length=entry.length,
            words=new,
            digest=entry.digest,
        )
        return read, entry.document

    def put(self, name: str, current: tuple[int, int], read: ReadPage | None) -> None:
        """Keep a page read in this build (``read_page(..., for_cache=True)``),
        or that it has nothing to index (``read`` None)."""
        if read is None:
            self._now[name] = (current, None)
            return
        self._now[name] = (
            current,
            _Entry(
                url=read.url,
                date=read.date,
                filters=read.filters,
                stems="\n".join(read.stems),
                counts=array("I", read.counts).tobytes(),
                length=read.length,
                words=read.all_words or "",
                digest=read.digest,
                document=read.document or b"",
            ),
        )

    def save(self, figures: dict) -> None:
        """Keep the pages of this build only (pages gone are forgotten), and
        ``figures`` about the bundle written from them."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        with open(temporary, "wb") as stream:
            data = {
                "fingerprint": self.fingerprint,
                "pages": self._now,
                "figures": figures,
            }
            pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(self.path)
