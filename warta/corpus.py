"""Reading the archive's article files outside Pelican, for checks and reports."""

from __future__ import annotations

import html
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import markdown

from warta.errors import ContentError
from warta.metadata import ARTICLE_REQUIRED, Header, check_file_text, parse_date

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|figcaption|td|th)>", re.IGNORECASE)


def html_to_text(fragment: str) -> str:
    """Rendered article HTML as plain text, blocks apart (a blank line ends a
    sentence for the matcher, so a heading never runs into its paragraph)."""
    return html.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", fragment)))


def plain_text(title: str, body_html: str) -> str:
    """An article as the taggers read it: the title, a blank line, the body."""
    return f"{title}\n\n{html_to_text(body_html)}"


def rendered_text(article) -> str:
    """``plain_text`` of a rendered article (any object with ``title`` and the
    content HTML in ``_content``, as Pelican's Article). Not kept on every
    article (about 150 MiB at 20,000 articles for the whole build): only the
    last article's is, for the tagger and the figure extraction, which ask
    for it one after the other as each article is read."""
    title, body = rendered_text_inputs(article)
    last = _LAST_TEXT
    if last[0] is not None and (last[0](), last[1], last[2]) == (article, title, body):
        return last[3]
    text = plain_text(title, body)
    try:
        same = weakref.ref(article)
    except TypeError:  # no weak reference to it: not kept
        return text
    last[:] = [same, title, body, text]
    return text


def rendered_text_inputs(article) -> tuple[str, str]:
    """What ``rendered_text`` makes an article's text from: its title and HTML."""
    return article.title, getattr(article, "_content", None) or ""


# The last article ``rendered_text`` was asked for (weakly), the title and
# HTML its text was made from, and the text.
_LAST_TEXT: list = [None, None, None, None]


@dataclass(frozen=True)
class ArticleFile:
    path: Path
    header: Header
    body: str  # Markdown

    @property
    def title(self) -> str:
        return self.header.values.get("title", "")

    @cached_property
    def text(self) -> str:
        """Title and body as plain text, as the tagger sees them."""
        return plain_text(
            self.title, markdown.markdown(self.body, extensions=["extra"])
        )

    @property
    def date(self):
        return parse_date(self.header.values["date"]).date()


def read_articles(articles_dir: Path) -> Iterator[ArticleFile | ContentError]:
    """Each article file, or the fault that keeps it from being read."""
    for path in sorted(articles_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            yield ContentError(path, None, f"not UTF-8 text ({error.reason})")
            continue
        try:
            header = check_file_text(text, path, required=ARTICLE_REQUIRED)
        except ContentError as error:
            yield error
            continue
        body = "\n".join(text.splitlines()[header.body_line - 1 :])
        yield ArticleFile(path, header, body)
