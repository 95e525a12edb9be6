"""Settings this plugin reads, read once into a typed, validated object."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class ContentConfig:
    """Where articles live, as absolute paths."""

    article_dirs: tuple[str, ...]

    @classmethod
    def from_settings(cls, settings: dict) -> ContentConfig:
        base = os.path.abspath(settings["PATH"])
        dirs = tuple(
            os.path.normpath(os.path.join(base, sub))
            for sub in settings.get("ARTICLE_PATHS") or [""]
        )
        return cls(article_dirs=dirs)

    def is_article(self, path: str) -> bool:
        path = os.path.abspath(path)
        return any(
            os.path.commonpath([path, folder]) == folder for folder in self.article_dirs
        )
