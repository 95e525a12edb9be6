"""Pagefind over the pages worth finding: articles, entities and indicators.

Listings, archives and pagination are never indexed: they repeat the articles'
text, and at 20,000 articles indexing them costs Pagefind gigabytes of memory.
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

logger = logging.getLogger(__name__)

# The pages indexed, as globs relative to the output folder.
INDEXED = "{berita,lembaga,tokoh,indikator}/**/index.html"
BUNDLE = "pagefind"


async def _index(output: Path) -> int:
    config = IndexConfig(force_language="id", output_path=str(output / BUNDLE))
    async with PagefindIndex(config=config) as index:
        added = await index.add_directory(str(output), glob=INDEXED)
        await index.write_files(output_path=str(output / BUNDLE))
    errors = added.get("errors") or []
    for error in errors:
        logger.error("pagefind: %s", error)
    return int(added.get("page_count", 0))


def index_site(output: Path) -> int:
    """Index ``output``; return the number of pages indexed."""
    started = time.perf_counter()
    pages = asyncio.run(_index(output))
    logger.info(
        "pagefind indexed %d pages in %.1f s", pages, time.perf_counter() - started
    )
    return pages
