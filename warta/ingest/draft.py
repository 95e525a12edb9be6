"""An imported article before it is written: fields, body, and its file text."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from slugify import slugify

from warta.ingest.mojibake import Changes, repair

SLUG_MAX = 80

# The fields of plain text, which may hold mis-decoded words.
_TEXT_FIELDS = ("title", "body", "source", "author", "location", "summary", "caption")

# The header keys in the order they are written.
_HEADER_ORDER = (
    ("title", "Title"),
    ("date", "Date"),
    ("modified", "Modified"),
    ("slug", "Slug"),
    ("lang", "Lang"),
    ("source", "Source"),
    ("source_url", "Source_url"),
    ("author", "Author"),
    ("location", "Location"),
    ("region", "Region"),
    ("tags", "Tags"),
    ("caption", "Caption"),
    ("image", "Image"),
    ("summary", "Summary"),
)


def make_slug(title: str) -> str:
    return slugify(title, max_length=SLUG_MAX, word_boundary=True) or "berita"


def one_line(value: str) -> str:
    """Metadata values are single lines of plain text."""
    return re.sub(r"\s+", " ", value).strip()


def text_fingerprint(markdown: str) -> str:
    """A hash of the words of a body: the same article in other markup, same hash."""
    text = unicodedata.normalize("NFKC", markdown).casefold()
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)  # images
    text = re.sub(r"\]\([^)]*\)", " ", text)  # link targets
    words = re.findall(r"\w+", text)
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


@dataclass
class ArticleDraft:
    title: str
    body: str  # Markdown
    date: dt.datetime | dt.date | None = None
    modified: dt.datetime | dt.date | None = None
    source: str | None = None
    source_url: str | None = None
    author: str | None = None
    location: str | None = None
    region: str | None = None
    lang: str = "id"
    summary: str | None = None
    caption: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)
    slug: str | None = None

    def __post_init__(self) -> None:
        if self.slug is None:
            self.slug = make_slug(self.title)

    def repair_text(self) -> Changes:
        """Put right the mis-decoded words of the text fields (those a page
        wrote escaped, ``Nestl\\u00c3\\u00a9`` in its JSON-LD, come through
        parsing so); a slug made from the title is made again."""
        changes: list[tuple[str, str]] = []

        def fixed(value: str) -> str:
            repaired = repair(value)
            changes.extend(repaired.changes)
            return repaired.text

        title = self.title
        for name in _TEXT_FIELDS:
            if value := getattr(self, name):
                setattr(self, name, fixed(value))
        self.tags = [fixed(tag) for tag in self.tags]
        if self.title != title and self.slug == make_slug(title):
            self.slug = make_slug(self.title)
        return tuple(changes)

    def header_values(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for attribute, key in _HEADER_ORDER:
            value = getattr(self, attribute)
            if value in (None, "", []):
                continue
            if isinstance(value, dt.datetime):
                value = value.strftime("%Y-%m-%d %H:%M")
            elif isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, list):
                value = ", ".join(one_line(v).replace(",", " ") for v in value)
            values[key] = one_line(str(value))
        return values

    def to_markdown(self) -> str:
        header = "\n".join(f"{k}: {v}" for k, v in self.header_values().items())
        return f"{header}\n\n{self.body.strip()}\n"

    @property
    def fingerprint(self) -> str:
        return text_fingerprint(self.body)
