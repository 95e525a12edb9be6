"""Pelican plugin: browsing by region and source, related articles, feeds, sitemaps."""

from .plugin import register

__all__ = ["register"]
