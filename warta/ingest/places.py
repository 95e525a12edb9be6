"""Place names from the authority files, for datelines and regions: the
provinces and regions of ``regions.yaml`` and every regency and city of
``places.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from warta.authority import REGIONS_FILE, load_places

_PREFIXES = ("kabupaten ", "kota ", "provinsi ")


def squash(text: str) -> str:
    """``"BANDARLAMPUNG"`` and ``"Bandar Lampung"`` -> ``"bandarlampung"``."""
    return re.sub(r"[^a-z]", "", text.casefold())


@dataclass(frozen=True)
class Place:
    name: str  # as written in a dateline: "Bandar Lampung"
    province: str | None  # "Lampung"


class Gazetteer:
    """Looks up a dateline place, however it is spaced or cased."""

    def __init__(
        self, places: dict[str, Place], province_names: dict[str, str] | None = None
    ) -> None:
        self._places = places
        self._province_names = province_names or {}  # by region id

    @classmethod
    def load(cls, folder: str | Path) -> Gazetteer:
        """The places of the authority folder: ``regions.yaml``, then
        ``places.yaml`` for the names it does not hold. A name that places
        of two provinces share ("Banjar") gives its place, with no province.

        Raise ``AuthorityError`` if ``places.yaml`` holds faults."""
        folder = Path(folder)
        gazetteer = cls.from_regions_file(folder / REGIONS_FILE)
        known = set(gazetteer._places)
        found: dict[str, Place] = {}
        for entry in load_places(folder):
            province = gazetteer._province_names.get(entry.province)
            province = _short_name(province) if province else None
            # A city after a regency of its name, which it is named as.
            names = [(name, name) for name in (*entry.regencies, *entry.cities)]
            for label, name in [*names, *entry.aliases]:
                key = squash(label)
                if key in known:
                    continue
                other = found.get(key)
                shared = other is not None and other.province != province
                found[key] = Place(name=name, province=None if shared else province)
        gazetteer._places.update(found)
        return gazetteer

    @classmethod
    def from_regions_file(cls, path: str | Path) -> Gazetteer:
        path = Path(path)
        if not path.is_file():
            return cls({})
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        by_id = {entry["id"]: entry for entry in entries if isinstance(entry, dict)}
        places: dict[str, Place] = {}
        for entry in by_id.values():
            kind = entry.get("kind")
            if kind not in ("province", "regency", "city"):
                continue
            name = _short_name(entry["name"])
            parent = by_id.get(entry.get("parent") or "")
            province = (
                entry["name"]
                if kind == "province"
                else (parent["name"] if parent else None)
            )
            province = _short_name(province) if province else None
            for label in [entry["name"], name, *(entry.get("aliases") or [])]:
                # A regency and a city may share a name; the city wins in a dateline.
                key = squash(_short_name(label))
                if key not in places or kind == "city":
                    # A dateline naming a province names its capital, as
                    # written ("Jakarta", not "Daerah Khusus Ibukota Jakarta").
                    shown = _short_name(label) if kind == "province" else name
                    places[key] = Place(name=shown, province=province)
        provinces = {
            ident: entry["name"]
            for ident, entry in by_id.items()
            if entry.get("kind") == "province"
        }
        return cls(places, provinces)

    def find(self, raw: str) -> Place | None:
        """The place ``raw`` names, if the regions file has it."""
        return self._places.get(squash(raw))

    def lookup(self, raw: str) -> Place:
        found = self.find(raw)
        if found:
            return found
        return Place(name=raw.strip().title(), province=None)


def _short_name(name: str) -> str:
    lowered = name.casefold()
    for prefix in _PREFIXES:
        if lowered.startswith(prefix):
            return name[len(prefix) :]
    return name
