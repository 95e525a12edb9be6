"""Signal hookups only: tagging while and after reading, pages at writing time."""

from __future__ import annotations

from pelican import signals

from .pages import EntityPagesGenerator
from .tagger import AHEAD, tag_ahead, tag_articles


def add_generator(pelican):
    return EntityPagesGenerator


def register() -> None:
    signals.content_object_init.connect(tag_ahead)
    signals.article_generator_finalized.connect(tag_articles)
    signals.finalized.connect(AHEAD.stop)
    signals.get_generators.connect(add_generator)
