"""Whole-site test: the seed's three figures, their pages, chart and downloads."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests.conftest import run_build
from tests.site.test_seed_site import SEED_URL
from warta.search.extract import extract

pytestmark = pytest.mark.site

SVG = "{http://www.w3.org/2000/svg}"
SEED_FIGURES = {
    "ikm-share-industrial-gdp": (34.27, 2013, "realised"),
    "ikm-share-industrial-exports": (16.46, 2013, "realised"),
    "ikm-share-in-java": (64.0, 2014, "estimate"),
}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def build_with_article(content_copy, tmp_path, name: str, text: str):
    """``content_copy`` with one more article (``name`` under articles/),
    built; the build must succeed."""
    path = content_copy / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 0, built.stderr
    return built


def test_articles_json_carries_exactly_the_seed_figures(built_site):
    records = json.loads((built_site.output / "data" / "articles.json").read_text())
    [seed] = [r for r in records if r["url"] == SEED_URL.lstrip("/")]
    found = {
        f["indicator"]: (f["value"], f["period_year"], f["kind"])
        for f in seed["figures"]
    }
    assert found == SEED_FIGURES
    assert {f["scope"] for f in seed["figures"]} == {"nasional"}
    assert all(f["unit"] == "percent" for f in seed["figures"])
    assert all(f["quote"] for f in seed["figures"])


@pytest.mark.parametrize("indicator", sorted(SEED_FIGURES))
def test_indicator_page_chart_and_table(built_site, indicator):
    value, year, _kind = SEED_FIGURES[indicator]
    page = soup(built_site.page(f"/indikator/{indicator}/"))
    svg = ET.fromstring(str(page.select_one("figure.grafik-wadah svg")))
    assert svg.find(f"{SVG}title").text.endswith("nilai dari waktu ke waktu")
    assert svg.find(f"{SVG}desc").text
    [link] = svg.iter(f"{SVG}a")
    assert link.get("href").endswith(SEED_URL)
    assert link.find(f"{SVG}title").text.startswith(
        f"{value:g}".replace(".", ",") + "%"
    )
    [row] = page.select("table tbody tr")
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert str(year) in cells[0]
    assert cells[2] == "nasional"
    assert row.find("a")["href"].endswith(SEED_URL)


def test_estimates_are_marked_apart_from_realised_values(built_site):
    java = soup(built_site.page("/indikator/ikm-share-in-java/"))
    assert "perkiraan" in java.select_one("table tbody tr").get_text()


@pytest.mark.parametrize("indicator", sorted(SEED_FIGURES))
def test_downloads(built_site, indicator):
    folder = built_site.output / "indikator" / indicator
    [row] = list(csv.DictReader(io.StringIO((folder / "data.csv").read_text())))
    assert float(row["value"]) == SEED_FIGURES[indicator][0]
    assert row["article_url"].endswith(SEED_URL)
    data = json.loads((folder / "data.json").read_text())
    assert data["indicator"] == indicator
    assert data["values"][0]["quote"] == row["quote"]


def test_index_lists_latest_values(built_site):
    index = soup(built_site.page("/indikator/"))
    row = index.find(
        "a", href=lambda h: h and "ikm-share-industrial-gdp" in h
    ).find_parent("tr")
    assert "34,27%" in row.get_text()


def test_article_shows_figures_beside_their_sentences(built_site):
    page = soup(built_site.page(SEED_URL))
    rows = page.select(".berita__angka tbody tr")
    assert len(rows) == 3
    texts = [r.get_text(" ", strip=True) for r in rows]
    assert any("34,27%" in t and "akhir 2013" in t for t in texts)
    assert all("kontribusi" in t or "estimasi" in t for t in texts)


def test_figures_no_indicator_holds_are_folded_below_the_indicators(
    content_copy, tmp_path
):
    built = build_with_article(
        content_copy,
        tmp_path,
        "2015/angka.md",
        "Title: Ekonomi Lampung\nDate: 2015-05-04\nRegion: Lampung\n\n"
        "Inflasi Lampung pada April 2015 sebesar 3,1 persen. Omzet pedagang"
        " pasar naik 20 persen menjadi Rp 5 miliar.\n",
    )
    url = "berita/2015/05/04/ekonomi-lampung/index.html"
    page = soup((built.output / url).read_text(encoding="utf-8"))
    section = page.select_one(".berita__angka")
    shown = section.select_one(":scope > .tabel-gulir table")
    [row] = shown.select("tbody tr")
    assert row.find("a").get_text() == "Inflasi"
    folded = section.select_one("details.berita__angka-lain")
    assert folded is not None
    assert not folded.has_attr("open")
    assert "(2)" in folded.summary.get_text()
    values = [tr.find("td").get_text() for tr in folded.select("tbody tr")]
    assert values == ["20%", "Rp 5 miliar"]
    assert not folded.select("th:-soup-contains('Indikator')")


def test_search_reads_an_indicator_page_as_its_name_and_description(built_site):
    """The unit, count, downloads, chart caption and table stay out of the
    text search shows in its excerpts."""
    page = extract(
        built_site.page("/indikator/ikm-share-industrial-gdp/"),
        "indikator/ikm-share-industrial-gdp/",
    )
    heading = soup(built_site.page("/indikator/ikm-share-industrial-gdp/"))
    name = heading.select_one("h1").get_text(strip=True)
    description = heading.select_one(".entitas__uraian").get_text(strip=True)
    assert page.text == f"{name} {description}"


def test_an_indicator_an_editor_adds_lists_the_article_on_its_page_and_feed(
    content_copy, tmp_path
):
    built = build_with_article(
        content_copy,
        tmp_path,
        "2024/harga-pangan.md",
        "Title: Harga Pangan Naik Jelang Lebaran\nDate: 2024-03-25\n"
        "Region: Lampung\nIndicators: inflation\n\n"
        "Harga beras dan cabai di pasar Bandar Lampung naik menjelang Lebaran.\n",
    )
    url = "/berita/2024/03/25/harga-pangan-naik-jelang-lebaran/"
    article = soup(built.page(url))
    chips = article.select(".berita__entitas a[data-cari-filter='indikator']")
    assert [a.get_text() for a in chips] == ["Inflasi"]
    page = soup(built.page("/indikator/inflation/"))
    section = page.select_one("section[aria-labelledby='berita-lain']")
    [link] = section.select("li a")
    assert link["href"].endswith(url)
    assert page.select("table tbody tr") == []  # no value of it was read
    feed = ET.fromstring(built.page("/indikator/inflation/feed.atom.xml"))
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Harga Pangan Naik Jelang Lebaran" in titles
