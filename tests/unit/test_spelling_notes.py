"""Notes on regions and sources spelt otherwise than most articles spell them."""

from pathlib import Path

import pytest

from warta.checks import spelling_notes


def _spelt(*values, key="region"):
    return [(key, value, Path(f"{n}.md"), 3) for n, value in enumerate(values)]


@pytest.mark.parametrize(
    ("spelt", "notes"),
    [
        (_spelt("Lampung", "Lampung"), []),
        # Another name is no other spelling.
        (_spelt("Lampung", "Jambi"), []),
        (
            _spelt("Lampung", "lampung", "Lampung"),
            ["1.md:3: Region 'lampung' is spelt 'Lampung' in 2 articles"],
        ),
        # A tie: the one spaced as words are is the usual one.
        (
            _spelt("Bandar Lampung", "Bandar  lampung"),
            ["1.md:3: Region 'Bandar  lampung' is spelt 'Bandar Lampung' in 1 article"],
        ),
        # Keys apart: a source and a region of one name.
        (_spelt("Lampung") + _spelt("lampung", key="source"), []),
    ],
)
def test_spelling_notes(spelt, notes):
    assert [str(note) for note in spelling_notes(spelt)] == notes
