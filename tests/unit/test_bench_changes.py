"""The editor's changes the benchmark times."""

from __future__ import annotations

from warta.bench.measure import _add_article


def _article(path, date: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Title: Berita\nDate: {date}\n\nDate: 2099-01-01 00:00\n")


def test_an_added_article_is_newer_than_all_the_others(tmp_path):
    _article(tmp_path / "articles" / "2024" / "a.md", "2024-03-05 09:00")
    _article(tmp_path / "articles" / "2025" / "b.md", "2025-12-31 16:59")
    _article(tmp_path / "articles" / "2023" / "c.md", "2023-01-01 08:00")
    added = _add_article(tmp_path, "Tanggamus")
    text = (tmp_path / added).read_text(encoding="utf-8")
    # The day after the newest (a date line in the body is no metadata).
    assert added == "articles/2026/pelatihan-kemasan-ikm-kopi-tanggamus.md"
    assert "\nDate: 2026-01-01 10:00\n" in text
