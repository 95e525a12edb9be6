"""Articles grouped by the entities they name, and the entities named together."""

from __future__ import annotations

import random
from collections import Counter, defaultdict

import pytest

from warta.entity_index import group_by_entity
from warta.tagging import ArticleTags, Tag


def _tags(*ids: str) -> ArticleTags:
    # Each its own sentence: an article naming an entity twice is listed
    # with the first.
    return ArticleTags(
        tuple(Tag(i, "agency", f"kalimat {n}: {i}") for n, i in enumerate(ids))
    )


def _pairs_one_by_one(tagged) -> dict[str, Counter]:
    """Every ordered pair of different entities an article names, counted."""
    together: dict[str, Counter] = defaultdict(Counter)
    for _article, tags in tagged:
        ids = [tag.id for tag in tags.tags]
        for one in ids:
            for other in ids:
                if one != other:
                    together[one][other] += 1
    return together


def _random_archive() -> list:
    pick = random.Random(7)
    names = [f"e{number}" for number in range(40)]
    return [
        (article, _tags(*(pick.choice(names) for _ in range(pick.randint(0, 9)))))
        for article in range(300)
    ]


@pytest.mark.parametrize(
    "tagged",
    [
        [],
        [("a", _tags())],
        [("a", _tags("bps"))],
        [("a", _tags("bps", "kemenperin")), ("b", _tags("kemenperin", "bps"))],
        [("a", _tags("bps", "bps"))],  # one entity twice: never with itself
        [("a", _tags("bps", "bi", "bps", "ojk")), ("b", _tags("ojk", "bi"))],
        _random_archive(),
    ],
    ids=["none", "no-tags", "one", "two", "twice", "repeated", "random"],
)
def test_entities_named_together_are_counted_pair_by_pair(tagged):
    index = group_by_entity(tagged)
    expected = _pairs_one_by_one(tagged)
    mentioned = {tag.id for _article, tags in tagged for tag in tags.tags}
    assert set(index) == mentioned
    for entity_id, entry in index.items():
        counts = expected.get(entity_id, Counter())
        # Same counts in the same order: ties in most_common keep it.
        assert list(entry.together.items()) == list(counts.items())
        assert entry.together.most_common(5) == counts.most_common(5)
        first_sentences = {}
        for article, tags in tagged:
            for tag in tags.tags:
                if tag.id == entity_id:
                    first_sentences.setdefault(article, tag.sentence)
        assert list(entry.mentions.items()) == list(first_sentences.items())


@pytest.mark.parametrize(
    "tagged",
    [
        [(3, _tags("bps")), (9, _tags("bps", "bi")), (5, _tags("bi", "ojk"))],
        [(9, _tags("bps")), (3, _tags("bps"))],  # newest first
        [(4, _tags("bps", "bps"))],
        _random_archive(),
    ],
    ids=["mixed", "newest-first", "twice", "random"],
)
def test_each_entity_has_the_newest_date_of_its_articles(tagged):
    """Articles stand for themselves as their dates here (``date_of``)."""
    index = group_by_entity(tagged, date_of=lambda article: article)
    as_given = group_by_entity(tagged)
    assert set(index) == set(as_given)
    for entity_id, entry in index.items():
        assert entry.newest == max(entry.mentions)
        # Newest first.
        expected = sorted(
            as_given[entity_id].mentions.items(), key=lambda item: item[0], reverse=True
        )
        assert list(entry.mentions.items()) == expected
        assert entry.together == as_given[entity_id].together
    assert all(entry.newest is None for entry in as_given.values())
