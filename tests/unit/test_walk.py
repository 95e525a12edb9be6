"""Walking a folder tree: the same folders and files as os.walk."""

from __future__ import annotations

import os

from warta.walk import files_by_folder


def _as_walked(top: str) -> dict[str, list[str]]:
    return {folder: sorted(names) for folder, names in files_by_folder(top)}


def test_every_folder_with_its_files_as_os_walk_gives_them(tmp_path):
    for relative in ["a.txt", "x/b.txt", "x/y/c.txt", "x/y/d.txt", "z/e.txt"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("isi", encoding="utf-8")
    (tmp_path / "kosong").mkdir()
    walked = {
        folder: sorted(names) for folder, _folders, names in os.walk(str(tmp_path))
    }
    assert _as_walked(str(tmp_path)) == walked
    assert _as_walked(str(tmp_path))[str(tmp_path / "kosong")] == []


def test_a_link_to_a_folder_is_named_not_followed(tmp_path):
    (tmp_path / "asli").mkdir()
    (tmp_path / "asli" / "f.txt").write_text("isi", encoding="utf-8")
    (tmp_path / "tautan").symlink_to(tmp_path / "asli")
    walked = _as_walked(str(tmp_path))
    assert walked[str(tmp_path)] == ["tautan"]
    assert str(tmp_path / "tautan") not in walked


def test_a_missing_folder_gives_nothing(tmp_path):
    assert _as_walked(str(tmp_path / "tidak-ada")) == {}
