"""A build cache: one JSON file of results keyed by a hash of their inputs."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


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


@dataclass
class JsonCache:
    """Entries used in a build are kept at ``save``; the others are dropped."""

    path: Path | None
    entries: dict = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    hits: int = 0
    misses: int = 0
    added: int = 0

    @classmethod
    def load(cls, path: Path | None):
        cache = cls(path)
        if path is not None and path.is_file():
            try:
                cache.entries = json.loads(path.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, OSError, UnicodeDecodeError):
                cache.entries = {}  # a damaged cache is rebuilt, never trusted
        return cache

    def has(self, key: str) -> bool:
        """Whether ``key`` is cached (not counted as a hit or a miss)."""
        return key in self.entries

    def get_json(self, key: str):
        record = self.entries.get(key)
        if record is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        if isinstance(record, _Deferred):
            return record.record()
        return record

    def put_json(self, key: str, record) -> None:
        self.entries[key] = record
        self.used.add(key)
        self.added += 1

    def put_object(self, key: str, value, to_json: Callable) -> None:
        """Keep ``value`` itself, which the build holds anyway, and make its
        record with ``to_json(value)`` only when it is written (``save``): the
        records of a whole build, held until then, once made its peak memory."""
        self.put_json(key, _Deferred(value, to_json))

    def save(self) -> None:
        """Write the entries used in this build, atomically; nothing when the
        file already holds exactly those (a rebuild with nothing new)."""
        if self.path is None:
            return
        if (
            not self.added
            and len(self.used) == len(self.entries)
            and self.path.is_file()
        ):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        kept = {key: self.entries[key] for key in self.used if key in self.entries}
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            write_json_object(stream, kept)
        os.replace(temporary, self.path)


def write_json_object(stream, mapping: dict) -> None:
    """Write ``json.dumps(mapping, ensure_ascii=False, separators=(",", ":"))``
    entry by entry: the C encoder (only ``json.dumps`` uses it) for each one, but
    never the whole text at once (twice a cache file's size while encoding).
    A value kept by ``put_object`` is written as its record."""
    separator = "{"
    for key, value in mapping.items():
        if isinstance(value, _Deferred):
            value = value.record()
        stream.write(separator + _compact(key) + ":" + _compact(value))
        separator = ","
    stream.write("{}" if separator == "{" else "}")


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
