"""Work Pelican would otherwise repeat while writing, done once beforehand,
and memory it would otherwise hold to the end of the build.

None of these functions changes what is written.
"""

from __future__ import annotations

import calendar
import datetime
import weakref
from collections import defaultdict
from itertools import groupby
from operator import attrgetter

from pelican.contents import Article, Content
from pelican.urlwrappers import URLWrapper
from pelican.utils import path_to_url

# Every list of content objects a generator may hold; most hold a few of them.
_CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


def save_content_cache_when_changed(generator) -> None:
    """``article_generator_init``: Pelican's content cache saved only if
    this build put something in it.

    Pelican saves the whole cache when a generator has read its files, though
    every file came from the cache as it was loaded (0.8 s to pickle 97 MB at
    20,000 articles): the saved file would be the one already there.
    """
    readers = getattr(generator, "readers", None)
    if readers is None or not getattr(readers, "_cache_data_policy", False):
        return
    cache_data, save_cache = readers.cache_data, readers.save_cache
    added = False

    def cache_and_note(filename, data) -> None:
        nonlocal added
        added = True
        cache_data(filename, data)

    def save_if_added() -> None:
        if added:
            save_cache()

    readers.cache_data = cache_and_note
    readers.save_cache = save_if_added


def skip_unused_generator_cache(generator) -> None:
    """``article_generator_init``: Pelican's generator-level content cache,
    when it is off (``CONTENT_CACHING_LAYER`` "reader", the default) and so
    empty, is neither looked in nor written to. Pelican asked it for every
    file, and told it every article, each time taking the file's time for
    nothing (40,000 calls, 0.8 s under cProfile, in a rebuild at 20,000
    articles)."""
    if getattr(generator, "_cache_data_policy", True) or getattr(
        generator, "_cache", True
    ):
        return
    generator.get_cached_data = _nothing_cached
    generator.cache_data = _cache_nothing


def source_paths_as_made(generator) -> None:
    """``article_generator_init``: each article is filed in the context by
    the relative path Pelican worked out as it made it
    (``relative_source_path``) rather than worked out again for the file
    (``os.path.relpath`` of two absolute paths: 0.5 s of each build at 20,000
    articles)."""
    usual = generator.add_source_path

    def add_source_path(content, static=False):
        # Set by ``Content.__init__`` from the same source path and ``PATH``
        # (kept as read for an article made as read).
        location = getattr(content, "relative_source_path", None)
        if static or location is None:
            return usual(content, static)
        generator.context["generated_content"][location] = content
        return None

    generator.add_source_path = add_source_path


def _nothing_cached(filename, default=None):
    return default


def _cache_nothing(filename, data) -> None:
    return None


def release_content_cache(generator) -> None:
    """Let go of Pelican's content cache once it is saved.

    Pelican keeps what it read of every file (the HTML and the metadata) in
    the cache's dict until the build ends, though the cache is not read again
    in this build. The articles' HTML is ASCII (``warta.render.ascii_html``),
    so saving the cache left no UTF-8 copy of it beside each article.
    """
    readers = getattr(generator, "readers", None)
    cache = getattr(readers, "_cache", None)
    if cache and getattr(readers, "_cache_data_policy", False):
        cache.clear()  # saved (Pelican saves when it caches)


def freeze_urls(generators) -> None:
    """Work out each article's and page's URL once, before anything is written.

    Pelican formats ``url`` from the settings and the metadata on every read
    (a copy of the metadata, a relative path and several ``strftime`` calls),
    and templates, feeds and sitemaps read it some sixty times per article.
    Once every file is read nothing that goes into the URL changes, so the
    value is stored as ``override_url``, which Pelican's ``url`` returns as is.
    ``save_as`` is left alone: Pelican reads ``override_save_as`` as leave to
    overwrite another file.
    """
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, None) or ():
                if not hasattr(content, "override_url"):
                    content.override_url = content.url


# Set on an article whose ``override_save_as`` is Warta's (``freeze_paths``),
# not the editor's: the incremental writer writes it as any other page.
FROZEN = "_warta_frozen_paths"


def freeze_paths(content) -> None:
    """``content_object_init``, in an incremental build: a published
    article's URL and output file, each worked out once as it is read.

    Pelican formats ``save_as`` from the settings and the metadata each time
    it is asked (a copy of the metadata, a relative path and several
    ``strftime`` calls): when it checks the article, when Warta checks that no
    two articles share a file and when it writes the article (10 s of a
    rebuild at 20,000 articles, under the profiler). Both are stored as
    ``override_url`` and ``override_save_as``, which Pelican returns as they
    are. Pelican takes ``override_save_as`` as leave to overwrite another
    file; an article frozen here carries ``FROZEN`` and the incremental
    writer (the only one that meets it) writes it without that leave.

    Only what the rest of Pelican's ``Article.__init__`` leaves as it is: a
    published article with a date, in the site's language, when future dates
    are allowed (otherwise it may turn into a draft, with other paths), whose
    metadata names neither path."""
    settings = content.settings
    if not (
        isinstance(content, Article)
        and settings.get("WARTA_INCREMENTAL")
        and settings.get("WITH_FUTURE_DATES", True)
        and content.status == "published"
        and content.in_default_lang
        and hasattr(content, "date")
        and not hasattr(content, "override_url")
        and not hasattr(content, "override_save_as")
    ):
        return
    values = _UrlFields(content)
    content.override_url = str(settings["ARTICLE_URL"]).format_map(values)
    content.override_save_as = str(settings["ARTICLE_SAVE_AS"]).format_map(values)
    setattr(content, FROZEN, True)


class _UrlFields:
    """Pelican's ``url_format`` of ``content`` for ``str.format_map``, each
    field worked out when a format names it. Pelican copies the metadata, works
    out the file's relative path and the author's and category's slugs for
    every format, and a URL like ``berita/{date:%Y}/{date:%m}/{date:%d}/`` asks
    for the date three times in the URL and three more in the file's name."""

    def __init__(self, content: Content) -> None:
        self._content = content
        self._found: dict[str, object] = {}

    def __getitem__(self, key: str):
        found = self._found.get(key, _MISSING)
        if found is _MISSING:
            found = self._found[key] = self._field(key)
        return found

    def _field(self, key: str):
        content = self._content
        if key == "path":
            path = content.metadata.get("path", content.get_relative_source_path())
            return path_to_url(path)
        if key in ("slug", "lang"):
            return getattr(content, key, "" if key == "slug" else "en")
        if key == "date":
            return _FormattedOnce(getattr(content, "date", datetime.datetime.now()))
        if key in ("author", "category"):
            return getattr(content, key).slug if hasattr(content, key) else ""
        return content.metadata[key]


_MISSING = object()


class _FormattedOnce:
    """A value that formats itself once per format spec (a date's ``%Y``
    in the URL and again in the file's name); its attributes are the value's."""

    def __init__(self, value) -> None:
        self._value = value
        self._formats: dict[str, str] = {}

    def __format__(self, spec: str) -> str:
        found = self._formats.get(spec)
        if found is None:
            found = self._formats[spec] = format(self._value, spec)
        return found

    def __getattr__(self, name: str):
        return getattr(self._value, name)

    def __str__(self) -> str:
        return str(self._value)

    def __repr__(self) -> str:
        return repr(self._value)


# Each category, tag and author object shared by the content objects that
# name it alike (``share_taxonomies``), while one of them holds it.
_SHARED: weakref.WeakValueDictionary = weakref.WeakValueDictionary()


def share_taxonomies(content) -> None:
    """``content_object_init``: the content's category, tags and authors as
    the objects every other content object of the build names alike holds.

    Pelican makes a category object for each article and one for each of
    its tags, that compare by their slug: 60,000 at 20,000 articles, their
    attribute dicts alone 16 MB to the end of the build. One per name, slug
    and settings is the same to every list it is grouped in and every
    template it is shown by."""
    for name in ("category", "author"):
        value = getattr(content, name, None)
        if isinstance(value, URLWrapper):
            shared = _shared(value)
            setattr(content, name, shared)
            if content.metadata.get(name) is value:
                content.metadata[name] = shared
    for name in ("tags", "authors"):
        values = getattr(content, name, None)
        if isinstance(values, list):
            # In place: the metadata holds this very list.
            values[:] = [
                _shared(value) if isinstance(value, URLWrapper) else value
                for value in values
            ]


def _shared(wrapper: URLWrapper) -> URLWrapper:
    key = (type(wrapper), id(wrapper.settings), wrapper.name, wrapper.slug)
    found = _SHARED.get(key)
    if found is None:
        _SHARED[key] = found = wrapper
    return found


def frozen_by_warta(content) -> bool:
    """Whether ``content``'s ``override_save_as`` is ``freeze_paths``'s."""
    return getattr(content, FROZEN, False)


class IndexedList(list):
    """A list whose ``in`` is a set lookup instead of a scan.

    The same answer as ``list.__contains__`` for items hashed and compared by
    identity, as Pelican's content objects are. The set is made on the first
    test after the list was made or changed; an unhashable item makes it scan.
    """

    _members: set | None = None
    _fresh = False

    def __contains__(self, item) -> bool:
        if not self._fresh:
            try:
                self._members = set(self)
            except TypeError:
                self._members = None
            self._fresh = True
        if self._members is None:
            return list.__contains__(self, item)
        try:
            return item in self._members
        except TypeError:
            return list.__contains__(self, item)

    def __getstate__(self) -> None:
        """Pickled (and digested) as its items only: the set is made again."""
        return None


def _forgetting_members(method):
    def changed(self, *args):
        self._fresh = False
        return method(self, *args)

    changed.__name__ = method.__name__
    return changed


for _name in (
    "append",
    "extend",
    "insert",
    "remove",
    "pop",
    "clear",
    "__setitem__",
    "__delitem__",
    "__iadd__",
    "__imul__",
):
    setattr(IndexedList, _name, _forgetting_members(getattr(list, _name)))


def index_taxonomies(generator) -> None:
    """Make the article list of every tag, category and author an IndexedList.

    Before writing a tag, category or author page Pelican keeps the archive's
    articles that are in that page's list, ``[a for a in dates if a in
    articles]``: a scan of the list for every article, quadratic in the size of
    the archive (over a third of the write phase at 20,000 articles). Category
    pages are not written here, but Pelican filters their lists all the same.
    """
    tags = getattr(generator, "tags", None)
    if tags:
        for tag in list(tags):
            tags[tag] = IndexedList(tags[tag])
        if isinstance(generator.context.get("tags"), list):
            generator.context["tags"] = list(tags.items())
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            # In place: the context holds this very list.
            pairs[:] = [(key, IndexedList(items)) for key, items in pairs]


def forget_rendered_text(pelican) -> None:
    """Let go of every content object once the site is written.

    Pelican memoises ``get_content`` and ``get_summary`` in one dict per
    method for the whole process, keyed by the content object: each object
    of each build, and its HTML, would stay alive in a process that builds
    again (``make serve``: 120 MB more per rebuild at 5,000 articles).
    """
    for method in ("get_content", "get_summary"):
        Content.__dict__[method].cache.clear()


# The archive pages by period, finest last, with what makes a period.
_PERIODS = (
    ("year", attrgetter("date.year")),
    ("month", attrgetter("date.year", "date.month")),
    ("day", attrgetter("date.year", "date.month", "date.day")),
)


def period_archives(sorted_articles, articles, settings) -> dict[str, list[dict]]:
    """The year, month and day archives, as Pelican's ArticlesGenerator
    describes them for its templates, in linear time.

    Pelican finds each period's articles by testing every article of the site
    for membership in the period's list, which compares objects one by one:
    the square of the archive's size, some 7 s at 20,000 articles. Here the
    articles, in the site's order, are put in their periods in one pass.
    ``sorted_articles`` are the articles newest first (``dates``), ``articles``
    the same in the site's order.
    """
    found: dict[str, list[dict]] = defaultdict(list)
    for granularity, period_of in _PERIODS:
        save_as = settings[f"{granularity.upper()}_ARCHIVE_SAVE_AS"]
        if not save_as:
            continue  # no pages for this period
        url = settings[f"{granularity.upper()}_ARCHIVE_URL"]
        in_order = defaultdict(list)
        for article in articles:
            in_order[period_of(article)].append(article)
        for period, group in groupby(sorted_articles, key=period_of):
            dates = list(group)
            first = dates[0].date
            if granularity == "year":
                shown, numbers = (period,), (period,)
            else:
                shown = (period[0], calendar.month_name[period[1]], *period[2:])
                numbers = tuple(period)
            found[granularity].append(
                {
                    "dates": dates,
                    "articles": in_order[period],
                    "save_as": save_as.format(date=first),
                    "url": url.format(date=first),
                    "period": shown,
                    "period_num": numbers,
                }
            )
    return found


def archive_periods_in_linear_time(generator) -> None:
    """``article_generator_init``: this generator's archives by period are
    worked out by ``period_archives``."""
    generator._build_period_archives = period_archives
