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
from pelican.contents import Article, Page

from warta.incremental import collecting_notes, replay_notes
from warta.kept import CarriedOver, carries, file_stamp

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
_KIND = "articles read"  # their ``CarriedOver``
# What an article holds of its build rather than of its file.
_OF_THE_BUILD = ("settings", "_context")


@dataclass(frozen=True)
class _Read:
    """An article's attributes after it was read (``_Frozen``), and what
    reading logged."""

    stamp: tuple[int, int]
    fields: _Frozen
    notes: list

    def article(self, kind: type, settings: dict, context: dict | None) -> Article:
        article = kind.__new__(kind)
        article.__dict__.update(self.fields.thawed({}))
        article.settings = settings
        article._context = context if context is not None else {}
        return article


class _Frozen:
    """A dict, list or set as it was, made anew (``thawed``) for each build:
    the build may change its article's lists and metadata. Its items are
    shared, but dicts, lists and sets among them, frozen in turn, each once (the
    metadata's ``tags`` is the article's ``tags``). A dict's keys are one tuple
    for every dict of the same keys: some 0.7 KB an article instead of 2.1 KB
    for copies of its dicts (40 MB at 20,000 articles)."""

    __slots__ = ("keys", "kind", "nested", "values")

    def __init__(self, kind: type, keys: tuple | None, values: tuple) -> None:
        self.kind, self.keys, self.values = kind, keys, values
        self.nested = tuple(i for i, v in enumerate(values) if type(v) is _Frozen)

    @classmethod
    def of(cls, value, memo: dict) -> _Frozen:
        found = memo.get(id(value))
        if found is None:
            kind = type(value)
            items = value.values() if kind is dict else value
            values = tuple(
                cls.of(item, memo) if type(item) in _CONTAINERS else item
                for item in items
            )
            keys = _shape(tuple(value)) if kind is dict else None
            found = memo[id(value)] = cls(kind, keys, values)
        return found

    def thawed(self, memo: dict):
        found = memo.get(id(self))
        if found is None:
            values = self.values
            if self.nested:
                values = list(values)
                for i in self.nested:
                    values[i] = values[i].thawed(memo)
            found = memo[id(self)] = (
                dict(zip(self.keys, values, strict=True))
                if self.kind is dict
                else self.kind(values)
            )
        return found


_CONTAINERS = frozenset({dict, list, set})
# One tuple for every dict of the same keys (every article's attributes, most
# articles' metadata).
_SHAPES: dict[tuple, tuple] = {}


def _shape(keys: tuple) -> tuple:
    return _SHAPES.setdefault(keys, keys)


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


def _keeps(settings: dict, reading: str | None) -> bool:
    """Whether a build with ``settings`` that reads as ``reading`` says
    (None: nothing kept) makes articles from what was read of them."""
    if reading is None or not _sound():
        return False
    # Else an article turns from draft to published as time passes.
    return bool(settings.get("WITH_FUTURE_DATES", True))


def leave_content_cache(settings: dict, reading: str | None) -> bool:
    """``initialized``: Pelican's content cache neither loaded nor saved by
    a build that will make its articles from what this process read of them
    last time; True if so.

    Loading it took 2 s at 20,000 articles (97 MB unpickled) for the handful
    of files such a build reads, which are those saved since this process
    read them: their entries, if any, are older than the files. The cache
    file is left as the last build that loaded it saved it; another process
    finds its entries for files saved since older than the files, and reads
    those files again (Pelican checks each file's time). Pages are read anew.
    """
    if not (_keeps(settings, reading) and carries(_KIND, reading)):
        return False
    settings["LOAD_CONTENT_CACHE"] = settings["CACHE_CONTENT"] = False
    return True


def keep_articles_read(generator, reading: str | None) -> None:
    """``article_generator_init``: the generator's articles made from what
    this process read of them last time, for files unchanged since, when the
    build reads as the last one did (``reading``: the digest of its settings
    and code; None: nothing kept)."""
    if not _keeps(generator.settings, reading):
        return
    # Only the articles of this build are kept for the next (not a removed one).
    kept = CarriedOver(_KIND, reading)
    readers, settings = generator.readers, generator.settings
    read_file = readers.read_file
    counts = Counter()

    def read_or_make(
        base_path, path, content_class=Page, fmt=None, context=None, **signalling
    ):
        def read():
            return read_file(base_path, path, content_class, fmt, context, **signalling)

        if not issubclass(content_class, Article) or fmt is not None:
            return read()
        full = os.path.abspath(os.path.join(base_path, path))
        try:
            stamp = file_stamp(full)  # before reading: a save meanwhile is a change
        except OSError:
            return read()
        found = kept.get(full)
        if found is not None and found.stamp == stamp:
            counts["kept"] += 1
            kept.put(full, found)
            return _made_again(found, content_class, settings, context, signalling)
        counts["read"] += 1
        with collecting_notes() as notes:
            article = read()
        if type(article) is content_class:
            fields = {
                key: value
                for key, value in vars(article).items()
                if key not in _OF_THE_BUILD
            }
            kept.put(full, _Read(stamp, _Frozen.of(fields, {}), list(notes)))
        return article

    def made_as_read(path: str) -> bool:
        """Whether the article at ``path`` (absolute) is to be made from what
        was read of it last time (the read-ahead leaves it)."""
        found = kept.get(path)
        try:
            return found is not None and found.stamp == file_stamp(path)
        except OSError:
            return False

    read_or_make.counts = counts
    read_or_make.made_as_read = made_as_read
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


def _made_again(
    found: _Read, kind: type, settings: dict, context: dict | None, signalling: dict
) -> Article:
    """The article ``found`` keeps, with the signals Pelican sends as it reads
    one (but ``article_generator_context``: none listens, see ``_sound``)."""
    if signalling.get("preread_signal") is not None:
        signalling["preread_signal"].send(signalling.get("preread_sender"))
    replay_notes(found.notes)
    article = found.article(kind, settings, context)
    signals.content_object_init.send(article)
    return article
