"""Lines a paste brings along from a news page that are no part of the article.

Above the text: the page's address, the byline (``Rina Wulandari -
detikFinance``, ``Penulis: Rina``), the date line (``Senin, 04 Mei 2026 10:15
WIB``, ``Kompas.com - 04/05/2026, 10:15 WIB``). Below it: the credits
(``Pewarta: Rina``, ``Editor: Budi``, ``(rrd/rrd)``, ``Copyright © ANTARA
2026``). Anywhere: links to other articles (``Baca juga: ...``) and
advertisement markers.

The address, the byline and the date line say where the article stands, who
wrote it, for which outlet and when: they are read, then left out of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from warta.ingest.indodate import publication_date

_NAME = r"[A-Z][\w'.]*(?: (?:[A-Z][\w'.]*|bin|binti|van|de))*"
# An outlet's name as bylines write it: "detikFinance", "kumparanBISNIS",
# "Kompas.com", "ANTARA".
_OUTLET = r"[a-z]+[A-Z]\w*|\w[\w-]*(?:\.[a-z]{2,})+|[A-Z]{3,}"
_BYLINE = re.compile(rf"^(?P<author>{_NAME})\s*(?:[-–—|])\s*(?P<outlet>{_OUTLET})$")
_LABEL = (
    r"penulis|reporter|pewarta|wartawan|kontributor|oleh|editor|redaktur|"
    r"penyunting|penerjemah|fotografer"
)
# "Pewarta: Rina Wulandari". The colon is required: a hard-wrapped line of
# the text may open with "oleh Kepala Dinas".
_CREDIT = re.compile(
    rf"^(?P<label>(?i:{_LABEL}))\s*:\s*(?P<name>[A-Z][^.!?:|]{{1,59}})$"
)
# "Penulis Rina Wulandari | Editor Budi Santoso": without colons, credits
# only in a line of two or more of them.
_BARE_CREDIT = re.compile(
    rf"^(?P<label>(?i:{_LABEL}))\s+(?P<name>[A-Z][^.!?:|]{{1,59}})$"
)
_AUTHOR_LABELS = {"penulis", "reporter", "pewarta", "wartawan", "kontributor", "oleh"}
_DAY = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
_DATE = (
    rf"(?:{_DAY}\s*,?\s*)?"
    r"(?:\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})"
)
_TIME = r"(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT)?"
_UPDATED = r"(?i:diperbarui|dipublikasikan|diterbitkan|terbit|published|updated)"
# A date, perhaps a time, perhaps after the outlet's name ("Kompas.com -") or
# "Diperbarui".
_LEAD = rf"(?:{_OUTLET}|[A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}})\s*[-–—|]|{_UPDATED}"
_DATE_LINE = re.compile(
    rf"^(?:(?:{_LEAD})\s*)?"
    rf"(?P<date>(?i:{_DATE}))(?:\s*[,|-]?\s*(?i:{_TIME}))?$"
)
# The page's address, copied with its text.
_URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+/\S*$")
# Anywhere in a paste: a link to another article, an advertisement's marker.
# Among the page's own: a video's or a photo's link (``Simak Video "..."``,
# ``Tonton juga video "..." di sini:``, ``Tonton juga "..." di sini:``,
# ``Lihat juga Video: ...``,
# ``Saksikan Live DetikPagi:``,
# ``Lihat Foto``, ``[Gambas:Video 20detik]``) and the page numbers of an
# article in several pages (``1 2 3 Selanjutnya``, ``Halaman berikutnya``).
_ASIDE = re.compile(
    r"^(?:(?:baca|simak|lihat|tonton)\s+(?:juga|pula)\s*:.*"
    r"|advertisement|iklan|scroll to continue with content|scroll to resume content"
    r"|(?-i:Simak|Tonton|Saksikan|Lihat)(?:\s+(?:juga|pula))?\s+video\b.*"
    r"|(?-i:Simak|Tonton|Saksikan)\s+(?:juga|pula)\s+[\"“].*[\"”]\s*(?:di\s*sini)?\s*:?"
    r"|saksikan\s+live\s*detik\w*\b.*|lihat foto|\[gambas:.*\]"
    r"|halaman\s*:?\s*\d+(?:\s+\d+)*|(?:\d+\s+)*(?:selanjutnya|berikutnya|sebelumnya)"
    r"|halaman\s+(?:selanjutnya|berikutnya|sebelumnya))$",
    re.I,
)
# Below the text: the desk's initials, a copyright.
_DESK = r"[a-z]{2,5}"  # a desk member's initials: "rrd", "ant"
_INITIALS = re.compile(rf"^\(\s*{_DESK}(?:\s*/\s*{_DESK})*\s*\)$")
# Closing the last sentence: two initials or more, "(rrd/rrd)".
_TRAILING_INITIALS = re.compile(
    rf"(?<=[.!?”\"])\s*\(\s*{_DESK}(?:\s*/\s*{_DESK})+\s*\)$"
)
# Not "(c)": a closing list may count its items so.
_COPYRIGHT = re.compile(r"^(?:copyright\b|©)", re.I)


@dataclass
class PageLines:
    """What the furniture of a paste said, and the paste without it."""

    blocks: list[list[str]]
    url: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: dt.date | None = None


def _read_credits(line: str, found: PageLines) -> bool:
    """Whether ``line`` is all credits (``Penulis: Rina | Editor: Budi``,
    ``Penulis Rina | Editor Budi``); the first writer's name goes to
    ``found``."""
    parts = [part.strip() for part in line.split("|")]
    matches = [_CREDIT.match(part) for part in parts]
    if not all(matches) and len(parts) > 1:
        matches = [_BARE_CREDIT.match(part) for part in parts]
    if not all(matches):
        return False
    for match in matches:
        if match["label"].lower() in _AUTHOR_LABELS and not found.author:
            found.author = match["name"].strip()
    return True


def strip_furniture(blocks: list[list[str]]) -> PageLines:
    """The blocks of a paste (lines, title left out) without their furniture:
    the asides wherever they stand, the bylines and date lines that open the
    paste, the credits that close it."""
    found = PageLines(blocks=[])
    lines = [(b, line) for b, block in enumerate(blocks) for line in block]
    lines = [(b, line) for b, line in lines if not _ASIDE.match(line)]
    head = 0
    while head < len(lines) and _read_head(lines[head][1], found):
        head += 1
    tail = len(lines)
    while tail > head and _read_tail(lines[tail - 1][1], found):
        tail -= 1
    kept: dict[int, list[str]] = {}
    for index in range(head, tail):
        b, line = lines[index]
        if index == tail - 1:
            line = _TRAILING_INITIALS.sub("", line)
        kept.setdefault(b, []).append(line)
    found.blocks = [kept[b] for b in sorted(kept)]
    return found


def _read_head(line: str, found: PageLines) -> bool:
    """Whether ``line`` is an address, a byline or a date line; what it says
    goes to ``found``."""
    if _URL.match(line):
        found.url = found.url or line
        return True
    byline = _BYLINE.match(line)
    if byline:
        found.author = found.author or byline["author"]
        found.outlet = found.outlet or byline["outlet"]
        return True
    if _read_credits(line, found):
        return True
    dated = _DATE_LINE.match(line)
    if dated:
        date = publication_date(dated["date"])
        if date is not None:
            found.date = found.date or date
            return True
    return False


def _read_tail(line: str, found: PageLines) -> bool:
    """Whether ``line`` is a credit, the desk's initials or a copyright."""
    if _read_credits(line, found):
        return True
    return bool(_INITIALS.match(line) or _COPYRIGHT.match(line))
