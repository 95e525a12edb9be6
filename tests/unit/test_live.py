"""Watching the sources: which names a message shows, and a real watch loop."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from watchfiles import Change

from warta.live import changed_paths, shown_names, watch_and_rebuild


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["content/a.md"], "content/a.md"),
        (["content/b.md", "content/a.md"], "content/a.md, content/b.md"),
        (["theme/x.css", "content/a.md"], "content/a.md, theme/x.css"),
        (
            ["content/1.md", "content/2.md", "content/3.md", "content/4.md"],
            "content/1.md, content/2.md, content/3.md dan 1 lainnya",
        ),
        (["settings.py"], "settings.py"),
    ],
)
def test_shown_names_are_relative_to_the_watched_folders_parent(
    tmp_path, names, expected
):
    roots = [tmp_path / "content", tmp_path / "theme", tmp_path / "settings.py"]
    assert shown_names([tmp_path / name for name in names], roots) == expected


def test_a_path_outside_every_root_is_shown_whole(tmp_path):
    elsewhere = tmp_path / "elsewhere" / "x.md"
    root = tmp_path / "site" / "content"
    assert shown_names([elsewhere], [root]) == str(elsewhere)


def _wait_for(condition, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_each_batch_of_changes_is_rebuilt_until_stopped(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "old.md").write_text("lama", encoding="utf-8")
    batches: list[list[Path]] = []
    messages: list[str] = []
    stop = threading.Event()
    result: list[int] = []
    watcher = threading.Thread(
        target=lambda: result.append(
            watch_and_rebuild(
                [content, tmp_path / "missing"],  # a missing root is left out
                batches.append,
                stop=stop,
                announce=messages.append,
                debounce_ms=100,
            )
        )
    )
    watcher.start()
    try:
        time.sleep(0.5)  # the watch is set up
        (content / "new.md").write_text("baru", encoding="utf-8")
        assert _wait_for(lambda: batches), "no rebuild after a file was written"
        assert (content / "new.md").resolve() in {p.resolve() for p in batches[0]}
        assert messages[0] == "Berubah: content/new.md. Membangun ulang ..."
        (content / "old.md").unlink()
        assert _wait_for(lambda: len(batches) == 2), "no rebuild after a removal"
        assert [p.name for p in batches[1]] == ["old.md"]
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert not watcher.is_alive()
    assert result == [2]


def test_nothing_to_watch_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="nothing to watch"):
        watch_and_rebuild([tmp_path / "missing"], lambda changed: None)


def test_a_file_that_came_and_went_within_a_batch_is_left_out(tmp_path):
    kept, gone = tmp_path / "a.md", tmp_path / "sedX1"
    kept.write_text("isi", encoding="utf-8")
    removed = tmp_path / "old.md"  # deleted: reported
    changes = {
        (Change.modified, str(kept)),
        (Change.added, str(gone)),
        (Change.deleted, str(gone)),
        (Change.deleted, str(removed)),
    }
    assert changed_paths(changes) == [kept, removed]
    assert changed_paths({(Change.added, str(gone))}) == []
