"""A JSON list written with its unchanged items copied from the last build's
file: the same text as writing every item, whatever was copied."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil

import pytest

from tests.spies import spy
from warta.jsontext import item_text, write_indented_list
from warta.listfile import ListFile, value_key

RECORDS = [
    {"url": f"berita/{n}/", "title": f"Kopi «{n}»", "figures": [n, n / 2]}
    for n in range(6)
]


def _write(folder, items, fingerprint="kode-1", indent=1) -> tuple[str, list, ListFile]:
    """Write ``items`` as a build would; the text, the items made, the file."""
    listed = ListFile(folder / "list.json", folder / "list.index", fingerprint, indent)
    made = []
    text = item_text(indent)

    def entries():
        for item in items:
            key = value_key(item)
            if listed.has(key):
                yield key, None
            else:
                made.append(item)
                yield key, text(item)

    listed.write(entries())
    return (folder / "list.json").read_text(encoding="utf-8"), made, listed


def _alone(items, indent=1) -> str:
    stream = io.StringIO()
    write_indented_list(stream, items, indent)
    return stream.getvalue()


@pytest.mark.parametrize(
    ("later", "made"),
    [
        (RECORDS, []),
        ([], []),
        (RECORDS[::-1], []),  # every item copied, none after the one before it
        ([{"url": "baru"}, *RECORDS], [{"url": "baru"}]),  # one added first
        ([*RECORDS, {"url": "baru"}], [{"url": "baru"}]),  # one added last
        ([*RECORDS[:2], {"url": "ubah"}, *RECORDS[3:]], [{"url": "ubah"}]),
        (RECORDS[1:5], []),  # the first and the last gone
        ([RECORDS[0], RECORDS[0]], []),  # the same item twice
    ],
)
@pytest.mark.parametrize("indent", [1, 2])
def test_items_copied_or_made_give_the_list_written_afresh(
    tmp_path, later, made, indent
):
    _write(tmp_path, RECORDS, indent=indent)
    text, made_now, listed = _write(tmp_path, later, indent=indent)
    assert text == _alone(later, indent)
    assert json.loads(text) == later
    assert made_now == made
    assert listed.copied == len(later) - len(made)
    # And the build after that finds every item where this one wrote it.
    again, made_again, _ = _write(tmp_path, later, indent=indent)
    assert (again, made_again) == (text, [])


def test_a_run_of_items_is_copied_at_once(tmp_path, monkeypatch):
    _write(tmp_path, RECORDS)
    calls = spy(monkeypatch, os, "copy_file_range", lambda *args, **_: args[2])
    edited = [*RECORDS[:3], {"url": "ubah"}, *RECORDS[4:]]
    text, _, _ = _write(tmp_path, edited)
    assert text == _alone(edited)
    assert len(calls) == 2  # the three items before the edit, the two after


def test_without_the_kernels_copy_the_bytes_are_copied_by_hand(tmp_path, monkeypatch):
    """A filesystem that cannot copy between files (or a system without
    ``copy_file_range``)."""
    _write(tmp_path, RECORDS)

    def refused(*_args, **_kwargs):
        raise OSError(errno.EXDEV, "cross-device")

    monkeypatch.setattr(os, "copy_file_range", refused)
    text, made, _ = _write(tmp_path, RECORDS[::-1])
    assert (text, made) == (_alone(RECORDS[::-1]), [])


@pytest.mark.parametrize(
    "damage", ["a byte changed", "the file cut short", "no file", "other code", "index"]
)
def test_a_file_changed_since_or_foreign_gives_nothing_to_copy(tmp_path, damage):
    first, _, _ = _write(tmp_path, RECORDS)
    path, fingerprint = tmp_path / "list.json", "kode-1"
    if damage == "a byte changed":
        stamp = path.stat()
        data = bytearray(path.read_bytes())
        data[20] ^= 0x20
        path.write_bytes(bytes(data))
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1))
    elif damage == "the file cut short":
        path.write_bytes(path.read_bytes()[:-3])
    elif damage == "no file":
        path.unlink()
    elif damage == "other code":
        fingerprint = "kode-2"
    else:
        (tmp_path / "list.index").write_bytes(b"rusak")
    text, made, _ = _write(tmp_path, RECORDS, fingerprint)
    assert (text, made) == (first, RECORDS)
    assert not (tmp_path / "list.json.tmp").exists()


def test_a_file_gone_between_opening_and_writing_gives_nothing_to_copy(tmp_path):
    first, _, _ = _write(tmp_path, RECORDS)
    listed = ListFile(tmp_path / "list.json", tmp_path / "list.index", "kode-1")
    assert listed.has(value_key(RECORDS[0]))
    (tmp_path / "list.json").unlink()
    text = item_text(1)
    listed.write(
        (value_key(r), None if listed.has(value_key(r)) else text(r)) for r in RECORDS
    )
    assert (tmp_path / "list.json").read_text(encoding="utf-8") == first
    assert listed.made == len(RECORDS)


def test_a_file_kept_at_another_path_is_not_read(tmp_path):
    _write(tmp_path, RECORDS)
    # The same size and time: only its path tells it from the file written.
    shutil.copy2(tmp_path / "list.json", tmp_path / "other.json")
    assert ListFile(tmp_path / "list.json", tmp_path / "list.index", "kode-1").has(
        value_key(RECORDS[0])
    )
    elsewhere = ListFile(tmp_path / "other.json", tmp_path / "list.index", "kode-1")
    assert not elsewhere.has(value_key(RECORDS[0]))


def test_a_failed_writing_leaves_the_last_file(tmp_path):
    first, _, _ = _write(tmp_path, RECORDS)
    listed = ListFile(tmp_path / "list.json", tmp_path / "list.index", "kode-1")

    def entries():
        yield value_key(RECORDS[0]), None
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        listed.write(entries())
    assert (tmp_path / "list.json").read_text(encoding="utf-8") == first
    assert not (tmp_path / "list.json.tmp").exists()
    assert _write(tmp_path, RECORDS)[1] == []


def _apart(text: str) -> str:
    """An equal string that is not the same object."""
    return "".join(list(text))


NAME = "Dinas Perindustrian Provinsi Lampung, " * 3


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # One string object met twice, or two equal ones.
        ({"a": NAME, "b": NAME}, {"a": NAME, "b": _apart(NAME)}),
        ([NAME, [NAME, {"c": NAME}]], [_apart(NAME), [_apart(NAME), {"c": NAME}]]),
        # One list object met twice, or two equal ones.
        ({"x": (shared := [1, NAME]), "y": shared}, {"x": [1, NAME], "y": [1, NAME]}),
    ],
)
def test_equal_values_have_one_key_whatever_they_share(one, other):
    assert one == other
    assert value_key(one) == value_key(other)


def test_different_values_have_different_keys():
    keys = {value_key(v) for v in ({"a": NAME}, {"a": NAME + " "}, [NAME], (1,), [1.0])}
    assert len(keys) == 5
