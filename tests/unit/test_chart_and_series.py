"""Indonesian number text, figure records and the SVG chart."""

import xml.etree.ElementTree as ET

import pytest

from warta.chart import Point, number_id, render_chart
from warta.indicators.series import format_value

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (34.27, "34,27"),
        (64.0, "64"),
        (1234567, "1.234.567"),
        (0.5, "0,5"),
        (-2.25, "-2,25"),
    ],
)
def test_number_id(value, text):
    assert number_id(value) == text


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (34.27, "percent", "34,27%"),
        (1.2e12, "rupiah", "Rp 1,2 triliun"),
        (3.5e9, "rupiah", "Rp 3,5 miliar"),
        (3e6, "usd", "US$ 3 juta"),
        (1234, "unit", "1.234 unit"),
        (250, "person", "250 orang"),
        (12500, "count", "12.500"),
    ],
)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text


def test_chart_links_every_point_and_marks_targets():
    points = [
        Point(2013, 34.27, "34,27% (2013)", "/berita/a/", "nasional", False),
        Point(2014, 36.0, "36% (2014)", "/berita/b/", "nasional", False),
        Point(2019, 40.0, "40% (target 2019)", "/berita/c/", "nasional", True),
        Point(2014, 20.0, "20% (2014)", "/berita/d/", "Lampung", False),
    ]
    svg = ET.fromstring(
        render_chart(points, title="Judul", description="Uraian", unit="%")
    )
    assert svg.get("role") == "group"  # it holds links: not an image
    assert svg.find(f"{SVG}title").text == "Judul"
    assert svg.find(f"{SVG}desc").text == "Uraian"
    links = {a.get("href"): a for a in svg.iter(f"{SVG}a")}
    assert set(links) == {"/berita/a/", "/berita/b/", "/berita/c/", "/berita/d/"}
    target = links["/berita/c/"].find(f"{SVG}circle")
    assert target.get("fill") == "#fff"  # hollow
    series = {
        g.get("data-cakupan") for g in svg.iter(f"{SVG}g") if g.get("data-cakupan")
    }
    assert series == {"nasional", "Lampung"}
    assert any(p.get("stroke-dasharray") for p in svg.iter(f"{SVG}polyline")) is False


def test_chart_escapes_text():
    point = Point(2020, 1, "<script>alert(1)</script>", "/x/", "a & b", False)
    text = render_chart([point], title="<b>", description="d", unit="%")
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


def test_empty_chart_keeps_its_title():
    svg = ET.fromstring(
        render_chart([], title="Kosong", description="Tidak ada", unit="%")
    )
    assert svg.find(f"{SVG}title").text == "Kosong"
