"""The entities plugin on a real ArticlesGenerator with a small authority."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from pelican.log import LimitFilter

import warta_content
import warta_entities
from tests.plugin.pelican_objects import counts, generate, settings_for, slow_reading
from tests.spies import spy
from warta import corpus
from warta.errors import AuthorityError
from warta.incremental import Digester
from warta.kept import forget_kept
from warta_entities.pages import build_pages, write_articles_json
from warta_entities.tagger import CONTEXT_KEY as TAGGER_CONTEXT
from warta_entities.tagger import TaggingPlan

REGIONS = """
- id: indonesia
  name: Indonesia
  kind: country
- id: lampung
  name: Lampung
  kind: province
  parent: indonesia
"""
AGENCIES = """
- id: kemenperin
  name: Kementerian Perindustrian
  acronyms: [Kemenperin]
  kind: ministry
  region: indonesia
- id: pemprov-lampung
  name: Pemerintah Provinsi Lampung
  kind: provincial_government
  region: lampung
- id: bps
  name: Badan Pusat Statistik
  acronyms: [BPS]
  kind: national_agency
  region: indonesia
"""
PEOPLE = """
- id: budi-santoso
  name: Budi Santoso
  roles:
  - title: Gubernur Lampung
    agency: pemprov-lampung
    from: 2020
"""


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    authority = content / "authority"
    authority.mkdir()
    (authority / "regions.yaml").write_text(REGIONS)
    (authority / "agencies.yaml").write_text(AGENCIES)
    (authority / "people.yaml").write_text(PEOPLE)
    settings = settings_for(tmp_path, content)
    warta_content.register()
    warta_entities.register()
    return settings


def write(site, name: str, header: str, body: str) -> None:
    path = Path(site["PATH"]) / "articles" / name
    path.write_text(f"{header}\n\n{body}\n", encoding="utf-8")


def ids(links) -> list[str]:
    return [link.id for link in links if link.verified]


BODY = (
    "BANDARLAMPUNG — Kementrian Perindustrian dan Pemprov Lampung menggelar rapat. "
    "Gubernur Lampung Budi Santoso membuka acara itu."
)


def test_articles_are_tagged(site):
    write(
        site, "a.md", "Title: Rapat industri\nDate: 2024-05-06\nRegion: Lampung", BODY
    )
    [article] = generate(site).articles
    assert ids(article.agencies) == ["kemenperin", "pemprov-lampung"]
    assert ids(article.people) == ["budi-santoso"]
    assert article.agencies[0].url == "lembaga/kemenperin/"


def test_editor_overrides_add_and_suppress(site):
    header = (
        "Title: Rapat industri\nDate: 2024-05-06\nRegion: Lampung\n"
        "Agencies: bps\nSuppress: pemprov-lampung"
    )
    write(site, "a.md", header, BODY)
    [article] = generate(site).articles
    assert ids(article.agencies) == ["kemenperin", "bps"]


def test_unknown_override_is_an_error_naming_the_file(site, caplog):
    write(site, "a.md", "Title: R\nDate: 2024-05-06\nAgencies: tidak-ada", BODY)
    with caplog.at_level(logging.ERROR):
        generate(site)
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any("a.md: Agencies: unknown agency id 'tidak-ada'" in m for m in messages)


def test_suppress_may_name_an_indicator(site, caplog):
    authority = Path(site["PATH"]) / "authority"
    (authority / "indicators.yaml").write_text(
        "- id: inflation\n  name: Inflasi\n  unit: percent\n  phrases: [inflasi]\n"
    )
    write(site, "a.md", "Title: R\nDate: 2024-05-06\nSuppress: inflation", BODY)
    write(site, "b.md", "Title: S\nDate: 2024-05-06\nSuppress: inflasi", BODY)
    with caplog.at_level(logging.ERROR):
        generate(site)
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert not any("a.md" in m for m in messages)
    assert any("b.md: Suppress: unknown id 'inflasi'" in m for m in messages)


def test_unchanged_articles_come_from_the_cache(site, caplog):
    write(site, "a.md", "Title: Rapat\nDate: 2024-05-06\nRegion: Lampung", BODY)
    write(site, "b.md", "Title: Rapat lain\nDate: 2024-05-07", "BPS merilis data.")
    with caplog.at_level(logging.INFO, logger="warta_entities.tagger"):
        generate(site)
        first = [r.getMessage() for r in caplog.records if "tagged" in r.getMessage()]
        caplog.clear()
        write(
            site,
            "b.md",
            "Title: Rapat lain\nDate: 2024-05-07",
            "BPS merilis data baru.",
        )
        generator = generate(site)
        second = [r.getMessage() for r in caplog.records if "tagged" in r.getMessage()]
    assert first[0].endswith("(0 from cache, 0 while reading)")
    assert second[0].endswith("(1 from cache, 0 while reading)")
    tags = {a.slug: ids(a.agencies) for a in generator.articles}
    assert tags == {"rapat": ["kemenperin", "pemprov-lampung"], "rapat-lain": ["bps"]}


def test_a_changed_authority_file_retags(site, caplog):
    write(
        site,
        "b.md",
        "Title: Rapat lain\nDate: 2024-05-07",
        "Bank Sentral merilis data.",
    )
    assert ids(generate(site).articles[0].agencies) == []
    agencies = Path(site["PATH"]) / "authority" / "agencies.yaml"
    agencies.write_text(
        agencies.read_text()
        + "- id: bank-sentral\n  name: Bank Sentral\n  kind: central_bank\n  region: indonesia\n"
    )
    assert ids(generate(site).articles[0].agencies) == ["bank-sentral"]


def test_a_bad_authority_file_fails_with_file_and_line(site, caplog):
    agencies = Path(site["PATH"]) / "authority" / "agencies.yaml"
    agencies.write_text(AGENCIES + "- id: kemenperin\n  name: Lagi\n  kind: ministry\n")
    write(site, "a.md", "Title: R\nDate: 2024-05-06", BODY)
    with pytest.raises(AuthorityError), caplog.at_level(logging.ERROR):
        generate(site)
    messages = "\n".join(r.getMessage() for r in caplog.records)
    assert f"{agencies}:" in messages
    assert "kemenperin" in messages


def _tags_by_slug(generator) -> dict:
    return {a.slug: (ids(a.agencies), ids(a.people)) for a in generator.articles}


def test_tagging_done_while_reading_equals_tagging_after(site, caplog):
    bodies = [BODY, "BPS merilis data.", "Kemenperin dan BPS bertemu.", "Tanpa nama."]
    for number in range(70):  # more than a batch (64): a worker starts
        write(
            site,
            f"a{number}.md",
            f"Title: Rapat {number}\nDate: 2024-05-{1 + number % 28:02d}\n"
            + ("Region: Lampung" if number % 3 else ""),
            bodies[number % len(bodies)],
        )
    with caplog.at_level(logging.INFO, logger="warta_entities.tagger"):
        with slow_reading(0.02):
            ahead = _tags_by_slug(generate(site))
        site["WARTA_ENTITIES"] = {"workers": 1, "cache_path": None}  # no worker
        after = _tags_by_slug(generate(site))
    messages = [r.getMessage() for r in caplog.records if "tagged" in r.getMessage()]
    # The worker had the first batch; the last six, never sent, are tagged after.
    cached, while_reading = counts(messages[0])
    assert cached == 0
    assert 0 < while_reading <= 64
    assert counts(messages[1]) == (0, 0)
    assert ahead == after
    assert after["rapat-0"] == (["kemenperin", "pemprov-lampung"], ["budi-santoso"])


def test_each_article_text_is_made_once_when_its_tags_are_cached(
    site, caplog, monkeypatch
):
    """Tagging (and finding figures, when its plugin is on) keys its cache by
    an article's text: the text is made once as the article is read, its key
    remembered for after reading, not made again for each."""
    for number in range(70):  # more than a batch (64): a worker starts
        write(site, f"a{number}.md", f"Title: Rapat {number}\nDate: 2024-05-06", BODY)
    generate(site)  # fills the cache
    made = spy(monkeypatch, corpus, "plain_text", lambda title, _body: title)
    forget_kept()  # as in a new process: no key carried over from the first
    with caplog.at_level(logging.INFO, logger="warta_entities.tagger"):
        again = generate(site)
    tagged = [r.getMessage() for r in caplog.records if "tagged" in r.getMessage()]
    assert counts(tagged[-1]) == (70, 0)
    assert sorted(made) == sorted(article.title for article in again.articles)
    assert ids(again.articles[0].agencies)
    # A process that builds again finds each key by what it was made from.
    made.clear()
    third = generate(site)
    assert made == []
    assert ids(third.articles[0].agencies) == ids(again.articles[0].agencies)


@pytest.mark.parametrize(
    "change",
    [
        {"suppress": "bps"},  # the editor's overrides
        {"region": "Jambi"},
    ],
)
def test_a_tag_key_carried_over_is_the_key_worked_out_afresh(site, change):
    """A process that builds again finds an article's key by what tagging
    reads of it; an article whose metadata changed has its key worked out."""
    write(site, "a.md", "Title: Rapat\nDate: 2024-05-06\nRegion: Lampung", BODY)
    [article] = generate(site).articles
    carried = TaggingPlan.start(site)  # with the keys of the build above
    key = carried.key_of(article)
    before = dict(article.metadata)
    article.metadata.update(change)
    moved = carried.key_of(article)
    forget_kept()  # as a new process: nothing carried over
    afresh = TaggingPlan.start(site)
    assert afresh.key_of(article) == moved != key
    article.metadata.clear()
    article.metadata.update(before)
    assert afresh.key_of(article) == key


def test_links_to_entities_are_the_same_objects_in_the_next_build(site):
    """One link per entity, carried to the next build of the process while
    the authority is unchanged: the same objects, digested once."""
    write(site, "a.md", "Title: Rapat industri\nDate: 2024-05-06", BODY)
    write(site, "b.md", "Title: Rapat lain\nDate: 2024-05-07", BODY)
    first, other = generate(site).articles
    assert first.agencies[0] is other.agencies[0]  # one link per entity
    again = generate(site).articles[0]
    assert again.agencies[0] is first.agencies[0]
    agencies = Path(site["PATH"]) / "authority" / "agencies.yaml"
    agencies.write_text(
        agencies.read_text().replace(
            "name: Kementerian Perindustrian", "name: Kementerian Perindustrian RI"
        )
    )
    renamed = generate(site).articles[0]
    assert renamed.agencies[0] is not first.agencies[0]
    assert renamed.agencies[0].name == "Kementerian Perindustrian RI"


def test_entity_pages_list_newest_first_and_link_by_objects_carried_over(site):
    """An entity's page lists its articles newest first, each with its own
    sentence; its links to other entities (named together) are one object
    per entity, the same in the next build of the process while the
    authority is unchanged."""
    write(site, "a.md", "Title: Rapat lama\nDate: 2024-05-06", BODY)
    write(site, "b.md", "Title: Rapat baru\nDate: 2024-05-08", "Kemenperin hadir.")
    write(site, "c.md", "Title: Rapat tengah\nDate: 2024-05-07", BODY)
    pages = build_pages(generate(site).context[TAGGER_CONTEXT])
    kemenperin = pages["kemenperin"]
    assert [a.title for a in kemenperin.articles] == [
        "Rapat baru",
        "Rapat tengah",
        "Rapat lama",
    ]
    assert [kemenperin.sentences[a] for a in kemenperin.articles] == [
        "Kemenperin hadir.",
        *[BODY.split(". ")[0] + "."] * 2,
    ]

    def links(pages) -> dict[str, set[int]]:
        found = {}
        for page in pages.values():
            for link, _count in page.together:
                found.setdefault(link.id, set()).add(id(link))
        return found

    first = links(pages)
    assert sorted(first) == ["budi-santoso", "kemenperin", "pemprov-lampung"]
    assert all(len(objects) == 1 for objects in first.values())
    again = build_pages(generate(site).context[TAGGER_CONTEXT])
    assert links(again) == first


def test_an_articles_links_are_made_once_while_its_tags_are_the_same(site):
    """In a process that builds again, an article whose tags are made of the
    same inputs keeps its very lists of links; an edited one gets the links
    of its new tags."""
    write(site, "a.md", "Title: Rapat industri\nDate: 2024-05-06", BODY)
    write(site, "b.md", "Title: Rapat lain\nDate: 2024-05-07", BODY)
    first = {a.slug: a for a in generate(site).articles}
    again = {a.slug: a for a in generate(site).articles}
    for slug, article in again.items():
        assert article.agencies is first[slug].agencies
        assert article.people is first[slug].people
    write(site, "b.md", "Title: Rapat lain\nDate: 2024-05-07", "Kemenperin hadir.")
    edited = {a.slug: a for a in generate(site).articles}
    assert edited["rapat-industri"].agencies is first["rapat-industri"].agencies
    assert edited["rapat-lain"].agencies is not first["rapat-lain"].agencies
    assert ids(edited["rapat-lain"].agencies) == ["kemenperin"]
    assert first["rapat-lain"].people  # the governor, named before the edit
    assert edited["rapat-lain"].people == []


def test_articles_json_records_are_found_by_what_they_are_made_of(
    site, tmp_path, caplog
):
    """In a process that builds again, an article's record is read back by
    its inputs without being made; what is written is what making every
    record writes, after an edit and after an entity is renamed."""
    write(site, "a.md", "Title: Rapat industri\nDate: 2024-05-06", BODY)
    write(site, "b.md", "Title: Rapat lain\nDate: 2024-05-07", BODY)
    generator = generate(site)
    articles = generator.articles
    pages = build_pages(generator.context[TAGGER_CONTEXT])
    memo = tmp_path / "records.index"

    def written(with_memo: bool) -> str:
        path = tmp_path / ("articles.json" if with_memo else "alone.json")
        write_articles_json(path, articles, pages, memo if with_memo else None)
        return path.read_text(encoding="utf-8")

    def found() -> int:
        """What the last writing with the memo found by its inputs."""
        lines = [r.message for r in caplog.records if "articles.json" in r.message]
        caplog.clear()
        LimitFilter._raised_messages.clear()  # Pelican logs a message once
        return int(re.search(r"(\d+) found by", lines[-1]).group(1))

    with caplog.at_level(logging.INFO, logger="warta_entities.pages"):
        assert written(True) == written(False)
        assert found() == 0  # nothing carried yet
        assert written(True) == written(False)
        assert found() == 0  # the tags have not been digested: may change
        Digester().digest([article.warta_tags for article in articles])
        written(True)
        assert written(True) == written(False)
        assert found() == 2
        articles[0].title = "Rapat industri (diperbarui)"
        assert written(True) == written(False)
        assert found() == 1
        pages["kemenperin"].name = "Kementerian Perindustrian RI"
        renamed = written(True)
        assert renamed == written(False)
        assert "Kementerian Perindustrian RI" in renamed
        assert found() == 0


def test_an_article_with_a_field_no_key_can_hold_gets_its_record_made(site, tmp_path):
    write(site, "a.md", "Title: Rapat industri\nDate: 2024-05-06", BODY)
    generator = generate(site)
    [article] = generator.articles
    article.region = ["Lampung", "Jambi"]  # as another reader might give it
    pages = build_pages(generator.context[TAGGER_CONTEXT])
    Digester().digest(article.warta_tags)
    path = tmp_path / "articles.json"
    write_articles_json(path, [article], pages, tmp_path / "records.index")
    assert json.loads(path.read_text(encoding="utf-8"))[0]["region"] == [
        "Lampung",
        "Jambi",
    ]
