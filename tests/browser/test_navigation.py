"""Browser tests: Debian's Chromium, driven by Playwright, on the served site."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.site.test_seed_site import SEED_TITLE, SEED_URL

pytestmark = pytest.mark.browser


def test_home_page_leads_to_the_article(page, site_url):
    page.goto(f"{site_url}/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_role("link", name=SEED_TITLE).click()
    page.wait_for_url(f"{site_url}{SEED_URL}")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == SEED_TITLE
    assert page.locator(".berita__ket time").inner_text() == "Senin, 16 Maret 2015"


def test_skip_link_is_first_and_moves_focus_to_main(page, site_url):
    page.goto(f"{site_url}{SEED_URL}")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Langsung ke isi"
    assert page.locator("a.lompat").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "isi"


def test_focus_is_visible(page, site_url):
    page.goto(f"{site_url}/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the brand link, after the skip link
    style = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle"
        " + ' ' + getComputedStyle(document.activeElement).outlineWidth"
    )
    assert style.startswith("solid")
    assert not style.endswith(" 0px")


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_article_fits_the_screen(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site_url}{SEED_URL}")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width
    size = page.evaluate(
        "parseFloat(getComputedStyle("
        "document.querySelector('.berita__isi p')).fontSize)"
    )
    assert size >= 16


def test_the_figures_table_fits_a_wide_screen_with_readable_names(page, site_url):
    """The seed's figures table: no scrolling at 1,280 px, and the
    indicator's name is not squeezed to a word a line by the quotes."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}{SEED_URL}")
    box = page.locator(".berita__angka .tabel-gulir")
    assert box.evaluate("box => box.scrollWidth <= box.clientWidth")
    root = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    name = page.locator(".berita__angka td").first.bounding_box()["width"]
    assert name >= 8 * root


def test_an_indicators_table_shows_each_values_article_on_a_wide_screen(page, site_url):
    """At 1,280 px the table of values fits without scrolling: the column
    of articles, the last, is not cut off."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/indikator/ikm-share-in-java/")
    box = page.locator(".tabel-gulir")
    assert box.evaluate("box => box.scrollWidth <= box.clientWidth")
    article = page.locator(".tabel-gulir td a").first
    right = box.bounding_box()["x"] + box.bounding_box()["width"]
    link = article.bounding_box()
    assert link["x"] + link["width"] <= right


def test_missing_page_shows_the_archive_404(page, site_url):
    response = page.goto(f"{site_url}/berita/tidak/ada/")
    assert response.status == 404
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Halaman tidak ditemukan"
    )
    # The stylesheet loaded from the site root, even at this depth.
    color = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert color == "rgb(253, 252, 248)"


@pytest.mark.parametrize("width", [390, 1280])
def test_a_short_pages_footer_stands_at_the_windows_foot(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 1400})
    page.goto(f"{site_url}/berita/tidak/ada/")
    footer = page.locator("footer.kaki-situs").bounding_box()
    assert footer["y"] + footer["height"] == pytest.approx(1400, abs=1)
    # The column keeps its width and stays centred.
    main = page.locator("main").bounding_box()
    assert main["width"] == pytest.approx(min(width, 44 * 16), abs=1)
    assert main["x"] == pytest.approx((width - main["width"]) / 2, abs=1)
    # A long page's footer follows its content, below the window.
    page.set_viewport_size({"width": width, "height": 400})
    page.goto(f"{site_url}{SEED_URL}")
    footer = page.locator("footer.kaki-situs").bounding_box()
    assert footer["y"] > 400


def test_favicon_is_served(site_url):
    with urllib.request.urlopen(f"{site_url}/favicon.svg") as response:
        assert response.headers["Content-Type"].startswith("image/svg")


def test_server_answers_404_for_missing_files(site_url):
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(f"{site_url}/tidak-ada.css")
    with caught.value as error:  # the error holds the response: closed here
        assert error.code == 404
