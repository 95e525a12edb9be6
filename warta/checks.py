"""``invoke check``: every fault in the authority files and the articles, at
once; and, as notes, the regions and sources spelt otherwise than the other
articles spell them, and text that looks mis-decoded ("NestlÃ©")."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from warta.corpus import ArticleFile, read_articles
from warta.errors import AuthorityError, ContentError
from warta.indicators.catalogue import IndicatorCatalogueError, load_catalogue
from warta.ingest.mojibake import describe, repair
from warta.ingest.places import Gazetteer, squash
from warta.spelt import usual_spelling
from warta.tagging import Overrides, Tagger, unknown_indicator_ids

# The keys whose values group articles on pages of their own (``/wilayah/``,
# ``/sumber/``): two spellings of one name share a page, as its slug.
GROUPED_KEYS = ("region", "source")


@dataclass
class CheckReport:
    articles: int = 0
    faults: list[ContentError] = field(default_factory=list)
    # Not faults: the build accepts them (warta_browse groups the spellings).
    notes: list[ContentError] = field(default_factory=list)


def check_content(content: Path) -> CheckReport:
    report = CheckReport()
    try:
        tagger = Tagger.load(content / "authority")
    except AuthorityError as error:
        report.faults += error.errors
        tagger = None
    except ContentError as error:
        report.faults.append(error)
        tagger = None
    try:
        load_catalogue(content / "authority" / "indicators.yaml")
    except IndicatorCatalogueError as error:
        report.faults += error.errors
    authority = tagger.matcher.authority if tagger else None
    gazetteer = Gazetteer.of(authority.regions, authority.places) if authority else None
    spelt: list[tuple[str, str, Path, int | None]] = []  # key, value, file, line
    for item in read_articles(content / "articles"):
        if isinstance(item, ContentError):
            report.faults.append(item)
            continue
        report.articles += 1
        report.notes += mojibake_notes(item)
        values = item.header.values
        for key in GROUPED_KEYS:
            if values.get(key):
                spelt.append((key, values[key], item.path, item.header.lines.get(key)))
        if tagger is None:
            continue
        overrides = Overrides.from_metadata(values)
        faults = tagger.faults(overrides, values.get("region"))
        faults += unknown_indicator_ids(values.get("indicators"), tagger.indicator_ids)
        for fault in faults:
            key = fault.split(":")[0].lower()
            if key == "region" and gazetteer is not None:
                fault += _province_hint(gazetteer, values["region"])
            line = item.header.lines.get(key)
            report.faults.append(ContentError(item.path, line, fault))
    report.notes += spelling_notes(spelt)
    return report


def _province_hint(gazetteer: Gazetteer, region: str) -> str:
    """For a Region that names a regency or city: the province to write."""
    place = gazetteer.find(region)
    if (
        place is None
        or place.province is None
        or squash(region) == squash(place.province)
    ):
        return ""
    return f"; {place.name} is in {place.province}: write 'Region: {place.province}'"


def mojibake_notes(item: ArticleFile) -> list[ContentError]:
    """Each line of an article whose text looks like UTF-8 once read as
    Windows-1252, with the words as they were written."""
    header = item.header
    if all(repair(text).text == text for text in (item.body, *header.values.values())):
        return []
    lines = [(header.lines.get(key), value) for key, value in header.values.items()]
    lines += [
        (header.body_line + offset, line)
        for offset, line in enumerate(item.body.split("\n"))
    ]
    notes = []
    for number, line in lines:
        fixed = repair(line)
        if fixed.changes:
            notes.append(
                ContentError(
                    item.path, number, f"mis-decoded text, {describe(fixed.changes)}"
                )
            )
    return notes


def spelling_notes(
    spelt: list[tuple[str, str, Path, int | None]],
) -> list[ContentError]:
    """For each value of a grouped key spelt otherwise than its name's usual
    spelling (``warta.spelt``: ``lampung``, ``Lampung``): where, and that
    spelling."""
    slugs = {value: slugify(value) for _key, value, _path, _line in spelt}
    counts: dict[tuple[str, str], Counter] = {}
    for key, value, _path, _line in spelt:
        counts.setdefault((key, slugs[value]), Counter())[value] += 1
    notes = []
    for key, value, path, line in spelt:
        spellings = counts[key, slugs[value]]
        usual = usual_spelling(spellings)
        most = spellings[usual]
        if value != usual:
            label = key.capitalize()
            others = "article" if most == 1 else "articles"
            notes.append(
                ContentError(
                    path,
                    line,
                    f"{label} '{value}' is spelt '{usual}' in {most} {others}",
                )
            )
    return notes
