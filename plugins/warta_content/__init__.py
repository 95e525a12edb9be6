"""Pelican plugin: strict reading of Warta's content files."""

from .plugin import register

__all__ = ["register"]
