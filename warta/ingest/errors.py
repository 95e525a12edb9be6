"""Errors of the importers: each names the input and the reason."""

from __future__ import annotations

from warta.errors import WartaError


class IngestError(WartaError):
    """An input that cannot become an article; nothing was written."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class DuplicateArticle(IngestError):
    """The archive holds this article already (same URL or same text)."""

    def __init__(self, source: str, existing: str, why: str) -> None:
        self.existing = existing
        super().__init__(source, f"already in the archive as {existing} ({why})")


class ArticleExists(IngestError):
    """The target file exists and --update was not given."""
