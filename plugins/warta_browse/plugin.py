"""Signal hookups only."""

from __future__ import annotations

from pelican import signals

from .groups import group_articles
from .pages import BrowsePagesGenerator


def add_generator(pelican):
    return BrowsePagesGenerator


def register() -> None:
    # After the entity and indicator plugins (listed before it in PLUGINS).
    signals.article_generator_finalized.connect(group_articles)
    signals.get_generators.connect(add_generator)
