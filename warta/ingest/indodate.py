"""Publication dates as Indonesian news text writes them.

Forms: ``Senin (16/03/2015)``, ``16/3/2015``, ``16 Maret 2015``, ``16 Mar 2015``,
``2015-03-16``, and ``Senin (16/3)`` whose year comes from elsewhere: another
full date in the text, the weekday, or a year the caller knows. A bare year
(``Tahun Anggaran 2016``) is never a publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from warta.dates import DAY_NAMES, MONTH_NAMES

_DAY_INDEX = {name.lower(): index for index, name in enumerate(DAY_NAMES)}
_DAY_INDEX["jum'at"] = 4
_DAY_INDEX["ahad"] = 6

_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update(
    {
        "jan": 1,
        "feb": 2,
        "peb": 2,
        "pebruari": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "agu": 8,
        "agt": 8,
        "ags": 8,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "okt": 10,
        "oct": 10,
        "nov": 11,
        "nop": 11,
        "nopember": 11,
        "des": 12,
        "dec": 12,
        "may": 5,
    }
)
_DAY = r"(?P<weekday>senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
_MONTH = "(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_PATTERNS = (
    # 2015-03-16 (also inside 2015-03-16T08:00)
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    # Senin (16/03/2015), 16/3/15, 16-03-2015, 16.03.2015
    re.compile(
        rf"(?:{_DAY}\s*,?\s*\(?\s*)?(?<![\d/])(?P<day>\d{{1,2}})[/.-]"
        r"(?P<month>\d{1,2})[/.-](?P<year>(?:19|20)?\d{2})(?![\d/])",
        re.IGNORECASE,
    ),
    # Senin, 16 Maret 2015
    re.compile(
        rf"(?:{_DAY}\s*,?\s*)?(?<!\d)(?P<day>\d{{1,2}})\s+{_MONTH}\s+"
        r"(?P<year>(?:19|20)\d{2})(?!\d)",
        re.IGNORECASE,
    ),
    # Senin (16/3): day and month only
    re.compile(
        rf"{_DAY}\s*,?\s*\(\s*(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})\s*\)",
        re.IGNORECASE,
    ),
)


@dataclass(frozen=True)
class DateMention:
    """A date found in text; ``year`` is None when the text leaves it out."""

    start: int
    day: int
    month: int
    year: int | None
    weekday: int | None  # 0 = Senin

    def complete(self, year: int) -> dt.date | None:
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    value = int(text)
    return value if value >= 100 else 2000 + value


def find_dates(text: str) -> list[DateMention]:
    """Every date mention, in the order they stand; overlapping forms once."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            groups = match.groupdict()
            if groups.get("month_name"):
                month = _MONTHS[groups["month_name"].lower()]
            else:
                month = int(groups["month"])
            day = int(groups["day"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            weekday = groups.get("weekday")
            mention = DateMention(
                start=span[0],
                day=day,
                month=month,
                year=_year(groups.get("year")),
                weekday=_DAY_INDEX.get(weekday.lower().replace("'", ""))
                if weekday
                else None,
            )
            if mention.year is not None and mention.complete(mention.year) is None:
                continue
            taken.append(span)
            found.append(mention)
    return sorted(found, key=lambda mention: mention.start)


def publication_date(text: str, *, default_year: int | None = None) -> dt.date | None:
    """The date an article was published, from its first dated mention.

    A mention without a year takes the year of a full date with the same day and
    month, else the year in which its weekday falls on that date (nearest to
    ``default_year`` or to the years the text names), else ``default_year``.
    """
    mentions = find_dates(text)
    if not mentions:
        return None
    full = [m for m in mentions if m.year is not None]
    first = mentions[0]
    if first.year is not None:
        return first.complete(first.year)
    for other in full:
        if (other.day, other.month) == (first.day, first.month):
            return first.complete(other.year)
    years = [m.year for m in full]
    if default_year is not None:
        years.append(default_year)
    if first.weekday is not None:
        # Any year the text names may be the one; only the weekday can say which.
        named = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)]
        for year in sorted({*years, *named}):
            date = first.complete(year)
            if date is not None and date.weekday() == first.weekday:
                return date
    if full:
        return first.complete(full[0].year)
    if default_year is not None:
        return first.complete(default_year)
    return None
