"""Signal hookups only: index the site once everything is written."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .indexer import index_site
from .suggestions import SuggestionsGenerator

logger = logging.getLogger(__name__)

# In the cache folder: the pages the search index read, for the next build.
READ_CACHE = "warta-search-pages.pickle"


def index_output(pelican) -> None:
    if not pelican.settings.get("WARTA_SEARCH", True):
        return
    cache = None
    if pelican.settings.get("WARTA_INCREMENTAL"):
        cache = Path(pelican.settings["CACHE_PATH"]) / READ_CACHE
    pages = index_site(Path(pelican.output_path), cache)
    if pages == 0:
        logger.warning("the search index holds no page: data-cari-body missing?")


def add_generator(pelican):
    return SuggestionsGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.finalized.connect(index_output)
