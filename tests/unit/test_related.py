"""Related articles share the rarest entities; never the article itself."""

import random

import pytest

import warta.related
from tests.spies import spy
from warta.related import RelatedIndex, _by_score, best, related_positions

KEYS = [
    ("a", ["kemenperin", "disperindag-lampung"]),
    ("b", ["kemenperin", "disperindag-lampung"]),  # shares the rare one with a
    ("c", ["kemenperin", "bps"]),
    ("d", ["kemenperin", "bps"]),
    ("e", ["kemenperin"]),
    ("f", []),
]
NAMES = [name for name, _ids in KEYS]


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("a", ["b", "c", "d", "e"]),  # the rare shared agency first, then by order
        ("c", ["d", "a", "b", "e"]),
        ("e", ["a", "b", "c", "d"]),  # only the common one: earliest first
        ("f", []),  # nothing named, nothing related
    ],
)
def test_rare_shared_entities_come_first(article, expected):
    found = related_positions([ids for _name, ids in KEYS])[NAMES.index(article)]
    assert [NAMES[other] for other in found] == expected


def test_limit_and_entities_named_too_often():
    id_lists = [["semua", f"pasangan-{n // 2}"] for n in range(10)]
    assert related_positions(id_lists, limit=3)[0] == [1, 2, 3]
    # "semua" is named by all ten: over max_postings, it relates nothing.
    assert related_positions(id_lists, max_postings=9)[0] == [1]


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("limit", [1, 5])
def test_best_ranks_as_ranking_every_score_does(seed, limit):
    """Ties, near-ties within the rounding and scores far below the cut."""
    draw = random.Random(seed)
    weights = [0.5, 1.0, 1.0 / 3.0, 0.1, 2.0 / 3.0]
    scores = {}
    for other in range(draw.randrange(0, 60)):
        shared = draw.sample(weights, draw.randrange(1, len(weights)))
        scores[other] = sum(shared) + draw.choice([0.0, 0.0, 1e-12, -1e-12, 4e-10])
    everything = sorted(scores.items(), key=_by_score)[:limit]
    assert best(scores, limit) == [other for other, _ in everything]


def _archive(draw: random.Random, size: int) -> list[tuple[str, ...]]:
    names = [f"e{number}" for number in range(12)]
    return [tuple(draw.sample(names, draw.randrange(0, 5))) for _ in range(size)]


@pytest.mark.parametrize("seed", range(30))
def test_an_updated_index_equals_one_worked_out_afresh(seed):
    """Edits of a few lists (an entity named or no longer named, crossing
    the thresholds of one list and of ``max_postings``; one list changed is
    updated, two are more than ``MOST_CHANGED`` of 120), then lists added:
    each update gives what working out every list afresh gives."""
    draw = random.Random(seed)
    lists = _archive(draw, 120)
    index = RelatedIndex.of(lists, limit=3, max_postings=12)
    for _ in range(6):
        lists = list(lists)
        for position in draw.sample(range(len(lists)), draw.randrange(0, 3)):
            lists[position] = _archive(draw, 1)[0]
        index = index.updated(lists)
        assert index.related == related_positions(lists, limit=3, max_postings=12)
    lists += _archive(draw, 3)
    index = index.updated(lists)
    assert index.related == related_positions(lists, limit=3, max_postings=12)
    # One list added at a time, anywhere (first: an article newer than all
    # the others), sometimes a copy of its neighbour; on the weights' grid
    # or past it.
    for _ in range(8):
        lists = list(lists)
        at = draw.choice([0, 0, len(lists), draw.randrange(len(lists))])
        added = draw.choice([_archive(draw, 1)[0], lists[min(at, len(lists) - 1)]])
        lists.insert(at, added)
        index = index.updated(lists)
        fresh = RelatedIndex.of(lists, limit=3, max_postings=12)
        assert index.related == fresh.related
        assert (index.postings, index.weight) == (fresh.postings, fresh.weight)


def test_an_added_list_works_out_the_lists_its_entities_relate(monkeypatch):
    """A list added where the number of lists stays on the weights' grid
    works out itself and the lists naming an entity it names (their weights
    changed); the others are the same lists, their positions moved on."""
    lists = [("semua", f"pasangan-{n // 2}") for n in range(200)]
    index = RelatedIndex.of(lists, max_postings=199)
    assert warta.related._scale(201) == warta.related._scale(200)
    worked = spy(monkeypatch, warta.related, "_related", lambda index, *_: index)
    lists = [("semua", "pasangan-7"), *lists]  # pasangan-7: lists 14 and 15
    expected = related_positions(lists, max_postings=199)
    worked.clear()
    assert index.updated(lists).related == expected
    assert sorted(worked) == [0, 15, 16]


def test_an_update_works_out_only_the_lists_that_can_change(monkeypatch):
    """Naming one more entity that relates nothing (named by too many) works
    out the changed list alone; one that relates two lists, those two."""
    lists = [("semua", f"pasangan-{n // 2}") for n in range(10)] + [("semua",)]
    index = RelatedIndex.of(lists, max_postings=9)
    monkeypatch.setattr(warta.related, "MOST_CHANGED", 0.1)
    worked = spy(monkeypatch, warta.related, "_related", lambda index, *_: index)
    for position, ids, again in (
        (3, ("semua", "pasangan-1", "lain"), [3]),
        (10, ("semua", "pasangan-1"), [2, 3, 10]),
    ):
        lists[position] = ids
        expected = related_positions(lists, max_postings=9)
        worked.clear()
        assert index.updated(lists).related == expected
        assert sorted(worked) == again
