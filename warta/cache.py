"""A build cache: one JSON file of results keyed by a hash of their inputs."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


def flat_record(item) -> dict:
    """A flat dataclass as a dict: ``dataclasses.asdict`` recurses and deep-copies,
    which cost 14 % of a whole build when the caches were written with it."""
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


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

    def get_json(self, key: str):
        record = self.entries.get(key)
        if record is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        return record

    def put_json(self, key: str, record) -> None:
        self.entries[key] = record
        self.used.add(key)
        self.added += 1

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
        # json.dumps, not json.dump: only dumps uses the C encoder.
        text = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, self.path)
