"""Numbers and quantities as Indonesian news text writes them."""

from decimal import Decimal

import pytest

from warta.indicators.numbers import find_quantities, parse_number, trie_pattern


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("34,27", "34.27"),
        ("16,46", "16.46"),
        ("64", "64"),
        ("1.234", "1234"),
        ("1.234.567", "1234567"),
        ("2.716.497", "2716497"),
        ("1.234,5", "1234.5"),
        ("0,313", "0.313"),
        ("5.25", "5.25"),  # a dot not followed by groups of three: a decimal point
        ("12,345,678", "12345678"),  # English thousands
        ("12,345,678.9", "12345678.9"),
        ("2015", "2015"),
    ],
)
def test_parse_number(literal, expected):
    assert parse_number(literal) == Decimal(expected)


@pytest.mark.parametrize("literal", ["", "abc", "1.2.3", "1,,2"])
def test_parse_number_rejects_what_is_no_number(literal):
    with pytest.raises(ValueError, match="is not a number"):
        parse_number(literal)


M = 10**6
B = 10**9
T = 10**12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # percentages
        (
            "sebesar 34,27% serta 16,46%.",
            [(34.27, None, "percent"), (16.46, None, "percent")],
        ),
        ("naik 5 persen", [(5, None, "percent")]),
        ("naik 5.25 persen", [(5.25, None, "percent")]),
        ("turun 0,5 Persen", [(0.5, None, "percent")]),
        ("tumbuh minus 2,5 persen", [(-2.5, None, "percent")]),
        ("tercatat -2,15 persen", [(-2.15, None, "percent")]),
        ("tumbuh \u22120,5 persen", [(-0.5, None, "percent")]),
        ("(-1,2%)", [(-1.2, None, "percent")]),
        ("naik 2-3 persen", [(2, 3, "percent")]),
        # "plus minus": a figure's margin after it, "about" before one alone.
        ("inflasi 3% plus minus 1% tahun depan", [(3, None, "percent")]),
        ("inflasi 3 persen ± 1 persen", [(3, None, "percent")]),
        # ... whose unit a bare figure before it takes
        ("sasaran inflasi 2,5 plus minus 1 persen", [(2.5, None, "percent")]),
        ("dalam sasaran 2,5% dengan deviasi 1%", [(2.5, None, "percent")]),
        # a deviation standing alone is a figure
        ("mengalami deviasi positif sebesar 11,58 persen", [(11.58, None, "percent")]),
        ("di kisaran 2,5±1% pada 2025", [(2.5, None, "percent")]),
        ("hadir plus minus 200 orang", [(200, None, "person")]),
        # "-an": about so much ("Rp 100-an miliar": some Rp 100 billion).
        ("anggaran Rp 100-an miliar", [(100 * 1000 * M, None, "rupiah")]),
        ("harganya mulai Rp 19 jutaan", [(19 * M, None, "rupiah")]),
        ("senilai Rp 2 miliaran", [(2 * 1000 * M, None, "rupiah")]),
        # rupiah
        ("Rp 1,2 triliun", [(1.2 * T, None, "rupiah")]),
        ("Rp 10,3 kuadriliun", [(10.3 * 1000 * T, None, "rupiah")]),
        ("Rp1,2 T", [(1.2 * T, None, "rupiah")]),
        ("Rp. 5 miliar", [(5 * B, None, "rupiah")]),
        ("Rp5 M", [(5 * B, None, "rupiah")]),
        ("Rp 2.716.497", [(2_716_497, None, "rupiah")]),
        ("Rp500 ribu", [(500_000, None, "rupiah")]),
        ("Rp 750 rb", [(750_000, None, "rupiah")]),
        ("Rp 4,8 milyar", [(4.8 * B, None, "rupiah")]),
        ("5 miliar rupiah", [(5 * B, None, "rupiah")]),
        ("IDR 3 juta", [(3 * M, None, "rupiah")]),
        # dollars
        ("US$ 3 juta", [(3 * M, None, "usd")]),
        ("US$3 juta", [(3 * M, None, "usd")]),
        ("USD 3 juta", [(3 * M, None, "usd")]),
        ("3 juta dolar AS", [(3 * M, None, "usd")]),
        ("5,6 miliar dolar Amerika Serikat", [(5.6 * B, None, "usd")]),
        # counts and other units
        ("1.234.567 orang", [(1_234_567, None, "person")]),
        ("3.200 tenaga kerja", [(3200, None, "person")]),
        ("12.500 unit usaha IKM", [(12500, None, "unit")]),
        ("2,5 juta ton", [(2.5 * M, None, "tonnes")]),
        ("156.000 hektare", [(156_000, None, "hectares")]),
        ("4.500 KK", [(4500, None, "household")]),
        ("naik 50 poin", [(50, None, "index")]),
        # bare numbers are kept (the extractor decides) with no unit
        ("NTP 118,5", [(118.5, None, None)]),
        ("sebesar 2,5 juta", [(2.5 * M, None, None)]),
        # ranges
        ("5-6 persen", [(5, 6, "percent")]),
        ("5 – 6 persen", [(5, 6, "percent")]),
        ("5 hingga 6 persen", [(5, 6, "percent")]),
        ("5 sampai dengan 6 persen", [(5, 6, "percent")]),
        ("5 persen hingga 6 persen", [(5, 6, "percent")]),
        ("antara 5 dan 6 persen", [(5, 6, "percent")]),
        ("Rp 1-2 triliun", [(1 * T, 2 * T, "rupiah")]),
        ("Rp 5.000-Rp 10.000", [(5000, 10000, "rupiah")]),
        # "dan" joins a range only after "antara"
        (
            "Rp 5 miliar dan Rp 3 miliar",
            [(5 * B, None, "rupiah"), (3 * B, None, "rupiah")],
        ),
        # a year after a figure is not the end of a range
        ("5 persen hingga 2025", [(5, None, "percent")]),
        # an index's value "di level" with its decimals
        ("berada di level 53,56", [(53.56, None, None)]),
    ],
)
def test_quantities(text, expected):
    found = [(q.value, q.value_max, q.unit) for q in find_quantities(text)]
    assert found == [
        (pytest.approx(v), None if m is None else pytest.approx(m), u)
        for v, m, u in expected
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Senin (16/03/2015)",
        "Senin (16/3)",
        "tanggal 16-03-2015",
        "tanggal 2015-03-16",
        "16 Maret 2015",
        "Tahun Anggaran 2016",
        "pada 2015-2019",
        "pada 2014 IKM tumbuh",
        "pukul 10.00 WIB",
        "pukul 09.30",
        "jam 10:30",
        "berusia 45 tahun",
        "usia 60",
        "setebal 120 halaman",
        "Perda Nomor 5 Tahun 2015",
        "UU No. 3/2014",
        "Pasal 12 ayat 3",
        "telepon (0721) 482133",
        "hubungi 0812-3456-7890",
        "peringkat ke-3",
        "peringkat 5",
        "Sidang ke-3 di ruang 201",
        "COVID-19",
        "15 kabupaten",
        "sejauh 12 km",
        "naik dua kali lipat",
        "3 kali",
        "PPKM level 3",
    ],
)
def test_numbers_that_are_no_quantities(text):
    assert find_quantities(text) == []


def test_offsets_cover_the_quantity_as_written():
    text = "Nilai ekspor US$ 412 juta. Inflasi 3,05 persen."
    assert [text[q.start : q.end] for q in find_quantities(text)] == [
        "US$ 412 juta",
        "3,05 persen",
    ]


def test_trie_pattern_prefers_the_longer_word():
    assert trie_pattern(["unit", "unit usaha", "usaha"]) == (
        r"u(?:nit(?:\s+usaha)?|saha)"
    )
