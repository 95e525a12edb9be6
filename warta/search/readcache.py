"""Pages the search index read in an earlier build, kept for the next one.

Reading a page (parsing its HTML, counting its words, compressing its
document file) is three quarters of indexing. An incremental build leaves
the files of unchanged pages untouched, so a page whose file has the same
size and modification time as when it was read is not read again: its
``ReadPage`` and document file come from here.

The cache is one file, written by this archive's own indexer and read back
only by it: each page's entry pickled on its own, one after the other, then
an index of them (page -> stamp, offset, length; ``warta.entryfile``). Only
the index is loaded: an entry is read when its page is taken, and written to
the next build's file as soon as it is put or taken, so the indexer never
holds the whole cache (130 MB at 20,000 articles).
The cache names the code that read the pages: a change in the extraction or
the index format starts it afresh. It also keeps the manifest of the bundle
the run wrote (``IndexWriter.manifest``), so that the next run rewrites only
the bundle's files whose content changes.
"""

from __future__ import annotations

import hashlib
import pickle
from array import array
from dataclasses import dataclass
from pathlib import Path

from ..entryfile import EntryFiles
from .textindex import FORMAT, ReadPage, stem

VERSION = 2
_MISSING = object()
_CODE = tuple(
    Path(__file__).with_name(name)
    for name in ("extract.py", "textindex.py", "spelling.py")
)


def code_fingerprint() -> str:
    """What the cached reads depend on besides the page: the reading code."""
    hasher = hashlib.sha256(f"{VERSION}/{FORMAT}".encode())
    for path in _CODE:
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


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
        # The last build's file, read while this one's is written.
        self._files = EntryFiles(self.path, code_fingerprint())
        index = self._files.index
        # output path -> (stamp, (offset, length) of its entry, or None:
        # nothing to index), for the last build's file and for this one's.
        self._before: dict[str, tuple[tuple[int, int], tuple[int, int] | None]] = (
            index.get("pages") or {}
        )
        self._now: dict[str, tuple[tuple[int, int], tuple[int, int] | None]] = {}
        self.hits = 0
        self.figures: dict = index.get("figures") or {}  # what that run wrote
        # The bundle that run wrote: ``IndexWriter.manifest``.
        self.bundle: dict = index.get("bundle") or {}

    def unchanged(self, stamps: dict[str, tuple[int, int]]) -> bool:
        """Whether ``stamps`` (name -> stamp of every page) are the pages of
        the run that wrote the cache, none of them changed: the bundle that
        run wrote is the one this run would write."""
        return (
            bool(self.figures)
            and len(stamps) == len(self._before)
            and all(self.has(name, found) for name, found in stamps.items())
        )

    def __len__(self) -> int:
        """How many pages of the last build's file this build has not read
        again."""
        return len(self._before)

    def has(self, name: str, current: tuple[int, int]) -> bool:
        """Whether the page ``name`` was read before and is unchanged since."""
        entry = self._before.get(name, _MISSING)
        return entry is not _MISSING and entry[0] == current

    def take(self, name: str, slot: int, known: dict[str, str]) -> ReadPage | None:
        """The page ``name`` as read before (``has`` said so), or ``None`` for
        a page that has nothing to index (its document file: ``document``).

        ``known`` is the words the index has already (word -> stem): the
        read page reports the others, as a worker would in one session.
        Raises ``KeyError`` when the entry cannot be read back (the file was
        damaged since): the page is then read again.
        """
        current, where = self._before[name]
        if where is None:
            self._now[name] = (current, None)
            self.hits += 1
            return None
        raw = self._raw(name)
        try:
            entry = pickle.loads(raw)
            if not isinstance(entry, _Entry):
                raise TypeError(type(entry).__name__)
        except Exception as error:  # any damage: the page is read again
            del self._before[name]
            raise KeyError(name) from error
        self._now[name] = (current, self._files.append(raw))
        self.hits += 1
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
            all_words=entry.words,
        )
        return read

    def words(self, name: str) -> list[str]:
        """Every word of the page ``name`` as ``take`` gave it."""
        if self._before[name][1] is None:
            return []
        words = pickle.loads(self._raw(name)).words
        return [word for word in words.split("\n") if word]

    def forget(self, name: str) -> None:
        """Keep nothing of the page ``name`` for the next build (it was
        taken, then written again or removed)."""
        self._now.pop(name, None)

    def document(self, name: str) -> bytes:
        """The document file of the page ``name`` that ``take`` gave (read
        again from the last build's file, not held meanwhile)."""
        return pickle.loads(self._raw(name)).document

    def _raw(self, name: str) -> bytes:
        """The pickled entry of the page ``name`` in the last build's file."""
        offset, length = self._before[name][1]
        return self._files.read(offset, length)

    def put(self, name: str, current: tuple[int, int], read: ReadPage | None) -> None:
        """Keep a page read in this build (``read_page(..., for_cache=True)``),
        or that it has nothing to index (``read`` None). Its entry in the last
        build's file is let go (most of 18 MB at 20,000 articles, held
        through a build that renders every page)."""
        self._before.pop(name, None)
        if read is None:
            self._now[name] = (current, None)
            return
        entry = _Entry(
            url=read.url,
            date=read.date,
            filters=read.filters,
            stems="\n".join(read.stems),
            counts=array("I", read.counts).tobytes(),
            length=read.length,
            words=read.all_words or "",
            digest=read.digest,
            document=read.document or b"",
        )
        raw = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        self._now[name] = (current, self._files.append(raw))

    def save(self, figures: dict, bundle: dict | None = None) -> None:
        """Keep the pages of this build only (pages gone are forgotten),
        ``figures`` about the bundle written from them and its ``bundle``
        manifest."""
        index = {"pages": self._now, "figures": figures, "bundle": bundle or {}}
        self._files.finish(index)

    def close(self) -> None:
        """Let go of the files (this build's, unsaved, is removed)."""
        self._files.close()
