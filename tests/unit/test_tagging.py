"""Overrides, the ignore list and the tag cache."""

import datetime as dt
from pathlib import Path

import pytest

from warta.errors import ContentError
from warta.tagging import (
    ArticleTags,
    Overrides,
    Tag,
    TagCache,
    Tagger,
    TagJob,
    load_ignored,
    split_ids,
    tag_many,
    unknown_override_ids,
)


@pytest.mark.parametrize(
    ("value", "ids"),
    [
        (None, ()),
        ("", ()),
        ("kemenperin", ("kemenperin",)),
        ("kemenperin, bps ;ojk", ("kemenperin", "bps", "ojk")),
        (["a, b", "c"], ("a", "b", "c")),
    ],
)
def test_split_ids(value, ids):
    assert split_ids(value) == ids


KNOWN = {"kemenperin": "agency", "budi": "person"}


@pytest.mark.parametrize(
    ("overrides", "faults"),
    [
        (Overrides(("kemenperin",), ("budi",), ()), []),
        (Overrides(("budi",)), ["Agencies: unknown agency id 'budi'"]),
        (Overrides((), ("kemenperin",)), ["People: unknown person id 'kemenperin'"]),
        (Overrides(suppress=("usulan-balai-x", "kemenperin")), []),
        (Overrides(suppress=("entah",)), ["Suppress: unknown id 'entah'"]),
        # an indicator's id: its figures in the article are none of its
        (Overrides(suppress=("inflation",)), []),
        (Overrides(("inflation",)), ["Agencies: unknown agency id 'inflation'"]),
    ],
)
def test_unknown_override_ids(overrides, faults):
    assert unknown_override_ids(overrides, KNOWN, frozenset({"inflation"})) == faults


def test_overrides_from_metadata():
    overrides = Overrides.from_metadata({"agencies": "a, b", "suppress": "c"})
    assert overrides == Overrides(("a", "b"), (), ("c",))


def test_cache_round_trip_keeps_only_used_entries(tmp_path):
    path = tmp_path / "cache.json"
    tags = ArticleTags((Tag("kemenperin", "agency", "Kalimat."),))
    cache = TagCache.load(path)
    cache.put("a", tags)
    cache.put("b", tags)
    cache.save()
    again = TagCache.load(path)
    assert again.get("a") == tags
    assert again.get("zzz") is None
    again.save()
    assert set(TagCache.load(path).entries) == {"a"}


def test_a_cache_with_nothing_new_is_not_written_again(tmp_path):
    path = tmp_path / "cache.json"
    tags = ArticleTags((Tag("bps", "agency", "Kalimat."),))
    cache = TagCache.load(path)
    cache.put("a", tags)
    cache.save()
    written = path.stat().st_mtime_ns
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    touched = path.stat().st_mtime_ns
    unchanged = TagCache.load(path)
    assert unchanged.get("a") == tags
    unchanged.save()
    assert path.stat().st_mtime_ns == touched >= written
    grown = TagCache.load(path)
    grown.get("a")
    grown.put("b", tags)
    grown.save()
    assert set(TagCache.load(path).entries) == {"a", "b"}


def test_a_damaged_cache_is_rebuilt(tmp_path):
    path = tmp_path / "cache.json"
    path.write_text("{rusak")
    assert TagCache.load(path).entries == {}


def test_ignored_names(tmp_path):
    (tmp_path / "ignored.yaml").write_text("- Balai Keratun\n- Gedung Sate\n")
    assert load_ignored(tmp_path) == {"usulan-balai-keratun", "usulan-gedung-sate"}
    assert load_ignored(tmp_path / "tidak-ada") == frozenset()


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [("- a\n  - b: [\n", 2, "not valid YAML"), ("nama: x\n", 1, "YAML list of names")],
)
def test_bad_ignored_file(tmp_path, text, line, reason):
    (tmp_path / "ignored.yaml").write_text(text)
    with pytest.raises(ContentError) as caught:
        load_ignored(tmp_path)
    assert caught.value.line == line
    assert reason in caught.value.reason


AUTHORITY = Path(__file__).resolve().parents[2] / "content" / "authority"
SENTENCES = [
    "Kepala Dinas Perindustrian Provinsi Lampung membuka pelatihan.",
    "Kementrian Perindustrian menyiapkan anggaran revitalisasi.",
    'Menurut Badan Pusat Statistik, ekspor naik. "Kami optimistis," kata Budi Santoso.',
    "Gubernur Lampung M. Ridho Ficardo meninjau sentra IKM di Kab. Tanggamus.",
    "Dinas Koperasi dan UKM Kota Metro menggelar pameran.",
    "Rapat digelar tanpa pejabat dari lembaga mana pun.",
]


@pytest.fixture(scope="module")
def tagger():
    return Tagger.load(AUTHORITY)


def test_tag_many_on_two_processes_equals_one_by_one(tagger):
    jobs = [
        TagJob(
            " ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(i % 4 + 1)),
            dt.date(2015, 3, 16),
            "lampung" if i % 2 else None,
            Overrides(suppress=("bps",)) if i % 5 == 0 else Overrides(),
        )
        for i in range(40)
    ]
    expected = [tagger.tag_job(job) for job in jobs]
    assert any(not tag.verified for tags in expected for tag in tags.tags)
    assert tag_many(tagger, jobs, workers=2, parallel_min=4) == expected
    assert tag_many(tagger, jobs, workers=1) == expected
    assert tag_many(tagger, [], workers=2, parallel_min=0) == []


def test_a_sentence_naming_several_entities_is_held_once(tagger, tmp_path):
    # Two agencies and a person, and a name the authority files lack, in
    # one sentence; another agency in the next.
    text = (
        "Kepala Dinas Perindustrian Provinsi Lampung dan Badan Pusat Statistik"
        " bertemu Budi Santoso serta Balai Kopi Liwa di Bandar Lampung. "
        "Kementerian Perindustrian menyiapkan anggaran."
    )
    job = TagJob(text, dt.date(2015, 3, 16), "lampung")
    cache = TagCache.load(tmp_path / "cache.json")
    cache.put("a", tagger.tag_job(job))
    cache.save()
    made = {
        "fresh": tagger.tag_job(job),
        "on two processes": tag_many(tagger, [job] * 4, workers=2, parallel_min=2)[-1],
        "from the cache": TagCache.load(tmp_path / "cache.json").get("a"),
    }
    for how, tags in made.items():
        by_text: dict[str, set[int]] = {}
        for tag in tags.tags:
            by_text.setdefault(tag.sentence, set()).add(id(tag.sentence))
        assert len(by_text) == 2, how
        shared = max(by_text, key=lambda sentence: len(sentence))
        assert sum(tag.sentence == shared for tag in tags.tags) >= 3, how
        assert all(len(ids) == 1 for ids in by_text.values()), how
        assert any(not tag.verified for tag in tags.tags), how
