"""Structured data read back from the built pages (JSON-LD, schema.org).

Every ``<script type="application/ld+json">`` of a page is parsed with
``json.loads``; the typed objects are collected from the top level, from
``@graph`` and from nested values (a ``WebPage`` whose ``mainEntity`` is the
``NewsArticle`` counts), and ``{"@id": ...}`` references are followed.

What each page must carry:

- every page: a ``BreadcrumbList`` whose ``itemListElement`` is a non-empty
  list of ``ListItem`` with ``position`` and ``name``;
- an article (``berita/YYYY/MM/DD/<slug>/``): a ``NewsArticle`` with
  ``headline``, ``datePublished`` and ``dateModified`` (ISO 8601), ``author``,
  ``publisher`` with a ``name``, ``about`` or ``mentions``, and ``isBasedOn``
  naming the original URL when the article has one. Which articles have one is
  read from their files (``Source_url``, with ``originals_from_content``), not
  from the page: a page that forgot its original cannot be asked about it.
  Pages and files are matched on the date in the URL and the title (the
  ``headline``, else the page's ``<h1>``), so no slug rule is copied here;
- an agency (``lembaga/<slug>/``, and its further pages): a
  ``GovernmentOrganization`` with a ``name``;
- a person (``tokoh/<slug>/``, and its further pages): a ``Person`` with a
  ``name``.

A page without any JSON-LD is reported as such (one gap), not as a crash or a
list of every missing field; invalid JSON is reported with the parser's reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from warta.audit.links import HTML_SUFFIXES, list_files

ARTICLE = re.compile(r"^berita/(\d{4})/(\d{2})/(\d{2})/[^/]+/index\.html$")
AGENCY = re.compile(r"^lembaga/[^/]+/(halaman/\d+/)?index\.html$")
PERSON = re.compile(r"^tokoh/[^/]+/(halaman/\d+/)?index\.html$")

NO_JSON_LD = 'no JSON-LD (<script type="application/ld+json">) on the page'

_SCRIPTS = etree.XPath("//script[@type]")
_H1 = etree.XPath("string((//h1)[1])")

# (date "YYYY-MM-DD", title) -> the original article's URL
Originals = dict[tuple[str, str], str]


def title_key(title: str) -> str:
    return " ".join(unicodedata.normalize("NFC", title).split())


def originals_from_content(content: str | Path) -> Originals:
    """The original URL (``Source_url``) of every published article file."""
    from warta.corpus import read_articles  # Markdown loads only when asked

    originals: Originals = {}
    for item in read_articles(Path(content) / "articles"):
        if isinstance(item, Exception):
            continue  # the build reports unreadable files
        values = item.header.values
        if values.get("status", "published").lower() in ("draft", "hidden"):
            continue
        if values.get("source_url"):
            key = (item.date.isoformat(), title_key(item.title))
            originals[key] = values["source_url"]
    return originals


def page_kind(rel: str) -> str:
    """``article``, ``agency``, ``person`` or ``page`` for an output path."""
    if ARTICLE.match(rel):
        return "article"
    if AGENCY.match(rel):
        return "agency"
    if PERSON.match(rel):
        return "person"
    return "page"


@dataclass
class PageGaps:
    page: str
    kind: str
    gaps: list[str]


@dataclass
class StructuredReport:
    pages: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    with_json_ld: int = 0
    faults: list[PageGaps] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.faults

    def grouped(self) -> dict[str, list[str]]:
        """Each gap with the pages that have it, most frequent first."""
        groups: dict[str, list[str]] = defaultdict(list)
        for page in self.faults:
            for gap in page.gaps:
                groups[gap].append(page.page)
        return dict(sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])))

    def gaps_for(self, kind: str) -> dict[str, list[str]]:
        """Like ``grouped`` for one kind of page (``article``, ``agency``...)."""
        groups: dict[str, list[str]] = defaultdict(list)
        for page in self.faults:
            if page.kind == kind:
                for gap in page.gaps:
                    groups[gap].append(page.page)
        return dict(groups)


# --- reading ------------------------------------------------------------------


@dataclass
class JsonLd:
    blocks: int
    errors: list[str]
    nodes: list[dict]
    by_id: dict[str, dict]
    contexts: list[object]


def _walk(value: object) -> Iterator[dict]:
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from _walk(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _walk(inner)


def read_json_ld(root: etree._Element | None) -> JsonLd:
    """Every JSON-LD object of a parsed page."""
    found = JsonLd(0, [], [], {}, [])
    if root is None:
        return found
    for script in _SCRIPTS(root):
        if script.get("type", "").strip().lower() != "application/ld+json":
            continue
        found.blocks += 1
        text = script.text or ""
        try:
            data = json.loads(text)
        except ValueError as error:
            found.errors.append(f"invalid JSON-LD: {error}")
            continue
        tops = data if isinstance(data, list) else [data]
        for top in tops:
            if isinstance(top, dict):
                found.contexts.append(top.get("@context"))
        for node in _walk(data):
            found.nodes.append(node)
            node_id = node.get("@id")
            if isinstance(node_id, str) and len(node) > 1:
                found.by_id.setdefault(node_id, node)
    return found


def _types(node: dict) -> set[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).removeprefix("schema:").rsplit("/", 1)[-1] for k in kinds}


def _deref(value: object, by_id: dict[str, dict]) -> object:
    if isinstance(value, dict) and set(value) == {"@id"}:
        return by_id.get(value["@id"], value)
    return value


def _filled(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return True


def _named(value: object, by_id: dict[str, dict]) -> bool:
    """A non-empty name, an object with a name, or a list of those."""
    items = value if isinstance(value, list) else [value]
    if not items:
        return False
    for item in items:
        item = _deref(item, by_id)
        if isinstance(item, str):
            if not item.strip():
                return False
        elif not (isinstance(item, dict) and _filled(item.get("name"))):
            return False
    return True


def _iso_date(value: object) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        dt.datetime.fromisoformat(value.strip())
    except ValueError:
        try:
            dt.date.fromisoformat(value.strip())
        except ValueError:
            return False
    return True


def _urls_of(value: object, by_id: dict[str, dict]) -> set[str]:
    items = value if isinstance(value, list) else [value]
    urls = set()
    for item in items:
        item = _deref(item, by_id)
        if isinstance(item, str):
            urls.add(item.strip())
        elif isinstance(item, dict):
            urls.update(
                str(item[key]).strip() for key in ("url", "@id") if item.get(key)
            )
    return urls


# --- checks -------------------------------------------------------------------


def _of_type(data: JsonLd, name: str) -> list[dict]:
    return [node for node in data.nodes if name in _types(node)]


def _check_breadcrumbs(data: JsonLd) -> list[str]:
    lists = _of_type(data, "BreadcrumbList")
    if not lists:
        return ["no BreadcrumbList"]
    items = _deref(lists[0].get("itemListElement"), data.by_id)
    if not isinstance(items, list) or not items:
        return ["BreadcrumbList: itemListElement is empty"]
    gaps = []
    for index, item in enumerate(items, 1):
        item = _deref(item, data.by_id)
        if not isinstance(item, dict) or "ListItem" not in _types(item):
            gaps.append(f"BreadcrumbList: item {index} is not a ListItem")
            continue
        if not isinstance(item.get("position"), int):
            gaps.append(f"BreadcrumbList: item {index} has no integer position")
        if not _filled(item.get("name")) and not _named(item.get("item"), data.by_id):
            gaps.append(f"BreadcrumbList: item {index} has no name")
    return gaps


# A link to a known entity's page: lembaga/<id>/, tokoh/<id>/, indikator/<id>/
# (not a name the taggers found on their own, usulan-…: the JSON-LD leaves
# those out, unverified).
_ENTITY_LINK = re.compile(
    r"(?:^|/)(?:lembaga|tokoh|indikator)/(?!usulan-)[^/]+/(?:index\.html)?$"
)


def _links_entities(root) -> bool:
    """The page links a known agency's, person's or indicator's page."""
    if root is None:
        return False
    return any(_ENTITY_LINK.search(href) for href in root.xpath("//a/@href"))


def _check_article(
    data: JsonLd, node: dict, original: str | None, names_entities: bool = True
) -> list[str]:
    gaps = []
    if not _filled(node.get("headline")):
        gaps.append("NewsArticle: missing headline")
    for key in ("datePublished", "dateModified"):
        if key not in node:
            gaps.append(f"NewsArticle: missing {key}")
        elif not _iso_date(node[key]):
            gaps.append(f"NewsArticle: {key} is not an ISO 8601 date")
    if not _named(node.get("author"), data.by_id):
        gaps.append("NewsArticle: missing author (a name or an object with a name)")
    publisher = _deref(node.get("publisher"), data.by_id)
    if not isinstance(publisher, dict):
        gaps.append("NewsArticle: missing publisher")
    elif not _filled(publisher.get("name")):
        gaps.append("NewsArticle: publisher has no name")
    mentioned = _filled(node.get("about")) or _filled(node.get("mentions"))
    if names_entities and not mentioned:
        # (an article that names no agency, person or indicator has none)
        gaps.append("NewsArticle: missing about/mentions")
    if original:
        based_on = _urls_of(node.get("isBasedOn"), data.by_id)
        if not based_on:
            gaps.append("NewsArticle: missing isBasedOn (the article has an original)")
        elif original not in based_on:
            gaps.append(
                f"NewsArticle: isBasedOn {sorted(based_on)} is not the original "
                f"{original}"
            )
    return gaps


def _check_entity(data: JsonLd, type_name: str) -> list[str]:
    nodes = _of_type(data, type_name)
    if not nodes:
        present = sorted({t for n in data.nodes for t in _types(n) if t})
        seen = f" (types present: {', '.join(present)})" if present else ""
        return [f"no {type_name}{seen}"]
    if not _filled(nodes[0].get("name")):
        return [f"{type_name}: missing name"]
    return []


def check_page(
    rel: str,
    data: bytes,
    parser: etree.HTMLParser | None = None,
    originals: Originals | None = None,
):
    """The gaps of one page: (kind, list of gap messages, has JSON-LD)."""
    parser = parser or etree.HTMLParser(encoding="utf-8", no_network=True)
    root = etree.fromstring(data, parser) if data.strip() else None
    kind = page_kind(rel)
    found = read_json_ld(root)
    if found.blocks == 0:
        return kind, [NO_JSON_LD], False
    gaps = list(found.errors)
    if not any("schema.org" in json.dumps(c) for c in found.contexts if c):
        gaps.append("no @context naming schema.org")
    gaps += _check_breadcrumbs(found)
    if kind == "article":
        articles = _of_type(found, "NewsArticle")
        if not articles:
            gaps.append("no NewsArticle")
        else:
            node = articles[0]
            headline = node.get("headline")
            if not isinstance(headline, str) or not headline.strip():
                headline = str(_H1(root)) if root is not None else ""
            year, month, day = ARTICLE.match(rel).groups()
            key = (f"{year}-{month}-{day}", title_key(headline))
            original = (originals or {}).get(key)
            gaps += _check_article(found, node, original, _links_entities(root))
    elif kind == "agency":
        gaps += _check_entity(found, "GovernmentOrganization")
    elif kind == "person":
        gaps += _check_entity(found, "Person")
    return kind, gaps, True


def check_structured(
    output: str | Path, originals: Originals | None = None
) -> StructuredReport:
    """Check the structured data of every HTML page under ``output``;
    ``originals`` (from ``originals_from_content``) turns on the isBasedOn check."""
    output = Path(output)
    report = StructuredReport()
    kinds: dict[str, int] = defaultdict(int)
    parser = etree.HTMLParser(encoding="utf-8", no_network=True)
    for rel in sorted(f for f in list_files(output) if f.endswith(HTML_SUFFIXES)):
        data = (output / rel).read_bytes()
        kind, gaps, has_json_ld = check_page(rel, data, parser, originals)
        report.pages += 1
        kinds[kind] += 1
        report.with_json_ld += has_json_ld
        if gaps:
            report.faults.append(PageGaps(rel, kind, gaps))
    report.kinds = dict(kinds)
    return report
