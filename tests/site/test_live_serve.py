"""``serve_live`` (``make serve``): the site is served and built again, in the
same process, when an editor adds, breaks or fixes an article."""

from __future__ import annotations

import gc
import re
import threading
import time
import urllib.error
import urllib.request
import weakref

import pytest

import sitebuild

pytestmark = pytest.mark.site

NEW = """Title: Pameran Kopi Robusta Lampung Barat
Date: 2024-05-08
Source: Contoh
Region: Lampung

Dinas Perindustrian Provinsi Lampung membuka pameran kopi robusta di Liwa.
"""
BROKEN = "Title: Berita rusak\nDate: 2015-02-30\nSource: Contoh\n\nIsi.\n"
NEW_URL = "/berita/2024/05/08/pameran-kopi-robusta-lampung-barat/"


class Messages:
    """What ``serve_live`` announces, waited on from the test's thread."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()

    def __call__(self, line: str) -> None:
        with self._changed:
            self.lines.append(line)
            self._changed.notify_all()

    def wait_for(self, prefix: str, after: int = 0, seconds: float = 180) -> str:
        def found():
            return next((m for m in self.lines[after:] if m.startswith(prefix)), None)

        with self._changed:
            assert self._changed.wait_for(found, timeout=seconds), self.lines
            return found()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:  # it holds the response: closed, not left to the collector
            return error.code, ""


def _serve_live(content, tmp_path, messages, **options) -> int:
    """``serve_live`` on a free port, with output and cache in ``tmp_path``."""
    return sitebuild.serve_live(
        content=content,
        output=tmp_path / "output",
        cache=tmp_path / "cache",
        port=0,
        announce=messages,
        **options,
    )


def _serve_live_in_a_thread(content, tmp_path, messages, stop, result):
    """``_serve_live`` in a thread until ``stop``; its exit code goes to ``result``."""
    server = threading.Thread(
        target=lambda: result.append(
            _serve_live(content, tmp_path, messages, stop=stop)
        )
    )
    server.start()
    return server


def test_served_site_is_rebuilt_when_articles_change(content_copy, tmp_path):
    messages, stop, result = Messages(), threading.Event(), []
    server = _serve_live_in_a_thread(content_copy, tmp_path, messages, stop, result)
    try:
        ready = messages.wait_for("Arsip siap di ")
        base = re.search(r"(http://\S+?)/ ", ready).group(1)
        assert _get(base + "/")[0] == 200
        assert _get(base + NEW_URL)[0] == 404
        time.sleep(0.5)  # the watch is set up after the announcement

        # An article added: built and served without a restart.
        seen = len(messages.lines)
        # (In a folder made just now, inotify may report the folder only.)
        articles = content_copy / "articles" / "2015"
        (articles / "pameran.md").write_text(NEW, encoding="utf-8")
        assert messages.wait_for("Berubah: ", seen) == (
            "Berubah: content/articles/2015/pameran.md. Membangun ulang ..."
        )
        messages.wait_for("Selesai dalam ", seen)
        status, page = _get(base + NEW_URL)
        assert status == 200
        assert "Pameran Kopi Robusta Lampung Barat" in page

        # A broken article: the build fails, named; the site is still served.
        seen = len(messages.lines)
        (articles / "rusak.md").write_text(BROKEN, encoding="utf-8")
        messages.wait_for("Perbaiki berkas di atas", seen)
        assert _get(base + NEW_URL)[0] == 200

        # Fixed: built again.
        seen = len(messages.lines)
        (articles / "rusak.md").unlink()
        messages.wait_for("Selesai dalam ", seen)
    finally:
        stop.set()
        server.join(timeout=60)
    assert not server.is_alive()
    assert result == [0]
    assert messages.lines[-1] == "Server dihentikan."
    with pytest.raises(urllib.error.URLError, match="refused"):
        urllib.request.urlopen(base + "/", timeout=2)


@pytest.mark.parametrize("incremental", [False, True], ids=["clean", "incremental"])
def test_each_build_in_one_process_reports_its_own_warnings(
    content_copy, tmp_path, incremental
):
    # Pelican logs a warning once per process, and an incremental build keeps
    # the page that logged it: a second build of the same broken link must
    # still fail.
    article = next((content_copy / "articles").rglob("*.md"))
    with article.open("a", encoding="utf-8") as stream:
        stream.write("\nLihat [berita lain]({filename}/articles/tidak-ada.md).\n")
    reports = [
        sitebuild.build(
            content=content_copy,
            output=tmp_path / "output",
            cache=tmp_path / "cache",
            incremental=incremental,
        )
        for _ in range(2)
    ]
    for report in reports:
        assert any("tidak-ada.md" in w for w in report.warnings), report.warnings
        assert not report.ok


def test_a_build_leaves_none_of_its_articles_alive(content_copy, tmp_path):
    # A process that builds again (make serve) must not keep the articles of
    # every build it made: Pelican memoises their HTML for the process.
    from pelican import signals

    # The build collects garbage less often, and as usual once it ends; the
    # next build begins by freeing what the last one left.
    seen: list[weakref.ref] = []
    left_alive: list[int] = []
    usual = gc.get_threshold()

    def keep_refs(generator):
        left_alive.extend(1 for ref in seen if ref() is not None)
        seen.extend(weakref.ref(article) for article in generator.articles)

    signals.article_generator_finalized.connect(keep_refs)
    try:
        for _ in range(2):
            report = sitebuild.build(
                content=content_copy,
                output=tmp_path / "output",
                cache=tmp_path / "cache",
                incremental=True,
            )
            assert report.ok, report.errors + report.warnings
    finally:
        signals.article_generator_finalized.disconnect(keep_refs)
    assert gc.get_threshold() == usual
    assert left_alive == []
    gc.collect()
    assert len(seen) == 2
    assert [ref() for ref in seen] == [None, None]


def test_what_a_served_build_left_is_freed_before_the_next_change(
    content_copy, tmp_path
):
    # make serve collects a build's leftovers while it waits for the editor,
    # not at the start of the next rebuild. The collector is off here, so
    # only an explicit collection frees the build's articles (they are held
    # in cycles).
    from pelican import signals

    seen: list[weakref.ref] = []

    def keep_refs(generator):
        seen.extend(weakref.ref(article) for article in generator.articles)

    messages, stop, result = Messages(), threading.Event(), []
    signals.article_generator_finalized.connect(keep_refs)
    gc.disable()
    try:
        server = threading.Thread(
            target=lambda: result.append(
                _serve_live(content_copy, tmp_path, messages, stop=stop, watch=False)
            )
        )
        server.start()
        messages.wait_for("Arsip siap di ")
        assert seen
        assert [ref for ref in seen if ref() is not None] == []
    finally:
        gc.enable()
        signals.article_generator_finalized.disconnect(keep_refs)
        stop.set()
        server.join(timeout=60)
    assert result == [0]


def test_a_first_build_that_fails_is_served_and_built_again_once_fixed(
    content_copy, tmp_path
):
    broken = content_copy / "articles" / "2015" / "rusak.md"
    broken.write_text(BROKEN, encoding="utf-8")
    messages, stop, result = Messages(), threading.Event(), []
    server = _serve_live_in_a_thread(content_copy, tmp_path, messages, stop, result)
    try:
        messages.wait_for("Perbaiki berkas di atas")
        ready = messages.wait_for("Arsip siap di ")
        base = re.search(r"(http://\S+?)/ ", ready).group(1)
        time.sleep(0.5)  # the watch is set up after the announcement
        seen = len(messages.lines)
        broken.unlink()
        messages.wait_for("Selesai dalam ", seen)
        assert _get(base + "/")[0] == 200
    finally:
        stop.set()
        server.join(timeout=60)
    assert result == [0]


def test_without_watching_a_failed_first_build_is_not_served(content_copy, tmp_path):
    (content_copy / "articles" / "2015" / "rusak.md").write_text(
        BROKEN, encoding="utf-8"
    )
    messages = Messages()
    code = _serve_live(content_copy, tmp_path, messages, watch=False)
    assert code == 1
    assert not any(m.startswith("Arsip siap") for m in messages.lines)
