"""Download rows of an indicator: one per figure, its record and its article's."""

import datetime as dt
from types import SimpleNamespace

from warta.indicators.extract import Figure
from warta.indicators.series import (
    CSV_COLUMNS,
    figure_record,
    group_by_indicator,
    rows,
    to_csv,
)


def _figure(**changes) -> Figure:
    fields = {
        "indicator_id": "inflation",
        "value": 2.15,
        "value_max": None,
        "unit": "percent",
        "period": "Oktober 2010",
        "period_year": 2010,
        "scope": "Bengkulu",
        "kind": "realised",
        "quote": "Inflasi tahunan Bengkulu tercatat 2,15 persen.",
        "start": 10,
        "end": 21,
        "period_from": "sentence",
        "text": "2,15 persen",
    }
    return Figure(**(fields | changes))


def _article(source="Lampung Geh"):
    article = SimpleNamespace(
        title="Sentra Tenun di Bengkulu",
        date=dt.datetime(2010, 1, 4, 17, 57),
        url="berita/2010/01/04/sentra-tenun/",
    )
    if source is not None:
        article.source = source
    return article


def _expected(article, figure, site_url):
    """The row as figure_record and the article make it."""
    record = figure_record(figure)
    record.update(
        article_title=article.title,
        article_date=article.date.date().isoformat(),
        article_url=f"{site_url}/{article.url}" if site_url else f"/{article.url}",
        source=getattr(article, "source", None),
    )
    return {key: record.get(key) for key in CSV_COLUMNS}


def test_rows_hold_the_figure_record_and_the_article_in_column_order():
    entries = [
        (_article(), _figure()),
        (_article(source=None), _figure(value_max=3.0, kind="target", scope=None)),
        (_article(), _figure(indicator_id=None, period=None, period_year=None)),
    ]
    for site_url in ("", "https://warta.example.org"):
        found = rows(entries, site_url)
        assert found == [_expected(a, f, site_url) for a, f in entries]
        assert all(list(row) == list(CSV_COLUMNS) for row in found)


def test_csv_has_a_header_and_a_line_per_row():
    text = to_csv(rows([(_article(), _figure())], ""))
    header, line = text.splitlines()
    assert header == ",".join(CSV_COLUMNS)
    assert line.startswith("inflation,2.15,,percent,Oktober 2010,2010,Bengkulu,")
    assert line.endswith(",/berita/2010/01/04/sentra-tenun/,Lampung Geh")


def test_a_value_an_article_gives_twice_is_listed_once_by_its_first_sentence():
    lead = _figure(quote="Inflasi Bengkulu 2,15 persen.", start=0)
    body = _figure(start=90)
    other_period = _figure(period="November 2010", start=150)
    unclassified = _figure(indicator_id=None, start=200)
    first, second = _article(), _article("Antara")
    groups = group_by_indicator(
        [
            (first, [lead, body, other_period, unclassified, unclassified]),
            (second, [body]),
        ],
        lambda figure: figure,
    )
    assert groups["inflation"] == [
        (first, lead),
        (first, other_period),
        (second, body),  # another article's: listed too
    ]
    assert groups[None] == [(first, unclassified), (first, unclassified)]
