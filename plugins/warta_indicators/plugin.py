"""Signal hookups only: extraction after reading, pages at writing time."""

from __future__ import annotations

from pelican import signals

from .extractor import extract_articles
from .pages import IndicatorPagesGenerator


def add_generator(pelican):
    return IndicatorPagesGenerator


def register() -> None:
    signals.article_generator_finalized.connect(extract_articles)
    signals.get_generators.connect(add_generator)
