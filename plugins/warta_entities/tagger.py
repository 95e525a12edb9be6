"""Tag every article once reading is done; attach the tags and the grouping."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from warta.corpus import rendered_text
from warta.entities import AGENCY, PERSON
from warta.entity_index import group_by_entity
from warta.errors import AuthorityError, ContentError
from warta.tagging import ArticleTags, Overrides, TagCache, Tagger, TagJob, tag_many

from .config import EntityConfig

logger = logging.getLogger(__name__)
CONTEXT_KEY = "warta_entities"


@dataclass(frozen=True)
class EntityLink:
    """What a template needs to link to an entity."""

    id: str
    name: str
    url: str
    verified: bool
    wikidata: str | None = None


def entity_url(kind: str, entity_id: str) -> str:
    return f"{'lembaga' if kind == AGENCY else 'tokoh'}/{entity_id}/"


def tag_articles(generator) -> None:
    config = EntityConfig.from_settings(generator.settings)
    try:
        tagger = Tagger.load(config.authority_dir)
    except AuthorityError as error:
        for fault in error.errors:
            logger.error("%s", fault)
        raise
    except ContentError as error:
        logger.error("%s", error)
        raise
    started = time.perf_counter()
    cache = TagCache.load(config.cache_path)
    authority = tagger.authority
    wikidata = {e.id: e.wikidata for e in (*authority.agencies, *authority.people)}
    pending: list[tuple[int, str, TagJob]] = []  # not in the cache
    found: list[ArticleTags | None] = []
    for article in generator.articles:
        overrides = Overrides.from_metadata(article.metadata)
        region = article.metadata.get("region")
        for fault in tagger.faults(overrides, region):
            logger.error("%s", ContentError(article.source_path, None, fault))
        text = rendered_text(article)
        date = article.date.date()
        key = tagger.key(text, date, region, overrides)
        tags = cache.get(key)
        if tags is None:
            pending.append((len(found), key, TagJob(text, date, region, overrides)))
        found.append(tags)
    results = tag_many(tagger, [job for _, _, job in pending], workers=config.workers)
    for (position, key, _), tags in zip(pending, results, strict=True):
        cache.put(key, tags)
        found[position] = tags
    tagged = []
    for article, tags in zip(generator.articles, found, strict=True):
        article.warta_tags = tags
        for kind, attribute in ((AGENCY, "agencies"), (PERSON, "people")):
            links = [
                EntityLink(
                    t.id,
                    tagger.names.get(t.id) or t.name or t.id,
                    entity_url(kind, t.id),
                    t.verified,
                    wikidata.get(t.id),
                )
                for t in tags.of_kind(kind)
            ]
            setattr(article, attribute, links)
        tagged.append((article, tags))
    cache.save()
    logger.info(
        "tagged %d articles in %.2f s (%d from cache)",
        len(tagged),
        time.perf_counter() - started,
        cache.hits,
    )
    generator.context[CONTEXT_KEY] = {
        "authority": tagger.authority,
        "index": group_by_entity(tagged),
        "names": tagger.names,
        "config": config,
    }
