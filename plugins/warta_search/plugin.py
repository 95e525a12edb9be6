"""Signal hookups only: the search index, read while the site is written."""

from __future__ import annotations

import atexit
import logging
import os
from pathlib import Path

from pelican import signals

from .indexer import IndexProcess
from .suggestions import SuggestionsGenerator

logger = logging.getLogger(__name__)

# In the cache folder: the pages the search index read, for the next build.
READ_CACHE = "warta-search-pages.pickle"

# The indexer of each build under way, by output folder.
_RUNNING: dict[str, IndexProcess] = {}


def start_indexing(generators) -> None:
    """Before Pelican writes: start the indexer, told each page as written."""
    settings = generators[0].settings
    if not settings.get("WARTA_SEARCH", True):
        return
    output = os.path.abspath(settings["OUTPUT_PATH"])
    left = _RUNNING.pop(output, None)
    if left is not None:  # a build that stopped before it finished
        left.stop()
    cache = None
    if settings.get("WARTA_INCREMENTAL"):
        cache = Path(settings["CACHE_PATH"]) / READ_CACHE
    _RUNNING[output] = IndexProcess(Path(output), cache, stream=True)


def page_written(path, context=None) -> None:
    for output, process in _RUNNING.items():
        if path.startswith(output + os.sep):
            process.page_written(path)


def finish_indexing(pelican) -> None:
    process = _RUNNING.pop(os.path.abspath(pelican.output_path), None)
    if process is None:
        return
    if process.finish() == 0:
        logger.warning("the search index holds no page: data-cari-body missing?")


@atexit.register
def _stop_unfinished() -> None:
    while _RUNNING:
        _RUNNING.popitem()[1].stop()


def add_generator(pelican):
    return SuggestionsGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(start_indexing)
    signals.content_written.connect(page_written)
    signals.finalized.connect(finish_indexing)
