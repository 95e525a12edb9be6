"""Listings paginated from their oldest end (``warta_content.paging``)."""

from __future__ import annotations

import pytest
from pelican.paginator import PaginationRule

from warta_content.paging import StablePaginator

SETTINGS = {
    "DEFAULT_ORPHANS": 0,
    "PAGINATION_PATTERNS": [
        PaginationRule(1, "{url}", "{save_as}"),
        PaginationRule(
            2,
            "{base_name}/halaman/{number}/",
            "{base_name}/halaman/{number}/index.html",
        ),
    ],
}


def _paginator(count: int, per_page: int = 20) -> StablePaginator:
    # Newest first, as listings are: the highest number the newest.
    items = list(range(count, 0, -1))
    return StablePaginator(
        "wilayah/x/index.html", "wilayah/x/", items, SETTINGS, per_page
    )


def _pages(paginator: StablePaginator) -> list:
    return [paginator.page(n) for n in range(1, paginator.num_pages + 1)]


@pytest.mark.parametrize(
    ("count", "numbered", "first"),
    [
        (0, 0, 0),
        (1, 0, 1),
        (19, 0, 19),
        (39, 0, 39),
        (40, 1, 20),
        (45, 1, 25),
        (59, 1, 39),
        (60, 2, 20),
        (101, 4, 21),
    ],
)
def test_the_first_page_holds_what_the_numbered_pages_leave(count, numbered, first):
    paginator = _paginator(count)
    pages = _pages(paginator)
    assert paginator.chunks == numbered
    assert len(pages[0].object_list) == first
    assert pages[0].url == "wilayah/x/"
    assert pages[0].chunk is None
    # Then older and older pages, numbered down to 1, each a full page.
    assert [page.chunk for page in pages[1:]] == list(range(numbered, 0, -1))
    assert all(len(page.object_list) == 20 for page in pages[1:])
    for page in pages[1:]:
        assert page.url == f"wilayah/x/halaman/{page.chunk}/"
        assert page.save_as == f"wilayah/x/halaman/{page.chunk}/index.html"
    # Every item once, newest first.
    assert [i for page in pages for i in page.object_list] == list(range(count, 0, -1))
    # Page k holds the items 20(k-1)+1 .. 20k counted from the oldest.
    for page in pages[1:]:
        assert sorted(page.object_list) == list(
            range(20 * (page.chunk - 1) + 1, 20 * page.chunk + 1)
        )


@pytest.mark.parametrize("count", range(0, 130))
def test_a_newer_item_changes_no_numbered_page_but_where_the_first_splits(count):
    before = {
        p.chunk: (p.url, p.object_list, p.links) for p in _pages(_paginator(count))
    }
    after = {
        p.chunk: (p.url, p.object_list, p.links) for p in _pages(_paginator(count + 1))
    }
    changed = {
        chunk for chunk in before.keys() & after.keys() if before[chunk] != after[chunk]
    }
    if after.keys() == before.keys():
        assert changed == {None}  # the first page only
    else:
        # A new numbered page: the first page and the links of the pages
        # nearest it (their window and their newer page).
        new = max(after.keys() - {None})
        assert after.keys() - before.keys() == {new}
        assert changed - {None} <= set(range(new - 2, new))


def test_links_show_the_pages_near_this_one_and_both_ends():
    pages = _pages(_paginator(120))  # five numbered pages
    assert [(kind, n) for kind, n, _ in pages[0].links] == [
        ("nomor", 5),
        ("nomor", 4),
        ("lama", 5),
        ("terlama", 1),
    ]
    third = next(page for page in pages if page.chunk == 3)
    assert [(kind, n) for kind, n, _ in third.links] == [
        ("terbaru", None),
        ("baru", 4),
        ("nomor", 5),
        ("nomor", 4),
        ("ini", 3),
        ("nomor", 2),
        ("nomor", 1),
        ("lama", 2),
        ("terlama", 1),
    ]
    # The next newer page is the first: no "terbaru" beside it; the next
    # older is page 1: no "terlama".
    fifth = next(page for page in pages if page.chunk == 5)
    assert fifth.links[0] == ("baru", None, "wilayah/x/")
    assert [kind for kind, _, _ in fifth.links].count("baru") == 1
    second = next(page for page in pages if page.chunk == 2)
    assert [kind for kind, _, _ in second.links][-1] == "lama"
    first = next(page for page in pages if page.chunk == 1)
    assert [kind for kind, _, _ in first.links][-1] == "ini"
    assert _pages(_paginator(39))[0].links == []
