"""A crawl against a real HTTP server on 127.0.0.1: feed, sitemap and bad hosts."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections import Counter
from typing import ClassVar

import pytest

from tests.ingest.helpers import (
    article_files,
    empty_content,
    invoke,
    news_page,
    paragraphs_about,
)

MAX_BYTES = 100_000
TIMEOUT = 0.5


def _pages() -> dict[str, bytes]:
    pages = {
        "/berita/satu": news_page(
            "Ekspor Kopi Lampung Naik", paragraphs_about("ekspor kopi")
        ),
        "/berita/dua": news_page(
            "Perajin Kain Tapis “Naik Kelas”",
            [
                *paragraphs_about("kain tapis"),
                "Harga kain mencapai Rp 2 juta per lembar — kata perajin café.",
            ],
            charset="windows-1252",
        ),
        "/berita/labil": news_page(
            "Sentra Keripik Pisang Dibenahi", paragraphs_about("keripik pisang")
        ),
        "/berita/empat": news_page(
            "Industri Gula Aren Tumbuh", paragraphs_about("gula aren")
        ),
        "/rahasia/tiga": news_page(
            "Halaman Terlarang", paragraphs_about("halaman terlarang")
        ),
        "/berita/besar": news_page(
            "Halaman Raksasa", paragraphs_about("halaman raksasa") * 400
        ),
        # UTF-8 served as ISO-8859-1 (a server's default), and text that a
        # site published mis-decoded already.
        "/salah-kode/header": news_page(
            "Pabrik Nestlé Diperluas",
            [*paragraphs_about("susu bubuk"), "Produksi naik — kata manajer."],
        ),
        "/salah-kode/teks": news_page(
            "Pabrik NestlÃ© Diperluas",
            [*paragraphs_about("susu bubuk"), "Produksi naik â€” kata manajer."],
        ),
    }
    return pages


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Warta Uji</title><link>{base}/</link>
{items}
</channel></rss>"""
ITEM = "<item><title>{path}</title><link>{base}{path}</link><pubDate>{date}</pubDate></item>"
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/berita/satu</loc><lastmod>2024-05-06</lastmod></url>
<url><loc>{base}/berita/empat</loc><lastmod>2024-05-07</lastmod></url>
</urlset>"""
FEED_PATHS = [
    "/berita/satu",
    "/berita/dua",
    "/berita/labil",
    "/rahasia/tiga",
    "/berita/lambat",
    "/berita/putar",
    "/berita/besar",
]


class NewsSite(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, bytes]] = {}
    hits: ClassVar[Counter] = Counter()
    agents: ClassVar[list[str]] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        base = f"http://{self.headers['Host']}"
        path = self.path
        type(self).hits[path] += 1
        type(self).agents.append(self.headers.get("User-Agent", ""))
        if path == "/robots.txt":
            return self._send(b"User-agent: *\nDisallow: /rahasia/\n", "text/plain")
        if path == "/feed.xml":
            items = "\n".join(
                ITEM.format(base=base, path=p, date="Mon, 06 May 2024 09:00:00 +0700")
                for p in FEED_PATHS
            )
            return self._send(
                FEED.format(base=base, items=items).encode(), "application/rss+xml"
            )
        if path == "/sitemap.xml":
            return self._send(SITEMAP.format(base=base).encode(), "application/xml")
        if path == "/berita/labil" and type(self).hits[path] == 1:
            return self._send(b"sibuk", "text/plain", status=500)
        if path == "/berita/lambat":
            time.sleep(TIMEOUT * 3)
            return self._send(b"<html>terlambat</html>", "text/html")
        if path in ("/berita/putar", "/berita/putar-lagi"):
            target = (
                "/berita/putar-lagi" if path == "/berita/putar" else "/berita/putar"
            )
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
            return None
        if path in type(self).pages:
            charset = "utf-8"
            if path == "/berita/dua":
                charset = "windows-1252"
            elif path.startswith("/salah-kode/"):
                charset = "iso-8859-1"
            return self._send(type(self).pages[path], f"text/html; charset={charset}")
        return self._send(b"tidak ada", "text/plain", status=404)

    def _send(self, body: bytes, content_type: str, status: int = 200):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may have given up (the slow page)


@pytest.fixture
def site():
    NewsSite.pages = _pages()
    NewsSite.hits = Counter()
    NewsSite.agents = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NewsSite)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def crawl(url, content, *extra):
    return invoke(
        "crawl",
        url,
        "--content",
        str(content),
        "--timeout",
        str(TIMEOUT),
        "--retries",
        "2",
        "--backoff",
        "0.05",
        "--delay",
        "0.01",
        "--max-bytes",
        str(MAX_BYTES),
        *extra,
    )


def test_crawl_feed_then_sitemap(site, tmp_path):
    content = empty_content(tmp_path)
    run = crawl(f"{site}/feed.xml", content)
    assert run.returncode == 1, run.stderr  # some pages failed, on purpose
    log = run.stderr
    assert "7 article(s) listed" in log
    assert "imported: 3" in log
    assert "duplicates skipped: 0" in log
    assert "failed: 4" in log
    assert f"{site}/rahasia/tiga: forbidden by robots.txt" in log
    assert f"{site}/berita/lambat: timed out" in log
    assert f"{site}/berita/putar: redirect loop" in log
    assert f"{site}/berita/besar: response larger than {MAX_BYTES} bytes" in log
    assert NewsSite.hits["/rahasia/tiga"] == 0  # never requested
    assert NewsSite.hits["/berita/labil"] == 2  # a 500, then the retry
    assert NewsSite.hits["/berita/lambat"] == 3  # first try and two retries
    assert all(agent.startswith("WartaArchiveBot/") for agent in NewsSite.agents)

    files = {
        path.stem: path.read_text(encoding="utf-8") for path in article_files(content)
    }
    assert set(files) == {
        "ekspor-kopi-lampung-naik",
        "perajin-kain-tapis-naik-kelas",
        "sentra-keripik-pisang-dibenahi",
    }
    tapis = files["perajin-kain-tapis-naik-kelas"]
    assert "Title: Perajin Kain Tapis “Naik Kelas”" in tapis  # windows-1252 decoded
    assert "— kata perajin café." in tapis
    assert f"Source_url: {site}/berita/dua" in tapis

    again = crawl(f"{site}/sitemap.xml", content)
    assert again.returncode == 0, again.stderr
    assert "imported: 1" in again.stderr
    assert "duplicates skipped: 1" in again.stderr
    assert "failed: 0" in again.stderr
    assert len(article_files(content)) == 4


def test_crawl_since_and_limit(site, tmp_path):
    content = empty_content(tmp_path)
    run = crawl(f"{site}/sitemap.xml", content, "--since", "2024-05-07")
    assert run.returncode == 0, run.stderr
    assert "imported: 1" in run.stderr
    assert "older than --since: 1" in run.stderr
    [only] = article_files(content)
    assert only.stem == "industri-gula-aren-tumbuh"


def test_crawl_of_a_missing_feed_fails_with_reason(site, tmp_path):
    content = empty_content(tmp_path)
    run = crawl(f"{site}/tidak-ada.xml", content)
    assert run.returncode == 1
    assert f"GAGAL: {site}/tidak-ada.xml: HTTP 404" in run.stderr


def test_import_url_dry_run_prints_markdown(site, tmp_path):
    content = empty_content(tmp_path)
    run = invoke(
        "import-url",
        f"{site}/berita/empat",
        "--content",
        str(content),
        "--dry-run",
        "--delay",
        "0",
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Title: Industri Gula Aren Tumbuh\n")
    assert article_files(content) == []


@pytest.mark.parametrize("path", ["/salah-kode/header", "/salah-kode/teks"])
def test_import_url_reads_mis_decoded_text_as_written(site, tmp_path, path):
    content = empty_content(tmp_path)
    run = invoke(
        "import-url", f"{site}{path}", "--content", str(content), "--delay", "0"
    )
    assert run.returncode == 0, run.stderr
    [written] = article_files(content)
    text = written.read_text(encoding="utf-8")
    assert text.startswith("Title: Pabrik Nestlé Diperluas\n")
    assert written.stem == "pabrik-nestle-diperluas"
    assert "Produksi naik — kata manajer." in text
    assert "Ã" not in text
    assert "â€" not in text
    # The editor is told what was put right, when the page's text was wrong
    # (the title in its <title>, its <h1> and, escaped, its JSON-LD).
    repaired = f"CATATAN: {site}{path}: mis-decoded text repaired in 4 place(s): "
    assert (repaired in run.stderr) == (path == "/salah-kode/teks"), run.stderr
    assert ("'NestlÃ©' → 'Nestlé'" in run.stderr) == (path == "/salah-kode/teks")
