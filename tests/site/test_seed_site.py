"""Whole-site test: a real Pelican build of content/ and the seed article's pages."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import run_build
from tests.site.test_incremental import site_files

pytestmark = pytest.mark.site

SEED_URL = (
    "/berita/2015/03/16/"
    "dinas-perindustrian-dtjen-ikm-gelar-rakor-revitalisasi-industri-kecil-menengah/"
)
SEED_TITLE = (
    "Dinas Perindustrian—Dtjen IKM Gelar Rakor Revitalisasi Industri Kecil-Menengah"
)
# How each published paragraph opens and closes: none may be split or merged.
SEED_PARAGRAPHS = [
    ("BANDARLAMPUNG, Teraslampung.com — Dinas", "Lampung,Senin (16/03/2015)."),
    (
        "Kepala Dinas Peindustrian Tonny O.L. Tobing",
        "Perindustrian Republik Indonesia.",
    ),
    ("“Dengan begittu, daerah dapat", "masing-masing daerah,” kata Gubernur."),
    ("Gubernur mengharapkan pengembangan", "salah satu Sektor Penggerak Ekonomi."),
    ("“Marilah kita memanfaatkan", "tumbuh dan berkembang” M.Ridho Ficardo"),
    ("Pada akhir 2013, IKM", "kemampuan kelembagaan sentra IKM."),
]
# A paragraph ends a sentence, or a quotation followed by its speaker's name.
SENTENCE_END = re.compile(r"([.!?][”\"’]?|[”\"]\s+[A-Z][\w.]*(\s+[A-Z][\w.]*)*)$")
SENTENCE_START = re.compile(r"^[“\"A-Z]")


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def seed(built_site) -> BeautifulSoup:
    return soup(built_site.page(SEED_URL))


def test_build_logs_no_warning(built_site):
    assert "0 error(s), 0 warning(s)" in built_site.stderr


def test_seed_title_and_language(seed):
    assert seed.html["lang"] == "id"
    assert seed.find("h1").get_text(strip=True) == SEED_TITLE
    assert seed.title.get_text().startswith(SEED_TITLE)


def test_seed_date_is_written_in_indonesian(seed):
    time = seed.select_one(".berita__ket time")
    assert time.get_text() == "Senin, 16 Maret 2015"
    assert time["datetime"].startswith("2015-03-16")


def test_seed_source_place_and_region(seed):
    facts = {
        div.dt.get_text(): div.dd.get_text(strip=True)
        for div in seed.select(".berita__ket > div")
    }
    assert facts == {
        "Tanggal": "Senin, 16 Maret 2015",
        "Sumber": "Teraslampung.com",
        "Tempat": "Bandar Lampung",
        "Wilayah": "Lampung",
    }


def test_an_articles_original_is_linked_by_its_site(content_copy, tmp_path):
    [seed_file] = (content_copy / "articles" / "2015").glob("*.md")
    original = "https://www.teraslampung.com/berita/rakor-revitalisasi-ikm/"
    text = seed_file.read_text(encoding="utf-8")
    seed_file.write_text(
        text.replace(
            "Source: Teraslampung.com\n",
            f"Source: Teraslampung.com\nSource_url: {original}\n",
        ),
        encoding="utf-8",
    )
    run = run_build(content_copy, tmp_path / "output")
    assert run.returncode == 0, run.stderr
    page = soup(run.page(SEED_URL))
    [row] = [
        d for d in page.select(".berita__ket > div") if d.dt.get_text() == "Berita asli"
    ]
    assert [(a["href"], a.get_text()) for a in row.select("a")] == [
        (original, "teraslampung.com")
    ]


def test_seed_paragraphs_are_whole_runs_of_sentences(seed):
    paragraphs = [p.get_text() for p in seed.select(".berita__isi p")]
    assert len(paragraphs) == len(SEED_PARAGRAPHS)
    for text, (opening, closing) in zip(paragraphs, SEED_PARAGRAPHS, strict=True):
        assert "\n" not in text, f"hard line break left in: {text[:60]!r}"
        assert SENTENCE_START.match(text), f"starts mid-sentence: {text[:60]!r}"
        assert SENTENCE_END.search(text), f"ends mid-sentence: {text[-60:]!r}"
        assert text.startswith(opening)
        assert text.endswith(closing)


def test_seed_caption_is_a_caption_once(built_site, seed):
    caption = (
        "Rakor Dinas Perinustrian dengan Ditjen IKM di Balai Keratun, Senin (16/3)."
    )
    assert caption in seed.select_one("figure.foto figcaption").get_text()
    assert built_site.page(SEED_URL).count("Rakor Dinas Perinustrian dengan") == 1


def test_seed_teaser_is_not_published(built_site):
    html = built_site.page(SEED_URL)
    assert "Rapat Koordina..." not in html
    assert "Koordina…" not in html
    # The teaser repeated the title above the text: the title stands once, in <h1>.
    body = soup(html).select_one(".berita__isi").get_text()
    assert "Gelar Rakor Revitalisasi" not in body


def test_seed_closing_data_section_is_kept(seed):
    heading = seed.select_one(".berita__isi h2")
    assert heading.get_text() == "Data Kementrian Perindustrian Republik Indonesia"
    following = heading.find_next_sibling("p").get_text()
    assert "34,27%" in following
    assert "16,46%" in following


def test_seed_tags_link_to_topic_pages(built_site, seed):
    links = {a.get_text(): a["href"] for a in seed.select(".topik a")}
    assert "revitalisasi industri" in links
    assert links["revitalisasi industri"].endswith("topik/revitalisasi-industri/")
    topic = soup(built_site.page("/topik/revitalisasi-industri/"))
    assert any(a["href"].endswith(SEED_URL) for a in topic.select("main a"))


def test_home_page_links_to_the_seed(built_site):
    home = soup(built_site.page("/"))
    links = [a["href"] for a in home.select("main a")]
    assert any(href.rstrip("/").endswith(SEED_URL.rstrip("/")) for href in links)


@pytest.mark.parametrize("url", ["/", "/arsip/2015/", "/topik/rapat-koordinasi/"])
def test_a_listed_articles_facts_are_spaced_alike(built_site, url):
    """Date, source and region, each dot with a space on either side."""
    page = soup(built_site.page(url))
    facts = page.select_one("main .ringkas__ket").get_text()
    assert (
        " ".join(facts.split()) == "Senin, 16 Maret 2015 · Teraslampung.com · Lampung"
    )


@pytest.mark.parametrize("url", ["/arsip/2015/", "/arsip/2015/03/"])
def test_date_archives_list_the_seed(built_site, url):
    page = soup(built_site.page(url))
    assert any(a["href"].endswith(SEED_URL) for a in page.select("main a"))


def test_archive_index_lists_years_and_months_with_counts(built_site):
    page = soup(built_site.page("/arsip/"))
    year = page.find("h2", id="tahun-2015")
    assert "(1 berita)" in year.get_text()
    month = page.find("a", string="Maret")
    assert month["href"].endswith("arsip/2015/03/")


def test_month_archive_is_named_in_indonesian(built_site):
    page = soup(built_site.page("/arsip/2015/03/"))
    assert page.find("h1").get_text() == "Arsip Maret 2015"


def test_about_and_404_pages(built_site):
    about = soup(built_site.page("/tentang/"))
    assert about.find("h1").get_text() == "Tentang Warta"
    missing = soup(built_site.page("/404.html"))
    assert missing.find("h1").get_text() == "Halaman tidak ditemukan"
    # Served for any path: its links start at the site root.
    assert missing.select_one("link[rel=stylesheet]")["href"].startswith("/")


def test_every_page_is_indonesian_and_has_landmarks(built_site):
    pages = sorted(built_site.output.rglob("*.html"))
    assert len(pages) >= 10
    for path in pages:
        page = soup(path.read_text(encoding="utf-8"))
        where = path.relative_to(built_site.output)
        assert page.html["lang"] == "id", where
        assert page.select_one("a.lompat[href='#isi']"), where
        assert page.select_one("main#isi"), where
        assert page.select_one("header nav[aria-label]"), where
        assert len(page.find_all("h1")) == 1, where
        assert page.select_one("link[rel=icon]"), where
        assert page.find("meta", attrs={"name": "viewport"}), where


def test_clean_urls_only(built_site):
    """Every page is a folder's index.html, but the site root's 404 page."""
    for path in built_site.output.rglob("*.html"):
        relative = path.relative_to(built_site.output).as_posix()
        assert relative.endswith("index.html") or relative == "404.html", relative


def _local_links(page: BeautifulSoup) -> list[str]:
    links = [tag["href"] for tag in page.find_all(href=True)]
    links += [tag["src"] for tag in page.find_all(src=True)]
    external = ("http://", "https://", "mailto:", "#", "data:")
    return [link for link in links if not link.startswith(external)]


def test_links_are_relative_and_resolve_on_disk(built_site):
    """The development build works from any folder: every link inside the site
    is relative to its page (shared macros included) and names a file."""
    output = built_site.output.resolve()
    checked = 0
    for path in sorted(output.rglob("*.html")):
        if path.name == "404.html":  # served for any path: root-relative on purpose
            continue
        where = path.relative_to(output)
        for link in _local_links(soup(path.read_text(encoding="utf-8"))):
            assert not link.startswith("/"), (where, link)
            target = (path.parent / link.split("#")[0].split("?")[0]).resolve()
            if link.endswith("/") or target.is_dir():
                target = target / "index.html"
            assert target.is_relative_to(output), (where, link)
            assert target.is_file(), (where, link)
            checked += 1
    assert checked > 100


def test_articles_of_one_moment_are_in_the_same_order_in_every_process(
    content_copy, tmp_path
):
    # Pelican finds the files in an order that follows Python's string hashes,
    # which change from process to process: the site must not.
    folder = content_copy / "articles" / "2015"
    for letter in "edcba":
        (folder / f"sama-{letter}.md").write_text(
            f"Title: Berita Serentak {letter.upper()}\nDate: 2015-03-16 09:00\n"
            "Source: Contoh\n\nIsi berita.\n",
            encoding="utf-8",
        )
    sites = []
    for seed in ("1", "2", "3"):
        run = run_build(content_copy, tmp_path / seed, env={"PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        sites.append(site_files(run.output))
    assert sites[0] == sites[1] == sites[2]
    listing = run.page("/arsip/2015/03/")
    shown = [listing.index(f"Berita Serentak {letter}") for letter in "ABCDE"]
    assert shown == sorted(shown)  # one moment: by slug
