"""Bytes of a web page to text: UTF-8 when the bytes are UTF-8, else the
declared charset when it decodes, else detection."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# What browsers do (WHATWG Encoding): these labels mean windows-1252.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(raw: bytes, header_charset: str | None = None) -> str | None:
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if header_charset and _codec(header_charset):
        return _codec(header_charset)
    match = _META_CHARSET.search(raw[:4096])
    return _codec(match.group(1).decode("ascii", "replace")) if match else None


def decode_page(raw: bytes, header_charset: str | None = None) -> str:
    """Decode ``raw``; raise ``UnicodeDecodeError`` when nothing fits."""
    declared = declared_charset(raw, header_charset)
    # Bytes beyond ASCII that decode as UTF-8 are UTF-8, whatever the page
    # declares: a server's default "iso-8859-1" on a UTF-8 page would
    # otherwise spell "Nestlé" as "NestlÃ©". Text in a one-byte charset is
    # almost never valid UTF-8 (an "é" before a plain letter is not).
    first = [] if raw.isascii() else ["utf-8"]
    for codec in dict.fromkeys([*first, declared or "utf-8", "utf-8"]):
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        return unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    best = from_bytes(raw).best()
    if best is None:
        raise UnicodeDecodeError("unknown", raw[:1], 0, 1, "no encoding fits")
    return unicodedata.normalize("NFC", str(best))
