"""A Pelican writer that paginates listings from their oldest end
(``warta_content.paging``) and, in an incremental build, skips pages and
feeds whose inputs are unchanged."""

from __future__ import annotations

import functools
import hashlib
import logging
import marshal
import os
from pathlib import Path
from types import FunctionType
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from jinja2 import FileSystemBytecodeCache, meta
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from warta.incremental import (
    Digester,
    PageMemo,
    Unhashable,
    collecting_notes,
    drop_unless_made_by,
    replay_notes,
    text_as_bytes,
    tree_digest,
)
from warta_content.paging import StablePaginator
from warta_content.speed import frozen_by_warta

from .articles import read_as

if TYPE_CHECKING:
    from .articles import _Read

logger = logging.getLogger(__name__)

MEMO_FILE = "warta-pages.json"
# Pelican's content cache (what the readers made of each file), and the file
# naming the code and settings that made it.
READER_CACHES = "*-Readers"
READER_STAMP = "warta-readers.stamp"
TEMPLATE_CACHE = "jinja"  # compiled templates
ROOT = Path(__file__).resolve().parents[2]
# The code that renders pages: a change in it changes every page.
CODE = (ROOT / "warta", ROOT / "plugins")
# Lists at least this long are digested once per build (the list of every
# article is read by several pages).
SHARED_MIN = 256
# A paginated page's keyword argument named with this prefix is shown on the
# first page only (the template checks the page's number): the other pages
# get None, so that it is no input of theirs.
FIRST_PAGE_ONLY = "first_page_"
# Content attributes that are the whole site, not the article.
_NOT_OWN = frozenset({"settings", "_context"})
# An article's texts whose UTF-8 form is not to be left beside them (see
# ``text_as_bytes``): its HTML and summary, 80 MB at 20,000 articles.
_LARGE_TEXTS = ("_content", "_summary")
_UNSEEN = object()


class _Build(NamedTuple):
    memo: PageMemo
    reading: str  # the digest of the settings and code it reads files with


# One build at a time per output folder, by output path.
_BUILDS: dict[str, _Build] = {}
# The variables each template reads, by fingerprint and template name.
_VARIABLES: dict[tuple[str, str], frozenset[str] | None] = {}


def _named(value, shallow):
    """Classes and time zones are named, not walked; a function is named with
    its code: pickle would name it only while its module is the one imported
    last (the settings file is loaded again for each build)."""
    if isinstance(value, type):
        return f"{value.__module__}.{value.__qualname__}"
    if isinstance(value, FunctionType):
        code = hashlib.blake2b(marshal.dumps(value.__code__), digest_size=16)
        return f"{value.__module__}.{value.__qualname__}:{code.hexdigest()}"
    return str(value)


def _lenient(kind: type):
    """Settings hold classes and functions: named (modules: by the digester)."""
    if issubclass(kind, type | ZoneInfo | FunctionType):
        return _named
    return None


def settings_digest(settings: dict) -> str:
    digester = Digester(_lenient)
    parts = []
    for key in sorted(settings):
        try:
            parts.append((key, digester.digest(settings[key])))
        except Unhashable:
            parts.append((key, type(settings[key]).__qualname__))
    return digester.digest(parts)


@functools.cache
def running_code_digest() -> str:
    """The digest of the code that renders, taken once per process: a process
    that builds again (``serve_live``) renders with the code it loaded, even if
    the files have changed since."""
    return tree_digest(CODE, suffixes=(".py",))


def begin_build(settings: dict) -> None:
    output = _output(settings["OUTPUT_PATH"])
    cache = Path(settings["CACHE_PATH"])
    settings_part, code = settings_digest(settings), running_code_digest()
    # What reading a file depends on besides the file.
    reading = Digester().digest([settings_part, code])
    # Pelican's content cache checks each file's time only: made by another
    # version of the reader (its sanitiser) or other settings, it would give
    # their HTML until the file is saved again.
    if settings.get("LOAD_CONTENT_CACHE") and drop_unless_made_by(
        cache, READER_CACHES, READER_STAMP, reading
    ):
        logger.info("content cache made by other code or settings: dropped")
    # What every page depends on: the settings, the theme and the code.
    theme = tree_digest([Path(settings["THEME"])])
    fingerprint = Digester().digest([settings_part, theme, code])
    memo = PageMemo(cache / MEMO_FILE, Path(output), fingerprint)
    _BUILDS[output] = _Build(memo, reading)
    _compile_templates_once(settings, cache / TEMPLATE_CACHE)


def _compile_templates_once(settings: dict, folder: Path) -> None:
    """Give the build's Jinja environments a bytecode cache. Each generator
    has an environment of its own and compiled each template it uses in every
    build; Jinja checks a cached template against its source (and its own
    version), so a template is compiled again only when it changes. Set after
    the fingerprint is taken: it changes how pages are made, not what."""
    folder.mkdir(parents=True, exist_ok=True)
    environment = dict(settings.get("JINJA_ENVIRONMENT") or {})
    environment["bytecode_cache"] = FileSystemBytecodeCache(str(folder))
    settings["JINJA_ENVIRONMENT"] = environment


def reading_digest(settings: dict) -> str | None:
    """The digest of the settings and code this build reads files with
    (None outside a build begun by ``begin_build``)."""
    build = _BUILDS.get(_output(settings["OUTPUT_PATH"]))
    return None if build is None else build.reading


def finish_build(settings: dict) -> PageMemo | None:
    build = _BUILDS.pop(_output(settings["OUTPUT_PATH"]), None)
    return None if build is None else build.memo


def _output(path) -> str:
    """The key of the build writing to ``path`` (an output folder)."""
    return str(Path(path).resolve())


def _fields(fields: dict) -> dict:
    """An article's attributes ``fields`` with its large texts as bytes
    (``_LARGE_TEXTS``)."""
    for name in _LARGE_TEXTS:
        if name in fields:
            fields[name] = text_as_bytes(fields[name])
    return fields


def _url_wrapper(value: URLWrapper, shallow: bool) -> tuple:
    return (type(value).__name__, value.name, value.slug)


class _Describer:
    """Pelican's objects for the digest: an article by its own data (what a
    page shows of it), or, reached through another article, by reference."""

    def __init__(self) -> None:
        # By the object itself (Pelican's contents are hashed and compared
        # by identity), held for the build: found in C for a whole list.
        self._own: dict[Content, str] = {}
        self._ref: dict[Content, str] = {}
        self._reads: dict[Content, _Read | None] = {}
        self.digester = Digester(self)

    def __call__(self, kind: type):
        """The digester's resolver: a handler for Pelican's objects."""
        if issubclass(kind, Content):
            return self._content
        if issubclass(kind, URLWrapper):
            return _url_wrapper
        return _lenient(kind)

    def many(self, kind: type):
        """The digester's resolver of lists: Pelican's contents at once."""
        return self._contents if issubclass(kind, Content) else None

    def _contents(self, contents: list | tuple, shallow: bool) -> list[str]:
        # A million articles listed by the pages of a rebuild at 20,000
        # articles: found in C once each is described.
        try:
            return list(
                map((self._ref if shallow else self._own).__getitem__, contents)
            )
        except KeyError:
            return [self._content(content, shallow) for content in contents]

    def _content(self, content: Content, shallow: bool) -> str:
        found = (self._ref if shallow else self._own).get(content)
        if found is not None:
            return found
        return self._reference(content) if shallow else self._own_digest(content)

    def _own_digest(self, content: Content) -> str:
        read = self._read_as(content)
        if read is None:
            fields = _fields(
                {k: v for k, v in vars(content).items() if k not in _NOT_OWN}
            )
        else:
            # What reading gave it, by a digest made once while it is as
            # read; what the build gave it (tags, figures, groups) as usual.
            keys = read.keys
            fields = {
                k: v
                for k, v in vars(content).items()
                if k not in keys and k not in _NOT_OWN
            }
            fields["(as read)"] = read.remembered(
                "own",
                lambda: self.digester.digest(
                    _fields({k: v for k, v in vars(content).items() if k in keys}),
                    shallow=True,
                ),
            )
        found = self._own[content] = "own:" + self.digester.digest(fields, shallow=True)
        return found

    def _reference(self, content: Content) -> str:
        def metadata() -> str:
            return self.digester.digest(content.metadata, shallow=True)

        read = self._read_as(content)
        digest = metadata() if read is None else read.remembered("metadata", metadata)
        found = self._ref[content] = f"ref:{content.source_path}:{digest}"
        return found

    def _read_as(self, content: Content) -> _Read | None:
        """``read_as(content)``, looked up once per build for the article's
        own data and its reference."""
        found = self._reads.get(content, _UNSEEN)
        if found is _UNSEEN:
            found = self._reads[content] = read_as(content)
        return found


class MemoWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        build = _BUILDS.get(_output(output_path))
        self._memo = None if build is None else build.memo
        self._describer = _Describer()

    # -- the two ways Pelican writes ----------------------------------------

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        if override_output and frozen_by_warta(kwargs.get("article")):
            override_output = False  # not the editor's: see ``freeze_paths``
        call = (
            name,
            template,
            context,
            relative_urls,
            paginated,
            template_name,
            override_output,
            url,
        )
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        templates = self.settings["PAGINATED_TEMPLATES"]
        paged = bool(paginated) and template_name in templates
        if not name or override_output or self._memo is None:
            if paged and name:
                return self._write_pages(call, paginated, None, kwargs)
            return super().write_file(*call, **kwargs)
        head = [name, template.name, relative_urls, template_name, url]
        parts = self._page_parts(template, context, kwargs, head)
        if paged:
            # Page by page: an edit in one article renders the one page of a
            # long listing that shows it; the other pages are not touched.
            return self._write_pages(call, paginated, parts, kwargs)
        digest = None if parts is None else self._digest(parts)
        parent = super()
        return self._memoised(
            f"page:{name}",
            digest,
            lambda: parent.write_file(*call, **kwargs),
            parts,
        )

    def write_feed(
        self,
        elements,
        context,
        path=None,
        url=None,
        feed_type="atom",
        override_output=False,
        feed_title=None,
    ):
        call = (elements, context, path, url, feed_type, override_output, feed_title)
        if not path or override_output or self._memo is None:
            return super().write_feed(*call)
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        site = {k: context.get(k) for k in ("SITEURL", "SITENAME", "FEED_DOMAIN")}
        digest = self._digest([path, url, feed_type, feed_title, site, list(shown)])
        parent = super()
        return self._memoised(f"feed:{path}", digest, lambda: parent.write_feed(*call))

    def write_derived(self, name: str, inputs, write, by_path: bool = False) -> bool:
        """A file a generator makes without a template (``warta.outputs``):
        kept while ``inputs`` are unchanged, else ``write(stream)`` called
        (``by_path``: ``write(path)``); whether it was written."""
        path = os.path.join(self.output_path, name)
        written = False

        def render() -> None:
            nonlocal written
            written = True
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if by_path:
                if self._memo is not None:
                    self._memo.wrote(path)
                write(path)
                return
            with self._open_w(path, "utf-8") as stream:
                write(stream)

        if self._memo is None:
            render()
            return True
        # Several files of one generator may share their inputs (an
        # indicator's CSV and JSON): digested once.
        shared = self._digest(inputs, shared=True)
        digest = None if shared is None else self._digest([name, shared])
        self._memoised(f"file:{name}", digest, render)
        return written

    def _open_w(self, filename, encoding, override=False):
        if self._memo is not None:
            self._memo.wrote(filename)
        return super()._open_w(filename, encoding, override=override)

    def _write_pages(
        self, call, paginated: dict, parts: dict | None, kwargs: dict
    ) -> None:
        """A paginated listing, each page kept or rendered on its own
        (``parts``: the listing's inputs; None: every page rendered), its
        pages counted from the list's oldest end (``StablePaginator``). The
        list's paginator (its count) and the ``first_page_*`` arguments are
        given to the first page only; a numbered page shows its own articles
        and its links."""
        name, template, context, relative_urls, _, template_name, override, url = call
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginators = {
            key: StablePaginator(name, url, items, self.settings, per_page)
            for key, items in paginated.items()
        }
        count = next(iter(paginators.values())).num_pages
        first_page_only = [k for k in kwargs if k.startswith(FIRST_PAGE_ONLY)]
        nothing = self._digest(None) if first_page_only and parts else None
        for number in range(1, count + 1):
            page_kwargs = dict(kwargs)
            page_parts = dict(parts or {})
            for key, paginator in paginators.items():
                # Not Pelican's ``{key}_previous_page`` and ``_next_page``:
                # what a page shows of its neighbours is in its links.
                page = paginator.page(number)
                page_kwargs[f"{key}_paginator"] = paginator if number == 1 else None
                page_kwargs[f"{key}_page"] = page
                if parts is not None:
                    shown = [page.links, paginator.count if number == 1 else None]
                    page_parts[f"({key} page)"] = self._digest(
                        [shown, list(page.object_list)]
                    )
            if number > 1:
                for variable in first_page_only:
                    page_kwargs[variable] = None
                    if variable in page_parts:
                        page_parts[variable] = nothing
            save_as = page.save_as

            def render(save_as=save_as, page_kwargs=page_kwargs):
                return Writer.write_file(
                    self,
                    save_as,
                    template,
                    context,
                    relative_urls,
                    {},  # one page: not paginated again
                    template_name,
                    override,
                    url,
                    **page_kwargs,
                )

            if parts is None:
                render()
                continue
            known = None not in page_parts.values()
            digest = self._digest(page_parts) if known else None
            self._memoised(
                f"page:{save_as}", digest, render, page_parts if known else None
            )

    # -- digests -------------------------------------------------------------

    def _memoised(self, key, digest, render, parts=None):
        if self._memo.unchanged(key, digest):
            replay_notes(self._memo.notes(key))
            return None
        self._memo.begin(key, digest, parts)
        with collecting_notes() as notes:
            try:
                return render()
            finally:
                self._memo.end(notes)

    def _digest(self, value, shared: bool = False) -> str | None:
        """``value``'s digest; once per build for the same object if ``shared``
        or if it is a long list (``SHARED_MIN``)."""
        digester = self._describer.digester
        try:
            if shared or (
                isinstance(value, list | tuple | dict) and len(value) >= SHARED_MIN
            ):
                return digester.shared_digest(value)
            return digester.digest(value)
        except Unhashable:
            return None

    def _page_parts(
        self, template, context: dict, kwargs: dict, head: list
    ) -> dict[str, str] | None:
        """A digest per input of the page: each variable its templates read,
        and the page's own name and settings. ``None``: an input the digest
        cannot describe (the page is rendered)."""
        variables = self._template_variables(template)
        if variables is None:
            return None
        values = {}
        for variable in sorted(variables):
            if variable in kwargs:
                values[variable] = kwargs[variable]
            elif variable in context:
                value = context[variable]
                # Settings are in the site's fingerprint, unless changed here.
                if variable.isupper() and value is self.settings.get(variable):
                    continue
                values[variable] = value
        values["(page)"] = head
        parts = {}
        for key, value in values.items():
            part = self._digest(value)
            if part is None:
                return None
            parts[key] = part
        return parts

    def _template_variables(self, template) -> frozenset[str] | None:
        """The variables ``template`` and the templates it uses read from its
        context; ``None`` when a template is chosen at render time."""
        # Parsed once per process for the same theme, settings and code (the
        # memo's fingerprint): a process that builds again (``make serve``)
        # parsed every template again in each build.
        key = (self._memo.fingerprint, template.name)
        if key in _VARIABLES:
            return _VARIABLES[key]
        environment = template.environment
        found: set[str] = set()
        pending, seen = [template.name], set()
        result: frozenset[str] | None = None
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            source = environment.loader.get_source(environment, current)[0]
            tree = environment.parse(source)
            found |= meta.find_undeclared_variables(tree)
            referenced = list(meta.find_referenced_templates(tree))
            if None in referenced:
                break  # a template name computed at render time
            pending.extend(referenced)
        else:
            result = frozenset(found)
        _VARIABLES[key] = result
        return result
