"""The import commands' shared engine: parse, check, deduplicate, write or print."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from warta.ingest.draft import ArticleDraft
from warta.ingest.encoding import decode_page
from warta.ingest.errors import DuplicateArticle, IngestError
from warta.ingest.feeds import Entry, listed_entries
from warta.ingest.fetch import Fetcher
from warta.ingest.mojibake import Changes, describe, repair
from warta.ingest.pasted import parse_pasted
from warta.ingest.places import Gazetteer
from warta.ingest.store import ArchiveIndex, Written, save
from warta.ingest.webpage import parse_page
from warta.metadata import ARTICLE_REQUIRED, check_file_text

MAX_SITEMAPS = 20


@dataclass
class Outcome:
    source: str
    path: Path | None = None
    backup: Path | None = None
    markdown: str | None = None  # set on a dry run
    # The input's mis-decoded words put right ("NestlÃ©" → "Nestlé").
    repaired: Changes = ()

    def notes(self) -> list[str]:
        """What an editor should know of the input beyond the file written."""
        if not self.repaired:
            return []
        where = describe(self.repaired)
        return [f"{self.source}: mis-decoded text repaired in {where}"]


@dataclass
class CrawlSummary:
    imported: list[Outcome] = field(default_factory=list)
    duplicates: list[IngestError] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    skipped_old: int = 0

    def lines(self) -> list[str]:
        out = [
            f"imported: {len(self.imported)}",
            f"duplicates skipped: {len(self.duplicates)}",
            f"failed: {len(self.failed)}",
        ]
        if self.skipped_old:
            out.append(f"older than --since: {self.skipped_old}")
        out += [f"  FAILED {error}" for error in self.failed]
        notes = [note for outcome in self.imported for note in outcome.notes()]
        out += [f"  note {note}" for note in notes]
        out += [f"  duplicate {error}" for error in self.duplicates]
        return out


@dataclass
class Importer:
    content_dir: Path
    gazetteer: Gazetteer
    update: bool = False
    dry_run: bool = False
    fetcher: Fetcher | None = None
    _index: ArchiveIndex | None = None

    @classmethod
    def for_content(cls, content_dir: Path, **options) -> Importer:
        return cls(content_dir, Gazetteer.load(content_dir / "authority"), **options)

    @property
    def articles_dir(self) -> Path:
        return self.content_dir / "articles"

    @property
    def index(self) -> ArchiveIndex:
        if self._index is None:
            self._index = ArchiveIndex(self.articles_dir)
        return self._index

    def finish(
        self, draft: ArticleDraft, source: str, repaired: Changes = ()
    ) -> Outcome:
        """Check ``draft`` and write it (print it, on a dry run). ``repaired``:
        what was put right in the input."""
        markdown = draft.to_markdown()
        if draft.date is None:
            raise IngestError(source, "no publication date found in the input")
        check_file_text(markdown, source, required=ARTICLE_REQUIRED)
        if self.dry_run:
            return Outcome(source, markdown=markdown, repaired=repaired)
        written: Written = save(
            draft,
            articles_dir=self.articles_dir,
            index=self.index,
            source_name=source,
            update=self.update,
        )
        return Outcome(source, written.path, written.backup, repaired=repaired)

    def from_text(self, text: str, source: str) -> Outcome:
        fixed = repair(text)
        draft = parse_pasted(fixed.text, source_name=source, gazetteer=self.gazetteer)
        return self.finish(draft, source, fixed.changes)

    def from_html(
        self,
        raw: bytes,
        source: str,
        *,
        url: str | None = None,
        charset: str | None = None,
    ) -> Outcome:
        try:
            html = decode_page(raw, charset)
        except UnicodeDecodeError:
            raise IngestError(source, "unknown text encoding") from None
        fixed = repair(html)
        draft = parse_page(
            fixed.text, url=url, source_name=source, gazetteer=self.gazetteer
        )
        if url and not draft.source_url:
            draft.source_url = url
        # A page's fields may hold escaped forms the text did not show.
        return self.finish(draft, source, fixed.changes + draft.repair_text())

    def from_url(self, url: str) -> Outcome:
        fetcher = self.fetcher or Fetcher()
        response = fetcher.get(url)
        if response.content_type and "html" not in response.content_type:
            raise IngestError(url, f"not a web page ({response.content_type})")
        return self.from_html(
            response.body, url, url=response.url, charset=response.charset
        )

    def crawl(
        self,
        url: str,
        *,
        since: dt.date | None = None,
        limit: int | None = None,
        progress: Callable[[Iterable[Entry]], Iterable[Entry]] = lambda entries: (
            entries
        ),
        log: TextIO = sys.stderr,
    ) -> CrawlSummary:
        fetcher = self.fetcher or Fetcher()
        self.fetcher = fetcher
        summary = CrawlSummary()
        entries = self._list(fetcher, url, summary)
        fresh = []
        for entry in entries:
            if since and entry.date and entry.date < since:
                summary.skipped_old += 1
            else:
                fresh.append(entry)
        if limit is not None:
            fresh = fresh[:limit]
        print(f"{len(fresh)} article(s) listed by {url}", file=log)
        for entry in progress(fresh):
            try:
                summary.imported.append(self.from_url(entry.url))
            except DuplicateArticle as error:
                summary.duplicates.append(error)
            except IngestError as error:
                summary.failed.append(error)
        return summary

    def _list(self, fetcher: Fetcher, url: str, summary: CrawlSummary) -> list[Entry]:
        entries: list[Entry] = []
        queue, seen = [url], set()
        while queue and len(seen) < MAX_SITEMAPS:
            current = queue.pop(0)
            if current in seen:
                continue
            seen.add(current)
            try:
                response = fetcher.get(current)
                found, children = listed_entries(response.body, current)
            except IngestError as error:
                if current == url:
                    raise
                summary.failed.append(error)
                continue
            entries.extend(found)
            queue.extend(children)
        unique = {entry.url: entry for entry in entries}
        return sorted(
            unique.values(), key=lambda e: e.date or dt.date.min, reverse=True
        )


def new_article(title: str, *, today: dt.date) -> ArticleDraft:
    """An empty article with every field ready for hand entry."""
    draft = ArticleDraft(title=title, body="Tulis isi berita di sini.", date=today)
    return draft


def new_article_text(draft: ArticleDraft) -> str:
    """The file for ``invoke new``: every header field, blank where unknown.

    It starts as a draft (built under /draf/, not listed) until the editor
    deletes the Status line.
    """
    values = draft.header_values() | {"Status": "draft"}
    keys = (
        "Title",
        "Date",
        "Slug",
        "Lang",
        "Source",
        "Source_url",
        "Author",
        "Location",
        "Region",
        "Tags",
        "Caption",
        "Summary",
        "Status",
    )
    header = "\n".join(f"{key}: {values.get(key, '')}".rstrip() for key in keys)
    return f"{header}\n\n{draft.body}\n"
