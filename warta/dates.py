"""Indonesian date formatting, independent of the machine's locale."""

from __future__ import annotations

import datetime as dt

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# "Maret" -> 3.
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}


def month_name(month: int) -> str:
    """``3`` -> ``"Maret"``."""
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    return MONTH_NAMES[month - 1]


def day_month_year(date: dt.date) -> str:
    """``2015-03-16`` -> ``"16 Maret 2015"``."""
    return f"{date.day} {month_name(date.month)} {date.year}"


def long_date(date: dt.date) -> str:
    """``2015-03-16`` -> ``"Senin, 16 Maret 2015"``."""
    return f"{DAY_NAMES[date.weekday()]}, {day_month_year(date)}"


def month_year(date: dt.date) -> str:
    """``2015-03-16`` -> ``"Maret 2015"``."""
    return f"{month_name(date.month)} {date.year}"


def written_date(value: str) -> str:
    """A date as the authority files write it, for readers: ``"2014-06-02"``
    -> ``"2 Juni 2014"``; a year (``"2016"``) or anything else as written."""
    try:
        return day_month_year(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return value
