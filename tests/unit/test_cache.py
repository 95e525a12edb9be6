"""A cache file holds one entry a line; entries are read back as they were
put, objects put in the cache are written as their records, and a damaged
file or line is never trusted."""

import pytest

from warta.cache import STALE_SHARE, JsonCache
from warta.kept import forget_kept


def from_file(path) -> JsonCache:
    """The cache as a new process reads it (not what this one kept)."""
    forget_kept()
    return JsonCache.load(path)


RECORDS = {
    "empty": [],
    "ab12": [{"id": "bps", "sentence": 'Kata "BPS" — naik\n2,1 %\ttab', "ok": True}],
    "x": {"nested": [1, 2.5, None, "é"]},
    "separators \u2028\u2029\r": "\u2028 line\rseparators\u0085",
    'key "quoted"\t\n': {"k": 1},
}


@pytest.mark.parametrize("key", list(RECORDS), ids=range(len(RECORDS)))
def test_a_record_reads_back_as_it_was_put(tmp_path, key):
    path = tmp_path / "cache.json"
    cache = JsonCache.load(path)
    for name, record in RECORDS.items():
        cache.put_json(name, record)
    cache.save()
    again = from_file(path)
    assert set(again.entries) == set(RECORDS)
    assert again.get_json(key) == RECORDS[key]


def test_an_object_put_is_saved_as_its_record(tmp_path):
    path = tmp_path / "cache.json"
    cache = JsonCache.load(path)
    cache.put_object("a", (1, "dua"), list)
    cache.put_json("b", {"tiga": 3})
    assert cache.get_json("a") == [1, "dua"]
    cache.save()
    again = from_file(path)
    assert (again.get_json("a"), again.get_json("b")) == ([1, "dua"], {"tiga": 3})


def test_entries_read_and_kept_are_written_as_they_were_read(tmp_path):
    path = tmp_path / "cache.json"
    cache = JsonCache.load(path)
    cache.put_json("a", {"satu": 1})
    cache.put_json("b", [2])
    cache.save()
    again = from_file(path)
    assert again.get_json("a") == {"satu": 1}
    again.put_json("c", [3])
    again.save()  # "b" was not used: dropped
    third = from_file(path)
    assert (third.get_json("a"), third.get_json("b"), third.get_json("c")) == (
        {"satu": 1},
        None,
        [3],
    )


@pytest.mark.parametrize(
    "text",
    ["{rusak", '{"a": [1]}', '# warta json cache 2\n"a"\t[1]\nsisa\n"b"\t[2]\n'],
    ids=["damaged", "older layout", "a line without its key"],
)
def test_a_damaged_cache_is_rebuilt(tmp_path, text):
    path = tmp_path / "cache.json"
    path.write_text(text, encoding="utf-8")
    assert JsonCache.load(path).entries == {}


def test_a_damaged_record_is_a_miss(tmp_path):
    path = tmp_path / "cache.json"
    path.write_text('# warta json cache 2\n"a"\t[1\n"b"\t[2]\n', encoding="utf-8")
    cache = JsonCache.load(path)
    assert cache.get_json("a") is None
    assert cache.get_json("b") == [2]
    assert (cache.hits, cache.misses) == (1, 1)


def test_an_entry_kept_as_its_object_is_not_new_and_saved_as_its_record(tmp_path):
    path = tmp_path / "cache.json"
    cache = JsonCache.load(path)
    cache.put_json("a", [1, "dua"])
    cache.put_json("b", [3])
    cache.save()
    again = from_file(path)
    again.get_object("a", tuple, list)
    assert again.get_json("a") == [1, "dua"]
    assert again.added == 0
    again.put_json("c", [4])
    again.save()  # written: "a" from its object, "b" dropped (not used)
    third = from_file(path)
    assert (third.get_json("a"), third.get_json("b")) == ([1, "dua"], None)


def test_records_read_share_their_strings(tmp_path):
    path = tmp_path / "cache.json"
    cache = JsonCache.load(path)
    sentence = "Dinas Perindustrian Provinsi Lampung menggelar pelatihan " * 3
    for key in ("a", "b"):
        cache.put_json(
            key,
            [
                {"id": "disperindag-lampung", "kind": "agency", "sentence": sentence},
                {"id": "bps", "kind": "agency", "sentence": sentence},
            ],
        )
    cache.save()
    again = from_file(path)
    first, second = again.get_json("a"), again.get_json("b")
    assert first == second == cache.get_json("a")
    # A short string is held once for the whole build, keys included...
    assert first[0]["kind"] is second[1]["kind"]
    assert first[0]["id"] is second[0]["id"]
    assert next(iter(first[0])) is next(iter(second[1]))
    # ...a long one once a record: the same sentence of two tags of one article.
    assert first[0]["sentence"] is first[1]["sentence"]
    assert first[0]["sentence"] is not second[0]["sentence"]


def test_a_process_takes_back_the_objects_it_saved_while_the_file_is_unchanged(
    tmp_path,
):
    """``make serve`` builds again in one process: the entries its last build
    used come back as the objects that build made, not parsed from the file
    again; an entry that build did not use is not kept."""
    path = tmp_path / "cache.json"
    cache = JsonCache.load(path)
    made = (1, "dua")
    cache.put_object("a", made, list)
    cache.put_json("b", {"tiga": 3})
    cache.save()
    again = JsonCache.load(path)
    assert again.get_object("a", tuple, list) is made
    again.save()  # "b" was not used in this build: dropped from file and memory
    third = JsonCache.load(path)
    assert set(third.entries) == {"a"}
    assert third.get_object("a", tuple, list) is made


def test_a_cache_file_changed_since_it_was_saved_is_read_again(tmp_path):
    path = tmp_path / "cache.json"
    cache = JsonCache.load(path)
    cache.put_object("a", (1, "dua"), list)
    cache.save()
    other = JsonCache.load(tmp_path / "elsewhere.json")
    other.put_json("a", [3, "empat"])
    other.save()
    (tmp_path / "elsewhere.json").replace(path)  # written by another process
    assert JsonCache.load(path).get_object("a", tuple, list) == (3, "empat")


def _filled(path, count: int) -> JsonCache:
    cache = JsonCache.load(path)
    for number in range(count):
        cache.put_json(f"k{number}", [number, "isi"])
    cache.save()
    return cache


def _lines(path) -> list[bytes]:
    return path.read_bytes().splitlines()[1:]


@pytest.mark.parametrize("reload", [from_file, JsonCache.load], ids=["read", "kept"])
def test_a_build_with_few_new_entries_appends_them(tmp_path, reload):
    path = tmp_path / "cache.json"
    _filled(path, 16)
    before = path.read_bytes()
    again = reload(path)
    for number in range(1, 16):  # one entry no longer used: left on the file
        assert again.get_json(f"k{number}") == [number, "isi"]
    again.put_json("baru", {"x": 1})
    again.save()
    assert path.read_bytes().startswith(before)
    assert len(_lines(path)) == 17
    third = from_file(path)
    assert third.get_json("baru") == {"x": 1}
    assert third.get_json("k0") == [0, "isi"]  # still right for its key


@pytest.mark.parametrize("reload", [from_file, JsonCache.load], ids=["read", "kept"])
def test_a_file_with_too_many_unused_lines_is_written_afresh(tmp_path, reload):
    path = tmp_path / "cache.json"
    _filled(path, 16)
    again = reload(path)
    unused = int(STALE_SHARE * 16) + 1
    for number in range(unused, 16):
        again.get_json(f"k{number}")
    again.save()
    assert len(_lines(path)) == 16 - unused
    third = from_file(path)
    assert third.get_json("k0") is None
    assert third.get_json("k15") == [15, "isi"]


def test_a_file_changed_since_it_was_read_is_not_appended_to(tmp_path):
    path = tmp_path / "cache.json"
    _filled(path, 4)
    again = from_file(path)
    for number in range(4):
        again.get_json(f"k{number}")
    other = _filled(tmp_path / "other.json", 2)  # another process's file
    other.path.replace(path)
    again.put_json("baru", [9])
    again.save()
    third = from_file(path)
    assert set(third.entries) == {"k0", "k1", "k2", "k3", "baru"}


def test_an_append_cut_short_loses_its_line_only(tmp_path):
    path = tmp_path / "cache.json"
    _filled(path, 3)
    with open(path, "ab") as stream:
        stream.write(b'"baru"\t[1, 2')  # a crash in the middle of a line
    again = from_file(path)
    assert set(again.entries) == {"k0", "k1", "k2"}
    for number in range(3):
        again.get_json(f"k{number}")
    again.put_json("baru", [1, 2])
    again.save()  # not the file it would append to: written afresh
    assert from_file(path).get_json("baru") == [1, 2]


def test_an_entry_made_again_for_a_damaged_line_is_saved(tmp_path):
    path = tmp_path / "cache.json"
    _filled(path, 16)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('[3,"isi"]', '[3,"isi"'), encoding="utf-8")
    again = from_file(path)
    for number in range(16):
        if again.get_json(f"k{number}") is None:
            again.put_json(f"k{number}", [number, "baru"])
    again.save()
    assert len(_lines(path)) == 17  # appended: the damaged line is one of 17
    assert from_file(path).get_json("k3") == [3, "baru"]
