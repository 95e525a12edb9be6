"""Tagging text with the agencies and people of the authority files.

``Matcher.from_authority`` builds, once, an Aho-Corasick automaton over every
normalised name, acronym, alias and rule-based variant (``warta.normalize``),
plus the indexes the fuzzy stage and the role resolution need. ``tag`` then:

1. normalises the text and finds every exact match on word boundaries;
2. keeps the longest of overlapping matches;
3. matches near-misses: spans that start with an agency head word ("Dinas",
   "Ditjen", a one-letter slip of one such as "Dtjen") are compared with the
   names of the same head and token count; runs of capitalised words are
   compared with people's names that share a token with them. Every token must
   be close (short tokens and acronyms exactly equal) and the whole span must
   reach ``fuzzy_threshold`` (rapidfuzz ``ratio``). Single words never match
   fuzzily, so a word that merely resembles an alias or acronym is left alone;
4. resolves what a name alone cannot: a name without its region ("Dinas
   Perindustrian") is the one named in full elsewhere in the text, or else the
   one of the article's region; a title ("Gubernur Lampung", "kata Gubernur",
   "Kadis Perindustrian", "Menteri Perindustrian") is its office's agency and,
   given a date, also the person holding it on that date; a person's first or
   last name alone is that person once the full name has been seen.

``tag_and_discover`` also runs ``warta.discovery`` over the text, which lists
the agency-like phrases and people the authority files do not know.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

import ahocorasick
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from warta.authority import Agency, Authority, Region
from warta.name_words import (
    DAYS_AND_MONTHS,
    PERFORMERS,
    RANKS,
    SHORT_TITLES,
    country_at,
    word_set,
)
from warta.normalize import (
    COUNTRY_SUFFIXES,
    OPTIONAL_PLACE_WORDS,
    TOKEN,
    NormalizedText,
    normalize,
    normalize_with_offsets,
    person_variants,
    variants,
)

DEFAULT_FUZZY_THRESHOLD = 88.0

# First words of agency names; a near-miss is looked for only after one of them.
HEAD_WORDS = frozenset(
    {
        "badan",
        "balai",
        "bank",
        "biro",
        "dewan",
        "dinas",
        "direktorat",
        "ditjen",
        "inspektorat",
        "kantor",
        "kementerian",
        "kementrian",
        "komisi",
        "lembaga",
        "otoritas",
        "pemerintah",
        "pemkab",
        "pemkot",
        "pemprov",
        "sekretariat",
        # titles that start the name of an office ("Menteri Perindustrian")
        "dirjen",
        "kadis",
        "menteri",
    }
)

# Lower-case words inside capitalised names: "Koperasi dan UMKM".
_JOINERS = frozenset({"dan", "serta", "untuk"})

# Regional heads: title -> (canonical title, agency kind, region kind).
REGIONAL_TITLES: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {
        "gubernur": ("gubernur", "provincial_government", "province"),
        "wakil gubernur": ("wakil gubernur", "provincial_government", "province"),
        "wagub": ("wakil gubernur", "provincial_government", "province"),
        "bupati": ("bupati", "regency_government", "regency"),
        "wakil bupati": ("wakil bupati", "regency_government", "regency"),
        "wabup": ("wakil bupati", "regency_government", "regency"),
        "wali kota": ("wali kota", "city_government", "city"),
        "walikota": ("wali kota", "city_government", "city"),
        "walkot": ("wali kota", "city_government", "city"),
        "wawalkot": ("wakil wali kota", "city_government", "city"),
        "wakil wali kota": ("wakil wali kota", "city_government", "city"),
        "wakil walikota": ("wakil wali kota", "city_government", "city"),
        "wawali": ("wakil wali kota", "city_government", "city"),
    }
)
# One-word titles whose one-letter slips are recognised before a region name.
_FUZZY_TITLES = ("gubernur", "bupati", "walikota")
# Punctuation that separates a title from the next word's sentence or clause.
_SENTENCE_BREAK = re.compile(r"[.!?;:\n“”\"()]")
_CLAUSE_BREAK = re.compile(r"[,—–]| - ")

# The head of an office's name -> the titles of its chief, canonical first.
OFFICE_TITLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("dinas", ("kepala dinas", "kadis")),
    ("kementerian", ("menteri",)),
    ("kementrian", ("menteri",)),
    ("direktorat jenderal", ("direktur jenderal", "dirjen")),
    ("ditjen", ("direktur jenderal", "dirjen")),
    ("badan", ("kepala badan",)),
    ("biro", ("kepala biro",)),
    ("balai", ("kepala balai",)),
    ("kantor", ("kepala kantor",)),
)

# Words before a title that make it another's: an acting or a former
# holder's ("Plt Kepala Dinas", "mantan Menteri"), an aide's ("Staf Khusus
# Menteri", "Juru Bicara Menteri") or an act's ("Peraturan Menteri Keuangan",
# "Surat Edaran Menteri"). "Wakil" makes it the deputy's (``Matcher._holder``).
NOT_THE_HOLDER = word_set(
    "mantan eks bekas calon plt plh pj penjabat pelaksana "
    "khusus ahli bicara peraturan keputusan instruksi edaran "
    # several holders of such offices: "para menteri luar negeri negara ..."
    "para sejumlah beberapa seluruh semua "
    # the office's building: "di halaman Kantor Gubernur Jawa Tengah"
    "kantor"
)
# Acts of several offices: "Peraturan Bersama Menteri Agama dan Menteri Dalam
# Negeri", "Surat Keputusan Bersama Menteri ..." ("bersama" alone is "with").
JOINT_ACT_BEFORE = {("peraturan", "bersama"), ("keputusan", "bersama")}
# A title followed by these is a former or a future holder's ("Menteri
# Keuangan terdahulu", "Menteri Keuangan sebelumnya yakni Sri Mulyani",
# "Wakil Gubernur DKI terpilih Sandiaga Uno"), a suspended one's ("Ketua KPK
# nonaktif Abraham Samad") or one of a numbered board's ("Ketua KPK Jilid I").
FORMER_AFTER = word_set("terdahulu terpilih nonaktif jilid")
FORMER_AFTER_PAIRS = {("sebelumnya", "yakni"), ("sebelumnya", "yaitu")}
# Words before a national body's name that make it a regional government's
# office ("Dinas Kominfo Nganjuk", "Kadis PUPR Sidoarjo").
REGIONAL_OFFICE_BEFORE = word_set("dinas kadis")
# Words that make a person's name another thing's: "SBY Cup", "Piala Jokowi",
# "Habibie Center", "Jalan Soekarno".
EPONYM_BEFORE = word_set("piala jalan jl stadion bandara yayasan universitas")
EPONYM_AFTER = word_set(
    "cup award awards trophy center centre foundation institute stadium"
)

# Words before a title that give it to the name before them ("Thomas Lembong
# sebagai Menteri Perdagangan", "Budi Santoso selaku Menteri Perdagangan"):
# the title names no one else, though the one holding it then was given it.
TITLE_OF_THE_NAMED = word_set("sebagai selaku menjadi menjabat")

# Words that start or qualify a title; never a person's name.
TITLE_WORDS = frozenset(
    {
        "anggota",
        "bupati",
        "camat",
        "dirjen",
        "direktur",
        "gubernur",
        "kabid",
        "kadis",
        "kapolda",
        "kapolres",
        "kasi",
        "kepala",
        "ketua",
        "lurah",
        "menteri",
        "plh",
        "plt",
        "presiden",
        "sekda",
        "sekretaris",
        "wabup",
        "wagub",
        "wakil",
        "wali",
        "walikota",
        "walkot",
        "wawalkot",
    }
)
# Words before a name that are no part of it.
HONORIFICS = frozenset(
    {"bapak", "bu", "dr", "drs", "h", "hj", "ibu", "ir", "pak", "prof", "sdr"}
)
# Words that do not name an office by themselves.
_BARE_WORDS = (HEAD_WORDS - {"pemprov", "pemkab", "pemkot"}) | TITLE_WORDS

# A region's kind -> the words that write it before a place's name, the
# first as a name is written in full ("Kab. Tebo": "Kabupaten Tebo").
PLACE_PREFIXES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "province": ("provinsi", "prov"),
        "regency": ("kabupaten", "kab"),
        "city": ("kota",),
    }
)

AGENCY = "agency"
PERSON = "person"


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity: where it stands and how it was recognised.

    ``start``/``end`` are offsets in the original text and ``surface`` is
    ``text[start:end]``; ``sentence`` is the sentence around it, whitespace
    collapsed. ``method`` is ``exact``, ``fuzzy`` (a near-miss spelling),
    ``short`` (a region-less name, or a person's first or last name alone) or
    ``role`` (a title standing for its office or holder).
    """

    entity_id: str
    kind: str
    start: int
    end: int
    surface: str
    sentence: str
    method: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name the authority files do not know: ``kind`` is agency or person."""

    kind: str
    name: str
    sentence: str
    start: int
    end: int
    parent: str | None = None  # a unit's: the known body it belongs to


def unique_ids(mentions: Iterable[Mention]) -> dict[str, tuple[str, ...]]:
    """``{"agency": ids, "person": ids}``, each in order of first mention."""
    found: dict[str, dict[str, None]] = {AGENCY: {}, PERSON: {}}
    for mention in mentions:
        found.setdefault(mention.kind, {})[mention.entity_id] = None
    return {kind: tuple(ids) for kind, ids in found.items()}


# ---------------------------------------------------------------------------
# The keys of the automaton.


@dataclass(frozen=True, slots=True)
class _Key:
    """What one normalised string stands for."""

    size: int  # number of tokens
    agency: tuple[str, ...] = ()  # named in full (several: ambiguous)
    person: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()  # a name without its region
    role: tuple[str, ...] = ()  # "menteri perindustrian": the office
    role_title: str = ""
    role_generic: bool = False
    region: tuple[str, ...] = ()
    title: str = ""  # a regional title alone: "gubernur"
    upper: frozenset[str] = frozenset()  # tokens written in capitals (acronyms)
    names_entity: bool = False  # agency, person, role or generic
    place_only: bool = False  # names a region and nothing else
    former: tuple[tuple[str, str], ...] = ()  # (agency, label): a former name
    shared: bool = False  # an acronym other bodies' names begin with too


class _KeyBuilder:
    """Collects what every key stands for; the best tier of a name wins."""

    def __init__(self) -> None:
        self.agency: dict[str, dict[int, set[str]]] = defaultdict(dict)
        self.person: dict[str, dict[int, set[str]]] = defaultdict(dict)
        self.generic: dict[str, set[str]] = defaultdict(set)
        self.role: dict[str, dict[int, set[str]]] = defaultdict(dict)
        self.role_title: dict[str, str] = {}
        self.region: dict[str, set[str]] = defaultdict(set)
        self.title: dict[str, str] = {}
        self.upper: dict[str, list[frozenset[str]]] = defaultdict(list)
        self.former: dict[str, dict[str, str]] = defaultdict(dict)
        self.shared: set[str] = set()  # see ``Agency.shared_acronyms``

    def add_upper(self, key: str, upper: frozenset[str]) -> None:
        tokens = set(key.split(" "))
        self.upper[key].append(frozenset(upper & tokens))

    def build(self) -> dict[str, _Key]:
        keys = set(self.agency) | set(self.person) | set(self.generic)
        keys |= set(self.role) | set(self.region) | set(self.title)
        built = {}
        for key in keys:
            uppers = self.upper.get(key) or [frozenset()]
            agency = _best_tier(self.agency.get(key))
            person = _best_tier(self.person.get(key))
            generic = tuple(sorted(self.generic.get(key, ())))
            role = _best_tier(self.role.get(key))
            region = tuple(sorted(self.region.get(key, ())))
            names_entity = bool(agency or person or generic or role)
            built[key] = _Key(
                size=key.count(" ") + 1,
                agency=agency,
                person=person,
                generic=generic,
                role=role,
                role_title=self.role_title.get(key, ""),
                role_generic=bool(role) and min(self.role[key]) > 0,
                region=region,
                title=self.title.get(key, ""),
                upper=frozenset.intersection(*uppers),
                names_entity=names_entity,
                place_only=bool(region) and not names_entity,
                former=tuple(sorted(self.former.get(key, {}).items())),
                shared=key in self.shared,
            )
        return built


def _best_tier(tiers: dict[int, set[str]] | None) -> tuple[str, ...]:
    if not tiers:
        return ()
    return tuple(sorted(tiers[min(tiers)]))


def _put(table: dict[str, dict[int, set[str]]], key: str, tier: int, ident: str):
    table[key].setdefault(tier, set()).add(ident)


def _capital_tokens(label: str) -> frozenset[str]:
    """Tokens of a label written in capitals ("IKM" in "Ditjen IKM")."""
    return frozenset(
        word.lower()
        for word in TOKEN.findall(label)
        if len(word) >= 2 and word.isupper() and word.isalpha()
    )


def place_names(region: Region) -> set[str]:
    """Normalised ways to name a region: "lampung", "provinsi lampung", ..."""
    names: set[str] = set()
    for label in region.labels:
        names |= variants(label)
    for prefix in PLACE_PREFIXES.get(region.kind, ()):
        names |= {f"{prefix} {name}" for name in list(names)}
    return names


def _without_place(name: str, places: list[str]) -> str | None:
    """``"dinas perindustrian provinsi lampung"`` -> ``"dinas perindustrian"``."""
    for place in places:  # longest first
        if not name.endswith(f" {place}"):
            continue
        rest = name[: -len(place) - 1]
        tokens = rest.split(" ")
        if len(tokens) >= 2 or (
            len(tokens[0]) >= 5 and tokens[0] not in _BARE_WORDS
        ):  # "dinas perindustrian", "pemprov", "bappeda"; not "dinas"
            return rest
    return None


def _office_titles(name: str) -> list[tuple[str, str]]:
    """``"kementerian perindustrian"`` -> ``[("menteri perindustrian", "menteri")]``."""
    found = []
    for head, titles in OFFICE_TITLES:
        if name.startswith(f"{head} "):
            rest = name[len(head) :]
            found += [(f"{title}{rest}", titles[0]) for title in titles]
    return found


def _chief_title(full_name: str) -> str | None:
    """The title of the chief of an office whose full name makes it a
    "kepala" (``"badan nasional penanggulangan bencana"`` -> ``"kepala
    badan"``), who goes by it before the short form too ("Kepala BNPB").
    Ministers and directors general go by their own short titles
    ("Menperin", "Dirjen IKM"), not by these."""
    titles = (title for _, title in _office_titles(full_name))
    return next((title for title in titles if title.startswith("kepala ")), None)


MINISTRY_KINDS = frozenset({"ministry", "coordinating_ministry"})


def minister_titles(short: str) -> list[tuple[str, str]]:
    """A minister's and a deputy's short titles from the ministry's short
    form: ``"kemenkeu"`` -> ``[("menkeu", "menteri"), ("wamenkeu", "wakil
    menteri")]``, ``"kemnaker"`` -> ``menaker``, ``"kemhan"`` -> ``menhan``,
    ``"kemenko perekonomian"`` -> ``menko perekonomian``; a short form of
    another shape follows "Menteri" (``"kkp"`` -> ``menteri kkp``)."""
    head, _, rest = short.partition(" ")
    if head.startswith("kemen") and len(head) > 5:
        title = "men" + head[5:]
    elif head.startswith("kem") and len(head) > 4 and head[3] not in "aeiou":
        title = ("me" if head[3] == "n" else "men") + head[3:]
    elif not head.startswith("kem"):
        return [(f"menteri {short}", "menteri")]
    else:
        return []
    tail = f" {rest}" if rest else ""
    return [(f"{title}{tail}", "menteri"), (f"wa{title}{tail}", "wakil menteri")]


_KEMEN_SHORT = re.compile(r"Kemen[- ]?(?!ko\b)(\w[\w -]*)")
_K_CAPITALS = re.compile(r"K([A-Z]{2,})")


def ministry_spelt_out(short: str) -> str | None:
    """A ministry's short form with "Kementerian" spelt out, as news also
    writes it: ``"KemenPANRB"`` -> ``"Kementerian PANRB"``, ``"Kemenimipas"``
    -> ``"Kementerian imipas"``, ``"KLH"`` -> ``"Kementerian LH"``; None for
    another shape ("Kemenko Perekonomian", "Kemnaker")."""
    match = _KEMEN_SHORT.fullmatch(short) or _K_CAPITALS.fullmatch(short)
    return f"Kementerian {match[1]}" if match else None


def canonical_title(title: str) -> str:
    """The title part of a role: "Gubernur Lampung" -> "gubernur",
    "Kadis Perindustrian Provinsi Lampung" -> "kepala dinas"."""
    tokens = normalize(title).split(" ")
    prefixes = {phrase: value[0] for phrase, value in REGIONAL_TITLES.items()}
    for _, titles in OFFICE_TITLES:
        prefixes.update({phrase: titles[0] for phrase in titles})
    for size in (3, 2, 1):
        phrase = " ".join(tokens[:size])
        if len(tokens) >= size and phrase in prefixes:
            return prefixes[phrase]
    if tokens[0] == "wakil" and len(tokens) > 1:  # "Wakil Menteri Keuangan"
        return "wakil " + canonical_title(" ".join(tokens[1:]))
    return " ".join(tokens)


# ---------------------------------------------------------------------------
# Sentences.


ABBREVIATIONS = word_set(
    "bpk dll dkk dr drs dsb hj ir jl kab kec kel moh muh no ny prof prov "
    "rp sdr st tn yth"
)
# A sentence ends at ".", "!", "?" or "…" (and closing quotes) before a space,
# but not after an initial ("O.L. Tobing") or an abbreviation ("Kab. Way
# Kanan"); a blank line always ends one.
_SENTENCE_END = re.compile(
    r"(?<!\b[^\W\d_])"
    + "".join(rf"(?<!\b{word})" for word in sorted(ABBREVIATIONS))
    + r"[.!?…]+[\"'”’)\]]*(?=\s)",
    re.IGNORECASE,
)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def sentence_cuts(text: str) -> list[int]:
    """Offsets where sentences start, plus ``len(text)``."""
    # str.find is much faster than a regular expression scanning every position.
    ends = {match.end() for match in _PARAGRAPH_END.finditer(text)}
    for mark in ".!?…":
        found = text.find(mark)
        while found != -1:
            match = _SENTENCE_END.match(text, found)
            if match is not None:
                ends.add(match.end())
                found = text.find(mark, match.end())
            else:
                found = text.find(mark, found + 1)
    return [0, *sorted(ends), len(text)]


# A mention's sentence is cut to this many words around it: a list of names
# or figures with no full stop ran to a whole paragraph of 150 words.
CONTEXT_WORDS = 40
CONTEXT_BEFORE = 12  # of them, at most, before the mention


def mention_context(text: str, cuts: list[int], start: int, end: int) -> str:
    """The sentence of ``text[start:end]``, whitespace squashed; a long one
    cut to ``CONTEXT_WORDS`` words around the mention, with an ellipsis where
    words are left out."""
    first = cuts[bisect_right(cuts, start) - 1]
    last = cuts[min(bisect_left(cuts, end), len(cuts) - 1)]
    words = text[first:last].split()
    if len(words) <= CONTEXT_WORDS:
        return " ".join(words)
    head = text[first:start]
    # The words before the one the mention begins in ("(OJK)": "(" is its).
    at = len(head.split()) - (1 if head and not head[-1].isspace() else 0)
    low = max(0, at - CONTEXT_BEFORE)
    high = min(len(words), low + CONTEXT_WORDS)
    low = max(0, high - CONTEXT_WORDS)
    cut = " ".join(words[low:high])
    return ("… " if low else "") + cut + (" …" if high < len(words) else "")


# ---------------------------------------------------------------------------
# The matcher.


class _Hit:
    """A match on tokens ``first`` .. ``stop - 1`` of the normalised text."""

    __slots__ = ("first", "key", "method", "stop")

    def __init__(self, first: int, stop: int, key: _Key, method: str) -> None:
        self.first = first
        self.stop = stop
        self.key = key
        self.method = method

    @property
    def size(self) -> int:
        return self.stop - self.first


class _Tagging:
    """The state of one ``tag`` call."""

    def __init__(self, text: str) -> None:
        self.doc: NormalizedText = normalize_with_offsets(text)
        self.tokens = self.doc.tokens
        self.covered = bytearray(len(self.tokens))
        self.hits: list[_Hit] = []
        self.starters: list[tuple[int, str, tuple]] = []  # words fuzzy starts from
        self.mentions: list[Mention] = []
        # People the text gives a title they hold: as the title's holder, or
        # named right after it ("Menlu Sugiono").
        self.titled: set[str] = set()
        # One-word titles the text shows to be someone's last name ("Sam
        # Mendes"): alone later on ("pengganti Mendes"), they are that name.
        self.surnames: set[str] = set()
        self._cuts: list[int] | None = None

    # -- helpers --------------------------------------------------------

    def capitalised(self, index: int) -> bool:
        return self.doc.source[self.doc.source_starts[index]].isupper()

    def written(self, index: int) -> str:
        """Token ``index`` as the text writes it."""
        start = self.doc.source_starts[index]
        return self.doc.source[start : start + self.doc.lengths[index]]

    def upper_ok(self, key: _Key, first: int) -> bool:
        """Tokens written in capitals in the name are in capitals in the text."""
        if not key.upper:
            return True
        source, starts, lengths = (
            self.doc.source,
            self.doc.source_starts,
            self.doc.lengths,
        )
        for index in range(first, first + key.size):
            if self.tokens[index] in key.upper:
                start = starts[index]
                if not source[start : start + lengths[index]].isupper():
                    return False
        return True

    def sentence_start(self, index: int) -> bool:
        """Token ``index`` opens the text or follows a sentence break."""
        return index == 0 or bool(_SENTENCE_BREAK.search(self.gap(index)))

    def joined_name_word(self, index: int) -> bool:
        """Token ``index`` is a capitalised, untagged word joined to the one
        before it (no punctuation between them): a part of the same name."""
        return (
            not self.covered[index] and self.capitalised(index) and self.follows(index)
        )

    def follows(self, index: int) -> bool:
        """Token ``index`` goes on the name before it: no sentence break nor
        comma between them."""
        gap = self.gap(index)
        return not _SENTENCE_BREAK.search(gap) and "," not in gap

    def free(self, first: int, stop: int) -> bool:
        return self.covered.find(1, first, stop) == -1

    def take(self, hit: _Hit) -> None:
        self.hits.append(hit)
        self.covered[hit.first : hit.stop] = b"\x01" * (hit.stop - hit.first)

    def gap(self, index: int) -> str:
        """The original text between token ``index - 1`` and token ``index``."""
        starts, lengths = self.doc.source_starts, self.doc.lengths
        return self.doc.source[starts[index - 1] + lengths[index - 1] : starts[index]]

    def emit(self, entity: str, kind: str, first: int, stop: int, method: str):
        start, end = self.doc.token_span(first, stop)
        if self._cuts is None:
            self._cuts = sentence_cuts(self.doc.source)
        source = self.doc.source
        self.mentions.append(
            Mention(
                entity,
                kind,
                start,
                end,
                source[start:end],
                mention_context(source, self._cuts, start, end),
                method,
            )
        )


class Matcher:
    """Tags text with agency and person ids. Build with ``from_authority``."""

    def __init__(
        self,
        authority: Authority,
        keys: dict[str, _Key],
        *,
        fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD,
    ) -> None:
        self.authority = authority
        self.fuzzy_threshold = fuzzy_threshold
        self._keys = keys
        self._region_ids: dict[str, str | None] = {}  # see ``region_id``
        self._vocabulary = None  # discovery's, built when first needed
        # People named in an article only where it gives their title too.
        # (their names that need it, folded; None: every name)
        self._needing_title: dict[str, frozenset[str] | None] = {
            person.id: None
            if person.needs_title is True
            else frozenset(map(normalize, person.needs_title))
            for person in authority.people
            if person.needs_title
        }

        # Fuzzy stage: agency names by (head word, token count); people's
        # names by a token they hold, its position and their token count.
        choices: dict[tuple[str, int], list[str]] = defaultdict(list)
        people: dict[str, dict[tuple[int, int], list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for key, value in keys.items():
            tokens = key.split(" ")
            if len(tokens) < 2:
                continue
            if (value.agency or value.generic or value.role) and (
                tokens[0] in HEAD_WORDS and len(key) - key.count(" ") > 4
            ):
                choices[(tokens[0], len(tokens))].append(key)
            if value.person:
                for position, token in enumerate(tokens):
                    if len(token) >= 4:
                        people[token][(position, len(tokens))].append(key)
        self._choices = dict(choices)
        # Words of the agencies' names: one of them is no slip of another
        # ("Pertanahan" is not "Pertanian").
        self._agency_words = frozenset(
            token for names in choices.values() for name in names
            for token in name.split(" ")
        )  # fmt: skip
        sizes: dict[str, set[int]] = defaultdict(set)
        for head, size in self._choices:
            sizes[head].add(size)
        self._choice_sizes = {
            head: tuple(sorted(found, reverse=True)) for head, found in sizes.items()
        }
        # The fuzzy stage starts from words found by the same automaton: head
        # words, their one-letter slips ("dtjen"), tokens of people's names.
        starters: dict[str, tuple[str, tuple]] = {}
        for head in self._choice_sizes:
            if len(head) >= 5:
                for slip in _one_edit(head):
                    if len(slip) >= 4 and slip not in self._choice_sizes:
                        starters.setdefault(slip, (head, ()))
        for head in self._choice_sizes:
            starters[head] = (head, ())
        for token, groups in people.items():
            head = starters.get(token, ("", ()))[0]
            starters[token] = (
                head,
                tuple(
                    (pos, size, tuple(names)) for (pos, size), names in groups.items()
                ),
            )
        # One automaton over every key and starter, padded with spaces so that
        # it only matches whole words. Its values: (key or None, head, groups).
        self._automaton = ahocorasick.Automaton()
        for word in keys.keys() | starters.keys():
            head, groups = starters.get(word, ("", ()))
            self._automaton.add_word(f" {word} ", (keys.get(word), head, groups))
        if keys or starters:
            self._automaton.make_automaton()

        # Role resolution.
        governments: dict[tuple[str, str], list[str]] = defaultdict(list)
        for agency in authority.agencies:
            if agency.region is not None:
                governments[(agency.kind, agency.region)].append(agency.id)
        self._governments = {k: tuple(v) for k, v in governments.items()}
        holders: dict[tuple[str, str], list[tuple[str, object]]] = defaultdict(list)
        for person in authority.people:
            for role in person.roles:
                if role.agency is not None:
                    title = canonical_title(role.title)
                    holders[(role.agency, title)].append((person.id, role))
        self._holders = dict(holders)

        # Short forms of people's names: first and last distinctive token.
        self._short_tokens: dict[str, tuple[str, ...]] = {}
        for person in authority.people:
            tokens = [
                token
                for token in normalize(person.name).split(" ")
                if len(token) >= 3 and token not in TITLE_WORDS
                and token not in HEAD_WORDS and token not in RANKS
                and token not in HONORIFICS
            ]  # fmt: skip
            if tokens:
                self._short_tokens[person.id] = tuple(
                    dict.fromkeys([tokens[0], tokens[-1]])
                )
        self._name_words = frozenset(
            token for tokens in self._short_tokens.values() for token in tokens
        )

    # -- building ---------------------------------------------------------

    @classmethod
    def from_authority(
        cls,
        authority: Authority,
        *,
        fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD,
    ) -> Matcher:
        """Build the automaton and indexes once; reuse the matcher for every text."""
        builder = _KeyBuilder()
        places: dict[str, list[str]] = {}
        for region in authority.regions:
            names = place_names(region)
            places[region.id] = sorted(names, key=len, reverse=True)
            for name in names:
                builder.region[name].add(region.id)
        for title, (canonical, _, _) in REGIONAL_TITLES.items():
            builder.title[title] = canonical

        for agency in authority.agencies:
            _add_agency(builder, agency, places.get(agency.region or "", []))
        _add_chief_titles(builder, authority)
        for person in authority.people:
            for label in person.labels:
                base = normalize(label)
                for name in person_variants(label):
                    _put(builder.person, name, 0 if name == base else 1, person.id)
                    builder.add_upper(name, frozenset())
        return cls(authority, builder.build(), fuzzy_threshold=fuzzy_threshold)

    # -- tagging ----------------------------------------------------------

    def tag(
        self,
        text: str,
        *,
        date: dt.date | None = None,
        region: str | None = None,
    ) -> list[Mention]:
        """Every mention of a known agency or person in ``text``, in text order.

        ``date`` (the article's date) lets a title resolve to the person who
        held it then; ``region`` (a region id or name: the article's region)
        resolves a bare title ("kata Gubernur") or a name without its region
        ("Dinas Perindustrian").
        """
        return self._tag(text, date, region)[0]

    def _tag(
        self, text: str, date: dt.date | None, region: str | None
    ) -> tuple[list[Mention], NormalizedText]:
        day = date.date() if isinstance(date, dt.datetime) else date
        region_id = self.region_id(region) if region else None
        state = _Tagging(text)
        if not state.tokens:
            return [], state.doc
        self._exact(state)
        self._fuzzy(state)
        self._resolve(state, day, region_id)
        state.mentions.sort(key=lambda m: (m.start, -m.end, m.kind))
        return state.mentions, state.doc

    def entity_ids(self, text: str, **context) -> dict[str, tuple[str, ...]]:
        """``unique_ids(self.tag(text, ...))``."""
        return unique_ids(self.tag(text, **context))

    def region_id(self, region: str) -> str:
        """A region id, or the id of the region with that name or alias.

        Found once per name (asked for every article of every build: 20,000
        names normalised for some forty regions)."""
        try:
            found = self._region_ids[region]
        except KeyError:
            found = self._region_ids[region] = self._find_region_id(region)
        if found is None:
            raise ValueError(f"unknown region {region!r}")
        return found

    def _find_region_id(self, region: str) -> str | None:
        if region in self.authority.region_by_id:
            return region
        key = self._keys.get(normalize(region))
        if key is not None and len(key.region) == 1:
            return key.region[0]
        return None

    def _exact(self, state: _Tagging) -> None:
        if self._automaton.kind != ahocorasick.AHOCORASICK:
            return
        hits = []
        starters = state.starters
        text = state.doc.text
        position = spaces = 0
        for end, (key, head, groups) in self._automaton.iter(f" {text} "):
            # ``end`` is the padding space after the match, that is the end of
            # the match in ``text``. Matches come by their end, in order, so
            # the spaces before it (the index of its last token) are counted
            # once over the whole text.
            spaces += text.count(" ", position, end - 1)
            position = end - 1
            if key is not None:
                first = spaces - key.size + 1
                if not key.upper or state.upper_ok(key, first):
                    hits.append(_Hit(first, first + key.size, key, "exact"))
            if head or groups:
                starters.append((spaces, head, groups))
        # A name cut inside a place's name is a different office: "Dinas
        # Perindustrian Lampung" in "Dinas Perindustrian Lampung Selatan".
        place_stops: dict[int, int] = {}
        for hit in hits:
            if hit.key.place_only and hit.stop > place_stops.get(hit.first, 0):
                place_stops[hit.first] = hit.stop
        if place_stops:
            kept = []
            for hit in hits:
                stop = hit.stop
                if hit.key.names_entity and stop - hit.first > 1:
                    inner = range(hit.first + 1, stop)
                    if any(place_stops.get(index, 0) > stop for index in inner):
                        continue
                kept.append(hit)
            hits = kept
        # The longest of overlapping matches wins, then the leftmost; a place
        # alone comes last, so that it does not take the words of a title
        # ("Wali Kota Bandar Lampung" is "Wali Kota" + "Bandar Lampung").
        hits.sort(key=lambda hit: (hit.key.place_only, hit.first - hit.stop, hit.first))
        for hit in hits:
            if state.free(hit.first, hit.stop):
                state.take(hit)

    def _fuzzy(self, state: _Tagging) -> None:
        by_first = {hit.first: hit for hit in state.hits}
        for index, head, people in state.starters:
            if head:
                self._fuzzy_agency(state, index, head, by_first.get(index))
            if people and not state.covered[index]:
                self._fuzzy_person(state, index, people)
        self._fuzzy_titles(state)

    def _fuzzy_agency(
        self, state: _Tagging, index: int, head: str, exact: _Hit | None
    ) -> None:
        covered, count = state.covered, len(state.tokens)
        if covered[index]:
            # Only a match that starts here may grow into a longer near-miss
            # ("Badan Pusat Statistik Provinsi Lampug").
            if exact is None or exact.stop >= count or covered[exact.stop]:
                return
            if not state.capitalised(exact.stop):
                return
        if not state.capitalised(index):
            return
        # The span is a run of capitalised words ("dan" may join them).
        tokens = state.tokens
        sizes = self._choice_sizes[head]
        limit = min(count, index + sizes[0])
        stop = exact.stop if exact is not None else index + 1
        while stop < limit and not covered[stop]:
            if not state.capitalised(stop):
                if tokens[stop] not in _JOINERS or stop + 1 >= limit:
                    break
                if not state.capitalised(stop + 1):
                    break
            stop += 1
        shortest = exact.stop - index + 1 if exact is not None else 2
        for size in sizes:
            if size > stop - index or size < shortest:
                continue
            words = tokens[index : index + size]
            found = process.extract(
                " ".join(words),
                self._choices[(head, size)],
                scorer=fuzz.ratio,
                score_cutoff=self.fuzzy_threshold,
                limit=5,
            )
            for choice, _, _ in found:
                key = self._keys[choice]
                names = choice.split(" ")
                if _close(words, names, self._agency_words) and state.upper_ok(
                    key, index
                ):
                    if exact is not None:
                        state.hits.remove(exact)
                        covered[exact.first : exact.stop] = bytes(exact.size)
                    state.take(_Hit(index, index + size, key, "fuzzy"))
                    return

    def _fuzzy_person(self, state: _Tagging, index: int, groups: tuple) -> None:
        tokens, count = state.tokens, len(state.tokens)
        best: tuple[float, int, str] | None = None
        for position, size, names in groups:
            first = index - position
            stop = first + size
            if first < 0 or stop > count or not state.free(first, stop):
                continue
            if not all(state.capitalised(i) for i in range(first, stop)):
                continue
            words = tokens[first:stop]
            found = process.extract(
                " ".join(words),
                names,
                scorer=fuzz.ratio,
                score_cutoff=self.fuzzy_threshold,
                limit=3,
            )
            for choice, score, _ in found:
                if _close(words, choice.split(" "), same_initials=True) and (
                    best is None or score > best[0]
                ):
                    best = (score, first, choice)
                    break
        if best is not None:
            _, first, choice = best
            key = self._keys[choice]
            stop = first + key.size
            # A near-miss within a longer name is someone else's name:
            # "Gun Gun Muhammad Lutfhi Nugraha" is not Muhammad Lutfi.
            if (
                stop < count
                and not state.gap(stop).strip()
                and state.joined_name_word(stop)
                and tokens[stop] not in DAYS_AND_MONTHS
            ):
                return
            state.take(_Hit(first, stop, key, "fuzzy"))

    def _fuzzy_titles(self, state: _Tagging) -> None:
        """ "Gubernr. Lampung": a one-letter slip of a title before a region."""
        for hit in list(state.hits):
            index = hit.first - 1
            if not _names_place(hit) or index < 0:
                continue
            token = state.tokens[index]
            if state.covered[index] or len(token) < 6 or not state.capitalised(index):
                continue
            for title in _FUZZY_TITLES:
                if Levenshtein.distance(token, title, score_cutoff=1) <= 1:
                    key = self._keys[title]
                    state.take(_Hit(index, index + 1, key, "fuzzy"))
                    break

    # -- resolution ---------------------------------------------------------

    @staticmethod
    def _abroad(state: _Tagging, hit: _Hit) -> bool:
        """The office of ``hit`` is another country's: the country's name
        follows it in the same name ("Menteri Keuangan AS", "Kementerian
        Perdagangan Jepang"), perhaps past a short form in brackets
        ("Menteri Luar Negeri (Menlu) China")."""
        stop, count = hit.stop, len(state.tokens)
        if stop >= count:
            return False
        gap = state.gap(stop).strip()
        if gap == "(" and stop + 1 < count and state.gap(stop + 1).strip() == ")":
            stop, gap = stop + 1, ")"  # past the office's short form
        if not state.capitalised(stop):
            return False
        # A closing bracket between: "(Menlu) China" is China's foreign minister.
        goes_on = gap == ")" or state.follows(stop)
        return goes_on and country_at(state.tokens, stop, state.follows) > 0

    def _named_on(self, key: _Key, day: dt.date) -> _Key:
        """``key`` without the agencies it named only before they were renamed
        (``Agency.named_so_on``)."""
        agencies = self.authority.agency_by_id
        gone = {a for a, label in key.former if not agencies[a].named_so_on(label, day)}
        if not gone:
            return key
        agency = tuple(a for a in key.agency if a not in gone)
        named = bool(agency or key.person or key.role or key.generic)
        return replace(key, agency=agency, names_entity=named)

    def _resolve(self, state: _Tagging, day: dt.date | None, region: str | None):
        hits = sorted(state.hits, key=lambda hit: hit.first)
        places = {hit.first for hit in hits if _names_place(hit)}
        named: set[str] = set()  # agencies named in full
        deferred: list[tuple[_Hit, tuple[str, ...], str, _Hit | None]] = []
        people: dict[str, int] = {}  # person -> end of first full mention
        consumed: set[int] = set()
        for position, hit in enumerate(hits):
            if position in consumed:
                continue
            key = hit.key
            if (key.agency or key.role or key.generic) and self._abroad(state, hit):
                continue  # "Menteri Keuangan AS": another country's office
            if (key.agency or key.generic) and _regional_office(state, hit):
                continue  # "Dinas Kominfo Nganjuk": not the ministry
            following = hits[position + 1] if position + 1 < len(hits) else None
            if following is not None and following.first != hit.stop:
                following = None
            if key.shared and _begins_another_name(state, hit, following):
                continue  # "DPD Partai Golkar": a party's board, not the DPD
            if key.former and day is not None:
                key = self._named_on(key, day)
                if not key.names_entity:
                    continue  # "Departemen Keuangan" in 2026: not Kemenkeu
            following = _after_joined_titles(state, hits, position, following)
            if key.agency:
                if len(key.agency) == 1:
                    agency = self._of_the_day(key.agency[0], day)
                    named.add(agency)
                    state.emit(agency, AGENCY, hit.first, hit.stop, hit.method)
                else:
                    deferred.append((hit, key.agency, hit.method, following))
            elif key.person:
                if len(key.person) == 1 and not _eponym(state, hit):
                    people.setdefault(key.person[0], hit.stop)
                    state.emit(key.person[0], PERSON, hit.first, hit.stop, hit.method)
            elif key.role:
                if _last_word_of_a_name(state, hit) or _performer(state, hit):
                    state.surnames.add(state.tokens[hit.first])
                    continue  # "Shawn Mendes": not the minister of villages
                if _surname_again(state, hit, following):
                    continue  # "Sam Mendes …, pengganti Mendes"
                if _another_jurisdiction(state, hit, self._name_words):
                    continue  # "Jaksa Agung Hawaii": not the Kejaksaan Agung
                method = "fuzzy" if hit.method == "fuzzy" else "role"
                if key.role_generic or len(key.role) > 1:
                    deferred.append((hit, key.role, method, following))
                else:
                    agency = self._of_the_day(key.role[0], day)
                    named.add(agency)
                    # "Ketua KPK": the body is "KPK"; "Menteri Keuangan" a whole.
                    body = hit.first + _chief_head_size(state.tokens, hit)
                    state.emit(agency, AGENCY, body, hit.stop, method)
                    self._holder(
                        state, hit, agency, key.role_title, day, following, places
                    )
            elif key.generic:
                method = "fuzzy" if hit.method == "fuzzy" else "short"
                deferred.append((hit, key.generic, method, following))
            elif key.title:
                agency, stop = self._regional_title(state, hit, following, region, day)
                if agency is None:
                    continue
                if stop > hit.stop:  # the region named after the title
                    consumed.add(position + 1)
                    named.add(agency)
                    after = position + 2
                    following = hits[after] if after < len(hits) else None
                    if following is not None and following.first != stop:
                        following = None
                state.emit(agency, AGENCY, hit.first, stop, "role")
                span = _Hit(hit.first, stop, key, hit.method)
                self._holder(state, span, agency, key.title, day, following, places)

        for hit, candidates, method, following in deferred:
            if _name_goes_on(state, hit.stop, places):
                continue  # "Dinas Perindustrian Kab. Tanggamus": another office
            agency = self._pick(candidates, named, region, day)
            if agency is not None:
                agency = self._of_the_day(agency, day)
                state.emit(agency, AGENCY, hit.first, hit.stop, method)
                if hit.key.role and not hit.key.agency:
                    title = hit.key.role_title
                    self._holder(state, hit, agency, title, day, following, places)
        self._short_names(state, people)
        if self._needing_title:
            self._without_untitled(state)

    def _without_untitled(self, state: _Tagging) -> None:
        """Leaves out the mentions of a person whose name is too common to
        stand for them alone (``Person.needs_title``) where the text does not
        give their title: "Sugiono" is the foreign minister in an article
        that writes "Menlu Sugiono", not in another."""
        kept = [m for m in state.mentions if not self._untitled(state, m)]
        # A first or last name alone stands for the person only where the
        # text names them otherwise too: "Pratama" after an untitled "Egi"
        # (Egi Fedly, an actor) is not Radityo Egi Pratama.
        named = {m.entity_id for m in kept if m.kind == PERSON and m.method != "short"}
        state.mentions[:] = [
            m
            for m in kept
            if not (
                m.method == "short"
                and m.kind == PERSON
                and m.entity_id in self._needing_title
                and m.entity_id not in named
            )
        ]

    def _untitled(self, state: _Tagging, mention: Mention) -> bool:
        """``mention`` names, by a name that needs it, a person the text does
        not give a title."""
        person = mention.entity_id
        if mention.kind != PERSON or person in state.titled:
            return False
        if person not in self._needing_title:
            return False
        names = self._needing_title[person]
        return names is None or normalize(mention.surface) in names

    def _regional_title(
        self,
        state: _Tagging,
        hit: _Hit,
        following: _Hit | None,
        region: str | None,
        day: dt.date | None,
    ) -> tuple[str | None, int]:
        """The government a title stands for, and where the mention ends."""
        _, kind, region_kind = REGIONAL_TITLES[hit.key.title]
        if hit.stop < len(state.tokens):
            gap = state.gap(hit.stop)
            if _names_place(following) and "\n\n" not in gap:
                # "Gubernur Lampung", "Gubernur Provinsi Lampung", "Gubernr. Lampung"
                places = [
                    r for r in following.key.region
                    if self.authority.region_by_id[r].kind == region_kind
                ]  # fmt: skip
                if len(places) == 1:
                    return self._government(kind, places[0], day), following.stop
                return None, hit.stop
            if hit.method == "fuzzy":
                return None, hit.stop  # a slip of a title counts only before a place
            if not _SENTENCE_BREAK.search(gap):
                if following is not None and not following.key.person:
                    return None, hit.stop  # "Gubernur Bank Indonesia"
                if following is None and state.capitalised(hit.stop):
                    return None, hit.stop  # "Gubernur Jawa Barat": an unknown place
        elif hit.method == "fuzzy":
            return None, hit.stop
        if region is None:
            return None, hit.stop
        for place in self.authority.region_chain(region):
            if place.kind == region_kind:
                return self._government(kind, place.id, day), hit.stop
        return None, hit.stop

    def _of_the_day(self, agency: str, day: dt.date | None) -> str:
        """The body a name meant on ``day``: before a body was formed, the one
        it took over from, if a single one was at work then ("Menteri
        Koperasi" in 2020 is the Menteri Koperasi dan UKM; ``preceded_by``).
        Not while a body had stopped (``periods``): its names then are mostly
        its earlier period's ("Zulkifli Hasan yang saat itu menjabat Menteri
        Kehutanan", in 2017)."""
        body = self.authority.agency_by_id[agency]
        if day is None or not body.preceded_by or not body.not_yet_formed_on(day):
            return agency
        agencies = self.authority.agency_by_id
        earlier = [a for a in body.preceded_by if agencies[a].active_on(day)]
        return earlier[0] if len(earlier) == 1 else agency

    def _government(self, kind: str, region: str, day: dt.date | None) -> str | None:
        found = self._governments.get((kind, region), ())
        if day is not None and len(found) > 1:
            found = tuple(
                a for a in found if self.authority.agency_by_id[a].active_on(day)
            )
        return found[0] if len(found) == 1 else None

    def _holder(
        self,
        state: _Tagging,
        hit: _Hit,
        agency: str,
        title: str,
        day: dt.date | None,
        following: _Hit | None,
        places: set[int],
    ) -> None:
        """Given a date, the person holding the title then (if one does): the
        deputy after "Wakil" ("Wakil Menteri Keuangan"), when the authority
        files hold a single one. Not when the title goes on with a place
        ("Kepala BPS Provinsi Jambi": a regional office's head) or a name not
        the holder's ("Menkeu Purbaya" is his), nor when it is an acting or a
        former holder's, an aide's or an act's (``NOT_THE_HOLDER``), or the
        name's before it (``TITLE_OF_THE_NAMED``)."""
        if day is None:
            return
        first = hit.first
        if first and state.tokens[first - 1] == "wakil":
            title, first = f"wakil {title}", first - 1
        if first and state.tokens[first - 1] in NOT_THE_HOLDER:
            return
        if first > 1 and tuple(state.tokens[first - 2 : first]) in JOINT_ACT_BEFORE:
            return
        if _former_after(state, hit.stop) or _in_a_reference(state, first, hit.stop):
            return
        holders = {
            person
            for person, role in self._holders.get((agency, title), ())
            if role.active_on(day)
        }
        if following is not None and following.key.person:
            # "Wakil Bupati Lampung Selatan Syaiful Anwar" in 2025, when the
            # files date the change of holders by its year alone: the name
            # after the title is one who held it then.
            state.titled.update(holders.intersection(following.key.person))
        if len(holders) != 1:
            return
        person = holders.pop()
        if first and state.tokens[first - 1] in TITLE_OF_THE_NAMED:
            state.titled.add(person)
            return
        if following is not None and following.key.person:
            return  # named, theirs ("Menlu Sugiono", marked above) or another's
        own_names = self._short_tokens.get(person, ())
        goes_on = _name_goes_on(state, hit.stop, places)
        if goes_on and state.tokens[hit.stop] not in own_names:
            return
        state.titled.add(person)
        state.emit(person, PERSON, first, hit.stop, "role")

    def _pick(
        self,
        candidates: Sequence[str],
        named: set[str],
        region: str | None,
        day: dt.date | None,
    ) -> str | None:
        """Which of several agencies a region-less or ambiguous name means."""
        agencies = self.authority.agency_by_id
        if day is not None:
            current = [c for c in candidates if agencies[c].active_on(day)]
            candidates = current or candidates
        in_text = [c for c in candidates if c in named]
        if len(in_text) == 1:
            return in_text[0]
        if region is None:
            return None
        for place in self.authority.region_chain(region):
            here = [c for c in candidates if agencies[c].region == place.id]
            if here:
                return here[0] if len(here) == 1 else None
        return None

    def _short_names(self, state: _Tagging, people: dict[str, int]) -> None:
        """ "Ridho" after "M. Ridho Ficardo": a first or last name alone."""
        if not people:
            return
        owners: dict[str, list[str]] = defaultdict(list)
        for person in people:
            for token in self._short_tokens.get(person, ()):
                owners[token].append(person)
        covered, count = state.covered, len(state.tokens)
        text = state.doc.text
        padded = f" {text} "
        for token, persons in owners.items():
            if len(persons) != 1:
                continue  # shared by two people of the text
            person = persons[0]
            needle = f" {token} "
            found = padded.find(needle)
            while found != -1:
                index = text.count(" ", 0, found)
                found = padded.find(needle, found + 1)
                if covered[index] or index < people[person]:
                    continue
                if not state.capitalised(index):
                    continue
                # Not part of another name: "Ridho Rhoma", "Budi Tobing".
                if index + 1 < count and state.joined_name_word(index + 1):
                    continue
                if (
                    state.joined_name_word(index)
                    and not state.sentence_start(index - 1)
                    and state.tokens[index - 1] not in HONORIFICS
                ):
                    continue
                state.emit(person, PERSON, index, index + 1, "short")

    # -- discovery ----------------------------------------------------------

    def discover_candidates(
        self, text: str, mentions: Iterable[Mention] | None = None
    ) -> list[Candidate]:
        """``discover_candidates`` with this matcher's mentions of ``text``."""
        from warta.discovery import discover_candidates  # builds on this module

        if mentions is None:
            return self.tag_and_discover(text)[1]
        return discover_candidates(text, mentions, vocabulary=self.vocabulary)

    def tag_and_discover(
        self,
        text: str,
        *,
        date: dt.date | None = None,
        region: str | None = None,
    ) -> tuple[list[Mention], list[Candidate]]:
        """``tag`` and ``discover_candidates`` at once, reading the text once."""
        from warta.discovery import discover_candidates  # builds on this module

        mentions, doc = self._tag(text, date, region)
        return mentions, discover_candidates(text, mentions, doc, self.vocabulary)

    @property
    def vocabulary(self):
        """Discovery's words of the authority files' names (``Vocabulary``)."""
        if self._vocabulary is None:
            from warta.discovery import Vocabulary  # builds on this module

            self._vocabulary = Vocabulary.of(self.authority)
        return self._vocabulary


def _add_agency(builder: _KeyBuilder, agency: Agency, places: list[str]) -> None:
    chief = _chief_title(normalize(agency.name))
    labels = list(agency.labels)
    if agency.kind in MINISTRY_KINDS:  # "Kementerian PANRB", "Kementerian LH"
        labels += filter(None, map(ministry_spelt_out, agency.acronyms))
    for label in dict.fromkeys(labels):
        base = normalize(label)
        upper = _capital_tokens(label)
        former = label in agency.former_names
        short = label in agency.acronyms
        for name in variants(label):
            tier = 0 if name == base else 1
            _put(builder.agency, name, tier, agency.id)
            builder.add_upper(name, upper)
            if former:
                builder.former[name][agency.id] = label
            if label in agency.shared_acronyms:
                builder.shared.add(name)
            generic = _without_place(name, places) if places else None
            if generic is not None:
                builder.generic[generic].add(agency.id)
                builder.add_upper(generic, upper)
            for form, specific in ((name, True), (generic, False)):
                if form is None:
                    continue
                offices = _office_titles(form)
                if short and not offices:
                    offices = [(f"kepala {form}", chief)] if chief else []
                    if agency.kind in MINISTRY_KINDS:  # "Menkeu", "Wamenkeu"
                        offices += minister_titles(form)
                for office, title in offices:
                    _put(builder.role, office, 0 if specific else 1, agency.id)
                    builder.role_title.setdefault(office, title)
                    builder.add_upper(office, upper)


# The heads of titles that go with any name of their body ("Ketua KPK",
# "Gubernur BI", "Panglima TNI"), with the shorter heads news also writes
# ("Ketua OJK" for "Ketua Dewan Komisioner OJK").
CHIEF_HEADS: dict[str, tuple[str, ...]] = {
    "kepala": ("kepala",),
    "ketua": ("ketua",),
    "wakil ketua": ("wakil ketua",),
    "panglima": ("panglima",),
    "gubernur": ("gubernur",),
    "deputi gubernur": ("deputi gubernur",),
    "ketua dewan komisioner": ("ketua dewan komisioner", "ketua"),
}
# Chiefs' titles written in one word with their body's short form.
CONTRACTED_CHIEFS = {"kepala polri": "kapolri"}


def _add_chief_titles(builder: _KeyBuilder, authority: Authority) -> None:
    """The titles of people's roles at a body whose name they end with, made
    with each of the body's names: "Ketua Komisi Pemberantasan Korupsi" is
    also "Ketua KPK", "Panglima Tentara Nasional Indonesia" "Panglima TNI",
    "Kepala Kepolisian Negara Republik Indonesia" "Kapolri"; so a title alone
    ("kata Gubernur BI") names the body and, given a date, its holder. A
    title that ends with no name of its body is taken as written ("Jaksa
    Agung"). Titles of ministers, regional heads and acting holders are
    made elsewhere or not at all."""
    seen: set[tuple[str, str]] = set()
    for person in authority.people:
        for role in person.roles:
            agency = authority.agency_by_id.get(role.agency or "")
            if agency is None or (agency.id, role.title) in seen:
                continue
            seen.add((agency.id, role.title))
            title = normalize(role.title)
            canonical = canonical_title(role.title)
            labels = (agency.name, *agency.acronyms, *agency.aliases)
            head = _chief_head(title, [normalize(label) for label in labels])
            if head is None:
                if title.split(" ")[0] in _TITLE_AS_WRITTEN:
                    # "Jaksa Agung", "Jaksa Agung RI", "… Republik Indonesia"
                    for suffix in ("", *(f" {c}" for c in COUNTRY_SUFFIXES)):
                        _put(builder.role, title + suffix, 0, agency.id)
                        builder.role_title.setdefault(title + suffix, canonical)
                continue
            for label in labels:
                upper = _capital_tokens(label)
                for name in variants(label):
                    for short_head in CHIEF_HEADS[head]:
                        title_key = f"{short_head} {name}"
                        contracted = CONTRACTED_CHIEFS.get(title_key)
                        for key in filter(None, (title_key, contracted)):
                            _put(builder.role, key, 0, agency.id)
                            builder.role_title.setdefault(key, canonical)
                            builder.add_upper(key, upper)
                            if label in agency.shared_acronyms:
                                builder.shared.add(key)  # "Ketua DPD Partai …"


# First words of titles taken as written when they end with no name of
# their body: "Jaksa Agung" (of the Kejaksaan Agung).
_TITLE_AS_WRITTEN = word_set("jaksa")


def _another_jurisdiction(state: _Tagging, hit: _Hit, name_words) -> bool:
    """A title taken as written (``_TITLE_AS_WRITTEN``: "Jaksa Agung") with a
    capitalised word joined after it that no name of the files covers, nor is
    a word of a person's name (``name_words``: "Jaksa Agung Prasetyo"), is
    another place's office: "Jaksa Agung Hawaii", "Jaksa agung Masyhad";
    "Jaksa Agung Muda" is the Kejaksaan Agung's deputy."""
    if hit.key.role_title.split(" ")[0] not in _TITLE_AS_WRITTEN:
        return False
    stop = hit.stop
    return (
        stop < len(state.tokens)
        and not state.gap(stop).strip()
        and state.joined_name_word(stop)
        and state.tokens[stop] not in _AFTER_TITLE_AS_WRITTEN
        and state.tokens[stop] not in name_words
    )


# Words after a title taken as written that keep it the body's: "Jaksa Agung
# Muda", "Jaksa Agung RI".
_AFTER_TITLE_AS_WRITTEN = word_set("muda ri republik")


def _chief_head_sizes(words: Sequence[str]):
    """The sizes, longest first, of ``words``' beginnings that are a chief's
    head (``CHIEF_HEADS``: "ketua", "wakil ketua", "kepala") with a word or
    more after them."""
    return (
        size
        for size in (3, 2, 1)
        if len(words) > size and " ".join(words[:size]) in CHIEF_HEADS
    )


def _chief_head_size(tokens: Sequence[str], hit: _Hit) -> int:
    """How many of the title's first tokens are a chief's head before the
    body's name; 0 for a title of another kind or one word ("Kapolri")."""
    return next(_chief_head_sizes(tokens[hit.first : hit.stop]), 0)


def _chief_head(title: str, names: list[str]) -> str | None:
    """The head of ``title`` (a ``CHIEF_HEADS`` key) when the rest is one of
    ``names`` or begins one ("Ketua Dewan Perwakilan Rakyat" of the "Dewan
    Perwakilan Rakyat Republik Indonesia")."""
    words = title.split(" ")
    for size in _chief_head_sizes(words):
        rest = " ".join(words[size:])
        if any(name == rest or name.startswith(rest + " ") for name in names):
            return " ".join(words[:size])
    return None


def _former_after(state: _Tagging, index: int) -> bool:
    """The words from token ``index`` make the title before a former
    holder's (``FORMER_AFTER``), or one by number ("ke-20")."""
    tokens = state.tokens
    if index >= len(tokens) or not state.follows(index):
        return False
    if tokens[index] in FORMER_AFTER:
        return True
    pair = tuple(tokens[index : index + 2])
    # "Ketua DPR RI ke-20": the holder by rank in the list of holders.
    ordinal = pair[0] == "ke" and len(pair) == 2 and pair[1].isdigit()
    return ordinal or pair in FORMER_AFTER_PAIRS


def _in_a_reference(state: _Tagging, first: int, stop: int) -> bool:
    """Tokens ``first``..``stop`` stand between slashes: a part of a decree's
    number ("HK.01.07/MENKES/972/2025"), not an office."""
    return (
        first > 0
        and stop < len(state.tokens)
        and state.gap(first).endswith("/")
        and state.gap(stop).startswith("/")
    )


def _regional_office(state: _Tagging, hit: _Hit) -> bool:
    """A national body's name or short form after "Dinas"
    (``REGIONAL_OFFICE_BEFORE``) is a word of a regional office's name."""
    first = hit.first
    return (
        first > 0
        and state.tokens[first - 1] in REGIONAL_OFFICE_BEFORE
        and state.follows(first)
    )


def _begins_another_name(state: _Tagging, hit: _Hit, following: _Hit | None) -> bool:
    """A shared acronym (``Agency.shared_acronyms``) begins another body's
    name: a capitalised word goes on from it that is no known person's ("DPD
    Partai Golkar", "DPD REI Jawa Timur", "DPD Jakarta"), or another
    organisation's acronym stands before it ("APPBI DPD Jakarta")."""
    stop, first = hit.stop, hit.first
    goes_on = stop < len(state.tokens) and state.follows(stop)
    if goes_on and state.capitalised(stop):
        return following is None or not following.key.person
    if first > 0 and state.follows(first) and not state.covered[first - 1]:
        word = state.written(first - 1)
        return len(word) > 1 and word.isupper()
    return False


def _after_joined_titles(
    state: _Tagging, hits: list[_Hit], position: int, following: _Hit | None
) -> _Hit | None:
    """The hit right after ``hits[position]``, past titles joined to it by a
    slash: "Menteri Investasi/Kepala BKPM, Bahlil Lahadalia" names Bahlil for
    both titles."""
    while (
        following is not None
        and (following.key.role or following.key.title)
        and state.gap(following.first).strip() == "/"
    ):
        position += 1
        after = hits[position + 1] if position + 1 < len(hits) else None
        joined = after is not None and after.first == following.stop
        following = after if joined else None
    return following


def _last_word_of_a_name(state: _Tagging, hit: _Hit) -> bool:
    """A one-word title ("Mendes") is the last word of someone's name where a
    capitalised word, no honorific, stands a space before it, opening no
    sentence and following no capitalised word itself unless the sentence
    goes on in lower case: "dan Shawn Mendes", "penyanyi Kanada Shawn Mendes
    untuk merebut trofi", not "Pak Mentan", "Sekjen Mendagri", "OTT
    Wamenaker" nor a headline's "HNW Dukung Menpora", "KOI Surati Menkeu soal
    Efisiensi Anggaran"."""
    first = hit.first
    if hit.stop - first != 1 or first == 0:
        return False
    before = first - 1
    if (
        state.covered[before]
        or not state.capitalised(before)
        or state.written(before).isupper()  # "OTT Wamenaker": an acronym
        or state.gap(first) != " "
        or state.tokens[before] in HONORIFICS
        or state.tokens[before] in SHORT_TITLES  # "Sekjen Mendagri"
        or state.sentence_start(before)
    ):
        return False
    if not (state.gap(before) == " " and state.capitalised(before - 1)):
        return True
    return _goes_on_in_lower_case(state, hit.stop)


def _performer(state: _Tagging, hit: _Hit) -> bool:
    """A one-word title that an apposition calls a singer, an actor or a
    player ("Shawn Mendes, penyanyi asal Kanada"): someone's last name."""
    after = hit.stop
    return (
        after - hit.first == 1
        and after < len(state.tokens)
        and state.gap(after).strip() == ","
        and state.tokens[after] in PERFORMERS
    )


def _goes_on_in_lower_case(state: _Tagging, index: int, words: int = 4) -> bool:
    """Most of the next ``words`` words from ``index``, two at least, up to
    the sentence's end, are in lower case: running text, not a headline's
    capitals nor a quote's last word ("Surat Perintah Kapolri," imbuhnya)."""
    lower = upper = 0
    for at in range(index, min(index + words, len(state.tokens))):
        if at > index and state.sentence_start(at):
            break
        if state.capitalised(at):
            upper += 1
        else:
            lower += 1
    return lower > max(upper, 1)


def _surname_again(state: _Tagging, hit: _Hit, following: _Hit | None) -> bool:
    """A one-word title alone that the text wrote before as someone's last
    name (``_last_word_of_a_name``), not followed by a name of its own
    ("Mendes Yandri" is a minister's title still)."""
    if hit.stop - hit.first != 1 or state.tokens[hit.first] not in state.surnames:
        return False
    return following is None or not following.key.person


def _eponym(state: _Tagging, hit: _Hit) -> bool:
    """A person's name that names a thing after them (``EPONYM_BEFORE``,
    ``EPONYM_AFTER``): "SBY Cup 2026" is a tournament."""
    tokens = state.tokens
    before = hit.first and tokens[hit.first - 1] in EPONYM_BEFORE
    after = hit.stop < len(tokens) and tokens[hit.stop] in EPONYM_AFTER
    return bool(
        (before and state.follows(hit.first)) or (after and state.follows(hit.stop))
    )


def _name_goes_on(state: _Tagging, index: int, places: set[int]) -> bool:
    """A name stopping before token ``index`` goes on there: with a place
    ("Provinsi", "Kab.", a region's name) or another capitalised word."""
    if index >= len(state.tokens):
        return False
    gap = state.gap(index)
    if _SENTENCE_BREAK.search(gap) or _CLAUSE_BREAK.search(gap):
        return False
    if index in places or state.tokens[index] in OPTIONAL_PLACE_WORDS:
        return True
    return not state.covered[index] and state.capitalised(index)


def _one_edit(word: str) -> set[str]:
    """Every string one insertion, deletion, substitution or swap from ``word``."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in splits if b}
    found |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    found |= {a + c + b[1:] for a, b in splits if b for c in letters}
    found |= {a + c + b for a, b in splits for c in letters}
    found.discard(word)
    return found


def _names_place(hit: _Hit | None) -> bool:
    return hit is not None and hit.key.place_only


def _close(
    words: Sequence[str],
    names: Sequence[str],
    known: frozenset[str] = frozenset(),
    same_initials: bool = False,
) -> bool:
    """Token by token, ``words`` are a slip of ``names``.

    Tokens of up to four letters (acronyms, initials, "Riau") must be equal;
    longer ones may differ by one edit (two from eight letters up); at most
    half of the tokens may differ. A word of ``known`` is written as meant.
    With ``same_initials`` (people's names) a differing word begins with the
    name's letter: "Irwan" is no slip of "Erwan", nor "Aman" of "Maman".
    """
    if len(words) != len(names):
        return False
    differing = 0
    for word, name in zip(words, names, strict=True):
        if word == name:
            continue
        if len(name) <= 4 or len(word) <= 3 or word in known:
            return False
        if same_initials and word[0] != name[0]:
            return False
        allowed = 1 if len(name) < 8 else 2
        if Levenshtein.distance(word, name, score_cutoff=allowed) > allowed:
            return False
        differing += 1
    return differing <= max(1, len(names) // 2)
