"""Whole-site test: the seed's agencies and people, their pages, feeds and data."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import run_build
from tests.site.test_seed_site import SEED_URL

pytestmark = pytest.mark.site

SEED_AGENCIES = {
    "dinas-perindustrian-lampung": "Dinas Perindustrian Provinsi Lampung",
    "ditjen-ikma": "Direktorat Jenderal Industri Kecil, Menengah, dan Aneka",
    "kemenperin": "Kementerian Perindustrian",
    "pemprov-lampung": "Pemerintah Provinsi Lampung",
}
SEED_PEOPLE = {
    "tonny-ol-tobing": "Tonny O.L. Tobing",
    "m-ridho-ficardo": "M. Ridho Ficardo",
}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def verified_links(page: BeautifulSoup, heading: str) -> dict[str, str]:
    section = page.select_one(".berita__entitas")
    links = {}
    for title in section.find_all("h3"):
        if title.get_text() == heading:
            for a in title.find_next_sibling("ul").find_all("a"):
                if "belum-verifikasi" not in (a.get("class") or []):
                    links[a["href"].rstrip("/").rsplit("/", 1)[-1]] = a.get_text()
    return links


def test_seed_page_links_its_agencies_and_people(built_site):
    page = soup(built_site.page(SEED_URL))
    assert verified_links(page, "Lembaga") == SEED_AGENCIES
    assert verified_links(page, "Tokoh") == SEED_PEOPLE


def test_seed_page_links_the_indicators_of_its_figures_as_search_filters(built_site):
    page = soup(built_site.page(SEED_URL))
    section = page.select_one(".berita__entitas")
    heading = next(h for h in section.find_all("h3") if h.get_text() == "Indikator")
    links = heading.find_next_sibling("ul").find_all("a")
    table = page.select(".berita__angka a[href*='/indikator/']")
    # each indicator of the figures' table once, in the table's order
    expected = list(dict.fromkeys((a["href"], a.get_text()) for a in table))
    assert [(a["href"], a.get_text()) for a in links] == expected
    assert {href.rstrip("/").rsplit("/", 1)[-1] for href, _ in expected} == {
        "ikm-share-industrial-gdp",
        "ikm-share-industrial-exports",
        "ikm-share-in-java",
    }
    assert all(a["data-cari-filter"] == "indikator" for a in links)


@pytest.mark.parametrize(
    ("url", "name"),
    [(f"/lembaga/{i}/", n) for i, n in SEED_AGENCIES.items()]
    + [(f"/tokoh/{i}/", n) for i, n in SEED_PEOPLE.items()],
)
def test_entity_page_lists_the_seed_with_its_sentence(built_site, url, name):
    page = soup(built_site.page(url))
    assert page.find("h1").get_text() == name
    items = page.select(".daftar-berita li")
    assert len(items) == 1
    assert items[0].find("a")["href"].endswith(SEED_URL)
    quote = items[0].select_one(".kutipan").get_text()
    assert len(quote) > 20
    assert page.select_one("#sering-bersama")  # the others it is named with
    feed = ET.fromstring(built_site.page(url + "feed.atom.xml"))
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any("Dtjen IKM Gelar Rakor" in (t or "") for t in titles)


def test_agency_page_shows_its_place_in_the_hierarchy(built_site):
    ditjen = soup(built_site.page("/lembaga/ditjen-ikma/"))
    parent = ditjen.find("dt", string="Induk").find_next_sibling("dd").a
    assert parent["href"].endswith("lembaga/kemenperin/")
    ministry = soup(built_site.page("/lembaga/kemenperin/"))
    children = [a["href"] for a in ministry.select(".daftar-topik a")]
    assert any(h.endswith("lembaga/ditjen-ikma/") for h in children)


def test_agency_page_names_its_former_names_and_until_when(built_site):
    page = soup(built_site.page("/lembaga/kemenperin/"))
    former = page.find("dt", string="Nama lama").find_next_sibling("dd").get_text()
    assert former == "Depperin, Departemen Perindustrian (hingga 2009)"
    data = [
        json.loads(s.string)
        for s in page.find_all("script", type="application/ld+json")
    ]
    names = [n for d in data for n in d.get("alternateName", ())]
    assert "Departemen Perindustrian" in names


def test_agency_page_dates_its_term_as_readers_write_dates(built_site):
    page = soup(built_site.page("/lembaga/kemenkop/"))
    term = page.find("dt", string="Masa berlaku").find_next_sibling("dd").get_text()
    assert " ".join(term.split()) == "21 Oktober 2024 – sekarang"


def test_agency_page_dates_each_period_of_a_body_that_began_again(built_site):
    page = soup(built_site.page("/lembaga/kemenpar/"))
    term = page.find("dt", string="Masa berlaku").find_next_sibling("dd").get_text()
    assert " ".join(term.split()) == (
        "27 Oktober 2014 – 22 Oktober 2019; 21 Oktober 2024 – sekarang"
    )


def test_person_page_shows_roles(built_site):
    page = soup(built_site.page("/tokoh/m-ridho-ficardo/"))
    roles = page.find("h2", string="Jabatan").find_next_sibling("ul").get_text(" ")
    assert "Gubernur Lampung" in roles
    # Dates as readers write them, not as the authority file does.
    assert "(2 Juni 2014 – 2 Juni 2019)" in " ".join(roles.split())


def test_indexes_group_agencies_by_kind_and_region(built_site):
    page = soup(built_site.page("/lembaga/"))
    kinds = [
        s.get_text(" ", strip=True)
        for s in page.select("#menurut-jenis ~ details summary")
    ]
    assert any(k.startswith("Kementerian (") for k in kinds)
    regions = [s.get_text(" ", strip=True) for s in page.select("details summary")]
    assert any(r.startswith("Lampung (") for r in regions)
    people = soup(built_site.page("/tokoh/"))
    assert people.find("a", string="M. Ridho Ficardo")


def test_articles_json(built_site):
    records = json.loads((built_site.output / "data" / "articles.json").read_text())
    [seed] = [r for r in records if r["url"] == SEED_URL.lstrip("/")]
    assert seed["date"] == "2015-03-16"
    assert seed["source"] == "Teraslampung.com"
    assert seed["region"] == "Lampung"
    verified = {a["id"] for a in seed["agencies"] if a["verified"]}
    assert verified == set(SEED_AGENCIES)
    parents = {a["id"]: a["parent"] for a in seed["agencies"] if a["verified"]}
    assert parents == {
        "dinas-perindustrian-lampung": "pemprov-lampung",
        "ditjen-ikma": "kemenperin",
        "kemenperin": None,
        "pemprov-lampung": None,
    }
    assert all("parent" not in p for p in seed["people"])
    assert {p["id"]: p["name"] for p in seed["people"] if p["verified"]} == SEED_PEOPLE


UNVERIFIED_ARTICLE = """Title: Pameran Kerajinan Rotan di Metro
Date: 2016-05-02
Slug: pameran-kerajinan-rotan-di-metro
Source: Contoh.id
Region: Lampung

Kementerian Perindustrian membuka pameran kerajinan rotan di Metro.

"Kami ingin perajin rotan naik kelas," kata Slamet Riyanto Purnomo.
"""


def test_only_a_verified_entity_page_leads_to_a_search_among_its_articles(
    content_copy, tmp_path
):
    """A name the taggers found on their own has no filter value in the
    search index: its page has no link to a search among its articles."""
    (content_copy / "articles" / "2016").mkdir()
    (content_copy / "articles" / "2016" / "pameran.md").write_text(
        UNVERIFIED_ARTICLE, encoding="utf-8"
    )
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 0, built.stderr
    links = {}
    for path in built.output.glob("*/*/index.html"):
        if path.parts[-3] not in ("lembaga", "tokoh"):
            continue
        page = soup(path.read_text(encoding="utf-8"))
        link = page.select_one(".cari-di a")
        links[path.parent.name] = (
            page.select_one(".peringatan") is None,
            link and parse_qs(urlsplit(link["href"]).query),
        )
    unverified = [slug for slug, (verified, _) in links.items() if not verified]
    assert unverified == ["usulan-slamet-riyanto-purnomo"]
    assert links["usulan-slamet-riyanto-purnomo"][1] is None
    # A verified agency's page leads to the search with the agency chosen.
    assert links["kemenperin"] == (True, {"lembaga": ["Kementerian Perindustrian"]})


UNIT_ARTICLE = """Title: Biro Hukum Kemenperin Kaji Aturan Rotan
Date: 2016-05-03
Slug: biro-hukum-kemenperin-kaji-aturan-rotan
Source: Contoh.id
Region: Lampung

Kepala Biro Hukum Kemenperin Andi Saputra mengatakan aturan ekspor rotan dikaji.
"""


def test_a_discovered_unit_links_the_known_body_it_was_named_with(
    content_copy, tmp_path
):
    """Also from the tag cache, in the next build."""
    (content_copy / "articles" / "2016").mkdir()
    (content_copy / "articles" / "2016" / "biro.md").write_text(
        UNIT_ARTICLE, encoding="utf-8"
    )
    unit = Path("lembaga", "usulan-biro-hukum-kementerian-perindustrian", "index.html")
    for _ in range(2):
        built = run_build(content_copy, tmp_path / "output")
        assert built.returncode == 0, built.stderr
        page = soup((built.output / unit).read_text(encoding="utf-8"))
        assert page.h1.get_text(strip=True) == "Biro Hukum Kementerian Perindustrian"
        assert page.select_one(".peringatan") is not None  # unverified
        [parent] = [
            div for div in page.select(".entitas__ket div") if div.dt.text == "Induk"
        ]
        assert parent.a.get_text(strip=True) == "Kementerian Perindustrian"
        assert parent.a["href"].endswith("/lembaga/kemenperin/")
        records = json.loads((built.output / "data" / "articles.json").read_text())
        [record] = [r for r in records if r["title"].startswith("Biro Hukum")]
        [agency] = [a for a in record["agencies"] if not a["verified"]]
        assert (agency["name"], agency["parent"]) == (
            "Biro Hukum Kementerian Perindustrian",
            "kemenperin",
        )
