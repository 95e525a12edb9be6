"""An article's text as the taggers read it, made once for consecutive asks."""

from __future__ import annotations

import gc
import weakref

from warta import corpus
from warta.corpus import rendered_text


class _Article:
    def __init__(self, title: str, html: str) -> None:
        self.title = title
        self._content = html


def test_the_text_is_the_title_and_the_body_blocks_apart():
    article = _Article("Ekspor Kopi", "<p>Naik <b>5,2</b> persen.</p><p>Lampung.</p>")
    assert rendered_text(article) == "Ekspor Kopi\n\nNaik 5,2 persen.\n\nLampung.\n\n"


def test_asked_again_for_the_same_article_the_text_is_not_made_again(monkeypatch):
    made = []
    plain_text = corpus.plain_text
    monkeypatch.setattr(
        corpus, "plain_text", lambda t, b: made.append(t) or plain_text(t, b)
    )
    first, second = _Article("Satu", "<p>a</p>"), _Article("Dua", "<p>b</p>")
    assert rendered_text(first) is rendered_text(first)
    assert made == ["Satu"]
    rendered_text(second)
    rendered_text(first)
    assert made == ["Satu", "Dua", "Satu"]
    first._content = "<p>diubah</p>"  # changed: made again
    assert rendered_text(first) == "Satu\n\ndiubah\n\n"


def test_the_last_article_asked_for_is_not_kept_alive():
    article = _Article("Satu", "<p>a</p>")
    rendered_text(article)
    gone = weakref.ref(article)
    del article
    gc.collect()
    assert gone() is None
