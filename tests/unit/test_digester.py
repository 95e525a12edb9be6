"""Digests of nested values: what changes a digest, and what does not."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from warta.incremental import Digester, Unhashable


@dataclass
class Record:
    name: str
    line: int = field(default=0, compare=False)  # where it was read: not its value


class Article:
    """Stands for a framework object that a handler describes."""

    def __init__(self, title: str) -> None:
        self.title = title


class CountingDescriber:
    def __init__(self) -> None:
        self.asked: list[tuple[str, bool]] = []

    def __call__(self, kind: type):
        return self.describe if issubclass(kind, Article) else None

    def describe(self, article: Article, shallow: bool) -> str:
        self.asked.append((article.title, shallow))
        return f"ref:{article.title}" if shallow else f"own:{article.title}"


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ([Record("a", 1)], [Record("a", 2)], True),  # compare=False field
        ([Record("a")], [Record("b")], False),
        ({"k": (1, 2.5)}, {"k": (1, 2.5)}, True),
        ({"k": [1]}, {"k": (1,)}, False),  # a list is not a tuple
        ("teks", b"teks", False),
    ],
)
def test_equal_values_share_a_digest_and_others_do_not(one, other, same):
    digester = Digester()
    assert (digester.digest(one) == digester.digest(other)) is same


def test_a_value_pickle_cannot_describe_is_unhashable():
    with pytest.raises(Unhashable):
        Digester().digest([lambda: None])


def test_handled_objects_are_described_by_the_handler_at_their_depth():
    """An article in many lists: a deep digest asks for its own data, a
    shallow one for a reference; the order of the articles counts."""
    describer = CountingDescriber()
    digester = Digester(describer)
    first, second = Article("a"), Article("b")
    many = digester.digest([first, second] * 50)
    assert digester.digest([first, second] * 50) == many
    assert {asked for asked in describer.asked} == {("a", False), ("b", False)}
    shallow = digester.digest([first, [second, first]], shallow=True)
    assert ("a", True) in describer.asked
    assert shallow != digester.digest([first, [second, first]])
    fresh = Digester(CountingDescriber())
    assert fresh.digest([first, second] * 50) == many
    assert fresh.digest([second, first] * 50) != many


@dataclass
class Listing:
    """A page input that shows its articles only by reference."""

    __digest_by_reference__ = True

    title: str
    articles: list = field(default_factory=list)


def test_a_class_flagged_by_reference_is_described_with_its_articles_as_references():
    describer = CountingDescriber()
    digester = Digester(describer)
    article = Article("a")
    listing = Listing("Daftar", [article])
    assert digester.digest(listing) == digester.digest(listing)
    assert describer.asked == [("a", True)]  # by reference, once
    assert digester.digest(listing) != Digester(describer).digest(Listing("Lain"))


def test_an_object_described_is_not_kept_alive_by_the_digester():
    import gc
    import weakref

    digester = Digester(CountingDescriber())
    listing = Listing("Daftar", [Article("a")])
    digester.digest(listing)
    gone = weakref.ref(listing)
    del listing
    gc.collect()
    assert gone() is None
    # New objects, some at a dead one's address, are never taken for it.
    for number in range(50):
        other = Listing(f"Lain {number}", [])
        assert digester.digest(other) == Digester(CountingDescriber()).digest(other)
