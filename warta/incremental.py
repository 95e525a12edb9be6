"""Incremental builds: a page whose inputs are unchanged is not rendered again.

A page's inputs are the site's fingerprint (settings, theme files, the code that
renders), its template, its output name and the values of the variables its
templates read. Each is reduced to a digest (``Digester``); ``PageMemo`` keeps
the digest of every page and feed of the last build with the files it wrote. A
page whose digest is unchanged and whose files are still there is kept as it
is. After the build, ``sweep`` removes every file that this build neither wrote
nor kept: the pages of removed articles, stale search-index files.

Dataclass fields declared with ``compare=False`` (a record's line in its
source file) are not part of a value's digest, as they are not part of its
equality. Values the digest cannot describe (an object of an unknown kind) make the page
be rendered every time: unknown means changed.

Pelican-free: the plugin passes a ``describe`` hook for the framework's own
objects (articles, tags) and calls ``PageMemo`` from its writer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

MEMO_VERSION = 1
# Lists and dicts at least this long are digested once per build and reused
# (the same list of 20,000 articles is read by many pages).
SHARED_MIN = 32
MAX_DEPTH = 12

# ``describe`` returns this for values it does not handle.
NOT_HANDLED = object()


class Unhashable(Exception):
    """A value the digest cannot describe: the page it feeds is always rendered."""


class Digester:
    """Digests of nested plain values, dataclasses and objects.

    ``describe(value, shallow)`` may stand in for framework objects: it returns
    a plain value (or a digest string) that represents ``value``, or
    ``NOT_HANDLED``. ``shallow`` is true for values reached through another
    record (an article's region, the articles related to it): an object with
    ``__digest_fields__`` is then described by those fields only.
    """

    def __init__(
        self, describe: Callable[[object, bool], object] | None = None
    ) -> None:
        self._describe = describe
        self._shared: dict[tuple[int, bool], tuple[object, str]] = {}

    def digest(self, value: object, *, shallow: bool = False) -> str:
        hasher = hashlib.blake2b(digest_size=16)
        self._feed(hasher.update, value, shallow, 0)
        return hasher.hexdigest()

    def _feed(self, put: Callable[[bytes], None], value, shallow: bool, depth: int):
        if depth > MAX_DEPTH:
            raise Unhashable(f"nested deeper than {MAX_DEPTH}")
        if value is None or isinstance(value, bool | int | float):
            put(f"{type(value).__name__}:{value!r};".encode())
            return
        if isinstance(value, str):
            put(b"s%d:" % len(value))
            put(value.encode("utf-8", "surrogatepass"))
            return
        if isinstance(value, bytes):
            put(b"b%d:" % len(value) + value)
            return
        if isinstance(value, dt.date | dt.time | dt.timedelta):
            put(f"{type(value).__name__}:{value!r};".encode())
            return
        if isinstance(value, enum.Enum):
            put(f"enum:{type(value).__qualname__}.{value.name};".encode())
            return
        if self._describe is not None:
            described = self._describe(value, shallow)
            if described is not NOT_HANDLED:
                put(b"d:")
                self._feed(put, described, shallow, depth + 1)
                return
        if isinstance(value, list | tuple | Mapping) and len(value) >= SHARED_MIN:
            put(b"h:" + self._shared_digest(value, shallow).encode() + b";")
            return
        self._feed_container(put, value, shallow, depth)

    def _shared_digest(self, value, shallow: bool) -> str:
        key = (id(value), shallow)
        found = self._shared.get(key)
        if found is not None and found[0] is value:
            return found[1]
        hasher = hashlib.blake2b(digest_size=16)
        self._feed_container(hasher.update, value, shallow, 0)
        digest = hasher.hexdigest()
        # The value is kept so that its id is not reused during this build.
        self._shared[key] = (value, digest)
        return digest

    def _feed_container(self, put, value, shallow: bool, depth: int) -> None:
        if isinstance(value, list | tuple):
            put(b"[%d" % len(value))
            for item in value:
                self._feed(put, item, shallow, depth + 1)
            put(b"]")
        elif isinstance(value, Mapping):
            put(b"{%d" % len(value))
            for key in sorted(value, key=repr):
                self._feed(put, key, shallow, depth + 1)
                self._feed(put, value[key], shallow, depth + 1)
            put(b"}")
        elif isinstance(value, set | frozenset):
            parts = sorted(self.digest(item, shallow=shallow) for item in value)
            put(("(" + ",".join(parts) + ")").encode())
        else:
            self._feed_object(put, value, shallow, depth)

    def _feed_object(self, put, value, shallow: bool, depth: int) -> None:
        kind = type(value)
        if callable(value) and not dataclasses.is_dataclass(value):
            name = getattr(value, "__qualname__", None) or kind.__qualname__
            put(f"f:{getattr(value, '__module__', '')}.{name};".encode())
            return
        names = getattr(kind, "__digest_fields__", None) if shallow else None
        if names is None:
            if dataclasses.is_dataclass(value):
                # A field left out of comparisons (a source line number) is
                # not part of the value.
                names = [f.name for f in dataclasses.fields(value) if f.compare]
            elif hasattr(value, "__dict__"):
                names = sorted(vars(value))
            elif hasattr(kind, "__slots__"):
                names = list(kind.__slots__)
            else:
                raise Unhashable(f"cannot digest a {kind.__qualname__}")
        put(f"o:{kind.__module__}.{kind.__qualname__}(".encode())
        for name in names:
            put(name.encode() + b"=")
            self._feed(put, getattr(value, name, None), shallow, depth + 1)
        put(b")")


def tree_digest(paths: Iterable[Path], suffixes: tuple[str, ...] = ()) -> str:
    """One digest over the files under ``paths`` (names and contents)."""
    hasher = hashlib.blake2b(digest_size=16)
    for root in paths:
        root = Path(root)
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in files:
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if suffixes and path.suffix not in suffixes:
                continue
            hasher.update(str(path).encode() + b"\0")
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


class PageMemo:
    """What the last build wrote: per page (or feed) its digest and files.

    Use: ``unchanged(key, digest)`` before rendering; if false, render inside
    ``record(key, digest)`` and report each written file with ``wrote``.
    """

    def __init__(self, path: Path, output: Path, fingerprint: str) -> None:
        self.path = Path(path)
        self.output = Path(output)
        self.fingerprint = fingerprint
        self._previous: dict[str, dict] = {}
        self._current: dict[str, dict] = {}
        self._recording: list[str] | None = None
        self.kept_files: set[str] = set()
        self.rendered_keys: list[str] = []
        self.changed_inputs: dict[str, list[str]] = {}  # page -> inputs that changed
        self.kept = self.rendered = 0
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if (
            isinstance(data, dict)
            and data.get("version") == MEMO_VERSION
            and data.get("fingerprint") == self.fingerprint
            and data.get("output") == str(self.output)
        ):
            self._previous = data.get("pages") or {}

    def unchanged(self, key: str, digest: str | None) -> bool:
        """Whether the page ``key`` may be kept; if so, it is kept."""
        before = self._previous.get(key)
        if digest is None or before is None or before.get("digest") != digest:
            return False
        files = before.get("files") or []
        if not all((self.output / name).is_file() for name in files):
            return False
        self._current[key] = before
        self.kept_files.update(files)
        self.kept += 1
        return True

    def begin(
        self, key: str, digest: str | None, parts: dict[str, str] | None = None
    ) -> None:
        """Start rendering ``key``. ``parts`` (a digest per input) are kept to
        tell, next time, which input changed (``changed_inputs``)."""
        self._recording = []
        self._current.pop(key, None)
        self._key, self._digest, self._parts = key, digest, parts
        before = (self._previous.get(key) or {}).get("parts")
        if parts and before:
            self.changed_inputs[key] = sorted(
                name
                for name in parts.keys() | before.keys()
                if parts.get(name) != before.get(name)
            )

    def wrote(self, filename: str | os.PathLike) -> None:
        if self._recording is not None:
            self._recording.append(
                Path(os.path.relpath(filename, self.output)).as_posix()
            )

    def end(self) -> None:
        if self._recording is None:
            return
        if self._digest is not None:
            self._current[self._key] = {
                "digest": self._digest,
                "files": self._recording,
            }
            if self._parts:
                self._current[self._key]["parts"] = self._parts
        self._recording = None
        self.rendered += 1
        self.rendered_keys.append(self._key)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "version": MEMO_VERSION,
            "fingerprint": self.fingerprint,
            "output": str(self.output),
            "pages": self._current,
        }
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
        temporary.replace(self.path)


def sweep(output: Path, since_ns: int, kept: set[str]) -> list[str]:
    """Remove the files under ``output`` not written since ``since_ns`` (their
    status change time, which copying and writing both set) and not in
    ``kept``; then the folders left empty. Return what was removed."""
    output = Path(output)
    removed = []
    for folder, folders, files in os.walk(output, topdown=False):
        for name in files:
            path = Path(folder, name)
            relative = path.relative_to(output).as_posix()
            if relative in kept or path.lstat().st_ctime_ns >= since_ns:
                continue
            path.unlink()
            removed.append(relative)
        for name in folders:
            with_path = Path(folder, name)
            if not any(with_path.iterdir()):
                with_path.rmdir()
    return sorted(removed)
