"""Scoring figure extraction against a hand-labelled set.

A set is a YAML (or JSON) file: a list of items, or a mapping with ``items``
and ``labelled: indicators``. In a bare list every figure the extractor may
report is labelled (``indicator: null`` for a figure of no indicator); with
``labelled: indicators`` only figures of an indicator are, and the
extractor's figures of no indicator are left out of the count. ``indicators``
(optional) lists the catalogue's indicators when the set was labelled:
figures of an indicator added since are left out too, as nobody labelled
them.

An item holds its text, or names an article in a folder of news records (the
``data`` folder: JSON Lines or CSV, ``warta.news_records``), so that a set
can be kept without the articles' text::

    - text: "Inflasi Lampung pada Maret 2024 sebesar 2,5 persen."
      date: 2024-04-01          # optional: the article's date
      region: Lampung           # optional: the article's region
      figures:
        - {indicator: inflation, value: 2.5, unit: percent,
           period: "Maret 2024", place: Lampung, kind: realised}
    - dataset: detik-2026       # DATA/detik-2026/train.csv, id 70dbf387b7eb
      file: train.csv
      id: "70dbf387b7eb"
      date: 2026-05-27
      figures: [...]

An extracted figure is *found* when its indicator, value (relative tolerance
1e-6) and unit equal those of an expected figure of the same item not yet
matched; precision, recall and F1 are micro-averaged over all figures.
Expected figures may also give ``value_max``, ``period`` (the extractor's
label: "2025", "Mei 2025", "triwulan II 2025" ...), ``place`` (the scope:
"nasional", a province, "Kota Bandung"; null for none) and ``kind``; of the
found figures, the report counts those whose period, place and kind are as
labelled, and scores as *right* the figures found with every labelled field
equal. ``written`` (the figure as written) and ``doubt`` are notes for the
reader of the set.

Run ``invoke eval-indicators SET [--data FOLDER]`` to print the scores.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from warta.authority import load_lined_yaml
from warta.errors import WartaError
from warta.indicators.catalogue import Catalogue
from warta.indicators.extract import Figure, extract_figures
from warta.news_records import RecordTexts
from warta.regencies import NO_PLACES, PlaceScopes
from warta.scores import f1

TOLERANCE = 1e-6
ATTRIBUTES = ("period", "place", "kind")
_UNSET = object()


class LabelledSetError(WartaError):
    """A labelled set is malformed or names an article that cannot be read."""


@dataclass(frozen=True)
class Expected:
    indicator: str | None
    value: float
    unit: str
    value_max: object = _UNSET
    period: object = _UNSET
    place: object = _UNSET
    kind: object = _UNSET
    written: str = ""

    def labelled(self, name: str) -> bool:
        return getattr(self, name) is not _UNSET


def _fold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def _actual(figure: Figure, name: str) -> object:
    """The figure's value of an expected figure's field ``name``."""
    return figure.scope if name == "place" else getattr(figure, name)


def agrees(figure: Figure, expected: Expected, name: str) -> bool:
    """Whether the figure's ``name`` is as labelled (unlabelled: it is)."""
    if not expected.labelled(name):
        return True
    wanted, got = getattr(expected, name), _actual(figure, name)
    if name == "value_max" and wanted is not None and got is not None:
        return math.isclose(got, wanted, rel_tol=TOLERANCE)
    return _fold(got) == _fold(wanted)


def same(figure: Figure, expected: Expected) -> bool:
    return (
        figure.indicator_id == expected.indicator
        and figure.unit == expected.unit
        and math.isclose(figure.value, expected.value, rel_tol=TOLERANCE)
    )


def right(figure: Figure, expected: Expected) -> bool:
    """Found, and every labelled field as labelled."""
    return all(agrees(figure, expected, name) for name in ("value_max", *ATTRIBUTES))


def pair(
    figures: list[Figure], expected: list[Expected]
) -> list[tuple[Figure, Expected | None]]:
    """Each figure with the expected figure it matches, or None: in order,
    each takes the expected figure not yet taken that agrees with it most."""
    left = list(expected)
    pairs: list[tuple[Figure, Expected | None]] = []
    for figure in figures:
        candidates = [
            index for index, wanted in enumerate(left) if same(figure, wanted)
        ]
        best = max(
            candidates,
            key=lambda index: (
                right(figure, left[index]),
                sum(agrees(figure, left[index], name) for name in ATTRIBUTES),
                _written(left[index]) == _written(figure),
            ),
            default=None,
        )
        pairs.append((figure, None if best is None else left.pop(best)))
    return pairs


def _written(figure: Figure | Expected) -> str:
    text = figure.written if isinstance(figure, Expected) else figure.text
    return "".join(text.split()).casefold()


@dataclass
class Scores:
    items: int = 0
    expected: int = 0
    extracted: int = 0
    found: int = 0
    correct: int = 0
    seconds: float = 0.0
    # name -> [labelled among found, as labelled]
    attributes: dict[str, list[int]] = field(
        default_factory=lambda: {name: [0, 0] for name in ATTRIBUTES}
    )
    # indicator -> Counter(expected=, extracted=, found=)
    by_indicator: dict[str | None, Counter] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def strict(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of figures right in every labelled field."""
        precision = self.correct / self.extracted if self.extracted else 1.0
        recall = self.correct / self.expected if self.expected else 1.0
        return precision, recall, f1(precision, recall)

    def add(
        self, figures: list[Figure], expected: list[Expected]
    ) -> list[tuple[Figure, Expected | None]]:
        pairs = pair(figures, expected)
        self.expected += len(expected)
        self.extracted += len(figures)
        for wanted in expected:
            self._tally(wanted.indicator)["expected"] += 1
        for figure, wanted in pairs:
            self._tally(figure.indicator_id)["extracted"] += 1
            if wanted is None:
                continue
            self.found += 1
            self._tally(figure.indicator_id)["found"] += 1
            self.correct += right(figure, wanted)
            for name in ATTRIBUTES:
                if wanted.labelled(name):
                    self.attributes[name][0] += 1
                    self.attributes[name][1] += agrees(figure, wanted, name)
        return pairs

    def _tally(self, indicator: str | None) -> Counter:
        return self.by_indicator.setdefault(indicator, Counter())

    def report(self) -> str:
        precision, recall, strict_f1 = self.strict()
        lines = [
            f"items: {self.items}",
            f"figures expected: {self.expected}, extracted: {self.extracted}, "
            f"found: {self.found}",
            f"precision: {self.precision:.3f}",
            f"recall: {self.recall:.3f}",
            f"F1: {self.f1:.3f}",
        ]
        for name in ATTRIBUTES:
            labelled, agreed = self.attributes[name]
            if labelled:
                lines.append(
                    f"{name} as labelled: {agreed}/{labelled} "
                    f"({agreed / labelled:.3f}) of the found"
                )
        if any(labelled for labelled, _ in self.attributes.values()):
            lines.append(
                f"right in every labelled field: {self.correct} "
                f"(precision {precision:.3f}, recall {recall:.3f}, "
                f"F1 {strict_f1:.3f})"
            )
        if len(self.by_indicator) > 1:
            lines.append("by indicator (expected, extracted, found):")
            for indicator, tally in sorted(
                self.by_indicator.items(), key=lambda entry: str(entry[0])
            ):
                lines.append(
                    f"  {indicator or '(none)'}: {tally['expected']}, "
                    f"{tally['extracted']}, {tally['found']}"
                )
        lines.append(f"time: {self.seconds:.3f} s")
        return "\n".join(lines + self.misses)


# -- reading a set -----------------------------------------------------------


def _number(entry: dict, key: str, where: str) -> float | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LabelledSetError(f"{where}: {key} {value!r} is not a number")
    return float(value)


def _expected(entry: object, where: str) -> Expected:
    if not isinstance(entry, dict):
        raise LabelledSetError(f"{where}: a figure must be a mapping")
    value = _number(entry, "value", where)
    if value is None or not entry.get("unit"):
        raise LabelledSetError(f"{where}: a figure needs a value and a unit")
    fields = {
        name: entry[name] for name in ("period", "place", "kind") if name in entry
    }
    if "period" in fields and fields["period"] is not None:
        fields["period"] = str(fields["period"])
    if "value_max" in entry:
        fields["value_max"] = _number(entry, "value_max", where)
    return Expected(
        entry.get("indicator"),
        value,
        str(entry["unit"]),
        written=str(entry.get("written") or ""),
        **fields,
    )


@dataclass(frozen=True)
class Item:
    name: str
    text: str
    date: str | None
    region: str | None
    figures: list[Expected]


def _date(value: object, where: str) -> str | None:
    if value is None or isinstance(value, dt.date):
        return value.isoformat()[:10] if value else None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise LabelledSetError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _line(entry: object) -> str:
    line = getattr(entry, "line", 0)
    return f"line {line}: " if line else ""


def _item(entry: object, number: int, data: Path | None, texts: RecordTexts) -> Item:
    where = f"{_line(entry)}item {number}"
    if not isinstance(entry, dict):
        raise LabelledSetError(f"{where}: an item must be a mapping")
    if "text" in entry:
        text, name = str(entry["text"]), f"item {number}"
    else:
        missing = [key for key in ("dataset", "file", "id") if not entry.get(key)]
        if missing:
            raise LabelledSetError(
                f"{where}: an item needs a text, or a dataset, file and id "
                f"(missing: {', '.join(missing)})"
            )
        name = f"{entry['dataset']}/{entry['file']} {entry['id']}"
        where = f"{where} ({name})"
        if data is None:
            raise LabelledSetError(f"{where}: names an article; give the data folder")
        path = data / str(entry["dataset"]) / str(entry["file"])
        if not path.is_file():
            raise LabelledSetError(f"{where}: {path} is not a file")
        text = texts.text(path, str(entry["id"]))
    figures = entry.get("figures") or []
    if not isinstance(figures, list):
        raise LabelledSetError(f"{where}: figures must be a list")
    return Item(
        name,
        text,
        _date(entry.get("date"), where),
        entry.get("region"),
        [
            _expected(figure, f"{_line(figure)}{name}, figure {index}")
            for index, figure in enumerate(figures, start=1)
        ],
    )


@dataclass(frozen=True)
class LabelledSet:
    items: list[Item]
    # Only figures of an indicator are labelled.
    indicators_only: bool = False
    # The catalogue's indicators when the set was labelled (None: all): a
    # figure of one added since is neither found nor extra.
    scored: frozenset[str] | None = None

    def kept(self, figures: list[Figure]) -> list[Figure]:
        """The extracted figures the set's labels can judge."""
        return [
            figure
            for figure in figures
            if (figure.indicator_id or not self.indicators_only)
            and (
                self.scored is None
                or figure.indicator_id is None
                or figure.indicator_id in self.scored
            )
        ]


def read_set(path: Path, data: Path | None = None) -> LabelledSet:
    """The set's items, whether only indicator figures are labelled, and the
    indicators it labels."""
    try:
        loaded = load_lined_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise LabelledSetError(f"not a labelled set: {error}") from None
    indicators_only = False
    scored = None
    if isinstance(loaded, dict):
        labelled = loaded.get("labelled", "all")
        if labelled not in ("all", "indicators"):
            raise LabelledSetError(
                f"labelled {labelled!r} must be 'all' or 'indicators'"
            )
        indicators_only = labelled == "indicators"
        if "indicators" in loaded:
            ids = loaded["indicators"]
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                raise LabelledSetError("indicators must be a list of indicator ids")
            scored = frozenset(ids)
        loaded = loaded.get("items")
    if not isinstance(loaded, list):
        raise LabelledSetError("a labelled set is a list of items")
    texts = RecordTexts()
    items = [
        _item(entry, number, data, texts)
        for number, entry in enumerate(loaded, start=1)
    ]
    return LabelledSet(items, indicators_only, scored)


def _missed(item: Item, wanted: Expected) -> str:
    period = wanted.period if wanted.labelled("period") else ""
    return (
        f"  missed   {item.name}: {wanted.indicator} "
        f"{wanted.written or wanted.value} {period}"
    ).rstrip()


def _not_right(item: Item, figure: Figure, wanted: Expected | None) -> str:
    """A figure extracted but not labelled, or found with a field other than
    labelled."""
    what = f"{figure.indicator_id} {figure.text!r} {figure.period} {figure.scope}"
    if wanted is None:
        return f"  extra    {item.name}: {what} | {figure.quote[:160]}"
    wrong = ", ".join(
        f"{name} {getattr(wanted, name)!r}"
        for name in ("value_max", *ATTRIBUTES)
        if not agrees(figure, wanted, name)
    )
    return f"  labelled {item.name}: {what}, labelled {wrong}"


def evaluate(
    path: str | Path,
    catalogue: Catalogue,
    places: PlaceScopes = NO_PLACES,
    *,
    data: Path | None = None,
    show: bool = False,
) -> Scores:
    """Score ``extract_figures`` on the labelled set at ``path`` (``places``:
    the regencies and cities named bare, ``place_scopes``; ``data``: the
    folder of the records the set's items name). With ``show``, the report
    lists each figure missed, extracted but not labelled, or found with a
    field other than labelled."""
    labelled = read_set(Path(path), data)
    scores = Scores(items=len(labelled.items))
    started = time.perf_counter()
    for item in labelled.items:
        figures = extract_figures(
            item.text,
            catalogue=catalogue,
            article_date=item.date,
            region=item.region,
            places=places,
        )
        figures = labelled.kept(figures)
        pairs = scores.add(figures, item.figures)
        if show:
            matched = {id(wanted) for _, wanted in pairs if wanted is not None}
            scores.misses += [
                _missed(item, wanted)
                for wanted in item.figures
                if id(wanted) not in matched
            ]
            scores.misses += [
                _not_right(item, figure, wanted)
                for figure, wanted in pairs
                if wanted is None or not right(figure, wanted)
            ]
    scores.seconds = time.perf_counter() - started
    return scores
