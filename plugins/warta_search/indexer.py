"""The search index over the pages worth finding: articles, entities, indicators.

Listings, archives and pagination are never indexed: they repeat the articles'
text (their templates carry no ``data-cari-body``). The index is written in a
process of its own, so that what it holds while writing is neither added to
the build's own peak memory nor kept after it.
"""

from __future__ import annotations

import concurrent.futures
import json
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

logger = logging.getLogger(__name__)

# The folders whose pages are indexed, relative to the output folder.
INDEXED = ("berita", "lembaga", "tokoh", "indikator")
# Where the bundle goes, relative to the output folder.
BUNDLE = "cari/indeks"
# What Pagefind used to write: removed when found, it would be served stale.
OLD_BUNDLE = "pagefind"
MAX_WORKERS = 4


def _pages(output: Path) -> list[Path]:
    found = []
    for folder in INDEXED:
        found.extend((output / folder).rglob("index.html"))
    return sorted(found)


def _url(path: Path, output: Path) -> str:
    """A page's URL, relative to the site's root: ``berita/2015/03/16/slug/``."""
    return path.parent.relative_to(output).as_posix() + "/"


def _read_file(task: tuple[int, str, str, str, str]):
    """In a worker: one page read, its document file written."""
    from warta.search.extract import extract
    from warta.search.textindex import read_page

    slot, path, url, scratch, session = task
    page = extract(Path(path).read_bytes(), url)
    return None if page is None else read_page(page, Path(scratch), slot, session)


def _workers() -> int:
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def build_index(output: Path, workers: int | None = None) -> dict:
    """Index ``output`` from this process; return figures about the bundle.

    Pages are read by ``workers`` processes (one per core, up to
    ``MAX_WORKERS``); this one gathers their words in the pages' order.
    """
    from warta.search.textindex import IndexWriter

    output = Path(output)
    writer = IndexWriter(output / BUNDLE)
    files = _pages(output)
    scratch, session = str(writer.scratch), writer.session
    tasks = [
        (slot, str(path), _url(path, output), scratch, session)
        for slot, path in enumerate(files)
    ]
    workers = workers or _workers()
    if workers > 1:
        context = multiprocessing.get_context("spawn")
        pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=context)
        with pool:
            for read in pool.map(_read_file, tasks, chunksize=32):
                if read is not None:
                    writer.add_read(read)
    else:
        for task in tasks:
            read = _read_file(task)
            if read is not None:
                writer.add_read(read)
    figures = writer.finish()
    figures["files"] = len(files)
    figures["workers"] = workers
    return figures


def index_site(output: Path) -> int:
    """Index ``output`` in a new process; return the number of pages indexed."""
    started = time.perf_counter()
    output = Path(output).resolve()
    shutil.rmtree(output / OLD_BUNDLE, ignore_errors=True)
    plugins = str(Path(__file__).resolve().parents[1])
    paths = [plugins, *filter(None, [os.environ.get("PYTHONPATH")])]
    done = subprocess.run(
        [sys.executable, "-m", "warta_search", str(output)],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        logger.error("search index failed:\n%s", done.stderr.strip())
        return 0
    figures = json.loads(done.stdout)
    logger.info(
        "search index: %d pages in %.1f s (%d files read, %d stems, %d words)",
        figures["documents"],
        time.perf_counter() - started,
        figures["files"],
        figures["stems"],
        figures["words"],
    )
    return int(figures["documents"])


def main(argv: list[str] | None = None) -> int:
    """``python -m warta_search OUTPUT``: figures as JSON on stdout."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m warta_search OUTPUT", file=sys.stderr)
        return 2
    print(json.dumps(build_index(Path(args[0]))))
    return 0
