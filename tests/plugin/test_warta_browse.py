"""Articles grouped by region and by source, on real Pelican articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import warta_browse
import warta_browse.groups
from warta_browse.groups import CONTEXT_KEY

import warta.related
import warta_content
import warta_entities
from tests.plugin.pelican_objects import ROOT, generate, settings_for
from tests.spies import spy
from warta.kept import forget_kept
from warta.related import RelatedIndex

ARTICLES = [  # (file, date, region, source)
    ("a.md", "2024-05-01", "Lampung", "Antara"),
    ("b.md", "2024-05-03", "Lampung", "Kompas"),
    ("c.md", "2024-05-02", "lampung", "Antara"),  # the same slug: one group
    ("d.md", "2024-05-04", "Jambi", None),  # no source: in no source group
    ("e.md", "2024-05-05", None, "Antara"),
]


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for name, date, region, source in ARTICLES:
        header = f"Title: Berita {name[0]}\nDate: {date}\n"
        header += f"Region: {region}\n" if region else ""
        header += f"Source: {source}\n" if source else ""
        (content / "articles" / name).write_text(f"{header}\nIsi berita.\n")
    warta_content.register()
    warta_browse.register()
    return settings_for(tmp_path, content)


def test_a_group_is_named_by_its_usual_spelling(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    # The newest article spells the region and the source otherwise.
    for name, date, region, source in [
        ("a.md", "2024-05-01", "Lampung", "TERASLAMPUNG.COM"),
        ("b.md", "2024-05-02", "Lampung", "Teraslampung.com"),
        ("c.md", "2024-05-03", "lampung", "TERASLAMPUNG.COM"),
        ("d.md", "2024-05-04", "LAMPUNG", "Teraslampung.com"),
    ]:
        header = f"Title: Berita {name[0]}\nDate: {date}\n"
        header += f"Region: {region}\nSource: {source}\n"
        (content / "articles" / name).write_text(f"{header}\nIsi berita.\n")
    warta_content.register()
    warta_browse.register()
    data = generate(settings_for(tmp_path, content)).context[CONTEXT_KEY]
    # Most articles' spelling; among as many, neither all capitals nor small.
    assert [(g.id, g.name) for g in data["regions"]] == [("lampung", "Lampung")]
    assert [(g.id, g.name) for g in data["sources"]] == [
        ("teraslampung-com", "Teraslampung.com")
    ]


def test_articles_are_grouped_by_region_and_source_newest_first(site, monkeypatch):
    slugified = spy(monkeypatch, warta_browse.groups, "slugify")
    generator = generate(site)
    data = generator.context[CONTEXT_KEY]

    def shown(groups):
        return [
            (g.id, g.name, [Path(a.source_path).name for a in g.articles])
            for g in groups
        ]

    assert shown(data["regions"]) == [
        ("jambi", "Jambi", ["d.md"]),
        ("lampung", "Lampung", ["b.md", "c.md", "a.md"]),
    ]
    assert shown(data["sources"]) == [
        ("antara", "Antara", ["e.md", "c.md", "a.md"]),
        ("kompas", "Kompas", ["b.md"]),
    ]
    # The names the articles give each group, the newest article's first.
    spellings = {g.id: g.spellings for g in data["regions"] + data["sources"]}
    assert spellings == {
        "jambi": ["Jambi"],
        "lampung": ["Lampung", "lampung"],
        "antara": ["Antara"],
        "kompas": ["Kompas"],
    }
    by_file = {Path(a.source_path).name: a for a in generator.articles}
    assert by_file["c.md"].region_group is by_file["a.md"].region_group
    assert by_file["e.md"].region_group is None
    assert by_file["d.md"].source_group is None
    # Each name slugified once, however many articles carry it.
    assert sorted(args[0] for args in slugified) == [
        "Antara",
        "Jambi",
        "Kompas",
        "Lampung",
        "lampung",
    ]


RELATED = {  # file: (date, what it names)
    "a.md": ("2024-05-01", "Kemenperin dan Disperindag Lampung membina IKM kopi."),
    "b.md": ("2024-05-02", "Disperindag Lampung mendata IKM tapis."),
    "c.md": ("2024-05-03", "Kemenperin dan BPS merilis data industri."),
    "d.md": ("2024-05-04", "BPS mencatat ekspor kopi naik."),
    "e.md": ("2024-05-05", "Kemenperin membuka pameran."),
}


@pytest.fixture
def tagged_site(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "authority", content / "authority")
    for name, (date, body) in RELATED.items():
        header = f"Title: Berita {name[0]}\nDate: {date}\n"
        (content / "articles" / name).write_text(f"{header}\n{body}\n")
    warta_content.register()
    warta_entities.register()
    warta_browse.register()
    return settings_for(tmp_path, content)


def _related(generator) -> dict[str, list[str]]:
    return {
        Path(a.source_path).name: [Path(r.source_path).name for r in a.related]
        for a in generator.articles
    }


def test_the_next_build_updates_the_related_articles(tagged_site, monkeypatch):
    """A process that builds again updates the last build's related
    articles where an edit changed what an article names: the same lists a
    new process works out."""
    monkeypatch.setattr(warta.related, "MOST_CHANGED", 0.5)  # one list of five
    afresh = spy(monkeypatch, RelatedIndex, "of")
    first = _related(generate(tagged_site))
    assert first["b.md"][0] == "a.md"  # the rarer agency they share
    assert len(afresh) == 1
    edited = Path(tagged_site["PATH"]) / "articles" / "e.md"
    edited.write_text(
        "Title: Berita e\nDate: 2024-05-05\n\nDisperindag Lampung membuka pameran.\n"
    )
    updated = _related(generate(tagged_site))
    assert len(afresh) == 1  # updated, not worked out again
    assert updated != first
    forget_kept()  # as a new process
    assert _related(generate(tagged_site)) == updated
    assert len(afresh) == 2
