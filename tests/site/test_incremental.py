"""Incremental rebuilds give the same site as a clean build, file by file.

A synthetic archive is built incrementally, then edited (an article changed,
one added, one removed, an alias added to an authority file) and rebuilt
incrementally; a clean build of the edited archive must match it byte for
byte, the search index included.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest

import sitebuild
from warta.bench.corpus import CorpusConfig, generate_corpus
from warta.kept import forget_kept
from warta_search.indexer import INDEXED, LATER_PAGE

ARTICLES = 40
# Its region is spelt anew: the region's page gains a search value.
NEW_ARTICLE = """Title: Pelatihan Kemasan untuk IKM Kopi
Date: 2024-02-05 09:00
Region: LAMPUNG
Source: Antara

Dinas Perindustrian Provinsi Lampung melatih 40 pelaku IKM kopi di Bandar Lampung.
Ekspor kopi Lampung naik 5,2 persen pada 2023, kata Kepala Badan Pusat Statistik.
"""


def _build(
    content: Path,
    output: Path,
    cache: Path,
    *,
    incremental: bool,
    settings: Path = sitebuild.ROOT / "pelicanconf.py",
):
    report = sitebuild.build(
        settings, content=content, output=output, cache=cache, incremental=incremental
    )
    assert report.ok, report.errors + report.warnings
    return report


def site_files(output: Path) -> dict[str, bytes]:
    """Every file's bytes by path."""
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


def _rewritten(output: Path, since_ns: int) -> set[str]:
    return {
        p.relative_to(output).as_posix()
        for p in output.rglob("index.html")
        if p.stat().st_ctime_ns >= since_ns
    }


def _listed(page: Path) -> list[str]:
    """The URLs of the articles a list page shows."""
    return re.findall(
        r'<h[23] class="ringkas__judul"><a href="[^"]*/(berita/[^"]+)"',
        page.read_text(encoding="utf-8"),
    )


def _showing_none_of(output: Path, names, rewritten: set[str]) -> list[str]:
    """The list pages ``names`` (relative to ``output``) that show no article
    whose page is among ``rewritten``."""
    return [
        name
        for name in names
        if not any(f"{url}index.html" in rewritten for url in _listed(output / name))
    ]


def _source_of(content: Path, url: str) -> Path:
    """The Markdown file of the article at ``url``."""
    return next(
        path
        for path in (content / "articles").rglob("*.md")
        if f"/{path.stem}/" in f"/{url}"
    )


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    content = root / "content"
    generate_corpus(content, CorpusConfig(ARTICLES))
    return root, content


def test_incremental_rebuild_equals_clean_build(archive, caplog):
    root, content = archive
    output, cache = root / "inc", root / "cache"
    with caplog.at_level(logging.INFO, logger="warta_search.indexer"):
        _build(content, output, cache, incremental=True)
    # The pages were read for search while Pelican wrote the others.
    indexed = [r.getMessage() for r in caplog.records if "search index:" in r.message]
    read, total, streamed = map(
        int, re.search(r"\((\d+) of (\d+) files read, (\d+)", indexed[-1]).groups()
    )
    assert read == total == streamed > ARTICLES
    caplog.clear()

    # Nothing changed: nothing is rendered again, no page is read for search.
    unchanged = cache / "unchanged"
    unchanged.write_text("", encoding="utf-8")
    with (
        caplog.at_level(logging.INFO, logger="warta_incremental.plugin"),
        caplog.at_level(logging.INFO, logger="warta_incremental.articles"),
        caplog.at_level(logging.INFO, logger="warta_search.indexer"),
    ):
        _build(content, output, cache, incremental=True)
    assert _rewritten(output, unchanged.stat().st_ctime_ns) == set()
    # This process read every article last time: none is read again.
    assert f"articles: {ARTICLES} made as read last time, 0 read" in caplog.text
    assert "content cache not loaded: articles kept as read" in caplog.text
    summary = [r.getMessage() for r in caplog.records if "incremental:" in r.message]
    assert summary
    assert summary[-1].startswith("incremental: 0 pages rendered")
    assert "; 0 data files written" in summary[-1]  # data downloads, articles.json
    indexed = [r.getMessage() for r in caplog.records if "search index:" in r.message]
    assert re.search(r"\(0 of \d+ files read", indexed[-1]), indexed

    articles = sorted((content / "articles").rglob("*.md"))
    edited, removed = articles[3], articles[7]
    edited.write_text(
        edited.read_text(encoding="utf-8")
        + "\nKepala Badan Pusat Statistik menyebut ekspor naik 5,2 persen.\n",
        encoding="utf-8",
    )
    removed.unlink()
    added = content / "articles" / "2024" / "pelatihan-kemasan-ikm-kopi.md"
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_text(NEW_ARTICLE, encoding="utf-8")
    agencies = content / "authority" / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    alias = "  aliases:\n  - Biro Pusat Statistik\n"
    assert alias in text
    agencies.write_text(
        text.replace(alias, alias + "  - Biro Statistik Pusat\n"), encoding="utf-8"
    )

    marker = cache / "before-edit"
    marker.write_text("", encoding="utf-8")
    since = marker.stat().st_ctime_ns
    caplog.clear()
    with (
        caplog.at_level(logging.INFO, logger="warta_incremental.plugin"),
        caplog.at_level(logging.INFO, logger="warta_incremental.articles"),
        caplog.at_level(logging.INFO, logger="warta_entities.pages"),
    ):
        _build(content, output, cache, incremental=True)
    # The edited and the added article are read; the removed one is gone.
    kept = f"articles: {ARTICLES - 2} made as read last time, 2 read"
    assert kept in caplog.text
    assert "content cache not loaded: articles kept as read" in caplog.text
    message = next(r.message for r in caplog.records if "incremental:" in r.message)
    # data/articles.json: the records that changed are made, the others copied.
    records = next(r.message for r in caplog.records if "articles.json" in r.message)
    made, read_back = map(int, re.findall(r"(\d+) records made, (\d+)", records)[0])
    assert made + read_back == ARTICLES
    assert 2 <= made < read_back  # the edited and the added article at least
    rendered, kept = map(
        int, re.findall(r"(\d+) pages rendered, (\d+) kept", message)[0]
    )
    # An alias of an agency most articles name, an article removed and one
    # added mid-archive: about half of the 40 articles' pages show something
    # that changed (a listing shows its articles whole, their related lists
    # too): 314-337 of some 670 rendered. Far from all.
    assert rendered < 0.6 * (rendered + kept)

    rewritten = _rewritten(output, since)
    pages = {p.relative_to(output).as_posix() for p in output.rglob("index.html")}
    assert len(rewritten) < len(pages)
    slug = "pelatihan-kemasan-untuk-ikm-kopi"
    assert any(slug in page for page in rewritten)
    assert not any(f"/{removed.stem}/" in f"/{page}" for page in pages)  # not -2's
    region = (output / "wilayah" / "lampung" / "index.html").read_text("utf-8")
    assert "wilayah=LAMPUNG" in region

    clean = root / "clean"
    _build(content, clean, root / "cache-clean", incremental=False)
    incremental_files, clean_files = site_files(output), site_files(clean)
    assert sorted(incremental_files) == sorted(clean_files)
    different = [
        name for name in clean_files if clean_files[name] != incremental_files[name]
    ]
    assert different == []
    shutil.rmtree(clean)


def test_an_edited_article_renders_only_the_list_pages_that_show_it(
    tmp_path_factory, caplog
):
    """A sentence added to an article (no new name, no new figure) renders
    again the one page of each entity's list that shows the article, not the
    other pages of that list, nor the indicator pages that cite it; the
    records of data/articles.json are copied, those of the other articles
    found by what they are made of; the site still equals a clean build."""
    root = tmp_path_factory.mktemp("one-edit")
    content, output, cache = root / "content", root / "inc", root / "cache"
    # Lists of 40 articles or more have numbered pages: at 120 articles the
    # longest holds some 45 (the corpus draws on the authority files).
    articles = 120
    generate_corpus(content, CorpusConfig(articles))
    with caplog.at_level(logging.INFO, logger="warta_search.indexer"):
        _build(content, output, cache, incremental=True)
    indexed = [r.getMessage() for r in caplog.records if "search index:" in r.message]
    total = int(re.search(r"of (\d+) files read", indexed[-1]).group(1))
    # A listing's numbered pages are not read for search (none carries a
    # body to index): every other page under the indexed folders is.
    pages = [
        page.relative_to(output).as_posix()
        for folder in INDEXED
        for page in (output / folder).rglob("index.html")
    ]
    later = [name for name in pages if LATER_PAGE.search(name[: -len("index.html")])]
    assert later, "no listing with a numbered page"
    assert total == len(pages) - len(later)
    for name in later:
        assert "data-cari-body" not in (output / name).read_text(encoding="utf-8")
    caplog.clear()
    # As a new process (``make serve`` started again), with nothing changed:
    # data/articles.json is kept, and with it what each of its records is
    # made of, for the next build.
    forget_kept()
    _build(content, output, cache, incremental=True)
    lists = sorted(output.glob("*/*/halaman/1/index.html"))
    assert lists, "no entity or group with a numbered page"
    first_pages = [path.parents[2] / "index.html" for path in lists]
    # The newest article of the first long list: on its first page only.
    newest = _listed(first_pages[0])[0]
    source = _source_of(content, newest)
    source.write_text(
        source.read_text(encoding="utf-8")
        + "\nAcara itu dihadiri banyak pelaku usaha setempat.\n",
        encoding="utf-8",
    )
    marker = cache / "before-edit"
    marker.write_text("", encoding="utf-8")
    since = marker.stat().st_ctime_ns
    with caplog.at_level(logging.INFO, logger="warta_entities.pages"):
        _build(content, output, cache, incremental=True)
    rewritten = _rewritten(output, since)
    records = next(r.message for r in caplog.records if "articles.json" in r.message)
    # The edited article's tags and figures are worked out again: its record
    # is made and equal to the last one; the others are the same objects.
    assert (
        f"0 records made, {articles} copied from the last build's file "
        f"({articles - 1} found"
    ) in records

    listed_elsewhere = []
    for page in sorted(output.glob("*/*/**/index.html")):
        name = page.relative_to(output).as_posix()
        if name.split("/")[0] not in {"lembaga", "tokoh", "wilayah", "sumber"}:
            continue
        if newest not in page.read_text(encoding="utf-8"):
            listed_elsewhere.append(name)
    assert lists[0].relative_to(output).as_posix() in listed_elsewhere
    assert not rewritten & set(listed_elsewhere)
    assert first_pages[0].relative_to(output).as_posix() in rewritten
    assert not {name for name in rewritten if name.startswith("indikator/")}

    clean = root / "clean"
    _build(content, clean, root / "cache-clean", incremental=False)
    assert site_files(output) == site_files(clean)


NEWEST_ARTICLE = """Title: Pameran Produk IKM Lampung di Bandar Lampung
Date: 2026-01-02 09:00
Region: Lampung
Source: Antara

Dinas Perindustrian Provinsi Lampung menggelar pameran produk IKM.
Kepala Badan Pusat Statistik menyebut ekspor kopi Lampung naik 4,1 persen.
"""


def test_an_article_newer_than_all_the_others_renders_no_numbered_page(tmp_path):
    """Listings are paginated from their oldest end: an article newer than
    all the others joins the first page of each list it is on, and no
    numbered page is rendered again (but those next to a new numbered page,
    when a list's first page hands one on)."""
    content, output, cache = tmp_path / "content", tmp_path / "inc", tmp_path / "cache"
    generate_corpus(content, CorpusConfig(160))
    _build(content, output, cache, incremental=True)

    def numbered() -> dict[str, set[str]]:
        lists: dict[str, set[str]] = {}
        for page in output.glob("**/halaman/*/index.html"):
            name = page.relative_to(output).as_posix()
            lists.setdefault(name.partition("halaman/")[0], set()).add(name)
        return lists

    before = numbered()
    assert "" in before, "the home page has no numbered page"
    added = content / "articles" / "2026" / "pameran-produk-ikm.md"
    added.parent.mkdir(parents=True)
    added.write_text(NEWEST_ARTICLE, encoding="utf-8")
    marker = cache / "before-add"
    marker.write_text("", encoding="utf-8")
    since = marker.stat().st_ctime_ns
    _build(content, output, cache, incremental=True)
    rewritten = _rewritten(output, since)
    after = numbered()
    assert "berita/2026/01/02/" in (output / "index.html").read_text(encoding="utf-8")
    assert {"index.html", "lembaga/bps/index.html", "wilayah/lampung/index.html"} <= (
        rewritten
    )
    kept = [
        name
        for prefix, pages in before.items()
        if after.get(prefix) == pages
        for name in pages
    ]
    # Those that show no article rendered again (its related articles
    # changed) are not rendered again.
    # (how many, and of which lists, depends on the corpus, which draws its
    # people from the authority files: 8 of 25 kept pages, 1 of them the home
    # page's, with the people of 2026-12-01)
    untouched = _showing_none_of(output, kept, rewritten)
    assert len(untouched) >= 3
    assert not rewritten & set(untouched)

    clean = tmp_path / "clean"
    _build(content, clean, tmp_path / "cache-clean", incremental=False)
    assert site_files(output) == site_files(clean)


def test_a_page_gone_while_the_settings_changed_is_removed(tmp_path):
    """Other settings keep no page of the last build, but the pages of an
    article removed meanwhile are still removed (and so not indexed)."""
    content, output, cache = tmp_path / "content", tmp_path / "inc", tmp_path / "cache"
    generate_corpus(content, CorpusConfig(12))
    _build(content, output, cache, incremental=True)
    removed = sorted((content / "articles").rglob("*.md"))[5]
    assert any(removed.stem in p.as_posix() for p in output.rglob("index.html"))
    removed.unlink()
    other = tmp_path / "lainconf.py"
    other.write_text(
        'from pelicanconf import *  # noqa: F403\n\nSITESUBTITLE = "Arsip lain"\n',
        encoding="utf-8",
    )
    _build(content, output, cache, incremental=True, settings=other)
    assert not any(removed.stem in p.as_posix() for p in output.rglob("*"))

    clean = tmp_path / "clean"
    _build(content, clean, tmp_path / "cache-clean", incremental=False, settings=other)
    assert site_files(output) == site_files(clean)


def _named_together(page: Path) -> dict[str, str]:
    """The agencies a page lists as named together with its own: name -> count."""
    section = page.read_text(encoding="utf-8").partition('id="sering-bersama"')[2]
    section = section.partition("</section>")[0]
    return dict(
        re.findall(
            r'<a href="[^"]*/lembaga/[^"]+">([^<]+)</a> <span class="jumlah">\((\d+)',
            section,
        )
    )


def test_naming_one_more_agency_renders_the_first_page_of_each_other_list(
    tmp_path_factory,
):
    """An edit that makes an article name one more agency changes how often
    each entity it names is named with that agency: the first page of each
    one's list shows it, its numbered pages do not, and are not rendered
    again unless an article they show changed (its related articles)."""
    root = tmp_path_factory.mktemp("one-more-name")
    content, output, cache = root / "content", root / "inc", root / "cache"
    # 200 articles: lists with several numbered pages, so that one edit leaves
    # some of them showing no article rendered again (at 120, a corpus drawn
    # from the authority files of 2026-12-01 left none).
    generate_corpus(content, CorpusConfig(200))
    _build(content, output, cache, incremental=True)

    def names(url: str, agency: str) -> bool:
        page = output / url / "index.html"
        return f">{agency}</a>" in page.read_text(encoding="utf-8")

    found = None
    for numbered in sorted(output.glob("lembaga/*/halaman/1/index.html")):
        first = numbered.parents[2] / "index.html"
        for agency in _named_together(first):
            article = next(
                (url for url in _listed(first) if not names(url, agency)), None
            )
            if article:
                found = first, article, agency
                break
        if found:
            break
    assert found, "no agency list with a numbered page and an article to edit"
    first_page, article, other = found
    # The list of the agency named anew gains the article: its numbered
    # pages newer than the article shift by one, and are rendered again.
    [gaining] = re.findall(
        rf'<a href="[^"]*/(lembaga/[^"/]+)/">{re.escape(other)}</a>',
        first_page.read_text(encoding="utf-8"),
    )
    numbered_pages = sorted(first_page.parent.glob("halaman/*/index.html"))
    for page in numbered_pages:
        assert 'id="sering-bersama"' not in page.read_text(encoding="utf-8")
    source = _source_of(content, article)
    count = int(_named_together(first_page)[other])
    source.write_text(
        source.read_text(encoding="utf-8")
        + f"\n{other} turut hadir dalam acara itu.\n",
        encoding="utf-8",
    )
    marker = cache / "before-edit"
    marker.write_text("", encoding="utf-8")
    since = marker.stat().st_ctime_ns
    _build(content, output, cache, incremental=True)
    assert int(_named_together(first_page)[other]) == count + 1
    rewritten = _rewritten(output, since)
    assert first_page.relative_to(output).as_posix() in rewritten
    # The numbered pages of every list whose first page was rendered again
    # (the counts of entities named together changed): those that show no
    # article rendered again are not.
    numbered_pages = [
        page.relative_to(output).as_posix()
        for name in rewritten
        if name.startswith("lembaga/")
        and name.count("/") == 2
        and not name.startswith(f"{gaining}/")
        for page in sorted((output / name).parent.glob("halaman/*/index.html"))
    ]
    untouched = _showing_none_of(output, numbered_pages, rewritten)
    assert untouched, "every numbered page shows an article rendered again"
    for name in untouched:
        assert name not in rewritten

    clean = root / "clean"
    _build(content, clean, root / "cache-clean", incremental=False)
    assert site_files(output) == site_files(clean)


def test_a_region_spelt_anew_leads_each_page_of_its_list_to_the_new_spelling(
    tmp_path,
):
    """A region's pages link to a search with its articles' spellings: the
    oldest article spelt anew changes every page of the region's list, not
    only the one that lists it."""
    content, output, cache = tmp_path / "content", tmp_path / "inc", tmp_path / "cache"
    generate_corpus(content, CorpusConfig(160))
    _build(content, output, cache, incremental=True)
    region = output / "wilayah" / "lampung"
    pages = sorted(region.rglob("index.html"))
    assert len(pages) > 2
    dated = []
    for path in (content / "articles").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if "\nRegion: Lampung\n" in text:
            dated.append((re.search(r"^Date: (.+)$", text, re.M)[1], path))
    oldest = min(dated)[1]
    oldest.write_text(
        oldest.read_text(encoding="utf-8").replace(
            "\nRegion: Lampung\n", "\nRegion: LAMPUNG\n"
        ),
        encoding="utf-8",
    )
    _build(content, output, cache, incremental=True)
    for page in pages:
        assert "wilayah=LAMPUNG" in page.read_text(encoding="utf-8"), page

    clean = tmp_path / "clean"
    _build(content, clean, tmp_path / "cache-clean", incremental=False)
    assert site_files(region) == site_files(clean / "wilayah" / "lampung")
