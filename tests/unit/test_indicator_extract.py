"""Figures in Indonesian news text: indicator, value, unit, period, scope, kind.

Every sentence here was written for these tests.
"""

import datetime as dt
from pathlib import Path

import pytest

from warta.indicators import extract_figures, load_catalogue
from warta.indicators.extract import split_sentences

CATALOGUE = load_catalogue()
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-paste.txt"
SEED_END = (
    "Pada akhir 2013, IKM telah memberikan kontribusi terhadap PDB sektor industri "
    "sebesar 34,27% serta kontribusi ekspor IKM terhadap ekspor industri nasional "
    "sebesar 16,46%. sedangkan tahun 2014, estimasi populasi IKM 64% masih "
    "terkonsentrasi di pulau Jawa, dan prioritas pembangunan IKM di wilayah Sumatera "
    "dan Kalimantan. Pada tahun 2015-2019 dilakukan dengan pendekatan penumbuhan "
    "wirausaha baru serta peningkatan kemampuan kelembagaan sentra IKM."
)
SEED_FIGURES = [
    # indicator, value, unit, period, year, scope, kind
    (
        "ikm-share-industrial-gdp",
        34.27,
        "percent",
        "akhir 2013",
        2013,
        "nasional",
        "realised",
    ),
    (
        "ikm-share-industrial-exports",
        16.46,
        "percent",
        "akhir 2013",
        2013,
        "nasional",
        "realised",
    ),
    ("ikm-share-in-java", 64.0, "percent", "2014", 2014, "nasional", "estimate"),
]


def extract(text, **options):
    return extract_figures(text, catalogue=CATALOGUE, **options)


def indicator_ids(text, **options):
    return [figure.indicator_id for figure in extract(text, **options)]


def summary(figure):
    return (
        figure.indicator_id,
        figure.value,
        figure.unit,
        figure.period,
        figure.period_year,
        figure.scope,
        figure.kind,
    )


# --- the seed article ---------------------------------------------------------


@pytest.mark.parametrize("region", [None, "Lampung"])
def test_seed_end_yields_exactly_three_figures(region):
    figures = extract(SEED_END, article_date=dt.date(2015, 3, 16), region=region)
    assert [summary(f) for f in figures] == SEED_FIGURES
    assert [SEED_END[f.start : f.end] for f in figures] == ["34,27%", "16,46%", "64%"]
    assert all("2015-2019" not in f.text for f in figures)
    assert figures[2].quote.startswith("sedangkan tahun 2014, estimasi populasi IKM")


def test_whole_seed_paste_yields_the_same_three_figures():
    text = SEED.read_text(encoding="utf-8")
    figures = extract(text, article_date=dt.date(2015, 3, 16), region="Lampung")
    assert [(f.indicator_id, f.value, f.period_year) for f in figures] == [
        (indicator, value, year) for indicator, value, _, _, year, _, _ in SEED_FIGURES
    ]


def test_seed_dates_and_budget_year_are_not_figures():
    text = (
        "Rakor Dinas Perinustrian dengan Ditjen IKM di Balai Keratun, Senin (16/3). "
        "Rapat Koordinasi Penyusunan Program Revitalisasi dan Penumbuhan Industri Kecil "
        "Menengah (IKM) Tahun Anggaran 2016 di Ruang Abung Balai Keratun, Kompleks "
        "Pemprov Lampung,Senin\n(16/03/2015)."
    )
    assert extract(text, article_date=dt.date(2015, 3, 16)) == []


# --- which indicator, what value and unit -------------------------------------

M = 10**6
B = 10**9
T = 10**12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Inflasi Provinsi Lampung pada Januari 2024 tercatat 2,1 persen.",
            [("inflation", 2.1, "percent")],
        ),
        (
            "Pertumbuhan ekonomi Lampung triwulan III 2024 mencapai 4,8 persen.",
            [("economic-growth", 4.8, "percent")],
        ),
        (
            "Nilai ekspor Lampung pada Februari 2024 mencapai US$ 350,5 juta.",
            [("export-value", 350.5 * M, "usd")],
        ),
        (
            "Nilai impor Provinsi Lampung turun menjadi USD 120 juta.",
            [("import-value", 120 * M, "usd")],
        ),
        (
            "Realisasi investasi di Kabupaten Lampung Selatan sepanjang 2023 mencapai Rp 4,5 triliun.",
            [("investment-realisation", 4.5 * T, "rupiah")],
        ),
        (
            "Realisasi nilai investasi sektor swasta tahun 2025 mencapai Rp 60 triliun.",
            [("investment-realisation", 60 * T, "rupiah")],
        ),
        (
            "Pemerintah menargetkan nilai investasi baru sebesar Rp1,2 T tahun depan.",
            [("investment-value", 1.2 * T, "rupiah")],
        ),
        (
            "Jumlah IKM di Kota Metro mencapai 12.500 unit usaha.",
            [("ikm-count", 12500, "unit")],
        ),
        (
            "Industri makanan itu menyerap 3.200 tenaga kerja dari desa sekitar.",
            [("workers", 3200, "person")],
        ),
        (
            "Penyerapan tenaga kerja sektor industri mencapai 150 ribu orang.",
            [("workers", 150_000, "person")],
        ),
        (
            "Tingkat pengangguran terbuka Lampung pada Agustus 2023 sebesar 4,23 persen.",
            [("open-unemployment", 4.23, "percent")],
        ),
        (
            "Persentase penduduk miskin di Lampung turun menjadi 11,11 persen pada Maret 2023.",
            [("poverty", 11.11, "percent")],
        ),
        (
            "Jumlah penduduk miskin mencapai 1,05 juta jiwa.",
            [("poverty-count", 1.05 * M, "person")],
        ),
        (
            "Nilai tukar petani (NTP) Lampung pada Maret 2024 sebesar 118,5.",
            [("farmer-terms-of-trade", 118.5, "index")],
        ),
        (
            "PDRB Lampung atas dasar harga berlaku tahun 2023 mencapai Rp 483,7 triliun.",
            [("grdp", 483.7 * T, "rupiah")],
        ),
        (
            "Pertumbuhan PDRB Kabupaten Tanggamus tahun 2022 sebesar 4,1 persen.",
            [("grdp-growth", 4.1, "percent")],
        ),
        (
            "Pertumbuhan industri pengolahan nonmigas pada 2023 mencapai 4,64 persen.",
            [("industry-growth", 4.64, "percent")],
        ),
        (
            "Kontribusi industri pengolahan terhadap PDB nasional sebesar 18,67 persen.",
            [("industry-share-gdp", 18.67, "percent")],
        ),
        (
            "Kontribusi industri pengolahan terhadap PDRB Lampung mencapai 19,2 persen.",
            [("industry-share-grdp", 19.2, "percent")],
        ),
        (
            "Anggaran program revitalisasi IKM tahun 2016 sebesar Rp 2,5 miliar.",
            [("budget", 2.5 * B, "rupiah")],
        ),
        (
            "Penyaluran KUR di Lampung hingga Juni 2024 mencapai Rp 3,1 triliun.",
            [("credit-umkm", 3.1 * T, "rupiah")],
        ),
        (
            "Penyaluran kredit perbankan di Lampung tumbuh menjadi Rp 95 triliun.",
            [("bank-credit", 95 * T, "rupiah")],
        ),
        (
            "Upah minimum provinsi Lampung 2024 ditetapkan Rp 2.716.497 per bulan.",
            [("minimum-wage", 2_716_497, "rupiah")],
        ),
        (
            "Bank Indonesia mempertahankan BI Rate di level 6 persen.",
            [("policy-rate", 6, "percent")],
        ),
        (
            "Kurs rupiah ditutup melemah ke Rp 16.250 per dolar AS.",
            [("exchange-rate", 16_250, "rupiah")],
        ),
        (
            "Produksi padi Lampung tahun 2023 diperkirakan mencapai 2,7 juta ton gabah kering giling.",
            [("rice-production", 2.7 * M, "tonnes")],
        ),
        (
            "Rasio gini Provinsi Lampung pada September 2023 sebesar 0,313.",
            [("gini-ratio", 0.313, "index")],
        ),
        (
            "Indeks pembangunan manusia (IPM) Lampung 2023 mencapai 72,48.",
            [("human-development-index", 72.48, "index")],
        ),
        (
            "Kunjungan wisatawan mancanegara ke Lampung naik menjadi 25.000 orang.",
            [("tourist-arrivals", 25_000, "person")],
        ),
        (
            "Pendapatan asli daerah (PAD) Kota Metro tahun ini ditargetkan Rp 250 miliar.",
            [("regional-revenue", 250 * B, "rupiah")],
        ),
        (
            "Jumlah UMKM di Lampung tercatat 1,3 juta unit.",
            [("umkm-count", 1.3 * M, "unit")],
        ),
        (
            "Sebanyak 1.250 unit usaha IKM tersebar di 15 kabupaten.",
            [("ikm-count", 1250, "unit")],
        ),
        (
            "Pemerintah akan mengalokasikan anggaran Rp 10 miliar untuk pelatihan.",
            [("budget", 10 * B, "rupiah")],
        ),
        # Two figures, two indicators, one sentence.
        (
            "Inflasi Lampung 3,1 persen dan pertumbuhan ekonomi 5,2 persen.",
            [("inflation", 3.1, "percent"), ("economic-growth", 5.2, "percent")],
        ),
        (
            "Sektor industri tumbuh 4,5 persen, lebih rendah dari pertumbuhan ekonomi nasional 5,05 persen.",
            [("industry-growth", 4.5, "percent"), ("economic-growth", 5.05, "percent")],
        ),
        (
            "Realisasi PMDN di Lampung pada semester I 2024 mencapai Rp 5,6 triliun, sedangkan realisasi PMA sebesar US$ 120 juta.",
            [
                ("investment-realisation", 5.6 * T, "rupiah"),
                ("investment-realisation", 120 * M, "usd"),
            ],
        ),
        (
            "Nilai ekspor naik 12 persen menjadi US$ 3 juta.",
            [("export-growth", 12, "percent"), ("export-value", 3 * M, "usd")],
        ),
        # A figure without a phrase takes the indicator of the one before it
        # when only linking words, places and periods stand between them.
        (
            "Inflasi Kabupaten Lampung Tengah 2,1 persen, sementara itu Kota Metro 2,5 persen.",
            [("inflation", 2.1, "percent"), ("inflation", 2.5, "percent")],
        ),
        (
            "Inflasi Lampung 3 persen, sedangkan harga cabai naik 10 persen.",
            [("inflation", 3, "percent"), (None, 10, "percent")],
        ),
        (
            "Inflasi Januari 2,1 persen dan Februari 2,3 persen.",
            [("inflation", 2.1, "percent"), ("inflation", 2.3, "percent")],
        ),
        # Economic statements that match no indicator are kept unclassified.
        (
            "Harga cabai merah di pasar tradisional naik menjadi Rp 60.000 per kilogram.",
            [(None, 60_000, "rupiah")],
        ),
        (
            "Omzet sentra kerajinan tapis meningkat 25 persen.",
            [(None, 25, "percent")],
        ),
        (
            "Ekspor kopi Lampung ke Jepang mencapai 25.000 ton.",
            [(None, 25_000, "tonnes")],
        ),
        (
            "Kredit UMKM yang disalurkan perbankan tumbuh 8,5 persen.",
            [(None, 8.5, "percent")],
        ),
        # The industry's indices, by their level; a change in points is none.
        (
            "Indeks Kepercayaan Industri (IKI) Mei 2026 berada di level 53,56,"
            " naik sebesar 1,05 poin dari bulan sebelumnya.",
            [("industry-confidence-index", 53.56, "index"), (None, 1.05, "index")],
        ),
        # Its export or domestic part is not the index.
        ("IKI domestik mencapai 53,46 dan mengalami percepatan 2,56 poin.", []),
        (
            "PMI manufaktur Indonesia pada Juli 2025 di level 49,2.",
            [("manufacturing-pmi", 49.2, "index")],
        ),
        ("Sebanyak 300 PMI asal Lampung dipulangkan pada 2025.", []),
        # A change and the level it brings: the level is the indicator's.
        (
            "NTP naik 1,2 poin menjadi 122,64.",
            [(None, 1.2, "index"), ("farmer-terms-of-trade", 122.64, "index")],
        ),
        # ... not where a longer subject leads to the change.
        (
            "Perseroan mencatat kenaikan pendapatan investasi sebesar 73,51%"
            " menjadi US$5,47 juta.",
            [(None, 73.51, "percent"), (None, 5.47 * M, "usd")],
        ),
        # A phrase right after a figure names the figure after the phrase.
        (
            "Bunga naik menjadi 12,5% saat inflasi melonjak 17%.",
            [(None, 12.5, "percent"), ("inflation", 17, "percent")],
        ),
    ],
)
def test_indicator_value_and_unit(text, expected):
    found = [(f.indicator_id, f.value, f.unit) for f in extract(text)]
    assert found == [(i, pytest.approx(v), u) for i, v, u in expected]


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit"),
    [
        ("Pertumbuhan ekonomi 2025 diproyeksikan 5-6 persen.", 5, 6, "percent"),
        ("Inflasi diperkirakan 2,5 hingga 3,5 persen.", 2.5, 3.5, "percent"),
        ("Inflasi diperkirakan antara 2 dan 3 persen.", 2, 3, "percent"),
        ("Nilai investasi Rp 1 triliun-Rp 2 triliun.", 1e12, 2e12, "rupiah"),
        ("Pertumbuhan ekonomi minus 2,5 persen.", -2.5, None, "percent"),
        ("Pertumbuhan ekonomi tercatat -2,15 persen.", -2.15, None, "percent"),
    ],
)
def test_ranges_and_signs(text, value, value_max, unit):
    (figure,) = extract(text)
    assert (figure.value, figure.value_max, figure.unit) == (value, value_max, unit)


# --- period -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "period", "year", "source"),
    [
        (
            "Pertumbuhan ekonomi Q3 2024 sebesar 5 persen.",
            None,
            "triwulan III 2024",
            2024,
            "clause",
        ),
        (
            "Ekspor Lampung Januari 2024 turun 8,2 persen dibanding Desember 2023.",
            None,
            "Januari 2024",
            2024,
            "clause",
        ),
        (
            "Pada akhir 2013, ekspor IKM naik 5 persen.",
            None,
            "akhir 2013",
            2013,
            "clause",
        ),
        (
            "Pertumbuhan ekonomi pada triwulan III 2024 sebesar 4,95 persen.",
            None,
            "triwulan III 2024",
            2024,
            "clause",
        ),
        (
            "Pada kuartal II, ekonomi Lampung tumbuh 5,1 persen.",
            "2024-08-05",
            "triwulan II 2024",
            2024,
            "clause",
        ),
        (
            "Inflasi semester I 2023 tercatat 1,2 persen.",
            None,
            "semester I 2023",
            2023,
            "clause",
        ),
        (
            "Nilai investasi periode 2015-2019 ditargetkan Rp 50 triliun.",
            None,
            "2015-2019",
            2019,
            "clause",
        ),
        (
            "Inflasi Januari-Maret 2024 mencapai 0,9 persen.",
            None,
            "Januari-Maret 2024",
            2024,
            "clause",
        ),
        (
            "Inflasi Januari 2024 sebesar 0,64 persen.",
            None,
            "Januari 2024",
            2024,
            "clause",
        ),
        (
            "Pertumbuhan ekonomi tahun 2014 mencapai 5,08 persen.",
            None,
            "2014",
            2014,
            "clause",
        ),
        (
            "Realisasi investasi per 31 Desember 2023 mencapai Rp 12 triliun.",
            None,
            "31 Desember 2023",
            2023,
            "clause",
        ),
        (
            "Data itu dirilis untuk tahun 2022. Inflasi tercatat 5,2 persen.",
            "2023-02-01",
            "2022",
            2022,
            "previous sentence",
        ),
        ("Inflasi tercatat 3,3 persen.", "2024-02-01", "2024", 2024, "article"),
        ("Inflasi tercatat 3,3 persen.", None, None, None, None),
        (
            "Inflasi tahun lalu mencapai 2,6 persen.",
            "2024-02-01",
            "2023",
            2023,
            "clause",
        ),
        (
            "Pada bulan Mei, inflasi tercatat 0,2 persen.",
            "2024-06-03",
            "Mei 2024",
            2024,
            "clause",
        ),
        (
            "Sesuai Perda Nomor 5 Tahun 2015, retribusi pasar naik 10 persen.",
            "2016-01-10",
            "2016",
            2016,
            "article",
        ),
        (
            "Pertumbuhan ekonomi 4,9 persen, sedangkan inflasi pada 2023 sebesar 3 persen.",
            None,
            "2023",
            2023,
            "sentence",
        ),
        # A period the figure is likened to or set against is none of it.
        (
            "Dolar AS tembus Rp 17.700, berbeda dengan 1998.",
            "2026-05-22",
            "22 Mei 2026",
            2026,
            "article",
        ),
        (
            "Penerimaan cukai pada tahun 2020 akan sama dengan tahun 2019 atau "
            "sekitar Rp165 triliun.",
            "2020-03-01",
            "2020",
            2020,
            "clause",
        ),
        (
            "Inflasi tercatat 3 persen seperti pada 2024.",
            "2026-05-22",
            "2026",
            2026,
            "article",
        ),
        # The year since which is no period of the figure.
        (
            "Pada kuartal I lalu, pertumbuhan ekonomi negeri ginseng turun 1,4 persen,"
            " terburuk sejak krisis ekonomi global 2008.",
            "2020-06-30",
            "triwulan I 2020",
            2020,
            "clause",
        ),
        # A month right after the indicator it is of.
        (
            "Inflasi Juni tercatat 0,69 persen.",
            "2017-07-03",
            "Juni 2017",
            2017,
            "clause",
        ),
        # A month later in the year than the article's: last year's, for an
        # indicator's realised figure; this year's for an expected one, and
        # for a figure of no indicator (a price from March).
        (
            "Pada Desember Lampung membukukan ekspor sebesar US$ 13,8 juta.",
            "2018-01-15",
            "Desember 2017",
            2017,
            "clause",
        ),
        (
            "Pertumbuhan ekonomi triwulan IV sebesar 5,1 persen.",
            "2018-02-06",
            "triwulan IV 2017",
            2017,
            "clause",
        ),
        (
            "Inflasi pada bulan Desember diperkirakan 0,5 persen.",
            "2018-11-03",
            "Desember 2018",
            2018,
            "clause",
        ),
        (
            "Harga tiket pesawat naik 13 persen mulai bulan Maret.",
            "2018-01-02",
            "Maret 2018",
            2018,
            "clause",
        ),
        # A year in the sentence dates the month, whatever the article's date.
        (
            "Pada Desember 2018 inflasi tercatat 0,5 persen.",
            "2018-01-02",
            "Desember 2018",
            2018,
            "clause",
        ),
        # A daily figure (the exchange rate) with no period of its own: the
        # day its sentence writes in figures, else one close before, else the
        # article's; a period it names stays, and an expected one is no day's.
        (
            "Dikutip dari data Bloomberg, Kamis (28/5/2026), dolar AS berada di "
            "level Rp 17.949.",
            "2026-05-29",
            "28 Mei 2026",
            2026,
            "sentence",
        ),
        (
            "Pada penutupan Jumat (11/7), dolar AS berada di level Rp 16.224.",
            "2025-07-14",
            "11 Juli 2025",
            2025,
            "sentence",
        ),
        (
            "Senin (7/7/2025), rupiah dibuka melemah. Dolar AS berada di level "
            "Rp 16.216.",
            "2025-07-08",
            "7 Juli 2025",
            2025,
            "previous sentence",
        ),
        (
            "Mata uang Paman Sam pagi ini bergerak di level Rp 16.300.",
            "2025-07-21",
            "21 Juli 2025",
            2025,
            "article",
        ),
        (
            "Nilai tukar rupiah pada Maret 2025 rata-rata Rp 16.500.",
            "2025-07-21",
            "Maret 2025",
            2025,
            "clause",
        ),
        (
            "Dolar AS diperkirakan menembus Rp 18.000.",
            "2026-05-29",
            "2026",
            2026,
            "article",
        ),
    ],
)
def test_period(text, date, period, year, source):
    figure = extract(text, article_date=date)[0]
    assert (figure.period, figure.period_year, figure.period_from) == (
        period,
        year,
        source,
    )


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # A flow "hingga" a day or a month: the year to that month.
        (
            "Realisasi penyaluran KUR hingga 30 April 2026 mencapai Rp 112,49 triliun.",
            ["Januari-April 2026"],
        ),
        (
            "Sampai 31 Agustus 2025, APBN mengalami defisit Rp 321,6 triliun.",
            ["Januari-Agustus 2025"],
        ),
        (
            "Realisasi belanja mencapai Rp 800 triliun hingga September.",
            ["Januari-September 2026"],
        ),
        ("Nilai ekspor s/d Mei 2026 mencapai US$ 100 miliar.", ["Januari-Mei 2026"]),
        # January is a month of its own; a span's second end is no year to
        # date; a level or a stock is of that day
        ("Ekspor hingga Januari 2026 mencapai US$ 20 miliar.", ["Januari 2026"]),
        (
            "Penyaluran KUR periode 16 Maret sampai dengan 24 Juni 2020 mencapai "
            "Rp 4 triliun.",
            ["24 Juni 2020"],
        ),
        (
            "Tingkat kemiskinan hingga Maret 2026 tercatat 8,2 persen.",
            ["Maret 2026"],
        ),
        ("Nilai ekspor per 30 April 2026 mencapai US$ 90 miliar.", ["30 April 2026"]),
    ],
)
def test_a_flow_to_a_day_is_of_the_year_to_that_month(text, periods):
    figures = extract(text, article_date="2026-11-20")
    assert [f.period for f in figures if f.indicator_id] == periods


def test_each_figure_takes_the_period_that_follows_it():
    text = (
        "Ekonomi Lampung tumbuh dari 4,5 persen pada 2022 menjadi 4,9 persen pada 2023."
    )
    figures = extract(text)
    assert [(f.indicator_id, f.value, f.period) for f in figures] == [
        ("economic-growth", 4.5, "2022"),
        ("economic-growth", 4.9, "2023"),
    ]


# --- scope --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "region", "scopes"),
    [
        ("Inflasi nasional pada Mei 2024 sebesar 2,84 persen.", None, ["nasional"]),
        (
            "Pertumbuhan ekonomi Indonesia tahun 2023 sebesar 5,05 persen.",
            None,
            ["nasional"],
        ),
        (
            "Pertumbuhan ekonomi Provinsi Lampung mencapai 4,8 persen.",
            None,
            ["Lampung"],
        ),
        ("Pertumbuhan ekonomi Lampung mencapai 4,8 persen.", "Jawa Barat", ["Lampung"]),
        (
            "Inflasi di Kabupaten Lampung Selatan sebesar 3 persen.",
            None,
            ["Kabupaten Lampung Selatan"],
        ),
        ("Inflasi Kota Metro sebesar 2,5 persen.", None, ["Kota Metro"]),
        # Where a quote was said is no place of its figures.
        (
            '"Pertumbuhan ekonomi optimis di angka 6%," kata dia dalam konferensi pers'
            " di Kantor DJP, Jakarta, Senin (20/10/2026).",
            None,
            [None],
        ),
        (
            "Tingkat kemiskinan di Jakarta mencapai 4,28 persen, kata Kepala BPS di"
            " Bandung.",
            None,
            ["Daerah Khusus Ibukota Jakarta"],
        ),
        (
            "Di Lampung Selatan, jumlah IKM mencapai 4.300 unit.",
            None,
            ["Kabupaten Lampung Selatan"],
        ),
        (
            "Inflasi Jawa Timur pada April 2024 sebesar 3,1 persen.",
            None,
            ["Jawa Timur"],
        ),
        (
            "Inflasi DKI Jakarta tercatat 2,3 persen.",
            None,
            ["Daerah Khusus Ibukota Jakarta"],
        ),
        (
            "Sekitar 58 persen industri pengolahan berada di pulau Jawa.",
            None,
            ["Pulau Jawa"],
        ),
        ("Inflasi tercatat 2,9 persen.", "Lampung", ["Lampung"]),
        ("Menurut Bank Indonesia, inflasi tercatat 3 persen.", None, [None]),
        (
            "Inflasi Lampung 3 persen, lebih tinggi dari inflasi nasional 2,8 persen.",
            None,
            ["Lampung", "nasional"],
        ),
        (
            "Laju inflasi tahunan Kota Bandar Lampung sebesar 2,85 persen.",
            None,
            ["Kota Bandar Lampung"],
        ),
        # A place in a phrase's gap is the scope...
        (
            "Jumlah IKM di Lampung Selatan tahun 2015 sebanyak 4.300 unit.",
            None,
            ["Kabupaten Lampung Selatan"],
        ),
        # ...but a place named by the indicator's own words is not.
        (
            "Tahun ini sekitar 60 persen IKM masih terkonsentrasi di pulau Jawa.",
            "Lampung",
            ["nasional"],
        ),
        # Another country's figure is left out; a trading partner, an origin
        # or a currency is no figure's place, nor a country compared after it.
        ("Inflasi Amerika Serikat (AS) mencapai 3 persen.", "Lampung", []),
        ("Inflasi di Malaysia sebesar 2,4 persen.", None, []),
        # so is a part of the world Indonesia is not in, but for a partner
        ("Pertumbuhan ekonomi Eropa mencapai 1 persen.", None, []),
        ("Nilai ekspor Lampung ke Eropa mencapai US$ 5 juta.", None, ["Lampung"]),
        (
            "Nilai ekspor Lampung ke AS mencapai US$ 20 juta.",
            None,
            ["Lampung"],
        ),
        (
            "Nilai tukar rupiah terhadap dolar Amerika Serikat (AS) Rp 16.500.",
            None,
            ["nasional"],
        ),
        (
            "Inflasi Indonesia 2 persen, lebih rendah dari Argentina 33,6 persen.",
            None,
            ["nasional"],
        ),
        # RI and the state budget (APBN) are the country's.
        ("Ekonomi RI tumbuh 5,6 persen.", "Lampung", ["nasional"]),
        # So is the state's own money; not another state's.
        (
            "Untuk membayar bunga utang negara, Menkeu menyiapkan anggaran Rp 599"
            " triliun.",
            "Lampung",
            ["nasional"],
        ),
        (
            "Dana itu berasal dari anggaran negara Singapura sebesar Rp 4,4 triliun.",
            "Lampung",
            [],
        ),
        (
            "Dalam APBN 2026, anggaran BGN ditetapkan Rp 268 triliun.",
            "Lampung",
            ["nasional"],
        ),
        # The capital's special region, by name or acronym.
        (
            "Pembangunan IKN dengan alokasi anggaran Rp 18,12 triliun.",
            None,
            ["Ibu Kota Nusantara"],
        ),
        (
            "Realisasi investasi di Ibu Kota Nusantara Rp 60 triliun.",
            "Kalimantan Timur",
            ["Ibu Kota Nusantara"],
        ),
        # An export "dari" a country is that country's; an import from one
        # is ours.
        ("Ekspor iPhone dari China turun 72 persen pada April.", "Lampung", []),
        ("Impor gandum dari Australia mencapai US$ 20 juta.", "Lampung", ["Lampung"]),
        # a name set aside as a whole, none of its words a country of its own
        (
            "Ekspor terbesar ke Republik Rakyat Tiongkok (RRT) mencapai 1,36 "
            "miliar dolar AS.",
            "Lampung",
            ["Lampung"],
        ),
        # "AS" as a person's initials.
        (
            "Tersangka AS menerima anggaran Rp 5 miliar di Lampung.",
            None,
            ["Lampung"],
        ),
    ],
)
def test_scope(text, region, scopes):
    assert [f.scope for f in extract(text, region=region)] == scopes


# --- kind ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Pertumbuhan ekonomi 2025 ditargetkan 5,5 persen.", ["target"]),
        ("Target pertumbuhan industri tahun ini 5 persen.", ["target"]),
        ("Perseroan membidik nilai ekspor US$ 5 juta tahun ini.", ["target"]),
        ("Investasi yang dibidik mencapai Rp 160 triliun.", ["target"]),
        ("Pertumbuhan ekonomi tahun depan diproyeksikan 5,2 persen.", ["projection"]),
        ("Inflasi akhir tahun diperkirakan 3 persen.", ["estimate"]),
        ("Estimasi nilai ekspor mencapai US$ 2 miliar.", ["estimate"]),
        ("Pemerintah akan menyalurkan KUR sebesar Rp 5 triliun.", ["projection"]),
        (
            "Realisasi investasi mencapai Rp 5 triliun atau 110 persen dari target.",
            ["realised", "realised"],
        ),
        ("Target realisasi investasi tahun ini Rp 10 triliun.", ["target"]),
        # set against a target, the figure after names the target itself
        (
            "Realisasi investasi Rp 12 triliun, melampaui target Rp 10 triliun.",
            ["realised", "target"],
        ),
        (
            "Angka kemiskinan ditargetkan turun ke 6-6,5% dari target sebelumnya "
            "6,5-7,5%.",
            ["target", "target"],
        ),
        ("Pemerintah bakal menggelontorkan anggaran Rp 100,1 triliun.", ["projection"]),
        ("Ekspor tahun 2018 diharapkan bisa tumbuh 5,1 persen.", ["projection"]),
        (
            "Mata uang Garuda berpotensi melemah hingga Rp 18.000 per dolar AS.",
            ["projection"],
        ),
        (
            "Besar kemungkinan dolar AS tembus hingga ke level Rp 18.000.",
            ["projection"],
        ),
        ("Pertumbuhan ekonomi tercatat 5 persen.", ["realised"]),
        (
            "Investasi Rp 5 triliun yang ditargetkan masuk tahun ini belum tercapai.",
            ["target"],
        ),
        (
            "Pertumbuhan ekonomi Q3 2024 sebesar 5 persen dan TW-IV diperkirakan 5,1 persen.",
            ["realised", "estimate"],
        ),
        # an expected change starts from the value now, unless the figures
        # are targets revised
        (
            "Ekonom memproyeksikan BI akan memangkas BI Rate dari 5,75% menjadi 5,5%.",
            ["realised", "projection"],
        ),
        (
            "Pertumbuhan kredit tahun ini diperkirakan direvisi dari 12 persen "
            "menjadi 12,6 persen.",
            ["estimate", "estimate"],
        ),
    ],
)
def test_kind(text, kinds):
    assert [f.kind for f in extract(text)] == kinds


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # nothing has happened yet in a period still to come: a forecast ...
        (
            "Saya yakin ekonomi Indonesia dapat tumbuh 5,8-6,5% di 2027 menuju "
            "pertumbuhan ekonomi 8% pada 2029.",
            "2026-05-20",
            [("2027", "projection"), ("2029", "projection")],
        ),
        (
            "Inflasi Juni 2026 sebesar 2,1 persen.",
            "2026-05-20",
            [("Juni 2026", "projection")],
        ),
        # ... and next year's budget a plan
        (
            "Pagu anggaran Kemenkeu tahun 2026 sebesar Rp 52 triliun.",
            "2025-09-11",
            [("2026", "target")],
        ),
        # a period begun or past is realised; a word of its kind still rules
        (
            "Pertumbuhan ekonomi 2026 sebesar 5,6 persen.",
            "2026-05-20",
            [("2026", "realised")],
        ),
        (
            "Kebutuhan investasi 2025-2029 mencapai Rp 10.300 triliun.",
            "2026-05-20",
            [("2025-2029", "realised")],
        ),
        (
            "Pertumbuhan ekonomi 2027 ditargetkan 6,5 persen.",
            "2026-05-20",
            [("2027", "target")],
        ),
        (
            "Anggaran 2018 terealisasi Rp 5 triliun.",
            "2017-09-02",
            [("2018", "realised")],
        ),
    ],
)
def test_a_period_still_to_come_is_expected_not_realised(text, date, expected):
    figures = extract(text, article_date=date)
    assert [(f.period, f.kind) for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "diperkirakan" of a period not yet over: a forecast
        (
            "Pertumbuhan ekonomi diperkirakan 4,8% pada tahun ini.",
            [("2025", "projection")],
        ),
        (
            "Inflasi Oktober diperkirakan sebesar 0,2 persen.",
            [("Oktober 2025", "projection")],
        ),
        # ... of one that is over: an estimate
        (
            "Pertumbuhan ekonomi kuartal III-2025 diperkirakan 5,1%.",
            [("triwulan III 2025", "estimate")],
        ),
        (
            "Pertumbuhan ekonomi 2024 diperkirakan sebesar 5,0 persen.",
            [("2024", "estimate")],
        ),
        # a figure of no indicator (a loss) stays an estimate
        (
            "Kasus itu ditaksir merugikan negara hingga Rp 2,3 triliun.",
            [("2025", "estimate")],
        ),
    ],
)
def test_an_estimate_of_a_period_not_yet_over_is_a_projection(text, expected):
    figures = extract(text, article_date="2025-10-10")
    assert [(f.period, f.kind) for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a realised figure the article's date alone dates takes the period of
        # the same indicator's figure before it
        (
            "Tingkat kemiskinan turun ke 8,47 persen pada Maret 2025. Jumlah itu"
            " disambut baik. Di desa, tingkat kemiskinan mencapai 11,03%.",
            [("8,47 persen", "Maret 2025"), ("11,03%", "Maret 2025")],
        ),
        # not the value a change starts from, an earlier period's
        (
            "Tingkat kemiskinan turun ke 8,47 persen pada Maret 2025. Jumlah itu"
            " disambut baik. Di kota, tingkat kemiskinan naik dari 6,66 persen"
            " menjadi 6,73 persen.",
            [
                ("8,47 persen", "Maret 2025"),
                ("6,66 persen", "2025"),
                ("6,73 persen", "Maret 2025"),
            ],
        ),
        # nor another indicator's period, a target's, an event's day or a span
        (
            "Inflasi Juli 2025 sebesar 2,3 persen. Jumlah itu disambut baik."
            " Tingkat kemiskinan mencapai 8,47 persen.",
            [("2,3 persen", "Juli 2025"), ("8,47 persen", "2025")],
        ),
        (
            "Pertumbuhan ekonomi 2026 ditargetkan 5,4 persen. Jumlah itu disambut"
            " baik. Pertumbuhan ekonomi tercatat 5,1 persen.",
            [("5,4 persen", "2026"), ("5,1 persen", "2025")],
        ),
        (
            "Proyek itu diresmikan pada 21 Mei 2025 dengan 300 tenaga kerja."
            " Jumlah itu disambut baik. Sektor itu menyerap 8,5 juta tenaga kerja.",
            [("300 tenaga kerja", "21 Mei 2025"), ("8,5 juta tenaga kerja", "2025")],
        ),
    ],
)
def test_a_figure_dated_by_the_article_alone_takes_its_indicators_last_period(
    text, expected
):
    figures = extract(text, article_date="2025-08-07")
    assert [(f.text, f.period) for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one statement of two periods is a figure of each
        (
            "Pertumbuhan ekonomi diperkirakan hanya 4,8% pada tahun ini dan tahun "
            "depan.",
            [(4.8, "2025"), (4.8, "2026")],
        ),
        (
            "BI memperkirakan inflasi di kisaran 2,5±1% pada 2025 dan 2026.",
            [(2.5, "2025"), (2.5, "2026")],
        ),
        # each figure its own period; a span is one period
        (
            "Pertumbuhan ekonomi 5,2% di 2025 dan 5,4% di 2026.",
            [(5.2, "2025"), (5.4, "2026")],
        ),
        ("Pertumbuhan ekonomi 5 persen antara tahun 2011 dan 2012.", [(5, "2011")]),
        # a figure of no indicator is not doubled
        ("Penggelapan pajak Rp 48,9 miliar pada 2011 dan 2012.", [(48.9e9, "2011")]),
    ],
)
def test_a_figure_of_two_joined_periods_is_one_of_each(text, expected):
    figures = extract(text, article_date="2025-10-10")
    assert [(f.value, f.period) for f in figures] == expected


# --- falls: a contraction, a deflation, a fall of exports ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pertumbuhan ekonomi NTB mengalami kontraksi sebesar 1,47 persen.",
            [("economic-growth", -1.47, None)],
        ),
        (
            "Ekonomi Indonesia terkontraksi 5,32 persen pada triwulan II 2020.",
            [("economic-growth", -5.32, None)],
        ),
        # Already negative: stays so.
        (
            "Ekonomi Indonesia terkontraksi minus 5,32 persen.",
            [("economic-growth", -5.32, None)],
        ),
        (
            "Ekonomi Lampung tumbuh negatif 2,1 persen.",
            [("economic-growth", -2.1, None)],
        ),
        ("Ekonomi Lampung tumbuh 5,1 persen.", [("economic-growth", 5.1, None)]),
        (
            "Ekonomi diperkirakan terkontraksi 1-2 persen.",
            [("economic-growth", -2, -1)],
        ),
        ("Lampung mengalami deflasi 0,12 persen.", [("inflation", -0.12, None)]),
        (
            "Pada Mei 2025 terjadi deflasi sebesar 0,12 persen.",
            [("inflation", -0.12, None)],
        ),
        ("Inflasi Lampung Mei 2025 sebesar 0,12 persen.", [("inflation", 0.12, None)]),
        # Named by the fall itself, a few words before.
        ("Deflasi terjadi di Papua 0,34 persen.", [("inflation", -0.34, None)]),
        # A commodity's share of it is no figure of it.
        (
            "Bawang putih memberikan andil deflasi sebesar 0,03 persen.",
            [(None, 0.03, None)],
        ),
        ("Ekspor Lampung turun 10 persen.", [("export-growth", -10, None)]),
        ("Ekspor Lampung anjlok 12,5 persen.", [("export-growth", -12.5, None)]),
        ("Ekspor Lampung naik 10 persen.", [("export-growth", 10, None)]),
        # A phrase's gap stays in one clause: a price's rise after "ekspor,".
        ("Saat kita stop ekspor, CPO naik 100 persen.", [(None, 100, None)]),
        # ... though it may cross an aside between commas.
        (
            "Ekspor kopi Lampung, menurut BPS, naik 10 persen.",
            [("export-growth", 10, None)],
        ),
        # A phrase that opens with a fall.
        (
            "Penurunan itu disebabkan turunnya ekspor nonmigas sebesar 6,21 persen.",
            [("export-growth", -6.21, None)],
        ),
        (
            "Penurunan ekspor sebesar 10 persen terjadi pada Mei.",
            [("export-growth", -10, None)],
        ),
        (
            "Kenaikan ekspor sebesar 10 persen terjadi pada Mei.",
            [("export-growth", 10, None)],
        ),
        # A fall noun after the subject.
        (
            "Kinerja ekspor pada Februari 2017 mengalami penurunan sebesar 6,17 persen.",
            [("export-growth", -6.17, None)],
        ),
        # A fall from one level to another: the levels, as written.
        (
            "Pertumbuhan ekspor turun dari 10 persen menjadi 5 persen.",
            [("export-growth", 10, None), ("export-growth", 5, None)],
        ),
        # Another indicator's figure after a fall word: as written.
        ("Ekspor turun menjadi US$ 4 miliar.", [("export-value", 4e9, None)]),
    ],
)
def test_a_fall_is_a_negative_figure(text, expected):
    assert [(f.indicator_id, f.value, f.value_max) for f in extract(text)] == expected


# --- a rise or fall right after a figure: its change ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nilai ekspor Jateng Januari-Agustus 2025 mencapai US$ 7,95 miliar,"
            " naik 10 persen dibanding tahun lalu.",
            [("export-value", 7.95e9), ("export-growth", 10)],
        ),
        (
            "Nilai ekspor Lampung Mei 2025 mencapai US$ 500 juta, turun 10 persen.",
            [("export-value", 5e8), ("export-growth", -10)],
        ),
        (
            "PDRB Lampung Rp 483 triliun, tumbuh 4,5 persen.",
            [("grdp", 4.83e14), ("grdp-growth", 4.5)],
        ),
        # A change of an indicator with none on file is no other's figure.
        (
            "Garis kemiskinan Lampung September 2024 Rp 559.312 per kapita per"
            " bulan, naik 2,1 persen.",
            [("poverty-line", 559312), (None, 2.1)],
        ),
        (
            "Inflasi Lampung 2,5 persen, turun 0,3 persen.",
            [("inflation", 2.5), (None, 0.3)],
        ),
        # The value of a comparison's base is another period's: no figure
        # unless the base names it with its year (below).
        (
            "Rata-rata upah buruh Februari 2025 Rp 2.377.411, naik 0,52 persen"
            " dibanding sebelumnya yang sebesar Rp 2.365.102.",
            [("average-wage", 2377411), (None, 0.52), (None, 2365102)],
        ),
        # A share, or another subject's rise, is no change of it.
        (
            "Ekspor Lampung mencapai US$ 500 juta atau 12 persen dari total ekspor.",
            [("export-value", 5e8), (None, 12)],
        ),
        (
            "Ekspor Lampung US$ 500 juta, sedangkan impor naik 5 persen.",
            [("export-value", 5e8), ("import-growth", 5)],
        ),
    ],
)
def test_a_rise_or_fall_after_a_figure_is_its_change(text, expected):
    assert [(f.indicator_id, f.value) for f in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A value right after its base period is that period's.
        (
            "Inflasi Juli 2025 sebesar 2,37%, naik dibandingkan Juli 2024 sebesar 2,13%.",
            [("Juli 2025", "clause"), ("Juli 2024", "base")],
        ),
        (
            "Inflasi Juli sebesar 2,37%, naik dibandingkan Juli tahun lalu sebesar 2,13%.",
            [("Juli 2025", "clause"), ("Juli 2024", "base")],
        ),
        (
            "Pertumbuhan ekonomi itu jauh dari realisasi kuartal II 2024 lalu yang"
            " meningkat 6,23 persen.",
            [("triwulan II 2024", "clause")],
        ),
        (
            "Proyeksi pertumbuhan ekonomi lebih tinggi dari tahun lalu, 4,79 persen.",
            [("2024", "base")],
        ),
        # A change from the base is the figure's own period's.
        (
            "Ekspor nonmigas Februari 2017 mencapai US$ 11,38 miliar, sementara"
            " dibanding ekspor Februari 2016 naik 11,55 persen.",
            [("Februari 2017", "clause"), ("Februari 2017", "sentence")],
        ),
        # "tahun sebelumnya" is the year before the one the sentence names.
        (
            "Jumlah pekerja pada 2016 sebanyak 1.331 orang, meningkat dibanding tahun"
            " sebelumnya sebanyak 230 orang.",
            [("2016", "clause"), ("2015", "base")],
        ),
        # A compared value before its base period: that period's; the figure
        # it is compared with keeps its own.
        (
            "Total aset naik menjadi Rp12,21 triliun pada 2025, sementara total kredit"
            " tumbuh menjadi Rp8,63 triliun dibandingkan Rp4,25 triliun pada tahun"
            " sebelumnya.",
            [("2025", "clause"), ("2025", "sentence"), ("2024", "base")],
        ),
        (
            "Kredit tumbuh 14,20 persen dari Rp790,5 triliun pada Maret 2024 menjadi"
            " Rp902,7 triliun pada Maret 2025.",
            [
                ("Maret 2025", "clause"),
                ("Maret 2024", "base"),
                ("Maret 2025", "clause"),
            ],
        ),
        # "lebih dari" is more than, no comparison.
        (
            "Kontribusi UMKM terhadap PDB mencapai lebih dari 61 persen pada 2025.",
            [("2025", "clause")],
        ),
        # "Juli tahun lalu" is one period: July of the year before the article's.
        (
            "Inflasi Juli tahun lalu tercatat 3,1 persen.",
            [("Juli 2024", "clause")],
        ),
        # The same period a year before: the figure's own, a year earlier.
        (
            "Produksi padi periode Januari-November 2025 mencapai 33,19 juta ton, "
            "naik 12,62% dibandingkan periode yang sama tahun lalu, yakni 29,47 "
            "juta ton.",
            [
                ("Januari-November 2025", "clause"),
                ("Januari-November 2025", "clause"),
                ("Januari-November 2024", "base"),
            ],
        ),
        (
            "Ekspor triwulan I 2025 mencapai US$ 20 miliar, naik dibanding periode"
            " yang sama tahun lalu yang sebesar US$ 18 miliar.",
            [("triwulan I 2025", "clause"), ("triwulan I 2024", "base")],
        ),
        # ... not a part of last year, which the base does not date
        (
            "Inflasi Mei 2025 naik dibanding akhir tahun lalu yang sebesar 2,1 persen.",
            [(None, "base")],
        ),
    ],
)
def test_a_base_periods_value_takes_that_period(text, expected):
    figures = extract(text, article_date="2025-08-01")
    assert [(f.period, f.period_from) for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ekspor mencapai US$ 12,57 miliar, sementara impor senilai US$ 11,26"
            " miliar dan dengan demikian, neraca perdagangan surplus US$ 1,32 miliar.",
            [
                ("export-value", 12.57e9),
                ("import-value", 11.26e9),
                ("trade-balance", 1.32e9),
            ],
        ),
        (
            "Neraca perdagangan Lampung Mei 2025 mengalami defisit US$ 1,2 miliar.",
            [("trade-balance", -1.2e9)],
        ),
        (
            "Defisit perdagangan sebesar US$ 500 juta terjadi pada April 2025.",
            [("trade-balance", -5e8)],
        ),
    ],
)
def test_the_trade_balance_is_a_surplus_or_a_deficit(text, expected):
    assert [(f.indicator_id, f.value) for f in extract(text)] == expected


def test_a_comparison_base_dated_with_its_year_dates_its_value():
    figures = extract(
        "Nilai ekspor Mei 2025 mencapai US$ 500 juta, naik dibanding April 2025"
        " yang sebesar US$ 450 juta.",
        article_date="2025-07-01",
    )
    assert [(f.indicator_id, f.value, f.period) for f in figures] == [
        ("export-value", 5e8, "Mei 2025"),
        ("export-value", 4.5e8, "April 2025"),
    ]
    undated = extract(
        "Inflasi Mei 2025 sebesar 2,5 persen, lebih tinggi dibanding bulan"
        " sebelumnya yang sebesar 2,1 persen.",
        article_date="2025-07-01",
    )
    assert [(f.indicator_id, f.value) for f in undated] == [
        ("inflation", 2.5),
        (None, 2.1),
    ]


# --- words with "-nya", longer phrases, bare counts, prices -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "-nya" on a phrase's word: its imports, its budget.
        (
            "Ekspor migas Lampung tercatat US$ 13,1 juta dan impornya sebesar"
            " US$ 18,7 juta.",
            [("export-value", 13.1e6), ("import-value", 18.7e6)],
        ),
        (
            "Karena itu anggarannya Rp 20 miliar.",
            [("budget", 2e10)],
        ),
        # A phrase inside a longer one it does not name ("not_within"): a
        # commodity's share of the poverty line is no poverty rate.
        (
            "Rokok kretek memberi pengaruh besar terhadap garis kemiskinan, yaitu"
            " sekitar 8 persen.",
            [(None, 8)],
        ),
        # ... but the poor as a share of the population is.
        (
            "Jumlah penduduk miskin kini tercatat 128,58 ribu orang atau 10,31 persen.",
            [("poverty-count", 128580), ("poverty", 10.31)],
        ),
        # Core inflation is no headline inflation.
        (
            "Inflasi IHK akhir tahun diperkirakan 2,5%, sementara inflasi inti sekitar 2,4%.",
            [("inflation", 2.5), (None, 2.4)],
        ),
        ("Komponen inti mengalami inflasi sekitar 0,33 persen.", [(None, 0.33)]),
        # An addition or a contribution to growth is no rate of growth.
        (
            "Kita bisa mendapatkan potensi tambahan pertumbuhan ekonomi 0,8 persen.",
            [(None, 0.8)],
        ),
        (
            "Kebijakan ini mendorong kontribusi pertumbuhan ekonomi 1,6%.",
            [(None, 1.6)],
        ),
        # Government spending is the budget's; a firm's capital spending is not.
        (
            "Realisasi belanja pemerintah pada April - Juni 2017 hanya sebesar"
            " Rp 493,29 triliun.",
            [("budget", 493.29e12)],
        ),
        (
            "PGN berencana mengalokasikan belanja modal sebesar Rp 5,5 triliun.",
            [(None, 5.5e12)],
        ),
        # Export proceeds are no exports; a saving or a cut no budget.
        (
            "Kebijakan ini menargetkan devisa hasil ekspor sebesar US$ 80 miliar.",
            [(None, 80e9)],
        ),
        (
            "Pemerintah dapat menghemat anggaran hingga sekitar Rp 300 triliun.",
            [(None, 300e12)],
        ),
        (
            "Ia mendengar pemangkasan anggaran TKD ke Solo sebesar Rp 218 miliar.",
            [(None, 218e9)],
        ),
        # A component's share of growth is no growth.
        (
            "Sumbangan konsumsi pemerintah pada pertumbuhan ekonomi hanya 8,63 persen.",
            [(None, 8.63)],
        ),
        # An import's value and its change.
        (
            "Impor Februari 2017 mencapai US$ 11,26 miliar atau turun 5,96 persen.",
            [("import-value", 11.26e9), ("import-growth", -5.96)],
        ),
        # Deposits (DPK) beside credit are deposits.
        (
            "Kenaikan penyaluran kredit diiringi kenaikan Dana Pihak Ketiga (DPK)"
            " dari Rp 4.468,95 triliun menjadi Rp 4.916,66 triliun.",
            [("bank-deposits", 4468.95e12), ("bank-deposits", 4916.66e12)],
        ),
        # A level's rise or fall in percent is no value of it.
        ("Tingkat kemiskinan Indonesia sudah turun 40 persen.", [(None, 40)]),
        (
            "Persentase kemiskinan Maret 2025 menurun 0,13 persen menjadi 11,78 persen.",
            [(None, 0.13), ("poverty", 11.78)],
        ),
        # Another central bank's rate is no BI rate.
        (
            "Bank Sentral Eropa (ECB) memangkas suku bunga acuan menjadi 2,40%.",
            [(None, 2.4)],
        ),
        # A bare number is a count only where a lead word brings it and no
        # other noun follows.
        (
            "Penyerapan pekerja pada pembangunan sekolah itu menembus 3.635, tertinggi.",
            [("workers", 3635)],
        ),
        ("Final Liga Pekerja akan diikuti sekitar 544 tim.", []),
        ("Wisatawan mancanegara masuk melalui 19 pintu utama.", []),
        ("Akibatnya, satu pekerja Rahmatul (27) asal Jember, tewas seketika.", []),
        ("Menegaskan hak pekerja atas upah kerja lembur 3.", []),
        ("Indikator IPM itu diukur dari 3 (tiga) variabel.", []),
        (
            "Angka IPM tertinggi adalah Provinsi DKI Jakarta dengan 84,15.",
            [("human-development-index", 84.15)],
        ),
        # A figure of another subject between a phrase and a figure.
        (
            "Segmen internasional tumbuh, dengan ekspor tumbuh 10 persen dan impor"
            " naik 12 persen.",
            [("export-growth", 10), ("import-growth", 12)],
        ),
        # ... not the same subject named again.
        (
            "Penurunan ini dipicu turunnya ekspor migas sebesar 29,5 persen dan"
            " ekspor nonmigas sebesar 0,3 persen.",
            [("export-growth", -29.5), ("export-growth", -0.3)],
        ),
        ("Di APBN itu harga minyak US$ 70 per barrel.", [(None, 70)]),
        (
            "Perabot impor dari China hanya naik sekitar Rp 5.000 per produk.",
            [(None, 5000)],
        ),
        # Another country opening a clause: its figure.
        (
            "Dari Januari hingga September tahun ini, Islandia telah menyambut"
            " 1,792 juta wisatawan mancanegara.",
            [],
        ),
        # Money per unit of goods is a price.
        (
            "Penurunan ekspor migas dikarenakan harga minyak mentah dunia (US$ 42,8"
            " per barel) yang masih rendah.",
            [(None, 42.8)],
        ),
        ("Asumsi harga minyak dalam APBN sebesar US$ 70 per barel.", [(None, 70)]),
        ("Nilai ekspor kopi mencapai US$ 500 juta per tahun.", [("export-value", 5e8)]),
    ],
)
def test_what_a_figure_is_of(text, expected):
    assert [(f.indicator_id, f.value) for f in extract(text)] == expected


# --- typographic and accented text -------------------------------------------


def test_typographic_marks_and_accents_change_nothing():
    plain = "Inflasi Lampung pada Maret 2024 tercatat 3,05 persen, kata Kepala BPS."
    curly = "“Inflasi Lampung pada Maret 2024 tercatat 3,05 persen,” kata Kepala BPS."
    accented = (
        "Inflasi Lampung pada Maret 2024 tercatat 3,05 persen, kata Kepala BPS René."
    )
    found = [summary(f) for text in (plain, curly, accented) for f in extract(text)]
    assert (
        found
        == [("inflation", 3.05, "percent", "Maret 2024", 2024, "Lampung", "realised")]
        * 3
    )


def test_an_amount_beside_kurs_or_kredit_outside_its_bounds_is_no_such_figure():
    rate = extract("Nilainya US$ 10 miliar atau Rp 178 triliun (kurs Rp 17.800).")
    assert [(f.indicator_id, f.text) for f in rate if f.indicator_id] == [
        ("exchange-rate", "Rp 17.800")
    ]
    dollars = extract("Simulasinya jika harga minyak US$ 100 dan pergerakan kurs.")
    assert [f.indicator_id for f in dollars] == [None]
    # Another currency's rate is no rate of the rupiah to the US dollar.
    other = extract("Nilai tukar rupiah sempat menyentuh Rp 14.000 per 1 SGD.")
    assert [f.indicator_id for f in other] == [None]
    # "Nilai tukar" alone, in rupiah, is the rupiah's; the farmers' terms of
    # trade are an index.
    alone = extract("Nilai tukar terus merosot melebihi Rp 17.400, sambungnya.")
    assert [(f.indicator_id, f.value) for f in alone] == [("exchange-rate", 17400)]
    moving = extract("Hari ini rupiah tercatat bergerak dalam rentang Rp 16.504.")
    assert [(f.indicator_id, f.value) for f in moving] == [("exchange-rate", 16504)]
    farmers = extract("Nilai tukar petani (NTP) Lampung Mei 2026 sebesar 110,5.")
    assert [f.indicator_id for f in farmers] == ["farmer-terms-of-trade"]
    card = extract("Dengan kartu kredit Bank Mega harganya Rp 3.919.200.")
    assert [f.indicator_id for f in card] == [None]
    lent = extract("Penyaluran kredit perbankan Lampung mencapai Rp 95 triliun.")
    assert [f.indicator_id for f in lent] == ["bank-credit"]
    # A price in rupiah listed after a rate is no rate, nor a program's budget.
    listed = extract(
        "Subsidi listrik di APBN Rp 54,79 triliun dengan asumsi nilai tukar rupiah"
        " Rp 14.400 dan BPP listrik sebesar Rp 1.368,51."
    )
    assert [(f.indicator_id, f.text) for f in listed] == [
        ("budget", "Rp 54,79 triliun"),
        ("exchange-rate", "Rp 14.400"),
        (None, "Rp 1.368,51"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sentence that opens going on from the one before lists more of
        # its indicator.
        (
            "Penyaluran KUR terbesar di Pulau Jawa Rp 48,81 triliun. Disusul "
            "Sumatera sebesar Rp 23,83 triliun dan Sulawesi Rp 9,53 triliun.",
            [
                ("credit-umkm", "Pulau Jawa"),
                ("credit-umkm", "Pulau Sumatera"),
                ("credit-umkm", "Pulau Sulawesi"),
            ],
        ),
        (
            "Persentase kemiskinan di perkotaan naik menjadi 12,02 persen. "
            "Sementara itu, di pedesaan menurun menjadi 11,51 persen.",
            [("poverty", None), ("poverty", None)],
        ),
        # not one that opens otherwise, nor one after a sentence between
        (
            "Penyaluran KUR di Pulau Jawa Rp 48,81 triliun. Harga rumah di "
            "Sumatera Rp 500 juta.",
            [("credit-umkm", "Pulau Jawa"), (None, "Pulau Sumatera")],
        ),
        (
            "Penyaluran KUR di Pulau Jawa Rp 48,81 triliun. Cuaca cerah. Disusul "
            "Sumatera sebesar Rp 23,83 triliun.",
            [("credit-umkm", "Pulau Jawa"), (None, "Pulau Sumatera")],
        ),
    ],
)
def test_a_sentence_may_go_on_listing_the_one_before(text, expected):
    assert [(f.indicator_id, f.scope) for f in extract(text)] == expected


def test_a_share_beside_a_listed_figure_does_not_end_the_list():
    text = (
        "Ekspor terbesar berasal dari Jawa Barat dengan nilai 4,48 miliar dolar AS"
        " atau 17,25 persen, diikuti Riau 2,92 miliar dolar AS atau 11,23 persen,"
        " dan Kalimantan Timur senilai 2,76 miliar dolar AS."
    )
    listed = [(f.text, f.scope) for f in extract(text) if f.indicator_id]
    assert listed == [
        ("4,48 miliar dolar AS", "Jawa Barat"),
        ("2,92 miliar dolar AS", "Riau"),
        ("2,76 miliar dolar AS", "Kalimantan Timur"),
    ]


def test_a_lists_items_are_apart_and_of_the_lists_kind():
    text = (
        "Berikut asumsi dasar ekonomi makro 2027: - Pertumbuhan ekonomi: 5,8-6,5%"
        " - Inflasi: 1,5-3,5% - Suku bunga SBN 10 tahun: 6,5-7,3%"
    )
    found = [(f.indicator_id, f.value, f.kind) for f in extract(text)]
    assert found == [
        ("economic-growth", 5.8, "projection"),
        ("inflation", 1.5, "projection"),
        (None, 6.5, "projection"),
    ]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # set once a month: the month of the day its text names ...
        (
            "Rapat Dewan Gubernur BI pada 19 dan 20 Agustus 2025 memutuskan "
            "menurunkan BI Rate sebesar 25 bps menjadi 5%.",
            ["Agustus 2025"],
        ),
        # ... else of the article's month
        ("BI resmi menurunkan suku bunga acuan menjadi 4,75%.", ["September 2025"]),
        # a month or year the text names stays
        ("BI Rate pada Desember 2024 sebesar 6%.", ["Desember 2024"]),
        # an expected rate is not the article's month's
        ("BI Rate diproyeksikan turun menjadi 4,5%.", ["2025"]),
    ],
)
def test_the_bi_rate_is_of_a_month(text, periods):
    figures = extract(text, article_date="2025-09-17")
    assert [f.period for f in figures] == periods


def test_extreme_poverty_is_no_poverty_rate():
    text = (
        "Angka kemiskinan ekstrem RI per Maret 2024 sebesar 0,83%. Tingkat "
        "kemiskinan Maret 2024 sebesar 9,03%."
    )
    assert [(f.indicator_id, f.value) for f in extract(text)] == [
        ("extreme-poverty", 0.83),
        ("poverty", 9.03),
    ]


def test_bank_indonesias_facilities_are_no_bi_rate():
    text = (
        "Rapat Dewan Gubernur memutuskan menaikkan BI Rate sebesar 50 basis poin"
        " menjadi 5,25%, suku bunga Deposit Facility 50 basis poin menjadi sebesar"
        " 4,25%, dan suku bunga Lending Facility menjadi 6,25%."
    )
    assert [(f.indicator_id, f.value) for f in extract(text)] == [
        ("policy-rate", 5.25),
        ("deposit-facility-rate", 4.25),
        ("lending-facility-rate", 6.25),
    ]


def test_a_share_of_an_indicator_is_no_value_of_it():
    text = "Bunganya dinaikkan menjadi 80 persen dari suku bunga acuan BI."
    assert indicator_ids(text) == [None]
    text = "Suku bunga acuan BI berada di level 4,25 persen."
    assert indicator_ids(text) == ["policy-rate"]
    # ... nor a figure "dengan" an indicator after it: another subject's.
    text = (
        "Depresiasi rupiah tercatat 30,6% dengan tingkat inflasi jauh lebih rendah"
        " di kisaran 3%."
    )
    assert [(f.indicator_id, f.value) for f in extract(text)] == [
        (None, 30.6),
        ("inflation", 3),
    ]


def test_pemerintah_kabupaten_kota_is_no_place():
    text = (
        "Pemerintah Kabupaten/Kota, Provinsi dan Pusat menambah anggaran Rp 5 miliar."
    )
    assert [f.scope for f in extract(text)] == [None]


# --- numbers that are not figures --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rapat digelar Senin (16/03/2015) di Balai Keratun.",
        "Rakor digelar Senin (16/3) di Bandar Lampung.",
        "Program Tahun Anggaran 2016 disusun bersama.",
        "Acara berlangsung pada 16 Maret 2015 pukul 10.00 WIB.",
        "Informasi hubungi (0721) 481166 atau 0812-7654-3210.",
        "Perajin itu berusia 45 tahun dan telah bekerja selama 20 tahun.",
        "Buku panduan setebal 120 halaman itu dibagikan kepada peserta.",
        "Hal itu diatur dalam Perda Nomor 5 Tahun 2015 dan UU No. 3/2014.",
        "Pasal 12 ayat 3 mengatur sanksinya.",
        "Lampung berada di peringkat ke-5 dalam lomba inovasi daerah.",
        "Tim itu meraih juara 2 dalam lomba desain kemasan.",
        "Pada tahun 2015-2019 dilakukan penumbuhan wirausaha baru.",
        "Sebanyak 95 persen peserta hadir tepat waktu.",
        "Penjualan kain tapis naik dua kali lipat.",
        "Selama pandemi COVID-19 kegiatan pelatihan dihentikan.",
        "Rapat dihadiri 150 orang peserta dari berbagai daerah.",
        "Rakor dimulai pukul 09.30 dan selesai pukul 12.00.",
        "Sidang ke-3 digelar di ruang 201 gedung DPRD.",
        "Jarak pabrik ke pelabuhan sekitar 12 km.",
        "Tanggal 2015-03-16 tercantum di undangan.",
    ],
)
def test_numbers_that_are_not_figures(text):
    assert extract(text, article_date=dt.date(2015, 3, 16)) == []


# --- sentences ----------------------------------------------------------------


def test_sentences_do_not_end_at_abbreviations_or_decimals():
    text = "Dana Rp. 5 miliar dari Kab. Lampung Selatan naik 5.5 persen. Dr. Ani hadir."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Dana Rp. 5 miliar dari Kab. Lampung Selatan naik 5.5 persen.",
        "Dr. Ani hadir.",
    ]


def test_offsets_point_at_the_quantity():
    text = "Anggaran tahun ini\nmencapai Rp 1,2 triliun, naik 5 persen."
    figures = extract(text)
    assert [text[f.start : f.end] for f in figures] == ["Rp 1,2 triliun", "5 persen"]
    assert (
        figures[0].quote == "Anggaran tahun ini mencapai Rp 1,2 triliun, naik 5 persen."
    )


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        # the dollar's price in rupiah is the exchange rate ...
        (
            "Terakhir, dolar AS menguat 0,04% menjadi Rp 17.853.",
            ["exchange-rate"],
        ),
        ("Rupiah terpantau di level Rp 17.698 per dolar AS.", ["exchange-rate"]),
        ("Mata uang Paman Sam kini berada di level Rp 17.700.", ["exchange-rate"]),
        # the rupiah's own moves and levels, not a price in rupiah
        (
            "Rupiah bergerak dari level Rp 2.400 ke level Rp 17.600.",
            ["exchange-rate", "exchange-rate"],
        ),
        ("Rupiah ditutup melemah menjadi Rp14.175 per USD.", ["exchange-rate"]),
        ("Harga tiket masuk 50.000 rupiah per orang.", [None]),
        (
            "Dolar AS kembali menekan Rupiah sebesar 0,04% pada level Rp 17.853.",
            ["exchange-rate"],
        ),
        # the rupiah's fall is the rate's, and no other indicator's percentage
        ("Pelemahan rupiah ke level Rp 17.000 terus berlanjut.", ["exchange-rate"]),
        (
            "Inflasi kita jaga di 2,4% dan depresiasi Rupiah 5%.",
            ["inflation", None],
        ),
        # ... an amount of dollars, or of rupiah beyond a rate's, is not
        ("Pemerintah menerima hibah 5 juta dolar AS atau Rp 80 miliar.", [None, None]),
    ],
)
def test_the_dollars_price_in_rupiah_is_the_exchange_rate(text, indicators):
    assert indicator_ids(text) == indicators


_AWAY = "Rapat itu juga membahas hal lain yang tidak terkait dengan angka. " * 10


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        # a short phrase names the indicator just after its full name ...
        (
            "Pertumbuhan ekonomi Indonesia tahun lalu 5,0 persen. Tahun ini "
            "pertumbuhan diperkirakan 5,2 persen.",
            ["economic-growth", "economic-growth"],
        ),
        (
            "Bank Indonesia menahan suku bunga acuan bulan lalu. Bulan ini BI "
            "memangkas suku bunga sebesar 25 basis poin menjadi 5,5 persen.",
            ["policy-rate"],
        ),
        (
            "Penyaluran KUR hingga April mencapai Rp 100 triliun. Penyaluran "
            "terbesar berasal dari Jawa Tengah sebesar Rp 17 triliun dan Jawa "
            "Timur Rp 15 triliun.",
            ["credit-umkm"] * 3,
        ),
        (
            "Alokasi anggaran untuk Otorita IKN mencapai Rp 36,25 triliun. "
            "Pertama, pembangunan IKN dengan alokasi sebesar Rp 18,12 triliun.",
            ["budget", "budget"],
        ),
        # ... not before a noun of another subject, not with no full name
        # before it, nor far from it
        (
            "Pertumbuhan ekonomi Indonesia tahun lalu 5,0 persen. Pertumbuhan "
            "kredit tercatat 10 persen.",
            ["economic-growth", None],
        ),
        (
            "Harga cabai naik tajam. Tahun ini pertumbuhan diperkirakan 5,2 persen.",
            [None],
        ),
        (
            "Pertumbuhan ekonomi Indonesia dibahas dalam rapat itu. "
            + _AWAY
            + "Tahun ini pertumbuhan diperkirakan 5,2 persen.",
            [None],
        ),
    ],
)
def test_a_short_phrase_names_an_indicator_just_after_its_full_name(text, indicators):
    assert indicator_ids(text, article_date="2025-06-10") == indicators


@pytest.mark.parametrize(
    ("text", "scopes"),
    [
        # an economy's figure with no place is the country's when the place
        # named last before it is
        (
            "Pertumbuhan ekonomi Indonesia tahun lalu 5,0 persen. Tahun ini "
            "pertumbuhan diperkirakan 5,2 persen.",
            ["nasional", "nasional"],
        ),
        ("Ekonomi Indonesia masih kuat. Inflasi tercatat 2 persen.", ["nasional"]),
        # ... not when that place is abroad or a city, nor for an actor's figure
        (
            "Ekonomi Indonesia masih kuat. Ekonomi Jepang melambat. Inflasi "
            "tercatat 2 persen.",
            [None],
        ),
        ("Rapat digelar di Bandar Lampung. Inflasi tercatat 2 persen.", [None]),
        (
            "Ekonomi Indonesia masih kuat. Pemerintah menyiapkan anggaran Rp 5 "
            "triliun untuk program itu.",
            [None],
        ),
    ],
)
def test_a_figure_with_no_place_is_the_countrys_after_the_country(text, scopes):
    assert [f.scope for f in extract(text, article_date="2025-06-10")] == scopes


def test_the_country_named_before_outranks_the_articles_region():
    after_country = "Ekonomi Indonesia masih kuat. Inflasi tercatat 2 persen."
    assert [f.scope for f in extract(after_country, region="Jatim")] == ["nasional"]
    alone = "Inflasi tercatat 2 persen."
    assert [f.scope for f in extract(alone, region="Jatim")] == ["Jawa Timur"]


@pytest.mark.parametrize(
    ("text", "scopes"),
    [
        # the world's economy is no place of the archive's: its figures go
        ("Bank Dunia memprediksi pertumbuhan ekonomi global minus 5,2 persen.", []),
        ("IMF memproyeksikan pertumbuhan ekonomi dunia 3,1 persen.", []),
        ("Ekonomi dunia tumbuh 3 persen.", []),
        # "Bank Dunia" is who says it, "global" elsewhere is no figure's place
        (
            "Bank Dunia memproyeksikan pertumbuhan ekonomi Indonesia 5 persen.",
            ["nasional"],
        ),
        ("Pertumbuhan ekonomi 5 persen di tengah ketidakpastian global.", [None]),
    ],
)
def test_the_worlds_figures_are_left_out(text, scopes):
    assert [f.scope for f in extract(text)] == scopes


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        # the same thing in another unit, after "atau": the indicator's pair
        (
            "BPS merilis angka kemiskinan Indonesia sebesar 8,57% atau 24,06 juta "
            "jiwa per September 2024.",
            ["poverty", "poverty-count"],
        ),
        (
            "Jumlah penduduk miskin pada Maret 2025 turun menjadi 23,85 juta orang "
            "atau 8,47% dari total penduduk.",
            ["poverty-count", "poverty"],
        ),
        # not a count of something else further on
        (
            "Tingkat kemiskinan 9 persen, sedangkan 1,2 juta orang menerima bantuan.",
            ["poverty"],
        ),
    ],
)
def test_a_figure_beside_one_in_another_unit_is_of_its_pair(text, indicators):
    assert indicator_ids(text) == indicators


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        # one bank's own figures are none of the banks' ...
        ("Hingga kuartal I-2026, total kredit BRI mencapai Rp1.562 triliun.", [None]),
        (
            "Krom Bank mencatat kinerja positif. Dari sisi pendanaan, DPK "
            "meningkat menjadi Rp8,39 triliun pada 2025.",
            [None],
        ),
        (
            "Untuk Bank BRI, dalam enam bulan ke depan penyaluran kredit "
            "direncanakan Rp 100 triliun. Penyaluran itu hingga Rp 122,50 triliun.",
            [None, None],
        ),
        # ... all banks' are, also just after one is named
        (
            "Krom Bank mencatat kinerja positif. OJK mencatat penyaluran kredit "
            "perbankan tumbuh menjadi Rp 7.000 triliun.",
            ["bank-credit"],
        ),
        (
            "Penyaluran kredit perbankan tumbuh 9,2 persen menjadi Rp 4.369,97 "
            "triliun.",
            [None, "bank-credit"],
        ),
    ],
)
def test_one_banks_own_figures_are_none_of_the_banks(text, indicators):
    assert indicator_ids(text) == indicators


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        # an amount or count right after a rise or fall is by how much ...
        (
            "Jumlah penduduk miskin di wilayah NTB berkurang 4,03 ribu orang "
            "dibandingkan September 2024.",
            [None],
        ),
        ("Penyerapan tenaga kerja menurun sebanyak 141 ribu orang.", [None]),
        # ... not where to
        (
            "Jumlah penduduk miskin naik menjadi 464.870 orang pada Maret 2025.",
            ["poverty-count"],
        ),
        ("Dolar AS menguat hingga Rp 18.000.", ["exchange-rate"]),
    ],
)
def test_an_amount_right_after_a_rise_or_fall_is_by_how_much(text, indicators):
    assert indicator_ids(text, article_date="2025-08-07") == indicators


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        # a firm's investment and staff, in the verbs and phrases firms use
        (
            "Kami telah berinvestasi di Indonesia mencapai 445 juta dollar AS "
            "dengan jumlah karyawan sebanyak 11 ribu orang.",
            ["investment-value", "workers"],
        ),
        ("Industri otomotif mempekerjakan sekitar 1,5 juta orang.", ["workers"]),
        # those laid off are no workers employed
        ("Sebanyak 18 ribu pekerja terkena PHK dalam dua bulan.", [None]),
        # KUR's financing just after KUR is named
        (
            "BRI menyalurkan KUR senilai Rp 47,09 triliun. Sektor pertanian "
            "menjadi kontributor utama dengan pembiayaan mencapai Rp 19,86 triliun.",
            ["credit-umkm", "credit-umkm"],
        ),
    ],
)
def test_firms_investment_staff_and_financing(text, indicators):
    assert indicator_ids(text) == indicators
