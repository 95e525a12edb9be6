"""Figures grouped by indicator, as records, rows, chart points and text."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from warta.cache import flat_record
from warta.chart import number_id
from warta.dates import MONTH_NUMBERS
from warta.indicators.extract import Figure

Shown = TypeVar("Shown")  # a figure, or a figure with what is shown beside it
PLANNED = frozenset({"target", "projection"})
_SCALES = ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"))
UNIT_LABELS = {
    "percent": "persen",
    "rupiah": "rupiah",
    "usd": "dolar AS",
    "count": "",
    "person": "orang",
    "unit": "unit",
    "index": "indeks",
    "tonnes": "ton",
    "hectares": "hektare",
    "household": "rumah tangga",
}
KIND_LABELS = {
    "realised": "realisasi",
    "target": "target",
    "estimate": "perkiraan",
    "projection": "proyeksi",
}


# A period's label as the extractor writes it ("20 Mei 2025", "Maret 2025",
# "Januari-Maret 2025", "triwulan II 2025", "semester I 2025", "akhir 2025").
_PARTS = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DAY = re.compile(r"(\d{1,2}) (\w+) \d{4}")
_MONTHS = re.compile(r"(\w+)(?:-(\w+))? \d{4}")
_PART = re.compile(r"(triwulan|semester) (I|II|III|IV) \d{4}")
_QUALIFIED = {"awal": 0.5, "pertengahan": 6.0, "akhir": 11.5}


def period_position(period: str | None, year: int) -> float:
    """Where a figure of ``period`` stands on a time axis that puts each
    whole year at its middle: ``year`` itself for a year, a month at its
    middle around it (January ``year - 5.5/12``, December ``year +
    5.5/12``), a quarter, a half, a range of months at theirs, "akhir" at
    December's. A label of another form stands at ``year``."""
    months = 6.0  # from the start of the year to the period's middle
    if period:
        if day := _DAY.fullmatch(period):
            month = MONTH_NUMBERS.get(day.group(2))
            if month is not None:
                months = month - 1 + (int(day.group(1)) - 0.5) / 31
        elif part := _PART.fullmatch(period):
            size = 3 if part.group(1) == "triwulan" else 6
            months = size * _PARTS[part.group(2)] - size / 2
        elif named := _MONTHS.fullmatch(period):
            first = MONTH_NUMBERS.get(named.group(1))
            last = MONTH_NUMBERS.get(named.group(2) or named.group(1))
            if first is not None and last is not None:
                months = (first - 1 + last) / 2
            else:
                months = _QUALIFIED.get(named.group(1), months)
    return year + (months - 6) / 12


_CURRENCIES = {"rupiah": "Rp", "usd": "US$"}


def format_value(value: float, unit: str) -> str:
    """Indonesian text: ``34,27%``, ``Rp 1,2 triliun``, ``-US$ 1,2 miliar``,
    ``1.234 unit``."""
    if unit == "percent":
        return f"{number_id(round(value, 4))}%"
    scaled, word = value, ""
    for size, name in _SCALES:
        if abs(value) >= size:
            scaled, word = value / size, f" {name}"
            break
    amount = number_id(round(scaled, 2)) + word
    if currency := _CURRENCIES.get(unit):  # the sign before it: -US$ 1,2 miliar
        sign = "-" if amount.startswith("-") else ""
        return f"{sign}{currency} {amount.removeprefix('-')}"
    label = UNIT_LABELS.get(unit, unit)
    return f"{amount} {label}".strip()


def format_figure(figure: Figure) -> str:
    text = format_value(figure.value, figure.unit)
    if figure.value_max is not None:
        text = f"{text}–{format_value(figure.value_max, figure.unit)}"
    return text


def figure_record(figure: Figure) -> dict:
    """The open-data form of a figure."""
    record = flat_record(figure)
    record["indicator"] = record.pop("indicator_id")
    record["target_or_realised"] = "target" if figure.kind in PLANNED else "realised"
    for key in ("start", "end", "text", "period_from"):
        record.pop(key, None)
    return record


def group_by_indicator(
    items: Iterable[tuple[Hashable, Iterable[Shown]]],
    figure_of: Callable[[Shown], Figure],
) -> dict[str | None, list[tuple[Hashable, Shown]]]:
    """``{indicator id: [(article, figure), ...]}`` in one pass, each figure
    as ``items`` give it (a figure, or a figure as shown: ``figure_of`` tells
    its figure); None: unclassified. A value an article gives twice (its lead
    and its body: same indicator, value, unit, period, scope and kind) is
    listed once, by its first sentence."""
    groups: dict[str | None, list[tuple[Hashable, Shown]]] = defaultdict(list)
    for article, shown in items:
        seen = set()
        for item in shown:
            figure = figure_of(item)
            same = (
                figure.indicator_id, figure.value, figure.value_max, figure.unit,
                figure.period, figure.scope, figure.kind,
            )  # fmt: skip
            if figure.indicator_id is not None and same in seen:
                continue
            seen.add(same)
            groups[figure.indicator_id].append((article, item))
    return dict(groups)


CSV_COLUMNS = (
    "indicator",
    "value",
    "value_max",
    "unit",
    "period",
    "period_year",
    "scope",
    "kind",
    "quote",
    "article_title",
    "article_date",
    "article_url",
    "source",
)


def rows(entries: list[tuple[object, Figure]], site_url: str) -> list[dict]:
    """One flat record a figure, with its article, for CSV and JSON downloads.

    The figure's part is ``figure_record``'s, in the order of ``CSV_COLUMNS``;
    written out field by field, as this runs for every figure of the archive.
    """
    prefix = f"{site_url}/" if site_url else "/"
    return [
        {
            "indicator": figure.indicator_id,
            "value": figure.value,
            "value_max": figure.value_max,
            "unit": figure.unit,
            "period": figure.period,
            "period_year": figure.period_year,
            "scope": figure.scope,
            "kind": figure.kind,
            "quote": figure.quote,
            "article_title": article.title,
            "article_date": article.date.date().isoformat(),
            "article_url": prefix + article.url,
            "source": getattr(article, "source", None),
        }
        for article, figure in entries
    ]


def to_csv(records: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()
