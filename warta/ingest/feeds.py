"""Article links listed by an RSS/Atom feed or a sitemap (index)."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

import feedparser
from lxml import etree

from warta.ingest.errors import IngestError

_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class Entry:
    url: str
    date: dt.date | None


def _parse_xml(body: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def sitemap_entries(root) -> tuple[list[Entry], list[str]]:
    """``(articles, child sitemaps)`` of a parsed sitemap or sitemap index."""
    if root.tag == f"{_SITEMAP}sitemapindex":
        children = [loc.text.strip() for loc in root.iter(f"{_SITEMAP}loc") if loc.text]
        return [], children
    entries = []
    for node in root.iter(f"{_SITEMAP}url"):
        loc = node.findtext(f"{_SITEMAP}loc")
        if not loc:
            continue
        when = node.findtext(f"{_NEWS}news/{_NEWS}publication_date") or node.findtext(
            f"{_SITEMAP}lastmod"
        )
        entries.append(Entry(loc.strip(), _date(when)))
    return entries, []


def feed_entries(body: bytes, source: str) -> list[Entry]:
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise IngestError(source, "neither a feed nor a sitemap")
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        date = dt.date.fromtimestamp(time.mktime(stamp)) if stamp else None
        entries.append(Entry(link, date))
    return entries


def listed_entries(body: bytes, source: str) -> tuple[list[Entry], list[str]]:
    """Entries of a feed or sitemap body, and child sitemaps to read next."""
    root = _parse_xml(body)
    if root is not None and root.tag.startswith(_SITEMAP):
        return sitemap_entries(root)
    return feed_entries(body, source), []
