"""Files a generator makes without a template: data downloads, open data.

A writer that keeps unchanged outputs between builds (the incremental
build's) offers ``write_derived(name, inputs, write, by_path)``; any other
writer gets the file written every time. ``write(stream)`` is called only
when the file is written, so that an unchanged file costs a digest of its
inputs, not the work of making it; it may write its text in parts. With
``by_path``, ``write(path)`` writes the file at ``path`` itself (from parts
of the file it replaces: ``warta.listfile``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TextIO


def write_derived(
    writer,
    name: str,
    inputs: object,
    write: Callable[[TextIO], None] | Callable[[str], None],
    *,
    by_path: bool = False,
) -> bool:
    """``write`` the file ``name`` (relative to the output folder), unless
    ``writer`` knows it is already there with the same ``inputs``; whether
    it was written."""
    memoised = getattr(writer, "write_derived", None)
    if memoised is not None:
        return memoised(name, inputs, write, by_path=by_path)
    path = os.path.join(writer.output_path, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if by_path:
        write(path)
        return True
    with open(path, "w", encoding="utf-8") as stream:
        write(stream)
    return True
