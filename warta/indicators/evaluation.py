"""Scoring figure extraction against a hand-labelled set.

The set is a JSON list of items::

    [{"text": "...", "date": "2015-03-16", "region": "Lampung",
      "figures": [{"indicator": "inflation", "value": 3.5, "unit": "percent"}]}]

``date`` and ``region`` are optional. An extracted figure counts as found when
its indicator (``null`` for an unclassified figure), value (relative tolerance
1e-6) and unit equal those of an expected figure of the same item not yet
matched. Precision, recall and F1 are micro-averaged over all figures.

Run ``python -m warta.indicators.evaluation set.json`` to print the scores.
"""

from __future__ import annotations

import json
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from warta.indicators.catalogue import DEFAULT_PATH, Catalogue, load_catalogue
from warta.indicators.extract import Figure, extract_figures
from warta.regencies import NO_PLACES, PlaceScopes
from warta.scores import f1

TOLERANCE = 1e-6


@dataclass(frozen=True)
class Expected:
    indicator: str | None
    value: float
    unit: str


@dataclass(frozen=True)
class Scores:
    items: int
    expected: int
    extracted: int
    found: int
    seconds: float

    @property
    def precision(self) -> float:
        return self.found / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def report(self) -> str:
        return (
            f"items: {self.items}\n"
            f"figures expected: {self.expected}, extracted: {self.extracted}, "
            f"found: {self.found}\n"
            f"precision: {self.precision:.3f}\n"
            f"recall: {self.recall:.3f}\n"
            f"F1: {self.f1:.3f}\n"
            f"time: {self.seconds:.3f} s"
        )


def same(figure: Figure, expected: Expected) -> bool:
    return (
        figure.indicator_id == expected.indicator
        and figure.unit == expected.unit
        and math.isclose(figure.value, expected.value, rel_tol=TOLERANCE)
    )


def count_found(figures: list[Figure], expected: list[Expected]) -> int:
    """Figures that match an expected figure, each expected figure once."""
    left = list(expected)
    found = 0
    for figure in figures:
        for index, wanted in enumerate(left):
            if same(figure, wanted):
                del left[index]
                found += 1
                break
    return found


def _expected(item: dict) -> list[Expected]:
    return [
        Expected(entry.get("indicator"), float(entry["value"]), str(entry["unit"]))
        for entry in item.get("figures", [])
    ]


def evaluate(
    path: str | Path,
    catalogue: Catalogue | None = None,
    places: PlaceScopes = NO_PLACES,
) -> Scores:
    """Score ``extract_figures`` on the labelled set at ``path`` (``places``:
    the regencies and cities named bare, ``place_scopes``)."""
    items = json.loads(Path(path).read_text(encoding="utf-8"))
    if catalogue is None:
        catalogue = load_catalogue(DEFAULT_PATH)
    expected_total = extracted_total = found_total = 0
    started = time.perf_counter()
    for item in items:
        figures = extract_figures(
            item["text"],
            catalogue=catalogue,
            article_date=item.get("date"),
            region=item.get("region"),
            places=places,
        )
        expected = _expected(item)
        expected_total += len(expected)
        extracted_total += len(figures)
        found_total += count_found(figures, expected)
    return Scores(
        len(items),
        expected_total,
        extracted_total,
        found_total,
        time.perf_counter() - started,
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m warta.indicators.evaluation SET.json", file=sys.stderr)
        return 2
    print(evaluate(args[0]).report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
