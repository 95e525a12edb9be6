"""The furniture of a paste: bylines, date lines, credits and asides."""

import datetime as dt

import pytest

from warta.ingest.furniture import strip_furniture
from warta.ingest.pasted import parse_pasted
from warta.ingest.places import Gazetteer, Place

BODY = [
    "Dinas Perindustrian mencatat ekspor kopi naik 12 persen pada triwulan pertama.",
    "Kenaikan itu didorong harga yang membaik.",
]


def test_an_address_opening_the_paste_is_its_url():
    url = "https://finance.contoh.id/berita/d-123/ekspor-kopi-naik"
    page = strip_furniture([[url, "Senin, 04 Mei 2026 10:15 WIB"], BODY])
    assert (page.url, page.date, page.blocks) == (url, dt.date(2026, 5, 4), [BODY])
    # Within the text, an address is the text's.
    within = [[BODY[0], url, BODY[1]]]
    assert strip_furniture(within).blocks == within


@pytest.mark.parametrize(
    ("head", "author", "outlet", "date"),
    [
        (["Rina Wulandari - detikFinance"], "Rina Wulandari", "detikFinance", None),
        (["Rina Wulandari | kumparanBISNIS"], "Rina Wulandari", "kumparanBISNIS", None),
        (["Senin, 04 Mei 2026 10:15 WIB"], None, None, dt.date(2026, 5, 4)),
        (["Kompas.com - 04/05/2026, 10:15 WIB"], None, None, dt.date(2026, 5, 4)),
        (["Selasa, 5 Mei 2026 | 08.30 WITA"], None, None, dt.date(2026, 5, 5)),
        (["Diperbarui 6 Mei 2026, 12:00 WIB"], None, None, dt.date(2026, 5, 6)),
        (["Penulis: Rina Wulandari | Editor: Budi"], "Rina Wulandari", None, None),
        (["Editor: Budi", "Reporter: Rina"], "Rina", None, None),
        (["Penulis Rina Wulandari | Editor Budi"], "Rina Wulandari", None, None),
        (
            ["Rina Wulandari - detikFinance", "Jumat, 08 Mei 2026 17:51 WIB"],
            "Rina Wulandari",
            "detikFinance",
            dt.date(2026, 5, 8),
        ),
    ],
)
def test_head_is_read_and_left_out(head, author, outlet, date):
    page = strip_furniture([head, BODY])
    assert page.blocks == [BODY]
    assert (page.author, page.outlet, page.date) == (author, outlet, date)


@pytest.mark.parametrize(
    "tail",
    [
        ["(rrd/rrd)"],
        ["(ant)"],
        ["Pewarta: Rina Wulandari", "Editor: Budi Santoso"],
        ["Copyright © ANTARA 2026"],
        ["© 2026 Warta Daerah"],
    ],
)
def test_tail_is_left_out(tail):
    assert strip_furniture([BODY, tail]).blocks == [BODY]
    assert strip_furniture([BODY + tail]).blocks == [BODY]


def test_initials_closing_the_last_line_are_left_out():
    last = "Pemerintah menyiapkan pelatihan bagi 300 petani. (rrd/rrd)"
    page = strip_furniture([[BODY[0], last]])
    assert page.blocks == [
        [BODY[0], "Pemerintah menyiapkan pelatihan bagi 300 petani."]
    ]


@pytest.mark.parametrize(
    "aside",
    [
        "Baca juga: Harga Kopi Dunia Melonjak",
        "BACA JUGA : Harga Beras Stabil",
        "Simak juga: Video Panen Kopi",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        'Simak Video "Panen Kopi di Lampung Barat"',
        'Tonton juga video "Menkeu Temui Petani Kopi" di sini:',
        'Tonton juga "Bank Indonesia Umumkan BI-Rate Tetap 5,75%" di sini:',
        "Lihat juga Video: Google Klarifikasi soal Kurs 1 Dolar AS Jadi Rp 8.170",
        "Lihat Video 'Cerita Panen Kopi di Lampung Barat':",
        "Simak juga Video: Cerita Petani Kopi Lampung",
        "Saksikan Live DetikPagi :",
        "Saksikan LiveDetikpagi:",
        "Lihat Foto",
        "[Gambas:Video 20detik]",
        "1 2 3 Selanjutnya",
        "Halaman: 1 2",
        "Halaman berikutnya",
    ],
)
def test_asides_are_left_out_anywhere(aside):
    page = strip_furniture([[BODY[0], aside, BODY[1]]])
    assert page.blocks == [BODY]


@pytest.mark.parametrize(
    "line",
    [
        # Hard-wrapped text: lines of a sentence, no furniture.
        "oleh Kepala Dinas Perindustrian",
        "Editor Budi menolak",  # no colon, no other credit beside it
        "simak video edukasi itu",  # a line of hard-wrapped text
        "tonton juga video pelatihan itu",
        "lihat video itu kemudian",
        "saksikan langsung panen raya",
        'Simak juga "kata Bupati" yang ia ulang dalam sambutan.',
        "2026",
        "halaman depan koran itu",
        "lihat juga data BPS tahun lalu",
        "Senin, 4 Mei 2026.",
        "Rapat digelar Senin, 4 Mei 2026",
        "Sumber: BPS Provinsi Lampung",
        "Rp 5 miliar - Rp 6 miliar",
        "(c) peningkatan mutu produk",
    ],
)
def test_text_is_kept(line):
    # Opening the paste, closing it, and within it.
    for blocks in ([[line], BODY], [BODY, [line]], [[BODY[0], line, BODY[1]]]):
        page = strip_furniture(blocks)
        assert [x for block in page.blocks for x in block].count(line) == 1
        assert (page.author, page.outlet, page.date) == (None, None, None)


def test_only_the_ends_of_a_paste_are_read():
    # A date line or a byline within the text is the text's.
    within = [[BODY[0], "Senin, 04 Mei 2026", "Rina Wulandari - detikFinance", BODY[1]]]
    page = strip_furniture(within)
    assert page.blocks == within
    assert (page.author, page.outlet, page.date) == (None, None, None)


DETIK = """Ekspor Kopi Lampung Naik 12 Persen

Rina Wulandari - detikFinance
Senin, 04 Mei 2026 10:15 WIB

Jakarta - Dinas Perindustrian Provinsi Lampung mencatat ekspor kopi naik
12 persen pada triwulan pertama. Kenaikan itu didorong harga yang membaik.

Baca juga: Harga Kopi Dunia Melonjak

"Petani mulai menikmati harga yang lebih baik," kata Kepala Dinas, Selasa (5/5/2026).
(rrd/rrd)
"""

KOMPAS = """Harga Cabai di Bandar Lampung Turun
Kompas.com - 06/05/2026, 10:15 WIB
Penulis: Rina Wulandari | Editor: Budi Santoso

BANDAR LAMPUNG, KOMPAS.com - Harga cabai merah turun menjadi Rp 40.000 per kilogram.
ADVERTISEMENT
SCROLL TO CONTINUE WITH CONTENT
Pedagang menyebut pasokan mulai lancar, Kamis (7/5/2026).
"""

ANTARA = """Pemprov Lampung Dorong Sertifikasi Halal IKM

Jumat, 8 Mei 2026 10:15 WIB

Bandarlampung (ANTARA) - Pemerintah Provinsi Lampung mendorong IKM makanan
mengurus sertifikasi halal.

Pewarta: Rina Wulandari
Editor: Budi Santoso
Copyright © ANTARA 2026
"""


@pytest.fixture
def gazetteer():
    return Gazetteer(
        {
            "jakarta": Place("Jakarta", "DKI Jakarta"),
            "bandarlampung": Place("Bandar Lampung", "Lampung"),
        }
    )


@pytest.mark.parametrize(
    ("paste", "fields", "first", "last"),
    [
        (
            DETIK,
            ("detikFinance", "Rina Wulandari", dt.date(2026, 5, 4), "Jakarta"),
            "Jakarta - Dinas Perindustrian",
            "kata Kepala Dinas, Selasa (5/5/2026).",
        ),
        (
            KOMPAS,
            ("KOMPAS.com", "Rina Wulandari", dt.date(2026, 5, 6), "Bandar Lampung"),
            "BANDAR LAMPUNG, KOMPAS.com - Harga",
            "pasokan mulai lancar, Kamis (7/5/2026).",
        ),
        (
            ANTARA,
            ("ANTARA", "Rina Wulandari", dt.date(2026, 5, 8), "Bandar Lampung"),
            "Bandarlampung (ANTARA) - Pemerintah",
            "mengurus sertifikasi halal.",
        ),
    ],
)
def test_paste_of_a_news_site(paste, fields, first, last, gazetteer):
    draft = parse_pasted(paste, gazetteer=gazetteer)
    assert (draft.source, draft.author, draft.date, draft.location) == fields
    assert draft.body.startswith(first)
    assert draft.body.endswith(last)
    # The summary is the first sentence, without the dateline.
    assert draft.summary.split()[0] in ("Dinas", "Harga", "Pemerintah")
    for furniture in ("WIB", "Baca juga", "ADVERTISEMENT", "Editor", "©", "rrd"):
        assert furniture not in draft.body


def test_a_caption_block_before_the_dateline_is_the_caption(gazetteer):
    paste = DETIK.replace(
        "Senin, 04 Mei 2026 10:15 WIB\n",
        "Senin, 04 Mei 2026 10:15 WIB\n\nFoto: Petani menjemur kopi (Rina/detikcom)\n",
    )
    draft = parse_pasted(paste, gazetteer=gazetteer)
    assert draft.caption == "Petani menjemur kopi (Rina/detikcom)"
    assert draft.location == "Jakarta"
    assert draft.body.startswith("Jakarta - Dinas Perindustrian")
    assert draft.summary.startswith("Dinas Perindustrian")


def test_a_place_alone_opens_a_dateline_only_if_the_gazetteer_knows_it(gazetteer):
    draft = parse_pasted(
        "Judul\n\nPemerintah - lewat dinasnya - menjamin stok.\n", gazetteer=gazetteer
    )
    assert draft.location is None
    assert draft.summary == "Pemerintah - lewat dinasnya - menjamin stok."
