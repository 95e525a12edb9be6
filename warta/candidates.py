"""Names the taggers did not recognise, counted over the archive, as YAML to paste."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from warta.authority import Authority, Region, load_places
from warta.corpus import ArticleFile, read_articles
from warta.entities import PLACE_PREFIXES, place_names
from warta.indicators.catalogue import load_catalogue
from warta.indicators.extract import extract_figures, place_scopes
from warta.normalize import normalize
from warta.tagging import ArticleTags, Overrides, Tagger


@dataclass
class CandidateCount:
    kind: str
    id: str
    name: str
    count: int = 0
    example: str = ""
    articles: list[str] = field(default_factory=list)
    parent: str | None = None  # a unit's known body, as discovery found it


def count_candidates(tagged: Iterable[tuple[str, ArticleTags]]) -> list[CandidateCount]:
    """Unverified tags grouped by id, most frequent first."""
    found: dict[str, CandidateCount] = {}
    for source, tags in tagged:
        for tag in tags.tags:
            if tag.verified:
                continue
            entry = found.get(tag.id)
            if entry is None:
                entry = found[tag.id] = CandidateCount(
                    tag.kind, tag.id, tag.name or tag.id, parent=tag.parent
                )
                entry.example = tag.sentence
            entry.count += 1
            entry.articles.append(source)
    return sorted(found.values(), key=lambda c: (-c.count, c.name))


# An office's first words -> its kind, whatever its place.
_KIND_BY_HEAD = (
    (("kementerian", "koordinator"), "coordinating_ministry"),
    (("kementrian", "koordinator"), "coordinating_ministry"),
    (("kemenko",), "coordinating_ministry"),
    (("kementerian",), "ministry"),
    (("kementrian",), "ministry"),
    (("direktorat", "jenderal"), "directorate_general"),
    (("direktorat", "jendral"), "directorate_general"),
    (("ditjen",), "directorate_general"),
)
# A region's kind -> the kind of an office of that region.
_OFFICE_KIND = {
    "province": "provincial_office",
    "regency": "regency_office",
    "city": "city_office",
}
_NATIONAL = (
    "coordinating_ministry",
    "ministry",
    "directorate_general",
    "national_agency",
)
_NATIONAL_WORDS = frozenset({"nasional", "negara"})
# A place's prefix in an office's name ("Kabupaten") -> the kind of that office.
_PLACE_WORD_KIND = {
    word: _OFFICE_KIND[kind] for kind, words in PLACE_PREFIXES.items() for word in words
}


class AgencyGuesser:
    """``kind`` and ``region`` of a proposed agency, read off its name where
    its words tell them: "Dinas Kesehatan Provinsi Aceh" is a provincial
    office of Aceh, "Direktorat Jenderal Anggaran" a directorate general of
    Indonesia; a unit discovery found with its body ("Biro Hukum Kementerian
    Kesehatan", ``parent`` kemenkes) shares that body's region. What the
    name does not tell stays ``TODO``."""

    def __init__(self, authority: Authority) -> None:
        self._regions: dict[str, Region] = {}
        for region in authority.regions:
            for name in place_names(region):
                self._regions.setdefault(name, region)
        self._agencies = authority.agency_by_id

    def fields(self, name: str, parent: str | None = None) -> dict[str, str]:
        tokens = normalize(name).split()
        suffixes = [" ".join(tokens[start:]) for start in range(1, len(tokens))]
        kind = next(
            (k for head, k in _KIND_BY_HEAD if tuple(tokens[: len(head)]) == head),
            None,
        )
        if parent in self._agencies:
            return {
                "kind": kind or "TODO",
                "parent": parent,
                "region": self._agencies[parent].region or "TODO",
            }
        region = next(filter(None, map(self._regions.get, suffixes)), None)
        if kind is None and region is not None:
            kind = _OFFICE_KIND.get(region.kind)
        if kind is None and tokens[:1] == ["badan"] and _NATIONAL_WORDS & set(tokens):
            kind = "national_agency"  # "Badan Siber dan Sandi Negara"
        if kind is None:  # "... Kabupaten Sidoarjo", a place not on file
            kind = next(
                (_PLACE_WORD_KIND[t] for t in tokens[1:] if t in _PLACE_WORD_KIND), None
            )
        if region is None and kind in _NATIONAL:
            return {"kind": kind, "region": "indonesia"}
        return {
            "kind": kind or "TODO",
            "region": region.id if region is not None else "TODO",
        }


def as_yaml(
    candidates: list[CandidateCount], kind: str, guesser: AgencyGuesser | None = None
) -> str:
    """Entries in the authority files' form, with the evidence as comments;
    an agency's kind and region as ``guesser`` reads them off its name."""
    out = []
    for candidate in (c for c in candidates if c.kind == kind):
        entry = {"id": candidate.id.removeprefix("usulan-"), "name": candidate.name}
        if kind == "agency":
            if guesser is not None:
                entry |= guesser.fields(candidate.name, candidate.parent)
            else:
                entry["kind"] = entry["region"] = "TODO"
        else:
            entry["roles"] = [{"title": "TODO", "agency": "TODO"}]
        out.append(f"# {candidate.count} berita, contoh: {candidate.example[:200]}")
        out.append(f"# pertama di: {candidate.articles[0]}")
        out.append(
            yaml.safe_dump([entry], allow_unicode=True, sort_keys=False).rstrip()
        )
    return "\n".join(out)


def readable_articles(content: Path) -> list[ArticleFile]:
    """The articles of ``content`` that can be read (files with faults are left
    out: ``invoke check`` reports them)."""
    articles = read_articles(content / "articles")
    return [item for item in articles if isinstance(item, ArticleFile)]


def tag_corpus(
    tagger: Tagger, files: list[ArticleFile], progress=lambda items: items
) -> list[tuple[str, ArticleTags]]:
    """``files`` tagged by ``tagger``."""
    tagged = []
    for article in progress(files):
        values = article.header.values
        tags = tagger.tag(
            article.text,
            date=article.date,
            region=values.get("region"),
            overrides=Overrides.from_metadata(values),
        )
        tagged.append((str(article.path), tags))
    return tagged


def unclassified_figures(
    content: Path, files: list[ArticleFile], progress=lambda items: items
) -> list[tuple[str, str, str]]:
    """``(article path, figure as written, sentence)`` for figures in ``files``
    that look like economic statements but match no indicator of the catalogue."""
    catalogue = load_catalogue(content / "authority" / "indicators.yaml")
    places = place_scopes(load_places(content / "authority", None))
    found = []
    for article in progress(files):
        for figure in extract_figures(
            article.text,
            catalogue=catalogue,
            article_date=article.date,
            region=article.header.values.get("region"),
            places=places,
        ):
            if figure.indicator_id is None:
                found.append((str(article.path), figure.text, figure.quote))
    return found
