"""Texts kept between builds by the digest of the value they were made from."""

from __future__ import annotations

import io
import json

import pytest

from warta.jsontext import memo_fingerprint, write_indented_list
from warta.textmemo import TextMemo

RECORDS = [
    {"url": "berita/a/", "title": "Kopi Lampung", "figures": [1.5, 2]},
    {"url": "berita/b/", "title": "Ekspor ikan", "agencies": [{"id": "bps"}]},
    {"url": "berita/c/", "title": "Pameran «UMKM»", "region": None},
]


def _made(texts: list[object]):
    def make(value) -> str:
        texts.append(value)
        return json.dumps(value, ensure_ascii=False)

    return make


def _run(path, values, fingerprint="kode-1", save=True) -> tuple[list[str], list]:
    made: list = []
    memo = TextMemo(path, fingerprint)
    try:
        texts = [memo.text(value, _made(made)) for value in values]
        if save:
            memo.save()
    finally:
        memo.close()
    return texts, made


def test_equal_values_are_read_back_and_changed_ones_made(tmp_path):
    path = tmp_path / "memo.bin"
    first, made = _run(path, RECORDS)
    assert made == RECORDS
    again, made = _run(path, RECORDS)
    assert (again, made) == (first, [])
    changed = [RECORDS[0], {**RECORDS[1], "title": "Ekspor udang"}, RECORDS[2]]
    texts, made = _run(path, changed)
    assert made == [changed[1]]
    assert texts == [json.dumps(v, ensure_ascii=False) for v in changed]
    # Texts no longer used are dropped from the file.
    _, made = _run(path, RECORDS)
    assert made == [RECORDS[1]]


@pytest.mark.parametrize(
    ("damage", "made_again"),
    [
        ("a byte of a text", 1),
        ("the file cut short", 3),
        ("other code", 3),
        ("no file", 3),
        ("not saved", 3),
    ],
)
def test_a_damaged_or_foreign_file_makes_texts_again(tmp_path, damage, made_again):
    path = tmp_path / "memo.bin"
    first, _ = _run(path, RECORDS, save=damage != "not saved")
    fingerprint = "kode-1"
    if damage == "a byte of a text":
        data = bytearray(path.read_bytes())
        data[len(first[0]) + 3] ^= 0x20  # inside the second text
        path.write_bytes(bytes(data))
    elif damage == "the file cut short":
        path.write_bytes(path.read_bytes()[:-3])
    elif damage == "other code":
        fingerprint = "kode-2"
    elif damage == "no file":
        path.unlink()
    texts, made = _run(path, RECORDS, fingerprint)
    assert texts == first
    assert len(made) == made_again
    assert not path.with_name(path.name + ".tmp").exists()


@pytest.mark.parametrize("items", [[], RECORDS, [*RECORDS, RECORDS[0]]])
def test_an_indented_list_with_a_memo_is_the_list_without_one(tmp_path, items):
    alone = io.StringIO()
    write_indented_list(alone, items)
    assert json.loads(alone.getvalue()) == items
    for _ in range(2):  # made, then read back
        memo = TextMemo(tmp_path / "memo.bin", memo_fingerprint(1))
        remembered = io.StringIO()
        write_indented_list(remembered, items, memo=memo)
        memo.save()
        assert remembered.getvalue() == alone.getvalue()
    assert memo.kept == len(items)


def test_a_text_is_read_back_by_its_key_in_a_later_build(tmp_path):
    path = tmp_path / "memo.bin"
    memo = TextMemo(path, "kode-1")
    keys = [memo.keyed_text(value, _made([]))[0] for value in RECORDS]
    assert memo.text_of(keys[0]) is None  # not kept by a build yet
    memo.save()
    memo.close()

    later = TextMemo(path, "kode-1")
    made: list = []
    assert later.text_of(keys[1]) == json.dumps(RECORDS[1], ensure_ascii=False)
    assert later.text_of(b"\0" * 16) is None  # an unknown key
    # The key is the one keyed_text gives for the same value.
    assert later.keyed_text(RECORDS[2], _made(made))[0] == keys[2]
    assert made == []
    later.save()
    later.close()

    # Kept again by the build that read it back: there the build after.
    third = TextMemo(path, "kode-1")
    assert third.text_of(keys[1]) is not None
    assert third.text_of(keys[0]) is None  # not used by the last build
    third.close()
    other_code = TextMemo(path, "kode-2")
    assert other_code.text_of(keys[1]) is None
    other_code.close()
