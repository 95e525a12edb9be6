"""The authority files: regions, agencies and people, loaded and validated.

``content/authority/`` holds ``regions.yaml``, ``agencies.yaml`` and
``people.yaml``, each a YAML list of entries. ``load_authority`` reads all three,
checks every entry and every reference between them, and either returns an
``Authority`` or raises ``AuthorityError`` listing every fault found, each with
its file, line and reason (it does not stop at the first).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from warta.errors import AuthorityError, ContentError
from warta.normalize import normalize

REGION_KINDS = ("country", "province", "regency", "city", "island")
AGENCY_KINDS = (
    "ministry",
    "coordinating_ministry",
    "directorate_general",
    "national_agency",
    "central_bank",
    "legislature",
    "provincial_government",
    "provincial_office",
    "provincial_legislature",
    "regency_government",
    "city_government",
    "regency_office",
    "city_office",
)

REGIONS_FILE = "regions.yaml"
FILES = (REGIONS_FILE, "agencies.yaml", "people.yaml")
# Regencies and cities by province (``load_places``): read with the others
# and part of their fingerprint, but optional, so not among FILES.
PLACES_FILE = "places.yaml"

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_YEAR = re.compile(r"^[0-9]{4}$")
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
DATE_HINT = "use a year (2014) or a date (2014-06-02)"


# ---------------------------------------------------------------------------
# The entities.


def first_day(value: str | None) -> dt.date | None:
    """``"2014"`` -> 2014-01-01; ``"2014-06-02"`` -> 2014-06-02."""
    if value is None:
        return None
    if _YEAR.match(value):
        return dt.date(int(value), 1, 1)
    return dt.date.fromisoformat(value)


def last_day(value: str | None) -> dt.date | None:
    """``"2019"`` -> 2019-12-31; ``"2019-06-12"`` -> 2019-06-12."""
    if value is None:
        return None
    if _YEAR.match(value):
        return dt.date(int(value), 12, 31)
    return dt.date.fromisoformat(value)


def _active(since: str | None, until: str | None, day: dt.date) -> bool:
    start, end = first_day(since), last_day(until)
    return (start is None or start <= day) and (end is None or day <= end)


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    kind: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    line: int = field(default=0, compare=False)

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Agency:
    """A government body. ``valid_from``/``valid_to`` are as written: a year
    (``"2009"``) or a date (``"2009-10-22"``). A body that stopped and began
    again has ``periods`` (each ``(from, to)``), and ``valid_from``/
    ``valid_to`` are the first's start and the last's end. ``former_names``
    were its names until ``renamed`` ("Departemen Keuangan" until 2009): text
    written later uses them for other bodies, another country's mostly."""

    id: str
    name: str
    kind: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    region: str | None = None
    wikidata: str | None = None
    description: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    former_names: tuple[str, ...] = ()
    renamed: str | None = None
    # Acronyms other bodies' names begin with too: "DPD" is also a party's or
    # an association's regional board ("DPD Partai Golkar", "DPD REI").
    shared_acronyms: tuple[str, ...] = ()
    # The bodies whose work it took over at ``valid_from``: text written
    # before then names them by its names ("Kementerian Koperasi" in 2020 is
    # the Kementerian Koperasi dan UKM of the day).
    preceded_by: tuple[str, ...] = ()
    periods: tuple[tuple[str | None, str | None], ...] = ()
    line: int = field(default=0, compare=False)

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.acronyms, *self.aliases, *self.former_names)

    @property
    def terms(self) -> tuple[tuple[str | None, str | None], ...]:
        """The periods it was at work, one when it never stopped."""
        if self.periods:
            return self.periods
        if self.valid_from or self.valid_to:
            return ((self.valid_from, self.valid_to),)
        return ()

    def named_so_on(self, label: str, day: dt.date) -> bool:
        """Whether ``label`` named this body on ``day``: a former name only
        until the body was renamed."""
        return label not in self.former_names or _active(None, self.renamed, day)

    def active_on(self, day: dt.date) -> bool:
        if self.periods:
            return any(_active(since, until, day) for since, until in self.periods)
        return _active(self.valid_from, self.valid_to, day)

    def not_yet_formed_on(self, day: dt.date) -> bool:
        start = first_day(self.valid_from)
        return start is not None and day < start


@dataclass(frozen=True)
class Role:
    """An office held: ``since``/``until`` are a year or a date, as written."""

    title: str
    agency: str | None = None
    since: str | None = None
    until: str | None = None
    line: int = field(default=0, compare=False)

    def active_on(self, day: dt.date) -> bool:
        return _active(self.since, self.until, day)


@dataclass(frozen=True)
class Person:
    """An official. ``needs_title``: their name is too common to stand for
    them alone ("Sugiono"): an article names them only where it also gives
    their title ("Menlu Sugiono"); ``True`` for every name of theirs, or the
    names that need it ("Mirza", not "Rahmat Mirzani Djausal")."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None
    line: int = field(default=0, compare=False)
    needs_title: bool | tuple[str, ...] = False

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def roles_newest_first(self) -> tuple[Role, ...]:
        """The roles by their start, the latest first (the file keeps them in
        the order they were compiled); a start by its year alone before the
        days of that year."""
        return tuple(
            sorted(self.roles, key=lambda role: role.since or "", reverse=True)
        )


@dataclass(frozen=True)
class ProvincePlaces:
    """One entry of ``places.yaml``: a province's regencies and cities, by
    their names without "Kabupaten"/"Kota"; ``aliases``: other names a
    dateline gives them ("Solo" for Surakarta), each to one of those names;
    ``seats``: towns where a regency's government sits, named otherwise than
    any place ("Wamena", the seat of Jayawijaya), each with its regency."""

    province: str
    regencies: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, name)
    seats: tuple[tuple[str, str], ...] = ()  # (seat, regency)
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Authority:
    """Every entity, in file order, with look-ups by id.

    ``fingerprint`` is a SHA-256 over the files' names and bytes: the same
    files give the same fingerprint, so it can key a cache of tagging results.
    """

    regions: tuple[Region, ...]
    agencies: tuple[Agency, ...]
    people: tuple[Person, ...]
    fingerprint: str = ""
    # Every regency and city by province (``places.yaml``): where a place's
    # name ends in a discovered office's ("Kabupaten Hulu Sungai Selatan").
    places: tuple[ProvincePlaces, ...] = ()
    region_by_id: Mapping[str, Region] = field(default_factory=dict, repr=False)
    agency_by_id: Mapping[str, Agency] = field(default_factory=dict, repr=False)
    person_by_id: Mapping[str, Person] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        regions: Iterable[Region] = (),
        agencies: Iterable[Agency] = (),
        people: Iterable[Person] = (),
        fingerprint: str = "",
        places: Iterable[ProvincePlaces] = (),
    ) -> Authority:
        """An authority from entities made in code (no validation)."""
        regions, agencies, people = tuple(regions), tuple(agencies), tuple(people)
        return cls(
            regions,
            agencies,
            people,
            fingerprint,
            tuple(places),
            MappingProxyType({item.id: item for item in regions}),
            MappingProxyType({item.id: item for item in agencies}),
            MappingProxyType({item.id: item for item in people}),
        )

    def __reduce__(self):
        # The look-ups are read-only views, which do not pickle: rebuild them.
        return (
            Authority.build,
            (self.regions, self.agencies, self.people, self.fingerprint, self.places),
        )

    def region_chain(self, region_id: str) -> list[Region]:
        """The region and its parents, nearest first (stops at a loop)."""
        chain: list[Region] = []
        current = self.region_by_id.get(region_id)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.region_by_id.get(current.parent or "")
        return chain


# ---------------------------------------------------------------------------
# YAML with line numbers.


class _Mapping(dict):
    """A YAML mapping that knows its line and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]
    repeated: list[tuple[Any, int]]


# libyaml's parser when PyYAML was built with it (much faster), else PyYAML's.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader whose mappings are ``_Mapping``; bad dates stay strings."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode):
    data = _Mapping()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    data.repeated = []
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            key = repr(key)
        if key in data.key_lines:
            data.repeated.append((key, line))
        else:
            data.key_lines[key] = line
        data[key] = loader.construct_object(value_node, deep=True)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)  # reported as a bad date later


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load_lined_yaml(text: str) -> Any:
    """YAML (or JSON) whose mappings know their line (``.line``) and their
    keys' lines; a date that is no calendar date stays a string."""
    return yaml.load(text, Loader=_LineLoader)


# ---------------------------------------------------------------------------
# Validation of one file's entries.

_SCHEMAS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        # file: {"required": keys, "optional": keys}
        "regions.yaml": {
            "required": ("id", "name", "kind"),
            "optional": ("parent", "aliases", "wikidata"),
        },
        "agencies.yaml": {
            "required": ("id", "name", "kind"),
            "optional": (
                "acronyms",
                "aliases",
                "parent",
                "region",
                "wikidata",
                "description",
                "valid_from",
                "valid_to",
                "former_names",
                "renamed",
                "shared_acronyms",
                "preceded_by",
                "periods",
            ),
        },
        "people.yaml": {
            "required": ("id", "name"),
            "optional": ("aliases", "roles", "wikidata", "needs_title"),
        },
    }
)
_ROLE_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"required": ("title",), "optional": ("agency", "from", "to")}
)
_KINDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"regions.yaml": REGION_KINDS, "agencies.yaml": AGENCY_KINDS}
)
_LABEL_FIELDS = ("name", "acronyms", "aliases", "former_names")


class _Faults:
    """Faults collected across all files."""

    def __init__(self) -> None:
        self.items: list[ContentError] = []

    def add(self, path: Path | str, line: int | None, reason: str) -> None:
        self.items.append(ContentError(path, line, reason))


def _as_date_text(value: Any) -> str:
    """A year or date as written; raise ``ValueError`` with the reason."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a date ({DATE_HINT})")
    if isinstance(value, int):
        if 1000 <= value <= 2999:
            return str(value)
        raise ValueError(f"{value} is not a year ({DATE_HINT})")
    if isinstance(value, dt.datetime):
        raise ValueError(f"'{value}' has a time of day ({DATE_HINT})")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if _YEAR.match(text):
            return text
        if _DAY.match(text):
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                raise ValueError(f"'{text}' is not a real calendar date") from None
            return text
    raise ValueError(f"{value!r} is not a date ({DATE_HINT})")


class _EntryChecker:
    """Checks one entry (a mapping) against its file's schema."""

    def __init__(self, faults: _Faults, path: Path, entry: _Mapping) -> None:
        self.faults = faults
        self.path = path
        self.entry = entry

    def line(self, key: str) -> int:
        return self.entry.key_lines.get(key, self.entry.line)

    def fault(self, key: str | None, reason: str) -> None:
        line = self.entry.line if key is None else self.line(key)
        self.faults.add(self.path, line, reason)

    def keys(self, required: tuple[str, ...], optional: tuple[str, ...]) -> bool:
        """Report unknown, repeated and missing keys; False if one is missing."""
        known = (*required, *optional)
        for key, line in self.entry.repeated:
            self.faults.add(self.path, line, f"key '{key}' is given twice")
        for key in self.entry:
            if key not in known:
                self.faults.add(
                    self.path,
                    self.line(key),
                    f"unknown key '{key}' (known keys: {', '.join(known)})",
                )
        complete = True
        for key in required:
            if key not in self.entry or self.entry[key] in (None, ""):
                self.fault(None, f"required key '{key}' is missing")
                complete = False
        return complete

    def text(self, key: str) -> str | None:
        value = self.entry.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fault(key, f"'{key}' must be text, not {value!r}")
            return None
        return value.strip()

    def identifier(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not _ID.match(value):
            self.fault(
                key,
                f"'{key}' {value!r} must be lower-case letters, digits and "
                "single hyphens",
            )
            return None
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fault(key, f"'{key}' must be a list, not {value!r}")
            return ()
        items = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.fault(key, f"'{key}' holds {item!r}, which is not text")
            else:
                items.append(item.strip())
        return tuple(items)

    def kind(self, choices: tuple[str, ...]) -> str | None:
        value = self.text("kind")
        if value is not None and value not in choices:
            self.fault("kind", f"kind {value!r} is not one of: {', '.join(choices)}")
            return None
        return value

    def wikidata(self) -> str | None:
        value = self.entry.get("wikidata")
        if value is None:
            return None
        if not isinstance(value, str) or not _WIKIDATA.match(value.strip()):
            self.fault("wikidata", f"wikidata {value!r} is not an id such as Q123")
            return None
        return value.strip()

    def flag(self, key: str) -> bool:
        value = self.entry.get(key, False)
        if not isinstance(value, bool):
            self.fault(key, f"'{key}' must be true or false, not {value!r}")
            return False
        return value

    def date(self, key: str) -> str | None:
        if self.entry.get(key) is None:
            return None
        try:
            return _as_date_text(self.entry[key])
        except ValueError as error:
            self.fault(key, f"invalid '{key}': {error}")
            return None

    def period(self, start_key: str, end_key: str) -> tuple[str | None, str | None]:
        start, end = self.date(start_key), self.date(end_key)
        if start and end and first_day(start) > last_day(end):
            self.fault(end_key, f"'{start_key}' {start} is after '{end_key}' {end}")
        return start, end


@dataclass
class _Draft:
    """What was read from one entry, before cross-references are checked."""

    path: Path
    line: int
    key_lines: dict[str, int]
    values: dict[str, Any]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _check_entry(faults: _Faults, path: Path, entry: _Mapping) -> _Draft | None:
    schema = _SCHEMAS[path.name]
    check = _EntryChecker(faults, path, entry)
    complete = check.keys(schema["required"], schema["optional"])
    values: dict[str, Any] = {
        "id": check.identifier("id"),
        "name": check.text("name"),
        "aliases": check.texts("aliases"),
        "wikidata": check.wikidata(),
    }
    if path.name in _KINDS:
        values["kind"] = check.kind(_KINDS[path.name])
    if path.name == "regions.yaml":
        values["parent"] = check.identifier("parent")
    elif path.name == "agencies.yaml":
        values["acronyms"] = check.texts("acronyms")
        values["parent"] = check.identifier("parent")
        values["region"] = check.identifier("region")
        values["description"] = check.text("description")
        values["valid_from"], values["valid_to"] = check.period(
            "valid_from", "valid_to"
        )
        values["former_names"] = check.texts("former_names")
        values["renamed"] = check.date("renamed")
        if bool(values["former_names"]) != bool(values["renamed"]):
            given, missing = (
                ("former_names", "renamed")
                if values["former_names"]
                else ("renamed", "former_names")
            )
            check.fault(given, f"'{given}' needs '{missing}' beside it")
        values["shared_acronyms"] = check.texts("shared_acronyms")
        for acronym in values["shared_acronyms"]:
            if acronym not in values["acronyms"]:
                reason = f"'shared_acronyms' names {acronym!r}, none of its acronyms"
                check.fault("shared_acronyms", reason)
        values["periods"] = _check_periods(check)
        if values["periods"]:
            if values["valid_from"] or values["valid_to"]:
                reason = "'periods' replaces 'valid_from' and 'valid_to': give one"
                check.fault("periods", reason)
            values["valid_from"] = values["periods"][0][0]
            values["valid_to"] = values["periods"][-1][1]
        values["preceded_by"] = check.texts("preceded_by")
        if values["preceded_by"] and not values["valid_from"]:
            reason = "'preceded_by' needs 'valid_from' (or a first period's 'from')"
            check.fault("preceded_by", reason)
    else:
        values["roles"] = _check_roles(faults, path, check)
        values["needs_title"] = _needs_title(
            check, (values["name"], *values["aliases"])
        )
    if not complete or values["id"] is None or values["name"] is None:
        return None
    return _Draft(path, entry.line, dict(entry.key_lines), values)


def _needs_title(
    check: _EntryChecker, names: Iterable[str | None]
) -> bool | tuple[str, ...]:
    """``needs_title``: true or false, or those of the person's ``names`` that
    need it."""
    value = check.entry.get("needs_title", False)
    if isinstance(value, bool):
        return value
    if not isinstance(value, list):
        reason = "'needs_title' must be true, false or a list of their names"
        check.fault("needs_title", f"{reason}, not {value!r}")
        return False
    own = {normalize(name) for name in names if name}
    listed = check.texts("needs_title")
    for name in listed:
        if normalize(name) not in own:
            reason = f"'needs_title' names {name!r}, no name or alias of theirs"
            check.fault("needs_title", reason)
    return listed or False


def _check_periods(check: _EntryChecker) -> tuple[tuple[str | None, str | None], ...]:
    """An agency's ``periods``: two or more, in order, apart; only the first
    may leave out ``from`` and only the last ``to``."""
    value = check.entry.get("periods")
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) < 2:
        reason = f"'periods' must list two periods or more, not {value!r}"
        check.fault("periods", reason)
        return ()
    periods: list[tuple[str | None, str | None]] = []
    for number, item in enumerate(value):
        if not isinstance(item, _Mapping):
            check.fault("periods", f"a period must be a mapping, not {item!r}")
            return ()
        period = _EntryChecker(check.faults, check.path, item)
        if not period.keys((), ("from", "to")):
            return ()
        since, until = period.period("from", "to")
        if (since is None and number > 0) or (
            until is None and number < len(value) - 1
        ):
            reason = "only the first period may leave out 'from', the last 'to'"
            period.fault("from" if since is None else "to", reason)
            return ()
        if periods and since and first_day(since) <= last_day(periods[-1][1]):
            reason = f"period from {since} begins before the one before it ends"
            period.fault("from", reason)
            return ()
        periods.append((since, until))
    return tuple(periods)


def _check_roles(faults: _Faults, path: Path, check: _EntryChecker) -> list[Role]:
    value = check.entry.get("roles")
    if value is None:
        return []
    if not isinstance(value, list):
        check.fault("roles", f"'roles' must be a list, not {value!r}")
        return []
    roles = []
    for item in value:
        if not isinstance(item, _Mapping):
            check.fault("roles", f"a role must be a mapping, not {item!r}")
            continue
        role = _EntryChecker(faults, path, item)
        complete = role.keys(_ROLE_KEYS["required"], _ROLE_KEYS["optional"])
        title = role.text("title")
        agency = role.identifier("agency")
        since, until = role.period("from", "to")
        if complete and title is not None:
            roles.append(Role(title, agency, since, until, line=item.line))
    return roles


# ---------------------------------------------------------------------------
# Checks across entries and files.


def _check_unique(faults: _Faults, drafts: list[_Draft]) -> None:
    """Ids, and names/acronyms/aliases after normalisation, are unique per file."""
    ids: dict[str, _Draft] = {}
    labels: dict[str, tuple[str, _Draft]] = {}
    for draft in drafts:
        entity = draft.values["id"]
        first = ids.setdefault(entity, draft)
        if first is not draft:
            faults.add(
                draft.path,
                draft.line_of("id"),
                f"duplicate id '{entity}' (first on line {first.line})",
            )
            continue
        for key in _LABEL_FIELDS:
            values = draft.values.get(key)
            items = (values,) if isinstance(values, str) else values or ()
            for label in items:
                folded = normalize(label)
                if not folded:
                    faults.add(
                        draft.path,
                        draft.line_of(key),
                        f"{key} {label!r} has no letters or digits",
                    )
                    continue
                owner, owner_draft = labels.setdefault(folded, (entity, draft))
                if owner != entity:
                    faults.add(
                        draft.path,
                        draft.line_of(key),
                        f"{key} {label!r} is already used by '{owner}' "
                        f"(line {owner_draft.line})",
                    )


def _check_reference(
    faults: _Faults, draft: _Draft, key: str, targets: Mapping[str, Any], what: str
) -> None:
    target = draft.values.get(key)
    if target is None:
        return
    if target == draft.values["id"] and key == "parent":
        faults.add(draft.path, draft.line_of(key), f"'{target}' is its own parent")
    elif target not in targets:
        faults.add(
            draft.path, draft.line_of(key), f"{key} '{target}' is not a known {what}"
        )


def _check_parent_loops(faults: _Faults, drafts: list[_Draft]) -> None:
    parents = {d.values["id"]: d.values.get("parent") for d in drafts}
    for draft in drafts:
        seen = {draft.values["id"]}
        current = parents.get(draft.values["id"])
        while current is not None and current in parents:
            if current in seen:
                if current == draft.values["id"] and parents[current] != current:
                    faults.add(
                        draft.path,
                        draft.line_of("parent"),
                        f"the parents of '{current}' form a loop",
                    )
                break
            seen.add(current)
            current = parents[current]


def _read_file(faults: _Faults, path: Path) -> list[_Mapping] | None:
    """The entries of one file; faults for syntax, encoding and shape. None
    when it cannot be read at all: what refers to its entries is then not
    checked against them (a syntax error in agencies.yaml is one fault, not
    one more for every role in people.yaml)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        faults.add(path, line, "the file is not UTF-8 text")
        return None
    try:
        data = load_lined_yaml(text)
    except yaml.MarkedYAMLError as error:
        line, reason = _syntax_fault(error, text)
        faults.add(path, line, f"YAML syntax error: {reason}")
        return None
    except yaml.YAMLError as error:
        faults.add(path, None, f"YAML error: {error}")
        return None
    if data is None:
        return []
    if not isinstance(data, list):
        faults.add(path, 1, "the file must be a YAML list of entries ('- id: ...')")
        return None
    entries = []
    lines = _item_lines(text)
    for index, item in enumerate(data):
        if isinstance(item, _Mapping):
            entries.append(item)
        else:
            line = lines[index] if index < len(lines) else None
            faults.add(path, line, f"entry {index + 1} is not a mapping: {item!r}")
    return entries


def read_entries(path: str | Path) -> list[dict]:
    """The entries of one authority file as they are, for a reader that takes
    what it can use (the importer's gazetteer); none if there is no such file.
    Raise ``AuthorityError`` (file, line, reason) if it cannot be read at all:
    not UTF-8, a YAML syntax error, not a list of mappings."""
    path = Path(path)
    if not path.is_file():
        return []
    faults = _Faults()
    entries = _read_file(faults, path)
    if faults.items:
        raise AuthorityError(faults.items)
    return entries or []


def _syntax_fault(error: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line to send the editor to, and the reason, for a YAML syntax error.

    That is where the problem was found, unless it was only found at the end
    of the file (an unclosed quote or bracket): then where the construct began.
    """
    problem, context = error.problem_mark, error.context_mark
    mark = problem or context
    at_end = problem is not None and problem.index >= len(text.rstrip())
    if at_end and context is not None:
        mark = context
    reason = error.problem or "invalid YAML"
    if error.context:
        reason = f"{error.context}: {reason}"
    if mark is None:
        return None, reason
    last = max(len(text.splitlines()), 1)
    line = min(mark.line + 1, last)
    others = {min(m.line + 1, last) for m in (problem, context) if m} - {line}
    if others:
        reason += f" (see also line {min(others)})"
    return line, reason


def _item_lines(text: str) -> list[int]:
    """Line of each item of the top-level YAML list."""
    try:
        node = yaml.compose(text, Loader=_SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def fingerprint(folder: str | Path) -> str:
    """SHA-256 over the authority files' names and bytes (``places.yaml``'s
    too: discovery reads it)."""
    digest = hashlib.sha256()
    for name in (*FILES, PLACES_FILE):
        path = Path(folder) / name
        data = path.read_bytes() if path.is_file() else b""
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def load_authority(folder: str | Path) -> Authority:
    """Read and check ``regions.yaml``, ``agencies.yaml``, ``people.yaml``.

    Raise ``AuthorityError`` listing every fault, each with file, line, reason.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise AuthorityError(
            [ContentError(folder, None, "authority folder is missing")]
        )
    missing = [folder / name for name in FILES if not (folder / name).is_file()]
    if missing:
        raise AuthorityError(
            [ContentError(path, None, "authority file is missing") for path in missing]
        )
    faults = _Faults()
    drafts: dict[str, list[_Draft]] = {}
    unread: set[str] = set()  # files that could not be read at all
    for name in FILES:
        path = folder / name
        entries = _read_file(faults, path)
        if entries is None:
            unread.add(name)
        drafts[name] = [
            draft
            for entry in entries or ()
            if (draft := _check_entry(faults, path, entry)) is not None
        ]
        _check_unique(faults, drafts[name])

    regions = {d.values["id"]: d for d in drafts["regions.yaml"]}
    agencies = {d.values["id"]: d for d in drafts["agencies.yaml"]}
    regions_read = "regions.yaml" not in unread
    for draft in drafts["regions.yaml"]:
        _check_reference(faults, draft, "parent", regions, "region")
    for draft in drafts["agencies.yaml"]:
        _check_reference(faults, draft, "parent", agencies, "agency")
        for earlier in draft.values["preceded_by"]:
            if earlier not in agencies or earlier == draft.values["id"]:
                reason = f"preceded_by '{earlier}' is not another known agency"
                faults.add(draft.path, draft.line_of("preceded_by"), reason)
        if regions_read:
            _check_reference(faults, draft, "region", regions, "region")
    for draft in drafts["people.yaml"] if "agencies.yaml" not in unread else ():
        for role in draft.values["roles"]:
            if role.agency is not None and role.agency not in agencies:
                faults.add(
                    draft.path,
                    role.line,
                    f"role agency '{role.agency}' is not a known agency",
                )
    _check_parent_loops(faults, drafts["regions.yaml"])
    _check_parent_loops(faults, drafts["agencies.yaml"])
    provinces = {
        d.values["id"] for d in regions.values() if d.values["kind"] == "province"
    }
    places = _read_places(
        faults, folder / PLACES_FILE, provinces if regions_read else None
    )

    if faults.items:
        raise AuthorityError(sorted(faults.items, key=_fault_order))

    return Authority.build(
        (_region(d) for d in drafts["regions.yaml"]),
        (_agency(d) for d in drafts["agencies.yaml"]),
        (_person(d) for d in drafts["people.yaml"]),
        fingerprint(folder),
        places,
    )


def load_places(
    folder: str | Path, provinces: Iterable[str] | None
) -> tuple[ProvincePlaces, ...]:
    """Read and check ``places.yaml`` alone (none if the folder has no such
    file), for reading datelines; ``provinces``: the ids its entries may name
    (None: no regions file to check them against).
    Raise ``AuthorityError`` listing every fault, each with file, line and
    reason."""
    faults = _Faults()
    known = None if provinces is None else set(provinces)
    places = _read_places(faults, Path(folder) / PLACES_FILE, known)
    if faults.items:
        raise AuthorityError(sorted(faults.items, key=_fault_order))
    return places


def _read_places(
    faults: _Faults, path: Path, provinces: set[str] | None
) -> tuple[ProvincePlaces, ...]:
    """The entries of ``places.yaml`` at ``path`` (none if there is no such
    file); faults for each that is not right: each province (one of
    ``provinces``, unless None) once; a name listed once among its regencies
    and once among its cities, without "Kabupaten" or "Kota"; an alias for a
    name of its own entry, a seat for one of its regencies, neither another
    place's name."""
    if not path.is_file():
        return ()
    found: dict[str, ProvincePlaces] = {}
    other_lines: dict[str, int] = {}
    for entry in _read_file(faults, path) or ():
        check = _EntryChecker(faults, path, entry)
        complete = check.keys(("province", "regencies"), ("cities", "aliases", "seats"))
        province = check.identifier("province")
        if province in found:
            first = found[province].line
            check.fault(
                "province", f"'{province}' is listed twice (first on line {first})"
            )
            continue
        if province is not None and provinces is not None and province not in provinces:
            check.fault("province", f"'{province}' is no province of regions.yaml")
        regencies = _place_names(check, "regencies")
        cities = _place_names(check, "cities")
        own = {_folded(name): name for name in (*regencies, *cities)}
        aliases = _other_names(check, "aliases", own, other_lines)
        seats = _other_names(
            check, "seats", {_folded(name): name for name in regencies}, other_lines
        )
        if complete and province is not None:
            found[province] = ProvincePlaces(
                province,
                regencies,
                cities,
                tuple(aliases.items()),
                tuple(seats.items()),
                line=entry.line,
            )
    _check_other_names(faults, path, found.values(), other_lines)
    return tuple(found.values())


def _folded(name: str) -> str:
    """A place's name however it is spaced, cased or hyphenated: a dateline's
    "BAUBAU" is "Bau-Bau"."""
    return normalize(name).replace(" ", "")


def _place_names(check: _EntryChecker, key: str) -> tuple[str, ...]:
    names = check.texts(key)
    seen: set[str] = set()
    for name in names:
        if _folded(name) in seen:
            check.fault(key, f"'{key}' lists {name!r} twice")
        seen.add(_folded(name))
        if normalize(name).split(" ")[0] in ("kabupaten", "kota"):
            check.fault(key, f"{name!r}: write the name without 'Kabupaten' or 'Kota'")
    return names


# The keys of places.yaml that give a place other names: what each other
# name is called, what it names, and whether the place is written first
# ("Jayawijaya: Wamena") or the other name ("Solo: Surakarta").
_OTHER_NAMES: Mapping[str, tuple[str, str, bool]] = MappingProxyType(
    {"aliases": ("alias", "place", False), "seats": ("seat", "regency", True)}
)


def _other_names(
    check: _EntryChecker, key: str, own: Mapping[str, str], lines: dict[str, int]
) -> dict[str, str]:
    """The entry's other names under ``key`` (``_OTHER_NAMES``), each to one
    of its ``own`` places (by folded name). ``lines`` gets the line of each
    other name."""
    value = check.entry.get(key)
    if value is None:
        return {}
    if not isinstance(value, _Mapping):
        check.fault(key, f"'{key}' must map names to places, not {value!r}")
        return {}
    kind, of, place_first = _OTHER_NAMES[key]
    found = {}
    for first, second in value.items():
        other, place = (second, first) if place_first else (first, second)
        line = value.key_lines.get(first, value.line)
        if not isinstance(other, str) or not isinstance(place, str):
            check.faults.add(check.path, line, f"{first!r}: {second!r} is not text")
        elif _folded(place) not in own:
            reason = f"{kind} {other!r} is for {place!r}, no {of} of this province"
            check.faults.add(check.path, line, reason)
        else:
            found[other.strip()] = own[_folded(place)]
            lines[other.strip()] = line
    return found


def _check_other_names(
    faults: _Faults,
    path: Path,
    entries: Iterable[ProvincePlaces],
    lines: Mapping[str, int],
) -> None:
    """An alias or seat that is a place's name would take that place's
    datelines; a seat that is an alias, the alias's place's."""
    entries = list(entries)
    names = {
        _folded(name): f"the name of a place of '{entry.province}'"
        for entry in entries
        for name in (*entry.regencies, *entry.cities)
    }
    aliases = {
        _folded(alias): f"an alias in '{entry.province}'"
        for entry in entries
        for alias, _ in entry.aliases
    }
    names_or_aliases = names | aliases
    for entry in entries:
        for kind, others, taken in (
            ("alias", entry.aliases, names),
            ("seat", entry.seats, names_or_aliases),
        ):
            for other, _ in others:
                owner = taken.get(_folded(other))
                if owner is not None:
                    faults.add(
                        path,
                        lines.get(other, entry.line),
                        f"{kind} {other!r} is {owner}",
                    )


def _fault_order(fault: ContentError) -> tuple[int, str, int]:
    order = {name: index for index, name in enumerate(FILES)}
    return (order.get(Path(fault.path).name, 99), fault.path, fault.line or 0)


def _region(draft: _Draft) -> Region:
    v = draft.values
    return Region(
        v["id"], v["name"], v["kind"], v["parent"], v["aliases"], v["wikidata"],
        line=draft.line,
    )  # fmt: skip


def _agency(draft: _Draft) -> Agency:
    v = draft.values
    return Agency(
        v["id"], v["name"], v["kind"], v["acronyms"], v["aliases"], v["parent"],
        v["region"], v["wikidata"], v["description"], v["valid_from"], v["valid_to"],
        v["former_names"], v["renamed"], v["shared_acronyms"], v["preceded_by"],
        v["periods"], line=draft.line,
    )  # fmt: skip


def _person(draft: _Draft) -> Person:
    v = draft.values
    return Person(
        v["id"], v["name"], v["aliases"], tuple(v["roles"]), v["wikidata"],
        line=draft.line, needs_title=v["needs_title"],
    )  # fmt: skip
