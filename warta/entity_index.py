"""Grouping tagged articles by entity, in one pass over the archive."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from warta.tagging import ArticleTags

KIND_LABELS = {
    "ministry": "Kementerian",
    "coordinating_ministry": "Kementerian koordinator",
    "directorate_general": "Direktorat jenderal",
    "national_agency": "Lembaga pemerintah nasional",
    "central_bank": "Bank sentral",
    "legislature": "Lembaga legislatif",
    "provincial_government": "Pemerintah provinsi",
    "provincial_office": "Dinas provinsi",
    "provincial_legislature": "DPRD provinsi",
    "regency_government": "Pemerintah kabupaten",
    "city_government": "Pemerintah kota",
    "regency_office": "Dinas kabupaten",
    "city_office": "Dinas kota",
}


@dataclass
class EntityArticles:
    """The articles that name one entity, each with the sentence naming it."""

    id: str
    kind: str
    verified: bool
    name: str | None = None
    mentions: list[tuple[Hashable, str]] = field(default_factory=list)
    together: Counter = field(default_factory=Counter)


def group_by_entity(
    tagged: Iterable[tuple[Hashable, ArticleTags]],
) -> dict[str, EntityArticles]:
    """``{entity id: EntityArticles}``; articles keep the order they come in."""
    index: dict[str, EntityArticles] = {}
    together: dict[str, Counter] = defaultdict(Counter)
    for article, tags in tagged:
        ids = []
        for tag in tags.tags:
            entry = index.get(tag.id)
            if entry is None:
                entry = index[tag.id] = EntityArticles(
                    tag.id, tag.kind, tag.verified, tag.name
                )
            entry.mentions.append((article, tag.sentence))
            ids.append(tag.id)
        for one in ids:
            for other in ids:
                if one != other:
                    together[one][other] += 1
    for entity_id, counts in together.items():
        index[entity_id].together = counts
    return index
