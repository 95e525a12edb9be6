"""Tag every article once reading is done; attach the tags and the grouping."""

from __future__ import annotations

import functools
import logging
import operator
import time
from dataclasses import dataclass, field

from pelican.contents import Article

from warta.ahead import ReadAhead, Remembered
from warta.corpus import rendered_text, rendered_text_inputs
from warta.entities import AGENCY, PERSON
from warta.entity_index import group_by_entity
from warta.errors import AuthorityError, ContentError
from warta.kept import CarriedOver, kept_while_unchanged
from warta.parallel import map_on_cores
from warta.tagging import ArticleTags, Overrides, TagCache, Tagger, TagJob

from .config import EntityConfig

logger = logging.getLogger(__name__)
CONTEXT_KEY = "warta_entities"


@dataclass(frozen=True)
class EntityLink:
    """What a template needs to link to an entity."""

    # Made once per process for the same entity and authority (``_shared_link``),
    # digested once while it lives (``warta.incremental``).
    __digest_stored__ = True

    id: str
    name: str
    url: str
    verified: bool
    wikidata: str | None = None


def entity_url(kind: str, entity_id: str) -> str:
    return f"{'lembaga' if kind == AGENCY else 'tokoh'}/{entity_id}/"


def tag_job(article) -> TagJob:
    """What tagging reads of an article."""
    return TagJob(rendered_text(article), *_tag_inputs(article)[2:])


def _tag_inputs(article) -> tuple:
    """Everything ``tag_job`` reads of ``article``."""
    return (
        *rendered_text_inputs(article),
        article.date.date(),
        article.metadata.get("region"),
        Overrides.from_metadata(article.metadata),
    )


def _shared_link(
    links: CarriedOver, kind: str, tag, names: dict, wikidata: dict
) -> EntityLink:
    """The link to ``tag``'s entity, made once: one object for every article
    that names the entity (fourteen links an article), and the same object
    from build to build of a process while the authority is the same."""
    return links.once(
        (kind, tag.id, tag.name, tag.verified),
        lambda: EntityLink(
            tag.id,
            names.get(tag.id) or tag.name or tag.id,
            entity_url(kind, tag.id),
            tag.verified,
            wikidata.get(tag.id),
        ),
    )


@dataclass
class TaggingPlan:
    """One build's tagger and cache, shared by the work ahead and
    ``tag_articles``."""

    config: EntityConfig
    tagger: Tagger
    cache: TagCache
    # Keys the last build of this process worked out, by what it read.
    carried: CarriedOver
    # Each article's cache key, worked out as it was read.
    keys: Remembered = field(default_factory=Remembered)

    @classmethod
    def start(cls, settings) -> TaggingPlan:
        """Raise ``AuthorityError`` or ``ContentError`` naming file, line, reason."""
        config = EntityConfig.from_settings(settings)
        # 0.4 s to build the matcher: once per process until a file changes.
        folder = config.authority_dir
        tagger = kept_while_unchanged("tagger", [folder], lambda: Tagger.load(folder))
        carried = CarriedOver(
            "tag keys", (tagger.authority.fingerprint, tagger.ignored)
        )
        return cls(config, tagger, TagCache.load(config.cache_path), carried)

    def job(self, article) -> tuple[str, TagJob] | None:
        """What the work ahead does for ``article``: nothing when it is cached
        or when tagging is kept to one process."""
        if self.config.workers == 1:
            return None
        key, job = self._key_and_job(article)
        self.keys.put(article, key)
        return None if self.cache.has(key) else (key, job or tag_job(article))

    def key_of(self, article) -> str:
        """The cache key of ``article``'s tags: as ``job`` worked it out while
        the article was read, else now."""
        key = self.keys.get(article)
        return key if key is not None else self._key_and_job(article)[0]

    def _key_and_job(self, article) -> tuple[str, TagJob | None]:
        """The key, as the last build found it for the same inputs, else
        worked out from the job (then returned too)."""
        inputs = _tag_inputs(article)
        key, job = self.carried.get(inputs), None
        if key is None:
            job = TagJob(rendered_text(article), *inputs[2:])
            key = self.tagger.key(job.text, job.date, job.region, job.overrides)
        self.carried.put(inputs, key)
        return key, job

    def work(self, job: TagJob) -> ArticleTags:
        return self.tagger.tag_job(job)


# Tagging begun as each article is read (see ``warta.ahead``).
AHEAD = ReadAhead(TaggingPlan.start)


def tag_ahead(content) -> None:
    """Hand a freshly read article to the work ahead."""
    if isinstance(content, Article) and content.status == "published":
        AHEAD.offer(content.settings, content)


def tag_articles(generator) -> None:
    plan, ahead = AHEAD.take(generator.settings)
    try:
        plan = plan or TaggingPlan.start(generator.settings)
    except AuthorityError as error:
        for fault in error.errors:
            logger.error("%s", fault)
        error.logged = True
        raise
    except ContentError as error:
        logger.error("%s", error)
        raise
    config, tagger, cache = plan.config, plan.tagger, plan.cache
    started = time.perf_counter()
    authority = tagger.authority
    wikidata = {e.id: e.wikidata for e in (*authority.agencies, *authority.people)}
    pending: list[tuple[int, str]] = []  # not in the cache: position, key
    found: list[ArticleTags | None] = []
    keys: list[str] = []
    while_reading = 0
    for article in generator.articles:
        region = article.metadata.get("region")
        overrides = Overrides.from_metadata(article.metadata)
        for fault in tagger.faults(overrides, region):
            logger.error("%s", ContentError(article.source_path, None, fault))
        key = plan.key_of(article)
        keys.append(key)
        tags = ahead.get(key)
        if tags is not None:
            cache.put(key, tags)
            while_reading += 1
        else:
            tags = cache.get(key)
            if tags is None:
                pending.append((len(found), key))
        found.append(tags)

    def tag(position: int) -> ArticleTags:
        # The text is made again in the worker rather than kept for every
        # article here (as large as the articles' own HTML).
        return tagger.tag_job(tag_job(generator.articles[position]))

    positions = [position for position, _ in pending]
    results = map_on_cores(tag, positions, workers=config.workers)
    for (position, key), tags in zip(pending, results, strict=True):
        cache.put(key, tags)
        found[position] = tags
    tagged = []
    links = CarriedOver("entity links", authority.fingerprint)  # see _shared_link
    # An article's links by its tags' key (what its tags are made of): made
    # once in a process that builds again (280,000 links at 20,000 articles).
    shown = CarriedOver("entity links of articles", authority.fingerprint)

    def article_links(tags: ArticleTags) -> tuple[list, list]:
        return tuple(
            [
                _shared_link(links, kind, t, tagger.names, wikidata)
                for t in tags.of_kind(kind)
            ]
            for kind in (AGENCY, PERSON)
        )

    for article, tags, key in zip(generator.articles, found, keys, strict=True):
        article.warta_tags = tags
        article.agencies, article.people = shown.once(
            key, functools.partial(article_links, tags)
        )
        tagged.append((article, tags))
    cache.save()
    logger.info(
        "tagged %d articles in %.2f s (%d from cache, %d while reading)",
        len(tagged),
        time.perf_counter() - started,
        cache.hits,
        while_reading,
    )
    generator.context[CONTEXT_KEY] = {
        "authority": tagger.authority,
        "index": group_by_entity(tagged, date_of=operator.attrgetter("date")),
        "names": tagger.names,
        "config": config,
    }
