"""What the search index takes from one built page.

The theme marks what is searchable with ``data-cari-*`` attributes:

- ``data-cari-body`` on the element whose text is indexed (a page without one
  is not indexed: listings, archives, later pages of an entity);
- ``data-cari-ignore`` on parts of it left out of the text (metadata,
  tables, related articles); filters, metadata and sort keys inside them
  still count;
- ``data-cari-meta="NAME"``: the element's text, shown with the result
  (``title`` is the result's title);
- ``data-cari-filter="KEY"`` (the element's text) or ``"KEY:VALUE"``: a
  filter value of the page;
- ``data-cari-sort="KEY:VALUE"``: a sort key (``tanggal:YYYY-MM-DD``).
"""

from __future__ import annotations

import html as entities
import re
from dataclasses import dataclass, field

from lxml import etree

BODY = "data-cari-body"
IGNORE = "data-cari-ignore"
META = "data-cari-meta"
FILTER = "data-cari-filter"
SORT = "data-cari-sort"

# Elements whose text is a block of its own: a space separates it from the
# text around it, so that "<p>satu</p><p>dua</p>" reads "satu dua".
BLOCKS = frozenset(
    "address article aside blockquote br caption dd details div dl dt figcaption "
    "figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul".split()
)
SKIPPED = frozenset(("script", "style", "template", "noscript", "svg"))


@dataclass
class Page:
    url: str
    title: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)


# Pelican writes UTF-8.
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
_TITLE = re.compile(rb"<title[^>]*>([^<]*)</title>", re.IGNORECASE)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text(element) -> str:
    return _squash("".join(element.itertext()))


def _visible_text(element, parts: list[str]) -> None:
    """The text of ``element`` without its ignored or invisible parts."""
    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            if child.tail:
                parts.append(child.tail)
            continue
        block = child.tag in BLOCKS
        if child.tag not in SKIPPED and child.get(IGNORE) is None:
            if block:
                parts.append(" ")
            if child.text:
                parts.append(child.text)
            _visible_text(child, parts)
            if block:
                parts.append(" ")
        elif block:
            parts.append(" ")
        if child.tail:
            parts.append(child.tail)


def extract(html: bytes | str, url: str) -> Page | None:
    """The searchable parts of a page, or None when it has no ``data-cari-body``."""
    if isinstance(html, str):
        html = html.encode()
    at = html.find(BODY.encode())
    if at < 0:
        return None
    # Only the body element and what follows it are parsed; the page's <title>
    # is read apart, for a page whose body has no title of its own.
    root = etree.fromstring(html[html.rfind(b"<", 0, at) :], _PARSER)
    bodies = [] if root is None else root.xpath(f"//*[@{BODY}]")
    if not bodies:
        return None
    body = bodies[0]
    meta: dict[str, str] = {}
    filters: dict[str, list[str]] = {}
    sort: dict[str, str] = {}
    for element in body.xpath(f".//*[@{META} or @{FILTER} or @{SORT}]"):
        name = element.get(META)
        if name:
            meta.setdefault(name, _text(element))
        spec = element.get(FILTER)
        if spec:
            key, _, value = spec.partition(":")
            value = value.strip() or _text(element)
            values = filters.setdefault(key.strip(), [])
            if value and value not in values:
                values.append(value)
        spec = element.get(SORT)
        if spec and ":" in spec:
            key, _, value = spec.partition(":")
            sort.setdefault(key.strip(), value.strip())
    parts: list[str] = [body.text or ""]
    _visible_text(body, parts)
    text = _squash("".join(parts))
    title = meta.get("title")
    if not title:
        heading = body.xpath(".//h1")
        if heading:
            title = _text(heading[0])
    if not title:
        found = _TITLE.search(html)
        raw = found[1].decode(errors="replace") if found else url
        title = _squash(entities.unescape(raw))
    return Page(url=url, title=title, text=text, meta=meta, filters=filters, sort=sort)
