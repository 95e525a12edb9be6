"""``invoke check``: every fault in the authority files and the articles, at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from warta.authority import load_authority
from warta.corpus import read_articles
from warta.entities import AGENCY, PERSON, Matcher
from warta.errors import AuthorityError, ContentError
from warta.tagging import Overrides, region_fault, unknown_override_ids


@dataclass
class CheckReport:
    articles: int = 0
    faults: list[ContentError] = field(default_factory=list)


def check_content(content: Path) -> CheckReport:
    report = CheckReport()
    try:
        authority = load_authority(content / "authority")
    except AuthorityError as error:
        report.faults += error.errors
        authority = None
    matcher = Matcher.from_authority(authority) if authority else None
    known = {}
    if authority:
        known = {a.id: AGENCY for a in authority.agencies}
        known |= {p.id: PERSON for p in authority.people}
    for item in read_articles(content / "articles"):
        if isinstance(item, ContentError):
            report.faults.append(item)
            continue
        report.articles += 1
        if matcher is None:
            continue
        values = item.header.values
        found = unknown_override_ids(Overrides.from_metadata(values), known)
        found += [f for f in [region_fault(matcher, values.get("region"))] if f]
        for fault in found:
            key = fault.split(":")[0].lower()
            report.faults.append(
                ContentError(item.path, item.header.lines.get(key), fault)
            )
    return report
