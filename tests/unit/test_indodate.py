"""Publication dates in the forms Indonesian news text writes them."""

import datetime as dt

import pytest

from warta.ingest.indodate import find_dates, publication_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("PALEMBANG, Kamis (5/3/2020) - Dinas menggelar rapat.", None, D(2020, 3, 5)),
        ("Rapat digelar Senin (16/03/2015) di Balai Keratun.", None, D(2015, 3, 16)),
        ("Jakarta, 7 Agustus 2024 - Menteri berkata.", None, D(2024, 8, 7)),
        ("Diterbitkan 17 Agt 2023 pukul 10.00 WIB", None, D(2023, 8, 17)),
        ("Rabu, 2 Nopember 2022 | 09:15 WIB", None, D(2022, 11, 2)),
        ("Updated 2021-06-30T07:00:00+07:00", None, D(2021, 6, 30)),
        ("tanggal 31/12/19 malam", None, D(2019, 12, 31)),
        # Day and month only: the year from a full date of the same day...
        ("Rakor, Senin (16/3). Digelar Senin (16/03/2015).", None, D(2015, 3, 16)),
        # ...or the year in which that weekday falls on that day...
        ("Rakor, Senin (16/3). Data 2014 dan 2015.", None, D(2015, 3, 16)),
        # ...or the year the caller knows.
        ("Rakor digelar Selasa (4/2).", 2025, D(2025, 2, 4)),
        # A budget year is not a date, nor is a bare year.
        ("Program Tahun Anggaran 2016 disusun.", None, None),
        ("Pada akhir 2013 kontribusi IKM 34,27%.", None, None),
        # Not dates: impossible days, phone numbers, ratios.
        ("Hubungi 0721/482/133 untuk informasi.", None, None),
        ("Tanggal 31/02/2015 tidak ada.", None, None),
        ("Perbandingan 3/4 dari total.", None, None),
    ],
)
def test_publication_date(text, default_year, expected):
    assert publication_date(text, default_year=default_year) == expected


def test_mentions_keep_the_weekday_and_order():
    found = find_dates("Senin (16/3) lalu; Selasa, 17 Maret 2015 kemudian.")
    assert [(m.day, m.month, m.year, m.weekday) for m in found] == [
        (16, 3, None, 0),
        (17, 3, 2015, 1),
    ]
