"""Build a synthetic archive in fresh processes and measure what it costs.

``run_benchmark`` writes a synthetic content folder (``warta.bench.corpus``),
then builds it, each build in a new Python process so that its peak memory is
its own:

- *plain*: Pelican with the archive's theme and settings and no plugin
  (``benchconf_plain.py``), the floor any Pelican site of this size pays;
- *full*: the archive as ``invoke build`` makes it (``pelicanconf.py``, every
  plugin, the search index included), with a new, empty cache folder (a cold build);
- optionally *warm*: the full build again with the cache the cold one left.

Each build process is this module run as ``python -m warta.bench.measure
build ...``: it reads the settings file with overrides for the content, output
and cache folders (``sitebuild.build`` takes no cache override), runs Pelican,
counts warnings and errors as ``sitebuild`` does, and writes what it saw as
JSON. The parent reaps it with ``os.wait4``, whose resource usage is that one
process and the processes it waited for (the search indexer), so the peak RSS
reported is per build, not the largest of all builds so far.

Search indexing is measured the same way in a process of its own (``python -m
warta.bench.measure index``) over the full build's output. Tagging and figure
extraction throughput are measured in this process, on one core, after the
builds. With ``search=True`` a headless Chromium opens the search page of the
full build, served by ``sitebuild.make_server``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import platform
import re
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from warta.chromium import CHROMIUM, CHROMIUM_ARGS, HOST_RULES

ROOT = Path(__file__).resolve().parents[2]
FULL_SETTINGS = ROOT / "pelicanconf.py"
PLAIN_SETTINGS = ROOT / "benchconf_plain.py"
TARGET_RATIO = 1.3
TARGET_RSS_MIB = 1024
TARGET_REBUILD_S = 10.0
TARGET_FIRST_RESULTS_MS = 100.0
# Searched on fresh pages, several times each, for the medians the report
# gives: the --query word first, then these several-word queries.
SEVERAL_WORDS = ("ekspor kopi", "badan pusat statistik", "umkm lampung")
FRESH_LOADS = 5
KIB_PER_MIB = 1024
MIB = 1024 * 1024


@dataclass
class BenchOptions:
    articles: int = 2000
    keep: str | None = None
    skip_plain: bool = False
    search: bool = False
    query: str = "industri"
    warm: bool = False
    incremental: bool = False
    profile: bool = False
    seed: int | None = None
    misspell_rate: float = 0.15
    json_path: str | None = None

    def command(self) -> str:
        """The command line that reproduces these figures."""
        parts = [".venv/bin/invoke", "bench", "--articles", str(self.articles)]
        if self.skip_plain:
            parts.append("--skip-plain")
        if self.search:
            parts.append("--search")
            if self.query != "industri":
                parts += ["--query", self.query]
        if self.warm:
            parts.append("--warm")
        if self.incremental:
            parts.append("--incremental")
        if self.profile:
            parts.append("--profile")
        if self.seed is not None:
            parts += ["--seed", str(self.seed)]
        return " ".join(parts)


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Child processes.


@dataclass
class ChildRun:
    """One measured child process."""

    wall_s: float
    peak_rss_mib: float  # the child and every process it waited for
    returncode: int
    result: dict = field(default_factory=dict)  # what the child wrote
    log: str = ""


def run_child(argv: list[str], work: Path, name: str) -> ChildRun:
    """Run ``python -m warta.bench.measure ARGV`` and measure it alone."""
    log_path = work / f"{name}.log"
    result_path = work / f"{name}.json"
    command = [sys.executable, "-m", "warta.bench.measure", *argv]
    command += ["--result", str(result_path)]
    with open(log_path, "wb") as log:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            _, status, usage = os.wait4(child.pid, 0)
        except BaseException:
            child.kill()
            child.wait()
            raise
        wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    result = {}
    if result_path.is_file():
        result = json.loads(result_path.read_text(encoding="utf-8"))
    return ChildRun(
        wall_s=wall,
        peak_rss_mib=usage.ru_maxrss / KIB_PER_MIB,  # Linux: KiB
        returncode=child.returncode,
        result=result,
        log=str(log_path),
    )


_marks: dict[str, float] = {}
_PLUGIN_LOGGERS = (
    "warta_entities",
    "warta_indicators",
    "warta_search",
    "warta_incremental",
)
_STAGES = {
    "tag": re.compile(r"tagged (\d+) articles in ([\d.]+) s \((\d+) from cache"),
    "figures": re.compile(
        r"figures of (\d+) articles in ([\d.]+) s \((\d+) from cache"
    ),
    # The time after the site was written: the indexer reads pages while
    # Pelican writes, and only that wait adds to the build.
    "index": re.compile(r"search index: (\d+) pages in [\d.]+ s, ([\d.]+) s of it"),
}
_INCREMENTAL = re.compile(r"incremental: (\d+) pages rendered, (\d+) kept")


def _context_done(sender) -> None:
    """``all_generators_finalized``: every file read, tagged and extracted."""
    _marks.setdefault("context", time.perf_counter())


class _InfoRecorder(logging.Handler):
    """Keeps the plugins' own timing lines."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(_PLUGIN_LOGGERS):
            self.messages.append(record.getMessage())


def _stages(messages: list[str]) -> dict:
    found = {}
    for message in messages:
        for stage, pattern in _STAGES.items():
            match = pattern.search(message)
            if match:
                found[f"{stage}_s"] = float(match[2])
                if stage != "index":
                    found[f"{stage}_from_cache"] = int(match[3])
        match = _INCREMENTAL.search(message)
        if match:
            found["pages_rendered"] = int(match[1])
            found["pages_kept"] = int(match[2])
    return found


def _wait_for_indexers() -> None:
    """The search indexer answers the build before it saves its read cache:
    its whole run counts in a build's peak memory (not in its time)."""
    with contextlib.suppress(ImportError):
        from warta_search.indexer import wait_for_indexers

        wait_for_indexers()


def child_build(args: argparse.Namespace) -> int:
    """One Pelican build with content, output and cache overrides."""
    started = time.perf_counter()
    from pelican import Pelican, signals
    from pelican.log import init as init_logging
    from pelican.settings import read_settings

    import sitebuild
    from warta.errors import WartaError

    override = {
        "PATH": str(Path(args.content).resolve()),
        "OUTPUT_PATH": str(Path(args.output).resolve()),
        "CACHE_PATH": str(Path(args.cache).resolve()),
    }
    if args.no_search:
        # Only then: a setting the settings file lacks changes the incremental
        # fingerprint, and the live rebuilds (``sitebuild.build``) have none.
        override["WARTA_SEARCH"] = False
    if args.incremental:
        override.update(sitebuild.INCREMENTAL_SETTINGS)
    settings = read_settings(str(args.settings), override=override)
    init_logging(level=logging.WARNING)
    counter = sitebuild.LogCounter()
    info = _InfoRecorder()
    root = logging.getLogger()
    root.addHandler(counter)
    root.addHandler(info)
    for name in _PLUGIN_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
    signals.all_generators_finalized.connect(_context_done)
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    # The build's processes at once (Pelican, forked taggers, the search
    # indexer reading while Pelican writes), shared pages counted once.
    poller = _TreePeak(interval=0.25, proportional=True)
    poller.start()
    run_started = time.perf_counter()
    crashed = None
    try:
        pelican = Pelican(settings)  # loads the plugins
        run_started = time.perf_counter()
        if profiler is not None:
            profiler.runcall(pelican.run)
        else:
            pelican.run()
    except WartaError as error:
        logging.getLogger("warta.bench").error("%s", error)
        crashed = str(error)
    except Exception as error:  # noqa: BLE001 - a crash is a result to report
        logging.getLogger("warta.bench").error(
            "build stopped: %s: %s", type(error).__name__, error
        )
        crashed = f"{type(error).__name__}: {error}"
    finished = time.perf_counter()
    _wait_for_indexers()
    tree_peak = poller.stop()
    if profiler is not None:
        profiler.dump_stats(args.profile)
    context = _marks.get("context", finished)
    stages = _stages(info.messages)
    result = {
        "errors": counter.messages(logging.ERROR) + counter.messages(logging.CRITICAL),
        "warnings": counter.messages(logging.WARNING),
        "crashed": crashed,
        "startup_s": run_started - started,
        "run_s": finished - run_started,
        "context_s": context - run_started,
        "write_s": finished - context,
        "tree_peak_pss_mib": tree_peak / KIB_PER_MIB,
        **stages,
        "plugins": list(settings.get("PLUGINS") or []),
        "maxrss_self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        / KIB_PER_MIB,
        "maxrss_children_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        / KIB_PER_MIB,
    }
    Path(args.result).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 1 if result["errors"] or result["warnings"] or crashed else 0


def _search_bundle() -> str:
    """Where the search plugin writes its index, relative to the output."""
    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))
    from warta_search.indexer import BUNDLE

    return BUNDLE


def _pss_kib(pid: int) -> int:
    """A process's proportional set size: shared pages counted in part."""
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def _rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _tree(root: int) -> list[int]:
    """``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    found = []
    for pid in parents:
        ancestor = pid
        while ancestor not in (root, 0, 1) and ancestor in parents:
            ancestor = parents[ancestor]
        if ancestor == root:
            found.append(pid)
    return found


def _tree_rss_kib(
    root: int, proportional: bool = False, leave_out: int | None = None
) -> int:
    """Resident memory of ``root`` and all its descendants but ``leave_out``.

    ``proportional``: PSS instead of RSS, so that pages a forked worker
    shares with its parent are not counted twice (read only for the tree's
    processes: the kernel walks a process's pages to count them)."""
    size = _pss_kib if proportional else _rss_kib
    total = 0
    for pid in _tree(root):
        if pid == leave_out:
            continue
        try:
            total += size(pid)
        except (OSError, IndexError, ValueError):
            continue  # it ended meanwhile
    return total


class _TreePeak:
    """Polls the summed memory of this process and its children: the indexer
    runs several processes at once, and ``ru_maxrss`` gives only the largest.

    The polling is done by a process of its own (``child_peak``), its own
    memory left out: done by a thread of the measured process, each look
    made the build wait for the interpreter's lock (``make serve``'s rebuild
    after an article was added: 43.1 s polled so, 36.9 s not polled)."""

    def __init__(self, interval: float = 0.05, proportional: bool = False) -> None:
        self._command = [
            sys.executable,
            "-m",
            "warta.bench.measure",
            "peak",
            "--pid",
            str(os.getpid()),
            "--interval",
            str(interval),
        ]
        if proportional:
            self._command.append("--proportional")
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        self._process = subprocess.Popen(
            self._command,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def stop(self) -> int:
        """The peak in KiB; the poller is told to end (its input closed)."""
        if self._process is None:
            return 0
        found, _ = self._process.communicate("")
        self._process = None
        return int(found.strip() or 0)


def child_peak(args: argparse.Namespace) -> int:
    """Poll the memory of ``args.pid``'s tree until this process's input
    closes, then print the peak in KiB."""
    peak = 0
    while True:
        if os.path.isdir("/proc"):
            found = _tree_rss_kib(args.pid, args.proportional, leave_out=os.getpid())
            peak = max(peak, found)
        ready, _, _ = select.select([sys.stdin], [], [], args.interval)
        if ready and not sys.stdin.read():
            break
    print(peak)
    return 0


def child_index(args: argparse.Namespace) -> int:
    """The search index of a built site, as the search plugin writes it."""
    _search_bundle()
    from warta_search.indexer import BUNDLE, index_site

    output = Path(args.output)
    poller = _TreePeak()
    poller.start()
    started = time.perf_counter()
    pages = index_site(output)
    seconds = time.perf_counter() - started
    tree_peak = poller.stop()
    result = {
        "seconds": seconds,
        "pages": pages,
        "tree_peak_rss_mib": tree_peak / KIB_PER_MIB,
        "bundle_bytes": tree_bytes(output / BUNDLE),
        "bundle_files": sum(1 for p in (output / BUNDLE).rglob("*") if p.is_file()),
        "maxrss_self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        / KIB_PER_MIB,
        "maxrss_children_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        / KIB_PER_MIB,
    }
    Path(args.result).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0 if pages else 1


# ---------------------------------------------------------------------------
# Measuring in this process.


def tree_bytes(folder: Path) -> int:
    total = 0
    for base, _, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.stat(os.path.join(base, name)).st_size
    return total


def count_html(folder: Path) -> int:
    return sum(
        1 for _, _, files in os.walk(folder) for name in files if name.endswith(".html")
    )


def measure_throughput(content: Path, expected: dict | None = None) -> dict:
    """Tagging and figure extraction over every article, on one core."""
    from warta.authority import load_places
    from warta.corpus import read_articles
    from warta.errors import ContentError
    from warta.indicators.catalogue import load_catalogue
    from warta.indicators.extract import extract_figures, place_scopes
    from warta.parallel import usable_cores
    from warta.tagging import Overrides, Tagger, TagJob, tag_many

    started = time.perf_counter()
    texts = []
    for article in read_articles(content / "articles"):
        if isinstance(article, ContentError):
            raise article
        relative = article.path.relative_to(content).as_posix()
        region = article.header.values.get("region")
        texts.append((relative, article.text, article.date, region))
    prepare_s = time.perf_counter() - started

    started = time.perf_counter()
    tagger = Tagger.load(content / "authority")
    tagger_load_s = time.perf_counter() - started
    verified = discovered = found = wanted = 0
    none = Overrides()
    started = time.perf_counter()
    for relative, text, date, region in texts:
        tags = tagger.tag(text, date=date, region=region, overrides=none)
        ids = set()
        for tag in tags.tags:
            ids.add(tag.id)
            if tag.verified:
                verified += 1
            else:
                discovered += 1
        if expected is not None:
            inserted = expected.get(relative, ())
            wanted += len(inserted)
            found += sum(1 for entity in inserted if entity in ids)
    tag_s = time.perf_counter() - started

    # Articles not tagged while Pelican read them are tagged on every usable
    # core after reading, as ``tag_many`` does.
    jobs = [TagJob(text, date, region) for _, text, date, region in texts]
    cores = usable_cores()
    started = time.perf_counter()
    tag_many(tagger, jobs, workers=cores)
    tag_cores_s = time.perf_counter() - started

    started = time.perf_counter()
    catalogue = load_catalogue(content / "authority" / "indicators.yaml")
    places = place_scopes(load_places(content / "authority", None))
    catalogue_load_s = time.perf_counter() - started
    figures = classified = 0
    started = time.perf_counter()
    for _, text, date, region in texts:
        for figure in extract_figures(
            text, catalogue=catalogue, article_date=date, region=region, places=places
        ):
            figures += 1
            classified += figure.indicator_id is not None
    figures_s = time.perf_counter() - started
    count = len(texts)
    return {
        "articles": count,
        "prepare_s": prepare_s,
        "tagger_load_s": tagger_load_s,
        "tag_s": tag_s,
        "tag_per_s": count / tag_s if tag_s else 0.0,
        "tag_cores": cores,
        "tag_cores_s": tag_cores_s,
        "tag_cores_per_s": count / tag_cores_s if tag_cores_s else 0.0,
        "tags_verified": verified,
        "tags_discovered": discovered,
        "entity_recall": found / wanted if wanted else None,
        "catalogue_load_s": catalogue_load_s,
        "figures_s": figures_s,
        "figures_per_s": count / figures_s if figures_s else 0.0,
        "figures": figures,
        "figures_classified": classified,
    }


@contextlib.contextmanager
def _chromium_serving(output: Path):
    """Headless Chromium and ``output`` served on 127.0.0.1: (browser, base URL)."""
    from playwright.sync_api import sync_playwright

    import sitebuild

    with sitebuild.serving(output) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[*CHROMIUM_ARGS, f"--host-resolver-rules={HOST_RULES}"],
            headless=True,
        )
        try:
            yield browser, base
        finally:
            browser.close()


def measure_first_results(
    output: Path, queries: list[str], loads: int = FRESH_LOADS
) -> list[dict]:
    """For each query, ``loads`` fresh loads of /cari/?q=QUERY (a new browser
    context each, nothing cached): the page's own time from the search's start
    to its first results drawn (cari.js's ``cari:hasil``), each load's and
    their median, and the status line."""
    from urllib.parse import quote

    found = []
    with _chromium_serving(output) as (browser, base):
        for query in queries:
            times: list[float] = []
            status = ""
            for _ in range(loads):
                context = browser.new_context(locale="id-ID")
                try:
                    page = context.new_page()
                    page.goto(f"{base}/cari/?q={quote(query)}")
                    times += _in_page_ms(page, "cari:hasil")[:1]
                    status = (page.text_content("#status") or "").strip()
                finally:
                    context.close()
            found.append(
                {
                    "query": query,
                    "ms": times,
                    "median_ms": statistics.median(times) if times else None,
                    "status": status,
                }
            )
    return found


def measure_search(output: Path, query: str, second_query: str = "ekspor") -> dict:
    """Open /cari/?q=QUERY in headless Chromium; time the first result, then a
    second query typed on the same page (index already loaded)."""
    from urllib.parse import quote, urlsplit

    with _chromium_serving(output) as (browser, base):
        url = f"{base}/cari/?q={quote(query)}"
        context = browser.new_context(locale="id-ID")
        page = context.new_page()
        seen: list[tuple[float, object]] = []
        page.on("response", lambda r: seen.append((time.perf_counter(), r)))
        started = time.perf_counter()
        page.goto(url)
        loaded = time.perf_counter()
        # Set once the search index is open.
        page.wait_for_selector(
            "html[data-cari-siap]", state="attached", timeout=300_000
        )
        ready = time.perf_counter()
        page.wait_for_selector("#hasil li", timeout=300_000)
        first = time.perf_counter()
        results = page.locator("#hasil li").count()
        status = (page.text_content("#status") or "").strip()
        in_page = _in_page_ms(page, "cari:hasil")
        in_page_bytes = page.evaluate(_BYTES_TO_RESULTS)
        second_from = len(seen)
        again = _second_query(page, second_query)
        again_in_page = _in_page_ms(page, "cari:hasil", after=len(in_page))
        with contextlib.suppress(Exception):
            page.wait_for_load_state("networkidle", timeout=30_000)
        counts_in_page = _in_page_ms(page, "cari:saringan")
        second_bytes = sum(_body_size(r) for _, r in seen[second_from:])
        by_kind: dict[str, int] = {}
        before_first = total = 0
        for moment, response in seen:
            size = _body_size(response)
            total += size
            if moment <= first:
                before_first += size
            path = urlsplit(response.url).path
            kind = _resource_kind(path)
            by_kind[kind] = by_kind.get(kind, 0) + size
        context.close()
    return {
        "query": query,
        "first_result_s": first - started,
        "page_load_s": loaded - started,
        "ready_s": ready - started,
        "query_s": first - ready,
        "second_query": second_query,
        "second_query_s": again,
        # Measured by the page itself (cari.js's performance marks), from the
        # start of a search to its first results drawn, then to its counts.
        "query_ms_in_page": in_page[0] if in_page else None,
        "bytes_to_first_result_in_page": in_page_bytes,
        "counts_ms_in_page": counts_in_page[0] if counts_in_page else None,
        "second_query_ms_in_page": again_in_page[-1] if again_in_page else None,
        "second_query_bytes": second_bytes,
        "results_shown": results,
        "status": status,
        "responses": len(seen),
        "bytes_to_first_result": before_first,
        "bytes_total": total,
        "bytes_by_kind": by_kind,
    }


# Bytes of every response (the page itself included) that had arrived when
# the first results were drawn, by the browser's own clock: the Python side
# sees the results later, when more may have arrived.
_BYTES_TO_RESULTS = """(() => {
  const drawn = performance.getEntriesByName("cari:hasil")[0];
  if (!drawn) return null;
  const end = drawn.startTime + drawn.duration;
  let total = 0;
  const entries = performance.getEntriesByType("navigation")
    .concat(performance.getEntriesByType("resource"));
  for (const entry of entries) {
    if (entry.responseEnd <= end) total += entry.encodedBodySize;
  }
  return total;
})()"""


def _in_page_ms(page, name: str, after: int = 0, timeout: float = 30.0) -> list[float]:
    """Durations of the page's ``performance.measure`` entries called ``name``,
    waiting (polled from Python) until there are more than ``after``."""
    deadline = time.perf_counter() + timeout
    script = f"performance.getEntriesByName({json.dumps(name)}).map(e => e.duration)"
    while True:
        durations = page.evaluate(script)
        if len(durations) > after or time.perf_counter() > deadline:
            return durations
        page.wait_for_timeout(20)


def _second_query(page, query: str, timeout: float = 300.0) -> float | None:
    """Seconds from submitting ``query`` on the open page to its results."""
    page.fill("#q", query)
    started = time.perf_counter()
    page.press("#q", "Enter")
    deadline = started + timeout
    # Polled from Python: the page's CSP forbids the eval behind wait_for_function.
    while f"“{query}”" not in (page.text_content("#status") or ""):
        if time.perf_counter() > deadline:
            return None
        page.wait_for_timeout(20)
    return time.perf_counter() - started


def _body_size(response) -> int:
    try:
        return len(response.body())
    except Exception:  # noqa: BLE001 - redirects and aborted loads have no body
        return int(response.headers.get("content-length") or 0)


def _resource_kind(path: str) -> str:
    bundle = f"/{_search_bundle()}/"
    if path.startswith(bundle):
        part = path[len(bundle) :].split("/", 1)[0]
        return {
            "meta.bin": "index meta",
            "saringan.bin": "index filter values",
            "kamus": "index dictionary",
            "pos": "index postings",
            "dok": "index documents",
            "hal": "index first pages",
        }.get(part, "index other")
    if path.startswith("/data/"):
        return "data " + path.rsplit("/", 1)[-1]
    return "page, css, js"


# ---------------------------------------------------------------------------
# The benchmark.


def _build_figures(run: ChildRun, output: Path, articles: int) -> dict:
    result = run.result
    return {
        "wall_s": run.wall_s,
        "ms_per_article": 1000 * run.wall_s / articles if articles else 0.0,
        # The largest process, or all of them at once if that is more.
        "peak_rss_mib": max(run.peak_rss_mib, result.get("tree_peak_pss_mib", 0.0)),
        "html_pages": count_html(output),
        "output_mib": tree_bytes(output) / MIB,
        "ok": run.returncode == 0,
        "log": run.log,
        **{
            key: value
            for key, value in result.items()
            if key not in ("errors", "warnings")
        },
        "errors": result.get("errors", [])[:5],
        "warnings": result.get("warnings", [])[:5],
        "error_count": len(result.get("errors", [])),
        "warning_count": len(result.get("warnings", [])),
    }


def _build(
    name: str,
    settings: Path,
    content: Path,
    work: Path,
    cache: Path,
    articles: int,
    *,
    profile: Path | None = None,
    incremental: bool = False,
    output: Path | None = None,
) -> dict:
    output = output or work / f"out-{name}"
    argv = ["build", "--settings", str(settings), "--content", str(content)]
    argv += ["--output", str(output), "--cache", str(cache)]
    if incremental:
        argv.append("--incremental")
    if profile is not None:
        argv += ["--profile", str(profile)]
    progress(f"{name} build ...")
    run = run_child(argv, work, f"build-{name}")
    figures = _build_figures(run, output, articles)
    state = "ok" if figures["ok"] else f"FAILED, see {run.log}"
    progress(
        f"{name} build: {run.wall_s:.1f} s, peak RSS {run.peak_rss_mib:.0f} MiB, "
        f"{figures['html_pages']} HTML pages ({state})"
    )
    return figures


def run_benchmark(options: BenchOptions) -> dict:
    """Generate, build, measure; return every figure (see ``format_report``)."""
    from warta.bench.corpus import SEED, CorpusConfig, generate_corpus

    if options.keep:
        work = Path(options.keep).resolve()
        if work.exists() and any(work.iterdir()):
            raise FileExistsError(f"--keep folder {work} is not empty")
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    results: dict = {
        "command": options.command(),
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "work": str(work),
        "kept": bool(options.keep),
    }
    try:
        config = CorpusConfig(
            options.articles,
            seed=options.seed if options.seed is not None else SEED,
            misspell_rate=options.misspell_rate,
        )
        content = work / "content"
        progress(f"generating {options.articles} articles in {content} ...")
        stats = generate_corpus(content, config)
        results["corpus"] = {
            "articles": stats.articles,
            "seed": config.seed,
            "words": stats.words,
            "mentions": stats.mentions,
            "misspelt": stats.misspelt,
            "misspelt_share": stats.misspelt_share,
            "seconds": stats.seconds,
            "content_mib": tree_bytes(content) / MIB,
        }
        progress(f"generated in {stats.seconds:.1f} s")
        n = options.articles
        builds: dict[str, dict] = {}
        if not options.skip_plain:
            builds["plain"] = _build(
                "plain", PLAIN_SETTINGS, content, work, work / "cache-plain", n
            )
        # With --incremental the full build keeps what incremental rebuilds
        # need (Pelican's content cache, the page memo): an editor's first build.
        builds["full"] = _build(
            "full",
            FULL_SETTINGS,
            content,
            work,
            work / "cache-full",
            n,
            incremental=options.incremental,
        )
        if options.warm:
            builds["warm"] = _build(
                "warm", FULL_SETTINGS, content, work, work / "cache-full", n
            )
            shutil.rmtree(work / "out-warm", ignore_errors=True)
        results["builds"] = builds
        if "plain" in builds:
            plain, full = builds["plain"], builds["full"]
            results["ratio"] = {
                key: full[key] / plain[key] if plain[key] else None
                for key in ("wall_s", "peak_rss_mib", "html_pages", "output_mib")
            }

        output = work / "out-full"
        progress("search indexing ...")
        # On a copy of the site (its pages linked, not copied): the bundle and
        # the search cache of out-full stay as the build left them, for the
        # incremental rebuilds below.
        copy = work / "out-index"
        shutil.rmtree(copy, ignore_errors=True)
        bundle = _search_bundle()
        shutil.copytree(
            output,
            copy,
            copy_function=os.link,
            ignore=lambda folder, names: [
                name
                for name in names
                if (Path(folder) / name).relative_to(output).as_posix() == bundle
            ],
        )
        run = run_child(["index", "--output", str(copy)], work, "index")
        shutil.rmtree(copy)
        # The indexer runs worker processes side by side: its peak is the
        # largest sum of their memory, not the largest of them.
        peak = max(run.peak_rss_mib, run.result.get("tree_peak_rss_mib", 0.0))
        results["index"] = {
            "wall_s": run.wall_s,
            "peak_rss_mib": peak,
            "ok": run.returncode == 0,
            "log": run.log,
            **run.result,
        }
        progress(f"indexing: {run.wall_s:.1f} s, peak RSS {peak:.0f} MiB")

        progress("tagging and figure extraction in this process ...")
        results["throughput"] = measure_throughput(content, stats.expected)
        progress(
            f"tagging {results['throughput']['tag_per_s']:.0f} articles/s "
            f"({results['throughput']['tag_cores_per_s']:.0f} on "
            f"{results['throughput']['tag_cores']} cores), "
            f"figures {results['throughput']['figures_per_s']:.0f} articles/s"
        )

        if options.incremental:
            results["incremental"] = measure_incremental(content, work, n)
            results["live"] = measure_live(content, work, n)

        if options.search:
            progress(f"search in Chromium for {options.query!r} ...")
            results["search"] = measure_search(output, options.query)
            queries = [options.query, *SEVERAL_WORDS]
            progress(f"first results of {queries}, {FRESH_LOADS} fresh loads each ...")
            results["first_results"] = measure_first_results(output, queries)

        if options.profile:
            profile = work / "full.prof"
            _build(
                "profile",
                FULL_SETTINGS,
                content,
                work,
                work / "cache-profile",
                n,
                profile=profile,
            )
            results["profile"] = {"file": str(profile), "top": top_functions(profile)}
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["targets"] = check_targets(results)
    return results


# An editor's changes, one rebuild each: (name, what it does to the content).
NEW_ARTICLE = """Title: Pelatihan Kemasan bagi IKM Kopi {place}
Date: {date}
Region: Lampung
Source: Antara

Dinas Perindustrian Provinsi Lampung melatih 40 pelaku IKM kopi di Liwa.
Menurut Badan Pusat Statistik, ekspor kopi Lampung naik 5,2 persen.
"""


def _edit_article(content: Path, position: float = 0.5) -> str:
    articles = sorted((content / "articles").rglob("*.md"))
    chosen = articles[int(len(articles) * position)]
    with chosen.open("a", encoding="utf-8") as stream:
        stream.write(
            "\nKepala Badan Pusat Statistik menyebut ekspor naik 3,1 persen.\n"
        )
    return chosen.relative_to(content).as_posix()


def _newest_date(content: Path) -> dt.datetime:
    """The latest ``Date:`` among the articles' metadata."""
    newest = None
    for path in (content / "articles").rglob("*.md"):
        with path.open(encoding="utf-8") as stream:
            for line in stream:
                if not line.strip():
                    break
                if line.startswith("Date:"):
                    date = dt.datetime.fromisoformat(line[5:].strip())
                    newest = date if newest is None or date > newest else newest
    if newest is None:
        raise ValueError(f"{content}: no article with a date")
    return newest


def _add_article(content: Path, place: str = "Lampung Barat") -> str:
    """An article dated the day after the newest, as an editor adds the day's
    news (one dated among the others renumbers the search index's documents
    after it: an article added on the corpus's last day but one rewrote 925
    bundle files at 20,000 articles, the newest 110)."""
    slug = "pelatihan-kemasan-ikm-kopi-" + place.lower().replace(" ", "-")
    date = (_newest_date(content) + dt.timedelta(days=1)).replace(hour=10, minute=0)
    path = content / "articles" / str(date.year) / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = NEW_ARTICLE.format(date=f"{date:%Y-%m-%d %H:%M}", place=place)
    path.write_text(text, encoding="utf-8")
    return path.relative_to(content).as_posix()


def _add_alias(content: Path) -> str:
    path = content / "authority" / "agencies.yaml"
    text = path.read_text(encoding="utf-8")
    alias = "  aliases:\n  - Biro Pusat Statistik\n"
    if alias not in text:
        raise ValueError(f"{path}: the BPS alias this benchmark extends is gone")
    path.write_text(text.replace(alias, alias + "  - Biro Statistik Pusat\n"), "utf-8")
    return "authority/agencies.yaml: an alias added to bps"


INCREMENTAL_STEPS: tuple[tuple[str, Callable[[Path], str] | None], ...] = (
    ("unchanged", None),
    ("one article edited", _edit_article),
    ("one article added", _add_article),
    ("authority alias added", _add_alias),
)


PLAIN_REBUILD = "plain Pelican, unchanged"

# ``make serve``: one process builds, then builds again after each change.
LIVE_STEPS: tuple[tuple[str, Callable[[Path], str] | None], ...] = (
    ("first build of the process", None),
    ("one article edited", lambda content: _edit_article(content, 0.25)),
    ("one article added", lambda content: _add_article(content, "Tanggamus")),
)


def measure_incremental(content: Path, work: Path, articles: int) -> list[dict]:
    """Rebuild the full build's output incrementally after each editor's change."""
    steps = []
    for number, (name, change) in enumerate(INCREMENTAL_STEPS, start=1):
        what = change(content) if change else "nothing"
        progress(f"incremental rebuild: {name} ({what}) ...")
        figures = _build(
            f"incremental-{number}",
            FULL_SETTINGS,
            content,
            work,
            work / "cache-full",
            articles,
            incremental=True,
            output=work / "out-full",
        )
        steps.append({"step": name, "change": what, **figures})
    steps.append(measure_plain_rebuild(content, work, articles))
    return steps


def measure_live(content: Path, work: Path, articles: int) -> dict:
    """Rebuilds as ``make serve`` makes them: in one process that stays."""
    argv = ["live", "--settings", str(FULL_SETTINGS), "--content", str(content)]
    argv += ["--output", str(work / "out-full"), "--cache", str(work / "cache-full")]
    progress("rebuilds in one process, as make serve makes them ...")
    run = run_child(argv, work, "live")
    for step in run.result.get("steps", []):
        progress(
            f"  {step['step']} ({step['change']}): {step['wall_s']:.1f} s, "
            f"{step.get('pages_rendered', 0)} pages rendered"
        )
    return {
        "ok": run.returncode == 0,
        "log": run.log,
        "peak_rss_mib": max(run.peak_rss_mib, run.result.get("tree_peak_pss_mib", 0)),
        "steps": run.result.get("steps", []),
    }


def child_live(args: argparse.Namespace) -> int:
    """Build, then change the content and build again, in this one process,
    tidying between builds as ``sitebuild.serve_live`` does while it waits
    for the next save (not counted in a build's time)."""
    import sitebuild
    from warta.memory import tidy_between_builds

    info = _InfoRecorder()
    logging.getLogger().addHandler(info)
    for logger_name in _PLUGIN_LOGGERS:
        logging.getLogger(logger_name).setLevel(logging.INFO)
    poller = _TreePeak(interval=0.25, proportional=True)
    poller.start()
    steps = []
    for name, change in LIVE_STEPS:
        what = change(Path(args.content)) if change else "nothing"
        info.messages.clear()
        report = sitebuild.build(
            args.settings,
            content=args.content,
            output=args.output,
            cache=args.cache,
            incremental=True,
        )
        steps.append(
            {
                "step": name,
                "change": what,
                "wall_s": report.seconds,
                "ok": report.ok,
                "errors": (report.errors + report.warnings)[:5],
                **_stages(info.messages),
            }
        )
        tidy_between_builds()
    _wait_for_indexers()
    result = {"steps": steps, "tree_peak_pss_mib": poller.stop() / KIB_PER_MIB}
    Path(args.result).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0 if all(step["ok"] for step in steps) else 1


def measure_plain_rebuild(content: Path, work: Path, articles: int) -> dict:
    """The floor of any rebuild made by a Pelican run: plain Pelican (no
    plugin) run again with its content cache and nothing changed; ``context_s``
    is its reading alone, before it writes a page."""
    figures = {}
    for number in (1, 2):  # the first fills the content cache
        progress(f"plain Pelican with its content cache, run {number} ...")
        figures = _build(
            f"plain-cached-{number}",
            PLAIN_SETTINGS,
            content,
            work,
            work / "cache-plain-cached",
            articles,
            incremental=True,
            output=work / "out-plain-cached",
        )
    shutil.rmtree(work / "out-plain-cached", ignore_errors=True)
    return {"step": PLAIN_REBUILD, "change": "nothing", "plain": True, **figures}


def top_functions(profile: Path, limit: int = 25) -> list[dict]:
    """The functions that took the most time, by their own time."""
    import pstats

    stats = pstats.Stats(str(profile))
    rows = []
    for (filename, line, function), (_, calls, own, cumulative, _) in sorted(
        stats.stats.items(), key=lambda item: item[1][2], reverse=True
    )[:limit]:
        short = filename.replace(str(ROOT) + "/", "")
        short = re.sub(r".*/site-packages/", "", short)
        rows.append(
            {
                "function": f"{short}:{line}({function})",
                "calls": calls,
                "own_s": own,
                "cumulative_s": cumulative,
            }
        )
    return rows


def check_targets(results: dict) -> dict:
    builds = results.get("builds", {})
    peaks = [b["peak_rss_mib"] for b in builds.values()]
    if "index" in results:
        peaks.append(results["index"]["peak_rss_mib"])
    ratio = results.get("ratio", {}).get("wall_s")
    edits = [
        step["wall_s"]
        for step in results.get("live", {}).get("steps", [])
        or results.get("incremental", [])
        if step["step"] in ("one article edited", "one article added")
    ]
    return {
        "incremental_in_one_process": bool(results.get("live", {}).get("steps")),
        "incremental_s": max(edits) if edits else None,
        "incremental_ok": (max(edits) <= TARGET_REBUILD_S) if edits else None,
        "full_over_plain": ratio,
        "full_over_plain_ok": None if ratio is None else ratio <= TARGET_RATIO,
        "peak_rss_mib": max(peaks) if peaks else None,
        "peak_rss_ok": (max(peaks) <= TARGET_RSS_MIB) if peaks else None,
        # The median of each query's fresh loads.
        "first_results_ms": {
            item["query"]: item["median_ms"]
            for item in results.get("first_results", [])
        },
        "builds_ok": all(b["ok"] for b in builds.values())
        and results.get("index", {}).get("ok", True),
    }


# ---------------------------------------------------------------------------
# The report.


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _median_text(median: float | None) -> str:
    """A query's median time to its first results, as the report prints it."""
    return f"{median:.0f} ms" if median is not None else "none drawn"


def format_report(results: dict) -> str:
    """The figures as a plain-text table."""
    lines = []
    corpus = results["corpus"]
    machine = results["machine"]
    lines.append(
        f"Warta benchmark: {_n(corpus['articles'])} synthetic articles "
        f"(seed {corpus['seed']}), {machine['cpus']} CPU(s), "
        f"Python {machine['python']}, {results['when']}"
    )
    lines.append(
        f"corpus: {_n(corpus['words'])} words, {_n(corpus['mentions'])} agency/person "
        f"mentions ({corpus['misspelt_share']:.1%} misspelt), "
        f"{corpus['content_mib']:.1f} MiB, generated in {corpus['seconds']:.1f} s"
    )
    full = results.get("builds", {}).get("full", {})
    if full.get("plugins") is not None:
        lines.append(f"full build plugins: {', '.join(full['plugins']) or '(none)'}")
    lines.append("")
    header = (
        f"{'build':<22}{'wall s':>9}{'ms/article':>12}{'peak RSS MiB':>14}"
        f"{'HTML pages':>12}{'output MiB':>12}  status"
    )
    lines.append(header)
    lines.append("-" * len(header))
    labels = {
        "plain": "plain (no plugins)",
        "full": "full, cold cache",
        "warm": "full, warm cache",
    }
    builds = results.get("builds", {})
    for name, label in labels.items():
        build = builds.get(name)
        if build is None:
            continue
        status = (
            "ok"
            if build["ok"]
            else (
                f"FAILED ({build['error_count']} error(s), "
                f"{build['warning_count']} warning(s); {build['log']})"
            )
        )
        lines.append(
            f"{label:<22}{build['wall_s']:>9.1f}{build['ms_per_article']:>12.2f}"
            f"{build['peak_rss_mib']:>14.0f}{build['html_pages']:>12,}"
            f"{build['output_mib']:>12.1f}  {status}"
        )
    ratio = results.get("ratio")
    if ratio:
        lines.append(
            f"{'full / plain':<22}{ratio['wall_s']:>8.2f}×{'':>12}"
            f"{ratio['peak_rss_mib']:>13.2f}×{ratio['html_pages']:>11.2f}×"
            f"{ratio['output_mib']:>11.2f}×"
        )
    lines.append("")
    lines.append("where each build's time goes (seconds, measured inside it):")
    for name, label in labels.items():
        build = builds.get(name)
        if build is None or "run_s" not in build:
            continue
        tag_s, figures_s = build.get("tag_s", 0), build.get("figures_s", 0)
        parts = [
            f"startup {build['startup_s']:.1f}",
            f"read {build['context_s'] - tag_s - figures_s:.1f}",
        ]
        if "tag_s" in build:
            cached = _n(build.get("tag_from_cache", 0))
            parts.append(f"tagging {tag_s:.1f} ({cached} cached)")
        if "figures_s" in build:
            parts.append(
                f"figures {build['figures_s']:.1f} "
                f"({_n(build.get('figures_from_cache', 0))} cached)"
            )
        parts.append(f"write {build['write_s'] - build.get('index_s', 0):.1f}")
        if "index_s" in build:
            parts.append(f"search index after writing {build['index_s']:.1f}")
        lines.append(f"  {label:<20} " + ", ".join(parts))
        if build.get("maxrss_children_mib"):
            lines.append(
                f"  {'':<20} peak RSS: Python {build['maxrss_self_mib']:.0f} MiB, "
                f"largest child process {build['maxrss_children_mib']:.0f} MiB, "
                f"all processes at once {build.get('tree_peak_pss_mib', 0):.0f} "
                "MiB (PSS)"
            )
    steps = results.get("incremental")
    if steps:
        lines.append("")
        lines.append(
            "incremental rebuilds of the full build (seconds; the search index "
            "reads the pages written, as they are written, and the others from its "
            "cache):"
        )
        for step in steps:
            state = "ok" if step["ok"] else f"FAILED ({step['log']})"
            if step.get("plain"):
                lines.append(
                    f"  {step['step']:<24}{step['wall_s']:>7.1f} s  (reading from "
                    f"its content cache {step['context_s']:.1f}, no plugin, every "
                    f"page written; the floor of a Pelican run)  {state}"
                )
                continue
            indexing = step.get("index_s", 0.0)
            lines.append(
                f"  {step['step']:<24}{step['wall_s']:>7.1f} s  "
                f"(Pelican {step['wall_s'] - indexing:.1f}, "
                f"search index after writing {indexing:.1f}); "
                f"{_n(step.get('pages_rendered', 0))} pages rendered, "
                f"{_n(step.get('pages_kept', 0))} kept; peak RSS "
                f"{step['peak_rss_mib']:.0f} MiB  {state}"
            )
    live = results.get("live")
    if live:
        state = "ok" if live["ok"] else f"FAILED ({live['log']})"
        lines.append(
            "rebuilds in one process, as make serve makes them after each save "
            f"(peak RSS {live['peak_rss_mib']:.0f} MiB; {state}):"
        )
        for step in live["steps"]:
            indexing = step.get("index_s", 0.0)
            lines.append(
                f"  {step['step']:<28}{step['wall_s']:>7.1f} s  "
                f"(search index after writing {indexing:.1f}); "
                f"{_n(step.get('pages_rendered', 0))} pages rendered"
            )
    lines.append("")
    index = results.get("index")
    if index:
        lines.append(
            f"search index (own process): {index['wall_s']:.1f} s wall, "
            f"peak RSS {index['peak_rss_mib']:.0f} MiB (all its processes at once; "
            f"largest {index.get('maxrss_children_mib', 0):.0f} MiB, bench "
            f"{index.get('maxrss_self_mib', 0):.0f} MiB), "
            f"{_n(index.get('pages', 0))} pages indexed, {_search_bundle()}/ "
            f"{index.get('bundle_bytes', 0) / MIB:.1f} MiB in "
            f"{_n(index.get('bundle_files', 0))} files"
        )
    through = results.get("throughput")
    if through:
        recall = through["entity_recall"]
        count = max(through["articles"], 1)
        found = max(through["figures"], 1)
        lines.append(
            f"tagging (one core, in process): {through['tag_per_s']:,.0f} articles/s "
            f"({1000 * through['tag_s'] / count:.2f} ms/article; "
            f"Tagger.load {through['tagger_load_s']:.2f} s); "
            f"{_n(through['tags_verified'])} verified + "
            f"{_n(through['tags_discovered'])} discovered tags"
            + (
                f"; recall of inserted entities {recall:.1%}"
                if recall is not None
                else ""
            )
        )
        if "tag_cores_per_s" in through:
            lines.append(
                f"tagging ({through['tag_cores']} cores, as the build does what "
                "reading left): "
                f"{through['tag_cores_per_s']:,.0f} articles/s; 100,000 articles "
                f"in {100_000 / max(through['tag_cores_per_s'], 1):.0f} s"
            )
        lines.append(
            f"figure extraction (one core): {through['figures_per_s']:,.0f} articles/s "
            f"({1000 * through['figures_s'] / count:.2f} ms/article); "
            f"{_n(through['figures'])} figures, "
            f"{through['figures_classified'] / found:.0%} classified"
        )
    search = results.get("search")
    if search:
        kinds = ", ".join(
            f"{kind} {size / 1024:,.0f} KiB"
            for kind, size in sorted(
                search["bytes_by_kind"].items(), key=lambda item: -item[1]
            )
        )
        in_page_bytes = search.get("bytes_to_first_result_in_page")
        by_page_clock = (
            f" ({in_page_bytes / 1024:,.0f} KiB by the page's clock), "
            if in_page_bytes is not None
            else ", "
        )
        lines.append(
            f"search in Chromium for {search['query']!r}: first result after "
            f"{search['first_result_s']:.2f} s (page {search['page_load_s']:.2f} s, "
            f"index ready {search['ready_s']:.2f} s, query {search['query_s']:.2f} s), "
            f"{search['bytes_to_first_result'] / 1024:,.0f} KiB transferred by then"
            f"{by_page_clock}"
            f"{search['bytes_total'] / 1024:,.0f} KiB in "
            f"{search['responses']} responses with the second query ({kinds}); "
            f"status: {search['status']}"
        )
        if search.get("query_ms_in_page") is not None:
            counts = search.get("counts_ms_in_page")
            drawn = search["query_ms_in_page"]
            lines.append(
                f"  measured in the page: results drawn {drawn:.0f}"
                " ms after the search started"
                + (f", filter counts {counts:.0f} ms" if counts is not None else "")
            )
        if search.get("second_query_s") is not None:
            in_page = search.get("second_query_ms_in_page")
            lines.append(
                f"  then {search['second_query']!r} typed on the same page: "
                f"results after {search['second_query_s']:.2f} s"
                + (f" ({in_page:.0f} ms in the page)" if in_page is not None else "")
                + f", {search.get('second_query_bytes', 0) / 1024:,.0f} KiB transferred"
            )
    first_results = results.get("first_results")
    if first_results:
        lines.append(
            "  first results on fresh pages, ms from the search's start (in the page),"
            " median (each load):"
        )
        for item in first_results:
            loads = " ".join(f"{ms:.0f}" for ms in item["ms"])
            median = item["median_ms"]
            lines.append(
                f"    {item['query']!r}: "
                + _median_text(median)
                + f" ({loads}); {item['status']}"
            )
    profile = results.get("profile")
    if profile:
        lines.append("")
        lines.append(f"profile of a cold full build ({profile['file']}), by own time:")
        for row in profile["top"]:
            lines.append(
                f"  {row['own_s']:>8.2f} s own {row['cumulative_s']:>8.2f} s cum "
                f"{row['calls']:>10,}  {row['function']}"
            )
    targets = results.get("targets", {})
    lines.append("")
    verdicts = []
    if targets.get("full_over_plain") is not None:
        verdicts.append(
            f"full ≤ {TARGET_RATIO}× plain: "
            f"{'yes' if targets['full_over_plain_ok'] else 'NO'} "
            f"({targets['full_over_plain']:.2f}×)"
        )
    if targets.get("peak_rss_mib") is not None:
        verdicts.append(
            f"peak RSS ≤ 1 GiB: {'yes' if targets['peak_rss_ok'] else 'NO'} "
            f"({targets['peak_rss_mib']:.0f} MiB)"
        )
    if targets.get("incremental_s") is not None:
        verdicts.append(
            f"rebuild after one article edited or added ≤ {TARGET_REBUILD_S:.0f} s: "
            f"{'yes' if targets['incremental_ok'] else 'NO'} "
            f"({targets['incremental_s']:.1f} s"
            + (", in one process" if targets["incremental_in_one_process"] else "")
            + ")"
        )
    for query, median in targets.get("first_results_ms", {}).items():
        met = median is not None and median <= TARGET_FIRST_RESULTS_MS
        drawn = _median_text(median)
        verdicts.append(
            f"first results of {query!r} ≤ {TARGET_FIRST_RESULTS_MS:.0f} ms: "
            f"{'yes' if met else 'NO'} ({drawn})"
        )
    verdicts.append("linear in N: compare ms/article across --articles runs")
    lines.append("targets: " + "; ".join(verdicts))
    if results.get("kept"):
        lines.append(f"kept in: {results['work']}")
    lines.append(f"reproduce: {results['command']}")
    return "\n".join(lines)


def write_json(results: dict, path: str | Path) -> None:
    Path(path).write_text(
        json.dumps(results, indent=1, ensure_ascii=False, default=str) + "\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    """The child side: ``build``, ``live``, ``index`` and ``peak``."""
    parser = argparse.ArgumentParser(prog="python -m warta.bench.measure")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="one Pelican build (run by the bench)")
    build.add_argument("--settings", required=True)
    build.add_argument("--content", required=True)
    build.add_argument("--output", required=True)
    build.add_argument("--cache", required=True)
    build.add_argument("--no-search", action="store_true")
    build.add_argument("--incremental", action="store_true")
    build.add_argument("--profile", help="write cProfile stats to this file")
    build.add_argument("--result", required=True)
    live = commands.add_parser("live", help="builds in one process (make serve)")
    for option in ("--settings", "--content", "--output", "--cache", "--result"):
        live.add_argument(option, required=True)
    peak = commands.add_parser("peak", help="a process tree's peak memory")
    peak.add_argument("--pid", type=int, required=True)
    peak.add_argument("--interval", type=float, required=True)
    peak.add_argument("--proportional", action="store_true")
    index = commands.add_parser("index", help="the search index of a built site")
    index.add_argument("--output", required=True)
    index.add_argument("--result", required=True)
    args = parser.parse_args(argv)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "build": child_build,
        "index": child_index,
        "live": child_live,
        "peak": child_peak,
    }
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
