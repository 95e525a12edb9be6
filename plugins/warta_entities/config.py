"""This plugin's settings, read once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class EntityConfig:
    authority_dir: Path
    cache_path: Path | None
    workers: int | None = None  # processes for tagging; None: every usable core

    @classmethod
    def from_settings(cls, settings: dict) -> EntityConfig:
        options = settings.get("WARTA_ENTITIES", {})
        authority = Path(
            options.get("authority_dir") or Path(settings["PATH"]) / "authority"
        )
        cache = options.get("cache_path", "default")
        if cache == "default":
            cache = os.path.join(settings.get("CACHE_PATH", "cache"), "warta-tags.json")
        return cls(
            authority_dir=authority,
            cache_path=Path(cache) if cache else None,
            workers=options.get("workers"),
        )
