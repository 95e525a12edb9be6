"""Signal hookups only: extraction while and after reading, pages at writing time."""

from __future__ import annotations

from pelican import signals

from .extractor import AHEAD, extract_ahead, extract_articles
from .pages import IndicatorPagesGenerator


def add_generator(pelican):
    return IndicatorPagesGenerator


def register() -> None:
    signals.content_object_init.connect(extract_ahead)
    signals.article_generator_finalized.connect(extract_articles)
    signals.finalized.connect(AHEAD.stop)
    signals.get_generators.connect(add_generator)
