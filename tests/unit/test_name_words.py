"""Words around names: common words, countries."""

import pytest

from warta.name_words import common_word, country_at


@pytest.mark.parametrize(
    ("word", "common"),
    [
        ("keputusan", True),
        ("pernyataan", True),
        ("penunjukan", True),
        ("pertandingan", True),
        ("menggunakan", True),
        ("sebelumnya", True),
        ("dilansir", True),
        ("apakah", True),
        # Names, Indonesian and foreign, some ending as affixed words do.
        ("setiawan", False),
        ("kurniawan", False),
        ("permana", False),
        ("kristian", False),
        ("pezeshkian", False),
        ("imam", False),
        ("sonya", False),
        ("keenan", False),
    ],
)
def test_common_word(word, common):
    assert common_word(word) is common


@pytest.mark.parametrize(
    ("tokens", "index", "size"),
    [
        (["menteri", "keuangan", "as", "scott"], 2, 1),
        (["menteri", "amerika", "serikat", "x"], 1, 2),  # the longest name
        (["presiden", "korea", "selatan"], 1, 2),
        (["presiden", "korea"], 1, 1),
        (["timor", "leste"], 0, 2),
        (["dinas", "lampung"], 1, 0),
        (["indonesia"], 0, 0),  # the archive's own country
        (["chad", "smith"], 0, 0),  # a given name first
        (["korea"], 1, 0),  # past the end
    ],
)
def test_country_at(tokens, index, size):
    assert country_at(tokens, index, lambda i: True) == size


def test_a_country_name_is_not_read_across_punctuation():
    assert country_at(["korea", "selatan"], 0, lambda i: False) == 1
