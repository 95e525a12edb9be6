"""Pasted text: datelines, captions, teasers and hard-wrapped paragraphs."""

import datetime as dt

import pytest

from warta.ingest.errors import IngestError
from warta.ingest.pasted import DATELINE, join_lines, parse_pasted
from warta.ingest.places import Gazetteer, Place


@pytest.mark.parametrize(
    ("line", "place", "source"),
    [
        (
            "BANDARLAMPUNG, Teraslampung.com — Dinas",
            "BANDARLAMPUNG",
            "Teraslampung.com",
        ),
        ("JAKARTA, KOMPAS.com - Menteri", "JAKARTA", "KOMPAS.com"),
        ("JAKARTA (ANTARA) - Menteri", "JAKARTA", "ANTARA"),
        ("KOTA AGUNG, Lampost.co -- Bupati", "KOTA AGUNG", "Lampost.co"),
        ("Metro (ANTARA Lampung) – Wali Kota", "Metro", "ANTARA Lampung"),
        ("MEDAN, Waspada.id- Gubernur", "MEDAN", "Waspada.id"),
    ],
)
def test_dateline(line, place, source):
    match = DATELINE.match(line)
    assert match["place"] == place
    assert (match["source"] or match["agency"]) == source


@pytest.mark.parametrize(
    "line",
    [
        "Kepala Dinas mengatakan, rapat - yang digelar kemarin - berjalan baik.",
        "Dia menambahkan (seperti dikutip) - bahwa",
        "Rp 5 miliar - Rp 6 miliar",
        # A hyphen inside a word is no dateline's dash.
        "Dulu, orang-orang Eropa menganggap sepak bola China menyenangkan.",
        "Investree, startup penyedia pinjaman peer-to-peer, meresmikan kantor.",
    ],
)
def test_not_a_dateline(line):
    assert DATELINE.match(line) is None


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        (["Satu dua", "tiga empat."], ["Satu dua tiga empat."]),
        (["Kalimat satu.", "Kalimat dua."], ["Kalimat satu.", "Kalimat dua."]),
        # A line ending a sentence, then one opening mid-sentence: same paragraph.
        (["Harga naik 5 persen.", "sedangkan ekspor turun."], None),
        # A quotation closed by its speaker on the next line.
        (["“Kami siap,”", "kata Bupati."], ["“Kami siap,” kata Bupati."]),
        (
            ["“Kami siap.”", "Bupati lalu pergi."],
            ["“Kami siap.”", "Bupati lalu pergi."],
        ),
        # An initial is not the end of a sentence.
        (
            ["Kepala Dinas Tonny O.L.", "Tobing hadir."],
            ["Kepala Dinas Tonny O.L. Tobing hadir."],
        ),
        (["Ditemui oleh Dr.", "Ahmad kemarin."], ["Ditemui oleh Dr. Ahmad kemarin."]),
    ],
)
def test_join_lines(lines, paragraphs):
    expected = paragraphs or [" ".join(lines)]
    assert join_lines(lines) == expected


PASTE = """Pabrik Kopi Baru Dibuka di Way Kanan

Peresmian pabrik, Kamis (3/4). WAY KANAN, Warta Daerah — Pemerintah Kabupaten Way Kanan meresmikan pabrik kopi...

Pabrik Kopi Baru Dibuka di Way Kanan
Peresmian pabrik, Kamis (3/4).
WAY KANAN, Warta Daerah — Pemerintah Kabupaten Way Kanan meresmikan pabrik kopi
di Kecamatan Blambangan Umpu, Kamis (3/4/2025). Pabrik itu menyerap
120 tenaga kerja.
Bupati mengatakan, pabrik
itu akan membeli kopi petani setempat.

Data Dinas Perdagangan
Nilai ekspor kopi daerah itu naik pada 2024.
"""


@pytest.fixture
def gazetteer():
    return Gazetteer({"waykanan": Place("Way Kanan", "Lampung")})


def test_paste_becomes_a_draft(gazetteer):
    draft = parse_pasted(PASTE, gazetteer=gazetteer)
    assert draft.title == "Pabrik Kopi Baru Dibuka di Way Kanan"
    assert draft.date == dt.date(2025, 4, 3)
    assert draft.source == "Warta Daerah"
    assert (draft.location, draft.region) == ("Way Kanan", "Lampung")
    assert draft.caption == "Peresmian pabrik, Kamis (3/4)."
    assert draft.body.split("\n\n") == [
        "WAY KANAN, Warta Daerah — Pemerintah Kabupaten Way Kanan meresmikan pabrik "
        "kopi di Kecamatan Blambangan Umpu, Kamis (3/4/2025). Pabrik itu menyerap "
        "120 tenaga kerja.",
        "Bupati mengatakan, pabrik itu akan membeli kopi petani setempat.",
        "## Data Dinas Perdagangan",
        "Nilai ekspor kopi daerah itu naik pada 2024.",
    ]
    assert "..." not in draft.body
    assert draft.slug == "pabrik-kopi-baru-dibuka-di-way-kanan"


def test_markdown_characters_in_text_stay_text():
    draft = parse_pasted(
        "Judul\n\nJAKARTA (ANTARA) - Harga *naik* <b>5</b> [persen].\n"
    )
    assert draft.body == (
        "JAKARTA (ANTARA) - Harga \\*naik\\* \\<b\\>5\\</b\\> \\[persen\\]."
    )


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\ufeff\u200b"])
def test_empty_text_is_refused(text):
    with pytest.raises(IngestError, match="empty"):
        parse_pasted(text, source_name="tempel.txt")


def test_title_only_is_refused():
    with pytest.raises(IngestError, match="no article text"):
        parse_pasted("Hanya judul\n", source_name="tempel.txt")
