"""A saved or fetched news page to an article draft.

The body comes from trafilatura (after BeautifulSoup drops page furniture), is
sanitised with nh3 and written as Markdown with markdownify. Each metadata field
is filled from an ordered chain: JSON-LD, then OpenGraph and other meta tags,
then the page itself (trafilatura's and htmldate's readings, the dateline), then
the URL.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit
from zoneinfo import ZoneInfo

import trafilatura
from bs4 import BeautifulSoup
from htmldate import find_date
from markdownify import markdownify

from warta.ingest.draft import ArticleDraft, one_line
from warta.ingest.errors import IngestError
from warta.ingest.indodate import publication_date
from warta.ingest.pasted import read_dateline
from warta.ingest.places import Gazetteer
from warta.ingest.sanitize import clean_html, plain_text
from warta.metadata import site_name

JAKARTA = ZoneInfo("Asia/Jakarta")
MIN_BODY_WORDS = 40
_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "webpage",
}
_RELATED_LINE = re.compile(
    r"^\s*\**\s*(baca juga|baca pula|simak juga|lihat juga|berita terkait|"
    r"artikel terkait|tonton juga|saksikan juga)\b"
    r"|^\s*(advertisement|scroll to continue with content|iklan|"
    r"baca berita tanpa iklan\b.*)\s*$",
    re.IGNORECASE,
)


@dataclass
class Fields:
    """One source of metadata: a value per field, where it gives one."""

    values: dict[str, object] = field(default_factory=dict)

    def put(self, key: str, value) -> None:
        if value not in (None, "", [], {}) and key not in self.values:
            self.values[key] = value


def _first(chain: Iterable[Fields], key: str):
    for source in chain:
        if key in source.values:
            return source.values[key]
    return None


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _names(value) -> list[str]:
    names = []
    for item in _as_list(value):
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(plain_text(name).strip())
    return names


def _json_ld_objects(soup: BeautifulSoup) -> list[dict]:
    found = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = _as_list(data)
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                stack.extend(_as_list(item.get("@graph")))
                found.append(item)
            elif isinstance(item, list):
                stack.extend(item)
    return found


def from_json_ld(soup: BeautifulSoup) -> Fields:
    fields = Fields()
    for item in _json_ld_objects(soup):
        types = {str(t).lower() for t in _as_list(item.get("@type"))}
        if not types & _ARTICLE_TYPES:
            continue
        fields.put("title", item.get("headline") or item.get("name"))
        fields.put("date", item.get("datePublished"))
        fields.put("modified", item.get("dateModified"))
        fields.put("author", ", ".join(_names(item.get("author"))))
        fields.put("source", ", ".join(_names(item.get("publisher"))))
        fields.put("summary", item.get("description"))
        page = item.get("mainEntityOfPage")
        fields.put("url", page.get("@id") if isinstance(page, dict) else page)
        fields.put("url", item.get("url"))
        image = _as_list(item.get("image"))
        if image:
            first = image[0]
            fields.put("image", first.get("url") if isinstance(first, dict) else first)
        keywords = item.get("keywords")
        if isinstance(keywords, str):
            keywords = [k.strip() for k in keywords.split(",")]
        fields.put("tags", [k for k in _as_list(keywords) if isinstance(k, str)])
    return fields


def from_meta_tags(soup: BeautifulSoup) -> Fields:
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop") or ""
        if key and tag.get("content") and key.lower() not in meta:
            meta[key.lower()] = tag["content"]
    fields = Fields()
    fields.put("title", meta.get("og:title") or meta.get("twitter:title"))
    for key in (
        "article:published_time",
        "pubdate",
        "publishdate",
        "date",
        "dc.date.issued",
        "datepublished",
        "content_publishdate",
    ):
        fields.put("date", meta.get(key))
    fields.put(
        "modified", meta.get("article:modified_time") or meta.get("og:updated_time")
    )
    fields.put(
        "author",
        meta.get("author") or meta.get("article:author") or meta.get("content_author"),
    )
    fields.put("source", meta.get("og:site_name") or meta.get("application-name"))
    fields.put("summary", meta.get("og:description") or meta.get("description"))
    fields.put("image", meta.get("og:image"))
    canonical = soup.find("link", rel="canonical")
    fields.put("url", canonical.get("href") if canonical else None)
    fields.put("url", meta.get("og:url"))
    keywords = meta.get("keywords") or meta.get("news_keywords")
    if keywords:
        fields.put("tags", [k.strip() for k in keywords.split(",") if k.strip()])
    return fields


def from_page(html: str, soup: BeautifulSoup, url: str | None) -> Fields:
    fields = Fields()
    heading = soup.find("h1")
    fields.put("title", heading.get_text(" ", strip=True) if heading else None)
    if soup.title and soup.title.string:
        fields.put("title", soup.title.string.split(" - ")[0].split(" | ")[0])
    with contextlib.suppress(ValueError, TypeError):  # htmldate on odd markup
        found = find_date(
            html, url=url, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S"
        )
        fields.put("date", found)
    return fields


def from_url(url: str | None) -> Fields:
    fields = Fields()
    if url:
        fields.put("source", site_name(url))
        fields.put("url", url)
    return fields


def parse_moment(value) -> dt.datetime | dt.date | None:
    """An ISO date or date-time; aware times are given in Jakarta time."""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        found = publication_date(text)
        return found
    if moment.tzinfo is not None:
        moment = moment.astimezone(JAKARTA).replace(tzinfo=None)
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0) and len(text) <= 10:
        return moment.date()
    return moment.replace(second=0, microsecond=0)


def extract_body(html: str, url: str | None, output_format: str) -> str:
    """The article body as trafilatura finds it, with the settings measured best
    on the extraction benchmark (favour precision, no comments)."""
    extracted = trafilatura.extract(
        html,
        url=url,
        output_format=output_format,
        include_images=output_format != "txt",
        include_links=output_format != "txt",
        include_formatting=output_format != "txt",
        include_tables=True,
        include_comments=False,
        favor_precision=True,
    )
    return extracted or ""


# Links a site sets on words of its articles to its own listings (tags,
# topics, searches): navigation, not a source the article cites.
_LISTING_LINK = re.compile(
    r"^/(?:tag|tags|topik|topic|search|cari|indeks)(?:/|$)", re.I
)


def html_to_markdown(body_html: str, base_url: str | None) -> str:
    safe = clean_html(body_html)
    soup = BeautifulSoup(safe, "html.parser")
    for link in soup.find_all("a", href=True):
        link["href"] = urljoin(base_url or "", link["href"])
        if _LISTING_LINK.search(urlsplit(link["href"]).path):
            link.unwrap()  # "[Menhub](https://www.kompas.com/tag/menhub)": the word
    for image in soup.find_all("img"):
        if not image.get("src"):
            image.decompose()
            continue
        image["src"] = urljoin(base_url or "", image["src"])
        if not (image.get("alt") or "").strip():
            figure = image.find_parent("figure")
            caption = figure.find("figcaption") if figure else None
            image["alt"] = (
                one_line(
                    (caption.get_text(" ") if caption else "")
                    or image.get("title")
                    or ""
                )
                or "Foto berita"
            )
    markdown = markdownify(
        str(soup), heading_style="ATX", bullets="-", strip=["figure"]
    )
    kept = [
        block.strip()
        for block in re.split(r"\n\s*\n", markdown)
        if block.strip() and not _RELATED_LINE.match(block.replace("*", ""))
    ]
    return "\n\n".join(kept)


def parse_page(
    html: str,
    *,
    url: str | None = None,
    source_name: str = "<html>",
    gazetteer: Gazetteer | None = None,
) -> ArticleDraft:
    """An article draft from a page; raise ``IngestError`` if it holds none."""
    soup = BeautifulSoup(html, "lxml")
    chain = [
        from_json_ld(soup),
        from_meta_tags(soup),
        from_page(html, soup, url),
        from_url(url),
    ]
    page_url = _first(chain, "url")
    if isinstance(page_url, str):
        # ("https://…/213419026/judul#": a fragment names no other article)
        page_url = urldefrag(urljoin(url or "", page_url)).url
    body_html = extract_body(html, url, "html")
    body = html_to_markdown(
        body_html or "", page_url if isinstance(page_url, str) else url
    )
    if len(re.findall(r"\w+", body)) < MIN_BODY_WORDS:
        raise IngestError(source_name, "not a news page: no article text found")
    title = _first(chain, "title")
    if not title:
        raise IngestError(source_name, "not a news page: no title found")

    body = _without_leading_title(body, str(title))
    body = joined_dateline(without_leading_widget(body))
    gazetteer = gazetteer or Gazetteer({})
    dateline = None
    for paragraph in body.split("\n\n")[:4]:
        dateline = read_dateline(re.sub(r"[*_]", "", paragraph), gazetteer)
        if dateline:
            break
    place = gazetteer.lookup(dateline[0]) if dateline else None
    date = parse_moment(_first(chain, "date")) or publication_date(
        plain_text(body_html or "")
    )
    modified = parse_moment(_first(chain, "modified"))
    if modified and date and _as_datetime(modified) < _as_datetime(date):
        modified = None  # the site's slip: "modified" before "published"
    source = _first(chain, "source")
    return ArticleDraft(
        title=one_line(plain_text(str(title))),
        body=body,
        date=date,
        modified=modified,
        source=one_line(plain_text(str(source))) if source else None,
        source_url=page_url
        if isinstance(page_url, str) and page_url.startswith("http")
        else None,
        author=_clean_optional(_first(chain, "author")),
        location=place.name if place else None,
        region=place.province if place else None,
        summary=_clean_optional(_first(chain, "summary")),
        image=_safe_url(_first(chain, "image"), page_url or url),
        tags=[one_line(plain_text(t)) for t in (_first(chain, "tags") or [])][:10],
    )


def _as_datetime(moment: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(moment, dt.datetime):
        return moment
    return dt.datetime.combine(moment, dt.time())


# A dateline the page set apart from its first paragraph (detik's
# "<strong>Jakarta</strong> - <p>…"), which the extractor gives a paragraph
# of its own: "**Jakarta**-".
_LONE_DATELINE = re.compile(
    r"(?P<place>(?:\*\*)?[^\W\d][^\n*]{0,38}?(?:\*\*)?)\s*(?P<dash>[—–]|-{1,2})"
)


def joined_dateline(body: str) -> str:
    """``body`` with a dateline standing alone joined to the paragraph after it."""
    first, _, rest = body.partition("\n\n")
    match = _LONE_DATELINE.fullmatch(first)
    if not rest or match is None or len(match["place"].split()) > 4:
        return body
    return f"{match['place']} {match['dash']} {rest}"


# A box of the page's own, headed by one of these, that the extractor took
# for the article's start (Media Indonesia's "Headline" box of its e-paper:
# a heading and one line about another story).
_WIDGET_HEADING = re.compile(
    r"#{1,6} (?:headline|terpopuler|populer|terkini|trending|berita terkait|"
    r"baca juga|pilihan redaksi|rekomendasi)",
    re.IGNORECASE,
)
WIDGET_MAX_WORDS = 40


def without_leading_widget(body: str) -> str:
    """``body`` less a page's box at its start: the box's heading and the
    short paragraph under it, when the article goes on after them."""
    parts = body.split("\n\n", 2)
    if len(parts) < 3 or not _WIDGET_HEADING.fullmatch(parts[0].strip()):
        return body
    if len(parts[1].split()) > WIDGET_MAX_WORDS:
        return body
    return parts[2]


def _without_leading_title(body: str, title: str) -> str:
    """The page's own heading repeats the title: the article starts after it."""
    first, _, rest = body.partition("\n\n")
    if rest and one_line(first.lstrip("#").replace("*", "")) == one_line(title):
        return rest
    return body


def _clean_optional(value) -> str | None:
    if not value:
        return None
    return one_line(plain_text(str(value))) or None


def _safe_url(value, base) -> str | None:
    if not isinstance(value, str):
        return None
    absolute = urljoin(base or "", value.strip())
    return absolute if absolute.startswith(("http://", "https://")) else None


def extract_text(html: str, url: str | None = None) -> str:
    """The article body as plain text, for the extraction benchmark."""
    lines = extract_body(html, url, "txt").split("\n")
    return "\n".join(line for line in lines if not _RELATED_LINE.match(line))
