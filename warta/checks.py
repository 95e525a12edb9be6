"""``invoke check``: every fault in the authority files and the articles, at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from warta.corpus import read_articles
from warta.errors import AuthorityError, ContentError
from warta.tagging import Overrides, Tagger


@dataclass
class CheckReport:
    articles: int = 0
    faults: list[ContentError] = field(default_factory=list)


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
    for item in read_articles(content / "articles"):
        if isinstance(item, ContentError):
            report.faults.append(item)
            continue
        report.articles += 1
        if tagger is None:
            continue
        values = item.header.values
        overrides = Overrides.from_metadata(values)
        for fault in tagger.faults(overrides, values.get("region")):
            key = fault.split(":")[0].lower()
            line = item.header.lines.get(key)
            report.faults.append(ContentError(item.path, line, fault))
    return report
