"""PageMemo: what the last build wrote, page by page."""

from __future__ import annotations

import logging

from warta.incremental import PageMemo, collecting_notes, replay_notes


def _render(memo: PageMemo, output, key, digest, parts, files) -> bool:
    """Keep ``key`` or render it (writing ``files``); True if rendered."""
    if memo.unchanged(key, digest):
        return False
    memo.begin(key, digest, parts)
    for name in files:
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(digest, encoding="utf-8")
        memo.wrote(output / name)
    memo.end()
    return True


def test_a_page_is_kept_rendered_or_swept_and_the_changed_input_named(tmp_path):
    output, path = tmp_path / "output", tmp_path / "memo.json"
    first = PageMemo(path, output, "site-1")
    parts = {"article": "a1", "(page)": "p1"}
    assert _render(first, output, "page:a/index.html", "d1", parts, ["a/index.html"])
    assert _render(first, output, "page:b/index.html", "d2", {}, ["b/index.html"])
    first.save()

    second = PageMemo(path, output, "site-1")
    assert not _render(second, output, "page:b/index.html", "d2", {}, ["b/index.html"])
    edited = {"article": "a2", "(page)": "p1"}
    assert _render(second, output, "page:a/index.html", "d3", edited, ["a/index.html"])
    assert second.changed_inputs == {"page:a/index.html": ["article"]}
    assert second.kept["page"] == 1
    second.save()

    third = PageMemo(path, output, "site-1")  # page b is gone from the site
    assert not _render(third, output, "page:a/index.html", "d3", edited, [])
    assert third.stale_files() == {"b/index.html"}
    # Another site (settings, theme, code) keeps nothing, but still sweeps
    # the files of pages that are gone.
    other = PageMemo(path, output, "site-2")
    assert _render(other, output, "page:a/index.html", "d3", edited, ["a/index.html"])
    assert other.stale_files() == {"b/index.html"}


def test_a_kept_page_logs_again_the_warnings_it_logged_when_rendered(tmp_path, caplog):
    output, path = tmp_path / "output", tmp_path / "memo.json"
    # Once Pelican is imported, its logger class drops a repeated warning
    # within a process (a build resets that): not wanted here.
    logger = logging.getLogger("tests.page_memo")
    logger.filters.clear()
    first = PageMemo(path, output, "site")
    first.begin("page:a.html", "d1")
    with collecting_notes() as notes:
        logger.warning("Unable to find %r", "x.md")
        logger.info("not a warning")
    (output / "a.html").parent.mkdir(parents=True)
    (output / "a.html").write_text("a", encoding="utf-8")
    first.wrote(output / "a.html")
    first.end(notes)
    assert _render(first, output, "page:b.html", "d2", {}, ["b.html"])
    first.save()

    second = PageMemo(path, output, "site")
    assert second.unchanged("page:a.html", "d1")
    assert second.unchanged("page:b.html", "d2")
    assert second.notes("page:b.html") == []
    caplog.clear()
    with caplog.at_level(logging.INFO):
        replay_notes(second.notes("page:a.html"))
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("tests.page_memo", logging.WARNING, "Unable to find 'x.md'")
    ]
