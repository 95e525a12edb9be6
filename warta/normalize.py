"""Text normalisation for entity matching, and rule-based variants of names.

``normalize`` turns text into lower-case word tokens separated by single spaces:
NFKC, case folding, accents dropped, every run of punctuation and whitespace
becomes one space. Dots are separators like any other punctuation, so
"O.L. Tobing", "O. L. Tobing" and "O.L.Tobing" all read ``o l tobing`` and
"M.Ridho" reads like "M. Ridho". An apostrophe between two letters is dropped
("Ma'ruf" reads ``maruf``).

``normalize_with_offsets`` keeps, for every token, its span in the original
text, so that a match found in the normalised text can be reported with the
original offsets.

``variants`` and ``person_variants`` expand a name with rules that hold for
every entity (Ditjen/Direktorat Jenderal, Pemprov/Pemerintah Provinsi, an
optional "Provinsi", an optional "Republik Indonesia" after a ministry...).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate, compress
from operator import add

MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTER = rf"(?:[^\W_]|[{MARKS}])"
# A word as a regular expression (for discovery, which reads original text):
# letters and digits, with apostrophes allowed between them.
TOKEN = re.compile(rf"{_LETTER}+(?:['’‘`]{_LETTER}+)*")

APOSTROPHES = "'’‘`ʼ"
# Frequent non-ASCII punctuation, replaced before the ASCII fast path is tried.
_COMMON_PUNCTUATION = (
    ("“", "\n"),
    ("”", "\n"),
    ("—", "\n"),
    ("–", "\n"),
    ("’", "'"),
    ("‘", "'"),
    ("\u00a0", "\n"),
    ("…", "\n"),
    ("•", "\n"),
    ("«", "\n"),
    ("»", "\n"),
    ("„", "\n"),
    ("\u200b", "\n"),  # zero-width space, frequent in pasted web text
    ("\ufeff", "\n"),
    ("°", "\n"),
    ("©", "\n"),
)
_PLUS_ONE = (1).__add__


def _separator(char: str) -> str | None:
    """What a character becomes before splitting: a line break (a separator),
    ``"'"`` (an apostrophe), or ``None`` (part of a word)."""
    if char in APOSTROPHES:
        return "'"
    if unicodedata.category(char)[0] in "PSZC":  # punctuation, symbol, space, control
        return "\n"
    return None


@cache
def _ascii_table() -> dict[int, str]:
    table = {}
    for code in range(128):
        sep = _separator(chr(code))
        if sep is not None and sep != chr(code):
            table[code] = sep
    return table


@cache
def _ascii_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The ASCII separators, and the ASCII apostrophes other than ``'``."""
    table = _ascii_table()
    separators = "".join(chr(code) for code, sep in table.items() if sep == "\n")
    apostrophes = "".join(chr(code) for code, sep in table.items() if sep == "'")
    return (
        re.compile(f"[{re.escape(separators)}]"),
        re.compile(f"[{re.escape(apostrophes)}]"),
    )


def fold_word(word: str) -> str:
    """One word as the matcher sees it: NFKC, case-folded, accents and
    apostrophes dropped (``"Pérez"`` -> ``"perez"``, ``"Ma'ruf"`` -> ``"maruf"``)."""
    if word.isascii():
        return "".join(char for char in word.lower() if char.isalnum())
    folded = unicodedata.normalize("NFKC", word).casefold()
    folded = unicodedata.normalize("NFD", folded)
    # Keeping letters and digits only drops combining marks and apostrophes.
    kept = "".join(char for char in folded if char.isalnum())
    return unicodedata.normalize("NFC", kept)


@dataclass(frozen=True, eq=False)
class NormalizedText:
    """A text and its normalised form, token by token.

    ``text`` is ``" ".join(tokens)``. Token ``i`` came from
    ``source[source_starts[i] : source_starts[i] + lengths[i]]``.
    """

    source: str
    text: str
    tokens: list[str]
    source_starts: list[int]
    lengths: list[int]

    @cached_property
    def starts(self) -> list[int]:
        """Offset of every token in the normalised text."""
        return list(accumulate(map(_PLUS_ONE, map(len, self.tokens[:-1])), initial=0))

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every token in the original text."""
        ends = map(add, self.source_starts, self.lengths)
        return list(zip(self.source_starts, ends, strict=False))

    def token_at(self, offset: int) -> int:
        """Index of the token that contains (or starts after) ``offset``."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` back to ``(start, end)`` in ``source``.

        The span is widened to whole tokens.
        """
        first = self.token_at(start)
        last = max(bisect_left(self.starts, end) - 1, first)
        return self.token_span(first, last + 1)

    def token_span(self, first: int, stop: int) -> tuple[int, int]:
        """Original ``(start, end)`` of tokens ``first`` .. ``stop - 1``."""
        last = stop - 1
        return self.source_starts[first], self.source_starts[last] + self.lengths[last]


def _separate(text: str) -> tuple[str, bool]:
    """``text`` with every separator a line break (same length), lower-cased if
    it is ASCII; and whether it is."""
    if not text.isascii():
        for old, new in _COMMON_PUNCTUATION:
            if old in text:
                text = text.replace(old, new)
        if not text.isascii():
            for char in {char for char in set(text) if not char.isascii()}:
                separator = _separator(char)
                if separator is not None:
                    text = text.replace(char, separator)
    if text.isascii():
        return text.translate(_ascii_table()).lower(), True
    # str.translate is slow on a non-ASCII string; a regular expression is not.
    separators, apostrophes = _ascii_patterns()
    return apostrophes.sub("'", separators.sub("\n", text)), False


def normalize_with_offsets(text: str) -> NormalizedText:
    """Normalise ``text`` and keep the way back to its original offsets."""
    separated, is_ascii = _separate(text)
    parts = separated.split("\n")
    words = list(filter(None, parts))
    # Separators being line breaks, splitlines(keepends=True) yields each part
    # with its separator, so their lengths add up to the offset of each part
    # (all of it in C: the fastest way found to get every word's offset).
    ends = accumulate(map(len, separated.splitlines(True)), initial=0)
    starts = list(compress(ends, parts))
    lengths = list(map(len, words))
    if "'" in separated:
        for index, word in enumerate(words):
            if "'" in word:
                bare = word.strip("'")
                starts[index] += len(word) - len(word.lstrip("'"))
                lengths[index] = len(bare)
                words[index] = bare.replace("'", "")
    if is_ascii:
        tokens = words
    else:
        tokens = [word.lower() if word.isascii() else fold_word(word) for word in words]
    if not all(tokens):
        kept = [index for index, token in enumerate(tokens) if token]
        tokens = [tokens[index] for index in kept]
        starts = [starts[index] for index in kept]
        lengths = [lengths[index] for index in kept]
    return NormalizedText(text, " ".join(tokens), tokens, starts, lengths)


def normalize(text: str) -> str:
    """``"Dinas—Prov. LAMPUNG"`` -> ``"dinas prov lampung"``.

    Every run of punctuation and spaces becomes one space.
    """
    return normalize_with_offsets(text).text


# ---------------------------------------------------------------------------
# Variants of names.

# Phrases that mean the same thing in a name; any may replace any other.
EQUIVALENT_PHRASES: tuple[tuple[str, ...], ...] = (
    ("direktorat jenderal", "direktorat jendral", "ditjen"),
    ("direktur jenderal", "direktur jendral", "dirjen"),
    ("kementerian", "kementrian"),
    ("hak asasi manusia", "ham"),
    ("pemerintah provinsi", "pemprov"),
    ("pemerintah kabupaten", "pemkab"),
    ("pemerintah kota", "pemkot"),
    ("dinas perindustrian dan perdagangan", "disperindag"),
    ("kepala dinas", "kadis"),
    ("kabupaten", "kab"),
    ("provinsi", "prov"),
    ("wali kota", "walikota"),
    ("wakil gubernur", "wagub"),
    ("wakil bupati", "wabup"),
)

# A place word that may be left out before a place name ("Dinas Perindustrian
# Provinsi Lampung" is also "Dinas Perindustrian Lampung"), except where it is
# part of a fixed phrase ("Pemerintah Kota", "Wali Kota").
OPTIONAL_PLACE_WORDS = frozenset({"provinsi", "prov", "kabupaten", "kab", "kota"})
_KEEP_PLACE_WORD_AFTER = frozenset({"pemerintah", "wali", "wakil"})

# Names of ministries may end with "Republik Indonesia" or "RI", or not.
COUNTRY_SUFFIXES = ("republik indonesia", "ri")
_MINISTRY_HEADS = ("kementerian", "kementrian", "menteri")

# A ministry's short form with its own short form in capitals: "KemenPU".
_KEMEN_CAPITALS = re.compile(r"Kemen([A-Z]{2,})")

# Spellings of Muhammad in people's names; "M." is the usual abbreviation.
_MUHAMMAD = ("muhammad", "mohammad", "muhamad", "mohamad", "moh", "muh", "m")

MAX_VARIANTS = 256


def _replacements(name: str) -> set[str]:
    """Names one rule away from ``name`` (a normalised name)."""
    found: set[str] = set()
    padded = f" {name} "
    for group in EQUIVALENT_PHRASES:
        for phrase in group:
            if f" {phrase} " not in padded:
                continue
            for other in group:
                if other != phrase:
                    found.add(padded.replace(f" {phrase} ", f" {other} ").strip())
    tokens = name.split(" ")
    for index, token in enumerate(tokens[:-1]):
        if token in OPTIONAL_PLACE_WORDS and (
            index == 0 or tokens[index - 1] not in _KEEP_PLACE_WORD_AFTER
        ):
            found.add(" ".join(tokens[:index] + tokens[index + 1 :]))
    return found


def _closure(start: set[str], step) -> set[str]:
    seen = set(start)
    todo = list(start)
    while todo and len(seen) < MAX_VARIANTS:
        for found in step(todo.pop()):
            if found and found not in seen:
                seen.add(found)
                todo.append(found)
    return seen


def is_ministry_name(normalized: str) -> bool:
    """True for "kementerian ...", "kementrian ...", "kemenperin", "menteri ..."."""
    head = normalized.split(" ", 1)[0]
    return head in _MINISTRY_HEADS or (head.startswith("kemen") and len(head) > 5)


def strip_country_suffix(normalized: str) -> str:
    """``"kementerian perindustrian ri"`` -> ``"kementerian perindustrian"``."""
    for suffix in COUNTRY_SUFFIXES:
        if normalized.endswith(f" {suffix}"):
            return normalized[: -len(suffix) - 1]
    return normalized


def variants(name: str) -> set[str]:
    """The normalised forms under which an agency or place name may be written.

    >>> sorted(variants("Pemprov Lampung"))
    ['pemerintah prov lampung', 'pemerintah provinsi lampung', 'pemprov lampung']
    """
    base = normalize(name)
    if not base:
        return set()
    found = _closure({base}, _replacements)
    spaced = _KEMEN_CAPITALS.fullmatch(name.strip())
    if spaced:  # "KemenPU" is also written "Kemen PU"
        found.add(f"kemen {spaced[1].lower()}")
    ministries = {strip_country_suffix(v) for v in found if is_ministry_name(v)}
    for bare in ministries:
        found.add(bare)
        for suffix in COUNTRY_SUFFIXES:
            found.add(f"{bare} {suffix}")
    return found


def _person_replacements(name: str) -> set[str]:
    tokens = name.split(" ")
    found: set[str] = set()
    for index, token in enumerate(tokens):
        if token in _MUHAMMAD:
            for other in _MUHAMMAD:
                if other != token:
                    found.add(" ".join([*tokens[:index], other, *tokens[index + 1 :]]))
    long_tokens = [token for token in tokens if len(token) > 1]
    if len(long_tokens) >= 2 and len(long_tokens) < len(tokens):
        found.add(" ".join(long_tokens))
    return found


# Words inside names that are not written as an initial: "Habib Ismail bin
# Yahya" is never "Habib Ismail b. Yahya".
_NAME_PARTICLES = frozenset("al bin binti da daeng de del dg el van von".split())


def _middle_initials(name: str) -> set[str]:
    """A name of three words or more with a middle word written as its
    initial: "rosan perkasa roeslani" -> "rosan p roeslani"."""
    tokens = name.split(" ")
    found: set[str] = set()
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if len(token) > 2 and token not in _NAME_PARTICLES:
            found.add(" ".join([*tokens[:index], token[0], *tokens[index + 1 :]]))
    return found


def person_variants(name: str) -> set[str]:
    """The normalised forms of a person's name: initials optional, Muhammad/M.,
    a middle word as its initial (not then left out: "Budi G. Sadikin" is
    Budi Gunadi Sadikin, "Budi Sadikin" may be another).

    >>> sorted(person_variants("Tonny O.L. Tobing"))
    ['tonny o l tobing', 'tonny tobing']
    >>> sorted(person_variants("Rosan Perkasa Roeslani"))
    ['rosan p roeslani', 'rosan perkasa roeslani']
    """
    base = normalize(name)
    if not base:
        return set()
    return _closure(_closure({base}, _person_replacements), _middle_initials)
