"""Objects made from files, kept while the files are unchanged."""

from __future__ import annotations

import os

import pytest

from warta.kept import (
    CarriedOver,
    carried_over,
    carries,
    forget_kept,
    keep,
    kept_and_updated,
    kept_while_unchanged,
    take,
)


@pytest.fixture(autouse=True)
def _fresh():
    forget_kept()
    yield
    forget_kept()


def _folder(tmp_path):
    folder = tmp_path / "authority"
    folder.mkdir()
    (folder / "agencies.yaml").write_text("- id: a\n", encoding="utf-8")
    return folder


def _counting():
    made = []

    def make():
        made.append(object())
        return made[-1]

    return made, make


def _resave(path):
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


@pytest.mark.parametrize(
    "change",
    [
        lambda folder: _resave(folder / "agencies.yaml"),
        lambda folder: (folder / "agencies.yaml").write_text("- id: b\n  x: 1\n"),
        lambda folder: (folder / "people.yaml").write_text("[]\n"),
        lambda folder: (folder / "agencies.yaml").unlink(),
        lambda folder: forget_kept(),
    ],
    ids=["saved-again", "edited", "file-added", "file-removed", "new-process"],
)
def test_an_object_is_made_again_only_after_a_change(tmp_path, change):
    folder = _folder(tmp_path)
    made, make = _counting()
    first = kept_while_unchanged("tagger", [folder], make)
    assert kept_while_unchanged("tagger", [folder], make) is first
    assert kept_while_unchanged("tagger", [folder / ".." / "authority"], make) is first
    assert len(made) == 1

    change(folder)
    again = kept_while_unchanged("tagger", [folder], make)

    assert again is not first
    assert len(made) == 2
    assert kept_while_unchanged("tagger", [folder], make) is again


def test_kinds_and_roots_are_kept_apart(tmp_path):
    folder = _folder(tmp_path)
    made, make = _counting()
    one = kept_while_unchanged("tagger", [folder], make)
    other = kept_while_unchanged("catalogue", [folder], make)
    single = kept_while_unchanged("tagger", [folder / "agencies.yaml"], make)
    assert len({id(one), id(other), id(single)}) == len(made) == 3


def test_what_make_raises_is_raised_again_and_nothing_kept(tmp_path):
    folder = _folder(tmp_path)
    calls = []

    def broken():
        calls.append(1)
        raise ValueError("agencies.yaml: line 1: bad")

    for _ in range(2):
        with pytest.raises(ValueError, match="line 1"):
            kept_while_unchanged("tagger", [folder], broken)
    assert len(calls) == 2


def test_the_last_result_is_handed_to_the_next_update():
    handed = []

    def update(last):
        handed.append(last)
        return (last or 0) + 1

    assert kept_and_updated("related", update) == 1
    assert kept_and_updated("related", update) == 2
    assert kept_and_updated("groups", update) == 1  # by kind
    assert handed == [None, 1, None]

    def broken(last):
        raise ValueError("half way")

    with pytest.raises(ValueError, match="half way"):
        kept_and_updated("related", broken)
    assert kept_and_updated("related", update) == 1  # nothing kept
    forget_kept()
    assert kept_and_updated("related", update) == 1


@pytest.mark.parametrize(
    ("change", "taken"),
    [(lambda path: None, True), (_resave, False), (lambda path: path.unlink(), False)],
    ids=["unchanged", "saved-again", "removed"],
)
def test_what_was_kept_after_writing_is_taken_once_while_the_file_is_unchanged(
    tmp_path, change, taken
):
    path = tmp_path / "tags.json"
    path.write_text("{}\n", encoding="utf-8")
    written = {"key": "entries"}
    keep("json cache", [path], written)
    change(path)
    assert (take("json cache", [path]) is written) is taken
    assert take("json cache", [path]) is None  # handed over, not kept again


def test_values_are_carried_over_to_the_next_build_with_equal_inputs():
    last, now = carried_over("keys", ("catalogue", 1))
    assert last == {}
    now.update(a=1, b=2)
    last, now = carried_over("keys", ("catalogue", 1))
    assert last == {"a": 1, "b": 2}
    now["a"] = last["a"]  # used again; "b" is not
    assert carried_over("keys", ("catalogue", 1))[0] == {"a": 1}
    assert carried_over("other", ("catalogue", 1))[0] == {}  # kinds apart
    assert carried_over("keys", ("catalogue", 2))[0] == {}  # other inputs
    assert carried_over("keys", ("catalogue", 1))[0] == {}
    forget_kept()
    assert carried_over("keys", ("catalogue", 2))[0] == {}


def test_carries_tells_whether_the_next_build_would_find_values():
    forget_kept()
    assert not carries("keys", 1)  # no build yet
    carried_over("keys", 1)
    assert not carries("keys", 1)  # a build that put nothing
    carried_over("keys", 1)[1]["a"] = 1
    assert carries("keys", 1)
    assert carries("keys", 1)  # asking does not start a build
    assert not carries("keys", 2)
    assert not carries("other", 1)
    assert carried_over("keys", 1)[0] == {"a": 1}
    forget_kept()
    assert not carries("keys", 1)


def test_one_object_serves_a_build_and_the_next_for_the_same_inputs():
    forget_kept()
    made = []

    def make(name):
        return lambda: made.append(name) or [name]  # a new object each call

    first = CarriedOver("links", "authority 1")
    a = first.once("a", make("a"))
    assert first.once("a", make("a again")) is a  # once in a build
    b = first.once("b", make("b"))
    second = CarriedOver("links", "authority 1")
    assert second.once("a", make("a next")) is a  # carried over
    third = CarriedOver("links", "authority 1")
    assert third.once("b", make("b later")) is not b  # not used by the second
    renamed = CarriedOver("links", "authority 2")
    assert renamed.once("a", make("a renamed")) is not a  # other authority
    assert made == ["a", "b", "b later", "a renamed"]
    forget_kept()
