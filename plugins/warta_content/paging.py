"""Listings paginated from their oldest end, so that a page keeps its URL and
its articles as newer articles arrive.

A list (newest first) of ``count`` articles, ``per_page`` a page, has
``count // per_page - 1`` numbered pages (at least none), each holding
``per_page`` articles counted from the list's end: page 1 the oldest ones,
page 2 the ones after them, and so on. The list's own page (``{url}``, the
first page) shows the rest, the newest: ``per_page`` to ``2 * per_page - 1``
articles. An article newer than all the others changes the first page only
(Pelican's pages, counted from the newest, all shifted by one: 2,400 pages
rendered again at 20,000 articles); every ``per_page`` articles the first
page hands its oldest on to a new numbered page.

Pages are numbered for the templates as Pelican numbers them (``number``: 1
the first page, then older and older), and each knows its place from the
oldest end (``chunk``: None for the first page), which names its URL (the
``PAGINATION_PATTERNS`` rule of Pelican's second page, formatted with
``chunk``), and the links its navigation shows (``links``): everything a
page shows of the list besides its own articles, so that it is the page's
input.
"""

from __future__ import annotations

import functools

from pelican.paginator import Page, Paginator

# Numbered pages shown on each side of the current one.
WINDOW = 2


class StablePaginator(Paginator):
    def __init__(self, name, url, object_list, settings, per_page=None):
        super().__init__(name, url, object_list, settings, per_page)
        size = self.per_page or 1
        # The numbered pages, below the first.
        self.chunks = max(0, self.count // size - 1)
        self._num_pages = self.chunks + 1
        self._urls: dict[int | None, str] = {}

    def url_of(self, chunk: int | None) -> str:
        """The URL of the numbered page ``chunk`` (None: the first page)."""
        found = self._urls.get(chunk)
        if found is None:
            number = 1 if chunk is None else self.chunks - chunk + 2
            found = self._urls[chunk] = StablePage(self, (), number, chunk).url
        return found

    def page(self, number: int) -> StablePage:
        """The page ``number``, 1 the first (the newest articles)."""
        size = self.per_page or 1
        if number == 1:
            items = self.object_list[: self.count - self.chunks * size]
            return StablePage(self, items, 1, None)
        chunk = self.chunks - number + 2
        end = self.count - (chunk - 1) * size
        return StablePage(self, self.object_list[end - size : end], number, chunk)


class StablePage(Page):
    def __init__(self, paginator: StablePaginator, items, number: int, chunk):
        super().__init__(
            paginator.name, paginator.url, items, number, paginator, paginator.settings
        )
        self.chunk = chunk

    def __repr__(self) -> str:
        return f"<StablePage {self.number} (chunk {self.chunk})>"

    def _from_settings(self, key):
        # The ``PAGINATION_PATTERNS`` rule of Pelican's first page, or of its
        # second for every numbered page (a rule by the page's place from the
        # newest would move its URL), formatted with the page's chunk.
        place = 1 if self.chunk is None else 2
        rules = [p for p in self.settings["PAGINATION_PATTERNS"] if p.min_page != -1]
        rule = None
        for pattern in rules:
            if pattern.min_page <= place:
                rule = pattern
        if rule is None:
            return ""
        value = getattr(rule, key).format(
            save_as=self.full_name,
            url=self.base_url,
            name=self.name,
            base_name=self.base_name,
            extension=self.extension,
            number=self.number if self.chunk is None else self.chunk,
        )
        return value[1:] if value.startswith("/") else value

    # Pelican's properties call its own method.
    url = property(functools.partial(_from_settings, key="URL"))
    save_as = property(functools.partial(_from_settings, key="SAVE_AS"))

    @functools.cached_property
    def links(self) -> list[tuple[str, int | None, str]]:
        """The page's navigation, ``(kind, chunk, url)`` each: ``terbaru``
        (the first page), ``baru`` (the next newer page), ``nomor`` (a
        numbered page near this one), ``ini`` (this one), ``lama`` (the next
        older page), ``terlama`` (page 1). Empty when the list has one page;
        ``terbaru`` and ``terlama`` only where they are not ``baru`` and
        ``lama``."""
        chunks = self.paginator.chunks
        if not chunks:
            return []
        at = self.paginator.url_of
        links = []
        here = chunks + 1 if self.chunk is None else self.chunk
        # The newest and the oldest page each once: not beside a link to
        # the same page as the next newer or older one.
        if self.chunk is not None:
            newer = here + 1 if here < chunks else None
            if newer is not None:
                links.append(("terbaru", None, at(None)))
            links.append(("baru", newer, at(newer)))
        for chunk in range(min(chunks, here + WINDOW), max(1, here - WINDOW) - 1, -1):
            links.append(("ini" if chunk == here else "nomor", chunk, at(chunk)))
        if here > 1:
            links.append(("lama", here - 1, at(here - 1)))
            if here > 2:
                links.append(("terlama", 1, at(1)))
        return links
