"""Pages for agencies and people, their feeds, their indexes, and articles.json."""

from __future__ import annotations

import contextlib
import logging
import operator
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import Generator

from warta.entities import AGENCY, PERSON
from warta.entity_index import KIND_LABELS, EntityArticles
from warta.incremental import keeps_its_digest
from warta.indicators.series import figure_record
from warta.jsontext import item_text, memo_fingerprint, write_indented_list
from warta.kept import CarriedOver, carries
from warta.listfile import ListFile, value_key
from warta.outputs import write_derived
from warta.structured import feed_context

from .tagger import CONTEXT_KEY, EntityLink, entity_url

logger = logging.getLogger(__name__)

TOP_TOGETHER = 10
# In the cache folder: where each record of data/articles.json is in it.
ARTICLES_JSON_MEMO = "warta-articles-json.index"
# What kept the records' texts before (84 MB at 20,000 articles): removed.
_OLD_ARTICLES_JSON_MEMO = "warta-articles-json.bin"
FEED_SIZE = 50
ARTICLES_JSON = "data/articles.json"
_RECORD_KEYS = "articles.json records"  # their ``CarriedOver``


@dataclass
class EntityPage:
    """Everything a template shows about one entity."""

    # Its fields digested as references (``warta.incremental``): the other
    # entities and articles it names by their names and links.
    __digest_by_reference__ = True

    id: str
    kind: str
    name: str
    url: str
    verified: bool
    record: object | None  # the authority entry, None for a discovered name
    # Newest first. No part of the entity's digest (incremental builds): each
    # page of its list is given its own articles and shows no others (the
    # feed's link, shown while there are any, is on every page of a list of
    # some and on the first page of an empty one); the indexes of entities
    # are given their counts (``counts``).
    articles: list = field(default_factory=list, compare=False)
    # Article -> the sentence naming the entity: taken from the articles'
    # own tags, which are digested with the page that lists them, so no part
    # of this value's digest.
    sentences: dict = field(default_factory=dict, compare=False)
    # Shown on the first page of the entity's list only, and digested there
    # (``first_page_together``): an edit that names one more entity changes
    # the counts of all the others its article names, not their other pages.
    together: list[tuple[EntityLink, int]] = field(default_factory=list, compare=False)
    parent: EntityLink | None = None
    children: list[EntityLink] = field(default_factory=list)
    region_name: str | None = None
    kind_label: str | None = None
    # (link prefix, article) -> its heading and date line, shared by every page
    # (RenderedOnce); made of the articles above, so no part of the page's value
    # or digest.
    item_html: Mapping = field(default_factory=dict, compare=False, repr=False)

    @property
    def feed_url(self) -> str:
        return self.url + "feed.atom.xml"


class EntityPagesGenerator(Generator):
    """Written after the articles: one page (paginated) and one feed per entity."""

    def generate_context(self) -> None:
        """Nothing to read: the tagger has put everything in the context."""

    def generate_output(self, writer) -> None:
        data = self.context.get(CONTEXT_KEY)
        if data is None:
            return
        pages = build_pages(data)
        self._names = data["names"]
        # An article is listed on the page of every entity it names (fourteen
        # on average): its heading and date line are rendered once for all.
        entity_item = self.get_template("_entity").module.entity_item
        item_html = RenderedOnce(lambda key: entity_item(*key))
        for page in pages.values():
            page.item_html = item_html
        for page in pages.values():
            self._write_entity(writer, page)
        self._write_indexes(writer, pages)
        articles = self.context.get("articles", [])
        memo = None
        if self.settings.get("WARTA_INCREMENTAL"):
            cache = Path(self.settings["CACHE_PATH"])
            memo = cache / ARTICLES_JSON_MEMO
            (cache / _OLD_ARTICLES_JSON_MEMO).unlink(missing_ok=True)
        records = os.path.join(writer.output_path, ARTICLES_JSON)
        written = write_derived(
            writer,
            ARTICLES_JSON,
            [articles, _names(pages)],
            lambda path: write_articles_json(path, articles, pages, memo),
            by_path=True,
        )
        if memo is not None and not written:
            keep_record_keys(records, articles, pages, memo)

    def _write_entity(self, writer, page: EntityPage) -> None:
        template = self.env_template("lembaga" if page.kind == AGENCY else "tokoh")
        context = self.context.copy()
        context["entity"] = page
        context["entity_names"] = self._names
        save_as = page.url + "index.html"
        writer.write_file(
            save_as,
            template,
            context,
            relative_urls=self.settings["RELATIVE_URLS"],
            paginated={"articles": page.articles},
            template_name="lembaga" if page.kind == AGENCY else "tokoh",
            url=page.url,
            page_name=page.url.rstrip("/"),
            first_page_together=page.together,
        )
        # Discovered names get a page but no feed: they may be noise until an
        # editor adds them to the authority files.
        if page.articles and page.verified:
            writer.write_feed(
                page.articles[:FEED_SIZE],
                feed_context(context, self.settings),
                page.feed_url,
                feed_title=page.name,
            )

    def _write_indexes(self, writer, pages: dict[str, EntityPage]) -> None:
        agencies = [p for p in pages.values() if p.kind == AGENCY]
        people = [p for p in pages.values() if p.kind == PERSON]
        by_kind = defaultdict(list)
        by_region = defaultdict(list)
        for page in sorted(agencies, key=lambda p: p.name):
            if page.verified:
                by_kind[page.kind_label or "Lainnya"].append(page)
                by_region[page.region_name or "Nasional"].append(page)
        kind_order = list(dict.fromkeys(KIND_LABELS.values()))
        counts = {p.id: len(p.articles) for p in pages.values()}
        for template, save_as, extra in (
            (
                "lembaga_index",
                "lembaga/index.html",
                {
                    "by_kind": sorted(
                        by_kind.items(),
                        key=lambda item: (
                            kind_order.index(item[0]) if item[0] in kind_order else 99
                        ),
                    ),
                    "by_region": sorted(
                        by_region.items(),
                        key=lambda item: (item[0] != "Nasional", item[0]),
                    ),
                    "unverified": sorted(
                        (p for p in agencies if not p.verified), key=lambda p: p.name
                    ),
                },
            ),
            (
                "tokoh_index",
                "tokoh/index.html",
                {
                    "verified": sorted(
                        (p for p in people if p.verified), key=lambda p: p.name
                    ),
                    "unverified": sorted(
                        (p for p in people if not p.verified), key=lambda p: p.name
                    ),
                },
            ),
        ):
            context = self.context.copy()
            context.update(extra, counts=counts)
            writer.write_file(
                save_as,
                self.env_template(template),
                context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=save_as.removesuffix("index.html"),
                page_name=template,
            )

    def env_template(self, name: str):
        return self.get_template(name)


class RenderedOnce(dict):
    """``render(key)`` for each key, worked out on first use and kept."""

    def __init__(self, render: Callable) -> None:
        super().__init__()
        self._render = render

    def __missing__(self, key):
        value = self[key] = self._render(key)
        return value


_TAG_ID = operator.attrgetter("id")


def build_pages(data: dict) -> dict[str, EntityPage]:
    """An EntityPage for every authority entity and every discovered name."""
    authority = data["authority"]
    index: dict[str, EntityArticles] = data["index"]
    regions = {region.id: region.name for region in authority.regions}
    pages: dict[str, EntityPage] = {}
    for kind, records in ((AGENCY, authority.agencies), (PERSON, authority.people)):
        for record in records:
            pages[record.id] = EntityPage(
                record.id, kind, record.name, entity_url(kind, record.id), True, record
            )
    for entity_id, entry in index.items():
        if entity_id not in pages:
            name = entry.name or entity_id
            pages[entity_id] = EntityPage(
                entity_id,
                entry.kind,
                name,
                entity_url(entry.kind, entity_id),
                False,
                None,
            )
    children = defaultdict(list)
    for agency in authority.agencies:
        if agency.parent:
            children[agency.parent].append(agency.id)

    # One link object per entity from build to build of a process while the
    # authority is the same: each keeps its digest (``EntityLink``).
    links = CarriedOver("entity page links", authority.fingerprint)

    def link(entity_id: str) -> EntityLink:
        page = pages[entity_id]
        return links.once(
            (page.id, page.name, page.url, page.verified),
            lambda: EntityLink(page.id, page.name, page.url, page.verified),
        )

    for page in pages.values():
        entry = index.get(page.id)
        if entry is not None:
            # Newest first, as the tagger grouped them (by date).
            page.articles = list(entry.mentions)
            page.sentences = entry.mentions
            page.together = [
                (link(other), count)
                for other, count in entry.together.most_common(TOP_TOGETHER)
                if other in pages
            ]
        record = page.record
        if page.kind == AGENCY and record is None and entry is not None:
            # A discovered unit links the known body it was named with.
            page.parent = link(entry.parent) if entry.parent in pages else None
        if page.kind == AGENCY and record is not None:
            page.kind_label = KIND_LABELS.get(record.kind, record.kind)
            page.parent = link(record.parent) if record.parent in pages else None
            page.children = sorted(
                (link(c) for c in children[page.id]), key=lambda item: item.name
            )
            page.region_name = (
                regions.get(record.region) if record.region != "indonesia" else None
            )
    return pages


def write_articles_json(
    path, articles, pages: dict[str, EntityPage], memo: Path | None = None
) -> None:
    """``data/articles.json`` at ``path``: one record per article, for anyone
    to reuse. ``memo``: where an index of the records written is kept for the
    next build (an incremental build's), so that the records that did not
    change are copied from the file as it is (``warta.listfile``), not made
    again. A process that builds again (``make serve``) finds an article's
    record by what it is made of (``_record_inputs``) without making it
    (making 20,000 records took 2.5 s under cProfile)."""
    newest_first = _newest_first(articles)
    if memo is None:
        with open(path, "w", encoding="utf-8") as stream:
            write_indented_list(
                stream, (_article_record(a, pages) for a in newest_first)
            )
        return
    listed = ListFile(Path(path), memo, memo_fingerprint(1))
    names = _names(pages)
    keys = _record_keys()
    make = item_text(1)
    found = 0

    def items() -> Iterator[tuple[bytes, str | None]]:
        nonlocal found
        for article in newest_first:
            inputs = _record_inputs(article, names)
            try:
                key = None if inputs is None else keys.get(inputs)
            except TypeError:  # a field no key can hold (a list): made
                inputs = key = None
            text = None
            if key is not None and listed.has(key):
                found += 1
            else:
                record = _article_record(article, pages)
                key = value_key(record)
                if not listed.has(key):
                    text = make(record)
            if inputs is not None:
                keys.put(inputs, key)
            yield key, text

    listed.write(items())
    logger.info(
        "data/articles.json: %d records made, %d copied from the last build's "
        "file (%d found by what they are made of)",
        listed.made,
        listed.copied,
        found,
    )


def keep_record_keys(path, articles, pages: dict[str, EntityPage], memo: Path) -> None:
    """``data/articles.json`` kept as it was, made from these very
    ``articles``: its records, in the file's order, are theirs. Each
    article's key is kept by what its record is made of, as if this build
    had written it, so that the next build (after an edit) finds the others'
    records without making them: the first edit after ``make serve`` starts
    made all 20,000. A process that has them already (from the build that
    wrote the file, or kept it first) keeps them as they are."""
    if carries(_RECORD_KEYS, memo_fingerprint(1)):
        return
    listed = ListFile(Path(path), memo, memo_fingerprint(1))
    found = listed.keys()
    listed.close()
    newest_first = _newest_first(articles)
    if len(found) != len(newest_first):
        return
    names = _names(pages)
    keys = _record_keys()
    for article, key in zip(newest_first, found, strict=True):
        inputs = _record_inputs(article, names)
        if inputs is not None:
            with contextlib.suppress(TypeError):  # a field no key can hold
                keys.put(inputs, key)


def _newest_first(articles) -> list:
    """The articles in ``data/articles.json``'s order."""
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


def _names(pages: dict[str, EntityPage]) -> dict[str, tuple[str, str | None]]:
    """What an article's record takes from each entity's page: its name and
    its parent's id."""
    return {
        page.id: (page.name, page.parent.id if page.parent else None)
        for page in pages.values()
    }


def _record_keys() -> CarriedOver:
    """Each article's record key by what the record is made of."""
    return CarriedOver(_RECORD_KEYS, memo_fingerprint(1))


class _Same:
    """A value that cannot change, in a key by identity: the tags and figures
    a process carries from build to build are the same objects."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def _record_inputs(article, names: dict[str, tuple]) -> tuple | None:
    """What an article's record is made of (``names``: each entity's name and
    parent by id, as its page has them); None if its tags or figures may change (not
    found to hold nothing that can change when the article's page was
    digested)."""
    tags = getattr(article, "warta_tags", None)
    figures = getattr(article, "figures", None)
    if tags is not None and not keeps_its_digest(tags):
        return None
    if figures is not None and not keeps_its_digest(figures):
        return None
    return (
        () if tags is None else tuple(map(names.get, map(_TAG_ID, tags.tags))),
        article.url,
        article.title,
        article.date,
        getattr(article, "source", None),
        getattr(article, "source_url", None),
        getattr(article, "region", None),
        _Same(tags),
        _Same(figures),
    )


def _article_record(article, pages: dict[str, EntityPage]) -> dict:
    """An article's record in ``data/articles.json``."""
    tags = getattr(article, "warta_tags", None)
    entities = {AGENCY: [], PERSON: []}
    for tag in tags.tags if tags else ():
        page = pages.get(tag.id)
        entity = {
            "id": tag.id,
            "name": page.name if page else tag.name,
            "verified": tag.verified,
        }
        if tag.kind == AGENCY:
            # The body it belongs to, known or found beside it in the text.
            entity["parent"] = page.parent.id if page and page.parent else None
        entities[tag.kind].append(entity)
    return {
        "url": article.url,
        "title": article.title,
        "date": article.date.date().isoformat(),
        "source": getattr(article, "source", None),
        "source_url": getattr(article, "source_url", None),
        "region": getattr(article, "region", None),
        "agencies": entities[AGENCY],
        "people": entities[PERSON],
        "figures": [
            figure_record(view.figure) for view in getattr(article, "figures", [])
        ],
    }
