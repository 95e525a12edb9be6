"""Regencies and cities a figure's sentence names bare: their scopes, and the
figures that take them."""

import pytest

from warta.authority import ProvincePlaces
from warta.indicators import extract_figures, load_catalogue
from warta.indicators.extract import place_scopes, region_scope
from warta.regencies import PlaceScopes

CATALOGUE = load_catalogue()
PLACES = (
    ProvincePlaces(
        "jawa-timur",
        regencies=("Banyuwangi", "Malang", "Batu Bara Timur", "Puncak"),
        cities=("Malang", "Batu", "Surakarta Timur"),
        aliases=(("Bumi Blambangan", "Banyuwangi"), ("Solo Timur", "Surakarta Timur")),
    ),
    ProvincePlaces("jawa-barat", regencies=("Banjar", "Bima"), cities=("Banjar",)),
    ProvincePlaces("kalimantan-selatan", regencies=("Banjar",)),
    # A Lampung regency: the extractor knows it as "Kabupaten Mesuji" already.
    ProvincePlaces("lampung", regencies=("Mesuji",)),
)
SCOPES = place_scopes(PLACES)
JAKARTA = "Daerah Khusus Ibukota Jakarta"
NATIONAL = "nasional"


@pytest.mark.parametrize(
    ("name", "scope"),
    [
        ("Banyuwangi", "Kabupaten Banyuwangi"),  # a regency's name only
        ("Batu", "Kota Batu"),  # a city's only
        ("Batu Bara Timur", "Kabupaten Batu Bara Timur"),
        ("Malang", "Malang"),  # a regency's and a city's
        ("Banjar", "Banjar"),  # three places, two provinces
        ("Bumi Blambangan", "Kabupaten Banyuwangi"),  # an alias: its place's
        ("Solo Timur", "Kota Surakarta Timur"),
        ("Mesuji", None),  # the extractor's own
        ("Puncak", None),  # the hills near Bogor, mostly
        ("Jawa Timur", None),  # a province: the extractor's own
    ],
)
def test_a_bare_names_scope(name, scope):
    found = SCOPES.at(name.lower().split(), 0)
    assert (found[0] if found else None) == scope


def test_the_fingerprint_follows_the_names():
    again = place_scopes(PLACES)
    assert again.fingerprint == SCOPES.fingerprint
    fewer = place_scopes(PLACES[1:])
    assert fewer.fingerprint != SCOPES.fingerprint
    assert PlaceScopes().fingerprint != SCOPES.fingerprint


@pytest.mark.parametrize(
    ("text", "scopes"),
    [
        # The nearest place before the figure: the regency, not its province.
        (
            "Semua kabupaten di Jawa Timur mengalami inflasi, dengan Banyuwangi"
            " mencatatkan angka tertinggi sebesar 0,63 persen.",
            ["Kabupaten Banyuwangi"],
        ),
        ("BPS Banyuwangi mencatat inflasi 0,5 persen.", ["Kabupaten Banyuwangi"]),
        ("Inflasi di Malang pada Mei 2025 sebesar 1,5 persen.", ["Malang"]),
        ("Inflasi Kota Batu 1,2 persen.", ["Kota Batu"]),
        ("Inflasi di Solo Timur 1,2 persen.", ["Kota Surakarta Timur"]),
        # After "Kabupaten" or "Kota": the name as places.yaml spells it,
        # not the capitalised words after it (a price, a person, a headline)
        ("Inflasi Kota Solo Timur 1,2 persen.", ["Kota Surakarta Timur"]),
        (
            "UMK Kabupaten Banyuwangi Rp 2,8 juta, Kota Batu Rp 3 juta.",
            ["Kabupaten Banyuwangi", "Kota Batu"],
        ),
        ("Kadis Kota Batu Ahmad Yani mencatat inflasi 2 persen.", ["Kota Batu"]),
        ("Pemkot Malang Kucurkan Hibah Rp 11 Miliar", ["Kota Malang"]),
        ("Inflasi Kab. Banyuwangi 2 persen.", ["Kabupaten Banyuwangi"]),
        # a name places.yaml does not hold is taken as written
        ("Inflasi Kota Tangsel 2 persen.", ["Kota Tangsel"]),
        # A capitalised word going on from the name: a person's, a company's.
        ("Menteri Bima Arya mengatakan inflasi 2,1 persen.", [None]),
        # A speaker's name after a quote verb.
        ('"Harganya Rp 1 miliar," kata Bima kemarin.', [None]),
        # A name that is also a common word, opening the sentence.
        ("Batu bara menopang pertumbuhan ekonomi 5 persen.", [None]),
        ("Malang nian, inflasi naik 3 persen.", [None]),
        ("Inflasi tertinggi di Batu, 3 persen.", ["Kota Batu"]),
        # Either end of a route, of a bare name or a province.
        ("Proyek kereta Malang-Banyuwangi senilai Rp 7 triliun.", [None]),
        ("Proyek kereta Banyuwangi-Jawa Tengah senilai Rp 7 triliun.", [None]),
        ("Inflasi gabungan Jawa Timur-Bali 3 persen.", [None]),
        ("Inflasi Jawa Timur - Mei 2025 sebesar 3 persen.", ["Jawa Timur"]),
        # A facility's or an institution's name.
        ("Pendapatan Stasiun Malang Rp 5 miliar.", [None]),
        ("Universitas Banyuwangi menerima dana Rp 5 miliar.", [None]),
        ("Inflasi kawasan kampus Banyuwangi 2 persen.", ["Kabupaten Banyuwangi"]),
    ],
)
def test_figures_take_a_bare_regency_or_city_as_their_scope(text, scopes):
    figures = extract_figures(text, catalogue=CATALOGUE, places=SCOPES)
    assert [figure.scope for figure in figures] == scopes


@pytest.mark.parametrize(
    ("region", "scope"),
    [
        ("Lampung", "Lampung"),
        ("lampung", "Lampung"),  # an id
        ("jawa-barat", "Jawa Barat"),
        ("Jabar", "Jawa Barat"),  # an alias
        ("Lampung Selatan", "Kabupaten Lampung Selatan"),
        ("Banyuwangi", "Kabupaten Banyuwangi"),  # a regency of places.yaml
        ("Atlantis", "Atlantis"),  # unknown here: as written
        (None, None),
        ("", None),
        # the capital, where national news is filed from
        ("DKI Jakarta", None),
        ("dki-jakarta", None),
        ("Daerah Khusus Ibukota Jakarta", None),
    ],
)
def test_an_articles_region_as_a_scope(region, scope):
    assert region_scope(region, SCOPES) == scope


@pytest.mark.parametrize(
    ("region", "scopes"),
    [
        ("Jabar", ["Jawa Barat", "Kota Batu"]),
        ("Jakarta", [None, "Kota Batu"]),
    ],
)
def test_a_figure_that_names_no_place_takes_the_articles_region(region, scopes):
    text = "Penyaluran KUR mencapai Rp 30 triliun. Inflasi Kota Batu 2 persen."
    figures = extract_figures(text, catalogue=CATALOGUE, region=region, places=SCOPES)
    assert [f.scope for f in figures] == scopes


@pytest.mark.parametrize(
    ("text", "region", "scopes"),
    [
        # Statistics Indonesia, and no regional office of it: the country's
        (
            "Jakarta (ANTARA News) - Badan Pusat Statistik (BPS) mencatat ekspor"
            " pada Februari 2017 sebesar 12,57 miliar dolar AS.",
            None,
            [NATIONAL],
        ),
        (
            "Kepala BPS Suhariyanto menyebut ekspor turun. Ekspor nonmigas "
            "Februari 2017 mencapai 11,37 miliar dolar AS.",
            None,
            [NATIONAL],
        ),
        ("BPS mencatat inflasi 2 persen.", "Jakarta", [NATIONAL]),
        # a regional office, anywhere in the text
        (
            "Inflasi tercatat 2 persen. Hal itu disampaikan Kepala BPS Banyuwangi.",
            None,
            [None],
        ),
        (
            "Badan Pusat Statistik (BPS) Provinsi Lampung mencatat inflasi 2 persen.",
            None,
            ["Lampung"],
        ),
        # the article's region, a place named before, an actor's figure
        ("BPS mencatat inflasi 2 persen.", "Lampung", ["Lampung"]),
        (
            "Di Kalimantan Timur harga naik. BPS mencatat inflasi 2 persen.",
            None,
            [None],
        ),
        ("Data BPS: anggaran desa Rp 5 triliun.", None, [None]),
    ],
)
def test_figures_of_statistics_indonesia_are_the_countrys(text, region, scopes):
    figures = extract_figures(text, catalogue=CATALOGUE, region=region, places=SCOPES)
    assert [f.scope for f in figures] == scopes


def test_without_places_a_bare_name_is_no_scope():
    text = "Di Jawa Timur, inflasi di Banyuwangi 0,63 persen."
    assert [f.scope for f in extract_figures(text, catalogue=CATALOGUE)] == [
        "Jawa Timur"
    ]


@pytest.mark.parametrize(
    ("text", "scopes"),
    [
        # a dateline's place is where the news was filed from ...
        (
            "Jakarta (ANTARA News) - Kementerian Perdagangan mencatat ekspor pada "
            "Februari 2017 sebesar 12,57 miliar dolar AS.",
            [None],
        ),
        ("Banyuwangi - Inflasi tercatat 2 persen.", [None]),
        ("Inflasi Banyuwangi tercatat 2 persen.", ["Kabupaten Banyuwangi"]),
        # ... its source's name may still say the news is national
        ("Jakarta, CNN Indonesia -- Inflasi tercatat 2 persen.", ["nasional"]),
        # ... and a place the sentence names after it is the figure's
        ("Jakarta - Inflasi Jakarta tercatat 2 persen.", [JAKARTA]),
        # a sentence that opens with no place's name alone has no dateline
        ("Inflasi Jakarta - 2 persen.", [JAKARTA]),
    ],
)
def test_a_datelines_place_is_no_figures_place(text, scopes):
    figures = extract_figures(text, catalogue=CATALOGUE, places=SCOPES)
    assert [f.scope for f in figures] == scopes


@pytest.mark.parametrize(
    ("text", "scopes"),
    [
        # where an event was held is no figure's place ...
        (
            "Dalam jumpa pers di Jakarta, Rabu, Menteri Perdagangan mengatakan "
            "ekspor nonmigas turun 6,21 persen.",
            [None],
        ),
        (
            "Dalam rapat kerja di Gedung DPR, Jakarta, Menteri menyebut ekspor "
            "naik 5 persen.",
            [None],
        ),
        # ... a place the figure names is, in the same sentence
        (
            "Dalam rapat di Banyuwangi, Bupati menyebut inflasi Banyuwangi 3 persen.",
            ["Kabupaten Banyuwangi"],
        ),
    ],
)
def test_where_an_event_was_held_is_no_figures_place(text, scopes):
    figures = extract_figures(text, catalogue=CATALOGUE, places=SCOPES)
    assert [f.scope for f in figures] == scopes
