"""Work done once before writing: frozen URLs and indexed tag lists."""

from __future__ import annotations

import gc
import os
import pickle
from pathlib import Path

import pytest
from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings
from pelican.urlwrappers import Author

import warta_content
from tests.plugin.pelican_objects import articles_generator
from tests.spies import spy
from warta.memory import NO_FULL_COLLECTIONS, collect_as_usual
from warta_content.speed import (
    IndexedList,
    _UrlFields,
    freeze_urls,
    frozen_by_warta,
    index_taxonomies,
    period_archives,
)

ROOT = Path(__file__).resolve().parents[2]


def _read(tmp_path, extra: str = "", **settings) -> ArticlesGenerator:
    """An ArticlesGenerator that has read three tagged articles (and
    ``extra``, a fourth file's text, if given)."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for name, date, tags in (
        ("satu", "2015-03-16", "ikm, ekspor"),
        ("dua", "2016-01-02", "ikm"),
        ("tiga", "2017-07-08", "ekspor"),
    ):
        (content / "articles" / f"{name}.md").write_text(
            f"Title: {name.title()}\nDate: {date}\nTags: {tags}\n\nIsi.\n",
            encoding="utf-8",
        )
    if extra:
        (content / "articles" / "empat.md").write_text(extra, encoding="utf-8")
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            **settings,
        },
    )
    warta_content.register()
    generator = articles_generator(settings)
    generator.generate_context()
    return generator


@pytest.fixture
def generator(tmp_path):
    return _read(tmp_path)


def _as_pelican_formats(article, key: str) -> str:
    return Article._expand_settings(article, key)


def test_an_incremental_build_freezes_each_articles_paths_as_it_is_read(tmp_path):
    draft = "Title: Draf\nDate: 2018-01-01\nStatus: draft\n\nIsi.\n"
    generator = _read(tmp_path, draft, WARTA_INCREMENTAL=True)
    assert len(generator.articles) == 3
    for article in generator.articles:
        assert frozen_by_warta(article)
        assert article.override_save_as == _as_pelican_formats(article, "save_as")
        assert article.override_url == _as_pelican_formats(article, "url")
    assert "berita/2016/01/02/dua/index.html" in {
        article.save_as for article in generator.articles
    }
    (draft,) = generator.drafts
    assert not frozen_by_warta(draft)
    assert not hasattr(draft, "override_save_as")


@pytest.mark.parametrize(
    "form",
    [
        "berita/{date:%Y}/{date:%m}/{date:%d}/{slug}/",
        "berita/{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html",
        "{date:%-d %B %Y}/{date:%Y}/{date}/{date!s}/{date!r}",
        "{date.year}-{date.month:02}",
        "{path}|{lang}|{category}|{author}",
        "{title}-{slug}",  # metadata
        "{date:%Y}/{missing}",
    ],
)
def test_url_fields_format_as_pelicans_url_format(generator, form):
    article = generator.articles[0]
    article.author = Author("Redaksi Warta", article.settings)  # slug: redaksi-warta
    try:
        expected = form.format(**article.url_format)
    except KeyError as error:
        with pytest.raises(KeyError, match=str(error)):
            form.format_map(_UrlFields(article))
        return
    assert form.format_map(_UrlFields(article)) == expected


@pytest.mark.parametrize(
    "settings",
    [
        {},  # not incremental: Pelican's own writer would take the leave
        {"WARTA_INCREMENTAL": True, "WITH_FUTURE_DATES": False},
    ],
)
def test_paths_are_left_to_pelican_where_freezing_could_change_them(tmp_path, settings):
    generator = _read(tmp_path, **settings)
    for article in generator.articles:
        assert not frozen_by_warta(article)
        assert not hasattr(article, "override_save_as")


def test_an_output_file_named_in_the_metadata_is_the_editors(tmp_path):
    own = "Title: Sendiri\nDate: 2018-01-01\nSave_as: sendiri.html\n\nIsi.\n"
    generator = _read(tmp_path, own, WARTA_INCREMENTAL=True)
    (article,) = [a for a in generator.articles if a.title == "Sendiri"]
    assert article.save_as == "sendiri.html"
    assert not frozen_by_warta(article)  # written with Pelican's leave


def test_frozen_urls_are_the_urls_pelican_works_out(generator):
    expected = {a.source_path: a.url for a in generator.articles}
    freeze_urls([generator])
    for article in generator.articles:
        assert article.override_url == expected[article.source_path]
        assert article.url == expected[article.source_path]
    assert "berita/2016/01/02/dua/" in expected.values()


def test_a_url_given_in_the_metadata_is_kept(generator):
    article = generator.articles[0]
    article.override_url = "sendiri/"
    freeze_urls([generator])
    assert article.url == "sendiri/"


def test_tag_lists_are_indexed_with_the_same_members(generator):
    index_taxonomies(generator)  # again: the plugin did it once already
    assert generator.tags
    for tag, articles in generator.tags.items():
        assert isinstance(articles, IndexedList)
        assert [a.slug for a in articles] == [
            a.slug for a in generator.articles if tag in a.tags
        ]
        for article in generator.dates:
            assert (article in articles) == any(article is a for a in articles)
    context_tags = dict(generator.context["tags"])
    assert all(context_tags[tag] is generator.tags[tag] for tag in generator.tags)
    for _category, articles in generator.categories:
        assert isinstance(articles, IndexedList)
    assert generator.context["categories"] is generator.categories


def test_articles_naming_a_tag_category_or_author_alike_share_its_object(tmp_path):
    extra = (
        "Title: Empat\nDate: 2018-01-01\nTags: IKM, kopi\nAuthors: Budi; Sari\n\nIsi.\n"
    )
    generator = _read(tmp_path, extra)
    articles = {article.slug: article for article in generator.articles}
    assert len(articles) == 4
    tags = [tag for article in articles.values() for tag in article.tags]
    by_name: dict[str, set[int]] = {}
    for tag in tags:
        by_name.setdefault(tag.name, set()).add(id(tag))
    # "IKM" and "ikm" share a slug, not a name: each keeps its own object.
    assert {name: len(ids) for name, ids in by_name.items()} == {
        "ikm": 1,
        "ekspor": 1,
        "IKM": 1,
        "kopi": 1,
    }
    assert len([tag for tag in tags if tag.name == "ikm"]) == 2
    categories = {id(article.category) for article in articles.values()}
    assert len(categories) == 1
    for article in articles.values():
        assert article.metadata.get("category", article.category) is article.category
        assert article.metadata.get("tags") in (None, article.tags)
    # A second build's settings make objects of their own.
    again = _read(tmp_path / "again", extra)
    assert not {id(a.category) for a in again.articles} & categories
    assert [a.name for a in articles["empat"].authors] == ["Budi", "Sari"]
    assert articles["empat"].author is articles["empat"].authors[0]


def test_an_indexed_list_answers_as_a_list_after_changes():
    class Item:
        pass

    items = [Item() for _ in range(4)]
    listed = IndexedList(items[:2])
    assert items[0] in listed
    assert items[2] not in listed
    listed.append(items[2])
    assert items[2] in listed
    listed.remove(items[0])
    listed.append(items[3])  # the same length as before, other members
    assert items[3] in listed
    assert items[0] not in listed
    listed[0] = items[0]
    assert items[0] in listed
    assert items[1] not in listed
    listed += [items[1]]
    assert items[1] in listed
    del listed[:]
    assert items[1] not in listed
    assert [] not in listed  # unhashable: scanned, as a list does
    assert [] in IndexedList([[], items[0]])


def test_an_indexed_list_pickles_as_its_items():
    listed = IndexedList(["a", "b"])
    assert "a" in listed
    copy = pickle.loads(pickle.dumps(listed))
    assert copy == ["a", "b"]
    assert "b" in copy
    assert pickle.dumps(IndexedList(["a", "b"])) == pickle.dumps(listed)


def _cached_settings(tmp_path, texts: dict[str, str], **override) -> dict:
    """Settings with Pelican's content cache on, as an incremental build
    reads, for a content folder of ``texts`` (name -> body)."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    for number, (name, body) in enumerate(texts.items(), start=1):
        (content / "articles" / f"{name}.md").write_text(
            f"Title: {name.title()}\nDate: 2015-03-{number:02}\n\n{body}\n",
            encoding="utf-8",
        )
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "CACHE_CONTENT": True,
            "LOAD_CONTENT_CACHE": True,
            **override,
        },
    )


def _cached_generator(tmp_path, texts: dict[str, str]):
    """An ArticlesGenerator that read ``texts`` with Pelican's content cache
    on (``_cached_settings``)."""
    settings = _cached_settings(tmp_path, texts)
    warta_content.register()
    generator = articles_generator(settings)
    generator.generate_context()
    return generator


def test_the_saved_content_cache_is_dropped_and_read_next_time(tmp_path):
    """Each article's HTML is ASCII, a dash as a character reference, so
    saving the cache (pickling) left no UTF-8 copy of it beside the article;
    the cache's dict is emptied once saved, and the next build still reads
    every article from the saved cache."""
    texts = {
        "kopi": "Ekspor kopi naik 5 % — kata Kepala Dinas.",
        "lada": "Harga lada stabil.",
    }
    generator = _cached_generator(tmp_path / "one", texts)
    first = {a.slug: a for a in generator.articles}
    assert all(article._content.isascii() for article in first.values())
    assert "naik 5 % &#8212; kata" in first["kopi"].content
    assert generator.readers._cache == {}

    saved = Path(generator.settings["CACHE_PATH"]) / "ArticlesGenerator-Readers"
    assert saved.is_file()
    again = articles_generator(generator.settings)
    reads = []
    again.readers.readers["md"].read = lambda *a: reads.append(a)
    again.generate_context()
    assert reads == []  # every article came from the cache
    assert {a.slug: a.content for a in again.articles} == {
        slug: a.content for slug, a in first.items()
    }


def test_the_content_cache_is_saved_only_when_a_file_was_read_anew(tmp_path):
    texts = {"kopi": "Ekspor kopi naik.", "lada": "Harga lada stabil."}
    generator = _cached_generator(tmp_path, texts)
    saved = Path(generator.settings["CACHE_PATH"]) / "ArticlesGenerator-Readers"
    first = saved.read_bytes()
    os.utime(saved, ns=(1, 1))  # a save would change it

    def generate(expected_reads: int) -> ArticlesGenerator:
        again = articles_generator(generator.settings)
        reader = again.readers.readers["md"]
        reads = []
        read = reader.read
        reader.read = lambda path: reads.append(path) or read(path)
        again.generate_context()
        assert len(reads) == expected_reads
        return again

    generate(expected_reads=0)
    assert saved.stat().st_mtime_ns == 1  # nothing read anew: not saved
    assert saved.read_bytes() == first

    lada = tmp_path / "content" / "articles" / "lada.md"
    lada.write_text(lada.read_text(encoding="utf-8") + "\nNaik.\n", encoding="utf-8")
    generate(expected_reads=1)
    assert saved.stat().st_mtime_ns != 1
    again = generate(expected_reads=0)  # the edit is in the saved cache
    assert "Naik." in {a.slug: a for a in again.articles}["lada"].content


@pytest.mark.parametrize(
    "granularities",
    [("year", "month"), ("year", "month", "day"), ()],
    ids=["year-month", "every-period", "none"],
)
def test_archives_by_period_are_pelicans_own(tmp_path, granularities):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for number, date in enumerate(
        ["2015-03-16", "2015-03-16 10:00", "2015-03-02", "2015-11-30", "2016-01-02"]
    ):
        (content / "articles" / f"a{number}.md").write_text(
            f"Title: Berita {number}\nDate: {date}\n\nIsi.\n", encoding="utf-8"
        )
    override = {"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output")}
    for granularity in ("year", "month", "day"):
        if granularity not in granularities:
            override[f"{granularity.upper()}_ARCHIVE_SAVE_AS"] = ""
    override["DAY_ARCHIVE_URL"] = "arsip/{date:%Y}/{date:%m}/{date:%d}/"
    if "day" in granularities:
        override["DAY_ARCHIVE_SAVE_AS"] = "arsip/{date:%Y}/{date:%m}/{date:%d}/i.html"
    settings = read_settings(str(ROOT / "pelicanconf.py"), override=override)
    warta_content.register()
    generator = articles_generator(settings)
    generator.generate_context()
    ours = generator.period_archives
    assert generator._build_period_archives is period_archives
    pelicans = ArticlesGenerator._build_period_archives(
        generator, generator.dates, generator.articles, settings
    )
    assert ours.keys() == pelicans.keys() == set(granularities)
    for granularity in granularities:
        assert len(ours[granularity]) == len(pelicans[granularity])
        for mine, theirs in zip(ours[granularity], pelicans[granularity], strict=True):
            assert list(mine) == list(theirs)  # the same keys, in the same order
            for key, value in theirs.items():
                if key in ("dates", "articles"):
                    assert [id(a) for a in mine[key]] == [id(a) for a in value]
                else:
                    assert mine[key] == value
    if "month" in granularities:
        march = next(a for a in ours["month"] if a["period_num"] == (2015, 3))
        assert len(march["articles"]) == 3
        assert march["period"] == (2015, "March")


def test_full_collections_stay_off_until_every_receiver_of_the_end_is_done():
    """Another plugin's receiver of ``finalized`` (the page memo's save,
    connected after warta_content's) still runs without full collections;
    the usual thresholds are back once the build has ended."""
    usual = gc.get_threshold()
    seen = []

    def later_plugin(_pelican) -> None:
        seen.append(gc.get_threshold()[2])

    warta_content.register()
    signals.finalized.connect(later_plugin)
    try:
        for _build in range(2):  # the order holds for the next build too
            signals.initialized.send(object())
            signals.finalized.send(object())
            assert gc.get_threshold() == usual
    finally:
        signals.finalized.disconnect(later_plugin)
        collect_as_usual()
    assert seen == [NO_FULL_COLLECTIONS, NO_FULL_COLLECTIONS]


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_the_generator_level_cache_is_asked_only_when_it_is_on(
    tmp_path, monkeypatch, layer
):
    """Off (the default layer is the reader's), Pelican's generator-level
    cache takes no file's time; on, it caches as Pelican's does."""
    stamped = spy(
        monkeypatch,
        ArticlesGenerator,
        "_get_file_stamp",
        lambda _generator, filename: filename,
    )
    texts = {"kopi": "Ekspor kopi naik.", "lada": "Harga lada stabil."}
    settings = _cached_settings(tmp_path, texts, CONTENT_CACHING_LAYER=layer)
    warta_content.register()
    first = articles_generator(settings)
    first.generate_context()
    assert sorted(a.title for a in first.articles) == ["Kopi", "Lada"]
    assert bool(stamped) == (layer == "generator")
    again = articles_generator(settings)
    again.generate_context()
    assert sorted(a.title for a in again.articles) == ["Kopi", "Lada"]
    if layer == "generator":  # the articles came from its cache
        assert again._cache
        assert set(again._cache) == set(first._cache)


def test_articles_are_filed_by_the_relative_path_worked_out_as_they_were_made(
    tmp_path, monkeypatch
):
    """The context files each article under the path Pelican's own
    ``add_source_path`` gives it, without Pelican working that path out
    again for it (pages and static files still are filed by Pelican)."""
    filed_by_pelican = spy(monkeypatch, ArticlesGenerator, "add_source_path")
    extra = "Title: Empat\nDate: 2018-01-01\n\nIsi.\n"
    generator = _read(tmp_path, extra)
    filed = {
        path: content
        for path, content in generator.context["generated_content"].items()
        if isinstance(content, Article)
    }
    assert sorted(filed) == [
        "articles/dua.md",
        "articles/empat.md",
        "articles/satu.md",
        "articles/tiga.md",
    ]
    for path, article in filed.items():
        assert article.get_relative_source_path() == path
    assert not [args for args in filed_by_pelican if isinstance(args[1], Article)]
