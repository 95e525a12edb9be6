"""The changes made to an article's HTML before a reader sees it."""

from __future__ import annotations

import html
import sys

import pytest

from warta.render import ascii_html, safe_article_html


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("<p>Harga lada stabil.</p>", "<p>Harga lada stabil.</p>"),
        ("<p>Lampung Post — Disperin</p>", "<p>Lampung Post &#8212; Disperin</p>"),
        ("<p>“Kami siap,” ujarnya.</p>", "<p>&#8220;Kami siap,&#8221; ujarnya.</p>"),
        ('<img alt="Kafé “kopi”">', '<img alt="Kaf&#233; &#8220;kopi&#8221;">'),
        ("<p>Naik 5 % 😀</p>", "<p>Naik 5 % &#128512;</p>"),
        ("<p>a &amp; b &#8212; c</p>", "<p>a &amp; b &#8212; c</p>"),
    ],
    ids=["ascii", "dash", "quotes", "attribute", "astral", "escaped-already"],
)
def test_ascii_html_references_every_character_beyond_ascii(given, expected):
    assert ascii_html(given) == expected
    assert html.unescape(ascii_html(given)) == html.unescape(given)


def test_ascii_html_takes_a_quarter_of_the_memory_of_a_wide_string():
    text = "<p>" + "Ekspor kopi naik. " * 200 + "“Kami siap.”</p>"
    assert sys.getsizeof(ascii_html(text)) < sys.getsizeof(text) / 1.9


def test_an_article_body_comes_out_sanitised_and_ascii():
    given = '<p onclick="x()">Disperin — “IKM”</p><script>alert(1)</script>'
    result = safe_article_html(given)
    assert result.isascii()
    assert "onclick" not in result
    assert "<script" not in result
    assert html.unescape(result).startswith("<p>Disperin — “IKM”</p>")
