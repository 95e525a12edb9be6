"""Tagging throughput over a folder of real news text, one core and all cores.

``invoke bench-tagging DIR`` reads every article it finds under ``DIR``: JSON
Lines records and CSV rows (``warta.news_records``),
and ``.txt``/``.md`` files (one article each). Nothing is written; the texts
stay where they are.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from warta.errors import WartaError
from warta.news_records import RECORD_SUFFIXES, read_records, text_of
from warta.parallel import usable_cores
from warta.tagging import Tagger, TagJob, tag_many


class NoArticlesError(WartaError):
    """The folder holds no article text this benchmark can read."""


def read_texts(folder: Path) -> Iterator[str]:
    """Every article text under ``folder``, in path order."""
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if suffix in RECORD_SUFFIXES:
            texts = (text_of(record) for record in read_records(path))
            yield from (text for text in texts if text)
        elif suffix in (".txt", ".md") and path.name.lower() != "readme.md":
            yield path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class TaggingSpeed:
    articles: int
    words: int
    one_core_s: float
    cores: int
    all_cores_s: float

    def report(self) -> str:
        one = self.articles / self.one_core_s
        many = self.articles / self.all_cores_s
        return "\n".join(
            [
                f"{self.articles:,} articles, {self.words / self.articles:.0f} "
                "words on average",
                f"one core: {one:,.0f} articles/s "
                f"({self.words / self.one_core_s / 1000:,.0f}k words/s)",
                f"{self.cores} cores (as the build tags): {many:,.0f} articles/s; "
                f"100,000 such articles in {100_000 / many:.0f} s",
            ]
        )


def measure(folder: Path, authority: Path, limit: int | None = None) -> TaggingSpeed:
    texts = list(islice(read_texts(folder), limit))  # stops reading at limit
    if not texts:
        raise NoArticlesError(f"{folder}: no article text found")
    tagger = Tagger.load(authority)
    jobs = [TagJob(text, None, None) for text in texts]
    started = time.perf_counter()
    for job in jobs:
        tagger.tag_job(job)
    one_core_s = time.perf_counter() - started
    cores = usable_cores()
    started = time.perf_counter()
    tag_many(tagger, jobs, workers=cores)
    all_cores_s = time.perf_counter() - started
    words = sum(len(text.split()) for text in texts)
    return TaggingSpeed(len(texts), words, one_core_s, cores, all_cores_s)
