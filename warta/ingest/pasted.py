"""Text pasted from a news site: teaser, title, caption, dateline, paragraphs, date.

A paste from a listing page typically holds, in this order: the title; a teaser
(caption, dateline and the first words, cut off with "..."); the title again; a
photo caption; the dateline and the body, hard-wrapped at the width of the page;
and perhaps a closing section under a short heading. A paste from an article's
own page may also bring its address, byline, date line and credits
(``warta.ingest.furniture``).
"""

from __future__ import annotations

import re
import unicodedata

from warta.ingest.draft import ArticleDraft
from warta.ingest.errors import IngestError
from warta.ingest.furniture import strip_furniture
from warta.ingest.indodate import publication_date
from warta.ingest.places import Gazetteer, squash
from warta.metadata import site_name

# "BANDARLAMPUNG, Teraslampung.com —", "JAKARTA (ANTARA) -", "KOTA AGUNG, Lampost--".
# A hyphen alone has a space before or after it: "Dulu, orang-orang Eropa" is
# no dateline.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{1,40}?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*"
    r"(?:,\s*(?P<source>[\w][\w.\- ]{1,40}?)|\((?P<agency>[^)]{2,40})\))"
    r"(?:\s*[—–]|\s*--|\s+-|-(?=\s))\s*"
)
# "JUARA.NET, TOKYO -": the site's name first, then the place.
_SITE_NAME = re.compile(r"\w\.[A-Za-z]{2,}$")
# "Jakarta - Dinas ...": a place alone, which the gazetteer must know.
PLACE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}?)\s+(?:[—–]|-{1,2})\s+(?=\S)"
)
_ENDS_SENTENCE = re.compile(r"""[.!?…]["”’)]*$|["”]$""")
_ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:[A-Z]|[A-Z][a-z]{1,2}|[A-Z]\.[A-Z])\.$")
_STARTS_SENTENCE = re.compile(r"""^["“'‘(]?[A-Z0-9]""")
_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
HEADING_MAX_WORDS = 10
CAPTION_MAX_WORDS = 40
# "Foto: Petani menjemur kopi": the page's label, which the site shows itself.
_CAPTION_LABEL = re.compile(r"^foto\s*:\s*", re.I)


def clean_text(text: str) -> str:
    """Unicode NFC, no invisible characters, plain spaces, ``\\n`` line ends."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u00a0\u2007\u202f\t ]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _blocks(text: str) -> list[list[str]]:
    blocks, current = [], []
    for line in text.split("\n"):
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _ends_sentence(line: str) -> bool:
    return bool(_ENDS_SENTENCE.search(line)) and not _ABBREVIATION_END.search(line)


def join_lines(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped lines; a paragraph ends where a sentence ends a line
    and the next line opens a sentence."""
    paragraphs, current = [], []
    for index, line in enumerate(lines):
        current.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or (
            _ends_sentence(line) and _STARTS_SENTENCE.match(following)
        ):
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def _is_teaser(block: list[str], rest: str) -> bool:
    """A block cut off with an ellipsis whose words stand again further on."""
    joined = " ".join(block)
    if not _ELLIPSIS.search(joined):
        return False
    words = _ELLIPSIS.sub("", joined).split()[:-1]  # the last word is cut
    return len(words) >= 3 and squash(" ".join(words)) in squash(rest)


def _opens_with_heading(block: list[str]) -> bool:
    """A short first line, then a line opening a sentence: a subheading."""
    first = block[0]
    return (
        len(block) > 1
        and len(first.split()) <= HEADING_MAX_WORDS
        and not re.search(r"[,;:!?”\"]$", first)
        and bool(_STARTS_SENTENCE.match(block[1]))
    )


def parse_pasted(
    text: str,
    *,
    source_name: str = "<teks>",
    gazetteer: Gazetteer | None = None,
    default_year: int | None = None,
) -> ArticleDraft:
    """Build an article draft from pasted text; raise ``IngestError`` if empty."""
    gazetteer = gazetteer or Gazetteer({})
    blocks = _blocks(clean_text(text))
    if not blocks:
        raise IngestError(source_name, "the text is empty")
    title = blocks[0][0]
    if _ENDS_SENTENCE.search(title) and len(title) > 200:
        raise IngestError(source_name, "the first line is not a title")
    blocks[0] = blocks[0][1:]
    # The title again, as the page's own heading above the text.
    blocks = [[line for line in block if line != title] for block in blocks]
    blocks = [block for block in blocks if block]
    teasers = []
    for index, block in enumerate(blocks):
        rest = " ".join(" ".join(b) for b in blocks[index + 1 :])
        if _is_teaser(block, rest):
            teasers.append(index)
    page = strip_furniture([b for i, b in enumerate(blocks) if i not in teasers])
    kept = page.blocks
    if not kept:
        raise IngestError(source_name, "no article text after the title")

    caption, place, source = None, None, None
    first = kept[0]
    for index, line in enumerate(first):
        dateline = read_dateline(line, gazetteer)
        if dateline:
            place, source = dateline
            if index:
                caption = " ".join(first[:index])
            kept[0] = first[index:]
            break
    else:
        # A short block of its own before the dateline's: the photo's caption.
        dateline = read_dateline(kept[1][0], gazetteer) if len(kept) > 1 else None
        if dateline and len(" ".join(first).split()) <= CAPTION_MAX_WORDS:
            place, source = dateline
            caption = " ".join(first)
            kept = kept[1:]
    if caption:
        caption = _CAPTION_LABEL.sub("", caption) or None

    body: list[str] = []
    for number, block in enumerate(kept):
        if number and _opens_with_heading(block):
            body.append("## " + block[0].rstrip(".").strip())
            block = block[1:]
        body.extend(join_lines(block))

    located = gazetteer.lookup(place) if place else None
    dated_text = "\n".join([*body, caption or ""])
    date = page.date or publication_date(dated_text, default_year=default_year)
    lead = body[0] if body else ""
    if place:
        lead = (DATELINE if source else PLACE_DATELINE).sub("", lead, count=1)
    summary = re.split(r"(?<=[.!?])\s+", lead, maxsplit=1)[0] if lead else None
    return ArticleDraft(
        title=title,
        body="\n\n".join(_escape_markdown(p) for p in body),
        date=date,
        source=source or page.outlet or site_name(page.url),
        source_url=page.url,
        author=page.author,
        location=located.name if located else None,
        region=located.province if located else None,
        caption=caption,
        summary=summary,
    )


def read_dateline(line: str, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
    """The place and the source named by a dateline opening ``line``:
    ``BANDARLAMPUNG, Teraslampung.com —``, ``JAKARTA (ANTARA) -``, or a place
    alone that the gazetteer knows (``Jakarta -``, source None)."""
    match = DATELINE.match(line)
    if match:
        place, source = match["place"], (match["source"] or match["agency"]).strip()
        site_first = _SITE_NAME.search(place) and not _SITE_NAME.search(source)
        if match["source"] and site_first:
            place, source = source, place
        return place, source
    match = PLACE_DATELINE.match(line)
    if match and gazetteer.find(match["place"]):
        return match["place"], None
    return None


def _escape_markdown(paragraph: str) -> str:
    """Pasted text is text: characters Markdown would read as markup are escaped."""
    if paragraph.startswith("## "):
        return paragraph
    escaped = re.sub(r"([\\`*_<>\[\]])", r"\\\1", paragraph)
    # A line opening with "1. ", "- ", "# " or "> " would become a list or heading.
    return re.sub(r"^(\d+)\. ", r"\1\\. ", re.sub(r"^([-+#>])", r"\\\1", escaped))
