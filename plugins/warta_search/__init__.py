"""Pelican plugin: index the built site with Pagefind; write the suggestion index."""

from .plugin import register

__all__ = ["register"]
