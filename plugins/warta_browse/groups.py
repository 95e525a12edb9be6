"""Articles grouped by region and by source, and related articles, in one pass."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from slugify import slugify

from warta.kept import kept_and_updated
from warta.related import RelatedIndex
from warta.spelt import usual_spelling

CONTEXT_KEY = "warta_browse"


@dataclass
class Group:
    """The articles of one region or one source, newest first."""

    kind: str  # wilayah | sumber
    id: str
    name: str
    # No part of the group's digest (incremental builds): each page of its
    # list is given its own articles and shows no others (an article added
    # to a region changes the first page of its list, not the others, nor
    # the pages of the region's other articles); the list of groups is given
    # their counts (``counts``).
    articles: list = field(default_factory=list, compare=False)
    # The names its articles give it, as written (``Lampung``, ``lampung``):
    # the search's filter values of the group. Not part of the digest
    # either: the group's own page is given them (``search_values``), and
    # an article's page, which shows its own, does not depend on the others'.
    spellings: list = field(default_factory=list, compare=False)

    @property
    def url(self) -> str:
        return f"{self.kind}/{self.id}/"

    @property
    def feed_url(self) -> str:
        return f"{self.url}feed.atom.xml"


def _groups(articles, kind: str, attribute: str, into: str) -> list[Group]:
    """The groups of the articles by their ``attribute`` (a name), each
    article's own group set as its attribute ``into`` (None without a name).
    Two spellings of one name, ``Lampung`` and ``lampung``, share a group,
    named by the usual one (``warta.spelt``)."""
    found: dict[str, Group] = {}
    # Each name slugified once: some forty regions or sources for 20,000
    # articles (slugify took 0.5 s of each build when asked for each).
    groups_by_name: dict[str, Group] = {}
    spelt: Counter[str] = Counter()

    def group_of(name: str) -> Group:
        group = groups_by_name.get(name)
        if group is None:
            key = slugify(name) or "lain"
            group = groups_by_name[name] = found.setdefault(key, Group(kind, key, name))
            group.spellings.append(name)
        return group

    for article in articles:
        name = getattr(article, attribute, None)
        group = group_of(str(name)) if name else None
        if group is not None:
            group.articles.append(article)
            spelt[str(name)] += 1
        setattr(article, into, group)
    for group in found.values():
        if len(group.spellings) > 1:
            group.name = usual_spelling({name: spelt[name] for name in group.spellings})
    return sorted(found.values(), key=lambda g: g.name.casefold())


def group_articles(generator) -> None:
    articles = sorted(generator.articles, key=lambda a: a.date, reverse=True)
    regions = _groups(articles, "wilayah", "region", "region_group")
    sources = _groups(articles, "sumber", "source", "source_group")
    id_lists = []  # per article, the entities it is related by
    for article in articles:
        ids = [link.id for link in getattr(article, "agencies", []) if link.verified]
        ids += [link.id for link in getattr(article, "people", []) if link.verified]
        ids += [
            f"indikator:{view.figure.indicator_id}"
            for view in getattr(article, "figures", [])
            if view.figure.indicator_id
        ]
        id_lists.append(tuple(ids))
    # Worked out afresh: 2.4 s at 20,000 articles. ``make serve``'s process
    # updates the last build's where the lists changed (an edit naming
    # another entity: one list; an article added: one list more).
    found = kept_and_updated(
        "related",
        lambda last: (
            RelatedIndex.of(id_lists) if last is None else last.updated(id_lists)
        ),
    ).related
    for article, others in zip(articles, found, strict=True):
        article.related = [articles[other] for other in others]
    generator.context[CONTEXT_KEY] = {"regions": regions, "sources": sources}
