"""The memoising writer's digests of real Pelican articles."""

from __future__ import annotations

import sys

from warta_incremental.writer import _Describer

import warta_content
from tests.plugin.pelican_objects import generate, settings_for


def _articles(tmp_path, bodies: list[str]):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for number, body in enumerate(bodies, start=1):
        (content / "articles" / f"a{number}.md").write_text(
            f"Title: Berita {number}\nDate: 2015-03-{number:02}\n\n{body}\n",
            encoding="utf-8",
        )
    warta_content.register()
    return generate(settings_for(tmp_path, content)).articles


def test_an_article_digested_keeps_its_html_once(tmp_path):
    """Digesting an article's own data leaves no UTF-8 copy of its HTML
    beside it, and tells a change in the HTML from none."""
    bodies = ["Ekspor kopi naik — kata Kepala Dinas.", "Ekspor kopi naik."]
    first, second = sorted(_articles(tmp_path, bodies), key=lambda a: a.title)
    assert not first._content.isascii()
    size = sys.getsizeof(first._content)
    digest = _Describer()._own_digest(first)
    assert sys.getsizeof(first._content) == size
    assert _Describer()._own_digest(first) == digest
    first._content = first._content.replace("naik", "turun")
    assert _Describer()._own_digest(first) != digest
    assert _Describer()._own_digest(second) != digest
