"""dumps_indented and write_indented_list write exactly what
json.dumps(ensure_ascii=False, indent=n) writes."""

import collections
import enum
import io
import json
import math

import pytest
from markupsafe import Markup

from warta.jsontext import dumps_indented, write_indented_list


class Level(enum.IntEnum):
    HIGH = 3


class Share(float):
    pass


VALUES = [
    0,
    -7,
    10**30,
    1.5,
    -0.0,
    1e300,
    2.42,
    math.nan,
    math.inf,
    -math.inf,
    True,
    False,
    None,
    "",
    "Kementerian Perdagangan",
    'quote " backslash \\ slash / </script> \u2028 é ñ \x00 \x1f \n\t',
    [],
    {},
    [[]],
    [{}],
    (1, "two", None),
    {"a": {}, "b": [], "c": [[], {}]},
    {"nested": [{"deep": [1, [2, [3, {"x": None}]]]}]},
    [Markup("<b>title</b>"), Level.HIGH, Share(2.5)],
    {"key": Markup("x"), "kind": Level.HIGH},
    collections.OrderedDict(z=1, a=2),
    [
        {
            "url": "berita/2025/12/27/ekspor/",
            "title": "Ekspor Kain Tapis Naik",
            "date": "2025-12-27",
            "source": None,
            "agencies": [{"id": "kemendag", "name": "Kemendag", "verified": True}],
            "people": [],
            "figures": [{"value": 2.42, "value_max": None, "period_year": 2024}],
        }
    ],
]


@pytest.mark.parametrize("indent", [1, 2, 4])
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_same_text_as_json_dumps(value, indent):
    expected = json.dumps(value, ensure_ascii=False, indent=indent)
    assert dumps_indented(value, indent) == expected


@pytest.mark.parametrize(
    "value",
    [{1: "int key"}, {"a": {2.5: "float key", None: "none key"}}, {True: [1]}],
    ids=repr,
)
def test_keys_that_are_not_strings_are_left_to_json(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("value", [[object()], {"a": {1j}}, {(1, 2): 3}], ids=repr)
def test_what_json_refuses_is_refused(value):
    with pytest.raises(TypeError):
        dumps_indented(value)


def test_a_cycle_is_refused_as_json_refuses_it():
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented(loop)


@pytest.mark.parametrize("indent", [1, 2, 4])
@pytest.mark.parametrize(
    "items",
    [[], [None], VALUES, [{1: "int key"}, {"a": [{2.5: "x"}]}], [VALUES, [VALUES]]],
    ids=["empty", "one", "values", "left to json", "nested"],
)
def test_a_list_written_item_by_item_is_the_same_text(items, indent):
    stream = io.StringIO()
    write_indented_list(stream, iter(items), indent)
    assert stream.getvalue() == json.dumps(items, ensure_ascii=False, indent=indent)
