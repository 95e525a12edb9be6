"""Related articles: those sharing the rarest agencies, people and indicators.

Each shared entity counts by its inverse document frequency, so two articles
that both name a small regency office are closer than two that both name the
Ministry of Industry. Entities named by more than ``max_postings`` articles say
too little to be worth the time and are skipped, which keeps the work linear in
the number of articles.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence


def related_positions(
    id_lists: Sequence[Sequence[str]], *, limit: int = 5, max_postings: int = 200
) -> list[list[int]]:
    """For each list of entity ids, the positions of the ``limit`` lists that
    share the rarest of them with it, best first."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, ids in enumerate(id_lists):
        for entity_id in set(ids):
            postings[entity_id].append(index)
    total = len(id_lists)
    weight = {
        entity_id: math.log(total / len(members))
        for entity_id, members in postings.items()
        if 1 < len(members) <= max_postings
    }
    related: list[list[int]] = []
    for index, ids in enumerate(id_lists):
        scores: dict[int, float] = {}
        score = scores.get
        # In a fixed order: float sums in a set's order (which changes from run
        # to run) differ in the last bits and break ties differently.
        for entity_id in sorted(set(ids)):
            boost = weight.get(entity_id)
            if boost is None:
                continue
            for other in postings[entity_id]:
                scores[other] = score(other, 0.0) + boost
        scores.pop(index, None)  # not related to itself
        related.append(best(scores, limit))
    return related


def best(scores: dict[int, float], limit: int) -> list[int]:
    """The ``limit`` keys of ``scores`` that ``_by_score`` ranks first, as
    ranking every item would give them. Only the items that can make it are
    ranked (rounding millions of scores was a third of this module's time):
    a score more than 1e-8 below the ``limit``-th highest rounds, to 9
    places, below at least ``limit`` others."""
    items = scores.items()
    if len(scores) > limit:
        cut = heapq.nlargest(limit, scores.values())[-1] - 1e-8
        items = [item for item in items if item[1] >= cut]
    return [other for other, _score in heapq.nsmallest(limit, items, key=_by_score)]


def _by_score(item: tuple[int, float]) -> tuple[float, int]:
    """Highest score first (rounded: sums in another order may differ in the
    last bits), then the earliest article."""
    other, score = item
    return (-round(score, 9), other)
