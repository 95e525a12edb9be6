"""The spellings articles give one name (``Lampung``, ``lampung``): the one shown.

A region's or a source's page, the search's filter value and ``invoke
check``'s notes all name it by the same spelling.
"""

from __future__ import annotations

from collections.abc import Mapping


def usual_spelling(counts: Mapping[str, int]) -> str:
    """The spelling most articles use (``counts``: articles by spelling);
    among as many, one spaced as words are (``Bandar Lampung`` before
    ``Bandar  Lampung``), then one neither all capitals nor all small letters
    (``Teraslampung.com`` before ``TERASLAMPUNG.COM`` and ``teraslampung.com``),
    then the first in code point order."""
    return min(
        counts,
        key=lambda spelling: (
            -counts[spelling],
            " ".join(spelling.split()) != spelling,
            spelling.isupper() or spelling.islower(),
            spelling,
        ),
    )
