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

What reading gave an article is digested once (``read_as``): the page writer
takes an article's own data and its reference by digests kept with what was
read, for as long as every attribute reading gave still holds the very value
it held, and digests only what the build adds (tags, figures, groups).
"""

from __future__ import annotations

import datetime as dt
import logging
import operator
import os
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from blinker import Signal
from pelican import signals
from pelican.contents import Article, Page
from pelican.urlwrappers import URLWrapper

from warta.incremental import collecting_notes, deeply_immutable, replay_notes
from warta.kept import CarriedOver, carries, file_stamp

logger = logging.getLogger(__name__)

# ``content_object_init`` receivers that, met again by an article made from
# what they left, leave it as it is: ``freeze_paths`` skips a frozen article,
# ``share_taxonomies`` finds its category and tags shared already, the two
# others hand the article to work ahead and change nothing on it.
REPEATABLE = frozenset(
    {
        "warta_content.speed.freeze_paths",
        "warta_content.speed.share_taxonomies",
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
    reading logged; ``stable``: whether nothing they hold can change unseen
    (``_unchanging``); ``digests``: what ``remembered`` keeps."""

    stamp: tuple[int, int]
    fields: _Frozen
    notes: list
    stable: bool
    digests: dict = field(default_factory=dict)

    @property
    def keys(self) -> frozenset[str]:
        """The attributes reading gave the article."""
        return _key_set(self.fields.keys)

    def remembered(self, what: str, make: Callable[[], str]) -> str:
        """``make()``, a digest of what reading gave the article, made once
        while the article is made as read (``read_as``)."""
        found = self.digests.get(what)
        if found is None:
            found = self.digests[what] = make()
        return found

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

    def matches(self, value) -> bool:
        """Whether ``value``, this container as it was thawed (or the one it
        was frozen from), holds what it held: the same items in the same
        order, each container among them compared in turn. By identity, in
        C: an equal value of another kind (1.0 for 1) is a change."""
        if type(value) is not self.kind:
            return False
        if self.kind is dict:
            if tuple(value) != self.keys:
                return False
            return self._items_match(list(value.values()))
        items = list(value)
        return len(items) == len(self.values) and self._items_match(items)

    def matches_within(self, fields: dict) -> bool:
        """For a dict: whether ``fields`` holds each of its keys with what it
        held; other keys may be there too (an article's attributes, to which
        the build adds its own)."""
        try:
            items = list(map(fields.__getitem__, self.keys))
        except KeyError:
            return False
        return self._items_match(items)

    def _items_match(self, items: list) -> bool:
        values = self.values
        for i in self.nested:
            if not values[i].matches(items[i]):
                return False
            items[i] = values[i]
        return all(map(operator.is_, items, values))

    def leaves(self):
        """The values it holds that are not containers, however deep."""
        for value in self.values:
            if type(value) is _Frozen:
                yield from value.leaves()
            else:
                yield value

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


_KEY_SETS: dict[tuple, frozenset] = {}


def _key_set(keys: tuple) -> frozenset:
    """``keys`` as a set, one for each shape (``_shape``)."""
    found = _KEY_SETS.get(keys)
    if found is None:
        found = _KEY_SETS[keys] = frozenset(keys)
    return found


# What an article's attributes hold as read, besides plain values, that
# nothing changes in place: Pelican makes its tags, category and authors as
# it reads the file and only reads them afterwards; dates and zones.
_UNCHANGING_KINDS = (URLWrapper, dt.date, dt.time, ZoneInfo)


def _unchanging(value) -> bool:
    return isinstance(value, _UNCHANGING_KINDS) or deeply_immutable(value)


# The articles of the builds under way, each with its ``_Read``.
_READ_AS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def read_as(content) -> _Read | None:
    """What ``content`` was read as, while each attribute reading gave it
    still holds what it held then; None if one was changed or replaced (or
    ``content`` was not made by a build that keeps articles, or holds what
    could change unseen). Its digests of those attributes (``remembered``)
    then stand for them: an article's own data, digested in every build of
    a process (an article's page, 130 µs), is digested once while its file
    is unchanged."""
    read = _READ_AS.get(content)
    if read is None or not read.stable:
        return None
    return read if read.fields.matches_within(vars(content)) else None


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
            article = _made_again(found, content_class, settings, context, signalling)
            _READ_AS[article] = found
            return article
        counts["read"] += 1
        with collecting_notes() as notes:
            article = read()
        if type(article) is content_class:
            fields = {
                key: value
                for key, value in vars(article).items()
                if key not in _OF_THE_BUILD
            }
            frozen = _Frozen.of(fields, {})
            stable = all(map(_unchanging, frozen.leaves()))
            found = _Read(stamp, frozen, list(notes), stable)
            kept.put(full, found)
            _READ_AS[article] = found
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
