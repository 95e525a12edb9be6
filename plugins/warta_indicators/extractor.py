"""Extract every article's figures once reading is done (cached by text)."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pelican.contents import Article

from warta.ahead import ReadAhead, Remembered
from warta.authority import load_places
from warta.cache import JsonCache, flat_record
from warta.corpus import rendered_text, rendered_text_inputs
from warta.errors import AuthorityError, ContentError
from warta.incremental import KeepsItsDigest
from warta.indicators.catalogue import (
    Catalogue,
    IndicatorCatalogueError,
    load_catalogue,
)
from warta.indicators.extract import (
    Figure,
    extract_figures,
    place_scopes,
    unclassify,
)
from warta.indicators.series import KIND_LABELS, format_figure, group_by_indicator
from warta.kept import CarriedOver
from warta.parallel import map_on_cores
from warta.regencies import PlaceScopes
from warta.tagging import split_ids, unknown_indicator_ids

logger = logging.getLogger(__name__)
CONTEXT_KEY = "warta_indicators"
CACHE_VERSION = "71"  # bump when extraction changes: cached figures are dropped


@dataclass(frozen=True, slots=True)
class FigureView(KeepsItsDigest):
    """A figure with what a template shows beside it. Carried from build to
    build with its article's ``FigureViews`` and keeping its digest: an
    indicator page lists its own figures' views, so its digest changes with
    them alone and takes each in one step (``warta.incremental``)."""

    figure: Figure
    name: str | None  # the indicator's name; None when unclassified
    url: str | None
    value_text: str
    kind_text: str


@dataclass(frozen=True)
class IndicatorLink:
    """What a template needs to link to an indicator an article is of."""

    # One per indicator and build, digested once while it lives.
    __digest_stored__ = True

    id: str
    name: str
    url: str


class FigureViews(tuple):
    """An article's figures as shown: carried from build to build by a
    process that builds again (see ``extract_articles``), so digested once
    while it lives (``warta.incremental``)."""

    __digest_stored__ = True


def catalogue_path(settings) -> Path:
    return Path(settings["PATH"]) / "authority" / "indicators.yaml"


def _key(fingerprint: str, text: str, date, region) -> str:
    digest = hashlib.sha256()
    for part in (CACHE_VERSION, fingerprint, str(date), str(region), text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _figures(records: list[dict]) -> list[Figure]:
    return [Figure(**record) for record in records]


def _records(figures: list[Figure]) -> list[dict]:
    return [flat_record(figure) for figure in figures]


@dataclass
class ExtractionPlan:
    """One build's catalogue, places and cache, shared by the work ahead and
    ``extract_articles``."""

    catalogue: Catalogue
    places: PlaceScopes
    cache: JsonCache
    # Keys the last build of this process worked out, by what it read.
    carried: CarriedOver
    # Each article's cache key, worked out as it was read.
    keys: Remembered = field(default_factory=Remembered)

    @classmethod
    def start(cls, settings) -> ExtractionPlan:
        """Raise ``IndicatorCatalogueError`` or ``AuthorityError`` (a faulty
        ``places.yaml``) naming file, line, reason."""
        catalogue = load_catalogue(catalogue_path(settings))
        places = place_scopes(load_places(catalogue_path(settings).parent, None))
        cache_dir = settings.get("CACHE_PATH", "cache")
        cache = JsonCache.load(Path(cache_dir) / "warta-figures.json")
        fingerprint = catalogue.fingerprint + places.fingerprint
        return cls(catalogue, places, cache, CarriedOver("figure keys", fingerprint))

    @property
    def fingerprint(self) -> str:
        """What every figure depends on besides its article."""
        return self.catalogue.fingerprint + self.places.fingerprint

    def key_of(self, article) -> str:
        """The cache key of ``article``'s figures: as ``job`` worked it out
        while the article was read, else now."""
        key = self.keys.get(article)
        return key if key is not None else self._key_and_text(article)[0]

    @staticmethod
    def item(article, text: str) -> tuple:
        """What ``work`` needs of ``article`` (``text``: its rendered text)."""
        return text, article.date.date(), article.metadata.get("region")

    def job(self, article) -> tuple[str, tuple] | None:
        """What the work ahead does for ``article``: nothing when cached."""
        key, text = self._key_and_text(article)
        self.keys.put(article, key)
        if self.cache.has(key):
            return None
        return key, self.item(article, rendered_text(article) if text is None else text)

    def _key_and_text(self, article) -> tuple[str, str | None]:
        """The key, as the last build found it for the same inputs, else
        worked out from the article's text (then returned too)."""
        inputs = (
            *rendered_text_inputs(article),
            article.date.date(),
            article.metadata.get("region"),
        )
        key, text = self.carried.get(inputs), None
        if key is None:
            text = rendered_text(article)
            key = _key(self.fingerprint, text, *inputs[2:])
        self.carried.put(inputs, key)
        return key, text

    def work(self, job: tuple) -> list[Figure]:
        text, date, region = job
        return extract_figures(
            text,
            catalogue=self.catalogue,
            article_date=date,
            region=region,
            places=self.places,
        )


# Extraction begun as each article is read (see ``warta.ahead``).
AHEAD = ReadAhead(ExtractionPlan.start)


def extract_ahead(content) -> None:
    """Hand a freshly read article to the work ahead."""
    if isinstance(content, Article) and content.status == "published":
        AHEAD.offer(content.settings, content)


def _view(figure: Figure, pages: dict[str, tuple[str, str]]) -> FigureView:
    name, url = pages.get(figure.indicator_id, (None, None))
    kind = KIND_LABELS.get(figure.kind, figure.kind)
    return FigureView(figure, name, url, format_figure(figure), kind)


def suppressed_indicators(metadata: dict, catalogue: Catalogue) -> frozenset[str]:
    """The indicators an editor's ``Suppress:`` names for an article."""
    named = split_ids(metadata.get("suppress"))
    return frozenset(item for item in named if item in catalogue.by_id)


def added_indicators(article, catalogue: Catalogue) -> tuple[str, ...]:
    """The indicators an editor's ``Indicators:`` adds to an article; an id
    the catalogue does not hold is logged as an error naming the file."""
    value = article.metadata.get("indicators")
    for fault in unknown_indicator_ids(value, catalogue.by_id):
        logger.error("%s", ContentError(article.source_path, None, fault))
    return tuple(item for item in split_ids(value) if item in catalogue.by_id)


def article_indicators(
    views: Sequence[FigureView],
    added: Sequence[str],
    links: dict[str, IndicatorLink],
) -> tuple[IndicatorLink, ...]:
    """The indicators an article is of: its figures', in the order they
    stand, then those its editor added."""
    ids = [view.figure.indicator_id for view in views if view.figure.indicator_id]
    return tuple(links[item] for item in dict.fromkeys([*ids, *added]))


def extract_articles(generator) -> None:
    plan, ahead = AHEAD.take(generator.settings)
    try:
        plan = plan or ExtractionPlan.start(generator.settings)
    except (IndicatorCatalogueError, AuthorityError) as error:
        for fault in error.errors:
            logger.error("%s", fault)
        error.logged = True
        raise
    catalogue, cache = plan.catalogue, plan.cache
    # Each indicator's name and page, one string each for all its figures.
    pages = {
        indicator.id: (indicator.name, f"indikator/{indicator.id}/")
        for indicator in catalogue.indicators
    }
    links = {
        item: IndicatorLink(item, name, url) for item, (name, url) in pages.items()
    }
    started = time.perf_counter()
    keys, extracted = [], []
    while_reading = 0
    for article in generator.articles:
        keys.append(plan.key_of(article))
        figures = ahead.get(keys[-1])
        if figures is not None:
            cache.put_object(keys[-1], figures, _records)
            while_reading += 1
        else:
            figures = cache.get_object(keys[-1], _figures, _records)
        extracted.append(figures)
    pending = [index for index, found in enumerate(extracted) if found is None]

    def extract(index: int) -> list[Figure]:
        # The text is made again here rather than kept for every article.
        article = generator.articles[index]
        return plan.work(plan.item(article, rendered_text(article)))

    # Extraction is pure: uncached articles are done on every core.
    for index, figures in zip(pending, map_on_cores(extract, pending), strict=True):
        cache.put_object(keys[index], figures, _records)
        extracted[index] = figures
    found = []
    # Articles an editor added to an indicator that hold no figure of it.
    added_to: dict[str, list] = {}
    # An article's figures as shown, by their cache key: made once in a
    # process that builds again (150,000 figures formatted at 20,000 articles).
    shown = CarriedOver("figures shown", plan.fingerprint)
    for article, key, figures in zip(generator.articles, keys, extracted, strict=True):
        suppressed = suppressed_indicators(article.metadata, catalogue)
        if suppressed:
            figures = unclassify(figures, suppressed)
            key = f"{key} suppress {' '.join(sorted(suppressed))}"
        article.figures = shown.once(
            key,
            lambda figures=figures: FigureViews(_view(f, pages) for f in figures),
        )
        # Over the metadata's string, as the entities plugin does for Agencies.
        added = added_indicators(article, catalogue)
        article.indicators = article_indicators(article.figures, added, links)
        of_figures = {view.figure.indicator_id for view in article.figures}
        for item in added:
            if item not in of_figures:
                added_to.setdefault(item, []).append(article)
        found.append((article, article.figures))
    cache.save()
    logger.info(
        "figures of %d articles in %.2f s (%d from cache, %d while reading)",
        len(found),
        time.perf_counter() - started,
        cache.hits,
        while_reading,
    )
    generator.context[CONTEXT_KEY] = {
        "catalogue": catalogue,
        "groups": group_by_indicator(found, lambda view: view.figure),
        "added": added_to,
    }
