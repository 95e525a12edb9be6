"""Pelican plugin: tag articles with agencies and people; write their pages."""

from .plugin import register

__all__ = ["register"]
