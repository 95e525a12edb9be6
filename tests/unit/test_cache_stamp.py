"""Caches that check only their sources' times, dropped when made otherwise."""

from __future__ import annotations

import pytest

from warta.incremental import drop_unless_made_by


@pytest.mark.parametrize(
    ("stamp", "dropped"),
    [(None, True), ("code-1", False), ("code-0", True), ("", True)],
    ids=["no-stamp", "same-code", "other-code", "empty-stamp"],
)
def test_cached_files_stay_only_when_made_by_the_same_code(tmp_path, stamp, dropped):
    for name in ("ArticlesGenerator-Readers", "PagesGenerator-Readers", "tags.json"):
        (tmp_path / name).write_bytes(b"x")
    if stamp is not None:
        (tmp_path / "made-by").write_text(stamp, encoding="utf-8")

    removed = drop_unless_made_by(tmp_path, "*-Readers", "made-by", "code-1")

    expected = ["ArticlesGenerator-Readers", "PagesGenerator-Readers"]
    assert [path.name for path in removed] == (expected if dropped else [])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["made-by", "tags.json", *([] if dropped else expected)]
    )
    assert (tmp_path / "made-by").read_text(encoding="utf-8") == "code-1"
    assert drop_unless_made_by(tmp_path, "*-Readers", "made-by", "code-1") == []


def test_a_missing_cache_folder_is_made_with_its_stamp(tmp_path):
    folder = tmp_path / "cache"
    assert drop_unless_made_by(folder, "*-Readers", "made-by", "code-1") == []
    assert (folder / "made-by").read_text(encoding="utf-8") == "code-1"
