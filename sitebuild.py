"""Run a real Pelican build, count what it logs, and serve the result.

``invoke build`` and the whole-site tests both come through here, so the site a
test checks is built exactly as an editor builds it. A build that logs any
warning or error fails: a bad article is reported with its file, line and
reason, never skipped in silence.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.log import LimitFilter
from pelican.log import init as init_logging
from pelican.settings import read_settings

from warta.errors import WartaError
from warta.live import watch_and_rebuild
from warta.memory import end_tidying, tidy_between_builds

ROOT = Path(__file__).resolve().parent
logger = logging.getLogger("warta.build")


class LogCounter(logging.Handler):
    """Keeps every warning and error logged during a build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def messages(self, level: int) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == level]


@dataclass
class BuildReport:
    output: Path
    seconds: float
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.warnings


# What an incremental build changes in the settings.
INCREMENTAL_SETTINGS = {
    "WARTA_INCREMENTAL": True,
    "DELETE_OUTPUT_DIRECTORY": False,
    "CACHE_CONTENT": True,
    "LOAD_CONTENT_CACHE": True,
    # Saved and loaded on every build: gzip took a tenth of a build with
    # nothing changed (10.6 -> 9.4 s at 5,000 articles), for a third less disk.
    "GZIP_CACHE": False,
}


def build_settings(
    settings_file: str | Path = ROOT / "pelicanconf.py",
    *,
    output: str | Path | None = None,
    content: str | Path | None = None,
    cache: str | Path | None = None,
    incremental: bool = False,
) -> dict:
    """Pelican's settings for a build: the settings file with these overrides."""
    override = {}
    if cache is not None:
        override["CACHE_PATH"] = str(Path(cache).resolve())
    if incremental:
        override.update(INCREMENTAL_SETTINGS)
    if output is not None:
        override["OUTPUT_PATH"] = str(Path(output).resolve())
    if content is not None:
        override["PATH"] = str(Path(content).resolve())
    return read_settings(str(settings_file), override=override)


def build(
    settings_file: str | Path = ROOT / "pelicanconf.py",
    *,
    output: str | Path | None = None,
    content: str | Path | None = None,
    cache: str | Path | None = None,
    incremental: bool = False,
    verbose: bool = False,
) -> BuildReport:
    """Build the site once; return what it logged.

    ``incremental`` keeps the output folder and Pelican's content cache and
    renders only the pages whose inputs changed since the last incremental
    build (``warta.incremental``).
    """
    settings = build_settings(
        settings_file,
        output=output,
        content=content,
        cache=cache,
        incremental=incremental,
    )
    init_logging(level=logging.INFO if verbose else logging.WARNING)
    # Pelican logs a warning once per process; each build must report its own
    # (the same broken link in a second build of ``serve_live``).
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    counter = LogCounter()
    logging.getLogger().addHandler(counter)
    started = time.perf_counter()
    try:
        Pelican(settings).run()
    except WartaError as error:
        if not error.logged:
            logger.error("%s", error)
    except Exception as error:  # noqa: BLE001 - any crash must fail the build, named
        logger.error("build stopped: %s: %s", type(error).__name__, error)
    finally:
        logging.getLogger().removeHandler(counter)
    return BuildReport(
        output=Path(settings["OUTPUT_PATH"]),
        seconds=time.perf_counter() - started,
        errors=counter.messages(logging.ERROR) + counter.messages(logging.CRITICAL),
        warnings=counter.messages(logging.WARNING),
    )


class ArchiveRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the archive's own 404 page."""

    def __init__(self, *args, quiet: bool = False, **kwargs):
        self.quiet = quiet  # set first: the base class serves the request in __init__
        super().__init__(*args, **kwargs)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        if not self.quiet:
            super().log_message(format, *args)


class ArchiveServer(http.server.ThreadingHTTPServer):
    """A threaded server that lets a client go away in silence: a browser that
    leaves a page, or a test that closes one, while files are still on their
    way is no error of the server's."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(
    output: str | Path, host: str = "127.0.0.1", port: int = 8000, *, quiet=False
) -> ArchiveServer:
    """A threaded HTTP server for ``output``; port 0 picks a free port."""
    handler = functools.partial(
        ArchiveRequestHandler, directory=str(output), quiet=quiet
    )
    return ArchiveServer((host, port), handler)


@contextlib.contextmanager
def serving(output: str | Path, host: str = "127.0.0.1") -> Iterator[str]:
    """``output`` served from a background thread on a free port, until the
    block ends; yields the base URL (``http://127.0.0.1:PORT``, no slash)."""
    server = make_server(output, host, 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        bound_host, port = server.server_address[:2]
        yield f"http://{bound_host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


def serve_live(
    settings_file: str | Path = ROOT / "pelicanconf.py",
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    output: str | Path | None = None,
    content: str | Path | None = None,
    cache: str | Path | None = None,
    incremental: bool = True,
    watch: bool = True,
    stop: threading.Event | None = None,
    announce: Callable[[str], None] = print,
) -> int:
    """Build the site, serve it, and (``watch``) build it again, in this
    process, each time the content, the theme or the settings file change,
    until ``stop`` is set or Ctrl-C. A failed build is reported and the site
    still served: the editor fixes the file and saves it again.

    Returns 1 if the last build failed, else 0."""
    options = dict(output=output, content=content, cache=cache)
    settings = build_settings(settings_file, incremental=incremental, **options)
    report = None

    def rebuild(changed: list[Path] | None = None) -> None:
        nonlocal report
        report = build(settings_file, incremental=incremental, **options)
        failed = report_and_exit_code(report)
        if failed and watch:
            announce("Perbaiki berkas di atas lalu simpan lagi: situs dibangun ulang.")
        elif changed is not None:
            announce(f"Selesai dalam {report.seconds:.1f} s; muat ulang halamannya.")
        tidy_between_builds()

    rebuild()
    if not report.ok and not watch:
        end_tidying()
        return 1
    server = make_server(report.output, host, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    bound_host, bound_port = server.server_address[:2]
    announce(f"Arsip siap di http://{bound_host}:{bound_port}/ (Ctrl-C untuk berhenti)")
    roots = [settings["PATH"], settings["THEME"], settings_file]
    try:
        if watch:
            announce("Perubahan pada konten, tema atau pengaturan dibangun ulang.")
            watch_and_rebuild(roots, rebuild, stop=stop, announce=announce)
        else:
            (stop or threading.Event()).wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
        end_tidying()
        announce("Server dihentikan.")
    return 0 if report.ok else 1


def report_and_exit_code(report: BuildReport) -> int:
    for message in report.errors:
        print(f"ERROR: {message}", file=sys.stderr)
    for message in report.warnings:
        print(f"WARNING: {message}", file=sys.stderr)
    status = "ok" if report.ok else "FAILED"
    print(
        f"build {status}: {len(report.errors)} error(s), "
        f"{len(report.warnings)} warning(s), {report.seconds:.1f} s, "
        f"output in {report.output}",
        file=sys.stderr,
    )
    return 0 if report.ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="sitebuild", description="Build the Warta archive with Pelican."
    )
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content", help="content folder (default: the settings')")
    parser.add_argument("--output", help="output folder (default: the settings')")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each file")
    args = parser.parse_args(argv)
    report = build(
        args.settings, output=args.output, content=args.content, verbose=args.verbose
    )
    return report_and_exit_code(report)


if __name__ == "__main__":
    sys.exit(main())
