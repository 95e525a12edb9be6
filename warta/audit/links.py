"""Internal link check over a built site: every link must reach a file.

Each HTML file of the output folder is parsed once (lxml, in C) for the links
it holds and the ids it offers; the ids are kept per file, so a fragment is
checked against a set, never by parsing the target again. The files that exist
are listed once with one walk of the folder. This keeps the check linear in
the size of the site (10^4 pages take seconds).

A link is internal when it has no scheme and no host (``a/b/``, ``../x.css``,
``/cari/``, ``#isi``), or when it starts with one of ``site_urls`` (the public
build writes absolute URLs). ``http(s):``, ``mailto:``, ``tel:``, ``data:``
and every other scheme are counted as external and not followed.

Resolution follows the browser and the archive's server: the URL is resolved
against the page's own URL (or its ``<base href>``), the query string is
dropped, ``%xx`` escapes are decoded, a folder URL ends in ``index.html``, and
a fragment must match an ``id`` (or an ``<a name>``) on the target page; an
empty fragment and ``#top`` always scroll to the top, as the HTML standard says.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

HTML_SUFFIXES = (".html", ".htm")

# Attributes that hold a URL the browser follows or loads. ``xlink:href`` is
# the SVG 1.1 spelling found in inline charts; ``data`` only on <object>.
_LINKS = etree.XPath(
    "//@*[name()='href' or name()='src' or name()='srcset' or name()='action'"
    " or name()='poster' or name()='xlink:href'] | //object/@data"
)
_IDS = etree.XPath("//@id | //a/@name")
_BASE = etree.XPath("(//base/@href)[1]")


@dataclass(frozen=True)
class BrokenLink:
    """One link that does not resolve, on the page (output-relative) it is on."""

    page: str
    url: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url!r} -> {self.target}: {self.reason}"


@dataclass
class LinkReport:
    """What the check found; ``ok`` when no internal link is broken."""

    pages: int = 0
    links: int = 0
    external: int = 0
    broken: list[BrokenLink] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.broken

    def by_target(self) -> dict[tuple[str, str], list[BrokenLink]]:
        """Broken links grouped by (target, reason): one header link breaks
        on every page, and a report should say so once."""
        groups: dict[tuple[str, str], list[BrokenLink]] = defaultdict(list)
        for link in self.broken:
            groups[(link.target, link.reason)].append(link)
        return dict(groups)


@dataclass
class _Page:
    links: list[tuple[str, str]]  # (attribute name, value)
    ids: frozenset[str]
    base: str | None


def _parser() -> etree.HTMLParser:
    return etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )


def parse_page(data: bytes, parser: etree.HTMLParser | None = None) -> _Page:
    """The links, ids and ``<base href>`` of one HTML document."""
    root = etree.fromstring(data, parser or _parser()) if data.strip() else None
    if root is None:
        return _Page([], frozenset(), None)
    links = [(str(value.attrname), str(value)) for value in _LINKS(root)]
    ids = frozenset(str(value) for value in _IDS(root))
    base = _BASE(root)
    return _Page(links, ids, str(base[0]).strip() if base else None)


def _srcset_urls(value: str) -> Iterator[str]:
    """The URLs of a ``srcset``: comma-separated candidates, URL then descriptor."""
    for candidate in value.split(","):
        parts = candidate.split()
        if parts:
            yield parts[0]


def _urls(links: Iterable[tuple[str, str]]) -> Iterator[str]:
    for name, value in links:
        if name == "srcset":
            yield from _srcset_urls(value)
        else:
            yield value.strip()


def list_files(output: Path) -> set[str]:
    """Every file under ``output``, as a POSIX path relative to it."""
    files = set()
    root = str(output)
    for folder, _dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        files.update(prefix + name for name in names)
    return files


class LinkChecker:
    """Checks the internal links of one output folder."""

    def __init__(self, output: str | Path, site_urls: Iterable[str] = ()) -> None:
        self.output = Path(output)
        self.site_urls = tuple(u.rstrip("/") + "/" for u in site_urls if u)
        self.files = list_files(self.output)
        self.pages: dict[str, _Page] = {}

    def _page(self, rel: str, parser: etree.HTMLParser) -> _Page:
        page = self.pages.get(rel)
        if page is None:
            page = parse_page((self.output / rel).read_bytes(), parser)
            self.pages[rel] = page
        return page

    def _internal(self, url: str) -> str | None:
        """The URL to resolve, or None when it leaves the site."""
        for prefix in self.site_urls:
            if url.startswith(prefix) or url == prefix[:-1]:
                return "/" + url[len(prefix) :]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("//"):
            return None
        return url

    def _resolve(self, page_rel: str, base: str | None, url: str) -> tuple[str, str]:
        """(target file, fragment) for an internal URL on ``page_rel``."""
        page_url = "/" + page_rel
        if base is not None:
            internal_base = self._internal(base)
            if internal_base is not None:
                page_url = urljoin(page_url, internal_base)
        parts = urlsplit(urljoin(page_url, url))
        path = unquote(parts.path) or page_url
        target = path.lstrip("/")
        if path.endswith("/"):
            target += "index.html"
        elif target not in self.files and target + "/index.html" in self.files:
            target += "/index.html"  # a folder without its slash: served by redirect
        return target, parts.fragment

    def check(self) -> LinkReport:
        report = LinkReport()
        parser = _parser()
        html_files = sorted(f for f in self.files if f.endswith(HTML_SUFFIXES))
        report.pages = len(html_files)
        for page_rel in html_files:
            page = self._page(page_rel, parser)
            if page.base is not None and self._internal(page.base) is None:
                # every relative link leaves the site with an external <base>
                report.external += len(page.links)
                continue
            for url in _urls(page.links):
                internal = self._internal(url)
                if internal is None:
                    report.external += 1
                    continue
                report.links += 1
                broken = self._check_one(page_rel, page.base, url, internal, parser)
                if broken is not None:
                    report.broken.append(broken)
        return report

    def _check_one(
        self,
        page_rel: str,
        base: str | None,
        url: str,
        internal: str,
        parser: etree.HTMLParser,
    ) -> BrokenLink | None:
        target, fragment = self._resolve(page_rel, base, internal)
        if target not in self.files:
            return BrokenLink(page_rel, url, target, "no such file")
        if not fragment or not target.endswith(HTML_SUFFIXES):
            return None
        ids = self._page(target, parser).ids
        decoded = unquote(fragment)
        if fragment in ids or decoded in ids or decoded.lower() == "top":
            return None
        return BrokenLink(page_rel, url, target, f"no id {decoded!r} on the page")


def check_links(output: str | Path, site_urls: Iterable[str] = ()) -> LinkReport:
    """Check every internal link of every HTML file under ``output``."""
    return LinkChecker(output, site_urls).check()
