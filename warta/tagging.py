"""Tagging one article: matcher results, editor overrides, discovered names.

Pelican-free: the plugin hands in plain text and metadata strings and gets back
plain records. Results are cached by a key over the text, the article's date and
region, its overrides and the authority files' fingerprint, so an unchanged
article with unchanged authority files is never tagged twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from slugify import slugify

from warta.authority import Authority, load_authority
from warta.cache import JsonCache, flat_record
from warta.entities import AGENCY, PERSON, Matcher
from warta.errors import ContentError
from warta.indicators.catalogue import IndicatorCatalogueError, load_catalogue
from warta.parallel import PARALLEL_MIN, map_on_cores

# 2: sentences cut; 3-6, 8-10, 15, 17: discovery; 11-14, 16, 18: titles, parent,
# short forms, names that need their title; 19-20: titles of the named, former
# holders, offices' buildings, eponyms; 21: a known word is no slip;
# 22: a known body's short form alone in brackets; 23: no "Rp" in a name;
# 24: a quote verb capitalised inside a sentence; 25: a name after a title two
# held that year; 26: titles joined by a slash, "Dinas" + a ministry's short
# form, shared acronyms; 27: a regional office's place written in full;
# 40: RRT, RRC, Republik Rakyat Tiongkok/China are countries
CACHE_VERSION = "40"


def split_ids(value: str | list[str] | None) -> tuple[str, ...]:
    """``"a, b"`` (or a list of such strings) -> ``("a", "b")``."""
    if not value:
        return ()
    parts = value if isinstance(value, list) else [value]
    return tuple(
        i.strip() for part in parts for i in re.split(r"[,;]", part) if i.strip()
    )


@dataclass(frozen=True)
class Overrides:
    """An editor's corrections in an article's metadata."""

    agencies: tuple[str, ...] = ()  # Agencies: ids the matcher cannot see
    people: tuple[str, ...] = ()  # People: ids the matcher cannot see
    suppress: tuple[str, ...] = ()  # Suppress: wrong automatic tags

    @classmethod
    def from_metadata(cls, metadata: dict) -> Overrides:
        return cls(
            split_ids(metadata.get("agencies")),
            split_ids(metadata.get("people")),
            split_ids(metadata.get("suppress")),
        )


@dataclass(frozen=True, slots=True)
class Tag:
    """One entity an article names, with the first sentence that names it."""

    id: str
    kind: str  # agency | person
    sentence: str
    verified: bool = True
    name: str | None = None  # for discovered entities, which have no authority entry
    parent: str | None = None  # a discovered unit's: the known body it belongs to


@dataclass(frozen=True)
class ArticleTags:
    # Nothing in it changes: digested once while it lives, though the tag
    # cache of a process that builds again hands the same object to each
    # build (``warta.incremental``).
    __digest_stored__ = True

    tags: tuple[Tag, ...] = ()

    def of_kind(self, kind: str) -> list[Tag]:
        return [tag for tag in self.tags if tag.kind == kind]

    def to_json(self) -> list[dict]:
        records = [flat_record(tag) for tag in self.tags]
        for record in records:
            if record["parent"] is None:
                del record["parent"]  # (most tags: kept out of the cache file)
        return records

    @classmethod
    def from_json(cls, records: list[dict]) -> ArticleTags:
        sentences: dict[str, str] = {}
        return cls(
            tuple(
                Tag(**{**record, "sentence": _one_copy(sentences, record["sentence"])})
                for record in records
            )
        )


def _one_copy(copies: dict[str, str], text: str) -> str:
    """``text``, or the equal string ``copies`` holds already. A sentence
    often names several entities: the 265,000 tags of 20,000 articles held
    205,000 sentence strings (52 MB), for 81,000 distinct ones (25 MB)."""
    return copies.setdefault(text, text)


def discovered_id(kind: str, name: str) -> str:
    """A stable id for a name not in the authority files."""
    return "usulan-" + slugify(name, max_length=70, word_boundary=True)


IGNORED_FILE = "ignored.yaml"


def load_ignored(folder: Path) -> frozenset[str]:
    """Names editors have ruled out as entities (buildings, events...), as ids.

    ``ignored.yaml`` is a YAML list of names; discovery never proposes them.
    """
    path = Path(folder) / IGNORED_FILE
    if not path.is_file():
        return frozenset()
    try:
        names = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise ContentError(path, line, f"not valid YAML: {error}") from None
    if names is None:
        return frozenset()
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ContentError(path, 1, "must be a YAML list of names")
    return frozenset(discovered_id("", name) for name in names)


def tag_article(
    matcher: Matcher,
    text: str,
    *,
    date: dt.date | None,
    region: str | None,
    overrides: Overrides,
    known_ids: dict[str, str],
    ignored: frozenset[str] = frozenset(),
) -> ArticleTags:
    """Tags for one article. ``known_ids`` maps every authority id to its kind.

    An unknown ``region`` is left out here; ``region_fault`` reports it.
    """
    if region_fault(matcher, region):
        region = None
    mentions, candidates = matcher.tag_and_discover(text, date=date, region=region)
    sentences: dict[str, str] = {}
    first_sentence: dict[tuple[str, str], str] = {}
    for mention in mentions:
        sentence = _one_copy(sentences, mention.sentence)
        first_sentence.setdefault((mention.kind, mention.entity_id), sentence)
    for kind, ids in ((AGENCY, overrides.agencies), (PERSON, overrides.people)):
        for entity_id in ids:
            if known_ids.get(entity_id) == kind:
                first_sentence.setdefault((kind, entity_id), "")
    suppressed = set(overrides.suppress)
    tags = [
        Tag(entity_id, kind, sentence)
        for (kind, entity_id), sentence in first_sentence.items()
        if entity_id not in suppressed
    ]
    seen = {tag.id for tag in tags}
    for candidate in candidates:
        entity_id = discovered_id(candidate.kind, candidate.name)
        if entity_id in seen or entity_id in suppressed or entity_id in known_ids:
            continue
        if entity_id in ignored:
            continue
        seen.add(entity_id)
        sentence = _one_copy(sentences, candidate.sentence)
        tags.append(
            Tag(
                entity_id,
                candidate.kind,
                sentence,
                False,
                candidate.name,
                candidate.parent,
            )
        )
    return ArticleTags(tuple(tags))


def region_fault(matcher: Matcher, region: str | None) -> str | None:
    """Why an article's Region is no region of the authority files, if it is not."""
    if not region:
        return None
    try:
        matcher.region_id(region)
    except ValueError:
        return f"Region: unknown region '{region}' (not in authority/regions.yaml)"
    return None


def unknown_override_ids(
    overrides: Overrides,
    known_ids: dict[str, str],
    indicator_ids: frozenset[str] = frozenset(),
) -> list[str]:
    """Faults in an article's overrides: ids that are not in the authority files
    (or name an entity of the other kind). ``Suppress`` may also name an
    indicator (``indicator_ids``): its figures in the article are then none of
    the indicator's (``warta_indicators``)."""
    faults = []
    for key, kind, ids in (
        ("Agencies", AGENCY, overrides.agencies),
        ("People", PERSON, overrides.people),
    ):
        faults += [
            f"{key}: unknown {kind} id '{entity_id}'"
            for entity_id in ids
            if known_ids.get(entity_id) != kind
        ]
    faults += [
        f"Suppress: unknown id '{entity_id}'"
        for entity_id in overrides.suppress
        if entity_id not in known_ids
        and entity_id not in indicator_ids
        and not entity_id.startswith("usulan-")
    ]
    return faults


def unknown_indicator_ids(value: str | list[str] | None, indicator_ids) -> list[str]:
    """Faults in an article's ``Indicators:``: ids no indicator has."""
    return [
        f"Indicators: unknown indicator id '{item}'"
        for item in split_ids(value)
        if item not in indicator_ids
    ]


def cache_key(
    fingerprint: str, text: str, date, region, overrides: Overrides, ignored=frozenset()
) -> str:
    """What a tagging result depends on, hashed."""
    digest = hashlib.sha256()
    parts = (CACHE_VERSION, fingerprint, str(date), str(region), repr(overrides))
    for part in (*parts, ",".join(sorted(ignored)), text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class TagCache(JsonCache):
    """Tagging results on disk, one JSON file for the whole archive."""

    def get(self, key: str) -> ArticleTags | None:
        return self.get_object(key, ArticleTags.from_json, ArticleTags.to_json)

    def put(self, key: str, tags: ArticleTags) -> None:
        self.put_object(key, tags, ArticleTags.to_json)


@dataclass(frozen=True)
class Tagger:
    """Everything tagging needs, loaded once from the authority folder."""

    authority: Authority
    matcher: Matcher
    known_ids: dict[str, str]  # id -> agency | person
    names: dict[str, str]  # id -> name
    ignored: frozenset[str]
    # The indicators' ids, which ``Suppress`` may name too.
    indicator_ids: frozenset[str] = frozenset()

    @classmethod
    def load(cls, folder: Path) -> Tagger:
        """Raise ``AuthorityError`` or ``ContentError`` naming file, line, reason.

        A faulty ``indicators.yaml`` is reported where it is read for figures
        (and by ``invoke check``); here it leaves no indicator id known."""
        authority = load_authority(folder)
        ignored = load_ignored(folder)
        known = {a.id: AGENCY for a in authority.agencies}
        known |= {p.id: PERSON for p in authority.people}
        names = {a.id: a.name for a in authority.agencies}
        names |= {p.id: p.name for p in authority.people}
        try:
            catalogue = load_catalogue(folder / "indicators.yaml")
        except IndicatorCatalogueError:
            indicator_ids = frozenset()
        else:
            indicator_ids = frozenset(catalogue.by_id)
        matcher = Matcher.from_authority(authority)
        return cls(authority, matcher, known, names, ignored, indicator_ids)

    def key(self, text: str, date, region, overrides: Overrides) -> str:
        return cache_key(
            self.authority.fingerprint, text, date, region, overrides, self.ignored
        )

    def tag(self, text: str, *, date, region, overrides: Overrides) -> ArticleTags:
        return tag_article(
            self.matcher,
            text,
            date=date,
            region=region,
            overrides=overrides,
            known_ids=self.known_ids,
            ignored=self.ignored,
        )

    def tag_job(self, job: TagJob) -> ArticleTags:
        return self.tag(
            job.text, date=job.date, region=job.region, overrides=job.overrides
        )

    def faults(self, overrides: Overrides, region: str | None) -> list[str]:
        """What is wrong with an article's overrides and Region."""
        found = unknown_override_ids(overrides, self.known_ids, self.indicator_ids)
        return found + [f for f in [region_fault(self.matcher, region)] if f]


@dataclass(frozen=True)
class TagJob:
    """One article to tag: what ``Tagger.tag`` takes."""

    text: str
    date: dt.date | None
    region: str | None
    overrides: Overrides = Overrides()


def tag_many(
    tagger: Tagger,
    jobs: Sequence[TagJob],
    *,
    workers: int | None = None,
    parallel_min: int = PARALLEL_MIN,
) -> list[ArticleTags]:
    """Tag every job, in order, on every usable core when there are many
    (``warta.parallel.map_on_cores``)."""
    return map_on_cores(
        tagger.tag_job, jobs, workers=workers, parallel_min=parallel_min
    )
