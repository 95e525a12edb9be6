"""The memoising writer's digests of real Pelican articles."""

from __future__ import annotations

import shutil
import sys

from warta_incremental.writer import (
    MemoWriter,
    _Describer,
    begin_build,
    finish_build,
    settings_digest,
)

import warta_content
from tests.plugin.pelican_objects import articles_generator, generate, settings_for


def _articles(tmp_path, bodies: list[str]):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for number, body in enumerate(bodies, start=1):
        (content / "articles" / f"a{number}.md").write_text(
            f"Title: Berita {number}\nDate: 2015-03-{number:02}\n\n{body}\n",
            encoding="utf-8",
        )
    warta_content.register()
    return generate(settings_for(tmp_path, content)).articles


def test_an_article_digested_keeps_its_html_once(tmp_path):
    """Digesting an article's own data leaves no UTF-8 copy of its HTML
    beside it, and tells a change in the HTML from none. (Warta's reader
    gives ASCII; HTML from another reader need not be.)"""
    bodies = ["Ekspor kopi naik.", "Ekspor kopi naik."]
    first, second = sorted(_articles(tmp_path, bodies), key=lambda a: a.title)
    first._content = "<p>Ekspor kopi naik — kata Kepala Dinas.</p>"
    size = sys.getsizeof(first._content)
    digest = _Describer()._own_digest(first)
    assert sys.getsizeof(first._content) == size
    assert _Describer()._own_digest(first) == digest
    first._content = first._content.replace("naik", "turun")
    assert _Describer()._own_digest(first) != digest
    assert _Describer()._own_digest(second) != digest


def test_a_content_cache_made_under_other_settings_is_not_read(tmp_path):
    """Pelican's content cache checks each file's time only: a build under
    other settings (or code) reads every file again instead of taking HTML
    made by them; under the same settings it reads none."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for number in (1, 2):
        (content / "articles" / f"a{number}.md").write_text(
            f"Title: Berita {number}\nDate: 2015-03-0{number}\n\nEkspor naik.\n",
            encoding="utf-8",
        )

    def files_read(**changes) -> list[str]:
        # Read afresh for each build, as sitebuild does: Pelican's Markdown
        # reader adds its extension to the settings it is given.
        settings = settings_for(tmp_path, content)
        settings.update(CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, **changes)
        begin_build(settings)
        generator = articles_generator(settings)
        reader = generator.readers.readers["md"]
        reads, read = [], reader.read
        reader.read = lambda path: reads.append(path) or read(path)
        generator.generate_context()
        finish_build(settings)
        return reads

    assert len(files_read()) == 2
    assert files_read() == []
    assert len(files_read(DEFAULT_PAGINATION=7)) == 2
    assert files_read(DEFAULT_PAGINATION=7) == []


def test_the_settings_digest_survives_loading_the_settings_file_again(tmp_path):
    """The settings hold a function (the article order); loading the file
    again for the next build must not make them look changed."""
    first = settings_for(tmp_path, tmp_path)
    second = settings_for(tmp_path, tmp_path)
    assert first["ARTICLE_ORDER_BY"] is not second["ARTICLE_ORDER_BY"]
    assert settings_digest(first) == settings_digest(second)
    assert settings_digest(first) != settings_digest({**first, "DEFAULT_PAGINATION": 7})


def test_templates_are_compiled_once_across_builds_until_they_change(tmp_path):
    """Each generator's Jinja environment compiled every template it used, in
    every build; with the build's bytecode cache a later build compiles none,
    until a template's source changes."""
    theme = tmp_path / "theme"
    shutil.copytree(settings_for(tmp_path, tmp_path)["THEME"], theme)

    def compiled(**changes) -> list[str]:
        settings = settings_for(tmp_path, tmp_path)
        settings.update(THEME=str(theme), **changes)
        begin_build(settings)
        environment = articles_generator(settings).env
        names, compile_source = [], environment.compile

        def counting(source, name=None, *args, **kwargs):
            names.append(name)
            return compile_source(source, name, *args, **kwargs)

        environment.compile = counting
        environment.get_template("article.html")
        finish_build(settings)
        return names

    assert "article.html" in compiled()
    assert compiled() == []
    assert compiled(DEFAULT_PAGINATION=7) == []  # other settings, same templates
    article = theme / "templates" / "article.html"
    article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert compiled() == ["article.html"]


def test_the_variables_a_template_reads_are_parsed_once_until_the_theme_changes(
    tmp_path,
):
    """A process that builds again (``make serve``) parsed every template in
    every build to learn what its pages depend on; it now parses a template
    again only when the theme, the settings or the code change."""
    theme = tmp_path / "theme"
    shutil.copytree(settings_for(tmp_path, tmp_path)["THEME"], theme)
    article = theme / "templates" / "article.html"

    def variables() -> tuple[frozenset[str] | None, int]:
        settings = settings_for(tmp_path, tmp_path)
        settings.update(THEME=str(theme))
        begin_build(settings)
        environment = articles_generator(settings).env
        writer = MemoWriter(settings["OUTPUT_PATH"], settings=settings)
        parsed, parse = [], environment.parse

        def counting(source, *args, **kwargs):
            parsed.append(source)
            return parse(source, *args, **kwargs)

        environment.parse = counting
        found = writer._template_variables(environment.get_template("article.html"))
        finish_build(settings)
        return found, len(parsed)

    first, parsed = variables()
    assert "article" in first
    assert parsed > 1  # the template and those it includes
    assert variables() == (first, 0)
    article.write_text(
        article.read_text(encoding="utf-8") + "{{ warta_extra }}\n", encoding="utf-8"
    )
    changed, parsed = variables()
    assert changed == first | {"warta_extra"}
    assert parsed > 1


def test_articles_listed_are_described_at_once_as_one_by_one(tmp_path):
    """A page's list of articles is described in one call: the same
    descriptions as article by article, before and after they are known."""
    articles = _articles(tmp_path, ["Ekspor kopi naik.", "Dua.", "Tiga."])
    describer = _Describer()
    for shallow in (False, True):
        one_by_one = [_Describer()._content(a, shallow) for a in articles]
        assert describer._contents(articles, shallow) == one_by_one
        assert describer._contents(tuple(articles), shallow) == one_by_one
    assert describer.many(type(articles[0])) is not None
    assert describer.many(str) is None
    listing = describer.digester.digest([articles, "halaman 1"])
    articles[1].title = "Dua (diperbarui)"
    assert _Describer().digester.digest([articles, "halaman 1"]) != listing
