"""The search index over the pages worth finding: articles, entities, indicators.

Listings, archives and pagination are never indexed: they repeat the articles'
text (their templates carry no ``data-cari-body``). The index is written in a
process of its own, so that what it holds while writing is neither added to
the build's own peak memory nor kept after it.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import contextlib
import functools
import json
import logging
import multiprocessing
import os
import queue
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from warta.memory import collect_as_usual, collect_less_often, release_free_memory
from warta.outbox import Outbox

logger = logging.getLogger(__name__)

# The folders whose pages are indexed, relative to the output folder.
INDEXED = ("berita", "lembaga", "tokoh", "indikator")
# A paginated listing's pages after the first (``PAGINATION_PATTERNS``), by
# their URL: their templates carry no ``data-cari-body`` (an entity's page
# is found by its first), so they are not read at all (12,000 of the 32,000
# pages under the indexed folders at 20,000 articles, each shifted by an
# added article).
LATER_PAGE = re.compile(r"/halaman/[0-9]+/$")
# Where the bundle goes, relative to the output folder.
BUNDLE = "cari/indeks"
# What Pagefind used to write: removed when found, it would be served stale.
OLD_BUNDLE = "pagefind"
MAX_WORKERS = 4
BATCH = 32  # pages a worker reads at a time
STREAM_BATCH = 8  # the same while Pelican writes: smaller, so none waits long


def _pages(output: Path) -> dict[str, str]:
    """Every page under the indexed folders: its URL (as ``_url``) -> its path.

    Strings, not paths: rglob took three times as long over 20,000 folders,
    and a Path per page as long again."""
    from warta.walk import files_by_folder

    root = os.path.join(output, "")
    found = {}
    for folder in INDEXED:
        for parent, names in files_by_folder(root + folder):
            if "index.html" in names:
                url = _folder_url(parent, root)
                if not LATER_PAGE.search(url):
                    found[url] = os.path.join(parent, "index.html")
    return dict(sorted(found.items()))


def _url(page: str, root: str) -> str:
    """The URL of ``page``, a path under ``root`` (which ends with a
    separator), relative to the site's root: ``berita/2015/03/16/slug/``."""
    return _folder_url(os.path.dirname(page), root)


def _folder_url(folder: str, root: str) -> str:
    """The URL of the page in ``folder``, a folder under ``root``."""
    return folder[len(root) :].replace(os.sep, "/") + "/"


def _read_files(tasks: list[tuple[int, str, str, str, str, bool]]) -> list:
    """In a worker: pages read, their document files written.

    Returns ``(name, read page or None, file stamp)`` per task."""
    from warta.kept import file_stamp as stamp
    from warta.search.extract import extract
    from warta.search.textindex import read_page

    done = []
    for slot, path, name, scratch, session, for_cache in tasks:
        before = stamp(Path(path))
        page = extract(Path(path).read_bytes(), name)
        read = None
        if page is not None:
            read = read_page(page, Path(scratch), slot, session, for_cache)
        done.append((name, read, before))
    return done


def _workers(streaming: bool = False) -> int:
    """One per core, but the core Pelican writes on while pages stream in."""
    from warta.parallel import usable_cores

    cores = usable_cores()
    return max(1, min(MAX_WORKERS, cores - 1 if streaming else cores))


def _indexed(path: Path, output: Path) -> bool:
    try:
        relative = path.relative_to(output)
    except ValueError:
        return False
    if path.name != "index.html" or relative.parts[0] not in INDEXED:
        return False
    return not LATER_PAGE.search(relative.parent.as_posix() + "/")


class _Indexing:
    """One run of the indexer: pages read in worker processes as they are
    named (``stream``), then every other page of the output (``finish``).

    With a read cache, the pages it has are taken from it while the stream
    waits (``_ahead``): an incremental build writes few pages, and their
    reading no longer follows the build. A page taken, then named (written
    again), or changed or gone by the end, is dropped and read again.
    """

    def __init__(
        self, output: Path, workers: int, cache: Path | None, page_min: int | None
    ) -> None:
        from warta.search.readcache import ReadCache
        from warta.search.textindex import PAGE_MIN_DOCUMENTS, IndexWriter

        self.output = Path(output)
        self.reads = ReadCache(cache) if cache is not None else None
        self.writer = IndexWriter(
            self.output / BUNDLE,
            page_min or PAGE_MIN_DOCUMENTS,
            previous=self.reads.bundle if self.reads is not None else None,
        )
        self.workers = workers
        self.slots: dict[str, int] = {}  # page name -> its document file's slot
        self._next_slot = 0
        # Pages taken from the cache while the stream waited: name -> stamp.
        self.taken_ahead: dict[str, tuple[int, int]] = {}
        self.dropped = 0
        self.read_count = 0
        # The pages on disk when ``_ahead`` began (name -> path), and the
        # pages named since: with a look at each, the pages on disk at the
        # end, without walking the output again (``_pages_now``).
        self._walked: dict[str, str] | None = None
        self._named_paths: dict[str, str] = {}
        self._batch: list = []
        self._pending: collections.deque = collections.deque()
        self._pool = None
        # The figures of the bundle ``finish`` wrote, for the read cache.
        self._written: dict | None = None

    def _slot(self, name: str) -> int:
        slot = self.slots[name] = self._next_slot
        self._next_slot += 1
        return slot

    def _submit(self, path: Path, name: str) -> None:
        slot = self._slot(name)
        self._batch.append(
            (
                slot,
                str(path),
                name,
                str(self.writer.scratch),
                self.writer.session,
                self.reads is not None,
            )
        )
        self.read_count += 1

    def _flush(self, size: int = 1) -> None:
        if len(self._batch) < size:
            return
        batch, self._batch = self._batch, []
        if self.workers <= 1:
            self._accept(_read_files(batch))
            return
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = concurrent.futures.ProcessPoolExecutor(
                self.workers, mp_context=context
            )
        self._pending.append(self._pool.submit(_read_files, batch))

    def _collect(self, wait: bool) -> None:
        while self._pending and (wait or self._pending[0].done()):
            self._accept(self._pending.popleft().result())

    def _accept(self, done: list) -> None:
        for name, read, before in done:
            if self.reads is not None:
                self.reads.put(name, before, read)
            if read is not None:
                self.writer.add_read(read)

    def stream(self, lines: Iterable[str]) -> None:
        """Read the pages named one a line (paths, as Pelican writes them);
        while none is waiting, take the cached ones (``_ahead``), then work
        out the postings of the pages held so far (``_prepare``)."""
        if self.reads is None or not len(self.reads):
            for line in lines:
                self._named(line)
            return
        waiting: queue.SimpleQueue = queue.SimpleQueue()

        def pump() -> None:
            try:
                for line in lines:
                    waiting.put(line)
            except BaseException as error:  # noqa: BLE001 - raised below
                waiting.put(error)
            waiting.put(None)

        threading.Thread(target=pump, name="named-pages", daemon=True).start()
        ahead = self._ahead()
        while True:
            if ahead is None:
                line = waiting.get()
            else:
                try:
                    line = waiting.get_nowait()
                except queue.Empty:
                    if next(ahead, True):
                        ahead = None
                        self._prepare()
                    continue
            if line is None:
                return
            if isinstance(line, BaseException):
                raise line
            self._named(line)

    def _named(self, line: str) -> None:
        """A page named in the stream: read it (again, if taken ahead)."""
        path = Path(line.rstrip("\n"))
        if _indexed(path, self.output):  # so under the output, as written
            name = _url(str(path), os.path.join(self.output, ""))
            self._named_paths[name] = str(path)
            if name in self.taken_ahead:
                self._drop(name)
            if name not in self.slots:
                self._submit(path, name)
                self._flush(STREAM_BATCH)
        self._collect(wait=False)

    def _ahead(self) -> Iterator[bool]:
        """Take the cached pages unchanged so far, one a step; True when done."""
        from warta.kept import file_stamp as stamp

        self._walked = _pages(self.output)
        for name, path in self._walked.items():
            yield False
            if name in self.slots:
                continue
            try:
                current = stamp(path)
            except OSError:  # gone since: finish sees it
                continue
            if self._take_cached(name, current):
                self.taken_ahead[name] = current
        yield True

    def _prepare(self) -> None:
        """Have the writer work out the postings of the pages it holds while
        Pelican still writes (an edited article's build waited 0.4 s for
        them at 20,000 articles), unless so many pages were read again
        already that ``finish`` would work them out afresh anyway."""
        read = len(self.slots) - len(self.taken_ahead) + self.dropped
        if self.writer.patchable(read, len(self.slots)):
            # The pages named so far are held too: one still being read
            # would come later in the middle of the documents' order, and
            # move the numbers of those after it.
            self._flush()
            self._collect(wait=True)
            self.writer.prepare()

    def _drop(self, name: str) -> None:
        """Forget the page ``name`` taken ahead: it is read again, or gone."""
        del self.taken_ahead[name]
        self.writer.drop(self.slots.pop(name), self.reads.words(name))
        self.reads.forget(name)
        self.dropped += 1

    def finish(self) -> dict:
        """Read every page not read yet (unless the cache has it); write.
        The read cache is kept for the next run by ``save``."""
        from warta.kept import file_stamp as stamp

        files, stamps = self._pages_now()
        named = self.slots.keys() - self.taken_ahead.keys()
        vanished = named - files.keys()
        if vanished:
            raise PagesVanished(
                f"{len(vanished)} page(s) named while the site was written are "
                f"gone: {sorted(vanished)[:3]}"
            )
        if self.reads is not None:
            if stamps is None:
                stamps = {name: stamp(path) for name, path in files.items()}
            for name, taken in list(self.taken_ahead.items()):
                if stamps.get(name) != taken:  # changed or gone since taken
                    self._drop(name)
            if not named and self._bundle_kept(stamps):
                kept = {"files": len(files), "files_read": 0, "workers": self.workers}
                return {**self.reads.figures, **kept}
        for name, path in files.items():  # sorted by name
            if name in self.slots:
                continue
            if self.reads is not None and self._take_cached(name, stamps[name]):
                continue
            self._submit(path, name)
            self._flush(BATCH)
        self._flush()
        self._collect(wait=True)
        if self._pool is not None:
            self._pool.shutdown()
        figures = self.writer.finish()
        self._written = dict(figures)  # what the cache keeps of this run
        figures["files"] = len(files)
        figures["files_read"] = self.read_count
        figures["files_taken_ahead"] = len(self.taken_ahead)  # and kept
        figures["workers"] = self.workers
        return figures

    def save(self) -> None:
        """Keep the pages read for the next run, after ``finish`` wrote a
        bundle (a bundle kept as it was keeps the cache as it was)."""
        if self.reads is not None and self._written is not None:
            self.reads.save(self._written, self.writer.manifest)

    def _pages_now(self) -> tuple[dict[str, str], dict[str, tuple[int, int]] | None]:
        """Every indexed page on disk (name -> path, sorted by name) and each
        one's stamp when known without another look (else None).

        After ``_ahead``'s walk, the pages then on disk and those named since
        are all there can be (every page Pelican writes is named): each is
        looked at (its stamp), and the ones gone are left out. A second walk
        of the output took a second at 20,000 articles, after the site was
        written. Else the output is walked."""
        from warta.kept import file_stamp as stamp

        if self._walked is None:
            return _pages(self.output), None
        files, stamps = {}, {}
        for name, path in sorted({**self._walked, **self._named_paths}.items()):
            try:
                stamps[name] = stamp(path)
            except OSError:  # removed since (a stale page)
                continue
            files[name] = path
        return files, stamps

    def _take_cached(self, name: str, current: tuple[int, int]) -> bool:
        """Add the page ``name`` as an earlier build read it, if unchanged
        since and its cache entry reads back; else it is read again."""
        if not self.reads.has(name, current):
            return False
        try:
            found = self.reads.take(name, self._next_slot, self.writer.vocabulary)
        except KeyError:  # its entry was damaged since it was written
            return False
        self._slot(name)
        if found is not None:
            self.writer.add_read(found, functools.partial(self.reads.document, name))
        return True

    def _bundle_kept(self, stamps: dict[str, tuple[int, int]]) -> bool:
        """No page written, none gone or added since the run that wrote the
        bundle: it stands as it is (an incremental build with nothing new)."""
        if not self.reads.unchanged(stamps):
            return False
        if not (self.output / BUNDLE / "meta.bin").is_file():
            return False
        self.writer.discard()
        self.reads.close()
        return True


@contextlib.contextmanager
def _cache_held(cache: Path | None) -> Iterator[None]:
    """The read cache ``cache`` for this run alone: a run started while the
    last one still saves it (after reporting, see ``main``) waits for it."""
    if cache is None:
        yield
        return
    import fcntl

    cache.parent.mkdir(parents=True, exist_ok=True)
    with open(cache.with_name(cache.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # let go when the file is closed
        yield


class PagesVanished(RuntimeError):
    """The pages named during the build and the pages on disk disagree."""


def build_index(
    output: Path,
    workers: int | None = None,
    cache: Path | None = None,
    stream: Iterable[str] | None = None,
    page_min: int | None = None,
    report: Callable[[dict], None] | None = None,
) -> dict:
    """Index ``output`` from this process; return figures about the bundle.

    Pages are read by ``workers`` processes (one per core, up to
    ``MAX_WORKERS``). ``stream``: paths of pages, one a line, read as they
    come while Pelican is still writing the rest (see ``IndexProcess``). With
    ``cache`` (a file), pages unchanged since the build that wrote it are not
    read again (``warta.search.readcache``). ``page_min`` overrides
    ``textindex.PAGE_MIN_DOCUMENTS``. ``report(figures)`` is called as soon
    as the bundle is written, before the read cache is saved.
    """
    streaming = stream is not None
    workers = workers or _workers(streaming)
    with _cache_held(cache):
        indexing = _Indexing(Path(output), workers, cache, page_min)
        if streaming:
            indexing.stream(stream)
        streamed = len(indexing.slots) - len(indexing.taken_ahead)
        figures = indexing.finish()
        figures["files_streamed"] = streamed
        if report is not None:
            report(figures)
        indexing.save()
        return figures


# Indexers that have answered and may still be saving their read cache.
_SAVING: list[subprocess.Popen] = []


def wait_for_indexers() -> None:
    """Wait for the indexers that answered to end (each saves its read cache
    after answering): a measure of a build's memory counts their whole run."""
    while _SAVING:
        _SAVING.pop().wait()


class IndexProcess:
    """The indexer in a process of its own (and its own process group).

    Started before Pelican writes (``stream``), it is told each page as it
    is written (``page_written``) and reads it on a spare core while Pelican
    writes the next; ``finish`` says that the site is written, waits for the
    bundle and returns the number of pages indexed.
    """

    def __init__(self, output: Path, cache: Path | None = None, stream: bool = False):
        self.started = time.perf_counter()
        _SAVING[:] = [p for p in _SAVING if p.poll() is None]  # ended: reaped
        # As Pelican names it (absolute, links not resolved): the pages it
        # writes are named under it.
        self.output = Path(os.path.abspath(output))
        shutil.rmtree(self.output / OLD_BUNDLE, ignore_errors=True)
        plugins = str(Path(__file__).resolve().parents[1])
        paths = [plugins, *filter(None, [os.environ.get("PYTHONPATH")])]
        command = [sys.executable, "-m", "warta_search", str(self.output)]
        if cache is not None:
            command += ["--cache", str(Path(cache).resolve())]
        if stream:
            command.append("--stream")
        # Closed by finish or stop.
        self._errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        # Pelican never waits for the indexer: what its pipe cannot take yet
        # is kept and written with a later page.
        self._stream = None
        pages = subprocess.DEVNULL
        if stream:
            pages, writing = os.pipe()
            self._stream = Outbox(writing)
        self._process = subprocess.Popen(
            command,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
            stdin=pages,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            start_new_session=True,
        )
        if stream:
            os.close(pages)

    def page_written(self, path: str) -> None:
        if self._stream is None:
            return
        try:
            self._stream.write(os.fsencode(path) + b"\n")
        except OSError:  # it failed: finish tells why
            self._close_stream(send_pending=False)

    def _close_stream(self, *, send_pending: bool) -> None:
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close(send_pending=send_pending)
            self._stream = None

    def finish(self) -> int:
        waiting = time.perf_counter()
        self._close_stream(send_pending=True)
        # The indexer's finish is its peak, and this process waits through
        # it: what this process has freed need not be held meanwhile.
        release_free_memory()
        with self._process.stdout:
            out = self._process.stdout.read().decode("utf-8")
        # The figures come once the bundle is written; the indexer then saves
        # its read cache for the next run, which waits for it (see
        # ``_cache_held``): this build does not.
        figures = None
        with contextlib.suppress(ValueError):
            figures = json.loads(out)
        if not isinstance(figures, dict):
            code = self._process.wait()
            self._errors.seek(0)
            errors = self._errors.read().strip()
            self._errors.close()
            logger.error("search index failed:\n%s", errors or f"exit code {code}")
            return 0
        self._errors.close()
        _SAVING.append(self._process)
        logger.info(
            "search index: %d pages in %.1f s, %.1f s of it after the site was "
            "written (%d of %d files read, %d of them while the site was written; "
            "%d stems, %d words; %d bundle files written, %d kept)",
            figures["documents"],
            time.perf_counter() - self.started,
            time.perf_counter() - waiting,
            figures["files_read"],
            figures["files"],
            figures["files_streamed"],
            figures["stems"],
            figures["words"],
            figures["files_written"],
            figures["files_kept"],
        )
        return int(figures["documents"])

    def wait(self) -> None:
        """Wait for it to end (after ``finish``, it may still be saving its
        read cache)."""
        self._process.wait()
        if self._process in _SAVING:
            _SAVING.remove(self._process)

    def stop(self) -> None:
        """End it and its workers unfinished (a build that failed)."""
        self._close_stream(send_pending=False)
        if self._process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGTERM)
            self._process.wait()
        for stream in (self._process.stdout, self._errors):
            if stream is not None:
                with contextlib.suppress(BrokenPipeError):
                    stream.close()


def index_site(output: Path, cache: Path | None = None) -> int:
    """Index ``output`` in a new process; return the number of pages indexed.

    ``cache``: a file that keeps the pages read for the next build (the
    incremental build's: a clean build leaves no page unchanged)."""
    indexer = IndexProcess(output, cache)
    pages = indexer.finish()
    indexer.wait()  # its read cache saved: nothing of it left running
    return pages


def main(argv: list[str] | None = None) -> int:
    """``python -m warta_search OUTPUT [--cache FILE] [--stream]``: figures as
    JSON on stdout."""
    parser = argparse.ArgumentParser(
        prog="python -m warta_search", description="Index a built archive for search."
    )
    parser.add_argument("output", type=Path, help="the built site's folder")
    parser.add_argument(
        "--cache", type=Path, help="file of pages read, kept for the next run"
    )
    parser.add_argument(
        "--stream",
        action="store_true",
        help="read the paths of pages as they are written, one a line on stdin",
    )
    args = parser.parse_args(argv)
    stream = None
    if args.stream:
        # Beside Pelican writing: what this takes from Pelican's core would
        # only lengthen the build (Pelican does not wait for it; see
        # ``IndexProcess``), so it takes what Pelican leaves.
        os.nice(10)
        stream = sys.stdin
    # As in a build (``warta.memory``): what the index is made of lives to its
    # end. Each full collection walked all of it and freed nothing (five in
    # a rebuild after one edit at 20,000 articles: 1.5-3 s of its 10).
    collect_less_often()
    try:
        build_index(args.output, cache=args.cache, stream=stream, report=_answer)
    finally:
        collect_as_usual()
    return 0


def _answer(figures: dict) -> None:
    """The figures on standard output, which is then closed: the build that
    waits for them goes on while this process saves its read cache for the
    next run (0.3-0.6 s at 20,000 articles) and ends (0.15 s)."""
    print(json.dumps(figures), flush=True)
    try:
        out = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a file (called from Python, output captured)
    if stat.S_ISFIFO(os.fstat(out).st_mode):  # a pipe: its reader gets its end
        with open(os.devnull, "w") as nothing:
            os.dup2(nothing.fileno(), out)
