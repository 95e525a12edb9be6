"""Incremental builds: a page whose inputs are unchanged is not rendered again.

A page's inputs are the site's fingerprint (settings, theme files, the code that
renders), its template, its output name and the values of the variables its
templates read. Each is reduced to a digest (``Digester``); ``PageMemo`` keeps
the digest of every page and feed of the last build with the files it wrote. A
page whose digest is unchanged and whose files are still there is kept as it
is. After the build, ``remove_stale`` removes the files of pages that are gone
(a removed article's page, its entities' pages if nothing names them now).
The warnings logged while a page was rendered (a link to a missing file) are
kept with it and logged again each build that keeps it (``collecting_notes``,
``replay_notes``): a kept page fails ``invoke build`` as the rendered one did.

Dataclass fields declared with ``compare=False`` (a record's line in its
source file) are not part of a value's digest, as they are not part of its
equality. Values the digest cannot describe (an object of an unknown kind) make the page
be rendered every time: unknown means changed.

Pelican-free: the plugin passes a ``describe`` hook for the framework's own
objects (articles, tags) and calls ``PageMemo`` from its writer.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import itertools
import json
import logging
import operator
import os
import pickle
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType

MEMO_VERSION = 3


class Unhashable(Exception):
    """A value the digest cannot describe: the page it feeds is always rendered."""


class Digester:
    """Digests of nested plain values, dataclasses and objects.

    Values are serialised with ``pickle`` (in C, several times faster than a
    walk in Python), with substitutions chosen once per type:

    - ``resolve(type)`` may return a handler ``(value, shallow) -> plain
      value`` that stands for the framework's objects (an article), or None;
    - ``shallow`` is true for values reached through another record (an
      article's region, the articles related to it);
    - a dataclass by the fields it is compared by (not ``compare=False`` ones);
      if its class sets ``__digest_by_reference__``, by the digest of those
      fields taken as reached through it: a page that has the object among
      its inputs (an agency, for each page of its list of articles) shows its
      articles only as references. That digest is made once per object and
      ``shallow`` while the object lives: the object is expected not to
      change while its digester is used (a build);
    - a module by its name;
    - a date or time by its ISO form, fold and time zone (pickled, its class
      and its zone were each reduced by a call: 9 µs, two or three in each
      article's data);
    - an object whose class sets ``__digest_stored__`` (a frozen dataclass or a
      tuple subclass, with an instance ``__dict__`` or the slot of
      ``KeepsItsDigest``), by a digest of its
      value kept in the object itself, made once while it lives, if nothing in
      it can change (``deeply_immutable``), else as usual: the tags and figures
      a process that builds again carries from build to build (``make
      serve``) are digested once, not in every build (150 µs an article). That
      digest is taken without ``resolve``, at full depth, whatever the
      digester and depth that meet the object;
    - a list or tuple of objects of one kind that ``resolve.many(kind)``
      describes at once (``(values, shallow) -> descriptions or None``), met
      as the value digested, one of its items or one of the fields of an
      object described by reference, by those descriptions: an archive's
      articles, listed by its pages (a million in a build at 20,000
      articles), each cost 2.6 µs described one by one through the pickler;
      and, met in the same places, a list or tuple of tuples of one length
      (rows) of which a column is such a list, by its columns: an indicator
      page's (article, figure) entries. A list of ``__digest_stored__``
      objects the resolver leaves alone is described at once too, each by
      its stored digest (an article's agencies).

    Anything pickle cannot serialise (a lambda, a lock) raises ``Unhashable``.
    Sets are serialised in their iteration order, which may change from run to
    run: a set among the inputs can only make a page be rendered again, never
    be wrongly kept.
    """

    def __init__(self, resolve: Callable[[type], Callable | None] | None = None):
        self._resolve = resolve
        self._actions: dict[type, Callable] = {}
        self._shared: dict[tuple[int, bool], tuple[object, str]] = {}
        self._resolve_many = getattr(resolve, "many", None)
        self._many: dict[type, Callable | None] = {}
        self._free: tuple[list, list] = ([], [])  # picklers not in use, by depth

    def digest(self, value: object, *, shallow: bool = False) -> str:
        # A pickler is made once and used again (making one took 3.8 µs of the
        # 6 µs a small value's digest took; 180,000 digests in a rebuild at
        # 20,000 articles); one digest taken while another is under way (an
        # object described by its own digest) takes another.
        free = self._free[shallow]
        hashed, pickler = free.pop() if free else self._pickler(shallow)
        hashed.hash = hashlib.blake2b(digest_size=16)
        try:
            pickler.dump(self._batched(value, shallow))
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as e:
            raise Unhashable(str(e)) from None  # that pickler is let go
        free.append((hashed, pickler))
        return hashed.hash.hexdigest()

    def _pickler(self, shallow: bool) -> tuple[_Hashed, _Pickler]:
        hashed = _Hashed()
        return hashed, _Pickler(hashed, self, shallow)

    def shared_digest(self, value: object, *, shallow: bool = False) -> str:
        """``digest(value)``, computed once per build for the same object (the
        list of every article, read by many pages)."""
        key = (id(value), shallow)
        found = self._shared.get(key)
        if found is None or found[0] is not value:
            # The value is kept so that its id is not reused during this build.
            found = (value, self.digest(value, shallow=shallow))
            self._shared[key] = found
        return found[1]

    def _batched(self, value: object, shallow: bool) -> object:
        """``value``, or the same with the lists and tuples of objects of one
        kind described at once (see the class) that it is or holds at its
        first level, replaced by their descriptions."""
        if self._resolve_many is None:
            return value
        kind = type(value)
        if kind is list or kind is tuple:
            kinds = set(map(type, value))  # in C, as the checks below
            described = self._described_at_once(value, kinds, shallow)
            if described is not None:
                return described
            if _SEQUENCES.isdisjoint(kinds):
                return value
            found = [self._item_at_once(item, shallow) for item in value]
            if found.count(None) == len(found):
                return value
            items = [i if f is None else f for i, f in zip(value, found, strict=True)]
            return items if kind is list else tuple(items)
        if kind is dict:
            if _SEQUENCES.isdisjoint(map(type, value.values())):
                return value
            changed = {}
            for key, item in value.items():
                described = self._item_at_once(item, shallow)
                if described is not None:
                    changed[key] = described
            return {**value, **changed} if changed else value
        return value

    def _item_at_once(self, item: object, shallow: bool) -> tuple | None:
        if type(item) is list or type(item) is tuple:
            return self._described_at_once(item, set(map(type, item)), shallow)
        return None

    def _described_at_once(
        self, values: list | tuple, kinds: set[type], shallow: bool
    ) -> tuple | None:
        """``values`` described at once, if they are of one kind that can be,
        or rows of which a column is."""
        if len(kinds) != 1:
            return None
        (kind,) = kinds
        if kind is tuple:
            return self._rows_at_once(values, shallow)
        many = self._many.get(kind, _UNKNOWN)
        if many is _UNKNOWN:
            many = self._resolve_many(kind) or self._stored_many(kind)
            self._many[kind] = many
        described = None if many is None else many(values, shallow)
        if described is None:
            return None
        # A plain tuple led by ``_Described``, which no value holds.
        return (_Described, "many", type(values).__name__, kind.__qualname__, described)

    def _stored_many(self, kind: type) -> Callable | None:
        """For a ``__digest_stored__`` kind the resolver leaves alone: each
        object by the digest it keeps (made if need be), or as usual if it
        may change. A list of an article's agencies cost some 3 µs an agency
        through the pickler (an article's own data with seven: 25 to 16 µs)."""
        parts = _stored_parts(kind)
        if parts is None:
            return None
        if self._resolve is not None and self._resolve(kind) is not None:
            return None
        name = kind.__qualname__

        def stored_many(values, shallow):
            try:
                # Each keeps its digest already (so in every build after the
                # first of a process): got in C, 0.1 µs each instead of 1.
                return list(map(_kept_digest, values))
            except AttributeError:
                return [
                    _stored_digest(value, parts) or (_Described, (name, parts(value)))
                    for value in values
                ]

        return stored_many

    def _rows_at_once(self, rows: list | tuple, shallow: bool) -> tuple | None:
        """Tuples of one length, column by column: each column described at
        once if it can be, else as its values."""
        widths = set(map(len, rows))
        if len(widths) != 1:
            return None
        columns = []
        batched = False
        for column in zip(*rows, strict=True):
            described = self._described_at_once(column, set(map(type, column)), shallow)
            batched = batched or described is not None
            columns.append(column if described is None else described)
        if not batched:
            return None
        return (_Described, "rows", type(rows).__name__, len(columns), columns)

    def action(self, kind: type) -> Callable:
        """How values of ``kind`` are reduced: ``(value, shallow) -> reduce
        tuple or NotImplemented`` (pickle's own way)."""
        found = self._actions.get(kind)
        if found is None:
            found = self._actions[kind] = self._action_for(kind)
        return found

    @staticmethod
    def _remembered(name: str, describe: Callable) -> Callable:
        """A reduction by ``describe(value, shallow)``, remembered per object
        and depth while the object lives: made once per build however often
        the object is met (an agency, an input of each page of its list). An
        object is not kept alive for it, and the entry of one that has died is
        never taken for another: its weak reference no longer gives it."""
        remembered: tuple[dict[int, tuple], dict[int, tuple]] = ({}, {})

        def reduce_once(value, shallow):
            found = remembered[shallow].get(id(value))
            if found is not None and found[0]() is value:
                return found[1]
            reduced = (_Described, (name, describe(value, shallow)))
            try:
                same = weakref.ref(value)
            except TypeError:  # no weak reference to it: held for the build
                same = itertools.repeat(value).__next__
            remembered[shallow][id(value)] = (same, reduced)
            return reduced

        return reduce_once

    def _action_for(self, kind: type) -> Callable:
        name = kind.__qualname__
        handler = self._resolve(kind) if self._resolve is not None else None
        if handler is not None:
            # Not remembered here: the handler keeps what it needs (one entry
            # per article and depth here cost 40 MB at 20,000 articles).
            return lambda value, shallow: (_Described, (name, handler(value, shallow)))
        if issubclass(kind, ModuleType):
            return lambda value, shallow: (_Described, ("module", value.__name__))
        if issubclass(kind, dt.date | dt.time):
            return _moment
        # A dataclass by the fields it is compared by: cheaper than pickling
        # the class and its __dict__, and without the ``compare=False`` ones.
        names = _compared_fields(kind)

        parts = _stored_parts(kind)
        if parts is not None:
            return _stored(name, parts)
        if names is None:
            return _pickle_as_usual
        # The fields' values as a tuple, got in C (hundreds of thousands of
        # tags and figures are reduced in a build).
        own = _fields_getter(names)
        if getattr(kind, "__digest_by_reference__", False):

            def by_reference(value, shallow):
                if shallow:
                    return own(value)
                return self.digest(own(value), shallow=True)  # lists batched

            return self._remembered(name, by_reference)

        return lambda value, shallow: (_Described, (name, own(value)))


# Where an object keeps its digest (``__digest_stored__``): an attribute, in
# its ``__dict__`` or a slot (``KeepsItsDigest``).
_STORED = "__warta_digest__"


class KeepsItsDigest:
    """The base of a frozen dataclass with slots whose objects keep their
    digest (``__digest_stored__``) in a slot of their own: 8 bytes an object
    where an instance ``__dict__`` costs some 100 (the figures the indicator
    pages list, 150,000 at 20,000 articles)."""

    __slots__ = (_STORED,)
    __digest_stored__ = True


_ATOMS = frozenset({str, bytes, int, float, complex, bool, type(None)})


def deeply_immutable(value: object) -> bool:
    """Whether nothing in ``value`` can change: str, bytes, numbers, None, and
    tuples, frozen sets and frozen dataclasses (by the fields they are
    compared by) of such values, and tuple subclasses that say they do not
    change (``__digest_stored__``)."""
    kind = type(value)
    if kind in _ATOMS:
        return True
    parts = _immutable_parts(kind)
    if parts is None:
        return False
    items = parts(value)
    # Most hold atoms only: their types checked in C (a figure's 13 fields).
    return set(map(type, items)) <= _ATOMS or all(map(deeply_immutable, items))


@functools.cache
def _immutable_parts(kind: type) -> Callable | None:
    """What to look into to tell whether a ``kind`` cannot change (its items,
    its compared fields), or None if it can."""
    if kind is tuple or kind is frozenset:
        return _same
    if issubclass(kind, tuple) and getattr(kind, "__digest_stored__", False):
        return _same
    params = getattr(kind, "__dataclass_params__", None)
    if params is not None and params.frozen:
        return _fields_getter(_compared_fields(kind))
    return None


def _same(value):
    return value


def keeps_its_digest(value: object) -> bool:
    """Whether ``value`` keeps a digest (``__digest_stored__``): it was found
    to hold nothing that can change."""
    return getattr(value, _STORED, None) is not None


def _stored_parts(kind: type) -> Callable | None:
    """What a ``__digest_stored__`` class's digest is made of: its compared
    fields (a dataclass) or its items (a tuple subclass); None for any other
    class."""
    if not getattr(kind, "__digest_stored__", False):
        return None
    names = _compared_fields(kind)
    if names is not None:
        return _fields_getter(names)
    return tuple if issubclass(kind, tuple) else None


def _compared_fields(kind: type) -> tuple[str, ...] | None:
    """The names of the fields a dataclass ``kind`` is compared by (not the
    ``compare=False`` ones); None for any other class."""
    if not dataclasses.is_dataclass(kind) or issubclass(kind, type):
        return None
    return tuple(f.name for f in dataclasses.fields(kind) if f.compare)


# The digest a ``__digest_stored__`` object keeps, if it keeps one (else
# AttributeError).
_kept_digest = operator.attrgetter(_STORED)


def _stored_digest(value: object, parts: Callable) -> str | None:
    """The digest of ``parts(value)``, kept in ``value`` once made (where it
    has a ``__dict__`` or the slot for it); None if it may change."""
    found = getattr(value, _STORED, None)
    if found is None:
        inner = parts(value)
        if not deeply_immutable(inner):
            return None
        found = _CANONICAL.digest(inner)
        with contextlib.suppress(AttributeError):  # nowhere to keep it
            # Past the frozen class's own __setattr__, which refuses.
            object.__setattr__(value, _STORED, found)
    return found


def _stored(name: str, parts: Callable) -> Callable:
    """The reduction of a ``__digest_stored__`` class: ``parts(value)`` (its
    fields, or its items) digested once and kept in the object."""

    def reduce_stored(value, shallow):
        found = _stored_digest(value, parts)
        if found is None:
            return (_Described, (name, parts(value)))  # may change: as usual
        return (_Described, (name, "stored", found))

    return reduce_stored


def _moment(value, shallow):
    """A date, time or datetime: its ISO form (with the offset from UTC), its
    fold, its zone (by key, or as it represents itself) and the attributes a
    subclass may give it (which pickle would leave out)."""
    zone = getattr(value, "tzinfo", None)
    if zone is not None:
        zone = (type(zone).__qualname__, getattr(zone, "key", None) or repr(zone))
    kind = type(value)
    state = getattr(value, "__dict__", None) or None
    described = (value.isoformat(), getattr(value, "fold", 0), zone, state)
    return (_Described, (f"{kind.__module__}.{kind.__qualname__}", described))


def _fields_getter(names: tuple[str, ...]) -> Callable:
    """``value -> tuple of its fields named``."""
    if len(names) == 1:
        only = operator.attrgetter(names[0])
        return lambda value: (only(value),)
    if not names:
        return lambda value: ()
    return operator.attrgetter(*names)


def text_as_bytes(value: object) -> object:
    """``value``, or for a str that is not pure ASCII its UTF-8 bytes, to be
    digested in its place: pickling such a str makes CPython keep its UTF-8
    encoding beside it for as long as the str lives (every article's HTML,
    80 MB at 20,000 articles); encoding it leaves nothing behind."""
    if type(value) is str and not value.isascii():
        return value.encode("utf-8")
    return value


class _Hashed:
    """A file that hashes what is written to it: the pickler hands it each
    64 KiB frame as it fills, so a large input (every article's record, for
    ``data/articles.json``) is never held whole as bytes. Its ``hash`` is
    set anew for each digest."""

    hash: hashlib.blake2b

    def write(self, data) -> None:
        self.hash.update(data)


def _pickle_as_usual(value, shallow):
    return NotImplemented


class _Pickler(pickle.Pickler):
    def __init__(self, file, digester: Digester, shallow: bool) -> None:
        super().__init__(file, protocol=5)
        # No memo: an object met twice is written twice, so that the bytes do
        # not depend on which equal values happen to be the same object (they
        # are not after Pelican's content cache is read back).
        self.fast = True
        # Looked up here, not through ``Digester.action``: a call less for
        # each of the millions of objects a build's digests reduce.
        self._actions = digester._actions
        self._action = digester.action
        self._shallow = shallow

    def reducer_override(self, obj):
        if obj is _Described:  # in every description: pickled as itself
            return NotImplemented
        action = self._actions.get(type(obj))
        if action is None:
            action = self._action(type(obj))
        return action(obj, self._shallow)


_UNKNOWN = object()
_SEQUENCES = frozenset({list, tuple})


def _Described(kind: str, value: object) -> None:
    """Stands in a digest's pickle for a value described by other values."""


# Digests kept in objects (``__digest_stored__``): the same whatever digester
# meets them.
_CANONICAL = Digester()


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


def drop_unless_made_by(
    folder: Path, pattern: str, stamp: str, fingerprint: str
) -> list[Path]:
    """Remove the files in ``folder`` matching ``pattern`` unless the file
    ``stamp`` there says they were made under ``fingerprint``; then write that
    stamp. For caches that check only their sources' times (Pelican's content
    cache): made by other code, they would serve its results until each source
    changes. Returns the files removed."""
    folder = Path(folder)
    mark = folder / stamp
    try:
        if mark.read_text(encoding="utf-8") == fingerprint:
            return []
    except OSError:
        pass  # no stamp: made by an older Warta, or never made
    removed = sorted(folder.glob(pattern))
    for path in removed:
        path.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    partial = mark.with_name(mark.name + ".tmp")
    partial.write_text(fingerprint, encoding="utf-8")
    os.replace(partial, mark)
    return removed


class PageMemo:
    """What the last build wrote: per page (or feed) its digest and files.

    Each page is kept as ``[digest, files, parts]``, ``parts`` one string of
    ``name<TAB>digest`` lines (or ""): a dict per page and a string per
    input once held 40 MB at 20,000 articles for what only a debug log reads.
    A page that logged warnings when rendered has a fourth item, its notes
    (``[level, logger, message]`` each).

    Use: ``unchanged(key, digest)`` before rendering (then ``notes(key)`` of
    a kept page); if false, ``begin``, render reporting each written file with
    ``wrote``, and ``end(notes)``.
    """

    def __init__(self, path: Path, output: Path, fingerprint: str) -> None:
        self.path = Path(path)
        self.output = Path(output)
        # For os.path, not pathlib: a Path interns every part of every name.
        self._root = str(self.output)
        self.fingerprint = fingerprint
        self._previous: dict[str, list] = {}  # the last build's pages, to keep
        # Or, if they may not be kept, only their files, one a line: to sweep
        # those of the pages now gone (28 MB of pages at 20,000 articles, 3 MB
        # of names, held through a build that renders every page).
        self._other_files = ""
        self._current: dict[str, list] = {}  # this build's pages
        self._recording: list[str] | None = None
        self.rendered_keys: list[str] = []
        self.changed_inputs: dict[str, list[str]] = {}  # page -> inputs that changed
        self.kept: Counter[str] = Counter()  # kind ("page", "feed", "file") -> kept
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if (
            isinstance(data, dict)
            and data.get("version") == MEMO_VERSION
            and data.get("output") == str(self.output)
        ):
            pages = data.get("pages") or {}
            # Made with other settings, theme or code, no page is kept; but
            # the files of pages now gone are still swept (``stale_files``).
            if data.get("fingerprint") == self.fingerprint:
                self._previous = pages
            else:
                self._other_files = "\n".join(
                    name for page in pages.values() for name in page[1]
                )

    def unchanged(self, key: str, digest: str | None) -> bool:
        """Whether the page ``key`` may be kept; if so, it is kept."""
        before = self._previous.get(key)
        if digest is None or before is None or before[0] != digest:
            return False
        root = self._root
        if not all(os.path.isfile(os.path.join(root, name)) for name in before[1]):
            return False
        self._current[key] = before
        self.kept[key.partition(":")[0]] += 1
        return True

    def begin(
        self, key: str, digest: str | None, parts: dict[str, str] | None = None
    ) -> None:
        """Start rendering ``key``. ``parts`` (a digest per input) are kept to
        tell, next time, which input changed (``changed_inputs``)."""
        self._recording = []
        self._current.pop(key, None)
        self._key, self._digest, self._parts = key, digest, parts
        before = _split_parts((self._previous.get(key) or ("", [], ""))[2])
        if parts and before:
            self.changed_inputs[key] = sorted(
                name
                for name in parts.keys() | before.keys()
                if parts.get(name) != before.get(name)
            )

    def notes(self, key: str) -> list[list]:
        """The warnings logged when the kept page ``key`` was rendered."""
        page = self._current.get(key)
        return page[3] if page is not None and len(page) > 3 else []

    def wrote(self, filename: str | os.PathLike) -> None:
        if self._recording is not None:
            name = os.path.relpath(filename, self.output)
            self._recording.append(name.replace(os.sep, "/"))

    def end(self, notes: list[list] | None = None) -> None:
        if self._recording is None:
            return
        if self._digest is not None:
            page = [self._digest, self._recording, _join_parts(self._parts)]
            if notes:
                page.append(notes)
            self._current[self._key] = page
        self._recording = None
        self.rendered_keys.append(self._key)

    def stale_files(self) -> set[str]:
        """Files of the last build's pages that no page of this one has."""
        before = {name for page in self._previous.values() for name in page[1]}
        before.update(filter(None, self._other_files.split("\n")))
        now = {name for page in self._current.values() for name in page[1]}
        return before - now

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


class _NoteCollector(logging.Handler):
    def __init__(self, notes: list[list]) -> None:
        super().__init__(level=logging.WARNING)
        self._notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        self._notes.append([record.levelno, record.name, record.getMessage()])


@contextlib.contextmanager
def collecting_notes() -> Iterator[list[list]]:
    """The warnings (and worse) logged in the block, as ``[level, logger,
    message]`` lists, for ``PageMemo.end``."""
    notes: list[list] = []
    handler = _NoteCollector(notes)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield notes
    finally:
        root.removeHandler(handler)


def replay_notes(notes: Iterable[list]) -> None:
    """Log again the warnings a kept page logged when it was rendered."""
    for level, name, message in notes:
        logging.getLogger(name).log(level, "%s", message)


def _join_parts(parts: dict[str, str] | None) -> str:
    return "\n".join(f"{name}\t{digest}" for name, digest in (parts or {}).items())


def _split_parts(text: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in text.split("\n") if line)


def remove_stale(memo: PageMemo) -> list[str]:
    """Remove the files the last build wrote that this one neither wrote nor
    kept (the pages of a removed article, of an entity no longer named), and
    the folders left empty. Files written by other means are left alone."""
    output = memo.output
    removed = []
    for name in sorted(memo.stale_files()):
        path = output / name
        if path.is_file():
            path.unlink()
            removed.append(name)
            folder = path.parent
            while folder != output and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
    return removed
