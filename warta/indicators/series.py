"""Figures grouped by indicator, as records, rows, chart points and text."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from warta.cache import flat_record
from warta.chart import number_id
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


def format_value(value: float, unit: str) -> str:
    """Indonesian text: ``34,27%``, ``Rp 1,2 triliun``, ``1.234 unit``."""
    if unit == "percent":
        return f"{number_id(round(value, 4))}%"
    scaled, word = value, ""
    for size, name in _SCALES:
        if abs(value) >= size:
            scaled, word = value / size, f" {name}"
            break
    amount = number_id(round(scaled, 2)) + word
    if unit == "rupiah":
        return f"Rp {amount}"
    if unit == "usd":
        return f"US$ {amount}"
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
    indicator_of: Callable[[Shown], str | None],
) -> dict[str | None, list[tuple[Hashable, Shown]]]:
    """``{indicator id: [(article, figure), ...]}`` in one pass, each figure
    as ``items`` give it (a figure, or a figure as shown) and its indicator
    told by ``indicator_of``; None: unclassified."""
    groups: dict[str | None, list[tuple[Hashable, Shown]]] = defaultdict(list)
    for article, figures in items:
        for figure in figures:
            groups[indicator_of(figure)].append((article, figure))
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
