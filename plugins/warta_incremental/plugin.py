"""Signal hookups only: the memoising writer, articles kept as read, and the
sweep after the build."""

from __future__ import annotations

import logging

from pelican import signals

from warta.incremental import remove_stale

from .articles import keep_articles_read, leave_content_cache, report_articles_read
from .writer import MemoWriter, begin_build, finish_build, reading_digest

logger = logging.getLogger(__name__)


def _enabled(pelican) -> bool:
    return bool(pelican.settings.get("WARTA_INCREMENTAL"))


def on_initialized(pelican) -> None:
    if _enabled(pelican):
        begin_build(pelican.settings)
        if leave_content_cache(pelican.settings, reading_digest(pelican.settings)):
            logger.info("content cache not loaded: articles kept as read")


def on_article_generator_init(generator) -> None:
    if generator.settings.get("WARTA_INCREMENTAL"):
        keep_articles_read(generator, reading_digest(generator.settings))


def get_writer(pelican):
    # Every build: it paginates listings from their oldest end; an
    # incremental build's also keeps the pages whose inputs are unchanged.
    return MemoWriter


def on_finalized(pelican) -> None:
    if not _enabled(pelican):
        return
    memo = finish_build(pelican.settings)
    if memo is None:
        return
    removed = remove_stale(memo)
    memo.save()
    for key in memo.rendered_keys:
        changed = memo.changed_inputs.get(key)
        logger.debug("incremental: rendered %s %s", key, ",".join(changed or ["-"]))
    for name in removed:
        logger.debug("incremental: removed %s", name)
    files = sum(1 for key in memo.rendered_keys if key.startswith("file:"))
    logger.info(
        "incremental: %d pages rendered, %d kept, %d stale files removed; "
        "%d data files written, %d kept",
        len(memo.rendered_keys) - files,
        memo.kept["page"] + memo.kept["feed"],
        len(removed),
        files,
        memo.kept["file"],
    )


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.get_writer.connect(get_writer)
    signals.article_generator_init.connect(on_article_generator_init)
    signals.article_generator_pretaxonomy.connect(report_articles_read)
    signals.finalized.connect(on_finalized)
