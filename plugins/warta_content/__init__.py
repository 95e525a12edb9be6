"""Pelican plugin: strict reading of Warta's content files. The package also
holds how listings are paginated (``paging``, used by Warta's writer)."""

from .plugin import register

__all__ = ["register"]
