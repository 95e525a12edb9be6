"""The search bundle's postings, worked out by numpy over every entry, equal
the plain reading of the ranking formula: one entry at a time, in Python."""

from __future__ import annotations

import functools
import itertools
import math
import random
from array import array

import numpy as np
import pytest

from tests.spies import spy
from warta.search import textindex
from warta.search.textindex import K1, B, IndexWriter, _Doc, _typical_length


def one_entry_at_a_time(docs, final, count):
    average = _typical_length(docs)
    postings = [array("I") for _ in range(count)]
    impacts = [bytearray() for _ in range(count)]
    for number, doc in enumerate(docs):
        # The document's length on a grid of 8 points per doubling.
        length = 2 ** (round(math.log2(doc.length) * 8) / 8) if doc.length else 0
        norm = K1 * (1 - B + B * length / average)
        for provisional, tf in zip(doc.stems, doc.counts, strict=True):
            stem = final[provisional]
            postings[stem].append(number)
            weight = tf * (K1 + 1) / (tf + norm) * (255 / (K1 + 1))
            impacts[stem].append(max(1, min(255, round(weight))))
    return postings, impacts


def documents(seed: int, count: int, stems: int, most: int) -> tuple[list, array]:
    """``count`` documents of up to ``most`` distinct stems among ``stems``,
    with lengths and counts from tiny to huge; and a shuffled numbering."""
    rng = random.Random(seed)
    docs = []
    for slot in range(count):
        held = rng.sample(range(stems), rng.randint(0, min(most, stems)))
        counts = [rng.choice((1, 2, 3, 7, 40, 10_000)) for _ in held]
        docs.append(
            _Doc(
                slot=slot,
                url=f"berita/{slot}/",
                date="",
                filters={},
                length=rng.choice((1, 50, 400, 3_000)),
                stems=array("I", held),
                counts=array("I", counts),
                digest=b"",
            )
        )
    final = list(range(stems))
    rng.shuffle(final)
    return docs, array("I", final)


def copies(docs):
    return [
        _Doc(
            **{
                **vars(doc),
                "stems": array("I", doc.stems),
                "counts": array("I", doc.counts),
            }
        )
        for doc in docs
    ]


@pytest.mark.parametrize(
    ("case", "count", "stems", "most", "block", "entries"),
    [
        ("no documents", 0, 5, 3, 1024, 1 << 20),
        ("one document, no stems", 1, 4, 0, 1024, 1 << 20),
        ("a few documents in one block", 30, 40, 25, 1024, 1 << 20),
        ("documents in several blocks", 50, 40, 25, 7, 1 << 20),
        ("stems grouped in several ranges", 60, 30, 30, 1024, 100),
        ("a stem held by more documents than a range", 80, 3, 3, 16, 10),
        ("more stems than 16 bits number", 40, 70_000, 400, 1024, 1 << 20),
    ],
)
def test_postings_equal_the_formula_entry_by_entry(
    monkeypatch, case, count, stems, most, block, entries
):
    monkeypatch.setattr(textindex, "POSTINGS_BLOCK", block)
    monkeypatch.setattr(textindex, "POSTINGS_ENTRIES", entries)
    docs, final = documents(len(case), count, stems, most)
    expected = one_entry_at_a_time(docs, final, stems)
    given = IndexWriter._postings(copies(docs), final, stems)
    assert given[0] == expected[0]
    assert given[1] == expected[1]
    assert all(isinstance(p, array) and p.typecode == "I" for p in given[0])
    assert all(type(i) is bytearray for i in given[1])


def test_postings_let_go_of_each_documents_entries():
    docs, final = documents(1, 10, 20, 10)
    IndexWriter._postings(docs, final, 20)
    assert all(doc.stems is None and doc.counts is None for doc in docs)


def gaps_one_at_a_time(numbers: list[int], follow: list[int] | None = None) -> bytes:
    """The module docstring's varints, written out one at a time: seven bits
    a byte, low first, the high bit set on every byte but the last; each
    followed by its byte of ``follow`` if given."""
    out = bytearray()
    previous = -1
    for position, number in enumerate(numbers):
        value = number - previous
        while value >= 0x80:
            out.append((value & 0x7F) | 0x80)
            value >>= 7
        out.append(value)
        if follow is not None:
            out.append(follow[position])
        previous = number
    return bytes(out)


@pytest.mark.parametrize(
    "numbers",
    [
        [],
        [0],
        [5],
        [0, 1, 2, 127],
        [127, 128],  # a gap of one byte, then one of 1
        [128],  # the first gap counted from -1: two bytes
        [0, 200, 20_000, 3_000_000],  # two, three and four bytes
        [2**35, 2**35 + 1, 2**49],  # past 32 bits
        sorted(random.Random(3).sample(range(50_000), 700)),
    ],
)
def test_filter_gaps_worked_out_at_once_are_the_varints_one_at_a_time(numbers):
    found = textindex._gap_varints(np.array(numbers, np.int64))
    assert found == gaps_one_at_a_time(numbers)
    impacts = [(7 * n + 1) % 256 for n in range(len(numbers))]
    follow = np.array(impacts, np.uint8)
    found = textindex._gap_varints(np.array(numbers, np.int64), follow)
    assert found == gaps_one_at_a_time(numbers, impacts)


def test_postings_are_encoded_as_gap_varints_each_with_its_impact():
    draw = random.Random(11)
    for _ in range(300):
        count = draw.choice([3, 50, textindex.NUMPY_POSTINGS])  # both ways
        numbers = sorted(draw.sample(range(draw.choice([1_000, 60_000])), count))
        impacts = [draw.randrange(1, 256) for _ in numbers]
        encoded = textindex.IndexWriter._encode(array("I", numbers), bytearray(impacts))
        assert encoded == gaps_one_at_a_time(numbers, impacts)


def _bundle(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize(
    ("change", "patched"),
    [
        ("nothing", True),
        ("an edited page", True),  # taken back, then read as it is now
        ("a page newer than all", True),
        ("a page newer than all, with words new to the archive", True),
        ("a page older than all", False),  # every number after it moves
        ("a page removed", False),
        ("many pages edited", False),
        ("a page so long the typical length moves", False),
    ],
)
def test_postings_patched_after_prepare_are_the_postings_worked_out_afresh(
    tmp_path, monkeypatch, change, patched
):
    """``prepare`` works out the postings of the pages held so far; ``finish``
    patches them for the pages dropped or added since when every other page
    keeps its number, else works them out afresh. Either way the bundle is
    the one a writer given the final pages at once writes."""
    from warta.search.extract import Page
    from warta.search.textindex import read_page

    monkeypatch.setattr(textindex, "PATCH_PAGES", 5)
    rng = random.Random(change)
    vocabulary = [f"kata{n}" for n in range(300)]

    def text(words: int = 60) -> str:
        return " ".join(rng.choices(vocabulary, k=words))

    pages = {
        f"berita/{n:03}/": (text(), f"2020-01-{1 + n % 28:02}") for n in range(120)
    }
    # The documents of each call.
    worked_out = spy(monkeypatch, IndexWriter, "_postings", lambda d, *_, **__: len(d))

    def written(folder, given: dict, change_after_prepare=None) -> dict:
        writer = IndexWriter(folder, page_min=4)
        reads = {}
        slots = itertools.count()

        def add(url, body, date, session=writer.session):
            page = Page(url, url, body, {}, {}, {"tanggal": date})
            slot = next(slots)
            reads[url] = read_page(page, writer.scratch, slot, session, True)
            writer.add_read(reads[url])

        for url, (body, date) in given.items():
            add(url, body, date)
        if change_after_prepare is not None:
            writer.prepare()
            # Read since by a worker process, which sends each word it meets.
            change_after_prepare(writer, reads, functools.partial(add, session="w"))
        writer.finish()
        return _bundle(folder)

    final = dict(pages)

    def change_pages(writer, reads, add):
        def drop(url):
            found = reads.pop(url)
            writer.drop(found.slot, found.all_words.split("\n"))
            # As a page the indexer took from its read cache, and drops: its
            # document file is not in the scratch folder.
            (writer.scratch / f"{found.slot}.bin").unlink()
            final.pop(url)

        def put(url, body, date):
            add(url, body, date)
            final[url] = (body, date)

        if change == "an edited page":
            drop("berita/050/")
            put("berita/050/", text(70), pages["berita/050/"][1])
        elif change.startswith("a page newer than all"):
            words = text() + (" rotan lada" if "new to" in change else "")
            put("berita/zzz/", words, "2021-05-01")
        elif change == "a page older than all":
            put("berita/aaa/", text(), "2019-05-01")
        elif change == "a page removed":
            drop("berita/050/")
        elif change == "many pages edited":
            for n in range(40, 50):
                drop(f"berita/{n:03}/")
                put(f"berita/{n:03}/", text(), pages[f"berita/{n:03}/"][1])
        elif change.startswith("a page so long"):
            drop("berita/050/")
            put("berita/050/", text(3_000), pages["berita/050/"][1])

    updated = written(tmp_path / "patched", pages, change_pages)
    assert worked_out == ([120] if patched else [120, len(final)])
    worked_out.clear()
    assert updated == written(tmp_path / "fresh", final)


@pytest.mark.parametrize(
    ("length", "weighed"),
    [(0, 0.0), (1, 1.0), (2, 2.0), (3, 2 ** (13 / 8)), (512, 512.0), (530, 512.0)],
)
def test_a_document_s_length_is_weighed_on_a_grid(length, weighed):
    assert textindex._norm_length(length) == weighed


def test_a_sentence_more_leaves_most_documents_lengths_on_their_point():
    """Lengths of 350 to 700 words with 9 words more: most weigh the same."""
    same = [
        textindex._norm_length(n) == textindex._norm_length(n + 9)
        for n in range(350, 701)
    ]
    assert sum(same) > 0.7 * len(same)
