"""Schema.org data for the pages, as dicts serialised with json.dumps.

NewsArticle for articles (with the agencies and people they mention as
GovernmentOrganization and Person, ``sameAs`` Wikidata where known), the entity
itself on entity pages, and a BreadcrumbList everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from markupsafe import Markup

WIKIDATA = "https://www.wikidata.org/wiki/"


def absolute(site_url: str, path: str) -> str:
    """``path`` made absolute when the site's URL is known, else root-relative."""
    path = path.lstrip("/")
    if site_url.startswith(("http://", "https://")):
        return f"{site_url.rstrip('/')}/{path}"
    return f"/{path}"


def site_base(settings: dict) -> str:
    """The site's absolute address: SITEURL, or where ``make serve`` serves it."""
    url = settings.get("SITEURL") or ""
    if url.startswith(("http://", "https://")):
        return url.rstrip("/")
    return settings.get("WARTA_DEV_URL", "http://127.0.0.1:8000").rstrip("/")


def feed_context(context: dict, settings: dict) -> dict:
    """A template context whose URLs are absolute, as feeds need them."""
    base = site_base(settings)
    return {**context, "SITEURL": base, "FEED_DOMAIN": base}


def ld_json(data) -> Markup:
    """JSON for a ``<script type="application/ld+json">``: ``</`` cannot close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("</", "<\\/"))


def ld_script(data) -> Markup:
    """The whole ``<script type="application/ld+json">`` element."""
    return (
        Markup('<script type="application/ld+json">')
        + ld_json(data)
        + Markup("</script>")
    )


def breadcrumb_script(site_url: str, trail: Iterable[tuple[str, str]]) -> Markup:
    return ld_script(breadcrumbs(site_url, trail))


def breadcrumbs(site_url: str, trail: Iterable[tuple[str, str]]) -> dict:
    """``trail``: ``(name, path)`` from the home page down to this page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": index,
                "name": name,
                "item": absolute(site_url, path),
            }
            for index, (name, path) in enumerate(trail, start=1)
        ],
    }


def _entity_ref(site_url: str, link, kind: str) -> dict:
    data = {
        "@type": "GovernmentOrganization" if kind == "agency" else "Person",
        "name": link.name,
        "url": absolute(site_url, link.url),
    }
    if getattr(link, "wikidata", None):
        data["sameAs"] = WIKIDATA + link.wikidata
    return data


def news_article(article, site_url: str, site_name: str) -> dict:
    """NewsArticle for an archived article; the original is ``isBasedOn``."""
    url = absolute(site_url, article.url)
    modified = getattr(article, "modified", None) or article.date
    source = getattr(article, "source", None)
    author = getattr(article, "author", None)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "name": article.title,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.date.isoformat(),
        "dateModified": modified.isoformat(),
        "inLanguage": getattr(article, "lang", "id"),
        "author": (
            {"@type": "Person", "name": str(author)}
            if author
            else {"@type": "Organization", "name": source or site_name}
        ),
        "publisher": {"@type": "Organization", "name": source or site_name},
        "sourceOrganization": {"@type": "Organization", "name": site_name},
    }
    summary = getattr(article, "summary", None)
    if summary:
        data["description"] = Markup(summary).striptags()
    source_url = getattr(article, "source_url", None)
    if source_url:
        data["isBasedOn"] = source_url
    region = getattr(article, "region", None)
    if region:
        data["contentLocation"] = {"@type": "Place", "name": region}
    mentions = [
        _entity_ref(site_url, link, "agency")
        for link in getattr(article, "agencies", [])
        if link.verified
    ] + [
        _entity_ref(site_url, link, "person")
        for link in getattr(article, "people", [])
        if link.verified
    ]
    # The indicators its figures are of: each a Dataset, as on its own page.
    indicators = {
        view.url: view.name for view in getattr(article, "figures", ()) if view.url
    }
    mentions += [
        {"@type": "Dataset", "name": name, "url": absolute(site_url, url)}
        for url, name in indicators.items()
    ]
    if mentions:
        data["about"] = mentions[:3]
        data["mentions"] = mentions
    return data


def entity(page, site_url: str) -> dict:
    """An agency or a person, for its own page."""
    record = page.record
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization" if page.kind == "agency" else "Person",
        "name": page.name,
        "url": absolute(site_url, page.url),
    }
    if record is None:
        return data
    if getattr(record, "wikidata", None):
        data["sameAs"] = WIKIDATA + record.wikidata
    names = list(record.labels[1:])  # acronyms, aliases, former names
    if names:
        data["alternateName"] = names
    if getattr(record, "description", None):
        data["description"] = record.description
    if page.parent is not None:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": page.parent.name,
            "url": absolute(site_url, page.parent.url),
        }
    roles = getattr(record, "roles", ())
    if roles:
        data["jobTitle"] = roles[-1].title
    return data
