"""Exceptions for bad input. Each names the file, the line and the reason."""

from __future__ import annotations

from pathlib import Path


class WartaError(Exception):
    """Base class of every error Warta reports to an editor. ``logged``: a
    plugin has logged it already, fault by fault (the command line does not
    report it again)."""

    logged = False


class ContentError(WartaError):
    """A content file that cannot be published as it is.

    ``line`` is 1-based; ``None`` when the fault is not tied to one line
    (for instance a required field that is absent).
    """

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


class AuthorityError(WartaError):
    """The authority files hold faults; ``errors`` lists every one of them."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)
