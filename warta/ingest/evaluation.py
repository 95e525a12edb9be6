"""Scoring body extraction the way the article-extraction-benchmark does.

Texts are split into word tokens (``\\w+``) and compared as multisets of 4-token
shingles. For each page, true positives, false positives and false negatives are
normalised to sum to one; precision and recall are averaged over pages, and F1 is
the harmonic mean of the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from warta.ingest.encoding import decode_page
from warta.ingest.webpage import extract_text
from warta.scores import f1

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, size: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < size:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def match_counts(truth: str, prediction: str) -> tuple[float, float, float]:
    expected, found = shingles(truth), shingles(prediction)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


@dataclass(frozen=True)
class Scores:
    pages: int
    precision: float
    recall: float
    seconds: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def report(self) -> str:
        return (
            f"pages: {self.pages}\n"
            f"precision: {self.precision:.3f}\n"
            f"recall: {self.recall:.3f}\n"
            f"F1: {self.f1:.3f}\n"
            f"time: {self.seconds:.1f} s "
            f"({self.seconds / max(self.pages, 1) * 1000:.0f} ms/page)"
        )


def score(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    counts = [match_counts(truth, prediction) for truth, prediction in pairs]
    precisions = [precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [recall(*c) for c in counts if c[0] + c[2] > 0]
    return (
        statistics.mean(precisions) if precisions else 0.0,
        statistics.mean(recalls) if recalls else 0.0,
    )


def _read_page(path: Path) -> str:
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return decode_page(raw)


def evaluate_folder(folder: Path) -> Scores:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    pairs = []
    for key, item in sorted(truth.items()):
        candidates = [
            folder / "html" / f"{key}.html",
            folder / "html" / f"{key}.html.gz",
        ]
        page = next((p for p in candidates if p.exists()), None)
        prediction = extract_text(_read_page(page), item.get("url")) if page else ""
        pairs.append((item.get("articleBody", ""), prediction))
    p, r = score(pairs)
    return Scores(len(pairs), p, r, time.perf_counter() - started)
