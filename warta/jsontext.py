"""Indented JSON text, as ``json.dumps(..., ensure_ascii=False, indent=n)`` writes it.

The standard library encodes indented JSON with nested Python generators (its
C encoder cannot indent), which made ``data/articles.json`` one of the dearest
files of a build. ``dumps_indented`` writes the very same text about twice as
fast with one recursive function and a list of parts. Strings, numbers and
constants are encoded exactly as the standard library encodes them (its own C
string escaper, ``int.__repr__``, ``float.__repr__``); anything it does not
expect (a key that is not a string, a value JSON cannot hold, a cycle) is left
to ``json.dumps``, so the text never differs from it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring
from pathlib import Path
from typing import TextIO

_INFINITY = float("inf")


class _Unusual(Exception):
    """A value the fast path does not handle; ``json.dumps`` takes over."""


def _float(value: float) -> str:
    if value != value:  # NaN, the one value unequal to itself
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _constant(value) -> str:
    return "null" if value is None else ("true" if value else "false")


# Exact types, looked up once per value; subclasses take the slower path below.
_SCALARS = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: _constant,
    type(None): _constant,
}


def _scalar(value) -> str:
    """A subclass of str, int or float, in the standard library's order of tests."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise _Unusual


def dumps_indented(data, indent: int = 1) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=indent)``, faster."""
    step = " " * indent
    parts: list[str] = []
    append = parts.append
    encode = encode_basestring
    scalar_of = _SCALARS.get

    def value(item, newline: str) -> None:
        """Append ``item``, a value nested at the depth that ``newline`` indents."""
        convert = scalar_of(type(item))
        if convert is not None:
            append(convert(item))
        elif isinstance(item, dict):
            mapping(item, newline)
        elif isinstance(item, (list, tuple)):
            sequence(item, newline)
        else:
            append(_scalar(item))

    def mapping(item: dict, newline: str) -> None:
        if not item:
            append("{}")
            return
        inner = newline + step
        separator = "{" + inner
        for key, member in item.items():
            if not isinstance(key, str):
                raise _Unusual
            convert = scalar_of(type(member))
            if convert is not None:
                append(f"{separator}{encode(key)}: {convert(member)}")
            else:
                append(f"{separator}{encode(key)}: ")
                value(member, inner)
            separator = "," + inner
        append(newline + "}")

    def sequence(item, newline: str) -> None:
        if not item:
            append("[]")
            return
        inner = newline + step
        separator = "[" + inner
        for member in item:
            convert = scalar_of(type(member))
            if convert is not None:
                append(separator + convert(member))
            else:
                append(separator)
                value(member, inner)
            separator = "," + inner
        append(newline + "]")

    try:
        value(data, "\n")
    except (_Unusual, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=indent)
    return "".join(parts)


def write_indented_list(stream: TextIO, items: Iterable, indent: int = 1) -> None:
    """Write ``dumps_indented(list(items), indent)`` to ``stream``, one item at a
    time: neither the list nor its whole text is ever held (``data/articles.json``
    at 20,000 articles held over 0.5 GiB at once). Encoded JSON has no newline
    but those that indent it, so an item's text (``item_text``) is nested one
    level deeper by indenting each of its lines once more; ``warta.listfile``
    writes the same list with some items copied from the last build's."""
    write_indented_texts(stream, map(item_text(indent), items), indent)


def item_text(indent: int = 1) -> Callable[[object], str]:
    """An item's text in ``write_indented_texts``'s list."""
    inner = "\n" + " " * indent

    def text(item) -> str:
        return dumps_indented(item, indent).replace("\n", inner)

    return text


def write_indented_texts(stream: TextIO, texts: Iterable[str], indent: int = 1) -> None:
    """The list of the items whose texts (``item_text``) are ``texts``."""
    inner = "\n" + " " * indent
    separator = "[" + inner
    for made in texts:
        stream.write(separator + made)
        separator = "," + inner
    stream.write("[]" if separator[0] == "[" else "\n]")


def memo_fingerprint(indent: int) -> str:
    """What the texts of ``item_text`` depend on besides the items:
    this module's code and the indent."""
    code = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=16).hexdigest()
    return f"{code}/{indent}"
