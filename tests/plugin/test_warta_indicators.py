"""The indicators plugin on a real ArticlesGenerator."""

from __future__ import annotations

import dataclasses
import logging
import shutil
from pathlib import Path

import pytest
from warta_incremental.writer import _Describer

import warta_content
import warta_indicators
from tests.plugin.pelican_objects import (
    ROOT,
    counts,
    generate,
    settings_for,
    slow_reading,
)
from warta.corpus import rendered_text
from warta.errors import AuthorityError
from warta.incremental import keeps_its_digest
from warta.indicators.catalogue import IndicatorCatalogueError, load_catalogue
from warta.indicators.extract import extract_figures
from warta.kept import forget_kept
from warta_indicators.extractor import ExtractionPlan, FigureViews
from warta_indicators.pages import IndicatorPage


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "authority", content / "authority")
    settings = settings_for(tmp_path, content)
    warta_content.register()
    warta_indicators.register()
    return settings


def write(site, name: str, body: str) -> None:
    path = Path(site["PATH"]) / "articles" / name
    path.write_text(
        f"Title: Ekonomi Lampung\nDate: 2024-05-06\nRegion: Lampung\n\n{body}\n"
    )


def test_figures_are_attached_with_their_indicator(site):
    write(
        site,
        "a.md",
        "Pertumbuhan ekonomi Lampung pada triwulan I 2024 sebesar 4,5 persen.",
    )
    [article] = generate(site).articles
    [view] = article.figures
    assert view.figure.indicator_id == "economic-growth"
    assert view.figure.value == 4.5
    assert view.value_text == "4,5%"
    assert view.url == "indikator/economic-growth/"


def test_an_editors_suppress_takes_a_figure_off_its_indicator(site):
    body = (
        "Pertumbuhan ekonomi Lampung pada triwulan I 2024 sebesar 4,5 persen dan"
        " inflasi 3,1 persen."
    )
    path = Path(site["PATH"]) / "articles" / "a.md"
    path.write_text(
        "Title: Ekonomi Lampung\nDate: 2024-05-06\nRegion: Lampung\n"
        f"Suppress: economic-growth\n\n{body}\n"
    )
    generator = generate(site)
    [article] = generator.articles
    # kept as a figure of no indicator, shown among the others
    assert [
        (v.figure.indicator_id, v.figure.value, v.url) for v in article.figures
    ] == [
        (None, 4.5, None),
        ("inflation", 3.1, "indikator/inflation/"),
    ]
    groups = generator.context["warta_indicators"]["groups"]
    assert "economic-growth" not in groups
    assert [view.figure.value for _, view in groups["inflation"]] == [3.1]
    # taking the line out brings the figure back, though the text is unchanged
    path.write_text(path.read_text().replace("Suppress: economic-growth\n", ""))
    [article] = generate(site).articles
    assert article.figures[0].figure.indicator_id == "economic-growth"


def test_an_article_is_of_its_figures_indicators_and_those_its_editor_adds(
    site, caplog
):
    body = "Pertumbuhan ekonomi Lampung pada triwulan I 2024 sebesar 4,5 persen."
    folder = Path(site["PATH"]) / "articles"
    for name, line in (
        ("a", "Indicators: inflation, economic-growth"),
        ("b", "Indicators: inflasi"),
        ("c", "Suppress: economic-growth"),
    ):
        (folder / f"{name}.md").write_text(
            f"Title: {name}\nDate: 2024-05-06\nRegion: Lampung\n{line}\n\n{body}\n"
        )
    with caplog.at_level(logging.ERROR):
        articles = {
            a.source_path.rsplit("/", 1)[-1]: a for a in generate(site).articles
        }
    assert [(i.id, i.name, i.url) for i in articles["a.md"].indicators] == [
        ("economic-growth", "Pertumbuhan ekonomi", "indikator/economic-growth/"),
        ("inflation", "Inflasi", "indikator/inflation/"),
    ]
    assert [i.id for i in articles["b.md"].indicators] == ["economic-growth"]
    assert articles["c.md"].indicators == ()
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert errors[0].endswith("b.md: Indicators: unknown indicator id 'inflasi'")


def test_dates_and_budget_years_are_not_figures(site):
    write(site, "a.md", "Rapat digelar Senin (16/03/2015) untuk Tahun Anggaran 2016.")
    [article] = generate(site).articles
    assert article.figures == ()


def test_unchanged_articles_come_from_the_cache(site, caplog):
    write(site, "a.md", "Inflasi Lampung pada April 2024 sebesar 3,1 persen.")
    with caplog.at_level(logging.INFO, logger="warta_indicators.extractor"):
        generate(site)
        generator = generate(site)
    messages = [
        r.getMessage() for r in caplog.records if "figures of" in r.getMessage()
    ]
    assert messages[0].endswith("(0 from cache, 0 while reading)")
    assert messages[1].endswith("(1 from cache, 0 while reading)")
    assert generator.articles[0].figures[0].figure.value == 3.1


def test_a_key_carried_over_is_the_key_worked_out_afresh(site):
    """A process that builds again finds an article's key by what it is
    made from; an article whose inputs changed has its key worked out."""
    write(site, "a.md", "Inflasi Lampung pada April 2024 sebesar 3,1 persen.")
    [article] = generate(site).articles
    carried = ExtractionPlan.start(site)  # with the keys of the build above
    key = carried.key_of(article)
    article.metadata["region"] = "Jambi"
    moved = carried.key_of(article)
    forget_kept()  # as a new process: nothing carried over
    afresh = ExtractionPlan.start(site)
    assert afresh.key_of(article) == moved != key
    article.metadata["region"] = "Lampung"
    assert afresh.key_of(article) == key


def test_figures_as_shown_are_made_once_per_process_and_catalogue(site):
    write(site, "a.md", "Inflasi Lampung pada April 2024 sebesar 3,1 persen.")
    [first] = generate(site).articles
    [again] = generate(site).articles
    assert again.figures == first.figures
    # Carried over, as a tuple: no build can change what the next is given.
    assert again.figures is first.figures
    assert isinstance(again.figures, tuple)
    catalogue = Path(site["PATH"]) / "authority" / "indicators.yaml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("name: Inflasi\n", "name: Laju Inflasi\n"))
    [renamed] = generate(site).articles
    assert renamed.figures[0].name == "Laju Inflasi"
    assert renamed.figures[0].value_text == first.figures[0].value_text == "3,1%"


def test_a_regency_named_bare_is_the_figures_scope_by_places_yaml(site):
    """places.yaml names the regencies and cities a sentence may name without
    "Kabupaten"; a change to it is a change to every figure's key."""
    write(
        site,
        "a.md",
        "Di Jawa Timur, inflasi tertinggi di Banyuwangi sebesar 0,63 persen.",
    )
    [article] = generate(site).articles
    assert [view.figure.scope for view in article.figures] == ["Kabupaten Banyuwangi"]
    places = Path(site["PATH"]) / "authority" / "places.yaml"
    text = places.read_text(encoding="utf-8")
    assert text.count("Banyuwangi, ") == 1
    places.write_text(text.replace("Banyuwangi, ", ""), encoding="utf-8")
    [article] = generate(site).articles
    assert [view.figure.scope for view in article.figures] == ["Jawa Timur"]


def test_a_bad_places_file_fails_with_file_and_line(site, caplog):
    places = Path(site["PATH"]) / "authority" / "places.yaml"
    places.write_text(places.read_text() + "- province: [\n", encoding="utf-8")
    write(site, "a.md", "Inflasi 3 persen.")
    with pytest.raises(AuthorityError), caplog.at_level(logging.ERROR):
        generate(site)
    assert any(str(places) in r.getMessage() for r in caplog.records)


def test_a_bad_catalogue_fails_with_file_and_line(site, caplog):
    catalogue = Path(site["PATH"]) / "authority" / "indicators.yaml"
    catalogue.write_text(catalogue.read_text() + "- id: inflation\n  name: Lagi\n")
    write(site, "a.md", "Inflasi 3 persen.")
    with pytest.raises(IndicatorCatalogueError), caplog.at_level(logging.ERROR):
        generate(site)
    assert any(str(catalogue) in r.getMessage() for r in caplog.records)


def test_figures_found_while_reading_equal_figures_found_after(site, caplog):
    sentences = [
        "Inflasi Lampung pada April 2024 sebesar 3,1 persen.",
        "Pertumbuhan ekonomi Lampung pada triwulan I 2024 sebesar 4,5 persen.",
        "Rapat digelar Senin (16/03/2015).",
    ]
    for number in range(70):  # more than a batch (64): a worker starts
        path = Path(site["PATH"]) / "articles" / f"a{number}.md"
        path.write_text(
            f"Title: Ekonomi {number}\nDate: 2024-05-{1 + number % 28:02d}\n"
            f"Region: Lampung\n\n{sentences[number % 3]} Nomor {number}.\n"
        )

    with (
        caplog.at_level(logging.INFO, logger="warta_indicators.extractor"),
        slow_reading(0.02),
    ):
        generator = generate(site)
    messages = [
        r.getMessage() for r in caplog.records if "figures of" in r.getMessage()
    ]
    # The worker had the first batch; the last six, never sent, are done after.
    cached, while_reading = counts(messages[0])
    assert cached == 0
    assert 0 < while_reading <= 64
    catalogue = load_catalogue(Path(site["PATH"]) / "authority" / "indicators.yaml")
    for article in generator.articles:  # what extraction after reading finds
        expected = extract_figures(
            rendered_text(article),
            catalogue=catalogue,
            article_date=article.date.date(),
            region="Lampung",
        )
        assert [view.figure for view in article.figures] == expected
    [growth] = next(a for a in generator.articles if a.slug == "ekonomi-1").figures
    assert growth.figure.value == 4.5


def test_an_indicator_page_is_not_digested_by_its_articles_other_figures(site):
    """A page lists one figure of an article: the article's other figures
    (another indicator's) are no part of the page's digest, so an edit that
    changes or adds one renders only the pages whose own entries change."""
    write(
        site,
        "a.md",
        "Inflasi Lampung pada April 2024 sebesar 3,1 persen. "
        "Pertumbuhan ekonomi Lampung pada 2023 sebesar 4,5 persen.",
    )
    [article] = generate(site).articles
    views = article.figures
    assert len({view.figure.indicator_id for view in views}) == 2
    [inflation] = [v for v in views if v.figure.indicator_id == "inflation"]

    def digest(view) -> str:
        page = IndicatorPage(object, "indikator/inflation/", [(article, view)])
        return _Describer().digester.digest(page)

    before = digest(inflation)
    other = next(v for v in views if v is not inflation)
    changed = dataclasses.replace(
        other, figure=dataclasses.replace(other.figure, value=9.9)
    )
    article.figures = FigureViews([changed if v is other else v for v in views])
    assert digest(inflation) == before
    # Its own figure, as kept (equal views made again) and as changed.
    assert digest(dataclasses.replace(inflation)) == before
    moved = dataclasses.replace(
        inflation, figure=dataclasses.replace(inflation.figure, value=3.4)
    )
    assert digest(moved) != before
    assert digest(dataclasses.replace(inflation, value_text="3,10%")) != before


def test_an_indicator_page_shows_its_views_values(site):
    """The table and the index's latest value show each figure as its view
    has it (formatted once, at extraction); the page's digest takes each
    view's kept digest."""
    write(site, "a.md", "Inflasi Lampung pada April 2024 sebesar 3,1 persen.")
    [article] = generate(site).articles
    [view] = article.figures
    page = IndicatorPage(object(), "indikator/inflation/", [(article, view)])
    _Describer().digester.digest(page)
    assert keeps_its_digest(view)
    assert page.table == [(article, view.figure, "3,1%", "realisasi")]
    assert page.latest == (article, view)
