"""Calls to a function noted as they pass: a test sees what the code asked
of it, and the function still does its work."""

from __future__ import annotations

import inspect
from collections.abc import Callable


def spy(monkeypatch, owner, name: str, note: Callable | None = None) -> list:
    """For the test, ``owner.name`` notes each call in the list returned
    (``note(*args, **kwargs)``, else the arguments) and calls on as before
    (a static method stays one)."""
    calls: list = []
    original = getattr(owner, name)
    static = isinstance(inspect.getattr_static(owner, name), staticmethod)

    def noted(*args, **kwargs):
        calls.append(args if note is None else note(*args, **kwargs))
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, staticmethod(noted) if static else noted)
    return calls
