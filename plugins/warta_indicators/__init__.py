"""Pelican plugin: extract economic figures from articles; write indicator pages."""

from .plugin import register

__all__ = ["register"]
