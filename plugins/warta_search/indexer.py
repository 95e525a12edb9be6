"""The search index over the pages worth finding: articles, entities, indicators.

Listings, archives and pagination are never indexed: they repeat the articles'
text (their templates carry no ``data-cari-body``). The index is written in a
process of its own, so that what it holds while writing is neither added to
the build's own peak memory nor kept after it.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
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


def _read_file(task: tuple[int, str, str, str, str, bool]):
    """In a worker: one page read, its document file written."""
    from warta.search.extract import extract
    from warta.search.textindex import read_page

    slot, path, url, scratch, session, all_words = task
    page = extract(Path(path).read_bytes(), url)
    if page is None:
        return None
    return read_page(page, Path(scratch), slot, session, all_words)


def _workers() -> int:
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def _read_in_workers(tasks: list, workers: int) -> Iterator:
    """The pages of ``tasks`` read, in their order."""
    if workers > 1 and len(tasks) > 1:
        context = multiprocessing.get_context("spawn")
        pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=context)
        with pool:
            yield from pool.map(_read_file, tasks, chunksize=32)
    else:
        yield from map(_read_file, tasks)


def build_index(
    output: Path, workers: int | None = None, cache: Path | None = None
) -> dict:
    """Index ``output`` from this process; return figures about the bundle.

    Pages are read by ``workers`` processes (one per core, up to
    ``MAX_WORKERS``); this one gathers their words in the pages' order. With
    ``cache`` (a file), pages unchanged since the build that wrote it are
    not read again (``warta.search.readcache``).
    """
    from warta.search.readcache import ReadCache, stamp
    from warta.search.textindex import IndexWriter

    output = Path(output)
    writer = IndexWriter(output / BUNDLE)
    reads = ReadCache(cache) if cache is not None else None
    files = _pages(output)
    stamps = [stamp(path) for path in files] if reads else []
    names = [_url(path, output) for path in files]
    scratch, session = str(writer.scratch), writer.session
    kept = [bool(reads) and reads.has(names[i], stamps[i]) for i in range(len(files))]
    tasks = [
        (slot, str(path), names[slot], scratch, session, reads is not None)
        for slot, path in enumerate(files)
        if not kept[slot]
    ]
    workers = workers or _workers()
    fresh = _read_in_workers(tasks, workers)
    for slot in range(len(files)):
        if kept[slot]:
            found = reads.take(names[slot], slot, writer.vocabulary)
            if found is None:
                continue
            read, document = found
            (writer.scratch / f"{slot}.bin").write_bytes(document)
        else:
            read = next(fresh)
            if reads is not None:
                document = b""
                if read is not None:
                    document = (writer.scratch / f"{slot}.bin").read_bytes()
                reads.put(names[slot], stamps[slot], read, document)
            if read is None:
                continue
        writer.add_read(read)
    figures = writer.finish()
    if reads is not None:
        reads.save()
    figures["files"] = len(files)
    figures["files_read"] = len(tasks)
    figures["workers"] = workers
    return figures


def index_site(output: Path, cache: Path | None = None) -> int:
    """Index ``output`` in a new process; return the number of pages indexed.

    ``cache``: a file that keeps the pages read for the next build (the
    incremental build's: a clean build leaves no page unchanged)."""
    started = time.perf_counter()
    output = Path(output).resolve()
    shutil.rmtree(output / OLD_BUNDLE, ignore_errors=True)
    plugins = str(Path(__file__).resolve().parents[1])
    paths = [plugins, *filter(None, [os.environ.get("PYTHONPATH")])]
    command = [sys.executable, "-m", "warta_search", str(output)]
    if cache is not None:
        command += ["--cache", str(Path(cache).resolve())]
    done = subprocess.run(
        command,
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
        "search index: %d pages in %.1f s (%d of %d files read, %d stems, %d words)",
        figures["documents"],
        time.perf_counter() - started,
        figures["files_read"],
        figures["files"],
        figures["stems"],
        figures["words"],
    )
    return int(figures["documents"])


def main(argv: list[str] | None = None) -> int:
    """``python -m warta_search OUTPUT [--cache FILE]``: figures as JSON on stdout."""
    parser = argparse.ArgumentParser(
        prog="python -m warta_search", description="Index a built archive for search."
    )
    parser.add_argument("output", type=Path, help="the built site's folder")
    parser.add_argument(
        "--cache", type=Path, help="file of pages read, kept for the next run"
    )
    args = parser.parse_args(argv)
    print(json.dumps(build_index(args.output, cache=args.cache)))
    return 0
