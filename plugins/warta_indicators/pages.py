"""Indicator pages: a chart, a table of sourced values, CSV and JSON downloads."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from pelican.generators import Generator

from warta.chart import Point, render_chart
from warta.indicators.series import (
    KIND_LABELS,
    PLANNED,
    UNIT_LABELS,
    period_position,
    rows,
    to_csv,
)
from warta.jsontext import dumps_indented
from warta.outputs import write_derived

from .extractor import CONTEXT_KEY


@dataclass
class IndicatorPage:
    # The page and its downloads show each value's article by its metadata
    # (title, date, source): digested as a reference (``warta.incremental``),
    # so an edit that leaves an article's values as they were keeps the page.
    # Each value is its ``FigureView``, which keeps its digest.
    __digest_by_reference__ = True

    indicator: object
    url: str
    entries: list = field(default_factory=list)  # (article, FigureView), oldest first
    # Articles an editor added to it (``Indicators:``) with no value of it,
    # newest first.
    others: list = field(default_factory=list)
    # Draws the chart (SVG) from the entries: called when the page is
    # rendered, so that a page kept by an incremental build draws nothing.
    draw_chart: Callable[[], str] | None = field(
        default=None, compare=False, repr=False
    )

    @property
    def chart(self) -> str:
        return self.draw_chart() if self.draw_chart is not None else ""

    @property
    def latest(self):
        """``(article, view)`` of the newest value realised, else the newest."""
        realised = [e for e in self.entries if e[1].figure.kind not in PLANNED]
        return (realised or self.entries or [None])[-1]

    @property
    def table(self) -> list[tuple]:
        """``(article, figure, value text, kind text)``, newest first."""
        return [
            (article, view.figure, view.value_text, view.kind_text)
            for article, view in reversed(self.entries)
        ]


def _year(article, figure) -> float:
    """Where the figure stands in time: its period's place in its year."""
    return period_position(figure.period, figure.period_year or article.date.year)


def build_pages(data: dict) -> list[IndicatorPage]:
    pages = []
    for indicator in data["catalogue"].indicators:
        entries = sorted(
            data["groups"].get(indicator.id, []),
            key=lambda item: (_year(item[0], item[1].figure), item[0].date),
        )
        others = sorted(
            data.get("added", {}).get(indicator.id, []),
            key=lambda article: article.date,
            reverse=True,
        )
        page = IndicatorPage(indicator, f"indikator/{indicator.id}/", entries, others)
        pages.append(page)
    return pages


class IndicatorPagesGenerator(Generator):
    def generate_context(self) -> None:
        """Nothing to read: the extractor has put everything in the context."""

    def generate_output(self, writer) -> None:
        data = self.context.get(CONTEXT_KEY)
        if data is None:
            return
        pages = build_pages(data)
        site_url = self.settings.get("SITEURL", "")
        relative = self.settings["RELATIVE_URLS"]
        for page in pages:
            depth = "../../" if relative else f"{site_url}/"
            page.draw_chart = functools.partial(self._chart, page, depth)
            context = self.context.copy()
            context.update(
                indicator_page=page, kind_labels=KIND_LABELS, unit_labels=UNIT_LABELS
            )
            writer.write_file(
                page.url + "index.html",
                self.get_template("indikator"),
                context,
                relative_urls=relative,
                url=page.url,
                page_name=page.url.rstrip("/"),
            )
            self._write_data(writer, page, site_url)
        context = self.context.copy()
        context["indicator_pages"] = pages
        writer.write_file(
            "indikator/index.html",
            self.get_template("indikator_index"),
            context,
            relative_urls=relative,
            url="indikator/",
            page_name="indikator_index",
        )

    @staticmethod
    def _write_data(writer, page: IndicatorPage, site_url: str) -> None:
        """The page's values as CSV and JSON downloads."""
        inputs = [page, site_url]
        records = functools.cache(
            lambda: rows([(a, view.figure) for a, view in page.entries], site_url)
        )
        write_derived(
            writer,
            page.url + "data.csv",
            inputs,
            lambda stream: stream.write(to_csv(records())),
        )
        write_derived(
            writer,
            page.url + "data.json",
            inputs,
            lambda stream: stream.write(
                dumps_indented(
                    {
                        "indicator": page.indicator.id,
                        "name": page.indicator.name,
                        "unit": page.indicator.unit,
                        "values": records(),
                    }
                )
            ),
        )

    def _chart(self, page: IndicatorPage, prefix: str) -> str:
        points = []
        for article, view in page.entries:
            figure = view.figure
            points.append(
                Point(
                    _year(article, figure),
                    figure.value,
                    f"{view.value_text} ({figure.period or article.date.year}), "
                    f"{getattr(article, 'source', '') or ''}: {article.title}",
                    prefix + article.url,
                    figure.scope or "tidak disebut",
                    figure.kind in PLANNED,
                )
            )
        unit = UNIT_LABELS.get(page.indicator.unit, page.indicator.unit)
        return render_chart(
            points,
            title=f"{page.indicator.name}: nilai dari waktu ke waktu",
            description=(
                f"{len(points)} nilai dari berita arsip, "
                "satu garis per cakupan wilayah; "
                "titik berongga dan garis putus-putus menandai target atau proyeksi. "
                "Semua nilai tercantum dalam tabel di bawah grafik."
            ),
            unit=unit,
        )
