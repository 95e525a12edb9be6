"""A cache file is the text json.dumps would write, written entry by entry;
objects put in the cache are written as their records."""

import io
import json

import pytest

from warta.cache import JsonCache, write_json_object


@pytest.mark.parametrize(
    "mapping",
    [
        {},
        {"a": []},
        {"ab12": [{"id": "bps", "sentence": 'Kata "BPS" — naik\n2,1 %', "ok": True}]},
        {"x": {"nested": [1, 2.5, None, "é"]}, "y": [], "z": "\u2028"},
    ],
    ids=["empty", "one", "escapes", "several"],
)
def test_same_text_as_json_dumps(mapping):
    stream = io.StringIO()
    write_json_object(stream, mapping)
    expected = json.dumps(mapping, ensure_ascii=False, separators=(",", ":"))
    assert stream.getvalue() == expected


def test_an_object_put_is_saved_as_its_record(tmp_path):
    path = tmp_path / "cache.json"
    cache = JsonCache.load(path)
    cache.put_object("a", (1, "dua"), list)
    cache.put_json("b", {"tiga": 3})
    assert cache.get_json("a") == [1, "dua"]
    cache.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "a": [1, "dua"],
        "b": {"tiga": 3},
    }
