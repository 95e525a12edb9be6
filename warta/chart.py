"""An indicator's values over time as an SVG chart, drawn at build time.

Readable without JavaScript: every point is a link to the article it came from,
with a ``<title>`` tooltip; the chart has a title and a description for screen
readers. One series (line and colour) per scope; targets and projections are
hollow points on a dashed line, realised values filled points on a solid line.
Built with ElementTree, never with string formatting.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass

SVG = "http://www.w3.org/2000/svg"
WIDTH, HEIGHT = 640, 320
MARGIN = {"left": 64, "right": 16, "top": 20, "bottom": 44}
LINE_GAP = 3  # years: points further apart are not joined by a line
# Distinguishable for common colour-vision deficiencies (Okabe-Ito), dark enough
# for 3:1 contrast on white.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56B4E9", "#000000")
# Scopes beyond the palette share one grey series, so no two lines share a
# colour; their points keep their links and say their scope.
OTHERS = "Lainnya"
OTHERS_COLOUR = "#767676"  # 4.5:1 on white
LEGEND_COLUMNS, LEGEND_ROW = 2, 16  # the legend wraps: two names a row


@dataclass(frozen=True)
class Point:
    year: float  # e.g. 2013.0 for the year, 2013.458 for its December
    value: float
    label: str  # tooltip: "34,27 % (akhir 2013), Teraslampung.com"
    href: str
    scope: str
    planned: bool  # target, projection or estimate of the future


def _nice_step(span: float) -> float:
    raw = span / 5 or 1
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def number_id(value: float) -> str:
    """Indonesian number text: decimal comma, thousands dot."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def render_chart(
    points: list[Point], *, title: str, description: str, unit: str
) -> str:
    ET.register_namespace("", SVG)
    svg = ET.Element(
        f"{{{SVG}}}svg",
        {
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "role": "group",
            "aria-labelledby": "grafik-judul grafik-uraian",
            "class": "grafik",
        },
    )
    ET.SubElement(svg, f"{{{SVG}}}title", {"id": "grafik-judul"}).text = title
    ET.SubElement(svg, f"{{{SVG}}}desc", {"id": "grafik-uraian"}).text = description
    if not points:
        return ET.tostring(svg, encoding="unicode")
    series = _series(points)
    if OTHERS in series:
        description_element = svg.find(f"{{{SVG}}}desc")
        description_element.text += (
            f" Cakupan di luar {len(PALETTE) - 1} yang nilainya terbanyak digabung"
            f" sebagai titik abu-abu tanpa garis ({OTHERS})."
        )
    years = [p.year for p in points]
    values = [p.value for p in points]
    # Whole years: a year's points (its months, quarters) around its middle,
    # where its label stands.
    low_year = math.floor(min(years) + 0.5) - 0.5
    high_year = math.ceil(max(years) - 0.5) + 0.5
    low, high = min(0.0, min(values)), max(values)
    if low == high:
        high = low + 1
    step = _nice_step(high - low)
    # Both ends on the step: ticks at round values ("-10, 0, 10", not "-1, 9").
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    plot_w = WIDTH - MARGIN["left"] - MARGIN["right"]
    plot_h = HEIGHT - MARGIN["top"] - MARGIN["bottom"]

    def x(year: float) -> float:
        return MARGIN["left"] + (year - low_year) / (high_year - low_year) * plot_w

    def y(value: float) -> float:
        return MARGIN["top"] + (1 - (value - low) / (high - low)) * plot_h

    axes = ET.SubElement(svg, f"{{{SVG}}}g", {"class": "sumbu", "aria-hidden": "true"})
    tick = low
    while tick <= high + step / 2:
        ET.SubElement(
            axes,
            f"{{{SVG}}}line",
            {
                "x1": f"{MARGIN['left']}",
                "x2": f"{WIDTH - MARGIN['right']}",
                "y1": f"{y(tick):.1f}",
                "y2": f"{y(tick):.1f}",
                "stroke": "#ddd",
            },
        )
        label = ET.SubElement(
            axes,
            f"{{{SVG}}}text",
            {
                "x": f"{MARGIN['left'] - 6}",
                "y": f"{y(tick) + 4:.1f}",
                "text-anchor": "end",
                "font-size": "12",
                "fill": "#333",
            },
        )
        label.text = number_id(round(tick, 6))
        tick += step
    first, last = math.ceil(low_year), math.floor(high_year)
    year_step = max(1, math.ceil((last - first) / 8))
    for year in range(first, last + 1, year_step):
        label = ET.SubElement(
            axes,
            f"{{{SVG}}}text",
            {
                "x": f"{x(year):.1f}",
                "y": f"{HEIGHT - MARGIN['bottom'] + 18}",
                "text-anchor": "middle",
                "font-size": "12",
                "fill": "#333",
            },
        )
        label.text = str(year)
    unit_label = ET.SubElement(
        axes,
        f"{{{SVG}}}text",
        {"x": "8", "y": f"{MARGIN['top'] - 6}", "font-size": "12", "fill": "#333"},
    )
    unit_label.text = unit

    # The grey series is drawn first, its points smaller: behind the others.
    drawn = sorted(enumerate(series.items()), key=lambda item: item[1][0] != OTHERS)
    for index, (scope, members) in drawn:
        colour = OTHERS_COLOUR if scope == OTHERS else PALETTE[index]
        group = ET.SubElement(
            svg, f"{{{SVG}}}g", {"class": "seri", "data-cakupan": scope}
        )
        for planned in (False, True):
            line = [p for p in members if p.planned == planned]
            if scope == OTHERS:
                continue  # no line across scopes
            for run in _runs(line):
                ET.SubElement(
                    group,
                    f"{{{SVG}}}polyline",
                    {
                        "points": " ".join(
                            f"{x(p.year):.1f},{y(p.value):.1f}" for p in run
                        ),
                        "fill": "none",
                        "stroke": colour,
                        "stroke-width": "2",
                        **({"stroke-dasharray": "6 4"} if planned else {}),
                    },
                )
        for point in members:
            link = ET.SubElement(group, f"{{{SVG}}}a", {"href": point.href})
            ET.SubElement(link, f"{{{SVG}}}title").text = point.label
            ET.SubElement(
                link,
                f"{{{SVG}}}circle",
                {
                    "cx": f"{x(point.year):.1f}",
                    "cy": f"{y(point.value):.1f}",
                    "r": "3" if scope == OTHERS else "6",
                    "fill": "#fff" if point.planned else colour,
                    "stroke": colour,
                    "stroke-width": "2",
                    "class": "titik-target" if point.planned else "titik",
                },
            )
    legend = ET.SubElement(svg, f"{{{SVG}}}g", {"class": "legenda"})
    column_width = (WIDTH - MARGIN["left"] - MARGIN["right"]) // LEGEND_COLUMNS
    for index, (scope, members) in enumerate(series.items()):
        colour = OTHERS_COLOUR if scope == OTHERS else PALETTE[index]
        left = MARGIN["left"] + (index % LEGEND_COLUMNS) * column_width
        top = HEIGHT - 16 + (index // LEGEND_COLUMNS) * LEGEND_ROW
        ET.SubElement(
            legend,
            f"{{{SVG}}}rect",
            {
                "x": f"{left}",
                "y": f"{top}",
                "width": "12",
                "height": "12",
                "fill": colour,
            },
        )
        text = ET.SubElement(
            legend,
            f"{{{SVG}}}text",
            {
                "x": f"{left + 16}",
                "y": f"{top + 10}",
                "font-size": "12",
                "fill": "#333",
            },
        )
        if scope == OTHERS:
            scopes = len({point.scope for point in members})
            text.text = f"{OTHERS} ({number_id(scopes)} cakupan)"
        else:
            text.text = scope
    rows = math.ceil(len(series) / LEGEND_COLUMNS)
    svg.set("viewBox", f"0 0 {WIDTH} {HEIGHT + (rows - 1) * LEGEND_ROW}")
    return ET.tostring(svg, encoding="unicode")


def _runs(line: list[Point]) -> list[list[Point]]:
    """The stretches of a series' line (by year, as ``_series`` orders it)
    that have no gap of more than ``LINE_GAP`` years: a line across a gap
    would show values nobody reported (1998's rate joined to 2025's); two
    points at least."""
    runs: list[list[Point]] = []
    for point in line:
        if runs and point.year - runs[-1][-1].year <= LINE_GAP:
            runs[-1].append(point)
        else:
            runs.append([point])
    return [run for run in runs if len(run) > 1]


def _series(points: list[Point]) -> dict[str, list[Point]]:
    """Points by scope, each series by year: the scopes with the most points
    first come by name, one per colour but the last; the rest, if more than
    one, are one series (``OTHERS``) whose tooltips name each point's scope."""
    by_scope: dict[str, list[Point]] = defaultdict(list)
    for point in sorted(points, key=lambda p: p.year):
        by_scope[point.scope].append(point)
    if len(by_scope) <= len(PALETTE):
        return dict(sorted(by_scope.items()))
    ranked = sorted(by_scope, key=lambda scope: (-len(by_scope[scope]), scope))
    shown = sorted(ranked[: len(PALETTE) - 1])
    series = {scope: by_scope[scope] for scope in shown}
    series[OTHERS] = [  # made directly: dataclasses.replace is 5x slower
        Point(p.year, p.value, f"{p.scope}: {p.label}", p.href, p.scope, p.planned)
        for p in sorted(points, key=lambda p: p.year)
        if p.scope not in series
    ]
    return series
