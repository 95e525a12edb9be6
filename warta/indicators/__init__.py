"""Economic indicators: the catalogue, and the figures news text reports.

``load_catalogue`` reads ``content/authority/indicators.yaml``;
``extract_figures`` finds the figures in a text with their indicator, value,
unit, period, scope and kind. Free of Pelican.
"""

from warta.indicators.catalogue import (
    Catalogue,
    Indicator,
    IndicatorCatalogueError,
    load_catalogue,
)
from warta.indicators.extract import Figure, extract_figures

__all__ = [
    "Catalogue",
    "Figure",
    "Indicator",
    "IndicatorCatalogueError",
    "extract_figures",
    "load_catalogue",
]
