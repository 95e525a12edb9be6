"""Excerpts are cut from a text's tokens as indeks.js's ``excerpt`` splits
them; a text whose tokens are all ASCII is split at once, lower cased."""

from __future__ import annotations

import pytest

from warta.search.textindex import _token_pattern, excerpt_text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Industri kopi naik", True),
        ("“Kopi” naik — ekspor… industri", True),  # quotes, dashes, ellipsis
        ("harga\u00a0naik", True),  # a no-break space
        ("Café", False),  # a letter outside ASCII
        ("naïve", False),
        ("Istanbul İzmir", False),  # lower case makes İ two characters
        ("kopi\u0301", False),  # a combining mark belongs to its word
        ("nilai ² naik", False),  # a number
        ("Ⓐ kopi", False),  # a symbol lower case changes
    ],
)
def test_a_text_is_split_at_once_when_its_tokens_are_plain(text, plain):
    assert _token_pattern(text)[1] is plain


QUOTED = "Satu dua tiga empat lima enam tujuh “Ekspor” kopi naik — kata dinas."


@pytest.mark.parametrize(
    ("text", "marked", "length", "shown"),
    [
        # From five words before the first word marked, as many as fit.
        (
            QUOTED,
            {"ekspor", "kopi"},
            8,
            "… tiga empat lima enam tujuh “Ekspor” kopi naik …",
        ),
        (QUOTED, {"dinas"}, 30, "… tujuh “Ekspor” kopi naik — kata dinas"),
        ("Café kopi—naïve ekspor", {"naive"}, 3, "Café kopi—naïve …"),
        # A text's own ellipsis before its first word or after its last
        # is told as one where words are left out.
        ("…kata dinas, ekspor naik", {"ekspor"}, 30, "… kata dinas, ekspor naik"),
        ("Ekspor naik, kata dinas…", {"ekspor"}, 30, "Ekspor naik, kata dinas …"),
        ("Ekspor… naik", {"ekspor"}, 30, "Ekspor… naik"),  # within: as it is
    ],
)
def test_the_excerpt_of_a_text_with_other_characters(text, marked, length, shown):
    assert excerpt_text(text, marked, length) == shown
