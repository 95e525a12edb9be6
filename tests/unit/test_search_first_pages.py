"""A word's first page (``hal/``), ranked from each stem's best documents by
numpy, equals the plain ranking of every document that holds the word:
each one's best score over the stems, rounded to a float32, highest first,
the newest first among equals."""

from __future__ import annotations

import math
import random
import struct
from array import array

import pytest

from warta.search.textindex import PAGE_SIZE, IndexWriter, newest_first_ranks


def f32(value: float) -> float:
    return struct.unpack("<f", struct.pack("<f", value))[0]


def every_document_ranked(count, undated, stems, df, base, chosen, postings, impacts):
    ranks = newest_first_ranks(range(count), count, undated)
    best: dict[int, float] = {}
    for s in chosen:
        extra = len(stems[s]) - len(stems[base])
        idf = math.log(1 + (count - df[s] + 0.5) / (df[s] + 0.5))
        factor = idf * math.exp(-(extra * extra) / 8) / 255
        for doc, impact in zip(postings[s], impacts[s], strict=True):
            if f32(impact * factor):
                best[doc] = max(best.get(doc, 0.0), impact * factor)
    ranked = sorted(best, key=lambda doc: (-f32(best[doc]), ranks[doc]))
    return len(best), ranked[:PAGE_SIZE]


@pytest.mark.parametrize(
    ("seed", "count", "undated", "levels"),
    [
        (1, 30, 0, 255),  # fewer documents than a page
        (2, 400, 0, 3),  # many equal scores: the newest first
        (3, 400, 25, 3),  # pages without a date rank after dated equals
        (4, 2_000, 300, 255),
        (5, 2_000, 2_000, 2),  # no page with a date
    ],
)
def test_a_first_page_ranks_as_every_document_ranked(seed, count, undated, levels):
    rng = random.Random(seed)
    # A word's own stem, then longer stems that start with it (one very long:
    # its factor is too small for a float32, so it matches nothing).
    stems = ["batik", "batika", "batikan", "batiknya", "batik" + "x" * 40]
    postings, impacts = [], []
    for _ in stems:
        held = sorted(rng.sample(range(count), rng.randint(1, count)))
        postings.append(array("I", held))
        impacts.append(bytearray(rng.randint(1, levels) for _ in held))
    df = array("I", map(len, postings))
    chosen = list(range(len(stems)))
    for base_chosen in (chosen, chosen[:1]):
        page = IndexWriter._first_page(
            count, undated, stems, df, 0, base_chosen, {}, postings, impacts
        )
        total, relevant = every_document_ranked(
            count, undated, stems, df, 0, base_chosen, postings, impacts
        )
        assert page["jumlah"] == total
        assert page["relevansi"] == relevant
