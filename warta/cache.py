"""A build cache: results keyed by a hash of their inputs, one file a cache.

The file holds one entry a line, ``"key"<TAB>record``, the key and the record
as compact JSON in UTF-8 (which escapes every control character, so a record
never spans lines), after a first line naming the layout. An entry is kept as
its line's bytes until a build asks for it: the records of a whole archive parsed
at once took 300 MB at 20,000 articles, beside the tags and figures the
build makes from them. Records parsed one at a time share their strings
(``_SharingDecoder``): with an indicator's id, a unit or a kind parsed anew
for every figure, a build from the cache held 24 MB more than the build that
filled it at 5,000 articles (6 MB now; tracemalloc at the end of writing).

A build that adds a few entries appends their lines to the file, which it
wrote or read and which is still as it left it: writing every entry again
cost 2.5 s a cache (under cProfile) after one edit at 20,000 articles, for
one new line. The lines of entries no longer used stay until they are more
than ``STALE_SHARE`` of the file, then the file is written afresh with the
used ones only; such a line is still right for its key (a key is a hash of its
inputs). An append cut short (a crash) leaves a last line without its
newline: that line alone is dropped when the file is read.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from warta.kept import file_stamp_if_there, keep, take

HEADER = b"# warta json cache 2\n"
SHARED_LENGTH = 64  # strings up to this long are held once for the whole build
STALE_SHARE = 1 / 8  # of a file's lines, unused ones, at most, before it is rewritten

# What a process that builds again (``make serve``) keeps of each cache it
# saved (``warta.kept``): the entries the build used, as the objects it made of
# them. The next build takes them instead of reading and parsing the file
# again, if the file is still the one it saved.
KEPT_KIND = "json cache"


def flat_record(item) -> dict:
    """A flat dataclass as a dict: ``dataclasses.asdict`` recurses and deep-copies,
    which cost 14 % of a whole build when the caches were written with it."""
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


@dataclass(frozen=True)
class _Deferred:
    """A cache entry kept as the object the build made (``JsonCache.put_object``)."""

    value: object
    to_json: Callable[[object], object]

    def record(self):
        return self.to_json(self.value)


class _SharingDecoder:
    """Parses records so that they share their strings, keys and values of
    objects: a short one (an id, a unit, a kind) with every record parsed by
    this decoder, a longer one (a sentence, which several tags of an article
    may quote) within its record."""

    def __init__(self) -> None:
        self.shared: dict[str, str] = {}
        self._record: dict[str, str] = {}
        self._decoder = json.JSONDecoder(object_pairs_hook=self._object)

    def decode(self, data: bytes):
        try:
            return self._decoder.decode(data.decode("utf-8"))
        finally:
            self._record = {}

    def _object(self, pairs: list[tuple[str, object]]) -> dict:
        shared = self.shared.setdefault
        record = self._record.setdefault
        return {
            shared(key, key): (
                (shared if len(item) <= SHARED_LENGTH else record)(item, item)
                if type(item) is str
                else item
            )
            for key, item in pairs
        }


@dataclass
class JsonCache:
    """Entries used in a build are kept at ``save``; the others are dropped
    (from the file once they are more than ``STALE_SHARE`` of it)."""

    path: Path | None
    entries: dict = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    # The keys whose lines the file holds, used or not, and its size and
    # modification time once read or written: a save appends to it only
    # while it is still that file.
    on_file: set[str] = field(default_factory=set)
    file_stamp: tuple[int, int] | None = None
    hits: int = 0
    misses: int = 0
    added: int = 0
    decoder: _SharingDecoder = field(
        default_factory=_SharingDecoder, repr=False, compare=False
    )

    @classmethod
    def load(cls, path: Path | None):
        cache = cls(path)
        kept = take(KEPT_KIND, [path]) if path is not None else None
        if kept is not None:
            cache.entries, cache.on_file = kept
            cache.file_stamp = file_stamp_if_there(path)
            return cache
        if path is not None and path.is_file():
            try:
                cache.entries, whole = _read_entries(path)
            except (OSError, ValueError, UnicodeDecodeError):
                cache.entries = {}  # a damaged cache is rebuilt, never trusted
            else:
                cache.on_file = set(cache.entries)
                # A file cut short is written afresh, never appended to.
                cache.file_stamp = file_stamp_if_there(path) if whole else None
        return cache

    def has(self, key: str) -> bool:
        """Whether ``key`` is cached (not counted as a hit or a miss)."""
        return key in self.entries

    def _take(self, key: str):
        """``key``'s entry as held (a record read from the file is parsed),
        counted as a hit, or None, counted as a miss."""
        record = self.entries.get(key)
        if isinstance(record, bytes):  # as read from the file: parsed now
            try:
                record = self.decoder.decode(record)
            except ValueError:  # a damaged line: that entry is made again
                del self.entries[key]
                # and its new line appended: read later, it wins
                self.on_file.discard(key)
                record = None
        if record is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        return record

    def get_json(self, key: str):
        record = self._take(key)
        return record.record() if isinstance(record, _Deferred) else record

    def put_json(self, key: str, record) -> None:
        self.entries[key] = record
        self.used.add(key)
        self.added += 1

    def put_object(self, key: str, value, to_json: Callable) -> None:
        """Keep ``value`` itself, which the build holds anyway, and make its
        record with ``to_json(value)`` only when it is written (``save``): the
        records of a whole build, held until then, once made its peak memory."""
        self.put_json(key, _Deferred(value, to_json))

    def get_object(self, key: str, from_json: Callable, to_json: Callable):
        """The object ``from_json`` makes of ``key``'s record, or None. The
        entry is then held as that object, not also as the bytes it was read
        from (a second copy), and not counted as new; an entry already held
        as an object is that object."""
        record = self._take(key)
        if record is None:
            return None
        if isinstance(record, _Deferred):
            return record.value
        value = from_json(record)
        self.entries[key] = _Deferred(value, to_json)
        return value

    def save(self) -> None:
        """Write the entries used in this build: append the new ones to the
        file, or write it afresh (atomically) with the used ones only when
        too many of its lines are unused or it is not the file this cache
        read or wrote. The process keeps them for its next build
        (``warta.kept``)."""
        if self.path is None:
            return
        used = {key: self.entries[key] for key in self.used if key in self.entries}
        new = [key for key in used if key not in self.on_file]
        stale = len(self.on_file) - (len(used) - len(new))
        as_left = self.file_stamp is not None and (
            self.file_stamp == file_stamp_if_there(self.path)
        )
        if as_left and stale <= STALE_SHARE * (len(self.on_file) + len(new)):
            if new:
                with open(self.path, "ab") as stream:
                    for key in new:
                        stream.write(_line(key, used[key]))
                        self.on_file.add(key)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(HEADER)
                for key, value in used.items():
                    stream.write(_line(key, value))
            os.replace(temporary, self.path)
            self.on_file = set(used)
        self.file_stamp = file_stamp_if_there(self.path)
        keep(KEPT_KIND, [self.path], (used, self.on_file))


def _line(key: str, value) -> bytes:
    if isinstance(value, bytes):
        data = value  # as read: not parsed and written again
    else:
        record = value.record() if isinstance(value, _Deferred) else value
        data = _compact(record).encode("utf-8")
    return b"%s\t%s\n" % (_compact(key).encode("utf-8"), data)


def _read_entries(path: Path) -> tuple[dict, bool]:
    """Key -> the record's JSON as UTF-8 bytes (a record itself is never
    bytes; as a str, a text with one character beyond Latin-1 would take twice
    the room); ValueError for another layout or a damaged line that does not
    even name its key. A last line without its newline (an append cut short)
    is left out: the flag says whether the file had none."""
    entries = {}
    with open(path, "rb") as stream:
        if stream.readline() != HEADER:
            raise ValueError(f"{path}: not a cache of this layout")
        for line in stream:
            if not line.endswith(b"\n"):
                return entries, False  # only the last line can lack it
            head, tab, data = line.partition(b"\t")
            if not tab:
                raise ValueError(f"{path}: a damaged line")
            key = head.decode("utf-8")
            if key.startswith('"') and key.endswith('"') and "\\" not in key:
                key = key[1:-1]  # the common case: nothing escaped
            else:
                key = json.loads(key)
            entries[key] = data[:-1]
    return entries, True


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
