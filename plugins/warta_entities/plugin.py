"""Signal hookups only: tagging after reading, pages at writing time."""

from __future__ import annotations

from pelican import signals

from .pages import EntityPagesGenerator
from .tagger import tag_articles


def add_generator(pelican):
    return EntityPagesGenerator


def register() -> None:
    signals.article_generator_finalized.connect(tag_articles)
    signals.get_generators.connect(add_generator)
