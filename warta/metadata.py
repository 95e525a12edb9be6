"""The metadata header of an article file: parsing with line numbers, validation.

Articles are Markdown files that open with Pelican's ``Key: value`` header (the
Python-Markdown ``meta`` extension's syntax). Pelican reads that header itself;
this module reads it first so that a fault is reported with the file, the line
and the reason instead of the article being dropped or silently mis-dated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from warta.errors import ContentError

# The syntax of Python-Markdown's meta extension, which Pelican uses.
_BEGIN = re.compile(r"^-{3}(\s.*)?$")
_END = re.compile(r"^(-{3}|\.{3})(\s.*)?$")
_KEY_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
_MORE_LINE = re.compile(r"^[ ]{4,}(?P<value>.*)$")

_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}"
    r"(?:[ T]\d{2}:\d{2}(?::\d{2})?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?$"
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

DATE_FORMAT_HINT = "use YYYY-MM-DD or YYYY-MM-DD HH:MM"


def parse_date(value: str) -> dt.datetime:
    """Parse a header date; raise ``ValueError`` with the reason."""
    text = value.strip()
    if not _DATE.match(text):
        raise ValueError(f"{text!r} is not a date ({DATE_FORMAT_HINT})")
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{text!r} is not a real calendar date") from None


def _check_date(value: str) -> None:
    parse_date(value)


def _check_slug(value: str) -> None:
    if not _SLUG.match(value):
        raise ValueError(
            f"slug {value!r} must be lower-case letters, digits and single hyphens"
        )


def _check_lang(value: str) -> None:
    if not _LANG.match(value):
        raise ValueError(f"language {value!r} is not a language code such as 'id'")


def site_name(url: str | None) -> str | None:
    """The site an address is on, as a source's name: ``finance.detik.com``."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _check_url(value: str) -> None:
    if not _URL.match(value):
        raise ValueError(f"{value!r} is not an http(s) URL")


def _check_status(value: str) -> None:
    if value not in ("published", "draft", "hidden"):
        raise ValueError(
            f"status {value!r} is not one of 'published', 'draft', 'hidden'"
        )


def _any(value: str) -> None:
    """Free text: any non-empty value is accepted."""


@dataclass(frozen=True)
class FieldSpec:
    check: Callable[[str], None] = _any
    repeatable: bool = False


# Every key an article or page header may carry. An unknown key is an error: a
# misspelt key ("Tittle") would otherwise be ignored without a word.
FIELDS: dict[str, FieldSpec] = {
    "title": FieldSpec(),
    "date": FieldSpec(_check_date),
    "modified": FieldSpec(_check_date),
    "slug": FieldSpec(_check_slug),
    "lang": FieldSpec(_check_lang),
    "summary": FieldSpec(),
    "source": FieldSpec(),
    "source_url": FieldSpec(_check_url),
    "author": FieldSpec(),
    "authors": FieldSpec(),
    "location": FieldSpec(),
    "region": FieldSpec(),
    "tags": FieldSpec(),
    "caption": FieldSpec(),
    "image": FieldSpec(),
    "agencies": FieldSpec(),
    "people": FieldSpec(),
    "indicators": FieldSpec(),
    "suppress": FieldSpec(),
    "status": FieldSpec(_check_status),
    "template": FieldSpec(),
    "save_as": FieldSpec(),
    "url": FieldSpec(),
    "translation": FieldSpec(),
}

ARTICLE_REQUIRED = ("title", "date")
PAGE_REQUIRED = ("title",)


@dataclass
class Header:
    """The header as written: values and the line each key stands on."""

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1  # first line of the body


def parse_header(text: str, path: str | Path) -> Header:
    """Read the ``Key: value`` header of ``text``; raise ``ContentError``.

    A key given twice is an error: Pelican would keep one of the values and
    drop the other without telling anyone.
    """
    header = Header()
    lines = text.splitlines()
    start = 0
    if lines and _BEGIN.match(lines[0]):
        start = 1
    key: str | None = None
    number = start
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or _END.match(line):
            header.body_line = number + 1
            break
        match = _KEY_LINE.match(line)
        if match:
            key = match["key"].lower()
            if key in header.values and not FIELDS.get(key, FieldSpec()).repeatable:
                raise ContentError(
                    path,
                    number,
                    f"'{match['key']}' is given twice "
                    f"(first on line {header.lines[key]})",
                )
            header.values[key] = match["value"].strip()
            header.lines[key] = number
            continue
        more = _MORE_LINE.match(line)
        if more and key is not None:
            header.values[key] = f"{header.values[key]} {more['value'].strip()}"
            continue
        header.body_line = number
        break
    else:
        header.body_line = number + 1
    return header


def validate_header(header: Header, path: str | Path, *, required: tuple[str, ...]):
    """Check every field of ``header``; raise ``ContentError`` at the first fault.

    Faults are checked in the order they stand in the file, so the line an
    editor is sent to is the first one to fix.
    """
    for key in sorted(header.values, key=header.lines.__getitem__):
        line = header.lines[key]
        spec = FIELDS.get(key)
        if spec is None:
            known = ", ".join(sorted(FIELDS))
            raise ContentError(
                path, line, f"unknown metadata key '{key}' (known keys: {known})"
            )
        value = header.values[key]
        if not value:
            if key in required:
                raise ContentError(path, line, f"'{key}' is empty")
            continue  # an optional field left blank is a field not given
        try:
            spec.check(value)
        except ValueError as error:
            raise ContentError(path, line, f"invalid '{key}': {error}") from None
    for key in required:
        if key not in header.values:
            raise ContentError(
                path,
                None,
                f"required metadata '{key.capitalize()}' is missing "
                f"(the header ends before line {header.body_line})",
            )
    if "date" in header.values and "modified" in header.values:
        date = parse_date(header.values["date"])
        modified = parse_date(header.values["modified"])
        if _comparable(modified) < _comparable(date):
            raise ContentError(
                path, header.lines["modified"], "'modified' is earlier than 'date'"
            )


def _comparable(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=None) if moment.tzinfo else moment


def check_file_text(text: str, path: str | Path, *, required: tuple[str, ...]):
    """Parse and validate the header of one file's text; return the header."""
    header = parse_header(text, path)
    validate_header(header, path, required=required)
    return header
