"""News articles kept as records: JSON Lines and CSV rows, one article each.

Public news datasets come in these two forms. A record's text is the first of
``TEXT_FIELDS`` it holds (non-empty), its id the first of ``ID_FIELDS``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from warta.errors import WartaError

TEXT_FIELDS = ("text", "isi", "isi_berita", "berita", "content", "body")
ID_FIELDS = ("id", "article_id")
RECORD_SUFFIXES = (".jsonl", ".csv")


class RecordNotFoundError(WartaError):
    """A records file holds no record with the id asked for."""


def text_of(record: dict) -> str | None:
    """The record's article text, or None when it has none."""
    for field in TEXT_FIELDS:
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return value
    return None


def id_of(record: dict) -> str | None:
    for field in ID_FIELDS:
        value = record.get(field)
        if value not in (None, ""):
            return str(value)
    return None


def read_records(path: Path) -> Iterator[dict]:
    """Every record of a ``.jsonl`` or ``.csv`` file, in file order."""
    if path.suffix.lower() == ".jsonl":
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)
    else:
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8", newline="") as rows:
            yield from csv.DictReader(rows)


class RecordTexts:
    """Article texts looked up by file and id; each file is read once."""

    def __init__(self) -> None:
        self._files: dict[Path, dict[str, str]] = {}

    def text(self, path: Path, record_id: str) -> str:
        texts = self._files.get(path)
        if texts is None:
            texts = {}
            for record in read_records(path):
                key, text = id_of(record), text_of(record)
                if key is not None and text is not None:
                    texts.setdefault(key, text)
            self._files[path] = texts
        try:
            return texts[record_id]
        except KeyError:
            raise RecordNotFoundError(
                f"{path}: no article with id {record_id!r}"
            ) from None
