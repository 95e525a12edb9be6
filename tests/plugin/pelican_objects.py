"""Real Pelican objects for plugin tests: settings from pelicanconf, a generator."""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]


def settings_for(tmp_path: Path, content: Path) -> dict:
    """The project's settings, pointed at ``content`` and private output/cache."""
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
        },
    )


def articles_generator(settings: dict) -> ArticlesGenerator:
    """An ArticlesGenerator as Pelican builds one (its context not yet read)."""
    context = settings.copy()
    context.update(generated_content={}, static_links=set(), static_content={})
    return ArticlesGenerator(
        context=context,
        settings=settings,
        path=settings["PATH"],
        theme=settings["THEME"],
        output_path=settings["OUTPUT_PATH"],
    )


def generate(settings: dict) -> ArticlesGenerator:
    generator = articles_generator(settings)
    generator.generate_context()
    return generator


@contextlib.contextmanager
def slow_reading(seconds: float):
    """Each content object takes ``seconds`` longer to read: the workers that
    start while Pelican reads get ahead of it, as on a large site."""

    def pause(_sender, **_kwargs) -> None:
        time.sleep(seconds)

    signals.content_object_init.connect(pause)
    try:
        yield
    finally:
        signals.content_object_init.disconnect(pause)


def counts(message: str) -> tuple[int, int]:
    """``(from cache, while reading)`` of a tagging or figures log line."""
    found = re.search(r"\((\d+) from cache, (\d+) while reading\)$", message)
    assert found, message
    return int(found[1]), int(found[2])
