"""The indicator catalogue: ``content/authority/indicators.yaml``, loaded and checked.

The file is a YAML list of indicators. Each has an ``id`` (slug), a ``name``, a
``unit`` (one of ``UNITS``), trigger ``phrases`` and optionally:

- ``description``;
- ``subject`` words (one must stand in the sentence) and ``exclude`` words
  (none may);
- ``scope``: the one the indicator has by definition (``nasional``);
- ``min`` and ``max``: the bounds of a figure in its unit; ``only_unit``: no
  figure in another unit of the same kind;
- ``falls``: words that, right before a figure of it, make the figure a fall
  ("deflasi 0,12 persen" is inflation of -0.12 %, "terkontraksi 5,32 persen"
  growth of -5.32 %);
- ``change``: the id of the indicator a percentage right after a figure of it
  measures when a rise or fall leads it ("nilai ekspor ... US$ 7,95 miliar,
  naik 10 persen" is export growth);
- ``pair``: the id of the indicator in another unit a figure written right
  beside one of it, after "atau", measures ("angka kemiskinan ... 8,57% atau
  24,06 juta jiwa" is the poverty rate and the count of the poor);
- ``not_within``: longer phrases its phrases do not name it inside
  ("kemiskinan" in "garis kemiskinan" is no poverty rate);
- ``short``: shorter phrases that name it only just after its full name
  ("pertumbuhan" after "pertumbuhan ekonomi", "suku bunga" after "suku bunga
  acuan"; see ``warta.indicators.extract``);
- ``level``: a level, whose rise or fall in percent is no value of it
  ("tingkat kemiskinan turun 0,13 persen");
- ``daily``: quoted by the day: a realised figure whose text names no period
  is of the day its sentence names ("Kamis (28/5/2026)"), else the article's
  (the rupiah's exchange rate);
- ``monthly``: set once a month (the BI Rate, at the Board's meeting): a
  realised figure of it is of a month, the one its text names (a day's
  month: "pada 19 dan 20 Mei 2026"), else the article's;
- ``actor``: its figures are an actor's (a ministry's budget, a firm's
  investment, a bank's credit) and take no place from the sentences before
  them, as an economy's figures do.
- ``plan``: a figure of it for a period still to come, with no word of its
  kind, is a plan (target), not a forecast (projection): a budget for next
  year.
- ``flow``: it adds up over a period (exports, a budget's spending, credit
  disbursed), so a figure "hingga 30 April 2026" is of the year to that
  month, "Januari-April 2026"; a level or a stock's is of that day.
- ``members`` and ``whole``: names of one member of what the indicator adds
  up (a bank by name, "perseroan") and words naming all of it ("perbankan"):
  a figure whose sentence names a member, or whose stretch before names one
  while its sentence names no whole, is that member's and none of the
  indicator's (a bank's own credit is no banks' credit).

A phrase is matched on normalised word tokens (``warta.normalize``): case,
punctuation and accents do not matter. ``...`` inside a phrase stands for up to
``MAX_GAP`` words of any kind: ``"kontribusi ... terhadap PDB"`` matches
"kontribusi IKM nasional terhadap PDB".

``load_catalogue`` reads the file with line numbers (it composes YAML nodes and
reads their marks) and either returns a ``Catalogue`` or raises
``IndicatorCatalogueError`` listing every fault, each as
``ContentError(path, line, reason)``.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from warta.errors import ContentError, WartaError
from warta.normalize import normalize

UNITS = (
    "percent",
    "rupiah",
    "usd",
    "count",
    "person",
    "unit",
    "index",
    "tonnes",
    "hectares",
    "household",
)
REQUIRED_KEYS = ("id", "name", "unit", "phrases")
OPTIONAL_KEYS = (
    "description",
    "subject",
    "exclude",
    "scope",
    "min",
    "max",
    "only_unit",
    "falls",
    "change",
    "not_within",
    "level",
    "daily",
    "monthly",
    "short",
    "actor",
    "plan",
    "flow",
    "pair",
    "members",
    "whole",
)
MAX_GAP = 5  # words that "..." may stand for
DEFAULT_PATH = (
    Path(__file__).resolve().parents[2] / "content" / "authority" / "indicators.yaml"
)

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_GAP = re.compile(r"\.\.\.|…")
_STR = "tag:yaml.org,2002:str"


class IndicatorCatalogueError(WartaError):
    """The indicator catalogue holds faults; ``errors`` lists every one."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def parse_phrase(text: str) -> tuple[tuple[str, ...], ...]:
    """``"kontribusi ... terhadap PDB"`` -> ``(("kontribusi",), ("terhadap", "pdb"))``.

    Raise ``ValueError`` when a part is empty (a phrase that starts or ends
    with ``...``, two gaps in a row, or no letters at all).
    """
    parts = _GAP.split(text)
    segments = tuple(tuple(normalize(part).split()) for part in parts)
    if not all(segments):
        if len(parts) == 1:
            raise ValueError("it has no letters or digits")
        raise ValueError("'...' must stand between words")
    return segments


def phrase_key(segments: tuple[tuple[str, ...], ...]) -> str:
    """The form under which two phrases count as the same."""
    return " ... ".join(" ".join(segment) for segment in segments)


@dataclass(frozen=True)
class Phrase:
    """One trigger phrase of one indicator, as normalised token segments."""

    indicator_id: str
    text: str
    segments: tuple[tuple[str, ...], ...]

    @property
    def size(self) -> int:
        """Words the phrase itself names (gaps not counted)."""
        return sum(len(segment) for segment in self.segments)

    def match_at(
        self, tokens: Sequence[str], index: int
    ) -> tuple[tuple[int, int], ...] | None:
        """The token ranges the phrase's words take when it starts at
        ``tokens[index]`` (gaps left out), or None if it does not match there."""
        first = self.segments[0]
        stop = index + len(first)
        if tokens[index] != first[0] or (
            len(first) > 1 and tuple(tokens[index:stop]) != first
        ):
            return None
        parts = [(index, stop)]
        for segment in self.segments[1:]:
            head, width = segment[0], len(segment)
            for start in range(stop, min(stop + MAX_GAP, len(tokens) - width) + 1):
                if tokens[start] == head and (
                    width == 1 or tuple(tokens[start : start + width]) == segment
                ):
                    stop = start + width
                    parts.append((start, stop))
                    break
            else:
                return None
        return tuple(parts)


@dataclass(frozen=True)
class PhraseMatch:
    """Tokens ``first`` .. ``stop - 1`` name ``indicator_id``; ``parts`` are
    the token ranges of the phrase's own words (``first``..``stop`` less gaps)."""

    indicator_id: str
    first: int
    stop: int
    size: int
    phrase: str
    parts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    unit: str
    phrases: tuple[str, ...]
    description: str | None = None
    subject: tuple[str, ...] = ()
    scope: str | None = None
    # Words none of which may stand in the sentence ("SGD" for the rupiah's
    # rate against the US dollar).
    exclude: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)
    # The values the indicator takes, in its unit: a figure in that unit
    # outside them is another quantity ("kurs" beside "Rp 178 triliun").
    minimum: float | None = None
    maximum: float | None = None
    # A figure in another unit of the same kind is none of this indicator's
    # (the rupiah's exchange rate is never written in dollars).
    only_unit: bool = False
    # Normalised words that, right before a figure, make it a fall (negative).
    falls: tuple[str, ...] = ()
    # The indicator that a rise or fall of this one, in percent, is.
    change: str | None = None
    # Normalised phrases its phrases stand in without naming it ("garis
    # kemiskinan" for the poverty rate's "kemiskinan").
    not_within: tuple[tuple[str, ...], ...] = ()
    # A level, not a rate of change: a percentage a rise or fall leads
    # ("tingkat kemiskinan turun 0,13 persen") is its change, not its value.
    level: bool = False
    # Quoted by the day: a realised figure with no period of its own is the
    # day's its sentence names or the article's ("dolar AS ... Rp 17.853").
    daily: bool = False
    # Set once a month: a realised figure is of a month, its text's or the
    # article's ("BI Rate ... menjadi 4,75%" in September 2025).
    monthly: bool = False
    # Normalised phrases that name it only just after its full name.
    short: tuple[tuple[str, ...], ...] = ()
    # Its figures are an actor's (a budget, a firm's investment): a figure
    # that names no place takes none from the sentences before it.
    actor: bool = False
    # A figure of it for a period still to come is a plan (a budget), not a
    # forecast.
    plan: bool = False
    # It adds up over a period: a figure "hingga 30 April" is of the year to
    # April.
    flow: bool = False
    # The indicator in another unit that a figure beside one of it measures.
    pair: str | None = None
    # Names of one member of what it adds up (a bank), and words naming all.
    members: tuple[str, ...] = ()
    whole: tuple[str, ...] = ()

    def within_other(self, tokens: Sequence[str], first: int, stop: int) -> bool:
        """``tokens[first:stop]``, a phrase of this indicator, stands inside
        one of its ``not_within`` phrases."""
        for outer in self.not_within:
            size = len(outer)
            for start in range(max(0, stop - size), first + 1):
                if tuple(tokens[start : start + size]) == outer:
                    return True
        return False

    def admits(self, value: float, unit: str | None) -> bool:
        """A figure of ``value`` in ``unit`` (None: a bare number) can be this
        indicator's."""
        if unit != self.unit:
            return unit is None or not self.only_unit
        low = self.minimum if self.minimum is not None else float("-inf")
        high = self.maximum if self.maximum is not None else float("inf")
        return low <= value <= high


@dataclass(frozen=True)
class Catalogue:
    """The indicators in file order, with look-ups by id and by first word.

    ``fingerprint`` is a SHA-256 of the file's bytes; it can key a cache of
    extraction results.
    """

    indicators: tuple[Indicator, ...]
    fingerprint: str = ""
    by_id: Mapping[str, Indicator] = field(default_factory=dict, repr=False)
    _by_first: Mapping[str, tuple[Phrase, ...]] = field(
        default_factory=dict, repr=False
    )
    _subjects: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _excluded: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # A phrase word with "-nya" ("impornya": its imports) -> the word.
    _suffixed: Mapping[str, str] = field(default_factory=dict, repr=False)
    _suffixed_words: frozenset[str] = frozenset()
    # A short phrase's first word -> (indicator id, the phrase's words).
    short_by_first: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(
        default_factory=dict, repr=False
    )
    # An indicator's members and whole words, normalised and padded.
    _members: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _whole: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, indicators: Iterable[Indicator], fingerprint: str = "") -> Catalogue:
        """A catalogue from indicators made in code (phrases must parse)."""
        indicators = tuple(indicators)
        by_first: dict[str, list[Phrase]] = {}
        subjects: dict[str, tuple[str, ...]] = {}
        excluded: dict[str, tuple[str, ...]] = {}
        vocabulary: set[str] = set()
        for indicator in indicators:
            for text in indicator.phrases:
                phrase = Phrase(indicator.id, text, parse_phrase(text))
                by_first.setdefault(phrase.segments[0][0], []).append(phrase)
                vocabulary.update(word for part in phrase.segments for word in part)
            if indicator.subject:
                subjects[indicator.id] = _padded(indicator.subject)
            if indicator.exclude:
                excluded[indicator.id] = _padded(indicator.exclude)
        # "impornya" reads as "impor"; a phrase word of its own ("turunnya
        # ekspor") stays as it is.
        suffixed = {
            f"{word}nya": word
            for word in vocabulary
            if word.isalpha() and f"{word}nya" not in vocabulary
        }
        short: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for indicator in indicators:
            for words in indicator.short:
                short.setdefault(words[0], []).append((indicator.id, words))
        return cls(
            indicators,
            fingerprint,
            MappingProxyType({item.id: item for item in indicators}),
            MappingProxyType({k: tuple(v) for k, v in by_first.items()}),
            MappingProxyType(subjects),
            MappingProxyType(excluded),
            MappingProxyType(suffixed),
            frozenset(suffixed),
            MappingProxyType({k: tuple(v) for k, v in short.items()}),
            MappingProxyType(
                {item.id: _padded(item.members) for item in indicators if item.members}
            ),
            MappingProxyType(
                {item.id: _padded(item.whole) for item in indicators if item.members}
            ),
        )

    def phrase_words(self, tokens: Sequence[str]) -> Sequence[str]:
        """``tokens`` with a phrase word's "-nya" taken off ("nilai
        ekspornya" reads as "nilai ekspor"); ``tokens`` itself if none has."""
        suffixed = self._suffixed
        if self._suffixed_words.isdisjoint(tokens):
            return tokens
        return [suffixed.get(token, token) for token in tokens]

    def find_phrases(self, tokens: Sequence[str]) -> list[PhraseMatch]:
        """Every phrase that matches in ``tokens`` (normalised words)."""
        found = []
        by_first = self._by_first
        starts = [index for index, token in enumerate(tokens) if token in by_first]
        for index in starts:
            for phrase in by_first[tokens[index]]:
                parts = phrase.match_at(tokens, index)
                if parts is not None:
                    found.append(
                        PhraseMatch(
                            phrase.indicator_id,
                            index,
                            parts[-1][1],
                            phrase.size,
                            phrase.text,
                            parts,
                        )
                    )
        return found

    def names_member(
        self, indicator_id: str, padded: str, before: Callable[[], str]
    ) -> bool:
        """The sentence (``padded``, normalised) names one member of what the
        indicator adds up, or the text just before it (``before()``) does
        and the sentence names no whole: its figures are the member's."""
        members = self._members.get(indicator_id)
        if members is None:
            return False
        if any(word in padded for word in members):
            return True
        if any(word in padded for word in self._whole[indicator_id]):
            return False
        stretch = before()
        return any(word in stretch for word in members)

    def sentence_admits(self, indicator_id: str, padded: str) -> bool:
        """True if ``padded`` holds one of the indicator's subject words (or
        it has none) and none of the words it excludes.

        ``padded`` is normalised text with a space at each end.
        """
        words = self._subjects.get(indicator_id)
        excluded = self._excluded.get(indicator_id, ())
        return (words is None or any(word in padded for word in words)) and not any(
            word in padded for word in excluded
        )


def _holds(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    """``inner``'s words stand in a row within ``outer``'s."""
    return any(
        outer[start : start + len(inner)] == inner
        for start in range(len(outer) - len(inner) + 1)
    )


def _padded(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(f" {normalize(word)} " for word in words)


# ---------------------------------------------------------------------------
# Loading and checking.


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _text(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR and node.value.strip():
        return node.value.strip()
    return None


def _shown(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return repr(node.value)
    return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"


class _Checker:
    """Collects faults while the entries of one file are read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.faults: list[ContentError] = []

    def fault(self, line: int | None, reason: str) -> None:
        self.faults.append(ContentError(self.path, line, reason))

    def text(self, key: str, node: yaml.Node) -> str | None:
        value = _text(node)
        if value is None:
            self.fault(_line(node), f"'{key}' must be text, not {_shown(node)}")
        return value

    def number(self, key: str, node: yaml.Node) -> float | None:
        """A plain number (``1000``, ``1.5e12``, ``1_000_000``)."""
        numeric = isinstance(node, yaml.ScalarNode) and not node.tag.endswith(
            (":bool", ":null")
        )
        try:
            value = float(node.value.strip()) if numeric else None
        except ValueError:
            value = None
        if value is None or not math.isfinite(value):
            self.fault(_line(node), f"'{key}' must be a number, not {_shown(node)}")
            return None
        return value

    def flag(self, key: str, node: yaml.Node) -> bool:
        """``true`` or ``false`` (or YAML's other spellings of them)."""
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
            return node.value.lower() in ("true", "yes", "on")
        self.fault(_line(node), f"'{key}' must be true or false, not {_shown(node)}")
        return False

    def texts(self, key: str, node: yaml.Node) -> list[tuple[str, int]]:
        """The items of a list of texts (one text is also accepted)."""
        if isinstance(node, yaml.ScalarNode) and _text(node) is not None:
            return [(_text(node) or "", _line(node))]
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.fault(_line(node), f"'{key}' must be a list of texts")
            return []
        items = []
        for item in node.value:
            value = _text(item)
            if value is None:
                self.fault(_line(item), f"'{key}' holds {_shown(item)}, not text")
            else:
                items.append((value, _line(item)))
        return items

    def entry(self, node: yaml.MappingNode) -> dict:
        """Check one entry; the values read (``usable`` False after a fault
        that leaves no indicator to build)."""
        line = _line(node)
        known = (*REQUIRED_KEYS, *OPTIONAL_KEYS)
        values: dict[str, tuple[yaml.Node, int]] = {}
        for key_node, value_node in node.value:
            key = _text(key_node)
            if key is None or key not in known:
                self.fault(
                    _line(key_node),
                    f"unknown key {key_node.value!r} (known keys: {', '.join(known)})",
                )
            elif key in values:
                self.fault(_line(key_node), f"key '{key}' is given twice")
            else:
                values[key] = (value_node, _line(key_node))
        # A key with no value ("name:") counts as absent.
        values = {
            key: value
            for key, value in values.items()
            if not (
                isinstance(value[0], yaml.ScalarNode) and not value[0].value.strip()
            )
        }
        usable = True
        for key in REQUIRED_KEYS:
            if key not in values:
                self.fault(line, f"required key '{key}' is missing")
                usable = False
        read: dict = {"line": line, "lines": {k: v[1] for k, v in values.items()}}
        if "id" in values:
            read["id"] = self.text("id", values["id"][0])
            if read["id"] is not None and not _ID.match(read["id"]):
                self.fault(
                    values["id"][1],
                    f"id {read['id']!r} must be lower-case letters, digits and "
                    "single hyphens",
                )
                read["id"] = None
            usable = usable and read["id"] is not None
        for key in ("name", "description", "scope", "change", "pair"):
            if key in values:
                read[key] = self.text(key, values[key][0])
                usable = usable and (read[key] is not None or key != "name")
        if "unit" in values:
            unit = self.text("unit", values["unit"][0])
            if unit is not None and unit not in UNITS:
                self.fault(
                    values["unit"][1],
                    f"unit {unit!r} is not one of: {', '.join(UNITS)}",
                )
                unit = None
            read["unit"] = unit
            usable = usable and unit is not None
        for key in ("min", "max"):
            if key in values:
                read[key] = self.number(key, values[key][0])
        for key in (
            "only_unit",
            "level",
            "daily",
            "monthly",
            "actor",
            "plan",
            "flow",
        ):
            if key in values:
                read[key] = self.flag(key, values[key][0])
        low, high = read.get("min"), read.get("max")
        if low is not None and high is not None and low > high:
            self.fault(values["max"][1], f"'max' {high:g} is below 'min' {low:g}")
            read["min"] = read["max"] = None
        for key in ("subject", "exclude", "falls", "members", "whole"):
            read[key] = []
            if key in values:
                for word, word_line in self.texts(key, values[key][0]):
                    if normalize(word):
                        read[key].append(word)
                    else:
                        reason = f"{key} {word!r} has no letters or digits"
                        self.fault(word_line, reason)
        for key in ("not_within", "short"):
            read[key] = []
            if key in values:
                for text, text_line in self.texts(key, values[key][0]):
                    words = tuple(normalize(text).split())
                    if words:
                        read[key].append((text, text_line, words))
                    else:
                        reason = f"{key} {text!r} has no letters or digits"
                        self.fault(text_line, reason)
        read["phrases"] = []
        if "phrases" in values:
            seen: dict[str, int] = {}
            for text, text_line in self.texts("phrases", values["phrases"][0]):
                try:
                    key = phrase_key(parse_phrase(text))
                except ValueError as error:
                    self.fault(text_line, f"phrase {text!r}: {error}")
                    continue
                if key in seen:
                    self.fault(
                        text_line,
                        f"phrase {text!r} is given twice (first on line {seen[key]})",
                    )
                    continue
                seen[key] = text_line
                read["phrases"].append((text, text_line, key))
        read["usable"] = usable
        return read


def _entries(checker: _Checker, text: str) -> list[yaml.MappingNode]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        # Like the other authority files: the line where the construct that
        # went wrong starts, and the line where it showed.
        mark = error.context_mark or error.problem_mark
        reason = error.problem or "invalid YAML"
        if error.context:
            reason = f"{error.context}: {reason}"
        if error.context_mark and error.problem_mark:
            reason += f" (line {error.problem_mark.line + 1})"
        checker.fault(
            mark.line + 1 if mark is not None else None, f"YAML syntax error: {reason}"
        )
        return []
    except yaml.YAMLError as error:
        checker.fault(None, f"YAML error: {error}")
        return []
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        checker.fault(
            _line(root), "the file must be a YAML list of entries ('- id: ...')"
        )
        return []
    entries = []
    for index, item in enumerate(root.value, start=1):
        if isinstance(item, yaml.MappingNode):
            entries.append(item)
        else:
            checker.fault(
                _line(item), f"entry {index} is {_shown(item)}, not a mapping"
            )
    return entries


def load_catalogue(path: str | Path = DEFAULT_PATH) -> Catalogue:
    """Read and check the catalogue; raise ``IndicatorCatalogueError`` listing
    every fault (file, line, reason)."""
    path = Path(path)
    if not path.is_file():
        raise IndicatorCatalogueError([ContentError(path, None, "file is missing")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise IndicatorCatalogueError(
            [ContentError(path, line, "the file is not UTF-8 text")]
        ) from None
    return _parsed(path, raw, text)


@functools.lru_cache(maxsize=4)
def _parsed(path: Path, raw: bytes, text: str) -> Catalogue:
    """The catalogue of one file's bytes. The build's plugins, the tagger and
    ``invoke check`` each load the file; the same bytes are checked once per
    process (a catalogue is immutable; a fault raises and is not kept)."""
    checker = _Checker(path)
    drafts = [checker.entry(node) for node in _entries(checker, text)]
    ids: dict[str, int] = {}
    owners: dict[str, tuple[str, int]] = {}
    indicators = []
    for read in drafts:
        entity = read.get("id")
        if entity is None:
            continue
        if entity in ids:
            checker.fault(
                read["lines"]["id"],
                f"duplicate id '{entity}' (first on line {ids[entity]})",
            )
            continue
        ids[entity] = read["line"]
        for text, line, key in read["phrases"]:
            owner, owner_line = owners.setdefault(key, (entity, line))
            if owner != entity:
                checker.fault(
                    line,
                    f"phrase {text!r} is already claimed by '{owner}' "
                    f"(line {owner_line})",
                )
        if not read["usable"]:
            continue
        indicators.append(
            Indicator(
                id=entity,
                name=read["name"],
                unit=read["unit"],
                phrases=tuple(text for text, _, _ in read["phrases"]),
                description=read.get("description"),
                subject=tuple(read["subject"]),
                exclude=tuple(read["exclude"]),
                members=tuple(read["members"]),
                whole=tuple(read["whole"]),
                falls=tuple(normalize(word) for word in read["falls"]),
                change=read.get("change"),
                pair=read.get("pair"),
                not_within=tuple(words for _, _, words in read["not_within"]),
                minimum=read.get("min"),
                maximum=read.get("max"),
                only_unit=read.get("only_unit", False),
                level=read.get("level", False),
                daily=read.get("daily", False),
                monthly=read.get("monthly", False),
                short=tuple(words for _, _, words in read["short"]),
                actor=read.get("actor", False),
                plan=read.get("plan", False),
                flow=read.get("flow", False),
                scope=read.get("scope"),
                line=read["line"],
            )
        )
    units = {indicator.id: indicator.unit for indicator in indicators}
    for read in drafts:
        for text, line, words in read.get("not_within", ()):
            if not any(
                _holds(words, segments[0])
                for _, _, key in read["phrases"]
                if len(segments := parse_phrase(key)) == 1
            ):
                reason = f"not_within {text!r} holds none of the indicator's phrases"
                checker.fault(line, reason)
        change = read.get("change")
        if change is not None and units.get(change) != "percent":
            reason = f"change '{change}' is no indicator in percent of this file"
            checker.fault(read["lines"].get("change", read["line"]), reason)
        pair = read.get("pair")
        if pair is not None and (
            pair not in units or units[pair] == units.get(read.get("id"))
        ):
            reason = f"pair '{pair}' is no indicator in another unit of this file"
            checker.fault(read["lines"].get("pair", read["line"]), reason)
    if checker.faults:
        raise IndicatorCatalogueError(
            sorted(checker.faults, key=lambda fault: fault.line or 0)
        )
    return Catalogue.build(indicators, hashlib.sha256(raw).hexdigest())
