"""Pelican plugin: incremental builds (pages with unchanged inputs are kept)."""

from .plugin import register

__all__ = ["register"]
