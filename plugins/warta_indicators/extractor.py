"""Extract every article's figures once reading is done (cached by text)."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from warta.cache import JsonCache, flat_record
from warta.corpus import rendered_text
from warta.indicators.catalogue import IndicatorCatalogueError, load_catalogue
from warta.indicators.extract import Figure, extract_figures
from warta.indicators.series import KIND_LABELS, format_figure, group_by_indicator
from warta.parallel import map_on_cores

logger = logging.getLogger(__name__)
CONTEXT_KEY = "warta_indicators"
CACHE_VERSION = "2"  # bump when extraction changes: cached figures are dropped


@dataclass(frozen=True)
class FigureView:
    """A figure with what a template shows beside it."""

    figure: Figure
    name: str | None  # the indicator's name; None when unclassified
    url: str | None
    value_text: str
    kind_text: str


def catalogue_path(settings) -> Path:
    return Path(settings["PATH"]) / "authority" / "indicators.yaml"


def _key(fingerprint: str, text: str, date, region) -> str:
    digest = hashlib.sha256()
    for part in (CACHE_VERSION, fingerprint, str(date), str(region), text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _records(figures: list[Figure]) -> list[dict]:
    return [flat_record(figure) for figure in figures]


def extract_articles(generator) -> None:
    settings = generator.settings
    try:
        catalogue = load_catalogue(catalogue_path(settings))
    except IndicatorCatalogueError as error:
        for fault in error.errors:
            logger.error("%s", fault)
        raise
    names = {indicator.id: indicator.name for indicator in catalogue.indicators}
    cache = JsonCache.load(
        Path(os.path.join(settings.get("CACHE_PATH", "cache"), "warta-figures.json"))
    )
    started = time.perf_counter()
    keys, extracted = [], []
    for article in generator.articles:
        text = rendered_text(article)
        region = article.metadata.get("region")
        keys.append(_key(catalogue.fingerprint, text, article.date.date(), region))
        flat = cache.get_json(keys[-1])
        extracted.append(None if flat is None else [Figure(**r) for r in flat])
    pending = [index for index, found in enumerate(extracted) if found is None]

    def extract(index: int) -> list[Figure]:
        # The text is made again here rather than kept for every article.
        article = generator.articles[index]
        return extract_figures(
            rendered_text(article),
            catalogue=catalogue,
            article_date=article.date.date(),
            region=article.metadata.get("region"),
        )

    # Extraction is pure: uncached articles are done on every core.
    for index, figures in zip(pending, map_on_cores(extract, pending), strict=True):
        cache.put_object(keys[index], figures, _records)
        extracted[index] = figures
    found = []
    for article, figures in zip(generator.articles, extracted, strict=True):
        article.figures = [
            FigureView(
                figure,
                names.get(figure.indicator_id),
                f"indikator/{figure.indicator_id}/" if figure.indicator_id else None,
                format_figure(figure),
                KIND_LABELS.get(figure.kind, figure.kind),
            )
            for figure in figures
        ]
        found.append((article, figures))
    cache.save()
    logger.info(
        "figures of %d articles in %.2f s (%d from cache)",
        len(found),
        time.perf_counter() - started,
        cache.hits,
    )
    generator.context[CONTEXT_KEY] = {
        "catalogue": catalogue,
        "groups": group_by_indicator(found),
    }
