"""Related articles share the rarest entities; never the article itself."""

import random

import pytest

from warta.related import _by_score, best, related_positions

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
