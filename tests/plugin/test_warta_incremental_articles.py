"""Articles kept as read between the builds of one process, on real Pelican
generators: made again only while the file, the settings and the code are
unchanged, and then the article Pelican would make."""

from __future__ import annotations

import datetime
import importlib
import logging
import os
import types
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican import signals
from pelican.log import LimitFilter
from warta_incremental import articles
from warta_incremental import writer as writer_module
from warta_incremental.articles import (
    keep_articles_read,
    leave_content_cache,
    read_as,
    report_articles_read,
)
from warta_incremental.writer import _Describer

import pelicanconf
import warta_content
from tests.plugin.pelican_objects import articles_generator, settings_for
from warta.kept import forget_kept
from warta_content import reader as reader_module

ARTICLES = {
    "kopi": "Title: Ekspor Kopi\nDate: 2015-03-16 09:00\nTags: kopi, ekspor\n"
    "Region: Lampung\n\nEkspor kopi naik 5 % \u2014 kata Kepala Dinas.\n",
    "lada": "Title: Harga Lada\nDate: 2016-01-02\nTags: lada\n\n"
    "Harga lada stabil.\n\n![](/gambar/lada.jpg)\n",  # no alt text: a warning
    "draf": "Title: Draf\nDate: 2017-07-08\nStatus: draft\n\nBelum terbit.\n",
}


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (content / "articles" / f"{name}.md").write_text(text, encoding="utf-8")
    settings = settings_for(tmp_path, content)
    settings["WARTA_INCREMENTAL"] = True
    warta_content.register()  # freeze_paths: a receiver of content_object_init
    forget_kept()
    yield content, settings
    forget_kept()


def _read(settings, reading: str | None = "r1"):
    """A generator that has read the articles, keeping them under ``reading``,
    and the names of the files its Markdown reader read."""
    # Pelican logs a warning once per process; a build (``sitebuild``) makes
    # it forget.
    LimitFilter._raised_messages.clear()
    generator = articles_generator(settings)
    reader = generator.readers.readers["md"]
    reads = []
    read = reader.read
    reader.read = lambda path: reads.append(path.rsplit("/", 1)[-1]) or read(path)
    keep_articles_read(generator, reading)
    generator.generate_context()
    return generator, sorted(reads)


def _attributes(generator) -> dict[str, dict]:
    """Each article's attributes but the build's own (settings, context)."""
    return {
        article.slug: {
            key: value
            for key, value in vars(article).items()
            if key not in ("settings", "_context")
        }
        for article in [*generator.articles, *generator.drafts]
    }


def test_an_unchanged_article_is_made_as_pelican_read_it(site, caplog):
    _content, settings = site
    first, reads = _read(settings)
    assert reads == ["draf.md", "kopi.md", "lada.md"]
    for article in first.articles:  # changed after it was read: not kept so
        article.tags.append("lain")
        article.metadata["region"] = "Jambi"
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        again, reads = _read(settings)
    assert reads == []
    # The warning reading logged is logged again.
    warned = [r.getMessage() for r in caplog.records]
    assert [m for m in warned if "Empty alt" in m and "lada.md" in m], warned
    fresh, _ = _read(settings, reading=None)  # nothing kept: read by Pelican
    assert _attributes(again) == _attributes(fresh)
    for article in again.articles:
        assert article.settings is settings
        assert article._context is again.context
        assert article.url == article.override_url  # frozen as it was read
    # Pelican's lists and the metadata are each the article's own: what one
    # build does to them is not seen by the next.
    kopi = next(a for a in again.articles if a.slug == "ekspor-kopi")
    assert kopi.metadata["tags"] is kopi.tags
    kopi.tags.append("lain")
    kopi.metadata["region"] = "Jambi"
    later, reads = _read(settings)
    assert reads == []
    assert _attributes(later) == _attributes(fresh)


def test_an_edited_or_added_file_is_read_again(site):
    content, settings = site
    _read(settings)
    lada = content / "articles" / "lada.md"
    lada.write_text(lada.read_text().replace("stabil", "turun"), encoding="utf-8")
    (content / "articles" / "teh.md").write_text(
        "Title: Teh\nDate: 2018-01-01\n\nTeh.\n", encoding="utf-8"
    )
    again, reads = _read(settings)
    assert reads == ["lada.md", "teh.md"]
    by_slug = {a.slug: a for a in again.articles}
    assert "turun" in by_slug["harga-lada"].content
    assert "teh" in by_slug


def test_nothing_is_kept_across_other_settings_or_code(site):
    _content, settings = site
    _read(settings, reading="r1")
    assert _read(settings, reading="r2")[1] == ["draf.md", "kopi.md", "lada.md"]
    assert _read(settings, reading="r2")[1] == []


def test_articles_are_read_when_future_dates_wait(site):
    """Without ``WITH_FUTURE_DATES`` an article is a draft until its date:
    what it was when read may not be what it is now."""
    _content, settings = site
    settings["WITH_FUTURE_DATES"] = False
    _read(settings)
    assert _read(settings)[1] == ["draf.md", "kopi.md", "lada.md"]


def test_a_receiver_of_the_metadata_turns_keeping_off(site):
    """``article_generator_context`` gets the metadata before the article
    is made, and may change it: every article is read."""
    _content, settings = site
    _read(settings)

    def mark(_generator, metadata) -> None:
        metadata["marked"] = True

    signals.article_generator_context.connect(mark)
    generator, reads = _read(settings)
    assert reads == ["draf.md", "kopi.md", "lada.md"]
    assert all(article.marked for article in generator.articles)


def test_an_unknown_receiver_of_a_new_article_turns_keeping_off(site):
    """A receiver Warta does not know might change the article again each
    time it meets it: every article is read."""
    _content, settings = site
    _read(settings)
    seen = []

    def count(content) -> None:
        seen.append(content.slug)

    signals.content_object_init.connect(count)
    _generator, reads = _read(settings)
    assert reads == ["draf.md", "kopi.md", "lada.md"]
    assert sorted(seen) == ["draf", "ekspor-kopi", "harga-lada"]


def test_known_receivers_of_a_new_article_get_the_kept_ones(site, monkeypatch):
    _content, settings = site
    _read(settings)
    seen = []

    def count(content) -> None:
        seen.append(content.slug)

    known = articles.REPEATABLE | {f"{__name__}.{count.__qualname__}"}
    monkeypatch.setattr(articles, "REPEATABLE", known)
    signals.content_object_init.connect(count)
    _generator, reads = _read(settings)
    assert reads == []
    assert sorted(seen) == ["draf", "ekspor-kopi", "harga-lada"]


def test_the_projects_receivers_of_a_new_article_are_known():
    """Every plugin the site uses: a receiver renamed or added without a
    word here would turn keeping off unnoticed."""
    for name in pelicanconf.PLUGINS:
        importlib.import_module(name).register()
    assert len(signals.content_object_init.receivers) >= 3
    assert articles._sound()


def test_the_count_is_reported(site, caplog):
    _content, settings = site
    _read(settings)
    generator, _ = _read(settings)
    with caplog.at_level(logging.INFO, logger="warta_incremental.articles"):
        report_articles_read(generator)
    assert "articles: 3 made as read last time, 0 read" in caplog.text


def test_containers_are_made_anew_however_deep_and_each_once():
    tags = ["kopi"]
    metadata = {"tags": tags, "figures": {"nilai": [1, [2]]}, "n": 1}
    fields = {"metadata": metadata, "tags": tags, "ids": {"a"}, "title": "Kopi"}
    frozen = articles._Frozen.of(fields, {})
    metadata["n"] = 2  # changed after it was frozen
    tags.append("lada")
    copy = frozen.thawed({})
    assert copy == {
        "metadata": {"tags": ["kopi"], "figures": {"nilai": [1, [2]]}, "n": 1},
        "tags": ["kopi"],
        "ids": {"a"},
        "title": "Kopi",
    }
    assert copy["metadata"]["tags"] is copy["tags"]  # one list, as it was
    again = frozen.thawed({})
    assert again == copy
    assert again["tags"] is not copy["tags"]
    assert (
        again["metadata"]["figures"]["nilai"][1]
        is not copy["metadata"]["figures"]["nilai"][1]
    )
    assert again["ids"] is not copy["ids"]
    assert again["title"] is fields["title"]
    # Dicts of the same keys share one tuple of them.
    other = articles._Frozen.of({**fields, "title": "Lada"}, {})
    assert other.keys is frozen.keys


def _matching(change):
    """A container frozen, thawed, and changed by ``change`` (None: left as
    it is): whether the copy still matches what was frozen."""
    region = "Lampung"
    fields = {"metadata": {"tags": ["kopi"], "region": region}, "n": 1, "ids": {"a"}}
    fields["tags"] = fields["metadata"]["tags"]
    frozen = articles._Frozen.of(fields, {})
    copy = frozen.thawed({})
    if change is not None:
        change(copy)
    return frozen.matches(copy), frozen.matches_within({**copy, "built": 2})


@pytest.mark.parametrize(
    ("change", "matches"),
    [
        (None, True),
        (lambda c: c["tags"].append("lada"), False),
        (lambda c: c["metadata"].update(source="Antara"), False),
        (lambda c: c["metadata"].update(region="".join(["Lam", "pung"])), False),
        (lambda c: c.update(n=1.0), False),  # equal, but another value
        (lambda c: c.update(tags=tuple(c["tags"])), False),
        (lambda c: c.update(tags=list(c["tags"])), True),  # an equal copy
        (lambda c: c["ids"].add("b"), False),
        (lambda c: c.update(n=1), True),  # the same object again
    ],
)
def test_a_thawed_container_matches_what_was_frozen_while_unchanged(change, matches):
    assert _matching(change) == (matches, matches)


def test_other_keys_are_allowed_only_beside_the_ones_frozen():
    frozen = articles._Frozen.of({"a": "x", "b": ["y"]}, {})
    copy = frozen.thawed({})
    assert frozen.matches_within({**copy, "c": 1})
    assert not frozen.matches({**copy, "c": 1})
    del copy["b"]
    assert not frozen.matches_within(copy)


@pytest.mark.parametrize(
    ("value", "unchanging"),
    [
        ("kopi", True),
        (("kopi", 1), True),
        (datetime.datetime(2015, 3, 16, tzinfo=ZoneInfo("Asia/Jakarta")), True),
        (ZoneInfo("Asia/Jakarta"), True),
        (object(), False),
        (types.SimpleNamespace(a=1), False),
        (("kopi", types.SimpleNamespace()), False),
    ],
)
def test_what_is_taken_not_to_change_in_place(value, unchanging):
    assert articles._unchanging(value) is unchanging


def test_a_tag_is_taken_not_to_change_in_place(site):
    _content, settings = site
    generator, _ = _read(settings)
    (tag, *_) = next(a for a in generator.articles if a.slug == "ekspor-kopi").tags
    assert articles._unchanging(tag)


def test_an_article_is_digested_by_what_it_was_read_as(site, monkeypatch):
    """While an article holds what reading gave it, its own data and its
    reference are digested once in the process: an article made as read has
    the digests of the one read, and its texts are not digested again. A
    change the build makes, to what reading gave or beside it, shows."""
    content, settings = site
    first, _ = _read(settings)
    by_slug = {a.slug: a for a in first.articles}
    kopi = by_slug["ekspor-kopi"]
    read = read_as(kopi)
    assert read is not None
    assert "title" in read.keys
    own, ref = _Describer()._own_digest(kopi), _Describer()._reference(kopi)
    again, _ = _read(settings)
    kopi_again = next(a for a in again.articles if a.slug == "ekspor-kopi")
    assert read_as(kopi_again) is read
    texts = []
    monkeypatch.setattr(writer_module, "text_as_bytes", lambda v: texts.append(v) or v)
    describer = _Describer()
    assert describer._own_digest(kopi_again) == own
    assert describer._reference(kopi_again) == ref
    assert texts == []  # made once, in the first build
    monkeypatch.undo()
    # What the build gives an article is part of its own data.
    kopi_again.related = [by_slug["harga-lada"]]
    assert _Describer()._own_digest(kopi_again) != own
    del kopi_again.related
    # A change to what reading gave: not read as any more, digested as it is.
    for change in (
        lambda a: a.tags.append(a.tags[0]),
        lambda a: a.metadata.update(title="Impor Kopi"),
        lambda a: setattr(a, "title", "Impor Kopi"),
    ):
        changed, _ = _read(settings)
        article = next(a for a in changed.articles if a.slug == "ekspor-kopi")
        change(article)
        assert read_as(article) is None
        assert _Describer()._own_digest(article) != own
    # A new body: the article's own data changes, its reference does not (a
    # page that lists it is kept).
    kopi_file = content / "articles" / "kopi.md"
    kopi_file.write_text(
        kopi_file.read_text(encoding="utf-8").replace("naik", "turun"),
        encoding="utf-8",
    )
    edited, reads = _read(settings)
    assert reads == ["kopi.md"]
    article = next(a for a in edited.articles if a.slug == "ekspor-kopi")
    assert read_as(article) is not read
    assert _Describer()._own_digest(article) != own
    assert _Describer()._reference(article) == ref


def test_an_article_not_kept_is_digested_as_it_is(site):
    _content, settings = site
    generator, _ = _read(settings, reading=None)
    (article, *_) = generator.articles
    assert read_as(article) is None
    assert _Describer()._own_digest(article).startswith("own:")


def _cached(settings, reading: str = "r1") -> tuple[dict, bool]:
    """The settings of a build with Pelican's content cache on, as
    ``initialized`` leaves them (``leave_content_cache``), and whether it
    left the cache."""
    settings = {**settings, "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    return settings, leave_content_cache(settings, reading)


def test_a_build_that_makes_articles_as_read_leaves_pelicans_cache(site):
    """The next build of ``make serve``'s process neither loads nor saves
    Pelican's content cache (all of it, for the files saved since); another
    process reads those files anew, finding their entries older than them."""
    content, settings = site
    saved = Path(settings["CACHE_PATH"]) / "ArticlesGenerator-Readers"
    first, left = _cached(settings)
    assert not left  # nothing read yet: the cache is loaded and saved
    assert _read(first)[1] == ["draf.md", "kopi.md", "lada.md"]
    assert saved.is_file()
    os.utime(saved, ns=(1, 1))  # a save would change it
    lada = content / "articles" / "lada.md"
    lada.write_text(lada.read_text(encoding="utf-8") + "\nNaik.\n", encoding="utf-8")

    second, left = _cached(settings)
    assert left
    assert not second["LOAD_CONTENT_CACHE"]
    assert not second["CACHE_CONTENT"]
    kept, reads = _read(second)
    assert reads == ["lada.md"]
    assert kept.readers._cache == {}  # not loaded
    assert saved.stat().st_mtime_ns == 1  # not saved
    assert "Naik." in {a.slug: a for a in kept.articles}["harga-lada"].content

    forget_kept()  # another process
    third, left = _cached(settings)
    assert not left
    again, reads = _read(third)
    assert reads == ["lada.md"]  # its cached entry is older than the file
    assert "Naik." in {a.slug: a for a in again.articles}["harga-lada"].content
    assert saved.stat().st_mtime_ns != 1  # read anew: saved


@pytest.mark.parametrize(
    "case", ["other reading", "future dates wait", "receiver of the metadata"]
)
def test_the_cache_is_loaded_when_articles_are_not_made_as_read(site, case):
    _content, settings = site
    _read(_cached(settings)[0])
    reading = "r2" if case == "other reading" else "r1"
    if case == "future dates wait":
        settings["WITH_FUTURE_DATES"] = False
    if case == "receiver of the metadata":
        signals.article_generator_context.connect(_tag_everything)
    try:
        after, left = _cached(settings, reading)
        assert not left
        assert after["LOAD_CONTENT_CACHE"]
        assert after["CACHE_CONTENT"]
        assert _cached(settings)[1] == (case == "other reading")
    finally:
        signals.article_generator_context.disconnect(_tag_everything)


def _tag_everything(generator, metadata) -> None:
    metadata["tags"] = ["semua"]


def test_files_made_as_read_are_not_read_ahead(site, monkeypatch):
    """The worker that reads files ahead (``warta_content``) starts at the
    first file read, and leaves those made as read last time."""
    content, settings = site
    monkeypatch.setattr("warta_content.reader.AHEAD_MIN", 1)
    monkeypatch.setattr("warta.ahead.possible", lambda: True)
    ahead = []
    real = reader_module.FilesAhead

    def recorded(read, paths, **options):
        ahead.append(sorted(path.rsplit("/", 1)[-1] for path in paths))
        return real(read, paths, **options)

    monkeypatch.setattr(reader_module, "FilesAhead", recorded)
    _read(settings)
    assert ahead == [["draf.md", "kopi.md", "lada.md"]]
    for name in ("lada", "kopi"):
        path = content / "articles" / f"{name}.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nLagi.\n", "utf-8")
    ahead.clear()
    generator, reads = _read(settings)
    assert reads == ["kopi.md", "lada.md"]
    assert ahead == [["kopi.md", "lada.md"]]
    assert {a.slug for a in generator.articles} == {"ekspor-kopi", "harga-lada"}
    ahead.clear()
    assert _read(settings)[1] == []
    assert ahead == []  # nothing read: no worker
