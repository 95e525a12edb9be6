"""The spelling shown for a name that articles spell in several ways."""

import pytest

from warta.spelt import usual_spelling


@pytest.mark.parametrize(
    ("counts", "usual"),
    [
        ({"Lampung": 1}, "Lampung"),
        ({"lampung": 3, "Lampung": 1}, "lampung"),  # most articles first
        ({"lampung": 1, "Lampung": 1}, "Lampung"),
        (
            {"TERASLAMPUNG.COM": 2, "teraslampung.com": 2, "Teraslampung.com": 2},
            "Teraslampung.com",
        ),
        ({"Bandar  Lampung": 1, "Bandar Lampung": 1}, "Bandar Lampung"),
        ({"Lampung ": 1, "LAMPUNG": 1}, "LAMPUNG"),  # spaced first, then case
        ({"Sumsel": 1, "SumSel": 1}, "SumSel"),  # then code point order
    ],
)
def test_usual_spelling(counts, usual):
    assert usual_spelling(counts) == usual
