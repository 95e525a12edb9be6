"""Signal hookups: strict reader, one URL per article, cheaper writing, and
the garbage collector run less often during a build."""

from __future__ import annotations

import logging
from collections import defaultdict

from pelican import signals

from warta.errors import ContentError
from warta.memory import collect_as_usual, collect_less_often

from .reader import StrictMarkdownReader
from .speed import (
    archive_periods_in_linear_time,
    forget_rendered_text,
    freeze_paths,
    freeze_urls,
    index_taxonomies,
    release_content_cache,
    save_content_cache_when_changed,
    share_taxonomies,
    skip_unused_generator_cache,
    source_paths_as_made,
)

logger = logging.getLogger(__name__)


class DuplicateUrlError(ContentError):
    """Two content files would be written to the same URL."""


def use_strict_reader(readers) -> None:
    for extension in StrictMarkdownReader.file_extensions:
        readers.reader_classes[extension] = StrictMarkdownReader


def _markdown_reader(generator) -> StrictMarkdownReader | None:
    reader = generator.readers.readers.get("md")
    return reader if isinstance(reader, StrictMarkdownReader) else None


def read_ahead(generator) -> None:
    if (reader := _markdown_reader(generator)) is not None:
        reader.read_ahead(generator)


def stop_reading_ahead(generator) -> None:
    if (reader := _markdown_reader(generator)) is None:
        return
    worked = reader.ahead is not None
    used = reader.stop_ahead()
    if worked:
        logger.info(
            "read %d of %d articles on a second core", used, len(generator.articles)
        )


def reject_duplicate_urls(generator) -> None:
    """Fail on articles that share an output file; name every pair.

    Left alone, Pelican's writer would stop on the second file with no word of
    which source files collided.
    """
    by_target = defaultdict(list)
    for article in [*generator.articles, *generator.translations, *generator.drafts]:
        by_target[article.save_as].append(article.source_path)
    clashes = {target: paths for target, paths in by_target.items() if len(paths) > 1}
    for target, paths in sorted(clashes.items()):
        first, *others = sorted(paths)
        for other in others:
            logger.error(
                "%s: same URL as %s (%s); give one of them another Slug",
                other,
                first,
                target,
            )
    if clashes:
        target, paths = sorted(clashes.items())[0]
        raise DuplicateUrlError(
            sorted(paths)[1], None, f"{len(clashes)} URL(s) claimed by several files"
        )


def fewer_collections(_pelican) -> None:
    collect_less_often()
    # Back to the usual collections after every other receiver of the
    # build's end: with full collections back, saving the page memo (13 MB of
    # JSON at 20,000 articles) took 1.3-2.4 s instead of 0.1-0.2 s.
    signals.finalized.disconnect(usual_collections)
    signals.finalized.connect(usual_collections)


def usual_collections(_pelican) -> None:
    collect_as_usual()


def register() -> None:
    signals.initialized.connect(fewer_collections)
    signals.readers_init.connect(use_strict_reader)
    signals.content_object_init.connect(freeze_paths)
    signals.content_object_init.connect(share_taxonomies)
    signals.article_generator_init.connect(read_ahead)
    signals.article_generator_init.connect(archive_periods_in_linear_time)
    signals.article_generator_init.connect(save_content_cache_when_changed)
    signals.article_generator_init.connect(skip_unused_generator_cache)
    signals.article_generator_init.connect(source_paths_as_made)
    signals.article_generator_pretaxonomy.connect(stop_reading_ahead)
    signals.article_generator_finalized.connect(reject_duplicate_urls)
    signals.article_generator_finalized.connect(index_taxonomies)
    signals.article_generator_finalized.connect(release_content_cache)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.finalized.connect(forget_rendered_text)
