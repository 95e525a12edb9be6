import datetime as dt

import pytest

from warta import dates


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2015, 3, 16), "Senin, 16 Maret 2015"),
        (dt.date(2024, 1, 2), "Selasa, 2 Januari 2024"),
        (dt.date(2023, 8, 17), "Kamis, 17 Agustus 2023"),
        (dt.date(2020, 2, 29), "Sabtu, 29 Februari 2020"),
        (dt.date(2026, 11, 27), "Jumat, 27 November 2026"),
        (dt.date(2025, 6, 1), "Minggu, 1 Juni 2025"),
        (dt.date(2019, 12, 25), "Rabu, 25 Desember 2019"),
        (dt.datetime(2015, 3, 16, 23, 59), "Senin, 16 Maret 2015"),
    ],
)
def test_long_date(date, expected):
    assert dates.long_date(date) == expected


@pytest.mark.parametrize(
    ("month", "name"),
    [(1, "Januari"), (5, "Mei"), (7, "Juli"), (10, "Oktober"), (12, "Desember")],
)
def test_month_name(month, name):
    assert dates.month_name(month) == name


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_name_rejects_out_of_range(month):
    with pytest.raises(ValueError, match="month out of range"):
        dates.month_name(month)


def test_short_forms():
    assert dates.day_month_year(dt.date(2015, 3, 6)) == "6 Maret 2015"
    assert dates.month_year(dt.date(2015, 3, 6)) == "Maret 2015"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014-06-02", "2 Juni 2014"),
        ("2016", "2016"),  # a year alone stays as written
        ("2016-13-01", "2016-13-01"),  # no date: as written
    ],
)
def test_written_date(value, expected):
    assert dates.written_date(value) == expected
