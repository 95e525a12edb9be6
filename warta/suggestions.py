"""The small index behind the search page's typo-tolerant entity suggestions.

Pagefind has no typo tolerance; this list of every agency, person and indicator
with its names, acronyms, aliases and rule-made variants (normalised) lets the
browser match "Dtjen IKM" or "kemenprin" to the right page by edit distance.
"""

from __future__ import annotations

from collections.abc import Iterable

from warta.authority import Authority
from warta.normalize import normalize, variants

KIND_INDEX = {"agency": 0, "person": 1, "indicator": 2}


def _labels(names: Iterable[str]) -> list[str]:
    found: dict[str, None] = {}
    for name in names:
        found[normalize(name)] = None
        # Sorted: a set's order changes from run to run, the output must not.
        for variant in sorted(variants(name)):
            found[variant] = None
    return [label for label in found if label]


def suggestion_entries(authority: Authority, indicators: Iterable) -> list[list]:
    """``[name, url, kind index, [labels]]`` for every entity and indicator."""
    entries = []
    for agency in authority.agencies:
        labels = _labels(agency.labels)
        entries.append([agency.name, f"lembaga/{agency.id}/", 0, labels])
    for person in authority.people:
        labels = _labels([person.name, *person.aliases])
        entries.append([person.name, f"tokoh/{person.id}/", 1, labels])
    for indicator in indicators:
        phrases = [phrase for phrase in indicator.phrases if "..." not in phrase]
        labels = _labels([indicator.name, *phrases])
        entries.append([indicator.name, f"indikator/{indicator.id}/", 2, labels])
    return entries
