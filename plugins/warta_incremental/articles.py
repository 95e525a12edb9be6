"""Articles kept as read by a process that builds again (``make serve``).

Pelican makes every article anew in each build: it looks the file up in its
content cache, works out the default, path and file metadata, makes the
``Article`` (slug, dates, time zone, locale date) and sends
``content_object_init``, whose receivers freeze the URL and output file. For
an unchanged file of an unchanged build (same settings, same code) all of
that gives what it gave last time. Here the article's attributes as they
stood after its first reading are kept, and the next build of this process
makes the article from them: containers copied (a build may change its
article's lists and metadata), the rest shared, the build's own settings and
context set, the warnings its reading logged logged again, and the signals
Pelican sends while reading sent again so that the tagger and the figures
still get the article as it is read.

Only where that is sound: articles dated in the future published (else
Pelican makes them drafts until their date comes), receivers of
``content_object_init`` that find an article the same whether they met it
before or not (the project's own, named below), no receiver of the metadata
before the article is made (``article_generator_context``, which could change
it), and articles only.
"""

from __future__ import annotations

import logging
import os
import weakref
from collections import Counter
from dataclasses import dataclass

from blinker import Signal
from pelican import signals
from pelican.contents import Article

from warta.incremental import collecting_notes, replay_notes
from warta.kept import file_stamp, kept_while_equal

logger = logging.getLogger(__name__)

# ``content_object_init`` receivers that, met again by an article made from
# what they left, leave it as it is: ``freeze_paths`` skips a frozen article,
# the two others hand the article to work ahead and change nothing on it.
REPEATABLE = frozenset(
    {
        "warta_content.speed.freeze_paths",
        "warta_entities.tagger.tag_ahead",
        "warta_indicators.extractor.extract_ahead",
    }
)
# What an article holds of its build rather than of its file.
_OF_THE_BUILD = ("settings", "_context")


@dataclass(frozen=True)
class _Read:
    """An article's attributes after it was read, and what reading logged."""

    stamp: tuple[int, int]
    fields: dict
    notes: list

    def article(self, kind: type, settings: dict, context: dict | None) -> Article:
        article = kind.__new__(kind)
        article.__dict__.update(_copied(self.fields))
        article.settings = settings
        article._context = context if context is not None else {}
        return article


def _copied(value, memo: dict | None = None):
    """``value`` with its lists, dicts and sets copied, however deep, and
    each copied once (the metadata's ``tags`` is the article's ``tags``);
    everything else is shared."""
    if memo is None:
        memo = {}
    found = memo.get(id(value))
    if found is not None:
        return found
    kind = type(value)
    copy = memo[id(value)] = kind(value)
    if kind is dict:
        for key, item in value.items():
            if type(item) in _CONTAINERS:
                copy[key] = _copied(item, memo)
    elif any(type(item) in _CONTAINERS for item in value):
        items = [_copied(i, memo) if type(i) in _CONTAINERS else i for i in value]
        copy = memo[id(value)] = kind(items)
    return copy


_CONTAINERS = frozenset({dict, list, set})


def _name(receiver) -> str:
    if isinstance(receiver, weakref.ref):
        receiver = receiver()
    module = getattr(receiver, "__module__", "")
    return f"{module}.{getattr(receiver, '__qualname__', '')}"


def _receivers(signal: Signal) -> set[str]:
    return {_name(receiver) for receiver in signal.receivers.values()}


def _sound() -> bool:
    """Whether an article made from its kept attributes is the one Pelican
    would make, by the receivers connected now."""
    if signals.article_generator_context.receivers:
        return False
    return _receivers(signals.content_object_init) <= REPEATABLE


def keep_articles_read(generator, reading: str | None) -> None:
    """``article_generator_init``: the generator's articles made from what
    this process read of them last time, for files unchanged since, when the
    build reads as the last one did (``reading``: the digest of its settings
    and code; None: nothing kept)."""
    if reading is None or not _sound():
        return
    if not generator.settings.get("WITH_FUTURE_DATES", True):
        return  # an article turns from draft to published as time passes
    kept: dict[str, _Read] = kept_while_equal("articles read", reading, dict)
    readers = generator.readers
    read_file = readers.read_file
    counts = Counter()

    def read_or_make(
        base_path,
        path,
        content_class=None,
        fmt=None,
        context=None,
        preread_signal=None,
        preread_sender=None,
        context_signal=None,
        context_sender=None,
    ):
        call = dict(
            base_path=base_path,
            path=path,
            content_class=content_class,
            fmt=fmt,
            context=context,
            preread_signal=preread_signal,
            preread_sender=preread_sender,
            context_signal=context_signal,
            context_sender=context_sender,
        )
        if content_class is None:
            del call["content_class"]
        if not (isinstance(content_class, type) and issubclass(content_class, Article)):
            return read_file(**call)
        full = os.path.abspath(os.path.join(base_path, path))
        try:
            stamp = file_stamp(full)  # before reading: a save meanwhile is a change
        except OSError:
            return read_file(**call)
        found = kept.get(full)
        if found is not None and found.stamp == stamp and fmt is None:
            counts["kept"] += 1
            return _made_again(found, content_class, readers.settings, call)
        kept.pop(full, None)
        counts["read"] += 1
        with collecting_notes() as notes:
            article = read_file(**call)
        if type(article) is content_class:
            fields = {
                key: value
                for key, value in vars(article).items()
                if key not in _OF_THE_BUILD
            }
            kept[full] = _Read(stamp, _copied(fields), list(notes))
        return article

    read_or_make.counts = counts
    readers.read_file = read_or_make


def report_articles_read(generator) -> None:
    """``article_generator_pretaxonomy``: how many articles were made from
    what was read last time."""
    counts = getattr(generator.readers.read_file, "counts", None)
    if counts is not None:
        logger.info(
            "articles: %d made as read last time, %d read",
            counts["kept"],
            counts["read"],
        )


def _made_again(found: _Read, kind: type, settings: dict, call: dict) -> Article:
    if call["preread_signal"] is not None:
        call["preread_signal"].send(call["preread_sender"])
    replay_notes(found.notes)
    article = found.article(kind, settings, call["context"])
    signals.content_object_init.send(article)
    return article
