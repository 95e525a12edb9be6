"""Indonesian number text, figure records and the SVG chart."""

import xml.etree.ElementTree as ET

import pytest

from warta.chart import HEIGHT, MARGIN, WIDTH, Point, number_id, render_chart
from warta.indicators.series import format_value, period_position

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (34.27, "34,27"),
        (64.0, "64"),
        (1234567, "1.234.567"),
        (1465, "1.465"),  # a count, as templates print it (angka)
        (999, "999"),
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
        # A deficit: the sign before the currency.
        (-1.2e9, "usd", "-US$ 1,2 miliar"),
        (-5e11, "rupiah", "-Rp 500 miliar"),
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


def test_a_series_line_breaks_where_years_pass_with_no_value():
    points = [
        Point(year, value, f"{value}", f"/berita/{year}/", "nasional", False)
        for year, value in ((1998.0, 2400), (2025.4, 16800), (2026.3, 17700))
    ]
    svg = ET.fromstring(render_chart(points, title="t", description="d", unit="Rp"))
    lines = list(svg.iter(f"{SVG}polyline"))
    assert len(lines) == 1  # 2025-2026 joined; 1998 a point alone
    assert len(lines[0].get("points").split()) == 2


@pytest.mark.parametrize(
    ("period", "position"),
    [
        (None, 2025.0),
        ("2025", 2025.0),
        ("2024-2025", 2025.0),  # a range of years: at the year given
        ("pertengahan 2025", 2025.0),
        ("Januari 2025", 2025 - 5.5 / 12),
        ("Desember 2025", 2025 + 5.5 / 12),
        ("akhir 2025", 2025 + 5.5 / 12),
        ("awal 2025", 2025 - 5.5 / 12),
        ("Januari-Maret 2025", 2025 - 4.5 / 12),
        ("triwulan I 2025", 2025 - 4.5 / 12),
        ("triwulan IV 2025", 2025 + 4.5 / 12),
        ("semester II 2025", 2025 + 3 / 12),
        ("1 Juli 2025", 2025 + (0.5 / 31) / 12),
        ("Bulan 2025", 2025.0),  # no month's name
    ],
)
def test_a_period_stands_at_its_middle_around_its_years(period, position):
    assert period_position(period, 2025) == pytest.approx(position)


def test_a_years_label_stands_among_its_months_points():
    points = [
        Point(period_position("2024", 2024), 3.0, "a", "/a/", "nasional", False),
        Point(period_position("Januari 2025", 2025), 1.0, "b", "/b/", "x", False),
        Point(period_position("Desember 2025", 2025), 2.0, "c", "/c/", "x", False),
    ]
    svg = ET.fromstring(render_chart(points, title="J", description="U", unit="%"))
    xs = {
        a.get("href"): float(a.find(f"{SVG}circle").get("cx"))
        for a in svg.iter(f"{SVG}a")
    }
    assert MARGIN["left"] < xs["/a/"] < xs["/b/"] < xs["/c/"] < WIDTH - MARGIN["right"]
    axis_y = str(HEIGHT - MARGIN["bottom"] + 18)
    years = {
        text.text: float(text.get("x"))
        for text in svg.iter(f"{SVG}text")
        if text.get("y") == axis_y
    }
    assert set(years) == {"2024", "2025"}
    assert years["2024"] == pytest.approx(xs["/a/"])
    assert xs["/b/"] < years["2025"] < xs["/c/"]


def test_the_value_axis_ticks_at_round_values_below_zero_too():
    points = [
        Point(2024, -1.0, "a", "/a/", "nasional", False),
        Point(2025, 31.0, "b", "/b/", "nasional", False),
    ]
    svg = ET.fromstring(render_chart(points, title="J", description="U", unit="%"))
    ticks = [
        text.text for text in svg.iter(f"{SVG}text") if text.get("text-anchor") == "end"
    ]
    assert ticks == ["-10", "0", "10", "20", "30", "40"]


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


def test_many_scopes_share_one_grey_series_and_the_legend_wraps():
    # Nine scopes: the six with the most points keep a colour and a line of
    # their own; the other three become one grey series with no line.
    counts = {f"Provinsi {letter}": 9 - n for n, letter in enumerate("ABCDEFGHI")}
    points = [
        Point(2010 + i, float(i), f"{i}%", f"/berita/{scope}/{i}/", scope, False)
        for scope, count in counts.items()
        for i in range(count)
    ]
    svg = ET.fromstring(render_chart(points, title="T", description="U.", unit="%"))
    groups = {g.get("data-cakupan"): g for g in svg.iter(f"{SVG}g")}
    named = [f"Provinsi {letter}" for letter in "ABCDEF"]
    # The grey series is drawn first (behind the others), its points smaller.
    assert [k for k in groups if k] == ["Lainnya", *named]
    assert groups["Lainnya"].find(f"{SVG}a/{SVG}circle").get("r") == "3"
    colours = [
        g.find(f"{SVG}a/{SVG}circle").get("fill") for k, g in groups.items() if k
    ]
    assert len(set(colours)) == 7  # no two series share a colour
    others = groups["Lainnya"]
    assert others.find(f"{SVG}polyline") is None
    assert len(others.findall(f"{SVG}a")) == 3 + 2 + 1  # every point kept, linked
    assert others.find(f"{SVG}a/{SVG}title").text.startswith("Provinsi G: ")
    legend = [t.text for t in svg.find(f"{SVG}g[@class='legenda']").iter(f"{SVG}text")]
    assert legend[-1] == "Lainnya (3 cakupan)"
    # Two names a row: four rows, the chart taller by three rows, none outside.
    assert svg.get("viewBox") == f"0 0 640 {320 + 3 * 16}"
    xs = [
        float(r.get("x"))
        for r in svg.find(f"{SVG}g[@class='legenda']").iter(f"{SVG}rect")
    ]
    assert max(xs) < 640 - 150
    assert "Lainnya" in svg.find(f"{SVG}desc").text


def test_seven_scopes_each_keep_a_colour():
    points = [
        Point(2020, 1.0, "1%", f"/berita/{n}/", f"Wilayah {n}", False) for n in range(7)
    ]
    svg = ET.fromstring(render_chart(points, title="T", description="U", unit="%"))
    scopes = [
        g.get("data-cakupan") for g in svg.iter(f"{SVG}g") if g.get("data-cakupan")
    ]
    assert scopes == [f"Wilayah {n}" for n in range(7)]
    assert svg.get("viewBox") == f"0 0 640 {320 + 3 * 16}"
    assert svg.find(f"{SVG}desc").text == "U"
