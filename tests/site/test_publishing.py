"""Whole-site tests for search engines and readers: structured data, sitemaps,
feeds, region and source pages, related articles, citations, pagination."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import pytest
from bs4 import BeautifulSoup

from tests.conftest import run_build
from tests.site.test_seed_site import SEED_URL

pytestmark = pytest.mark.site
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def json_ld(page: BeautifulSoup) -> dict[str, dict]:
    blocks = [
        json.loads(s.string)
        for s in page.find_all("script", type="application/ld+json")
    ]
    return {block["@type"]: block for block in blocks}


def test_article_structured_data(built_site):
    data = json_ld(soup(built_site.page(SEED_URL)))
    article = data["NewsArticle"]
    assert article["headline"].startswith("Dinas Perindustrian—Dtjen IKM")
    assert article["datePublished"].startswith("2015-03-16")
    assert article["dateModified"].startswith("2015-03-16")
    assert article["publisher"]["name"] == "Teraslampung.com"
    assert article["author"]["name"]
    mentioned = {m["name"]: m["@type"] for m in article["mentions"]}
    assert mentioned["Kementerian Perindustrian"] == "GovernmentOrganization"
    assert mentioned["M. Ridho Ficardo"] == "Person"
    # The indicators of the figures it reports, as their pages describe them.
    datasets = [m for m in article["mentions"] if m["@type"] == "Dataset"]
    assert datasets
    for dataset in datasets:
        assert "/indikator/" in dataset["url"]
        assert "Dataset" in json_ld(
            soup(built_site.page(urlsplit(dataset["url"]).path))
        )
    crumbs = [item["name"] for item in data["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Beranda", "Arsip 2015", article["headline"]]


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/lembaga/kemenperin/", "GovernmentOrganization"),
        ("/tokoh/m-ridho-ficardo/", "Person"),
        ("/indikator/ikm-share-industrial-gdp/", "Dataset"),
    ],
)
def test_entity_pages_describe_their_entity(built_site, url, kind):
    data = json_ld(soup(built_site.page(url)))
    assert kind in data
    assert "BreadcrumbList" in data


def test_every_page_has_breadcrumbs_and_social_metadata(built_site):
    for path in built_site.output.rglob("*.html"):
        if path.name == "404.html" or "pagefind" in path.parts:
            continue
        page = soup(path.read_text(encoding="utf-8"))
        where = path.relative_to(built_site.output)
        assert "BreadcrumbList" in json_ld(page), where
        assert page.find("meta", attrs={"name": "description"})["content"].strip(), (
            where
        )
        for prop in ("og:title", "og:type", "og:site_name", "og:description"):
            assert page.find("meta", property=prop), (where, prop)


def test_sitemaps_and_robots(built_site):
    sitemap = ET.fromstring((built_site.output / "sitemap.xml").read_bytes())
    locations = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in sitemap
    }
    seed = next(loc for loc in locations if loc.endswith(SEED_URL))
    assert locations[seed].startswith("2015-03-16")
    assert any(loc.endswith("/lembaga/kemenperin/") for loc in locations)
    # An entity's page is as new as the newest article naming it.
    entity_pages = [loc for loc in locations if re.search(r"/(lembaga|tokoh)/.", loc)]
    assert entity_pages
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT.*", locations[loc]) for loc in entity_pages
    )
    assert (
        locations[next(loc for loc in entity_pages if "kemenperin/" in loc)]
        >= (locations[seed])
    )
    assert any(loc.endswith("/indikator/ikm-share-in-java/") for loc in locations)
    news = ET.fromstring((built_site.output / "sitemap-berita.xml").read_bytes())
    assert list(news) == []  # nothing published in the last two days
    robots = (built_site.output / "robots.txt").read_text()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
    assert "Sitemap: http://127.0.0.1:8000/sitemap-berita.xml" in robots
    # A parser that takes the first rule that matches (Python's) reads the
    # rules as one that takes the longest (RFC 9309's) does.
    rules = RobotFileParser()
    rules.parse(robots.splitlines())
    site = "http://127.0.0.1:8000"
    for path, allowed in [
        (SEED_URL, True),
        ("/lembaga/kemenperin/", True),
        ("/cari/indeks/meta.bin", False),
        ("/cari/?q=industri", True),
    ]:
        assert rules.can_fetch("Googlebot", site + path) is allowed, path


@pytest.mark.parametrize(
    "feed",
    [
        "feeds/semua.atom.xml",
        "wilayah/lampung/feed.atom.xml",
        "sumber/teraslampung-com/feed.atom.xml",
        "lembaga/kemenperin/feed.atom.xml",
        "tokoh/tonny-ol-tobing/feed.atom.xml",
        "indikator/ikm-share-industrial-gdp/feed.atom.xml",
    ],
)
def test_feeds_carry_the_seed(built_site, feed):
    root = ET.fromstring((built_site.output / feed).read_bytes())
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert any(
        href and href.rstrip("/").endswith(SEED_URL.rstrip("/")) for href in links
    )


def test_region_and_source_pages(built_site):
    region = soup(built_site.page("/wilayah/lampung/"))
    # Its link to a search among its articles, which crawlers need not follow.
    assert region.select_one(".cari-di a")["rel"] == ["nofollow"]
    assert region.find("h1").get_text().startswith("Lampung")
    assert any(a["href"].endswith(SEED_URL) for a in region.select("main a"))
    sources = soup(built_site.page("/sumber/"))
    assert sources.find("a", string="Teraslampung.com")
    article = soup(built_site.page(SEED_URL))
    assert article.find("a", string="Lampung")["href"].endswith("wilayah/lampung/")


def test_citation_block_works_without_javascript(built_site):
    page = soup(built_site.page(SEED_URL))
    archive = page.select_one("#kutip-arsip").get_text(" ", strip=True)
    assert archive.startswith("Teraslampung.com. (2015, 16 Maret 2015).")
    assert archive.endswith(f"http://127.0.0.1:8000{SEED_URL}")
    assert page.select_one("button.salin")["hidden"] == ""  # shown by salin.js only


def test_print_stylesheet(built_site):
    css = (built_site.output / "theme" / "css" / "warta.css").read_text()
    assert "@media print" in css


ARTICLE = """Title: {title}
Date: 2024-0{month}-{day:02d}
Source: {source}
Region: Lampung

BANDARLAMPUNG — {body}
"""
BODIES = {
    "a": "Dinas Koperasi dan UKM Provinsi Lampung membina perajin tapis bersama Bank Indonesia.",
    "b": "Bank Indonesia dan Dinas Koperasi dan UKM Provinsi Lampung menggelar pameran tapis.",
    "c": "Harga gabah di tingkat petani naik menurut Badan Pusat Statistik.",
}


@pytest.fixture(scope="module")
def larger_site(tmp_path_factory):
    """The seed plus 45 articles: enough for pagination and related articles."""
    import shutil

    from tests.conftest import CONTENT

    work = tmp_path_factory.mktemp("besar")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    folder = content / "articles" / "2024"
    folder.mkdir()
    for number in range(45):
        key = "abc"[number % 3]
        text = ARTICLE.format(
            title=f"Berita uji {number} tentang {key}",
            month=1 + number % 9,
            day=1 + number % 28,
            source="Warta Uji" if number % 2 else "Harian Contoh",
            body=BODIES[key],
        )
        (folder / f"uji-{number}.md").write_text(text, encoding="utf-8")
    run = run_build(content, work / "output")
    assert run.returncode == 0, run.stderr
    return run


def test_related_articles_share_rare_entities(larger_site):
    page = soup(larger_site.page("/berita/2024/01/01/berita-uji-0-tentang-a/"))
    related = [a.get_text() for a in page.select(".terkait a")]
    assert 1 <= len(related) <= 5
    assert all(title.endswith(("tentang a", "tentang b")) for title in related)


def test_pages_are_numbered_from_the_oldest_and_the_home_page_shows_the_rest(
    larger_site,
):
    """46 articles, 20 a page: page 1 holds the 20 oldest; the home page the
    26 newest, and links to page 1 as the older and the oldest page."""
    home = soup(larger_site.page("/"))
    oldest = soup(larger_site.page("/halaman/1/"))
    assert len(home.select("ol.daftar-berita > li")) == 26
    assert len(oldest.select("ol.daftar-berita > li")) == 20
    assert not (Path(larger_site.output) / "halaman" / "2").exists()

    def dates(page) -> list[str]:
        return [t["datetime"] for t in page.select("ol.daftar-berita time")]

    # Newest first on each page, and every article of page 1 older than the
    # home page's.
    assert dates(home) == sorted(dates(home), reverse=True)
    assert max(dates(oldest)) <= min(dates(home))
    nav = home.select_one("nav.halaman")
    assert not nav.find("span", attrs={"aria-current": "page"})
    assert nav.find("a", rel="next")["href"].endswith("/halaman/1/")
    # Page 1 is the next older page: no second link to it as the oldest.
    assert not nav.find("a", string="Terlama »")
    nav = oldest.select_one("nav.halaman")
    assert nav.find("span", attrs={"aria-current": "page"}).get_text() == "1"
    assert nav.find("a", rel="prev")["href"].endswith(("/", "/index.html"))
    assert not nav.find("a", string="« Terbaru")
    assert not nav.find("a", rel="next")
    assert "Halaman 1, dihitung dari berita terlama" in nav.get_text()


def test_the_public_build_has_absolute_canonical_urls(tmp_path):
    from tests.conftest import CONTENT, ROOT

    run = run_build(CONTENT, tmp_path / "public", settings=ROOT / "publishconf.py")
    assert run.returncode == 0, run.stderr
    page = soup(run.page(SEED_URL))
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == f"https://warta.example.org{SEED_URL}"
    assert page.find("meta", property="og:url")["content"] == canonical
    feed = ET.fromstring((run.output / "feeds" / "semua.atom.xml").read_bytes())
    assert feed.find(f"{ATOM}id").text.startswith("https://warta.example.org")


def test_an_archive_without_regions_sources_or_topics_says_so(content_copy, tmp_path):
    """Their index pages tell the reader there is nothing yet, not a bare heading."""
    for path in (content_copy / "articles").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        kept = [
            line
            for line in text.split("\n")
            if not line.startswith(("Region:", "Source:", "Source_url:", "Tags:"))
        ]
        path.write_text("\n".join(kept), encoding="utf-8")
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 0, built.stderr
    for folder, message in (
        ("wilayah", "Belum ada berita di arsip yang mencantumkan wilayahnya."),
        ("sumber", "Belum ada berita di arsip yang mencantumkan sumbernya."),
        ("topik", "Belum ada berita bertopik di arsip ini."),
    ):
        page = soup((built.output / folder / "index.html").read_text("utf-8"))
        assert page.find("main").find("p").get_text(strip=True) == message
        assert page.find("main").find("ul") is None
