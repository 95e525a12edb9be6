"""Related articles: those sharing the rarest agencies, people and indicators.

Each shared entity counts by its inverse document frequency, so two articles
that both name a small regency office are closer than two that both name the
Ministry of Industry. Entities named by more than ``max_postings`` articles say
too little to be worth the time and are skipped, which keeps the work linear in
the number of articles.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

# Lists changed beyond this share of the archive are worked out afresh.
MOST_CHANGED = 0.01
# An entity's weight is log(N / lists naming it), N the number of lists
# rounded up to this grid (2 % steps): a list added (an article) changes no
# weight but those of the entities it names, so an update works out only
# the lists those relate.
GRID = 1.02


def _scale(count: int) -> float:
    """``count`` rounded up to the grid: the N of the weights."""
    if count <= 1:
        return 1.0
    return GRID ** math.ceil(math.log(count) / math.log(GRID))


def related_positions(
    id_lists: Sequence[Sequence[str]], *, limit: int = 5, max_postings: int = 200
) -> list[list[int]]:
    """For each list of entity ids, the positions of the ``limit`` lists that
    share the rarest of them with it, best first."""
    return RelatedIndex.of(id_lists, limit, max_postings).related


@dataclass
class RelatedIndex:
    """``related_positions`` of ``id_lists``, with what it was worked out
    from, so that the next lists of a process that builds again are worked
    out where they differ (``updated``): an edit that names one more entity
    changed one list of 20,000, whose related lists took 2.4 s afresh."""

    id_lists: list[tuple[str, ...]]
    limit: int
    max_postings: int
    postings: dict[str, list[int]]  # entity -> the positions naming it, in order
    weight: dict[str, float]  # entity -> its weight, if it relates anything
    related: list[list[int]]

    @classmethod
    def of(
        cls, id_lists: Sequence[Sequence[str]], limit: int = 5, max_postings: int = 200
    ) -> RelatedIndex:
        lists = [tuple(ids) for ids in id_lists]
        postings: dict[str, list[int]] = defaultdict(list)
        for index, ids in enumerate(lists):
            for entity_id in set(ids):
                postings[entity_id].append(index)
        found = cls(lists, limit, max_postings, dict(postings), {}, [])
        for entity_id, members in found.postings.items():
            found._weigh(entity_id, members)
        found.related = [
            _related(index, ids, found.postings, found.weight, limit)
            for index, ids in enumerate(lists)
        ]
        return found

    def updated(self, id_lists: Sequence[Sequence[str]]) -> RelatedIndex:
        """The index of ``id_lists``, equal to ``of(id_lists)``: if as many
        lists as before (or one list more, on the same grid) and few of them
        changed, this one updated in place (it is then the new one) and only
        the lists that can change worked out again: the changed ones (the
        one added), and those naming an entity whose weight changed."""
        id_lists = [tuple(ids) for ids in id_lists]
        count = len(self.id_lists)
        if len(id_lists) == count + 1 and _scale(count + 1) == _scale(count):
            at = _inserted_at(self.id_lists, id_lists)
            if at is not None:
                self._make_room(at)
        if len(id_lists) != len(self.id_lists):  # every weight may change
            return RelatedIndex.of(id_lists, self.limit, self.max_postings)
        changed = [
            index
            for index, (old, new) in enumerate(
                zip(self.id_lists, id_lists, strict=True)
            )
            if old != new
        ]
        if len(changed) > MOST_CHANGED * len(id_lists):
            return RelatedIndex.of(id_lists, self.limit, self.max_postings)
        touched: set[str] = set()
        for index in changed:
            old, new = set(self.id_lists[index]), set(id_lists[index])
            for entity_id in old - new:
                members = self.postings[entity_id]
                members.remove(index)
                if not members:
                    del self.postings[entity_id]
            for entity_id in new - old:
                bisect.insort(self.postings.setdefault(entity_id, []), index)
            touched |= old ^ new
        self.id_lists = id_lists
        again = set(changed)
        for entity_id in touched:
            members = self.postings.get(entity_id, [])
            weighed = self.weight.pop(entity_id, None) is not None
            if self._weigh(entity_id, members) or weighed:
                again.update(members)  # each of their scores changes
        for index in again:
            self.related[index] = _related(
                index, id_lists[index], self.postings, self.weight, self.limit
            )
        return self

    def _make_room(self, at: int) -> None:
        """An empty list at position ``at``, the lists from there on one
        place further (in the postings and in the related lists): the index
        of the lists with that one empty, whose weights are the same."""
        for members in self.postings.values():
            split = bisect.bisect_left(members, at)
            members[split:] = [position + 1 for position in members[split:]]
        self.related = [
            [position + (position >= at) for position in others]
            for others in self.related
        ]
        self.related.insert(at, [])
        self.id_lists = [*self.id_lists[:at], (), *self.id_lists[at:]]

    def _weigh(self, entity_id: str, members: list[int]) -> bool:
        """Set the entity's weight, if it relates anything (named by more
        than one list, and not too many); whether it does."""
        if 1 < len(members) <= self.max_postings:
            scale = _scale(len(self.id_lists))
            self.weight[entity_id] = math.log(scale / len(members))
            return True
        return False


def _inserted_at(old: list[tuple], new: list[tuple]) -> int | None:
    """The position of the one list ``new`` holds more than ``old``, if it
    is otherwise the same; else None."""
    pairs = enumerate(zip(old, new[: len(old)], strict=True))
    at = next((i for i, (was, now) in pairs if was != now), len(old))
    return at if old[at:] == new[at + 1 :] else None


def _related(
    index: int,
    ids: tuple[str, ...],
    postings: dict[str, list[int]],
    weight: dict[str, float],
    limit: int,
) -> list[int]:
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
    return best(scores, limit)


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
