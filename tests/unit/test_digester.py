"""Digests of nested values: what changes a digest, and what does not."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import warta.incremental
from tests.spies import spy
from warta.incremental import _STORED as STORED_KEY
from warta.incremental import (
    Digester,
    KeepsItsDigest,
    Unhashable,
    deeply_immutable,
    keeps_its_digest,
)
from warta.incremental import _Described as MARKER


@dataclass
class Record:
    name: str
    line: int = field(default=0, compare=False)  # where it was read: not its value


class Plain:
    def __init__(self, value: int) -> None:
        self.value = value


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
        (datetime(2024, 5, 1, 9), datetime(2024, 5, 1, 9), True),
        (datetime(2024, 5, 1, 9), datetime(2024, 5, 1, 10), False),
        (Plain(1), Plain(1), True),
        (Plain(1), Plain(2), False),
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


class BatchDescriber(CountingDescriber):
    """Describes a list of articles in one call, as the same strings."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[int] = []

    def many(self, kind: type):
        return self.describe_many if issubclass(kind, Article) else None

    def describe_many(self, articles, shallow: bool) -> list[str]:
        self.batches.append(len(articles))
        return [self.describe(article, shallow) for article in articles]


A, B = Article("a"), Article("b")

BATCHED = [
    ([A, B], [A, B], True),
    ([A, B], [B, A], False),
    ([A, B], (A, B), False),  # a list is not a tuple
    ([A, B], [A, B, A], False),
    ([A, B], ["own:a", "own:b"], False),  # not the strings that describe them
    ([A, B], ("many", "list", "Article", ["own:a", "own:b"]), False),
    ([A, "b"], [A, "b"], True),  # two kinds: item by item
    ([A, "b"], [A, B], False),
    ([[A], 1], [[A], 1], True),  # a list among the value's items
    ([[A], 1], [[B], 1], False),
    ([(A,), 1], [[A], 1], False),
    ({"articles": [A]}, {"articles": [A]}, True),  # among a dict's values
    ({"articles": [A]}, {"articles": [B]}, False),
    ({"articles": [A]}, {"other": [A]}, False),
    (Listing("x", [A, B]), Listing("x", [A, B]), True),  # a field, by reference
    (Listing("x", [A, B]), Listing("x", [B, A]), False),
    # Rows (tuples of one length) with a column of articles: by columns.
    ([(A, 1), (B, 2)], [(A, 1), (B, 2)], True),
    ([(A, 1), (B, 2)], [(B, 1), (A, 2)], False),
    ([(A, 1), (B, 2)], [(A, 2), (B, 1)], False),
    ([(A, 1), (B, 2)], [(B, 2), (A, 1)], False),
    ([(A, 1), (B, 2)], ((A, 1), (B, 2)), False),  # a list is not a tuple
    ([(A, 1), (B, 2)], [(A, 1, None), (B, 2, None)], False),
    ([(A, 1), (B, 2)], [(A, 1), [B, 2]], False),  # not all tuples: one by one
    ([(A, 1), (B, 2)], [(A, 1), (B, "2")], False),  # a column of two kinds
    ([(A, 1), (B, "2")], [(A, 1), (B, "2")], True),
    ([(A, 1), (B,)], [(A, 1), (B,)], True),  # two lengths: one by one
    ([(A, 1), (B,)], [(A,), (B, 1)], False),
    ([(1, A)], [(A, 1)], False),
    ([(A, 1), (B, 2)], [[A, 1], [B, 2]], False),
    (  # the description spelt, without the marker no value holds
        [(A, 1), (B, 2)],
        (
            "rows",
            "list",
            2,
            [(MARKER, "many", "tuple", "Article", ["own:a", "own:b"]), (1, 2)],
        ),
        False,
    ),
    ([((A, 1),), ((B, 2),)], [((A, 1),), ((B, 2),)], True),  # rows of rows
    ([((A, 1),), ((B, 2),)], [((A, 2),), ((B, 1),)], False),
    (Listing("x", [(A, 1)]), Listing("x", [(A, 1)]), True),
    (Listing("x", [(A, 1)]), Listing("x", [(A, 2)]), False),
]


@pytest.mark.parametrize(("one", "other", "same"), BATCHED)
def test_lists_described_at_once_tell_the_same_values_apart(one, other, same):
    digester = Digester(BatchDescriber())
    assert (digester.digest(one) == digester.digest(other)) is same
    assert (Digester(BatchDescriber()).digest(one) == digester.digest(one)) is True


@pytest.mark.parametrize(
    ("value", "batches", "shallow"),
    [
        ([A, B, A], [3], False),
        ([[A, B], "x"], [2], False),
        ({"articles": (A,), "dates": [B, A]}, [1, 2], False),
        (Listing("x", [A, B]), [2], True),  # by reference: as reached
        ([[[A]]], [], False),  # deeper: one by one
        ([(A, 1), (B, 2), (A, 3)], [3], False),  # rows: their column of articles
        ({"entries": [(A, 1), (B, 2)]}, [2], False),
        (Listing("x", [(A, 1), (B, 2)]), [2], True),
        ([(A, 1), (B, 2, 3)], [], False),  # two lengths: not rows
        ([A, "b"], [], False),
    ],
)
def test_lists_of_one_handled_kind_are_described_in_one_call(value, batches, shallow):
    describer = BatchDescriber()
    Digester(describer).digest(value)
    assert describer.batches == batches
    if batches:  # every article described in a batch, none by the pickler
        assert len(describer.asked) == sum(batches)
        assert {s for _t, s in describer.asked} == {shallow}
    else:
        assert describer.asked


JAKARTA = ZoneInfo("Asia/Jakarta")
PLUS_SEVEN = timezone(timedelta(hours=7))


class StatefulDatetime(datetime):
    """A subclass with state of its own: not described by its ISO form."""


def _stateful(note: str) -> StatefulDatetime:
    value = StatefulDatetime(2024, 5, 1, 9)
    value.note = note
    return value


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        (
            datetime(2024, 5, 1, 9, tzinfo=JAKARTA),
            datetime(2024, 5, 1, 9, tzinfo=JAKARTA),
            True,
        ),
        (
            datetime(2024, 5, 1, 9, tzinfo=JAKARTA),
            datetime(2024, 5, 1, 9, tzinfo=PLUS_SEVEN),
            False,
        ),
        (datetime(2024, 5, 1, 9, tzinfo=JAKARTA), datetime(2024, 5, 1, 9), False),
        (datetime(2024, 5, 1, 9, 0, 0, 1), datetime(2024, 5, 1, 9), False),
        (datetime(2024, 5, 1, 9), datetime(2024, 5, 1, 9, fold=1), False),
        (datetime(2024, 5, 1), date(2024, 5, 1), False),
        (date(2024, 5, 1), date(2024, 5, 2), False),
        (time(9, 30), time(9, 30), True),
        (time(9, 30), time(9, 30, tzinfo=JAKARTA), False),
        (_stateful("a"), _stateful("a"), True),
        (_stateful("a"), _stateful("b"), False),
        (StatefulDatetime(2024, 5, 1, 9), datetime(2024, 5, 1, 9), False),
    ],
)
def test_dates_and_times_are_told_apart_by_all_they_show(one, other, same):
    digester = Digester()
    assert (digester.digest([one]) == digester.digest([other])) is same


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    year: int | None = None


@dataclass(frozen=True)
class Quotes:
    __digest_stored__ = True

    quotes: tuple
    source: str = ""
    line: int = field(default=0, compare=False)


class QuoteRow(tuple):
    __digest_stored__ = True


@dataclass(frozen=True, slots=True)
class SlottedQuote(KeepsItsDigest):
    text: str
    year: int | None = None
    note: str = field(default="", compare=False)


@pytest.mark.parametrize(
    ("value", "immutable"),
    [
        (("a", 1, 2.5, None, True, b"x", frozenset({1})), True),
        (Quotes((Quote("a", 2024), Quote("b")), "Antara"), True),
        (QuoteRow([Quote("a")]), True),
        (Quotes((Quote("a"),), "Antara", line=3), True),  # not compared: not read
        (Quotes(([],)), False),
        (Quotes((Quote("a"), {"k": 1})), False),
        (QuoteRow([Quote("a"), []]), False),
        (Record("a"), False),  # not frozen
        ((1, [2]), False),
    ],
)
def test_deeply_immutable_values(value, immutable):
    assert deeply_immutable(value) is immutable


def test_a_value_that_cannot_change_keeps_its_digest_once_made():
    one = Quotes((Quote("Ekspor naik", 2024),), "Antara")
    digest = Digester().digest([one])
    assert STORED_KEY in vars(one)
    # The same for any digester (with a resolver or not), at any depth.
    assert Digester(CountingDescriber()).digest([one]) == digest
    assert Digester().digest([one], shallow=True) == Digester().digest([one])
    equal = Quotes((Quote("Ekspor naik", 2024),), "Antara", line=9)
    assert Digester().digest([equal]) == digest
    for other in (
        Quotes((Quote("Ekspor turun", 2024),), "Antara"),
        Quotes((Quote("Ekspor naik", 2023),), "Antara"),
        Quotes((Quote("Ekspor naik", 2024),), "Kompas"),
        Quotes((Quote("Ekspor naik", 2024), Quote("Lagi")), "Antara"),
    ):
        assert Digester().digest([other]) != digest
    row = QuoteRow([Quote("a"), Quote("b")])
    assert Digester().digest(row) == Digester().digest(
        QuoteRow([Quote("a"), Quote("b")])
    )
    assert Digester().digest(row) != Digester().digest(
        QuoteRow([Quote("b"), Quote("a")])
    )
    assert Digester().digest(row) != Digester().digest((Quote("a"), Quote("b")))


def test_a_slotted_value_keeps_its_digest_in_its_slot():
    """No ``__dict__``: the digest is kept in the slot ``KeepsItsDigest``
    gives, past the frozen class's ``__setattr__``; equal values (by the
    fields they are compared by) have one digest, whichever digester meets
    them; in a list each is taken as kept."""
    one = SlottedQuote("Ekspor naik", 2024)
    assert not hasattr(one, "__dict__")
    assert not keeps_its_digest(one)
    digest = Digester().digest([one])
    assert keeps_its_digest(one)
    kept = getattr(one, STORED_KEY)
    assert Digester(CountingDescriber()).digest([one]) == digest
    assert Digester().digest([SlottedQuote("Ekspor naik", 2024, "lain")]) == digest
    for other in (SlottedQuote("Ekspor turun", 2024), SlottedQuote("Ekspor naik")):
        assert Digester().digest([other]) != digest
    batched = Digester(BatchDescriber()).digest([one])
    with pytest.MonkeyPatch.context() as patch:
        made = spy(patch, warta.incremental, "_stored_digest")
        assert Digester(BatchDescriber()).digest([one]) == batched
        assert made == []
    assert getattr(one, STORED_KEY) == kept


def test_a_value_that_can_change_is_digested_each_time():
    shown = []
    holder = Quotes((shown,), "Antara")  # a list inside: it may change
    before = Digester().digest(holder)
    assert STORED_KEY not in vars(holder)
    shown.append("baru")
    assert Digester().digest(holder) != before


def _two_quotes() -> list:
    return [Quotes((Quote("a"),), "Antara"), Quotes((Quote("b", 2024),), "Kompas")]


def test_a_list_of_objects_that_keep_their_digest_is_described_at_once():
    """By the digest each keeps, the same whether it was kept already or is
    made by this digest (so a page's digest does not change from one build
    to the next); a list whose objects may change is still told apart."""
    first = _two_quotes()
    digest = Digester(BatchDescriber()).digest(first)
    assert all(STORED_KEY in vars(quotes) for quotes in first)
    with pytest.MonkeyPatch.context() as patch:  # each kept digest taken as is
        made = spy(patch, warta.incremental, "_stored_digest")
        assert Digester(BatchDescriber()).digest(first) == digest
        assert made == []
    assert Digester(BatchDescriber()).digest(_two_quotes()) == digest
    assert Digester().digest(_two_quotes()) != digest  # described at once
    assert Digester(BatchDescriber()).digest(_two_quotes()[::-1]) != digest
    assert Digester(BatchDescriber()).digest(_two_quotes()[:1]) != digest
    assert Digester(BatchDescriber()).digest(tuple(_two_quotes())) != digest
    rows = [(quotes, 1) for quotes in _two_quotes()]  # a column of them
    assert Digester(BatchDescriber()).digest(rows) == Digester(BatchDescriber()).digest(
        [(quotes, 1) for quotes in first]
    )
    shown = []
    mixed = [Quotes((Quote("a"),), "Antara"), Quotes((shown,), "Antara")]
    before = Digester(BatchDescriber()).digest(mixed)
    assert STORED_KEY not in vars(mixed[1])
    shown.append("baru")
    assert Digester(BatchDescriber()).digest(mixed) != before


def test_a_digester_used_again_digests_as_a_new_one():
    """Its picklers are used again: after a failed digest, a large one (many
    frames) and nested ones, each value digests as with a new digester."""
    digester = Digester(BatchDescriber())
    values = [
        {"a": [1, 2], "b": "teks"},
        "x" * 300_000,  # several 64 KiB frames
        Listing("Daftar", [Article("a")]),  # a digest within a digest
        [Listing("Lain", [Article("b")]), (1, 2)],
    ]
    for value in values:
        with pytest.raises(Unhashable):
            digester.digest([1, lambda: None, 2])
        assert digester.digest(value) == Digester(BatchDescriber()).digest(value)
        assert digester.digest(value, shallow=True) == Digester(
            BatchDescriber()
        ).digest(value, shallow=True)
