"""Spellings of one word share a stem: the table and the stems it gives."""

import pytest
import snowballstemmer

from warta.search.spelling import SAME_WORD
from warta.search.textindex import stem, words

SNOWBALL = snowballstemmer.stemmer("indonesian")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("kementrian", "kementerian"),
        ("propinsi", "provinsi"),
        ("resiko", "risiko"),
        ("milyar", "miliar"),
        ("mengonsumsi", "konsumsi"),
        ("mengkonsumsi", "mengonsumsi"),
        ("mempengaruhi", "pengaruh"),
    ],
)
def test_two_spellings_have_one_stem(one, other):
    assert stem(one) == stem(other)


@pytest.mark.parametrize("word", ["kementerian", "industri", "rubah", "2026"])
def test_other_words_keep_their_own_stem(word):
    assert stem(word) == (SNOWBALL.stemWord(word) if word.isalpha() else word)


@pytest.mark.parametrize(("word", "same"), sorted(SAME_WORD.items()))
def test_each_entry_is_needed_and_final(word, same):
    # As words() gives words, and not stemmed alike without the entry.
    assert words(word) == [word]
    assert SNOWBALL.stemWord(word) != SNOWBALL.stemWord(same)
    # No chain: the word it points to stems as itself.
    assert same not in SAME_WORD
