"""Place names from the authority files, for datelines and regions: the
provinces and regions of ``regions.yaml`` and every regency and city of
``places.yaml``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from warta.authority import (
    REGIONS_FILE,
    ProvincePlaces,
    Region,
    load_places,
    read_entries,
)

_PREFIXES = ("kabupaten ", "kota ", "provinsi ")
_ADMINISTRATIVE = re.compile(r"(?P<kind>kabupaten|kab\.|kota)\s*(?P<name>\S.*)", re.I)


def squash(text: str) -> str:
    """``"BANDARLAMPUNG"`` and ``"Bandar Lampung"`` -> ``"bandarlampung"``."""
    return re.sub(r"[^a-z]", "", text.casefold())


@dataclass(frozen=True)
class Place:
    name: str  # as written in a dateline: "Bandar Lampung"
    province: str | None  # "Lampung"


class Gazetteer:
    """Looks up a dateline place, however it is spaced or cased."""

    def __init__(self, places: dict[str, Place]) -> None:
        self._places = places

    @classmethod
    def of(
        cls, regions: Iterable[Region], places: Iterable[ProvincePlaces] = ()
    ) -> Gazetteer:
        """The places of the regions, then of ``places`` for the names the
        regions do not hold (a regency's seat as itself, in its province). A
        regency and a city of one name: the city, in a dateline. A name that
        places of two provinces share ("Banjar") gives its place, with no
        province."""
        regions = [r for r in regions if r.kind in ("province", "regency", "city")]
        by_id = {region.id: region for region in regions}
        found: dict[str, Place] = {}
        for region in regions:
            name = _short_name(region.name)
            parent = by_id.get(region.parent or "")
            province = region if region.kind == "province" else parent
            province_name = _short_name(province.name) if province else None
            for label in [region.name, name, *region.aliases]:
                key = squash(_short_name(label))
                if key not in found or region.kind == "city":
                    # A dateline naming a province names its capital, as
                    # written ("Jakarta", not "Daerah Khusus Ibukota Jakarta").
                    shown = _short_name(label) if region.kind == "province" else name
                    found[key] = Place(name=shown, province=province_name)
        known = set(found)
        for entry in places:
            province = by_id.get(entry.province)
            province_name = _short_name(province.name) if province else None
            names = [(name, name) for name in (*entry.regencies, *entry.cities)]
            seats = [(seat, seat) for seat, _ in entry.seats]
            for label, name in [*names, *entry.aliases, *seats]:
                key = squash(label)
                if key in known:
                    continue
                other = found.get(key)
                shared = other is not None and other.province != province_name
                found[key] = Place(name, None if shared else province_name)
        return cls(found)

    @classmethod
    def load(cls, folder: str | Path) -> Gazetteer:
        """The places of the authority folder: ``regions.yaml`` (its entries
        as they are: ``invoke check`` reports their faults) and ``places.yaml``.

        Raise ``AuthorityError`` if ``places.yaml`` holds faults or
        ``regions.yaml`` cannot be read (YAML syntax, encoding, shape)."""
        folder = Path(folder)
        regions = _read_regions(folder / REGIONS_FILE)
        provinces = [region.id for region in regions if region.kind == "province"]
        return cls.of(regions, load_places(folder, provinces if regions else None))

    def find(self, raw: str) -> Place | None:
        """The place ``raw`` names, if the authority files have it; a regency or
        city named with "Kabupaten" or "Kota" keeps the word ("KABUPATEN
        BEKASI": Kabupaten Bekasi, Jawa Barat)."""
        found = self._places.get(squash(raw))
        if found is not None:
            return found
        prefixed = _ADMINISTRATIVE.match(raw.strip())
        place = self._places.get(squash(prefixed["name"])) if prefixed else None
        if place is None:
            return None
        kind = "Kota" if prefixed["kind"].casefold() == "kota" else "Kabupaten"
        return Place(f"{kind} {place.name}", place.province)

    def lookup(self, raw: str) -> Place:
        found = self.find(raw)
        if found:
            return found
        return Place(name=raw.strip().title(), province=None)


def _read_regions(path: Path) -> list[Region]:
    """The regions of a regions file, those it names well enough."""
    entries = read_entries(path)
    return [
        Region(entry["id"], entry["name"], entry.get("kind"), entry.get("parent"),
               tuple(entry.get("aliases") or ()))
        for entry in entries
        if isinstance(entry, dict) and entry.get("id") and entry.get("name")
    ]  # fmt: skip


def _short_name(name: str) -> str:
    lowered = name.casefold()
    for prefix in _PREFIXES:
        if lowered.startswith(prefix):
            return name[len(prefix) :]
    return name
