"""Overrides, the ignore list and the tag cache."""

import pytest

from warta.errors import ContentError
from warta.tagging import (
    ArticleTags,
    Overrides,
    Tag,
    TagCache,
    load_ignored,
    split_ids,
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
    ],
)
def test_unknown_override_ids(overrides, faults):
    assert unknown_override_ids(overrides, KNOWN) == faults


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
