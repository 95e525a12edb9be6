"""Writing imported articles: never overwrite, never twice, atomically.

An article's file is ``content/articles/YYYY/<slug>.md``. Before writing, the
archive is scanned for the same original URL (``Source_url``) or the same text
(a hash of the body's words): either is reported as a duplicate and nothing is
written. An existing file is kept unless ``update`` is set, in which case a
timestamped backup is written beside it first.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from warta.ingest.draft import ArticleDraft, text_fingerprint
from warta.ingest.errors import ArticleExists, DuplicateArticle, IngestError
from warta.metadata import parse_header


def canonical_url(url: str) -> str:
    """A URL without scheme, ``www.``, fragment and trailing slash; host lower-cased."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, parts.query, ""))


@dataclass(frozen=True)
class Known:
    path: Path
    url: str | None
    fingerprint: str


class ArchiveIndex:
    """What the archive holds, by canonical URL and by text fingerprint."""

    def __init__(self, articles_dir: Path) -> None:
        self.articles_dir = articles_dir
        self.by_url: dict[str, Path] = {}
        self.by_text: dict[str, Path] = {}
        for path in sorted(articles_dir.rglob("*.md")) if articles_dir.is_dir() else []:
            text = path.read_text(encoding="utf-8", errors="replace")
            header = parse_header(text, path)
            body = "\n".join(text.splitlines()[header.body_line - 1 :])
            self.add(path, header.values.get("source_url"), text_fingerprint(body))

    def add(self, path: Path, url: str | None, fingerprint: str) -> None:
        if url:
            self.by_url.setdefault(canonical_url(url), path)
        self.by_text.setdefault(fingerprint, path)

    def duplicate_of(self, draft: ArticleDraft) -> tuple[Path, str] | None:
        if draft.source_url:
            found = self.by_url.get(canonical_url(draft.source_url))
            if found:
                return found, "same original URL"
        found = self.by_text.get(draft.fingerprint)
        if found:
            return found, "same text"
        return None


def target_path(articles_dir: Path, draft: ArticleDraft) -> Path:
    if draft.date is None:
        raise IngestError(
            draft.title, "no publication date found; give one with --date"
        )
    return articles_dir / f"{draft.date.year:04d}" / f"{draft.slug}.md"


def write_atomic(path: Path, text: str, *, replace: bool) -> None:
    """Write via a temporary file in the same folder; without ``replace`` the
    final link fails if the file appeared meanwhile, so nothing is overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=".import-", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # FileExistsError if it exists
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def backup(path: Path, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%dT%H%M%S")
    copy = path.with_name(f"{path.name}.{stamp}.bak")
    shutil.copy2(path, copy)
    return copy


@dataclass(frozen=True)
class Written:
    path: Path
    backup: Path | None


def save(
    draft: ArticleDraft,
    *,
    articles_dir: Path,
    index: ArchiveIndex,
    source_name: str,
    update: bool = False,
) -> Written:
    """Write ``draft``; raise ``DuplicateArticle`` or ``ArticleExists`` instead of
    losing or doubling anything."""
    path = target_path(articles_dir, draft)
    duplicate = index.duplicate_of(draft)
    if duplicate and not (update and duplicate[0] == path):
        raise DuplicateArticle(source_name, str(duplicate[0]), duplicate[1])
    copy = None
    if path.exists():
        if not update:
            raise ArticleExists(
                source_name,
                f"{path} exists; use --update to replace it (a backup is kept)",
            )
        copy = backup(path)
    try:
        write_atomic(path, draft.to_markdown(), replace=update)
    except FileExistsError:
        raise ArticleExists(
            source_name, f"{path} appeared while writing; not replaced"
        ) from None
    index.add(path, draft.source_url, draft.fingerprint)
    return Written(path, copy)
