"""The content plugin on real Pelican objects: Readers and ArticlesGenerator."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator
from pelican.readers import Readers
from pelican.settings import read_settings

import warta_content
from tests.plugin.pelican_objects import articles_generator, slow_reading
from warta.errors import ContentError
from warta_content.plugin import DuplicateUrlError
from warta_content.reader import StrictMarkdownReader

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site(tmp_path):
    """Settings for a tiny content folder, with the plugin connected."""
    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / "content" / "pages").mkdir()
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(tmp_path / "content"),
            "OUTPUT_PATH": str(tmp_path / "output"),
        },
    )
    warta_content.register()
    return settings


def write(site, relative: str, text: str | bytes) -> Path:
    path = Path(site["PATH"]) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def read(site, path: Path, content_class=Article):
    readers = Readers(site)
    return readers.read_file(
        base_path=site["PATH"], path=str(path), content_class=content_class
    )


def test_markdown_files_use_the_strict_reader(site):
    readers = Readers(site)
    assert isinstance(readers.readers["md"], StrictMarkdownReader)


def test_a_good_article_is_read_with_its_metadata(site):
    path = write(
        site,
        "articles/a.md",
        "Title: Rakor IKM\nDate: 2015-03-16\nSource: Teraslampung.com\n"
        "Region: Lampung\n\nParagraf pertama.\n\nParagraf kedua.\n",
    )
    article = read(site, path)
    assert article.title == "Rakor IKM"
    assert article.source == "Teraslampung.com"
    assert article.date.year == 2015
    assert article.content.count("<p>") == 2


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Title: J\nDate: 2015-02-30\n\nx\n", 2, "not a real calendar date"),
        ("Date: 2015-03-16\nSource: X\n\nx\n", None, "'Title' is missing"),
        ("Title: J\nDate: 2015-03-16\nRegoin: Lampung\n\nx\n", 3, "unknown metadata"),
        (b"Title: J\nDate: 2015-03-16\n\nCaf\xe9\n", 4, "not UTF-8"),
    ],
)
def test_a_broken_article_raises_with_file_line_and_reason(site, text, line, reason):
    path = write(site, "articles/rusak.md", text)
    with pytest.raises(ContentError) as caught:
        read(site, path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert reason in caught.value.reason


def test_a_page_needs_no_date(site):
    path = write(site, "pages/tentang.md", "Title: Tentang\n\nIsi.\n")
    assert read(site, path, Page).title == "Tentang"


def test_an_article_without_a_date_fails(site):
    path = write(site, "articles/tanpa-tanggal.md", "Title: Tentang\n\nIsi.\n")
    with pytest.raises(ContentError, match="'Date' is missing"):
        read(site, path)


def test_two_articles_with_one_url_fail_naming_both(site, caplog):
    body = "Date: 2015-03-16\nSlug: sama\n\nIsi.\n"
    first = write(site, "articles/satu.md", "Title: Satu\n" + body)
    second = write(site, "articles/dua.md", "Title: Dua\n" + body)
    generator = articles_generator(site)
    with pytest.raises(DuplicateUrlError):
        generator.generate_context()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert str(first) in logged
    assert str(second) in logged
    assert "berita/2015/03/16/sama/index.html" in logged


def test_distinct_urls_pass(site):
    write(site, "articles/satu.md", "Title: Satu\nDate: 2015-03-16\n\nIsi.\n")
    write(site, "articles/dua.md", "Title: Dua\nDate: 2015-03-16\n\nIsi.\n")
    generator = articles_generator(site)
    generator.generate_context()
    assert sorted(a.slug for a in generator.articles) == ["dua", "satu"]


def test_articles_read_on_a_second_core_equal_those_read_here(
    site, caplog, monkeypatch
):
    paths = [
        write(
            site,
            f"articles/a{number:02d}.md",
            f"Title: Rapat {number}\nDate: 2024-05-{1 + number % 28:02d}\n"
            f"Tags: UMKM, ekspor\nSummary: Ringkasan *{number}*.\n\n"
            f"Rapat ke-{number} membahas **ekspor** kopi.\n",
        )
        for number in range(70)  # more than AHEAD_MIN: a worker starts
    ]
    broken = write(
        site, "articles/rusak.md", "Title: Rusak\nDate: 2024-13-01\n\nIsi.\n"
    )
    listings = []
    listing = ArticlesGenerator.get_files

    def get_files(self, paths, exclude=None, extensions=None):
        listings.append(paths)
        return listing(self, paths, exclude, extensions)

    monkeypatch.setattr(ArticlesGenerator, "get_files", get_files)
    with (
        caplog.at_level(logging.INFO, logger="warta_content.plugin"),
        slow_reading(0.01),  # the worker gets ahead
    ):
        generator = articles_generator(site)
        generator.generate_context()
    # The worker's files come from Pelican's own listing of the articles.
    assert listings.count(site["ARTICLE_PATHS"]) == 1
    [used] = [
        int(r.getMessage().split()[1])
        for r in caplog.records
        if r.getMessage().endswith("articles on a second core")
    ]
    assert 0 < used <= 70
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert sum(str(broken) in message for message in errors) == 1  # once, here
    by_path = {article.source_path: article for article in generator.articles}
    assert sorted(by_path) == sorted(map(str, paths))  # only the broken one left out
    for path in paths:
        alone = read(site, path)  # no generator: no worker
        article = by_path[str(path)]
        assert article.content == alone.content
        assert article.metadata == alone.metadata
        assert all(tag.settings is site for tag in article.tags)
