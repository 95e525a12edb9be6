"""Regencies and cities named bare ("inflasi tertinggi di Banyuwangi 0,63
persen", "Dinas Kesehatan Sidoarjo"), from ``places.yaml``: how each is
written in full, as a figure's scope (``warta.indicators.extract``) and in a
discovered office's name (``warta.discovery``).

A name only a regency bears is "Kabupaten X", one only a city bears "Kota X"
(an alias: its place's, "Solo" is "Kota Surakarta"); a name a regency and a
city share, or places of two provinces ("Bekasi", "Banjar"), is written as it
stands.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from warta.authority import ProvincePlaces
from warta.name_words import word_set
from warta.normalize import normalize

# Names that are also common words ("batu", "malang"): a sentence opening
# with one ("Batu bara ...") names no place by it.
COMMON_WORD_NAMES = word_set(
    "batu batang pati malang metro padang medan landak lebak buru toba bone "
    "sigi lingga kaur karo ende alor tual palu"
)
# Words that make the place name after them part of a facility's or an
# institution's name ("Stasiun Manggarai", "Universitas Jember"): not the
# place a figure is of.
FACILITY_WORDS = word_set(
    "stasiun bandara pelabuhan terminal tol jalan jl universitas institut "
    "politeknik sekolah gunung sungai danau pantai"
)
# Names never taken bare: "Puncak" is the hills south of Bogor far more often
# than the regency in Papua Tengah.
NEVER_BARE = word_set("puncak")


@dataclass(frozen=True)
class PlaceScopes:
    """Folded names (as word tuples) -> the scope written for them."""

    names: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    first_words: frozenset[str] = frozenset()
    longest: int = 0
    fingerprint: str = ""

    @classmethod
    def of(
        cls, places: Sequence[ProvincePlaces], known: Iterable[tuple[str, ...]] = ()
    ) -> PlaceScopes:
        """The scopes of ``places``' regencies, cities and aliases, less the
        names ``known`` holds (the extractor's own)."""
        kinds: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for entry in places:
            for name in entry.regencies:
                kinds[name].add(("Kabupaten", entry.province))
            for name in entry.cities:
                kinds[name].add(("Kota", entry.province))
        aliases = {alias: name for entry in places for alias, name in entry.aliases}
        for alias, name in aliases.items():
            kinds.setdefault(alias, set()).update(kinds.get(name, set()))
        taken = set(known)
        names: dict[tuple[str, ...], str] = {}
        for name, held in sorted(kinds.items()):
            words = tuple(normalize(name).split())
            if not words or words in taken or " ".join(words) in NEVER_BARE:
                continue
            if len(held) == 1:
                kind, _ = next(iter(held))
                names[words] = f"{kind} {aliases.get(name, name)}"
            else:
                names[words] = name
        digest = hashlib.sha256(repr(sorted(names.items())).encode("utf-8"))
        return cls(
            names,
            frozenset(words[0] for words in names),
            max(map(len, names), default=0),
            digest.hexdigest(),
        )

    def at(self, words: list[str], index: int) -> tuple[str, int] | None:
        """The scope of the longest name at ``words[index]`` and the index
        after it, if one starts there."""
        if words[index] not in self.first_words:
            return None
        for size in range(min(self.longest, len(words) - index), 0, -1):
            found = self.names.get(tuple(words[index : index + size]))
            if found is not None:
                return found, index + size
        return None


NO_PLACES = PlaceScopes()
