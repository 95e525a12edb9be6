"""The search page in Chromium: results, filters, suggestions, URL state."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from urllib.parse import parse_qs, quote, urldefrag, urlencode, urlsplit

import pytest

from tests.conftest import CONTENT, run_build
from tests.site.test_entity_pages import SEED_AGENCIES, SEED_PEOPLE
from tests.site.test_indicator_pages import SEED_FIGURES
from tests.site.test_seed_site import SEED_URL

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DINAS = "Dinas Perindustrian Provinsi Lampung"


def wait_until(page, condition, timeout: float = 10.0) -> None:
    """Poll from Python: the page's CSP forbids the eval behind wait_for_function."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the page did not reach the expected state")
        page.wait_for_timeout(50)


LOADING = "Memuat indeks pencarian…"  # the status line until the first search ends


def open_search(page, site_url, query: str = "", *, searched: bool = True) -> None:
    """Open /cari/ with ``query``; wait for the index, and (``searched``) for
    the URL's search to end: the index is ready before it runs, and a search
    by filters waits for their values (seen late on a loaded machine)."""
    page.goto(f"{site_url}/cari/{query}")
    page.wait_for_selector("html[data-cari-siap]")
    waiting = ("", LOADING) if searched else ("",)
    wait_until(page, lambda: page.text_content("#status").strip() not in waiting)


def found_count(page) -> int:
    """The number of results the status line gives, once it gives one."""
    wait_until(page, lambda: page.text_content("#status")[:1].isdigit())
    return int(page.text_content("#status").split(" ")[0].replace(".", ""))


def result_links(page) -> list[str]:
    """The results' pages, without the passage each link leads to."""
    links = page.eval_on_selector_all("#hasil a", "links => links.map(a => a.href)")
    return [urldefrag(link).url for link in links]


def result_paths(page) -> list[str]:
    return [urlsplit(link).path for link in result_links(page)]


def chosen(page) -> list[str]:
    """The buttons above the results that remove chosen filter values."""
    return page.locator("#dipilih button").all_inner_texts()


def checked(page) -> list[list[str]]:
    """The filter values chosen, as [key, value]."""
    return page.eval_on_selector_all(
        "#saringan input:checked", "boxes => boxes.map(box => [box.name, box.value])"
    )


def url_state(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_a_word_finds_the_seed(page, site_url):
    open_search(page, site_url, "?q=revitalisasi")
    page.wait_for_selector("#hasil li")
    links = result_links(page)
    assert any(link.endswith(SEED_URL) for link in links)
    item = page.locator("#hasil li").first
    assert item.locator("mark").count() >= 1
    assert "Senin, 16 Maret 2015" in item.inner_text()
    assert "Teraslampung.com" in item.inner_text()


@pytest.mark.parametrize(
    ("query", "url", "facts"),
    [
        ("revitalisasi", SEED_URL, "Senin, 16 Maret 2015 · Teraslampung.com"),
        ("kementerian perindustrian", "lembaga/kemenperin/", "Lembaga · Kementerian"),
        ("ridho ficardo", "tokoh/m-ridho-ficardo/", "Tokoh"),
        ("inflasi", "indikator/inflation/", "Indikator"),
    ],
)
def test_a_result_says_what_kind_of_page_it_is_or_its_date_and_source(
    page, site_url, query, url, facts
):
    open_search(page, site_url, f"?q={quote(query)}")
    item = page.locator("#hasil li", has=page.locator(f'a[href*="{url}"]'))
    item.wait_for()
    assert item.locator(".ringkas__ket").inner_text() == facts
    # Said once: the line is no part of the page's text, nor of its excerpt.
    assert facts.split(" · ")[0] not in item.locator(".ringkas__sari").inner_text()


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        # The word and the next of its sentence, or the word alone.
        ("kontribusi", "text=kontribusi%20terhadap%20PDB%20sektor&text=kontribusi"),
        ("kalimantan", "text=Kalimantan"),
    ],
)
def test_a_result_leads_to_the_passage_its_excerpt_shows(
    page, site_url, query, fragment
):
    open_search(page, site_url, f"?q={query}&lembaga={quote(DINAS)}")
    link = page.locator("#hasil li a").first
    link.wait_for()
    assert link.get_attribute("href").endswith(f"{SEED_URL}#:~:{fragment}")
    link.click()
    page.wait_for_url(lambda url: urlsplit(url).path == SEED_URL)
    # The browser scrolled the passage, far down the article, into view.
    paragraph = page.locator("main p", has_text=query.capitalize()).last
    wait_until(page, lambda: page.evaluate("scrollY") > 0)
    assert paragraph.is_visible()
    box = paragraph.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]


def test_typing_in_the_header_box_leads_to_results(page, site_url):
    page.goto(f"{site_url}/")
    page.fill("#kotak-cari", "revitalisasi")
    page.keyboard.press("Enter")
    page.wait_for_selector("#hasil li")
    assert "q=revitalisasi" in page.url


def test_agency_filter_keeps_or_drops_the_seed(page, site_url):
    open_search(page, site_url, "?q=revitalisasi")
    page.wait_for_selector("#hasil li")
    page.get_by_role("checkbox", name=DINAS).check()
    wait_until(page, lambda: "lembaga=" in page.url)
    page.wait_for_selector("#hasil li")
    assert any(link.endswith(SEED_URL) for link in result_links(page))
    open_search(
        page, site_url, "?q=revitalisasi&lembaga=" + quote("Kementerian Keuangan")
    )
    wait_until(page, lambda: page.text_content("#status").startswith("Tidak ada"))
    assert result_links(page) == []


def test_a_word_the_archive_lacks_leaves_the_results_of_the_others(page, site_url):
    open_search(page, site_url, "?q=revitalisasi")
    page.wait_for_selector("#hasil li")
    expected = result_links(page)
    count = found_count(page)
    assert page.text_content("#status") == f"{count} hasil untuk “revitalisasi”."
    open_search(page, site_url, "?q=revitalisasi+Xqzvw")
    page.wait_for_selector("#hasil li")
    wait_until(page, lambda: "hasil untuk" in page.text_content("#status"))
    assert page.text_content("#status") == (
        "Tidak ada hasil untuk “revitalisasi Xqzvw”: kata “xqzvw” tidak ada di"
        f" arsip. {count} hasil untuk “revitalisasi”."
    )
    assert result_links(page) == expected
    assert page.input_value("#q") == "revitalisasi Xqzvw"
    assert "q=revitalisasi+Xqzvw" in page.url
    # The other words find nothing either (a filter leaves none): nothing is
    # shown, and the status says so of the query as typed.
    filtered = "&lembaga=" + quote("Kementerian Keuangan")
    open_search(page, site_url, "?q=revitalisasi+xqzvw" + filtered)
    wait_until(page, lambda: page.text_content("#status").startswith("Tidak ada"))
    assert page.text_content("#status") == "Tidak ada hasil untuk “revitalisasi xqzvw”."
    assert result_links(page) == []


def test_words_no_page_holds_together_find_the_pages_holding_most_of_them(
    page, site_url
):
    found = {}
    # Two words no page holds together, each held by few pages.
    for word in ("revitalisasi", "pajak"):
        open_search(page, site_url, f"?q={word}")
        shown = min(found_count(page), 10)
        wait_until(page, lambda n=shown: len(result_links(page)) == n)
        found[word] = set(result_links(page))
    # What this is about: no page holds both words (and all fit one page).
    assert not found["revitalisasi"] & found["pajak"]
    either = found["revitalisasi"] | found["pajak"]
    assert len(either) <= 10
    for query, status in [
        (
            "revitalisasi pajak",
            "Tidak ada hasil yang memuat semua kata “revitalisasi pajak”."
            f" {len(either)} hasil memuat 1 dari 2 kata itu.",
        ),
        # So do the other words of a query with a word the archive lacks.
        (
            "revitalisasi xqzvw pajak",
            "Tidak ada hasil untuk “revitalisasi xqzvw pajak”: kata “xqzvw” tidak"
            f" ada di arsip. {len(either)} hasil memuat 1 dari 2 kata “revitalisasi"
            " pajak”.",
        ),
    ]:
        open_search(page, site_url, "?" + urlencode({"q": query}))
        wait_until(page, lambda: len(result_links(page)) == len(either))
        assert page.text_content("#status") == status
        assert set(result_links(page)) == either
        assert url_state(page) == {"q": [query]}


def test_on_a_narrow_screen_the_filters_fold_and_the_results_come_first(
    chromium, site_url
):
    context = chromium.new_context(viewport={"width": 380, "height": 800})
    try:
        page = context.new_page()
        open_search(page, site_url, "?q=revitalisasi&lembaga=" + quote(DINAS))
        page.wait_for_selector("#hasil li")
        summary = page.locator("#lipat-saringan summary")
        wait_until(page, lambda: summary.inner_text() == "Saring hasil (1 dipilih)")
        assert page.locator("#hasil li").first.bounding_box()["y"] < 800
        # What is chosen shows above the results while the filters are folded.
        assert page.locator("#dipilih button").first.is_visible()
        box = page.locator("#saringan input:checked")
        assert not box.is_visible()
        summary.click()
        wait_until(page, box.is_visible)
        summary.click()
        assert not box.is_visible()
        # Wide enough for a column of their own, the filters unfold for good.
        page.set_viewport_size({"width": 1280, "height": 800})
        wait_until(page, box.is_visible)
        assert not summary.is_visible()
    finally:
        context.close()


def test_folded_filters_fetch_their_values_when_unfolded(chromium, site_url):
    """On a narrow screen a search without a filter chosen does not fetch
    the filter values (saringan.bin) until the filters are unfolded; the
    suggestions still offer to filter by a name the index holds."""
    context = chromium.new_context(viewport={"width": 380, "height": 800})
    try:
        page = context.new_page()
        asked = []
        page.on("request", lambda request: asked.append(urlsplit(request.url).path))
        open_search(page, site_url, "?q=dtjen+ikm+rakor")
        page.wait_for_selector("#hasil li")
        link = page.get_by_role("link", name=f"Saring hasil menurut {DITJEN}")
        link.wait_for()
        page.wait_for_timeout(300)  # what the search would fetch has been asked for
        assert not any(path.endswith("/saringan.bin") for path in asked)
        assert page.locator("#saringan input").count() == 0
        page.locator("#lipat-saringan summary").click()
        label = page.locator("label", has_text=DINAS)
        label.wait_for()
        assert label.inner_text().endswith("(1)")
        assert any(path.endswith("/saringan.bin") for path in asked)
        # Searched again while unfolded, the counts follow at once.
        assert counts_drawn(page) == 1
        page.fill("#q", "industri")
        page.press("#q", "Enter")
        wait_until(page, lambda: counts_drawn(page) == 2)
    finally:
        context.close()


def test_filters_show_counts(page, site_url):
    open_search(page, site_url, "?q=revitalisasi")
    page.wait_for_selector("#hasil li")
    label = page.locator("label", has_text=DINAS).inner_text()
    assert label.endswith("(1)")
    dinas = page.locator(".saringan__pilihan", has_text=DINAS)
    assert "--kosong" not in dinas.get_attribute("class")
    # A value none of the results holds is toned down, unless it is chosen.
    open_search(page, site_url, "?q=keuangan")
    page.wait_for_selector("#hasil li")
    wait_until(page, lambda: dinas.inner_text().endswith("(0)"))
    assert "saringan__pilihan--kosong" in dinas.get_attribute("class")
    open_search(page, site_url, "?q=keuangan&lembaga=" + quote(DINAS))
    wait_until(page, lambda: page.text_content("#status").startswith("Tidak ada"))
    wait_until(page, lambda: dinas.inner_text().endswith("(0)"))
    assert "--kosong" not in dinas.get_attribute("class")
    legends = page.locator("#saringan legend").all_inner_texts()
    for name in ("Lembaga", "Tokoh", "Indikator", "Wilayah", "Sumber", "Tahun"):
        assert name in legends


@pytest.mark.parametrize(
    ("typed", "name", "url"),
    [
        (
            "Dtjen IKM",
            "Direktorat Jenderal Industri Kecil, Menengah, dan Aneka",
            "lembaga/ditjen-ikma/",
        ),
        ("kemenprin", "Kementerian Perindustrian", "lembaga/kemenperin/"),
        (
            "disperindag lampung",
            "Dinas Perindustrian dan Perdagangan Provinsi Lampung",
            "lembaga/disperindag-lampung/",
        ),
        ("Ridho Ficardo", "M. Ridho Ficardo", "tokoh/m-ridho-ficardo/"),
        ("inflasi", "Inflasi", "indikator/inflation/"),
    ],
)
def test_suggestions_tolerate_misspellings(page, site_url, typed, name, url):
    open_search(page, site_url)
    page.fill("#q", typed)
    page.wait_for_selector("#saran:not([hidden]) li")
    link = page.locator("#daftar-saran a", has_text=name).first
    assert link.get_attribute("href").endswith(url)


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        # One edit from Kemenperin (0.9); Kemenag and the others only share
        # its start (0.75): left out, far behind.
        ("kemenprin", ["Kementerian Perindustrian"]),
        ("Dtjen IKM", ["Direktorat Jenderal Industri Kecil, Menengah, dan Aneka"]),
    ],
)
def test_suggestions_far_behind_the_closest_are_left_out(page, site_url, typed, names):
    open_search(page, site_url)
    page.fill("#q", typed)
    page.wait_for_selector("#saran:not([hidden]) li")
    shown = page.locator("#daftar-saran li > a:first-child").all_inner_texts()
    assert shown == names


# (query, label, edit distance, similarity): the distance counts a swap of two
# neighbours as one edit; the similarity is 1 for a prefix and falls with edits.
MATCHING_CASES = [
    ("kemenprin", "kemenperin", 1, 0.9),
    ("ab", "ba", 1, 0.5),
    ("dtjen ikm", "ditjen ikm", 1, 0.9),
    ("revitalisasi", "revitalisasi industri", 9, 1),
    ("disperindag lampung", "disperindag provinsi lampung", 9, 19 / 28),
    ("ridho ficardo", "m ridho ficardo", 2, 13 / 15),
    ("inflasi", "inflation", 3, 0.7),
    ("bps", "badan pusat statistik", 18, 3 / 21),
    ("kementrian perindustrian", "kementerian perindustrian", 1, 0.96),
    ("abc", "xyz", 3, 0),
]


def test_suggestion_matching_is_exact_above_its_floor(page, site_url):
    """The suggestion scores in saran.js: exact with no floor, exact at or above
    a floor, and known only to be below it otherwise (its distance gives up
    past a limit: it runs for every label at each keystroke)."""
    open_search(page, site_url)
    module = f"{site_url}/theme/js/saran.js"
    got = page.evaluate(
        """async ([module, cases]) => {
          const { distance, similarity } = await import(module);
          return cases.map(([q, label, d, s]) => [
            distance(q, label),
            distance(q, label, d),
            distance(q, label, d - 1),
            similarity(q, label),
            similarity(q, label, s),
            similarity(q, label, s + 0.01),
          ]);
        }""",
        [module, MATCHING_CASES],
    )
    for (query, label, edits, score), row in zip(MATCHING_CASES, got, strict=True):
        exact, at_limit, below_limit, whole, at_floor, above_floor = row
        case = (query, label)
        assert exact == at_limit == edits, case
        assert below_limit == float("inf"), case
        assert whole == pytest.approx(score), case
        assert at_floor == pytest.approx(score), case
        assert above_floor < score + 0.01, case


CLOSEST_CASES = [
    # word no document holds, [[known word, documents]], the word offered
    ("revitalsasi", [["revitalisasinya", 5], ["revitalisasi", 1]], "revitalisasi"),
    ("kopiu", [["kopi", 3], ["kopia", 7]], "kopia"),  # as close: more documents
    ("kopiu", [["kopia", 7], ["kopi", 7]], "kopia"),  # then the first
    ("indstri", [["industri", 3]], "industri"),  # 7 letters: one edit
    ("indstr", [["industri", 3]], None),  # 6 letters: not two
    ("prindustrain", [["perindustrian", 4]], "perindustrian"),  # 8+: two
    ("rotn", [["rotan", 2]], None),  # 4 letters: none
    ("xqzvw", [["kopi", 1]], None),
]


def test_the_closest_known_word_is_offered_for_a_misspelt_one(page, site_url):
    open_search(page, site_url)
    got = page.evaluate(
        """async ([module, cases]) => {
          const { closestWord } = await import(module);
          return cases.map(([word, known]) => closestWord(word, known));
        }""",
        [f"{site_url}/theme/js/saran.js", CLOSEST_CASES],
    )
    assert got == [offered for _, _, offered in CLOSEST_CASES]


def test_a_misspelt_word_offers_the_query_put_right(page, site_url):
    chosen = "&lembaga=" + quote(DINAS)
    open_search(page, site_url, "?q=revitalsasi" + chosen)
    wait_until(page, lambda: "Maksud Anda" in page.text_content("#status"))
    assert page.text_content("#status") == (
        "Tidak ada hasil untuk “revitalsasi”. Maksud Anda: revitalisasi?"
    )
    page.click("#status a")
    page.wait_for_selector("#hasil li")
    assert any(link.endswith(SEED_URL) for link in result_links(page))
    assert url_state(page) == {
        "q": ["revitalisasi"],
        "lembaga": [DINAS],
    }
    # With the results of the other words.
    open_search(page, site_url, "?q=revitalisasi")
    count = found_count(page)
    open_search(page, site_url, "?q=revitalisasi+industir")
    wait_until(page, lambda: "Maksud Anda" in page.text_content("#status"))
    assert page.text_content("#status") == (
        "Tidak ada hasil untuk “revitalisasi industir”: kata “industir” tidak ada di"
        f" arsip. {count} hasil untuk “revitalisasi”. Maksud Anda: revitalisasi"
        " industri?"
    )


def test_a_name_among_other_words_of_the_query_is_suggested(page, site_url):
    """A run of the query's words close to a name is suggested too, below a
    match of the whole query as close; only the last word is taken as half
    typed (it may begin a name)."""
    open_search(page, site_url)
    queries = [
        "bps lampung",
        "bpk lampung",
        "dtjen ikm lampung",
        "gubernur ridho ficardo",
        "lampung kemen",
        "kemen lampung",
        "ridho ficardo",
    ]
    got = page.evaluate(
        """async ([root, queries]) => {
          const { suggest } = await import(`${root}/theme/js/saran.js`);
          const { fetchJson } = await import(`${root}/theme/js/indeks.js`);
          const entries = await fetchJson(new URL(`${root}/data/saran.bin`));
          return queries.map((q) => suggest(q, entries));
        }""",
        [site_url, queries],
    )
    found = dict(zip(queries, got, strict=True))
    first = {
        query: (entries[0]["url"] if entries else None)
        for query, entries in found.items()
    }
    # A name the whole query spells: BPS's Lampung office.
    assert first["bps lampung"] == "lembaga/bps-lampung/"
    assert found["bps lampung"][0]["rest"] == ""
    # An exact run of one word ranks above a loose match of both
    # ("bpk lampung" is near "dprd lampung"), which is far behind
    # it and left out.
    assert first["bpk lampung"] == "lembaga/bpk/"
    assert "Dewan Perwakilan Rakyat Daerah Provinsi Lampung" not in [
        entry["name"] for entry in found["bpk lampung"]
    ]
    assert first["dtjen ikm lampung"] == "lembaga/ditjen-ikma/"
    # The words the name's run leaves out.
    assert found["dtjen ikm lampung"][0]["rest"] == "lampung"
    assert found["bpk lampung"][0]["rest"] == "lampung"
    assert found["ridho ficardo"][0]["rest"] == ""
    assert first["gubernur ridho ficardo"] == "tokoh/m-ridho-ficardo/"
    assert (
        found["gubernur ridho ficardo"][0]["score"] < found["ridho ficardo"][0]["score"]
    )
    assert any(e["name"].startswith("Kementerian") for e in found["lampung kemen"])
    assert not any(e["name"].startswith("Kementerian") for e in found["kemen lampung"])


DITJEN = "Direktorat Jenderal Industri Kecil, Menengah, dan Aneka"


@pytest.mark.parametrize(
    ("query", "name", "state"),
    [
        # The other words stay the query.
        ("dtjen+ikm+rakor", DITJEN, {"q": ["rakor"], "lembaga": [DITJEN]}),
        # The whole query a name: its articles.
        (
            "kemenperin",
            "Kementerian Perindustrian",
            {"lembaga": ["Kementerian Perindustrian"]},
        ),
        ("tony+tobing", "Tonny O.L. Tobing", {"tokoh": ["Tonny O.L. Tobing"]}),
    ],
)
def test_a_suggestion_chooses_its_name_as_a_filter(page, site_url, query, name, state):
    open_search(page, site_url, f"?q={query}")
    page.get_by_role("link", name=f"Saring hasil menurut {name}").click()
    wait_until(page, lambda: url_state(page) == state)
    assert found_count(page) == 1
    assert result_paths(page) == [SEED_URL]
    assert checked(page) == [
        [key, values[0]] for key, values in state.items() if key != "q"
    ]


def test_a_suggestion_no_page_holds_as_a_filter_value_leads_to_its_page_only(
    page, site_url
):
    open_search(page, site_url, "?q=kemenkeu")
    page.locator("#daftar-saran li").first.wait_for()
    assert page.locator("#daftar-saran li").first.inner_text() == (
        "Kementerian Keuangan (Lembaga)"
    )
    # Its page, no filter: no page of the seed site names it.
    assert page.locator("#daftar-saran li").first.locator("a").count() == 1


def test_the_query_names_the_page(page, site_url):
    open_search(page, site_url)
    assert page.title() == "Cari · Warta"
    open_search(page, site_url, "?q=revitalisasi")
    assert page.title() == "revitalisasi · Cari · Warta"


@pytest.mark.parametrize("order", ["terbaru", "terlama"])
def test_a_bookmarked_search_restores_query_filters_and_order(page, site_url, order):
    query = f"?q=revitalisasi&urut={order}&lembaga=" + quote(DINAS)
    open_search(page, site_url, query)
    page.wait_for_selector("#hasil li")
    assert page.input_value("#q") == "revitalisasi"
    assert page.input_value("#urut") == order
    assert page.get_by_role("checkbox", name=DINAS).is_checked()


@pytest.mark.parametrize(
    ("path", "key"),
    [(f"/lembaga/{slug}/", "lembaga") for slug in SEED_AGENCIES]
    + [(f"/tokoh/{slug}/", "tokoh") for slug in SEED_PEOPLE]
    + [(f"/indikator/{slug}/", "indikator") for slug in SEED_FIGURES],
)
def test_an_entity_or_indicator_page_leads_to_a_search_among_its_articles(
    page, site_url, path, key
):
    """The link chooses the filter value the articles' pages give the index:
    the search finds the articles the page lists."""
    page.goto(f"{site_url}{path}")
    name = page.locator("h1").inner_text()
    page.locator(".cari-di a").click()
    page.wait_for_url("**/cari/?**")
    assert found_count(page) == 1
    assert result_paths(page) == [SEED_URL]
    assert checked(page) == [[key, name]]


def test_a_chosen_filter_value_is_removed_from_above_the_results(page, site_url):
    open_search(page, site_url, f"?q=revitalisasi&lembaga={quote(DINAS)}&tahun=2015")
    wait_for_counts(page)
    assert chosen(page) == [
        f"Lembaga: {DINAS} ✕",
        "Tahun: 2015 ✕",
        "Hapus semua saringan",
    ]
    page.locator("#dipilih button").first.click()
    # Gone from the URL, the filters and the buttons; the focus on the next one.
    wait_until(page, lambda: "lembaga" not in url_state(page))
    assert url_state(page) == {"q": ["revitalisasi"], "tahun": ["2015"]}
    assert chosen(page) == ["Tahun: 2015 ✕"]
    assert page.evaluate("document.activeElement.textContent") == "Tahun: 2015 ✕"
    assert found_count(page) == 1
    assert checked(page) == [["tahun", "2015"]]


def test_all_chosen_filter_values_are_removed_at_once(page, site_url):
    """Also before the filters are drawn: a shared URL's values that leave
    nothing found, removed while the filter values are still on their way."""
    held = []
    page.route("**/cari/indeks/saringan.bin*", lambda route: held.append(route))
    open_search(
        page, site_url, "?q=revitalisasi&lembaga=Tidak+Ada&tahun=1999", searched=False
    )
    assert chosen(page) == [
        "Lembaga: Tidak Ada ✕",
        "Tahun: 1999 ✕",
        "Hapus semua saringan",
    ]
    assert page.locator("#saringan input").count() == 0
    page.get_by_role("button", name="Hapus semua saringan").click()
    assert url_state(page) == {"q": ["revitalisasi"]}
    assert chosen(page) == []
    assert page.locator("#dipilih").is_hidden()
    assert page.evaluate("document.activeElement.id") == "q"
    for route in held:
        route.continue_()
    assert found_count(page) == 1
    wait_for_counts(page)
    assert page.locator("#saringan input").count() > 0
    assert checked(page) == []


MINISTRIES = [
    "Kementerian Keuangan",
    "Kementerian Kesehatan",
    "Kementerian Sosial",
    "Kementerian Perdagangan",
    "Kementerian Perhubungan",
    "Kementerian Agama",
    "Kementerian Luar Negeri",
    "Kementerian Dalam Negeri",
    "Kementerian Ketenagakerjaan",
    "Kementerian Koordinator Bidang Perekonomian",
]


@pytest.fixture(scope="module")
def many_agencies_url(tmp_path_factory):
    """The site with an article naming ten ministries more: a filter group
    long enough for a box that narrows it; its region and source are the
    seed's, spelt otherwise."""
    import sitebuild

    work = tmp_path_factory.mktemp("lembaga")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    body = " ".join(f"{name} hadir dalam rapat itu." for name in MINISTRIES)
    (content / "articles" / "2016").mkdir()
    (content / "articles" / "2016" / "rapat.md").write_text(
        # The seed's region and source, spelt otherwise.
        "Title: Rapat Lintas Kementerian\nDate: 2016-04-04\nRegion: lampung\n"
        f"Source: TERASLAMPUNG.COM\n\n{body}\n",
        "utf-8",
    )
    built = run_build(content, work / "output")
    assert built.returncode == 0, built.stderr
    with sitebuild.serving(built.output) as url:
        yield url


def visible_values(page, key: str) -> list[str]:
    return page.eval_on_selector_all(
        f"#saringan fieldset[data-key={key}] .saringan__pilihan:not([hidden]) input",
        "boxes => boxes.map(box => box.value)",
    )


def test_a_long_filter_group_is_narrowed_by_what_is_typed(page, many_agencies_url):
    open_search(page, many_agencies_url)
    page.wait_for_selector("#saringan input")
    agencies = visible_values(page, "lembaga")
    assert set(MINISTRIES) | set(SEED_AGENCIES.values()) <= set(agencies)
    # A short group has no such box.
    assert page.locator("#saringan .saringan__cari").count() == 1
    narrowing = page.get_by_role("searchbox", name="Cari di daftar lembaga")
    # Each word typed begins a word of the value, in any case.
    for typed, found in [
        ("koord", ["Kementerian Koordinator Bidang Perekonomian"]),
        ("ordinator", []),
        ("KEMENTERIAN perin", ["Kementerian Perindustrian"]),
        # An acronym or an alias of the authority file.
        ("kemenkeu", ["Kementerian Keuangan"]),
        ("depkeu", ["Kementerian Keuangan"]),
        ("dinas lampung", ["Dinas Perindustrian Provinsi Lampung"]),
    ]:
        narrowing.fill(typed)
        wait_until(page, lambda found=found: visible_values(page, "lembaga") == found)
    narrowing.fill("perindustrian")
    expected = [name for name in agencies if "perindustrian" in name.lower().split()]
    assert 1 < len(expected) < len(agencies)
    assert visible_values(page, "lembaga") == expected
    # Enter narrows, no more: the search is not sent.
    narrowing.press("Enter")
    assert "lembaga" not in url_state(page)
    # A value chosen: the group is drawn again, still narrowed, the focus kept.
    box = page.get_by_role("checkbox", name="Kementerian Perindustrian")
    box.focus()
    page.keyboard.press("Space")
    wait_until(
        page, lambda: url_state(page).get("lembaga") == ["Kementerian Perindustrian"]
    )
    wait_for_counts(page)
    assert narrowing.input_value() == "perindustrian"
    assert page.evaluate("document.activeElement.value") == "Kementerian Perindustrian"
    # Still narrowed; the chosen value first.
    visible = visible_values(page, "lembaga")
    assert visible[0] == "Kementerian Perindustrian"
    assert sorted(visible) == sorted(expected)
    # Nothing matches: the group says so, and the chosen value stays in view.
    narrowing.fill("zzz")
    assert visible_values(page, "lembaga") == ["Kementerian Perindustrian"]
    assert page.get_by_text("Tidak ada yang cocok.").is_hidden()
    page.get_by_role("checkbox", name="Kementerian Perindustrian").click()
    wait_until(page, lambda: "lembaga" not in url_state(page))
    wait_until(page, lambda: page.get_by_text("Tidak ada yang cocok.").is_visible())
    assert visible_values(page, "lembaga") == []


def value_counts(page, key: str) -> list[tuple[str, int]]:
    """A filter group's values and their counts, in the order shown."""
    rows = page.eval_on_selector_all(
        f"#saringan fieldset[data-key={key}] .saringan__pilihan",
        """rows => rows.map(row => [row.querySelector("input").value,
          row.querySelector(".jumlah").textContent])""",
    )
    return [(value, int(count.strip("()").replace(".", ""))) for value, count in rows]


def test_filter_values_the_results_hold_come_first(page, many_agencies_url):
    """Chosen values first, then by how many results hold them, then by name:
    a search's values are at the top of a long group."""
    open_search(page, many_agencies_url, "?q=revitalisasi")
    wait_for_counts(page)
    values = value_counts(page, "lembaga")
    counts = [count for _, count in values]
    assert counts == sorted(counts, reverse=True)
    held = [value for value, count in values if count]
    assert set(SEED_AGENCIES.values()) <= set(held)
    assert not set(MINISTRIES) & set(held)
    rest = [value for value, count in values if not count]
    assert rest == sorted(rest, key=str.casefold)
    # A chosen value stands first, though no result holds it.
    open_search(
        page,
        many_agencies_url,
        "?q=revitalisasi&lembaga=" + quote("Kementerian Sosial"),
    )
    wait_until(page, lambda: page.text_content("#status").startswith("Tidak ada"))
    wait_for_counts(page)
    assert value_counts(page, "lembaga")[0] == ("Kementerian Sosial", 0)
    # Years stay newest first.
    open_search(page, many_agencies_url, "?q=revitalisasi")
    wait_for_counts(page)
    years = [value for value, _ in value_counts(page, "tahun")]
    assert years == sorted(years, reverse=True)


def test_a_long_filter_groups_values_scroll_under_its_box(page, many_agencies_url):
    """The values scroll; the legend and the narrowing box stay put, and no
    value shows between them or over the box."""
    open_search(page, many_agencies_url)
    page.wait_for_selector("#saringan input")
    group = page.locator("#saringan fieldset[data-key=lembaga]")
    box = group.get_by_role("searchbox", name="Cari di daftar lembaga")
    first = group.locator(".saringan__pilihan").first
    group.scroll_into_view_if_needed()
    box_before, first_before = box.bounding_box(), first.bounding_box()
    page.mouse.move(first_before["x"] + 20, first_before["y"] + 5)
    page.mouse.wheel(0, 150)
    wait_until(page, lambda: first.bounding_box()["y"] < first_before["y"] - 100)
    assert box.bounding_box() == box_before
    legend = group.locator("legend").bounding_box()
    x = box_before["x"] + box_before["width"] / 2
    # From the legend's foot to the box's foot: the fieldset, the box, no value.
    for y in range(
        int(legend["y"] + legend["height"]), int(box_before["y"] + box_before["height"])
    ):
        hit = page.evaluate(
            "([x, y]) => !!document.elementFromPoint(x, y)?.closest('.saringan__pilihan')",
            [x, y],
        )
        assert not hit, f"a value shows at y={y}, above the narrowing box's foot"


def year_counts(page) -> dict[str, str]:
    """The year group's values and their counts, a toned-down one marked."""
    return dict(
        page.eval_on_selector_all(
            "#saringan fieldset[data-key=tahun] .saringan__pilihan",
            """rows => rows.map(row => [row.querySelector("input").value,
              row.querySelector(".jumlah").textContent +
              (row.classList.contains("saringan__pilihan--kosong") ? " kosong" : "")])""",
        )
    )


RAPAT_URL = "/berita/2016/04/04/rapat-lintas-kementerian/"


def test_two_years_chosen_find_the_articles_of_either(page, many_agencies_url):
    open_search(page, many_agencies_url, "?tahun=2015&tahun=2016")
    assert found_count(page) == 2
    # The status line comes with the first result drawn: wait for the second.
    wait_until(page, lambda: len(result_paths(page)) == 2)
    assert sorted(result_paths(page)) == sorted([SEED_URL, RAPAT_URL])
    wait_for_counts(page)
    # Each year counts the results it stands for, with or without the other.
    assert year_counts(page) == {"2016": "(1)", "2015": "(1)"}
    page.get_by_role("checkbox", name="2016").uncheck()
    wait_until(page, lambda: url_state(page).get("tahun") == ["2015"])
    assert found_count(page) == 1
    wait_until(page, lambda: year_counts(page) == {"2016": "(1)", "2015": "(1)"})
    # The agencies' values are all required: two find the article naming both.
    open_search(
        page, many_agencies_url, "?lembaga=Kementerian+Sosial&lembaga=Kementerian+Agama"
    )
    assert result_paths(page) == [RAPAT_URL]
    open_search(
        page, many_agencies_url, f"?lembaga=Kementerian+Sosial&lembaga={quote(DINAS)}"
    )
    wait_until(page, lambda: page.text_content("#status") == "Tidak ada hasil.")
    assert page.locator("#hasil li").count() == 0


def test_a_narrowed_filter_group_has_no_axe_violations(chromium, many_agencies_url):
    typed = ("Cari di daftar lembaga", "zzz")  # "Tidak ada yang cocok."
    found = axe_violations(chromium, many_agencies_url, "", ".saringan__cari", typed)
    assert found == ([], [])


def test_a_search_whose_index_files_fail_says_so_and_tries_again(page, site_url):
    page.route("**/cari/indeks/pos/**", lambda route: route.abort())
    open_search(page, site_url, "?q=revitalisasi")
    wait_until(page, lambda: "Coba lagi" in page.text_content("#status"))
    assert page.text_content("#status").startswith(
        "Pencarian gagal: berkas indeks tidak dapat dimuat ("
    )
    assert page.locator("#hasil li").count() == 0
    page.unroute("**/cari/indeks/pos/**")
    page.get_by_role("button", name="Coba lagi").click()
    assert found_count(page) == 1
    assert result_paths(page) == [SEED_URL]


def test_a_query_of_no_word_is_searched_as_none(page, site_url):
    open_search(page, site_url, f"?q={quote('🙂 ?!')}")
    wait_until(page, lambda: "Ketik" in page.text_content("#status"))
    assert page.text_content("#status") == (
        "“🙂 ?!” tidak memuat kata yang dapat dicari. "
        "Ketik kata pencarian atau pilih saringan."
    )
    assert page.locator("#hasil li").count() == 0
    # With a filter chosen, the filter's results, counted for no query.
    open_search(page, site_url, f"?q={quote('🙂')}&tahun=2015")
    assert found_count(page) == 1
    assert page.text_content("#status") == "1 hasil."
    assert result_paths(page) == [SEED_URL]


def test_an_index_that_fails_to_open_says_so_and_tries_again(page, site_url):
    page.route("**/cari/indeks/meta.bin*", lambda route: route.abort())
    page.goto(f"{site_url}/cari/?q=revitalisasi")
    retry = page.get_by_role("button", name="Coba lagi")
    retry.wait_for()
    assert page.text_content("#status").startswith(
        "Pencarian gagal: berkas indeks tidak dapat dimuat ("
    )
    retry.click()  # fails again
    retry.wait_for()
    page.unroute("**/cari/indeks/meta.bin*")
    retry.click()
    assert found_count(page) == 1
    assert result_paths(page) == [SEED_URL]
    assert page.evaluate("document.activeElement.id") == "q"
    # The page's controls answer once each: a query sent is one search.
    searches = "performance.getEntriesByType('mark').filter(m => /^cari:\\d+$/.test(m.name)).length"
    before = page.evaluate(searches)
    page.fill("#q", "industri")
    page.press("#q", "Enter")
    wait_until(page, lambda: "“industri”" in page.text_content("#status"))
    page.wait_for_timeout(300)  # a second search would have started by now
    assert page.evaluate(searches) == before + 1


def test_a_search_that_fails_after_its_first_page_keeps_it(page, first_page_site_url):
    """The first page is drawn before any posting: should the postings fail,
    its results stay, and the status line says the search did not finish."""
    page.route("**/cari/indeks/pos/**", lambda route: route.abort())
    open_search(page, first_page_site_url, "?q=industri")
    wait_until(page, lambda: "Coba lagi" in page.text_content("#status"))
    assert page.text_content("#status").startswith(
        "Pencarian belum selesai: berkas indeks tidak dapat dimuat ("
    )
    drawn = result_links(page)
    assert drawn
    page.unroute("**/cari/indeks/pos/**")
    page.get_by_role("button", name="Coba lagi").click()
    wait_for_counts(page)
    assert page.text_content("#status").endswith("untuk “industri”.")
    assert result_links(page)[: len(drawn)] == drawn


def test_more_results_that_fail_to_arrive_can_be_asked_for_again(page, site_url):
    open_search(page, site_url, "?q=industri")
    more = page.locator("#lebih")
    more.wait_for()
    assert page.locator("#hasil li").count() == 10
    # The first three documents asked for arrive, the others fail.
    asked = []

    def some(route) -> None:
        asked.append(route.request.url)
        route.continue_() if len(asked) <= 3 else route.abort()

    page.route("**/cari/indeks/dok/**", some)
    more.click()
    wait_until(page, lambda: more.inner_text() == "Gagal memuat. Coba lagi")
    # Those drawn stay; the next try goes on after them.
    drawn = page.locator("#hasil li").count()
    assert 10 < drawn <= 13
    assert found_count(page) > 20  # the status still counts the results
    page.unroute("**/cari/indeks/dok/**")
    more.click()
    wait_until(page, lambda: page.locator("#hasil li").count() == drawn + 10)
    assert more.inner_text() == "Tampilkan lebih banyak"
    assert len(set(result_links(page))) == drawn + 10  # none twice


@pytest.mark.parametrize(
    ("path", "key", "value", "url_values"),
    [
        ("/wilayah/lampung/", "wilayah", "Lampung", ["Lampung", "lampung"]),
        (
            "/sumber/teraslampung-com/",
            "sumber",
            # Neither all capitals nor all small letters, of two spellings
            # that as many articles use.
            "Teraslampung.com",
            ["TERASLAMPUNG.COM", "Teraslampung.com"],
        ),
    ],
)
def test_a_region_or_source_page_leads_to_a_search_among_its_articles(
    page, many_agencies_url, path, key, value, url_values
):
    """The link chooses each spelling the articles give the group; the
    filters hold the spellings of one name as one value: the search finds
    the articles the page lists, with that value chosen."""
    page.goto(f"{many_agencies_url}{path}")
    link = page.locator(".cari-di a")
    assert sorted(parse_qs(urlsplit(link.get_attribute("href")).query)[key]) == (
        url_values
    )
    link.click()
    page.wait_for_url("**/cari/?**")
    assert found_count(page) == 2
    # The status line comes with the first result drawn: wait for the second.
    wait_until(page, lambda: len(result_paths(page)) == 2)
    assert sorted(result_paths(page)) == sorted([SEED_URL, RAPAT_URL])
    wait_for_counts(page)
    assert checked(page) == [[key, value]]
    box = page.get_by_role("checkbox", name=f"{value} (2)", exact=True)
    assert box.is_checked()
    # The URL says it as the filters do, once.
    assert url_state(page)[key] == [value]


def test_search_page_is_keyboard_usable(page, site_url):
    open_search(page, site_url)
    page.focus("#q")
    page.keyboard.type("revitalisasi")
    page.keyboard.press("Enter")
    page.wait_for_selector("#hasil li")
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the sort order
    assert page.evaluate("document.activeElement.id") == "urut"


@pytest.mark.parametrize(
    ("query", "drawn"),
    [
        ("revitalisasi", "#hasil li"),
        # An agency's page found, filter values none of the results holds.
        ("keuangan", ".saringan__pilihan--kosong"),
        # The chosen values above the results.
        (f"revitalisasi&tahun=2015&lembaga={quote(DINAS)}", "#dipilih button"),
        # A suggestion with its link to the results with it chosen.
        ("dtjen+ikm+rakor", "#daftar-saran a[aria-label]"),
    ],
)
def test_search_page_has_no_axe_violations(chromium, site_url, query, drawn):
    assert axe_violations(chromium, site_url, f"?q={query}", drawn) == ([], [])


def axe_violations(chromium, site_url, query, drawn, typed=None):
    """axe-core's violations on the search page at ``query`` once ``drawn``
    is on it (and, with ``typed``, once ``typed[1]`` is typed in the box
    ``typed[0]`` names), and the errors the page logged."""
    context = chromium.new_context(bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    open_search(page, site_url, query)
    page.wait_for_selector(drawn)
    if typed:
        page.get_by_role("searchbox", name=typed[0]).fill(typed[1])
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]
    ]
    return violations, errors


def test_excerpt_keeps_the_spaces_around_the_hit(page, site_url):
    open_search(page, site_url, "?q=revitalisasi")
    page.wait_for_selector("#hasil li mark")
    text = page.inner_text("#hasil li .ringkas__sari")
    assert "Revitalisasi dan" in text
    assert "Tanggal" not in text  # the facts list is not part of the excerpt


# What the page had fetched of the index when its first result was drawn.
FETCHED_BY_FIRST_RESULT = """(() => {
  const drawn = performance.getEntriesByName("cari:hasil")[0];
  const end = drawn.startTime + drawn.duration;
  return performance.getEntriesByType("resource")
    .filter((entry) => entry.responseEnd <= end && entry.name.includes("/cari/indeks/"))
    .map((entry) => new URL(entry.name).pathname.split("/cari/indeks/")[1]);
})()"""


@pytest.fixture(scope="module")
def first_page_site_url(built_site, tmp_path_factory):
    """The built site with a first page (hal/) for every word, however rare."""
    import sitebuild
    from warta_search.indexer import build_index

    output = tmp_path_factory.mktemp("halaman") / "output"
    shutil.copytree(built_site.output, output)
    assert build_index(output, workers=1, page_min=1)["first_pages"] > 0
    with sitebuild.serving(output) as url:
        yield url


def counts_drawn(page) -> int:
    """How many times the page has drawn the filter groups with counts."""
    return page.evaluate("performance.getEntriesByName('cari:saringan').length")


def wait_for_counts(page) -> None:
    wait_until(page, lambda: counts_drawn(page))


@pytest.mark.parametrize("order", ["", "&urut=terbaru"])
def test_a_frequent_word_draws_its_first_page_before_any_posting(
    page, site_url, first_page_site_url, order
):
    """With a first page, one word's results need the meta file, one
    dictionary chunk and the page: drawn while postings and documents are
    held back, then confirmed by them (same results, marks and counts)."""
    open_search(page, site_url, f"?q=industri{order}")
    wait_for_counts(page)
    expected = result_paths(page)
    status = page.text_content("#status")
    assert len(expected) >= 2
    held = []

    def hold(route) -> None:
        if held is None:
            route.continue_()
        else:
            held.append(route)

    page.route("**/cari/indeks/pos/**", hold)
    page.route("**/cari/indeks/dok/**", hold)
    open_search(page, first_page_site_url, f"?q=industri{order}")
    page.wait_for_selector("#hasil li")
    fetched = page.evaluate(FETCHED_BY_FIRST_RESULT)
    # A frequent word's dictionary entry is in meta.bin: no chunk is read.
    assert [path.split("?")[0].split("/")[0] for path in fetched] == [
        "meta.bin",
        "hal",
    ]
    assert result_paths(page) == expected[:10]
    assert page.text_content("#status") == status
    assert page.locator("#hasil li").first.locator("mark").count() >= 1
    waiting, held = held, None
    for route in waiting:
        route.continue_()
    wait_for_counts(page)
    assert result_paths(page) == expected
    assert page.text_content("#status") == status
    assert page.locator("#saringan .jumlah").count() > 0
