"""The search index's script (indeks.js) in Chromium, over a bundle built here."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from warta.search.extract import Page
from warta.search.textindex import IndexWriter

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "theme" / "static" / "js" / "indeks.js"

# url, date, text, filters
PAGES = [
    ("b/kopi/", "2021-03-01", "Pengolahan kopi di Lampung naik.", {"tahun": ["2021"]}),
    (
        "b/rotan/",
        "2019-07-04",
        "Industri rotan tumbuh, industri rotan ekspor.",
        {"tahun": ["2019"], "lembaga": ["Kemenperin", "Dinas"]},
    ),
    (
        "b/dinas/",
        "2020-01-09",
        "Dinas Perindustrian membina perajin rotan.",
        {"tahun": ["2020"], "lembaga": ["Dinas"]},
    ),
    (
        "b/ikm/",
        "2022-11-30",
        "Industrinya berkembang di kawasan industri baru.",
        {"tahun": ["2022"], "lembaga": ["Kemenperin"]},
    ),
    ("lembaga/kemenperin/", "", "Kementerian Perindustrian.", {}),
]

SEARCH = """async ([query, options]) => {
  const { SearchIndex } = await import("/indeks.js");
  const index = await SearchIndex.open(new URL("/indeks/", location.href));
  const found = await index.search(query, options);
  const urls = [];
  for (const n of found.results) urls.push((await index.document(n)).u);
  return { urls, counts: await found.counts(), highlight: [...found.highlight].sort() };
}"""


@pytest.fixture(scope="module")
def index_url(tmp_path_factory):
    import sitebuild

    root = tmp_path_factory.mktemp("indeks")
    shutil.copy(SCRIPT, root / "indeks.js")
    (root / "index.html").write_text("<!doctype html><title>uji</title>", "utf-8")
    writer = IndexWriter(root / "indeks")
    for url, date, text, filters in PAGES:
        sort = {"tanggal": date} if date else {}
        title = url.strip("/").rsplit("/", 1)[-1]
        writer.add(Page(url, title, text, meta={}, filters=filters, sort=sort))
    writer.finish()
    server = sitebuild.make_server(root, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def search(chromium, index_url):
    context = chromium.new_context()
    page = context.new_page()
    page.goto(index_url)

    def run(query: str, **options):
        return page.evaluate(SEARCH, [query, options])

    yield run
    context.close()


def test_a_word_finds_its_stem_and_the_longer_stems(search):
    found = search("industri")
    assert sorted(found["urls"]) == [
        "b/dinas/",
        "b/ikm/",
        "b/rotan/",
        "lembaga/kemenperin/",
    ]
    assert {"industri", "industrinya", "perindustrian"} <= set(found["highlight"])


def test_a_word_being_typed_matches_the_words_it_begins(search):
    assert search("pengola")["urls"] == ["b/kopi/"]
    assert search("pengolahan")["urls"] == ["b/kopi/"]
    assert search("kata-yang-tidak-ada")["urls"] == []


def test_every_word_is_required(search):
    assert sorted(search("industri rotan")["urls"]) == ["b/dinas/", "b/rotan/"]


def test_relevance_or_newest_first(search):
    assert search("rotan")["urls"][0] == "b/rotan/"  # "rotan" twice there
    assert search("rotan", sort="terbaru")["urls"] == ["b/dinas/", "b/rotan/"]
    newest = search("industri", sort="terbaru")["urls"]
    assert newest == ["b/ikm/", "b/dinas/", "b/rotan/", "lembaga/kemenperin/"]


def test_filters_are_all_required_and_counted_among_the_results(search):
    found = search("industri", filters={"lembaga": ["Dinas"]})
    assert sorted(found["urls"]) == ["b/dinas/", "b/rotan/"]
    assert found["counts"]["lembaga"] == {"Dinas": 2, "Kemenperin": 1}
    assert found["counts"]["tahun"] == {"2019": 1, "2020": 1, "2021": 0, "2022": 0}
    both = search("", filters={"lembaga": ["Dinas", "Kemenperin"]})
    assert both["urls"] == ["b/rotan/"]
    assert search("industri", filters={"lembaga": ["Tidak Ada"]})["urls"] == []


def test_filters_alone_list_documents_newest_first(search):
    found = search("", filters={"lembaga": ["Kemenperin"]})
    assert found["urls"] == ["b/ikm/", "b/rotan/"]
    assert found["highlight"] == []


def test_excerpts_mark_the_words_found(chromium, index_url):
    context = chromium.new_context()
    page = context.new_page()
    page.goto(index_url)
    parts = page.evaluate(
        """async () => {
          const { excerpt } = await import("/indeks.js");
          const text = "Satu dua tiga. Industri rotan tumbuh, kata Perindustrian.";
          return excerpt(text, new Set(["industri", "perindustrian"]), 6);
        }"""
    )
    context.close()
    assert parts == [
        {"text": "Satu dua tiga. ", "mark": False},
        {"text": "Industri", "mark": True},
        {"text": " rotan tumbuh", "mark": False},
    ]
