"""Economic figures in Indonesian news text: what, how much, when and where.

``extract_figures`` finds every quantity (``warta.indicators.numbers``) and
reads, from the sentence it stands in, the indicator it measures, its period,
its scope and whether it is a realised value, a target, an estimate or a
projection. Periods, places and cues are read from the sentence's normalised
words (``warta.normalize``) with dictionary look-ups, and only for sentences
that hold a quantity, so that extraction stays cheap.

Sentences end at ``.``, ``!``, ``?`` or ``…`` before a space (not after an
abbreviation such as ``No.``, ``Rp.``, ``Kab.`` or an initial) and at blank
lines; hard line breaks inside a paragraph do not end one. A sentence is cut
into clauses at ``;``, ``sedangkan``, ``serta``, ``namun``, ``sementara itu``
and at ``, dan``, ``, sementara``, ``, tetapi``, ``, adapun``... Inside a
clause each figure owns the words between the figure before it and itself (its
*stretch*): in "inflasi 3 persen dan pertumbuhan ekonomi 5 persen" the 5
belongs to "pertumbuhan ekonomi".

Indicator: the catalogue phrase nearest the figure among those that overlap it
("menyerap 3.200 tenaga kerja", "populasi IKM 64% masih terkonsentrasi di pulau
Jawa"), stand before it in its stretch, or follow it within two words; failing
those, a phrase earlier in the clause whose unit is exactly the figure's ("nilai
ekspor naik 12 persen menjadi US$ 3 juta"). The phrase's unit must be of the
figure's kind (a percentage never measures an indicator in rupiah; rupiah and
dollars are both money; persons, units and households are all counts) and its
``subject`` words, if any, must stand in the sentence. Where candidate phrases
overlap the longer wins ("realisasi investasi" over "investasi"). A figure with
no phrase takes the indicator of the figure before it in the sentence when only
linking words, places, periods and other figures (a share written beside one:
"4,48 miliar dolar AS atau 17,25 persen, diikuti Riau 2,92 miliar") stand
between them ("inflasi Januari 2,1 persen dan Februari 2,3 persen", ", sementara
itu Kota Metro 2,5 persen"), and so does the first of a sentence that opens
going on from the one before ("... di Pulau Jawa Rp 48,81 triliun. Disusul
Sumatera sebesar Rp 23,83 triliun"). A figure that matches nothing is kept with
``indicator_id`` None only if it looks like an economic statement: an amount of
money, or a percentage or count in a clause with an economic word (ekonomi,
ekspor, harga, naik, usaha...). A bare number (no unit, currency or multiplier)
is kept only when a phrase around it or at most 80 characters before it names an
indicator counted in units, people, tonnes or an index ("NTP 118,5", "jumlah IKM
mencapai 12.500").

Period: one that follows the figure at once ("5 persen pada 2014"), else the
nearest before it in the clause, else after it in the clause, else elsewhere in
the sentence, else the last one of the sentence before, else, for a realised
figure of an indicator, the period of the same indicator's realised figure
before it in the text, else the article's year (``period_from`` says which:
clause, sentence, previous sentence, earlier figure, article). Two periods
joined after the figure ("5% pada 2025 dan 2026") make it a figure of each. A
quarter or month without a year takes the year from the same places. Forms:
"2014", "tahun 2014", "akhir/awal/pertengahan 2013", "2015-2019", "triwulan III
2024", "kuartal II", "Q3 2024", "TW-IV", "semester I 2023", "Januari 2024",
"Januari-Maret 2024", "31 Desember 2023", "pada bulan Mei", "tahun lalu/ini/
depan". Not periods: the base of a comparison ("dibanding Desember 2023", "sejak
2020", "periode yang sama tahun lalu") and the year of a regulation ("Nomor 5
Tahun 2015"). An indicator marked ``monthly`` (the BI Rate) has a realised
figure of a month: a day's period as its month, else the article's month. A
comparison's base value ("dibanding April 2025 yang sebesar US$ 450 juta",
"dibandingkan periode yang sama tahun lalu, yakni 29,47 juta ton") is of the
base's period: the one it names, or the figure's own a year before. A figure of
an indicator marked ``flow`` "hingga", "sampai (dengan)" or "s/d" a day or a
month is of the year to that month ("KUR hingga 30 April 2026" -> "Januari-April
2026"); not a span's second end ("16 Maret sampai 24 Juni").

Scope: a place named in the figure's stretch (before it, then after it), else
elsewhere in the clause, else the indicator's own ``scope``, else a place
elsewhere in the sentence, else ``region``. "nasional", "Indonesia" (not "Bank
Indonesia"), "RI", "tanah air", "PDB", "APBN" and the state's money ("utang
negara", "belanja negara") mean "nasional"; the 38 provinces (names and common
short forms: "Jabar", "DKI Jakarta"), the capital's region ("IKN"), Lampung's
regencies and cities, "Kabupaten X", "Kota X", "Pemprov X" and islands ("pulau
Jawa", "Sumatera") are recognised; after "Kabupaten" or "Kota", a name of
places.yaml ends where it ends ("Kota Depok Rp 3,58 juta", "Kota Blitar Yudi
Meira"). Another country's name (or "Eropa", "Afrika", "Amerika Latin") before
the figure (not a trading partner's, an origin's or a currency's: "ke AS", "dari
China", "dolar AS") makes it that country's, and such a figure is left out
(``ABROAD``); a country after it is mostly a comparison and is passed over. The
rule for islands and other places inside an indicator: a place that is one of
the matched phrase's own words is what the indicator measures, not the figure's
scope. In "estimasi populasi IKM 64% masih terkonsentrasi di pulau Jawa" the
phrase "populasi IKM ... terkonsentrasi di ... Jawa" of ``ikm-share-in-java``
holds "Jawa", so the figure's scope is the indicator's own, "nasional" (a share
of all Indonesian IKM); a place standing in a phrase's gap ("IKM di Lampung
Selatan ... sebanyak") is still the scope. A figure of an economy (not an
actor's) that names no place is the country's when the place named last before
it is, or when none is (or the capital, a dateline's) and the text names
Statistics Indonesia ("Badan Pusat Statistik", "Kepala BPS") and no regional
office of it ("BPS NTB"); else the article's Region's (none for Jakarta, where
national news is filed from).

Kind: the nearest cue before the figure in its stretch, else one right after it
(within a word: "Rp 5 triliun yang ditargetkan"), else earlier in the clause:
"target", "ditargetkan", "sasaran", "membidik" -> target; "diproyeksikan",
"diprediksi", "akan", "berpotensi", "tahun depan" -> projection;
"diperkirakan", "estimasi", "angka sementara" -> estimate; "realisasi" ->
realised; "dari target", "melampaui target" -> realised before them, target
after them; no cue -> realised, unless the figure's period begins after the
article's month: then projection, or target for an indicator marked ``plan``
(a budget). An indicator's estimate of a period not over by the article's day
("pertumbuhan diperkirakan 4,8% pada tahun ini", "inflasi Oktober diperkirakan"
in October) is a projection; of one that is over, an estimate.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property, partial
from itertools import pairwise
from operator import itemgetter

from warta.authority import ProvincePlaces
from warta.dates import MONTH_NAMES, MONTH_NUMBERS, day_month_year
from warta.indicators.catalogue import Catalogue, Indicator
from warta.indicators.numbers import MONEY, PERCENT, Quantity, find_quantities
from warta.name_words import COUNTRY_STARTS, QUOTE_VERBS, country_at
from warta.normalize import normalize, normalize_with_offsets
from warta.regencies import COMMON_WORD_NAMES, FACILITY_WORDS, NO_PLACES, PlaceScopes

KINDS = ("realised", "target", "estimate", "projection")
NATIONAL = "nasional"
# The scope of a figure of another country's ("pertumbuhan ekonomi AS ...
# 1,4%"): such a figure is left out.
ABROAD = "luar negeri"


@dataclass(frozen=True, slots=True)
class Figure:
    """One economic figure found in a text.

    ``start``/``end`` cover the quantity as written (``"Rp 1,2 triliun"``,
    ``"34,27%"``), which ``text`` repeats. ``period_from`` says where the period
    came from: ``"clause"``, ``"sentence"``, ``"previous sentence"``, ``"earlier
    figure"`` (the same indicator's before it), ``"article"`` (the article's
    date) or None.
    """

    indicator_id: str | None
    value: float
    value_max: float | None
    unit: str
    period: str | None
    period_year: int | None
    scope: str | None
    kind: str
    quote: str
    start: int
    end: int
    period_from: str | None = None
    text: str = ""


# ---------------------------------------------------------------------------
# Sentences.

# One character class first: the regex engine then skips other text quickly.
_SENTENCE_BREAK = re.compile(r"[.!?…\n][.!?…\"'”’)\]]*(?!\S)")
_BLANK_LINE = re.compile(r"[^\S\n]*\n")
_SPACES = re.compile(r"\s*")
_ABBREVIATIONS = frozenset(
    "no nomor rp kab prov kec kel ds dr drs dra ir h hj prof st sh se mm mt msi "
    "tbk pt cv jl jln bpk sdr tel telp hal hlm vol yth ny tn km dkk nmr pp uu "
    "sd s d gol".split()
)


class _Breaks:
    """The places where a sentence may end, checked only when asked about."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [match.span() for match in _SENTENCE_BREAK.finditer(text)]
        self.ends = [end for _, end in self.spans]
        self._valid: dict[int, bool] = {}

    def valid(self, index: int) -> bool:
        known = self._valid.get(index)
        if known is None:
            known = self._valid[index] = self._check(*self.spans[index])
        return known

    def _check(self, start: int, end: int) -> bool:
        text = self.text
        mark = text[start]
        if mark == "\n":  # a blank line, not a line break inside a paragraph
            return _BLANK_LINE.match(text, end) is not None
        if mark == ".":  # not after "No.", "Rp.", "Kab." or an initial
            before = text[max(0, end - 16) : start].rsplit(None, 1)
            word = before[-1].lstrip("([\"'“‘") if before else ""
            return not (
                word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
            )
        return True

    def sentence(self, position: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence around ``position``."""
        text = self.text
        index = bisect_right(self.ends, position) - 1
        while index >= 0 and not self.valid(index):
            index -= 1
        start = _SPACES.match(text, self.ends[index] if index >= 0 else 0).end()
        index = bisect_right(self.ends, position)
        while index < len(self.spans) and not self.valid(index):
            index += 1
        if index == len(self.spans):
            end = len(text)
        else:
            low, high = self.spans[index]
            end = low if text[low] == "\n" else high
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, max(start, end)

    def before(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The sentence before the one at ``span``, if there is one."""
        index = bisect_right(self.ends, span[0]) - 1
        while index >= 0 and not self.valid(index):
            index -= 1
        if index < 0:
            return None
        previous = self.sentence(self.spans[index][0])
        return previous if previous[0] < previous[1] else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, surrounding spaces left out."""
    breaks = _Breaks(text)
    found = []
    position = 0
    while position < len(text):
        start, end = breaks.sentence(position)
        if end > start:
            found.append((start, end))
        index = bisect_right(breaks.ends, max(position, end - 1))
        while index < len(breaks.spans) and not breaks.valid(index):
            index += 1
        if index == len(breaks.spans):
            break
        position = breaks.ends[index]
    return found


# ---------------------------------------------------------------------------
# Words of a sentence.
#
# Periods, places, cues and clause breaks are read from the sentence's
# normalised words (``warta.normalize``, the form catalogue phrases are matched
# in) with dictionary look-ups: far cheaper than running patterns over the text.


# warta.normalize.TOKEN for ASCII text: letters and digits, apostrophes inside.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:['`][a-z0-9]+)*")
_NO_APOSTROPHES = str.maketrans("", "", "'`")
# Typographic marks that news text is full of, as one ASCII character each.
_TYPOGRAPHIC = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": ".", "\xa0": " "}
)


@dataclass(frozen=True)
class _Words:
    """The words of ``text[start:end]``: lower-case, with their spans in ``text``."""

    text: str
    words: list[str]
    spans: list[tuple[int, int]]

    @classmethod
    def read(cls, text: str, start: int, end: int) -> _Words:
        piece = text[start:end]
        if not piece.isascii():
            piece = piece.translate(_TYPOGRAPHIC)  # same length, same offsets
        if piece.isascii():  # the common case: one pass, nothing to fold
            matches = list(_ASCII_WORD.finditer(piece.lower()))
            words = [match.group() for match in matches]
            if "'" in piece or "`" in piece:
                words = [word.translate(_NO_APOSTROPHES) for word in words]
            spans = [(start + m.start(), start + m.end()) for m in matches]
            return cls(text, words, spans)
        normalised = normalize_with_offsets(text[start:end])
        spans = [(start + a, start + b) for a, b in normalised.spans]
        return cls(text, normalised.tokens, spans)

    def gap(self, index: int) -> str:
        """The text between word ``index - 1`` and word ``index``."""
        return self.text[self.spans[index - 1][1] : self.spans[index][0]]

    def capitalised(self, index: int) -> bool:
        return self.text[self.spans[index][0]].isupper()


_CLAUSE_WORDS = frozenset({"sedangkan", "serta", "namun"})
_CLAUSE_PAIRS = frozenset({("sementara", "itu")})
_CLAUSE_WORDS_AFTER_COMMA = frozenset(
    {"sementara", "namun", "tetapi", "adapun", "padahal", "dan"}
)
_CLAUSE_ANY = _CLAUSE_WORDS | _CLAUSE_WORDS_AFTER_COMMA


# A list's items run on in one sentence: "- Inflasi: 1,5-3,5% - Suku bunga SBN
# 10 tahun: 6,5-7,3%", "Pertumbuhan Ekonomi 4,5-5,5%,- Tingkat Inflasi ...".
_LIST_ITEM = re.compile(r"(?:\s|,)[-–—•](?=\s*[^\W\d_])")


def _list_items(words: _Words, start: int, end: int) -> list[int]:
    """Where a list's items start in a sentence: two dashes or bullets at
    least, each before a word (one dash parts a place from a date: "Inflasi
    Jawa Timur - Mei 2025 sebesar 3 persen")."""
    found = [item.start() for item in _LIST_ITEM.finditer(words.text, start, end)]
    return found if len(found) > 1 else []


def _clause_starts(
    words: _Words, start: int, end: int, list_items: Sequence[int]
) -> list[int]:
    """Where the clauses of a sentence start (the first at ``start``): at a
    semicolon, a list's item (``_list_items``), or a word that opens a clause."""
    cuts = list(list_items)
    semicolon = words.text.find(";", start, end)
    while semicolon != -1:
        cuts.append(semicolon)
        semicolon = words.text.find(";", semicolon + 1, end)
    w = words.words
    for index, word in enumerate(w):
        if index == 0 or word not in _CLAUSE_ANY:
            continue
        gap = words.gap(index)
        comma = words.spans[index - 1][1] + gap.find(",")
        if word in _CLAUSE_WORDS or (word, *w[index + 1 : index + 2]) in _CLAUSE_PAIRS:
            cuts.append(comma if "," in gap else words.spans[index][0])
        elif word in _CLAUSE_WORDS_AFTER_COMMA and "," in gap:
            cuts.append(comma)
    starts = [start]
    for cut in sorted(cuts):
        if cut > starts[-1]:
            starts.append(cut)
    return starts


# ---------------------------------------------------------------------------
# Periods.

_MONTHS = {name.lower(): name for name in MONTH_NAMES}
_MONTHS.update({"pebruari": "Februari", "nopember": "November"})
# Short forms, read as months only when a year follows.
_SHORT_MONTHS = {
    "jan": "Januari",
    "feb": "Februari",
    "peb": "Februari",
    "mar": "Maret",
    "apr": "April",
    "jun": "Juni",
    "jul": "Juli",
    "agu": "Agustus",
    "agt": "Agustus",
    "ags": "Agustus",
    "sep": "September",
    "sept": "September",
    "okt": "Oktober",
    "nov": "November",
    "nop": "November",
    "des": "Desember",
}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PART = {
    "i": "I",
    "ii": "II",
    "iii": "III",
    "iv": "IV",
    "1": "I",
    "2": "II",
    "3": "III",
    "4": "IV",
    "pertama": "I",
    "kedua": "II",
    "ketiga": "III",
    "keempat": "IV",
}
_HALF = frozenset({"i", "ii", "1", "2", "pertama", "kedua"})
_QUARTER_WORDS = frozenset({"triwulan", "kuartal", "kwartal", "tw", "q"})
_YEAR_QUALIFIERS = frozenset({"akhir", "awal", "pertengahan"})
# Indicators a period may follow: "inflasi Juni", "dibanding ekspor Februari 2016".
_MEASURED = frozenset({"inflasi", "deflasi", "ekspor", "impor", "ntp"})
_MONTH_ALONE_AFTER = frozenset(
    {"bulan", "pada", "per", "selama", "sepanjang", "periode", "hingga", "sampai"}
    # An indicator the month is of: "inflasi Juni tercatat 0,69 persen".
    | _MEASURED
    | {"iki", "neraca"}
)
_RANGE_WORDS = frozenset({"hingga", "sampai"})
_RANGE_MARKS = frozenset({"-", "–", "—", "/"})
_RELATIVE = {"lalu": -1, "sebelumnya": -1, "ini": 0, "depan": 1}
# "dibanding Desember 2023", "sejak 2020", "periode yang sama tahun lalu": the
# base of a comparison, not the figure's period.
_BASE_WORDS = frozenset(
    {"dibanding", "dibandingkan", "ketimbang", "daripada", "sejak", "dari"}
)
# A period a figure is likened to or set against is no period of it: "Rp
# 17.700, ... berbeda dengan 1998", "seperti tahun lalu".
_LIKE = frozenset({"seperti", "layaknya"})
_COMPARED_WITH = frozenset({"berbeda", "beda", "serupa", "mirip", "sama"})
# "dibandingkan Rp4,25 triliun pada tahun sebelumnya": an amount's words.
_AMOUNT_WORDS = frozenset(
    "rp us usd dolar dollar ribu juta miliar milyar triliun persen ton orang".split()
)
_AMOUNT_REACH = 6
_MORE_OR_LESS = frozenset({"lebih", "kurang"})
_BASE_SKIP = frozenset(
    {"tahun", "periode", "bulan", "dengan"}
    # what is compared, named again: "dibanding ekspor Februari 2016"
    | _MEASURED
    | {"nilai", "posisi", "angka"}
)
# "sejak krisis ekonomi global 2008": an event's words between "sejak" and the year.
_SINCE_WORDS = frozenset({"sejak", "semenjak"})
_SINCE_REACH = 4
_REFERENCE_WORDS = frozenset({"nomor", "no", "nomer", "nmr"})
# Between two periods one figure is of: "pada 2025 dan 2026"; not a span's
# ends ("antara tahun 2011 dan 2012").
_BETWEEN = re.compile(r"\b(?i:antara)\s+$")
_PERIOD_JOIN = re.compile(r"\s*,?\s*(?i:dan|serta|maupun)\s+(?:(?i:pada|di)\s+)?")
_PERIOD_GAP = re.compile(
    r"[\s,()]*(?:(?i:pada|di|dalam|per|selama|sepanjang|hingga|sampai|untuk|"
    r"yoy|year\s+on\s+year)[\s,()]*){0,3}"
)


@dataclass(frozen=True)
class _Period:
    start: int
    end: int
    label: str | None  # None: a month or quarter still waiting for its year
    part: str  # "triwulan III", "Januari"; "" for a label complete in itself
    year: int | None
    base: bool = False  # a comparison's base ("dibanding Juli 2024")
    to_date: bool = False  # "hingga 30 April 2026": a flow's year to that day


def _year_at(words: _Words, index: int) -> int | None:
    """The year word ``index`` is, if it is one standing alone (not "1.2015")."""
    if index >= len(words.words):
        return None
    word = words.words[index]
    if len(word) != 4 or not word.isdigit() or word[:2] not in ("19", "20"):
        return None
    start, end = words.spans[index]
    text = words.text
    if start and text[start - 1] in ".,/":
        return None
    after = text[end : end + 2]
    if after[:1] == "/" or (after[:1] in (".", ",") and after[1:2].isdigit()):
        return None
    return int(word)


def _range_end(words: _Words, index: int) -> int | None:
    """Index of the word after "-", "/", "hingga" or "sampai (dengan)" at ``index``."""
    if index >= len(words.words):
        return None
    if words.gap(index).strip() in _RANGE_MARKS:
        return index
    if words.words[index] in _RANGE_WORDS:
        index += 1
        if index < len(words.words) and words.words[index] == "dengan":
            index += 1
        return index
    if words.words[index] == "s" and words.words[index + 1 : index + 2] == ["d"]:
        return index + 2
    return None


def _is_base(words: _Words, index: int) -> bool:
    """True if the period that starts at word ``index`` is a comparison's base
    ("dibanding Desember 2023"), or the time since which ("terburuk sejak
    krisis ekonomi global 2008")."""
    before = index - 1
    while before >= 0 and words.words[before] in _BASE_SKIP:
        before -= 1
    if before < 0:
        return False
    if words.words[before] in _BASE_WORDS or words.words[before] in _LIKE:
        return True
    if before and words.words[before] == "pada" and words.words[before - 1] in _LIKE:
        return True  # "seperti pada 2024"
    if before > 0 and words.words[before - 1 : before + 1] == ["yang", "sama"]:
        return True
    if words.words[before] in _COMPARED_WITH and words.words[
        before + 1 : before + 2
    ] == ["dengan"]:
        return True  # "berbeda dengan 1998"
    if words.words[before] == "pada" and _compared_amount_before(words, before):
        return True  # "dibandingkan Rp4,25 triliun pada tahun sebelumnya"
    for back in range(before, max(before - _SINCE_REACH, -1), -1):
        word = words.words[back]
        if word in _SINCE_WORDS:
            return True
        if not word.isalpha():
            return False
    return False


def _compared_amount_before(words: _Words, index: int) -> bool:
    """An amount compared with ("dibandingkan Rp4,25 triliun") ends right
    before word ``index``."""
    back = index - 1
    while (
        back >= 0
        and index - back <= _AMOUNT_REACH
        and (
            any(c.isdigit() for c in words.words[back])
            or words.words[back] in _AMOUNT_WORDS
        )
    ):
        back -= 1
    return (
        back < index - 1
        and back >= 0
        and words.words[back] in _BASE_WORDS
        and words.words[back] not in _SINCE_WORDS
        # "lebih dari 61 persen pada 2025": more than, no comparison
        and not (back and words.words[back - 1] in _MORE_OR_LESS)
    )


def _is_reference(words: _Words, index: int) -> bool:
    """True for the year of "Nomor 5 Tahun 2015" or "No. 3/2014"."""
    before = index - 1
    if before >= 0 and words.words[before] == "tahun":
        before -= 1
    return (
        before >= 1
        and words.words[before].isdigit()
        and words.words[before - 1] in _REFERENCE_WORDS
    )


def _period_at(
    words: _Words, index: int, article_year: int | None, named_year: int | None = None
) -> tuple[_Period | None, int]:
    """The period that starts at word ``index`` and the index after it.
    ``named_year`` is the last year the sentence named before it: "tahun
    sebelumnya" is the year before that one ("pada 2016 sebanyak 1.331
    orang ... dibanding tahun sebelumnya"), "tahun lalu" the article's."""
    w = words.words
    word = w[index]
    nxt = w[index + 1] if index + 1 < len(w) else ""
    part = ""
    label: str | None = None
    year: int | None = None
    stop = index + 1
    if word == "tahun" and nxt in _RELATIVE:
        if article_year is None or w[max(0, index - 2) : index] == ["yang", "sama"]:
            return None, index + 2
        year = article_year + _RELATIVE[nxt]
        if nxt == "sebelumnya" and named_year is not None:
            year = named_year - 1
        label, stop = str(year), index + 2
    elif (word in _QUARTER_WORDS and nxt in _PART) or (
        len(word) in (2, 3) and word[:-1] in ("q", "tw") and word[-1] in "1234"
    ):
        if word in _QUARTER_WORDS:
            part, stop = f"triwulan {_PART[nxt]}", index + 2
        else:
            part = f"triwulan {_PART[word[-1]]}"
    elif word == "semester" and nxt in _HALF:
        part, stop = f"semester {_PART[nxt]}", index + 2
    elif word.isdigit() and len(word) <= 2 and (nxt in _MONTHS or nxt in _SHORT_MONTHS):
        year = _year_at(words, index + 2)
        if year is None or not 1 <= int(word) <= 31:
            return None, index + 1
        month = _MONTHS.get(nxt) or _SHORT_MONTHS[nxt]
        label, stop = f"{int(word)} {month} {year}", index + 3
    elif word in _MONTHS or word in _SHORT_MONTHS:
        month = _MONTHS.get(word) or _SHORT_MONTHS[word]
        stop = index + 1
        last = _range_end(words, stop)
        if last is not None and last < len(w) and (w[last] in _MONTHS):
            month, stop = f"{month}-{_MONTHS[w[last]]}", last + 1
        if stop < len(w) and w[stop] == "tahun":
            stop += 1
        year = _year_at(words, stop)
        if (
            year is None
            and article_year is not None
            and w[stop - 1] == "tahun"
            and stop < len(w)
            and w[stop] in _RELATIVE
        ):  # "Juli tahun lalu"
            year = article_year + _RELATIVE[w[stop]]
        if year is not None:
            label, stop = f"{month} {year}", stop + 1
        elif word in _MONTHS and index and w[index - 1] in _MONTH_ALONE_AFTER:
            part, stop = month, index + 1
        else:
            return None, index + 1
    else:
        first = index
        if word in _YEAR_QUALIFIERS:
            index += 1
        if index < len(w) and w[index] == "tahun":
            index += 1
        year = _year_at(words, index)
        if year is None or _is_reference(words, index):
            return None, first + 1
        label, stop = str(year), index + 1
        last = _range_end(words, stop)
        end_year = _year_at(words, last) if last is not None else None
        if end_year is not None and end_year > year:
            label, year, stop = f"{year}-{end_year}", end_year, last + 1
        if word in _YEAR_QUALIFIERS:
            label = f"{word} {label}"
        index = first
    if part:  # a quarter, half or month: a year may follow
        if stop < len(w) and w[stop] == "tahun":
            stop += 1
        year = _year_at(words, stop)
        if year is not None:
            label, stop = f"{part} {year}", stop + 1
        elif stop > index + 1 and w[stop - 1] == "tahun":
            stop -= 1
    start, end = words.spans[index][0], words.spans[stop - 1][1]
    return _Period(start, end, label, part, year, _is_base(words, index)), stop


_PERIOD_FIRST = frozenset(
    {*_QUARTER_WORDS, "semester", "tahun", *_YEAR_QUALIFIERS, *_MONTHS, *_SHORT_MONTHS}
)


def _month_next(w: list[str], index: int) -> bool:
    after = w[index + 1] if index + 1 < len(w) else ""
    return after in _MONTHS or after in _SHORT_MONTHS


_PERIOD_HINTS = ("tahun", "triwulan", "kuartal", "kwartal", "semester", *_MONTHS)
_DIGIT = re.compile(r"\d")


def _may_name_period(text: str, start: int, end: int) -> bool:
    """A quick test that spares reading sentences that name no period."""
    if _DIGIT.search(text, start, end):
        return True
    piece = text[start:end].lower()
    return any(hint in piece for hint in _PERIOD_HINTS)


# "hingga 30 April 2026", "sampai dengan akhir Maret", "s.d. Mei 2025"; not
# a span's second end ("Juli hingga Desember", "16 Maret sampai 24 Juni").
_TO_DATE = re.compile(
    r"(?:(?<![\w.])(\S+)\s+)?(?<!\S)"
    r"(?:(?i:hingga|sampai(?:\s+dengan)?)|[sS]\s*[./]\s*[dD]\s*\.?)"
    r"(?:\s+(?i:akhir|awal|pertengahan))?\s+$"
)
_DAY_MONTH_YEAR = re.compile(r"(?:\d{1,2} )?([A-Z][a-z]+) (\d{4})")


def _to_date(words: _Words, index: int, period: _Period) -> _Period:
    """``period`` marked ``to_date`` where "hingga", "sampai (dengan)" or
    "s.d." leads it to a month or a day."""
    start = words.spans[index][0]
    window = words.text[max(0, start - 40) : start].lower().replace(" ", "")
    if not any(key in window for key in ("hingga", "sampai", "s/d", "s.d")):
        return period  # spares the search below most periods
    found = _TO_DATE.search(words.text, max(0, start - 40), start)
    if found is None:
        return period
    before = normalize((found[1] or "").strip(",.;:()"))
    if before[:1].isdigit() or before in _MONTHS or before in _SHORT_MONTHS:
        return period
    if period.label is None and period.part not in MONTH_NUMBERS:
        return period
    if period.label is not None and not _DAY_MONTH_YEAR.fullmatch(period.label):
        return period
    return replace(period, to_date=True)


def _year_to_date(period: _Period) -> _Period:
    """A flow's figure "hingga 30 April 2026" (a period marked ``to_date``)
    is of the year to that month: "Januari-April 2026" (the labelling
    guide's year to date)."""
    if not period.to_date:
        return period
    named = _DAY_MONTH_YEAR.fullmatch(period.label or "")
    if named is None or MONTH_NUMBERS.get(named[1], 1) == 1:
        return period
    return replace(period, label=f"Januari-{named[1]} {named[2]}")


def _find_periods(
    words: _Words,
    quantities: Sequence[Quantity],
    article_year: int | None,
    bases: list[_Period] | None = None,
) -> list[_Period]:
    """The periods a sentence names; those inside a quantity left out, and
    a comparison's bases put in ``bases`` (if given) instead."""
    found = []
    w = words.words
    stop = 0
    named_year = None
    for index, word in enumerate(w):
        if index < stop:
            continue
        if word not in _PERIOD_FIRST:
            if word[0].isdigit():
                if len(word) != 4 and not _month_next(w, index):
                    continue
            elif not (word[0] in "qt" and word[-1].isdigit()):
                continue
        period, stop = _period_at(words, index, article_year, named_year)
        if period is not None and not any(
            period.start < q.end and q.start < period.end for q in quantities
        ):
            if period.year is not None and w[stop - 1].isdigit():
                named_year = period.year  # written, not "tahun lalu"
            if not period.base:
                found.append(_to_date(words, index, period))
            elif bases is not None:
                bases.append(period)
    return found


# ---------------------------------------------------------------------------
# Places.

_PROVINCES = {
    "Aceh": ("Nanggroe Aceh Darussalam", "NAD"),
    "Sumatera Utara": ("Sumatra Utara", "Sumut"),
    "Sumatera Barat": ("Sumatra Barat", "Sumbar"),
    "Riau": (),
    "Jambi": (),
    "Sumatera Selatan": ("Sumatra Selatan", "Sumsel"),
    "Bengkulu": (),
    "Lampung": (),
    "Kepulauan Bangka Belitung": ("Bangka Belitung", "Babel"),
    "Kepulauan Riau": ("Kepri",),
    "Daerah Khusus Ibukota Jakarta": ("DKI Jakarta", "Jakarta", "DKI"),
    "Jawa Barat": ("Jabar",),
    "Jawa Tengah": ("Jateng",),
    "Daerah Istimewa Yogyakarta": ("DIY", "Yogyakarta", "Jogja", "Yogya"),
    "Jawa Timur": ("Jatim",),
    "Banten": (),
    "Bali": (),
    "Nusa Tenggara Barat": ("NTB",),
    "Nusa Tenggara Timur": ("NTT",),
    "Kalimantan Barat": ("Kalbar",),
    "Kalimantan Tengah": ("Kalteng",),
    "Kalimantan Selatan": ("Kalsel",),
    "Kalimantan Timur": ("Kaltim",),
    "Kalimantan Utara": ("Kaltara",),
    "Sulawesi Utara": ("Sulut",),
    "Sulawesi Tengah": ("Sulteng",),
    "Sulawesi Selatan": ("Sulsel",),
    "Sulawesi Tenggara": ("Sultra",),
    "Gorontalo": (),
    "Sulawesi Barat": ("Sulbar",),
    "Maluku": (),
    "Maluku Utara": ("Malut",),
    "Papua": (),
    "Papua Barat": ("Pabar",),
    "Papua Selatan": (),
    "Papua Tengah": (),
    "Papua Pegunungan": (),
    "Papua Barat Daya": (),
    # the capital's special region, governed by its own authority
    "Ibu Kota Nusantara": ("IKN",),
}
_REGENCIES = {
    "Kabupaten Lampung Barat": ("Lampung Barat", "Lambar"),
    "Kabupaten Lampung Selatan": ("Lampung Selatan", "Lamsel"),
    "Kabupaten Lampung Tengah": ("Lampung Tengah", "Lamteng"),
    "Kabupaten Lampung Timur": ("Lampung Timur", "Lamtim"),
    "Kabupaten Lampung Utara": ("Lampung Utara", "Lampura"),
    "Kabupaten Mesuji": ("Mesuji",),
    "Kabupaten Pesawaran": ("Pesawaran",),
    "Kabupaten Pesisir Barat": ("Pesisir Barat", "Pesibar"),
    "Kabupaten Pringsewu": ("Pringsewu",),
    "Kabupaten Tanggamus": ("Tanggamus",),
    "Kabupaten Tulang Bawang": ("Tulang Bawang", "Tulangbawang"),
    "Kabupaten Tulang Bawang Barat": ("Tulang Bawang Barat", "Tubaba"),
    "Kabupaten Way Kanan": ("Way Kanan", "Waykanan"),
    "Kota Bandar Lampung": ("Bandar Lampung", "Bandarlampung"),
}
_ISLANDS = {
    "Jawa": "Pulau Jawa",
    "Sumatera": "Pulau Sumatera",
    "Sumatra": "Pulau Sumatera",
    "Kalimantan": "Pulau Kalimantan",
    "Sulawesi": "Pulau Sulawesi",
}
_KNOWN = {name: name for name in _PROVINCES}
_KNOWN.update(
    {alias: name for name, aliases in _PROVINCES.items() for alias in aliases}
)
_KNOWN.update({a: name for name, aliases in _REGENCIES.items() for a in aliases})
_KNOWN.update(_ISLANDS)
_KNOWN_WORDS = {tuple(normalize(label).split()): name for label, name in _KNOWN.items()}
_LONGEST_NAME = max(len(key) for key in _KNOWN_WORDS)
_PREFIXES = {
    ("provinsi",): "province",
    ("prov",): "province",
    ("pemprov",): "province",
    ("pemerintah", "provinsi"): "province",
    ("kabupaten",): "Kabupaten",
    ("kab",): "Kabupaten",
    ("pemkab",): "Kabupaten",
    ("pemerintah", "kabupaten"): "Kabupaten",
    ("kota",): "Kota",
    ("pemkot",): "Kota",
    ("pemerintah", "kota"): "Kota",
    ("pulau",): "Pulau",
}
_NAME_STOP = frozenset(
    "tahun pada sebesar sebanyak mencapai tercatat yang dan di ke dari untuk periode "
    "triwulan kuartal semester ta tumbuh naik turun sedangkan serta provinsi "
    "kabupaten kota pusat daerah".split()
) | frozenset(_MONTHS)
_DIRECTIONS = frozenset("barat timur selatan utara tengah daya pegunungan".split())
_NOT_NATIONAL_BEFORE = frozenset({"bank", "republik"})
_MONEY_SIGNS = frozenset({"rp", "us", "usd"})
_STATE_MONEY = frozenset(
    "utang belanja pendapatan penerimaan anggaran kas keuangan pembiayaan".split()
)
# Parts of the world Indonesia is not in ("pertumbuhan ekonomi Eropa ... 1
# persen"): places abroad like a country, though not in a name ("Bank
# Sentral Eropa"). Not Asia, ASEAN or the Middle East: Indonesia's figures
# are as often set in them ("pasar digital terbesar di Asia Tenggara dengan
# pertumbuhan 14%") or beside them ("akibat perang di Timur Tengah ... sasaran
# inflasi 2,5%").
_WORLD_REGIONS = frozenset({("eropa",), ("afrika",), ("amerika", "latin")})
_WORLD_REGION_STARTS = frozenset(name[0] for name in _WORLD_REGIONS)
_ABROAD_STARTS = COUNTRY_STARTS | _WORLD_REGION_STARTS
# Words a place mention may start with.
_PLACE_FIRST = frozenset(
    {key[0] for key in _KNOWN_WORDS}
    | {key[0] for key in _PREFIXES}
    | {"nasional", "pdb", "tanah", "indonesia", "apbn", "ri", "negara"}
    | _ABROAD_STARTS
)
# Words before "dari" that compare ("lebih rendah dari Argentina 33,6 persen"):
# the country after them is the figure's place after all.
_COMPARED = frozenset(
    "rendah tinggi besar kecil banyak sedikit cepat lambat baik buruk".split()
)
# Before a country, words that make it a trading partner, an origin, a
# currency or a person's initials, not the figure's place: "ekspor ke AS",
# "impor dari China", "investor asal Jepang", "terhadap dolar AS".
_NOT_ITS_PLACE_BEFORE = frozenset(
    "ke dari asal tujuan dengan dolar dollar yen yuan won ringgit peso rupee "
    "baht bath euro franc pound poundsterling lira dirham riyal real "
    # a person's initials: "saudara AS selaku Komisaris", "tersangka AS"
    "saudara saudari sdr tersangka terdakwa inisial berinisial".split()
)


@dataclass(frozen=True)
class _Mention:
    """A place (or a kind cue): where it stands and what it names."""

    start: int
    end: int
    value: str


def _known_at(words: _Words, index: int, limit: int) -> tuple[str, int] | None:
    """The longest known place name at word ``index`` and the index after it."""
    w = words.words
    for size in range(min(_LONGEST_NAME, limit - index), 0, -1):
        name = _KNOWN_WORDS.get(tuple(w[index : index + size]))
        if name is not None:
            return name, index + size
    return None


def _place_at(
    words: _Words, index: int, places: PlaceScopes = NO_PLACES
) -> tuple[str | None, int]:
    """The place named from word ``index`` on, and the index after it
    (``places``: the regencies and cities it may name bare)."""
    w = words.words
    for size in (2, 1):
        kind = _PREFIXES.get(tuple(w[index : index + size]))
        if kind is None:
            continue
        first = stop = index + size
        limit = 1 if kind == "Pulau" else 3
        while (
            stop < len(w)
            and stop - first < limit
            and words.capitalised(stop)
            and w[stop] not in _NAME_STOP
            and w[stop] not in _MONEY_SIGNS  # "Kota Depok Rp 5 miliar"
            # not "Kabupaten/Kota"; a full stop only after an abbreviation
            # ("Kab. Bone"), not in the name ("Kabupaten Bone. Namun ...")
            and words.gap(stop).strip() in (("", ".") if stop == first else ("",))
        ):
            stop += 1
        if stop == first:
            break  # "di kota ini": not a name
        low, high = words.spans[first][0], words.spans[stop - 1][1]
        written = " ".join(words.text[low:high].split())
        known = _known_at(words, first, stop)
        if kind == "province":
            if known and known[0] in _PROVINCES:
                return known[0], known[1]
            return written, stop
        if kind == "Pulau":
            return _ISLANDS.get(written, f"Pulau {written}"), stop
        if known and known[0].startswith(kind + " "):
            return known[0], known[1]
        bare = places.at(w, first)
        if bare is not None and bare[1] <= stop:
            # a regency or city of places.yaml, spelt as there, without the
            # capitalised words after it ("Kota Bandung Kucurkan Hibah",
            # "Kota Padangsidimpuan Ahmad ...")
            name = bare[0].removeprefix("Kabupaten ").removeprefix("Kota ")
            return f"{kind} {name}", bare[1]
        return f"{kind} {written}", stop
    word = w[index]
    if word == "nasional" or (
        word in ("pdb", "apbn", "ri") and words.capitalised(index)
    ):
        return NATIONAL, index + 1
    if word == "tanah" and w[index + 1 : index + 2] == ["air"]:
        return NATIONAL, index + 2
    if word == "negara":
        # the state's own money: "utang negara", "belanja negara"; not another
        # state's, named after it ("anggaran negara Hungaria")
        named_after = (
            index + 1 < len(w)
            and words.capitalised(index + 1)
            and not words.gap(index + 1).strip()  # "Belanja Negara (APBN)"
            and w[index + 1] not in _MONEY_SIGNS  # "negara Rp 1,2 triliun"
        )
        if index and w[index - 1] in _STATE_MONEY and not named_after:
            return NATIONAL, index + 1
        return None, index + 1
    if not words.capitalised(index):
        return None, index + 1
    if word == "indonesia":
        if index and w[index - 1] in _NOT_NATIONAL_BEFORE:
            return None, index + 1
        return NATIONAL, index + 1
    known = _known_at(words, index, len(w))
    if known is None:
        return _bare_place(words, index, places)
    name, stop = known
    if _route_end(words, index, stop):
        return None, stop
    if stop < len(w) and w[stop] in _DIRECTIONS and words.capitalised(stop):
        return None, stop + 1  # "Sulawesi Barat Daya": a place we do not know
    return name, stop


def _route_end(words: _Words, index: int, stop: int) -> bool:
    """Whether the place in words ``index`` to ``stop`` is joined by a hyphen
    to a capitalised word: one end of a route or a line ("Kereta Cepat
    Jakarta-Bandung"), not the place a figure is of. A dash between spaces
    ("Jawa Timur - Mei 2025") parts, not joins."""
    before = index > 0 and words.gap(index) == "-"
    after = stop < len(words.words) and words.gap(stop) == "-"
    return (before and words.capitalised(index - 1)) or (
        after and words.capitalised(stop)
    )


def place_scopes(places: Sequence[ProvincePlaces]) -> PlaceScopes:
    """The scopes of ``places.yaml``'s regencies and cities (``PlaceScopes``),
    less the names this module knows already."""
    return PlaceScopes.of(places, known=_KNOWN_WORDS)


# National news is filed from the capital ("Jakarta, CNN Indonesia --"), and
# an imported article's Region is its dateline's: a Region of Jakarta does
# not make the figures that name no place Jakarta's.
_CAPITAL = "Daerah Khusus Ibukota Jakarta"


def region_scope(region: str | None, places: PlaceScopes = NO_PLACES) -> str | None:
    """The scope an article's Region gives its figures that name no place:
    the region as this module names places ("DKI Jakarta", "jawa-barat" and
    "Lampung Selatan" are "Daerah Khusus Ibukota Jakarta", "Jawa Barat" and
    "Kabupaten Lampung Selatan"; a name it does not know as written), none
    for the capital."""
    if not region:
        return None
    words = tuple(normalize(region.replace("-", " ")).split())
    name = _KNOWN_WORDS.get(words) or places.names.get(words) or region
    return None if name == _CAPITAL else name


_STATISTICS = re.compile(r"\b(?:Badan Pusat Statistik|BPS)\b(?:\s*\(BPS\))?")


def _national_statistics(text: str, places: PlaceScopes) -> bool:
    """Whether the text names Statistics Indonesia and never a regional
    office of it ("BPS NTB", "Badan Pusat Statistik (BPS) Provinsi Lampung",
    "BPS Banyuwangi"): its figures that name no place are the country's."""
    named = False
    for found in _STATISTICS.finditer(text):
        named = True
        words = _Words.read(text, found.end(), min(len(text), found.end() + 60))
        if words.words and words.gap(0).strip() in ("", ","):
            here = _find_places(words, places)
            if here and here[0].start == words.spans[0][0]:
                return False
    return named


def _bare_place(
    words: _Words, index: int, places: PlaceScopes
) -> tuple[str | None, int]:
    """A regency or city named without "Kabupaten" or "Kota" ("di
    Banyuwangi"), not where a capitalised word goes on from it (a person's,
    a company's name: "Bima Arya", "Metro TV"), nor at either end of a
    route ("Jakarta-Bandung"), nor in a facility's name ("Stasiun
    Manggarai"), nor after a quote verb (a speaker's: "kata Bima") nor, for a
    name that is also a common word, at the sentence's start ("Batu bara
    ...")."""
    found = places.at(words.words, index)
    if found is None:
        return None, index + 1
    name, stop = found
    goes_on = stop < len(words.words) and not words.gap(stop).strip()
    if goes_on and words.capitalised(stop):
        return None, stop
    if _route_end(words, index, stop):
        return None, stop
    if (
        index
        and words.words[index - 1] in FACILITY_WORDS
        and words.capitalised(index - 1)
    ):
        return None, stop
    if index == 0 and words.words[index] in COMMON_WORD_NAMES:
        return None, stop
    if index and words.words[index - 1] in QUOTE_VERBS:
        return None, stop
    return name, stop


def _country_name_at(words: _Words, index: int) -> int:
    """How many words from ``index`` name another country (or a part of the
    world), as a name only."""
    w = words.words
    if w[index] in _WORLD_REGION_STARTS:
        for name in _WORLD_REGIONS:
            size = len(name)
            if tuple(w[index : index + size]) != name:
                continue
            if any(words.gap(i).strip() for i in range(index + 1, index + size)):
                continue
            if index and words.capitalised(index - 1) and not words.gap(index).strip():
                return 0  # in a name: "Bank Sentral Eropa"
            return size
    return country_at(w, index, lambda i: not words.gap(i).strip())


def _country_at(words: _Words, index: int) -> int:
    """The words from ``index`` that name another country as a figure's place
    (0 if none): capitalised, not after "ke", "dolar" ... (``_NOT_ITS_PLACE_BEFORE``)
    nor its short form in brackets after a name ("dolar Amerika Serikat (AS)")."""
    w = words.words
    if not words.capitalised(index):
        return 0
    if index:
        before = w[index - 1]
        # "lebih rendah dari AS", "ekspor iPhone dari China": the country's
        # own, not an origin ("impor dari China").
        compared = before == "dari" and (
            (index > 1 and w[index - 2] in _COMPARED)
            or "ekspor" in w[max(0, index - 3) : index - 1]
        )
        # A clause may open with it ("..., Islandia telah menyambut"); a
        # bracket or dash before it makes it a short form or a pair's.
        if words.gap(index).strip(" ,;:") or (
            before in _NOT_ITS_PLACE_BEFORE and not compared
        ):
            return 0
    return _country_name_at(words, index)


def _find_places(words: _Words, places: PlaceScopes = NO_PLACES) -> list[_Mention]:
    found = []
    index = 0
    w = words.words
    while index < len(w):
        if w[index] not in _PLACE_FIRST and w[index] not in places.first_words:
            index += 1
            continue
        size = _country_name_at(words, index) if w[index] in _ABROAD_STARTS else 0
        if size:
            if _country_at(words, index):
                end = words.spans[index + size - 1][1]
                found.append(_Mention(words.spans[index][0], end, ABROAD))
            # else not its place ("ke Republik Rakyat Tiongkok"): nor is any
            # word of the name ("Tiongkok")
            index += size
            continue
        name, stop = _place_at(words, index, places)
        if name is not None:
            found.append(
                _Mention(words.spans[index][0], words.spans[stop - 1][1], name)
            )
        index = max(stop, index + 1)
    return found


# ---------------------------------------------------------------------------
# Kinds and economic words.

_CUES = {
    **dict.fromkeys(
        "ditargetkan menargetkan targetnya target sasaran dipatok mematok "
        "membidik dibidik bidikan dicanangkan mencanangkan".split(),
        "target",
    ),
    **dict.fromkeys(
        "diproyeksikan diproyeksi memproyeksikan proyeksi diprediksikan diprediksi "
        "memprediksi prediksi akan bakal diharapkan mendatang outlook berpotensi "
        "berpeluang kemungkinan".split(),
        "projection",
    ),
    **dict.fromkeys(
        "diperkirakan memperkirakan perkiraan estimasi diestimasikan diestimasi "
        "ditaksir taksiran".split(),
        "estimate",
    ),
    **dict.fromkeys("realisasi terealisasi capaian".split(), "realised"),
    # a budget's planning figures: "asumsi dasar ekonomi makro 2027"
    **dict.fromkeys("asumsi diasumsikan".split(), "projection"),
}
# Words that set the figure before them against a target ("110 persen dari
# target") and name the target in the figure after them ("dari target
# sebelumnya 6,5-7,5%").
_OF_TARGET = "of target"
_CUE_PAIRS = {
    ("tahun", "depan"): "projection",
    ("angka", "sementara"): "estimate",
    ("dari", "target"): _OF_TARGET,
    ("melampaui", "target"): _OF_TARGET,
    ("melebihi", "target"): _OF_TARGET,
    ("capaian", "target"): "realised",
    ("target", "realisasi"): "target",
}
# The value an expected change starts from is the one now: "BI rate dipangkas
# dari angka 5,75% ke angka 5,5%", "ditargetkan turun dari 9 persen menjadi 7".
_CHANGE_FROM = re.compile(r"\bdari\s+(?:(?:angka|level|posisi)\s+)?$", re.IGNORECASE)
_CHANGE_TO = re.compile(r"\s*(?:menjadi|ke)\b", re.IGNORECASE)
# ... when a verb says the change is expected ("akan", "diproyeksikan"), not
# when the figures are targets or forecasts themselves, revised ("target
# pertumbuhan kredit ... direvisi dari 12 persen menjadi 12,6 persen").
_VERB_CUE = re.compile(r"(?:di|me|akan\b|bakal\b)", re.IGNORECASE)
_REVISED = re.compile(r"\b(?:di|me)?revisi\b", re.IGNORECASE)
_CUE_FIRST = frozenset(_CUES) | {first for first, _ in _CUE_PAIRS}
_ECONOMIC = frozenset(
    "ekonomi perekonomian pertumbuhan tumbuh naik kenaikan turun penurunan meningkat "
    "peningkatan menurun melambat inflasi deflasi ekspor impor investasi produksi "
    "harga nilai kontribusi pangsa porsi pdb pdrb anggaran apbd apbn realisasi omzet "
    "omset penjualan pendapatan kredit pembiayaan industri usaha pasar target laba "
    "modal miskin kemiskinan pengangguran upah gaji pajak retribusi bunga utilisasi "
    "kapasitas surplus defisit neraca pekerja produktivitas konsumsi belanja saham "
    "ihsg perdagangan transaksi aset biaya tarif subsidi devisa panen ikm umkm ukm "
    "koperasi perusahaan pabrik".split()
)


def _find_cues(words: _Words) -> list[_Mention]:
    found = []
    w = words.words
    index = 0
    while index < len(w):
        word = w[index]
        if word not in _CUE_FIRST:
            index += 1
            continue
        kind = _CUE_PAIRS.get((word, *w[index + 1 : index + 2]))
        size = 2
        if kind is None:
            kind, size = _CUES.get(word), 1
        if kind is not None:
            end = words.spans[index + size - 1][1]
            found.append(_Mention(words.spans[index][0], end, kind))
        index += size
    return found


def _is_economic(word: str) -> bool:
    return word in _ECONOMIC or (word.endswith("nya") and word[:-3] in _ECONOMIC)


# Words that may stand between two figures of the same indicator.
# Words a sentence opens with when it goes on listing what the one before
# listed.
_CONTINUING = frozenset({"disusul", "diikuti", "sedangkan"})
_LINKING = (
    frozenset(
        "dan serta sedangkan sementara itu atau pada di ke dari untuk dengan per "
        "sebesar sebanyak senilai mencapai menjadi tercatat adalah yakni yaitu "
        "sekitar hanya masih juga pula naik turun tumbuh meningkat menurun hingga "
        "sampai yang lalu "
        "ini lebih rendah tinggi dibanding dibandingkan periode sama bulan tahun "
        "triwulan kuartal semester year on yoy secara tahunan angka level berada "
        "kabupaten kota provinsi disusul diikuti perkotaan perdesaan pedesaan "
        "desa".split()
    )
    | frozenset(_MONTHS)
    | frozenset(_SHORT_MONTHS)
    | frozenset(_PART)
)

# Units of the same kind: a figure may measure an indicator of its kind.
_KIND_OF_UNIT = {
    "percent": "percent",
    "rupiah": "money",
    "usd": "money",
    "count": "count",
    "person": "count",
    "unit": "count",
    "household": "count",
    "index": "index",
    "tonnes": "tonnes",
    "hectares": "hectares",
}
_BARE_KINDS = frozenset({"count", "index", "tonnes", "hectares"})
_BARE_REACH = 80  # characters between a phrase and a bare number it names
# Words right before a bare number that make it a count of what the phrase
# names ("penyerapan pekerja ... menembus 3.635"; not "melalui 19 pintu
# utama", "UUD 45", "John Hansen (31)").
_BARE_COUNT_LEAD = frozenset(
    "mencapai sebanyak sejumlah berjumlah menembus menjadi tercatat sekitar hingga "
    "capai ada hanya total dari sebesar yakni yaitu kurang lebih hampir tinggal "
    "kini".split()
)
# After an amount of money, a unit of goods makes it a price: "US$ 42,8 per
# barel" is no export value, "Rp 6.000/kg" no budget.
_PER_GOODS = re.compile(
    r"\s*(?:/|per\s+|se)(?:barel|barrel|bbl|ton|kg|kilogram|kilo|gram|gr|ons|"
    r"troy\s+ons|liter|lt|kwh|mmbtu|ekor|butir|lembar|buah|pcs|unit|botol|bungkus|"
    r"karung|saham|lot|porsi|meter|m2|m3|hektare|hektar|ha|produk|item|barang|"
    r"paket|pasang|biji|tiket)\b",
    re.IGNORECASE,
)
# What ends a quote before its attribution: '6%," kata dia', '6%, ujar dia'.
_QUOTE_ENDS = (",", '"', "\u201d", "'", "\u2019")
# A count written out after it: "3 (tiga) variabel" counts variables.
_SPELT_OUT = re.compile(r"\s*\(\s*[^\W\d_]+\s*\)")
# Before a figure, words that make it a change, not a level: an index "naik
# sebesar 1,05 poin" moved by that much (it stands "di level 52,89").
# Between a change and the level it brings: "naik 1,2 poin menjadi 122,64".
_CHANGE_LEAD = 4  # words at most from the stretch's start to such a change
_NEW_LEVEL = re.compile(r"\s+(?:menjadi|ke\s+level|ke\s+posisi)\s+", re.IGNORECASE)
# ... and an amount or count right after one is by how much ("berkurang 4,03
# ribu orang"; "naik hingga Rp 18.000" is where to, "naik menjadi" too).
_RISE_FALL = (
    r"naik|turun|meningkat|menurun|bertambah|berkurang|melonjak|merosot|anjlok|"
    r"kenaikan|penurunan|peningkatan"
)
_CHANGE_BY = re.compile(
    rf"\b(?:{_RISE_FALL}|tambahan)(?:\s+(?:sebesar|sekitar|sebanyak))?\s*$",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    rf"\b(?:{_RISE_FALL}|melemah|menguat|terkoreksi|melambat|percepatan|"
    r"perlambatan|pelemahan|penguatan)"
    r"(?:\s+(?:sebesar|sekitar|hingga))?\s*$",
    re.IGNORECASE,
)
# Words between an indicator's phrase and a figure after it that the phrase names.
_FOLLOWING_WORDS = 3
# Between a percentage and an indicator's phrase after it, words that make the
# figure no value of it: "80 persen dari suku bunga acuan", "3 persen dari PDB"
# (a share of it); "depresiasi 30,6% dengan tingkat inflasi ..." (another
# subject's).
_NOT_ITS_VALUE_BEFORE = re.compile(
    r"\s+(?:(?:dari|terhadap)(?:\s+(?:total|nilai))?|dengan(?:\s+tingkat)?)\s+",
    re.IGNORECASE,
)


# Between a figure and the same thing in another unit: "8,57% atau 24,06
# juta jiwa", "23,85 juta orang (8,47 persen)".
_PAIRED = re.compile(r"\s*(?:,\s*)?(?:atau|\()\s*(?:sekitar\s+|setara\s+)?")
# Between a figure and a percentage that is its rise or fall: ", naik 10
# persen", " atau turun sebesar 2,1 persen", " per kapita per bulan, naik".
_CHANGE_AFTER = re.compile(
    r"(?:\s+per\s+\w+){0,3}\s*,?\s*(?:atau\s+|dan\s+)?"
    r"(?:naik|turun|meningkat|menurun|tumbuh|melonjak|anjlok|merosot|terkontraksi)"
    r"(?:\s+(?:sebesar|sekitar|hingga))?\s*",
    re.IGNORECASE,
)
# Before a figure, the value of a comparison's base: "naik dibanding April
# 2025 yang sebesar US$ 450 juta" (that period's), "dibanding bulan
# sebelumnya yang sebesar 2,1 persen" (another period's, which the base does
# not date).
_BASE_VALUE_END = (
    r"(?:\byang\s+(?:sebesar|sebanyak|senilai|tercatat|mencapai|hanya)"
    r"|,?\s*\b(?:yakni|yaitu))\s*$"
)
_LAST_YEAR = re.compile(r"\btahun\s+(?:lalu|sebelumnya)\b", re.IGNORECASE)
_PART_OF_YEAR = frozenset(
    {"akhir", "awal", "pertengahan", "semester", *_QUARTER_WORDS, *_MONTHS}
) | frozenset(_SHORT_MONTHS)


def _last_year(text: str, start: int, end: int) -> bool:
    """Whether a comparison's base is the same period a year before:
    "periode yang sama tahun lalu", "BPIH tahun lalu"; not a part of last
    year ("Desember tahun lalu", "akhir tahun lalu")."""
    return bool(_LAST_YEAR.search(text, start, end)) and _PART_OF_YEAR.isdisjoint(
        normalize(text[start:end]).split()
    )


def _year_before(period: _Period | None) -> _Period | None:
    """``period`` a year earlier ("Januari-November 2025" -> "Januari-November
    2024"); None for none, a span of years or a label with no year."""
    if period is None or period.year is None or period.label is None:
        return None
    head, year, rest = period.label.rpartition(str(period.year))
    if not year or rest or _LABEL_YEAR.search(head):
        return None
    return replace(period, label=f"{head}{period.year - 1}", year=period.year - 1)


_COMPARED_VALUE = re.compile(
    r"\b(?:dibanding(?:kan)?|terhadap)\b(?P<base>[^,.;]*?)" + _BASE_VALUE_END,
    re.IGNORECASE,
)
# Its end alone, looked for first (few figures have it).
_BASE_VALUE_LEAD = re.compile(_BASE_VALUE_END, re.IGNORECASE)
# Between a comparison's base period and its value: "dibandingkan Juli 2024
# sebesar 2,13%", "dibanding Juli tahun lalu (yoy) yang mencapai 2,13%",
# "dari kuartal II 2016 lalu yang meningkat 6,23 persen", "dari realisasi
# tahun lalu, 4,79 persen".
_BASE_PERIOD_VALUE = re.compile(
    r"\s*(?:lalu\s*)?"
    r"(?:\(\s*(?:yoy|mtm|y-o-y|m-t-m|year\s+on\s+year|month\s+to\s+month)\s*\)\s*)?"
    r"(?:,\s*|(?:,\s*)?(?:yang\s+)?(?:(?:naik|turun|tumbuh|meningkat|menurun)\s+)?"
    r"(?:sebesar|sebanyak|senilai|tercatat|mencapai|hanya|(?:di|pada)\s+(?:level|angka"
    r"|posisi))\s*|(?:,\s*)?yang\s+(?:naik|turun|tumbuh|meningkat|menurun)\s+)",
    re.IGNORECASE,
)
# Between a compared value and its base period after it: " pada ".
_VALUE_BASE_PERIOD = re.compile(
    r"\s+(?:pada|di)\s+(?:(?:periode|bulan)\s+)?", re.IGNORECASE
)
_YEAR_IN = re.compile(r"\b(?:19|20)\d{2}\b")
# Marks that end a clause inside a phrase's gap.
_CLAUSE_MARK = re.compile(r"[,;:]\s|[.!?]\s")
# A source or speaker set between commas inside a clause ("Ekspor kopi
# Lampung, menurut BPS, naik 10 persen"): no clause of its own.
_ASIDE = re.compile(
    r",\s*(?:menurut|berdasarkan|kata|ujar|jelas|tutur|ungkap|sebut|seperti"
    r"|sebagaimana|dilansir|mengutip)\b[^,;:.!?]{0,80},\s",
    re.IGNORECASE,
)
# Words between a fall ("kontraksi") and its figure.
_FALL_GAP = frozenset({"sebesar", "sekitar", "hingga", "mencapai"})
_START = itemgetter(0)  # of a word's span


def _fall(value: float, value_max: float | None) -> tuple[float, float | None]:
    """A figure a fall names, negative: "kontraksi 1-2 persen" is -2 to -1;
    one already negative ("terkontraksi minus 5,32 persen") stays so."""
    if value_max is None:
        return -abs(value), None
    low, high = sorted((-abs(value), -abs(value_max)))
    return low, high


def _compatible(quantity: Quantity, unit: str) -> bool:
    kind = _KIND_OF_UNIT.get(unit)
    if quantity.unit is None:
        return kind in _BARE_KINDS
    return _KIND_OF_UNIT.get(quantity.unit) == kind


def _article_day(article_date: dt.date | str | None) -> dt.date | None:
    if article_date is None:
        return None
    if isinstance(article_date, str):
        return dt.date.fromisoformat(article_date[:10])
    return dt.date(article_date.year, article_date.month, article_date.day)


# A day in figures after a day's name, as news dates their quotes: "Kamis
# (28/5/2026)", "penutupan Jumat (11/7)".
_NUMERIC_DAY = re.compile(r"\((\d{1,2})/(\d{1,2})(?:/(\d{4}))?\)")
_DAY_REACH = 1000  # characters before a sentence a day it goes on from may be

# An indicator's short phrase ("pertumbuhan", "suku bunga") names it within
# this many characters after its full name, and only when the word after it
# is no noun of another subject ("pertumbuhan kredit"): a number, a linking
# word, or a verb or adjective by its prefix ("diperkirakan", "terbesar").
_SHORT_REACH = 600
_VERB_PREFIXES = ("di", "me", "ber", "ter")

# A dateline opening the text names where the news was filed, no figure's
# place: "Jakarta (ANTARA News) -", "JAKARTA, KOMPAS.com -", "Jakarta -".
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2})\s*"
    r"(?:\([^()\n]{1,40}\)|,\s*[^\s,]{2,30}(?:\s[^\s,]{2,20})?)?\s*[-–—]{1,2}\s"
)


def _dateline_end(text: str, places: PlaceScopes) -> int:
    """Where the place of a dateline opening ``text`` ends (0 if none): a
    place's name alone ("Inflasi Jakarta - Bogor" opens with none), then the
    source, whose name may still say the news is national ("CNN
    Indonesia")."""
    found = _DATELINE.match(text)
    if found is None:
        return 0
    start, end = found.span("place")
    named = _find_places(_Words.read(text, start, end), places)
    if len(named) != 1 or named[0].start != start or named[0].end != end:
        return 0
    return end


# Where an event was held is no figure's place: "dalam jumpa pers di Jakarta",
# "rapat kerja di Gedung DPR, Jakarta".
_EVENT_WORDS = (
    r"jumpa pers|konferensi pers|press conference|acara|rapat(?: kerja)?|seminar|"
    r"diskusi|pertemuan|sidang|webinar|peluncuran|kunjungan kerja"
)
_EVENT = re.compile(rf"\b(?:{_EVENT_WORDS})\b", re.IGNORECASE)
_HELD_AT = re.compile(
    rf"\b(?:{_EVENT_WORDS})\b[^.,;:\d]{{0,40}}?\bdi\s+(?:[^.,;:\d]{{0,40}},\s*)?$",
    re.IGNORECASE,
)
_EVENT_REACH = 100

# The world's economy, in or right after an indicator's phrase.
_WORLD = frozenset({"global", "dunia"})
_PLACE_REACH = 1000  # characters before a sentence its figures' country may be
_MEMBER_REACH = 600  # ... and the member (a bank) its figures may be of


def _may_follow_short(word: str) -> bool:
    return (
        word[:1].isdigit()
        or word in _LINKING
        or word in _CUE_FIRST
        or (len(word) > 4 and word.startswith(_VERB_PREFIXES))
    )


def _numeric_day(text: str, start: int, end: int, year: int | None) -> dt.date | None:
    """The last real day written in figures between ``start`` and ``end``
    (a missing year is ``year``)."""
    named = None
    for found in _NUMERIC_DAY.finditer(text, start, end):
        day, month, named_year = found.groups()
        try:
            named = dt.date(int(named_year or year or 0), int(month), int(day))
        except ValueError:
            continue
    return named


def _day(date: dt.date) -> _Period:
    return _Period(0, 0, day_month_year(date), "", date.year)


def _month_of(period: _Period | None) -> _Period | None:
    """A day's period as its month's ("20 Mei 2026" -> "Mei 2026")."""
    named = _DAY_MONTH_YEAR.fullmatch(period.label or "") if period else None
    if named is None or not period.label[:1].isdigit():
        return period
    return replace(period, label=f"{named[1]} {named[2]}")


_LABEL_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _period_end(label: str) -> tuple[int, int, int | None] | None:
    """The year, month and (for a day) day a period label ends in: "2025"
    and "akhir 2025" in December, "triwulan III 2025" in September,
    "Januari-April 2026" in April, "30 April 2026" on that day; None for a
    label it cannot read."""
    years = list(_LABEL_YEAR.finditer(label))
    if not years:
        return None
    year = int(years[-1].group())
    head = label[: years[-1].start()].strip()
    if head in ("", "akhir") or _LABEL_YEAR.match(head):
        return year, 12, None  # a year, its end, a span of years
    day, _, month_name = head.partition(" ")
    if day.isdigit():  # "30 April"
        month = MONTH_NUMBERS.get(month_name, 0)
        return (year, month, int(day)) if month else None
    month = _last_month(head)
    return (year, month, None) if month else None


def _first_month(part: str) -> int:
    """The first month of a month, months, quarter or half ("Juni",
    "Januari-Maret", "triwulan IV", "semester II"); 0 if none."""
    head, _, number = part.partition(" ")
    if head == "triwulan":
        return 3 * _ROMAN.get(number, 0) - 2
    if head == "semester":
        return 6 * _ROMAN.get(number, 0) - 5
    return MONTH_NUMBERS.get(part.partition("-")[0], 0)


def _last_month(part: str) -> int:
    """The last month of a month, months, quarter or half ("Juni",
    "Januari-Maret", "triwulan IV", "semester II"); 0 if none."""
    head, _, number = part.partition(" ")
    if head == "triwulan":
        return 3 * _ROMAN.get(number, 0)
    if head == "semester":
        return 6 * _ROMAN.get(number, 0)
    return MONTH_NUMBERS.get(part.rpartition("-")[2], 0)


# ---------------------------------------------------------------------------
# One sentence.


@dataclass(frozen=True)
class _Match:
    """A catalogue phrase in the sentence; ``words`` are the character spans
    of the phrase's own words (what stands in its gaps is not part of it)."""

    indicator: Indicator
    start: int
    end: int
    size: int
    words: tuple[tuple[int, int], ...]
    names: tuple[str, ...]  # those words, normalised, "-nya" taken off

    def holds(self, mention: _Mention) -> bool:
        return any(
            mention.start < end and start < mention.end for start, end in self.words
        )


@dataclass(frozen=True)
class _Stretch:
    """The part of a clause a figure owns: from the figure before to the next."""

    clause: tuple[int, int]
    before: int  # end of the figure before (or the clause's start)
    after: int  # start of the next figure (or the clause's end)


def _nearest_before(items, position: int, low: int):
    best = None
    for item in items:
        if (
            low <= item.start
            and item.end <= position
            and (best is None or item.end > best.end)
        ):
            best = item
    return best


def _nearest_after(items, position: int, high: int):
    best = None
    for item in items:
        if (
            position <= item.start
            and item.end <= high
            and (best is None or item.start < best.start)
        ):
            best = item
    return best


class _Sentence:
    """What one sentence says around its quantities."""

    def __init__(
        self,
        text: str,
        span: tuple[int, int],
        quantities: Sequence[Quantity],
        catalogue: Catalogue,
        article_day: dt.date | None,
        place_scopes: PlaceScopes = NO_PLACES,
        dateline_end: int = 0,
    ) -> None:
        self.text = text
        self.dateline_end = dateline_end
        self.place_scopes = place_scopes
        self.start, self.end = span
        self.quantities = quantities
        self.catalogue = catalogue
        self.article_day = article_day
        self.article_year = article_day.year if article_day else None
        self.article_month = article_day.month if article_day else None
        self.words = _Words.read(text, self.start, self.end)
        # The words as phrases read them ("impornya" as "impor").
        self.tokens = catalogue.phrase_words(self.words.words)
        items = _list_items(self.words, self.start, self.end)
        self.list_items = frozenset(items)
        starts = _clause_starts(self.words, self.start, self.end, items)
        self.clauses = list(zip(starts, [*starts[1:], self.end], strict=True))
        self.clause_starts = starts
        self._before: str | None = None  # read by the phrase matches below
        self.matches = self._phrase_matches()
        self._short: list[_Match] | None = None
        self._periods: list[_Period] | None = None
        self._bases: list[_Period] = []
        self._places: list[_Mention] | None = None
        self._cues: list[_Mention] | None = None
        self._attributions: list[int] | None = None
        # The last figure of an indicator ``figures`` found, for the next
        # sentence to go on from.
        self.last_of_indicator: tuple[Quantity, _Match] | None = None

    # Read only when a figure of the sentence is kept.

    @property
    def periods(self) -> list[_Period]:
        if self._periods is None:
            self._read_periods()
        return self._periods

    @property
    def bases(self) -> list[_Period]:
        """The periods the sentence compares with ("dibanding Juli 2024")."""
        if self._periods is None:
            self._read_periods()
        return self._bases

    def _read_periods(self) -> None:
        self._bases = []
        self._periods = _find_periods(
            self.words, self.quantities, self.article_year, self._bases
        )

    @property
    def places(self) -> list[_Mention]:
        if self._places is None:
            self._places = _find_places(self.words, self.place_scopes)
        return self._places

    @property
    def cues(self) -> list[_Mention]:
        if self._cues is None:
            self._cues = _find_cues(self.words)
        return self._cues

    def _phrase_matches(self) -> list[_Match]:
        tokens = self.tokens
        found = self.catalogue.find_phrases(tokens)
        if not found:
            return []
        by_id = self.catalogue.by_id
        spans = self.words.spans
        matches = (
            _Match(
                by_id[match.indicator_id],
                spans[match.first][0],
                spans[match.stop - 1][1],
                match.size,
                tuple((spans[a][0], spans[b - 1][1]) for a, b in match.parts),
                tuple(token for a, b in match.parts for token in tokens[a:b]),
            )
            for match in found
            if self._admits(match.indicator_id)
            and not (
                by_id[match.indicator_id].not_within
                and by_id[match.indicator_id].within_other(
                    tokens, match.first, match.stop
                )
            )
        )
        return [match for match in matches if self._in_one_clause(match)]

    def _in_one_clause(self, match: _Match) -> bool:
        """A phrase's gap ("ekspor ... naik") stays in one clause: not "stop
        ekspor, CPO naik 100%" (a price's rise), though it may cross an aside
        ("ekspor kopi Lampung, menurut BPS, naik 10 persen")."""
        text = self.text
        return not any(
            _CLAUSE_MARK.search(text, end, start)
            and _CLAUSE_MARK.search(_ASIDE.sub(" ", text[end:start]))
            for (_, end), (start, _) in pairwise(match.words)
        )

    @cached_property
    def _padded(self) -> str:
        """The sentence's phrase tokens, a space each end and between."""
        return f" {' '.join(self.tokens)} "

    def _admits(self, indicator_id: str) -> bool:
        """The sentence may hold the indicator's figures: its subject words
        and none it excludes, and no single member it adds up (a bank)."""
        catalogue = self.catalogue
        return catalogue.sentence_admits(
            indicator_id, self._padded
        ) and not catalogue.names_member(
            indicator_id, self._padded, self._padded_before
        )

    def of_world(self, match: _Match) -> bool:
        """The phrase names the world's economy: "global" or "dunia" stands
        in it or right after it ("ekonomi dunia tumbuh", "pertumbuhan ekonomi
        global"; not "Bank Dunia", which is no part of a phrase)."""
        spans, words = self.words.spans, self.words.words
        index = bisect_left(spans, match.start, key=_START)
        while index < len(spans):
            if words[index] in _WORLD:
                return True
            if spans[index][0] >= match.end:
                break  # the word right after the phrase read
            index += 1
        return False

    def _padded_before(self) -> str:
        """The text just before the sentence, normalised, a space each end
        (read once)."""
        if self._before is None:
            low = max(0, self.start - _MEMBER_REACH)
            self._before = f" {normalize(self.text[low : self.start])} "
        return self._before

    @cached_property
    def figure_places(self) -> list[_Mention]:
        """The places the sentence names that a figure may be of: not a
        dateline's (where the news was filed from) nor an event's."""
        places = self.places
        if self.start < self.dateline_end:
            places = [place for place in places if place.start >= self.dateline_end]
        if places and _EVENT.search(self.text, self.start, self.end):
            places = [place for place in places if not self.where_held(place)]
        return places

    def where_held(self, place: _Mention) -> bool:
        """The place is where an event was held ("dalam jumpa pers di
        Jakarta, Rabu"), not what a figure is of."""
        low = max(self.start, place.start - _EVENT_REACH)
        return _HELD_AT.search(self.text, low, place.start) is not None

    @cached_property
    def place_before(self) -> str | None:
        """The place named last in the text just before the sentence (read in
        a short stretch first: most are near)."""
        for reach in (_PLACE_REACH // 4, _PLACE_REACH):
            low = max(0, self.start - reach)
            found = _find_places(
                _Words.read(self.text, low, self.start), self.place_scopes
            )
            if found or low == 0:
                return found[-1].value if found else None
        return None

    def _named_before(self) -> dict[str, int]:
        """The indicators with short phrases named in full in the text just
        before the sentence, each with where its last mention ends."""
        low = max(0, self.start - _SHORT_REACH)
        words = _Words.read(self.text, low, self.start)
        catalogue = self.catalogue
        return {
            match.indicator_id: words.spans[match.stop - 1][1]
            for match in catalogue.find_phrases(catalogue.phrase_words(words.words))
            if catalogue.by_id[match.indicator_id].short
        }

    @property
    def short_matches(self) -> list[_Match]:
        """The short phrases of indicators named in full just before them
        (``_named_before``, or earlier in the sentence): "Dalam laporan
        terbaru, pertumbuhan diperkirakan 4,8%" after "pertumbuhan ekonomi
        Indonesia ... 5%"; the indicator named last when several share one."""
        if self._short is None:
            self._short = self._find_short() if self.catalogue.short_by_first else []
        return self._short

    def _find_short(self) -> list[_Match]:
        tokens = self.tokens
        by_first = self.catalogue.short_by_first
        firsts = [index for index, token in enumerate(tokens) if token in by_first]
        if not firsts:
            return []
        named = self._named_before()
        spans = self.words.spans
        found = []
        for index in firsts:
            best: tuple[int, str, tuple[str, ...]] | None = None
            start = spans[index][0]
            for indicator_id, words in by_first[tokens[index]]:
                stop = index + len(words)
                if tuple(tokens[index:stop]) != words:
                    continue
                if stop < len(tokens) and not _may_follow_short(tokens[stop]):
                    continue
                own = [m.end for m in self.matches if m.indicator.id == indicator_id]
                last = max(
                    [end for end in own if end <= start]
                    + ([named[indicator_id]] if indicator_id in named else []),
                    default=None,
                )
                if last is not None and (best is None or last > best[0]):
                    best = (last, indicator_id, words)
            if best is None:
                continue
            _, indicator_id, words = best
            stop = index + len(words)
            end = spans[stop - 1][1]
            if any(m.start < end and start < m.end for m in self.matches):
                continue  # inside a full phrase ("pertumbuhan ekonomi")
            if not self._admits(indicator_id):
                continue
            found.append(
                _Match(
                    self.catalogue.by_id[indicator_id],
                    start,
                    end,
                    len(words),
                    ((start, end),),
                    words,
                )
            )
        return found

    def named_between(self, match: _Match, quantity: Quantity) -> bool:
        """A phrase of another subject (no word in common with ``match``, of
        another indicator) stands between ``match`` and ``quantity``: the
        figure is of what it names ("ekspor tumbuh 10 persen dan impor naik 12
        persen"; not "turunnya ekspor migas sebesar 29,5 persen dan ekspor
        nonmigas sebesar 0,3 persen", nor "dolar AS ... menekan Rupiah
        sebesar 0,04% pada level Rp 17.853")."""
        between = [
            other
            for other in self.matches
            if match.end <= other.start
            and other.end <= quantity.start
            and other.indicator is not match.indicator
        ]
        if not between:
            return False
        own = set(match.names)
        return any(own.isdisjoint(other.names) for other in between)

    def other_figure_in_gap(self, match: _Match, quantity: Quantity) -> bool:
        """Another figure stands in the phrase's gap: its words name two
        statements ("ekspor tumbuh 10 persen dan impor naik 12 persen" is no
        export's rise of 12 %; but "populasi IKM 64% masih terkonsentrasi di
        pulau Jawa" names the 64 % in its gap)."""
        return any(
            end <= other.start < start
            for (_, end), (start, _) in pairwise(match.words)
            for other in self.quantities
            if other is not quantity
        )

    def clause_of(self, position: int) -> tuple[int, int]:
        return self.clauses[bisect_right(self.clause_starts, position) - 1]

    def stretch(self, quantity: Quantity) -> _Stretch:
        """The figure's stretch; a change right before it that it is the new
        level of does not end it where only a few words lead to the change
        ("NTP naik 1,2 poin menjadi 122,64"; not "pendapatan investasi
        sebesar 73,51% menjadi US$5,47 juta", whose subject is longer)."""
        clause = self.clause_of(quantity.start)
        before, after = clause
        for other in self.quantities:
            if other is quantity or other.bare:
                continue
            if clause[0] <= other.start < clause[1]:
                if other.end <= quantity.start:
                    if _NEW_LEVEL.fullmatch(self.text, other.end, quantity.start) and (
                        len(self.text[before : other.start].split()) <= _CHANGE_LEAD
                    ):
                        continue
                    before = max(before, other.end)
                elif other.start >= quantity.end:
                    after = min(after, other.start)
        return _Stretch(clause, before, after)

    # -- indicator ---------------------------------------------------------

    def figure_follows(self, position: int) -> bool:
        """A quantity follows ``position`` within a few words: a phrase there
        names that figure, not the one before it ("naik menjadi 12,5% saat
        inflasi melonjak 17%")."""
        following = next(
            (q for q in self.quantities if q.start >= position and not q.bare), None
        )  # the nearest (quantities stand in the text's order): no other is nearer
        return following is not None and (
            len(self.text[position : following.start].split()) <= _FOLLOWING_WORDS
        )

    def change(self, quantity: Quantity) -> bool:
        """``quantity`` follows a verb of change ("naik sebesar 1,05 poin")."""
        low = max(self.start, quantity.start - 30)
        return _CHANGE_BEFORE.search(self.text, low, quantity.start) is not None

    def attribution_after(self, position: int) -> int | None:
        """Where the attribution of a quote after ``position`` starts ('...,"
        kata dia', '..., ujar Purbaya'), or None."""
        if self._attributions is None:
            self._attributions = self._find_attributions()
        at = bisect_right(self._attributions, position)
        return self._attributions[at] if at < len(self._attributions) else None

    def _find_attributions(self) -> list[int]:
        words = self.words
        if QUOTE_VERBS.isdisjoint(words.words):
            return []
        return [
            start
            for index, (word, (start, _)) in enumerate(
                zip(words.words, words.spans, strict=True)
            )
            if index
            and word in QUOTE_VERBS
            and words.gap(index).rstrip().endswith(_QUOTE_ENDS)
        ]

    def bare_counts(self, quantity: Quantity, indicator: Indicator) -> bool:
        """A bare number can be ``indicator``'s figure: an index's level, or
        a count a lead word such as "mencapai" brings and no other noun
        follows ("sekitar 544 tim" counts teams)."""
        if _SPELT_OUT.match(self.text, quantity.end):
            return False
        if indicator.unit == "index":
            return True
        words, spans = self.words.words, self.words.spans
        after = bisect_left(spans, quantity.end, key=_START)
        before = bisect_left(spans, quantity.start, key=_START) - 1
        if before < 0 or words[before] not in _BARE_COUNT_LEAD:
            return False
        if after < len(words) and not self.words.gap(after).strip():
            word = words[after]
            noun = word.isalpha() and self.text[spans[after][0]].islower()
            return not noun or word in _LINKING  # "sebanyak 3.635 dan"
        return True

    def indicator(self, quantity: Quantity, stretch: _Stretch) -> _Match | None:
        if quantity.unit in MONEY and _PER_GOODS.match(self.text, quantity.end):
            return None  # a price
        found = self._nearest(quantity, stretch, self.matches)
        if found is None and self.catalogue.short_by_first:
            found = self._nearest(quantity, stretch, self.short_matches)
        return found

    def _nearest(
        self, quantity: Quantity, stretch: _Stretch, matches: list[_Match]
    ) -> _Match | None:
        """The phrase of ``matches`` the figure is of, if any."""
        candidates = []
        for match in matches:
            if not _compatible(quantity, match.indicator.unit):
                continue
            if not match.indicator.admits(quantity.value, quantity.unit):
                continue  # "kurs" beside "Rp 178 triliun": not a rate
            if (
                match.indicator.unit == "index" or match.indicator.level
            ) and self.change(quantity):
                continue  # "IKI ... naik sebesar 1,05 poin": not its level
            if quantity.unit != PERCENT and _CHANGE_BY.search(
                self.text, max(self.start, quantity.start - 30), quantity.start
            ):
                continue  # "penduduk miskin berkurang 4,03 ribu orang": by how much
            if quantity.bare and not self.bare_counts(quantity, match.indicator):
                continue
            if (
                len(match.words) > 1
                and len(self.quantities) > 1
                and self.other_figure_in_gap(match, quantity)
            ):
                continue
            if match.start < quantity.end and quantity.start < match.end:
                distance = 0
            elif stretch.before <= match.start and match.end <= quantity.start:
                distance = quantity.start - match.end
                if quantity.bare and distance > _BARE_REACH:
                    continue
            elif (
                not quantity.bare
                and quantity.end <= match.start
                and match.end <= stretch.after
                and len(self.text[quantity.end : match.start].split()) <= 2
                and not self.figure_follows(match.end)
            ):
                if quantity.unit == PERCENT and _NOT_ITS_VALUE_BEFORE.fullmatch(
                    self.text, quantity.end, match.start
                ):  # "80 persen dari suku bunga acuan": a share of it, but
                    continue  # "Rp 30 triliun dari APBN" is an amount of it
                distance = 10_000 + match.start - quantity.end
            elif (
                match.indicator.unit == quantity.unit
                and stretch.clause[0] <= match.start
                and match.end <= quantity.start
                and not self.named_between(match, quantity)
            ):  # "ekspor naik 12 persen menjadi US$ 3 juta"
                distance = 20_000 + quantity.start - match.end
            else:
                continue
            candidates.append((distance, match))
        kept = [
            (distance, match)
            for distance, match in candidates
            if not any(
                other.size > match.size
                and other.start < match.end
                and match.start < other.end
                for _, other in candidates
            )
        ]
        if not kept:
            return None
        return min(kept, key=lambda item: (item[0], -item[1].size))[1]

    def continues(self) -> bool:
        """Whether the sentence opens by going on from the one before:
        "Disusul ...", "Diikuti ...", "Sementara itu, ...", "Sedangkan ..."."""
        w = self.words.words
        return bool(w) and (w[0] in _CONTINUING or (w[:2] == ["sementara", "itu"]))

    def parallel(self, start: int, end: int) -> bool:
        """True if ``text[start:end]``, between two figures, names nothing new:
        only linking words, places and periods ("dan Februari", ", sedangkan
        Kota Metro"), so that the second figure measures what the first does."""
        if any(start <= m.start and m.end <= end for m in self.matches):
            return False
        named = [*self.places, *self.periods, *self.quantities]
        for word, (low, high) in zip(self.words.words, self.words.spans, strict=True):
            if low < start or high > end or word in _LINKING or word.isdigit():
                continue
            if not any(m.start <= low and high <= m.end for m in named):
                return False
        return True

    # -- period ------------------------------------------------------------

    def period(
        self,
        quantity: Quantity,
        stretch: _Stretch,
        previous: Callable[[], list[_Period]],
        ahead: bool = False,
    ) -> tuple[_Period | None, str | None]:
        """The figure's period and where it was found. ``ahead``: the figure
        is expected (a target, estimate or projection), so a month later in
        the year than the article's is this year's, not last year's."""
        dated = partial(self._dated, previous=previous, ahead=ahead)
        low, high = stretch.clause
        in_clause = [p for p in self.periods if low <= p.start < high]
        follows = _nearest_after(in_clause, quantity.end, stretch.after)
        if follows is not None and _PERIOD_GAP.fullmatch(
            self.text, quantity.end, follows.start
        ):
            return dated(follows), "clause"
        for found in (
            _nearest_before(in_clause, quantity.start, low),
            _nearest_after(in_clause, quantity.end, high),
        ):
            if found is not None:
                return dated(found), "clause"
        for found in (
            _nearest_before(self.periods, low, self.start),
            _nearest_after(self.periods, high, self.end),
        ):
            if found is not None:
                return dated(found), "sentence"
        if previous():
            return dated(previous()[-1]), "previous sentence"
        if self.article_year is not None:
            year = self.article_year
            return _Period(0, 0, str(year), "", year), "article"
        return None, None

    def day(
        self, period: _Period | None, period_from: str | None
    ) -> tuple[_Period | None, str | None]:
        """A realised daily figure's day when no period of its own was
        found: the last its sentence writes in figures, else the last an
        earlier sentence close before does ("Kamis (28/5/2026), dolar AS
        ... Rp 17.949. ... tercatat di level Rp 17.904"), else the
        article's."""
        if period_from not in ("previous sentence", "article"):
            return period, period_from
        year = self.article_year
        named = _numeric_day(self.text, self.start, self.end, year)
        if named is not None:
            return _day(named), "sentence"
        start = max(0, self.start - _DAY_REACH)
        named = _numeric_day(self.text, start, self.start, year)
        if named is not None:
            return _day(named), "previous sentence"
        if period_from == "article" and self.article_day is not None:
            return _day(self.article_day), "article"
        return period, period_from

    def begins_later(self, period: _Period | None) -> bool:
        """Whether ``period`` begins after the article's month ("2027",
        "Juni 2026" in May 2026; not "2025-2029" in 2026)."""
        if period is None or period.label is None or self.article_day is None:
            return False
        first = _LABEL_YEAR.search(period.label)
        if first is None:
            return False
        year = int(first.group())
        if year != self.article_day.year:
            return year > self.article_day.year
        head = period.label[: first.start()].split()
        if head and head[0].isdigit():
            head = head[1:]  # a day: "20 Mei"
        return _first_month(" ".join(head)) > self.article_day.month

    def _dated(
        self, period: _Period, previous: Callable[[], list[_Period]], ahead: bool
    ) -> _Period:
        """A month or quarter given the year of the sentence, or else of the
        article: last year's if it begins later in the year than the month
        the article is dated ("inflasi Desember" in January), unless ahead."""
        if period.year is not None:
            return period
        years = [p.year for p in (*self.periods, *reversed(previous())) if p.year]
        if years:
            year = years[0]
        elif self.article_year is None:
            year = None
        elif (
            not ahead
            and self.article_month is not None
            and _first_month(period.part) > self.article_month
        ):
            year = self.article_year - 1
        else:
            year = self.article_year
        if year is None:
            return replace(period, label=period.part, year=None)
        return replace(period, label=f"{period.part} {year}", year=year)

    # -- scope, kind, economic statement -------------------------------------

    def scope(
        self,
        quantity: Quantity,
        stretch: _Stretch,
        match: _Match | None,
        region: str | None,
        national: Callable[[], bool] = bool,
    ) -> str | None:
        """The figure's place. ``national()``: the text names Statistics
        Indonesia and no regional office of it, and the article no Region
        (``_national_statistics``, asked only when it decides)."""
        if match is not None and self.of_world(match):
            return ABROAD  # "pertumbuhan ekonomi global", "inflasi dunia"
        places = self.figure_places
        if match is not None:  # a place the phrase names is what it measures
            places = [place for place in places if not match.holds(place)]
        said = self.attribution_after(quantity.end)
        if said is not None:  # '...," kata dia di Kantor DJP, Jakarta': where said
            places = [place for place in places if place.start < said]
        # Another country after a figure is compared with it, mostly ("inflasi
        # terjaga di 2 persen, ... seperti Argentina 33,6 persen"): only one
        # before it makes it that country's.
        home = [place for place in places if place.value != ABROAD]
        low, high = stretch.clause
        for found in (
            _nearest_before(places, quantity.start, stretch.before),
            _nearest_after(home, quantity.end, stretch.after),
            _nearest_before(places, quantity.start, low),
            _nearest_after(home, quantity.end, high),
        ):
            if found is not None:
                return found.value
        if match is not None and match.indicator.scope:
            return match.indicator.scope
        for found in (
            _nearest_before(places, low, self.start),
            _nearest_after(home, high, self.end),
        ):
            if found is not None:
                return found.value
        # An economy's figure with no place of its own is the country's when
        # the place named last before it is ("pertumbuhan ekonomi Indonesia
        # ... 5%. ... pertumbuhan diperkirakan 4,8%"), whatever the article's
        # region (a dateline's: "JAKARTA, KOMPAS.com"); not a province's or a
        # city's, which are as often only where a thing was said ("Jakarta,
        # CNN Indonesia --"); an actor's figure (a budget) takes none.
        if (
            match is not None
            and not match.indicator.actor
            and (
                self.place_before == NATIONAL
                or (self.place_before in (None, _CAPITAL) and national())
            )
        ):
            return NATIONAL
        return region

    def kind(self, quantity: Quantity, stretch: _Stretch) -> str:
        found = self._cue(quantity, stretch)
        if found is None:
            return "realised"
        if (
            found.value != "realised"
            and _VERB_CUE.match(self.text, found.start)
            and _CHANGE_FROM.search(
                self.text, max(self.start, quantity.start - 24), quantity.start
            )
            and _CHANGE_TO.match(self.text, quantity.end)
            and not _REVISED.search(self.text, stretch.clause[0], quantity.start)
        ):
            return "realised"  # where an expected change starts: "dari 5,75% ke"
        return found.value

    def _cue(self, quantity: Quantity, stretch: _Stretch) -> _Mention | None:
        after = _nearest_after(self.cues, quantity.end, stretch.after)
        if after is not None and len(self.text[quantity.end : after.start].split()) > 1:
            after = None  # "5 persen dan TW-IV diperkirakan ...": the next figure's
        # A list's item is of the kind its list is ("Asumsi Makro: - Inflasi ...").
        low = self.start if stretch.clause[0] in self.list_items else stretch.clause[0]
        for found, before in (
            (_nearest_before(self.cues, quantity.start, stretch.before), True),
            (after, False),
            (_nearest_before(self.cues, quantity.start, low), True),
        ):
            if found is not None and found.value == _OF_TARGET:
                kind = "target" if before else "realised"
                return _Mention(found.start, found.end, kind)
            if found is not None:
                return found
        return None

    def base_period(self, compared: re.Match) -> _Period | None:
        """The period a comparison's base names with its year ("dibanding
        April 2025", "dibandingkan dengan bulan Juni 2025"); None for one it
        names otherwise ("bulan sebelumnya", "periode yang sama tahun lalu")."""
        low, high = compared.span("base")
        if not _YEAR_IN.search(self.text, low, high):
            return None
        found = _find_periods(_Words.read(self.text, low, high), (), self.article_year)
        complete = [p for p in found if p.label is not None and p.year is not None]
        return complete[0] if len(complete) == 1 else None

    def base_of(self, quantity: Quantity, stretch: _Stretch) -> _Period | None:
        """The base period ``quantity`` is the value of, standing right
        before it ("naik dibandingkan Juli 2024 sebesar 2,13%") or after it
        ("dibandingkan Rp4,25 triliun pada tahun sebelumnya")."""
        if _BASE_WORDS.isdisjoint(self.words.words) or not self.bases:
            return None
        found = _nearest_before(self.bases, quantity.start, stretch.clause[0])
        if found is not None and _BASE_PERIOD_VALUE.fullmatch(
            self.text, found.end, quantity.start
        ):
            return found
        # "dibandingkan Rp4,25 triliun pada tahun sebelumnya"
        found = _nearest_after(self.bases, quantity.end, stretch.clause[1])
        if found is not None and _VALUE_BASE_PERIOD.fullmatch(
            self.text, quantity.end, found.start
        ):
            return found
        return None

    def leads_change(
        self, quantity: Quantity, before: Quantity, before_match: _Match | None
    ) -> bool:
        """A percentage a rise or fall leads right after a figure of an
        indicator: that figure's change ("nilai ekspor ... mencapai US$ 7,95
        miliar, naik 10 persen"; "garis kemiskinan ... Rp 559.312, naik 2,1
        persen" is no poverty rate)."""
        return (
            before_match is not None
            and quantity.unit == PERCENT
            and _CHANGE_AFTER.fullmatch(self.text[before.end : quantity.start])
            is not None
        )

    def change_of(
        self, quantity: Quantity, before: Quantity, before_match: _Match
    ) -> _Match | None:
        """The indicator of a figure's change (its ``change``: export growth
        for an export's value), or None if it has none or the figure is out
        of its bounds."""
        change = before_match.indicator.change
        if change is None:
            return None
        indicator = self.catalogue.by_id[change]
        if not indicator.admits(quantity.value, quantity.unit):
            return None
        return replace(before_match, indicator=indicator)

    def pair_of(
        self, quantity: Quantity, before: Quantity, before_match: _Match | None
    ) -> _Match | None:
        """The indicator of a figure written right beside one of another
        (its ``pair``), after "atau" or in brackets: "angka kemiskinan ...
        8,57% atau 24,06 juta jiwa" is the count of the poor."""
        if before_match is None or before_match.indicator.pair is None:
            return None
        indicator = self.catalogue.by_id[before_match.indicator.pair]
        if not _PAIRED.fullmatch(self.text, before.end, quantity.start):
            return None
        if not _compatible(quantity, indicator.unit) or not indicator.admits(
            quantity.value, quantity.unit
        ):
            return None
        return replace(before_match, indicator=indicator)

    def falls(self, quantity: Quantity, match: _Match) -> bool:
        """The figure of a fall: named by a phrase that is one ("deflasi
        terjadi di Papua 0,34%") or opens with one ("turunnya ekspor nonmigas
        sebesar 6,21 persen"), or with a word of the indicator's ``falls``
        right before it, or before "sebesar", "sekitar", "hingga" or
        "mencapai" that stands before it ("mengalami kontraksi sebesar 1,47
        persen"; not "turun dari 10 persen menjadi 5 persen")."""
        falls = match.indicator.falls
        if not falls:
            return False
        named = match.names
        if all(word in falls for word in named) or (
            len(named) > 1 and named[0] in falls
        ):  # "deflasi 0,34%"; "penurunan ekspor sebesar 6 persen"
            return True
        tokens = self.tokens
        index = bisect_left(self.words.spans, quantity.start, key=_START) - 1
        while index >= 0 and tokens[index] in _FALL_GAP:
            index -= 1
        return index >= 0 and tokens[index] in falls

    def economic(self, stretch: _Stretch) -> bool:
        low, high = stretch.clause
        words = self.words
        return any(
            low <= span[0] < high and _is_economic(word)
            for word, span in zip(words.words, words.spans, strict=True)
        )

    # -- figures -----------------------------------------------------------

    def figures(
        self,
        previous: Callable[[], list[_Period]],
        region: str | None,
        national: Callable[[], bool] = bool,
        carried: tuple[Quantity, _Match] | None = None,
    ) -> list[Figure]:
        """The sentence's figures. ``carried``: the last figure of an
        indicator in the sentence before, which a figure of this one may go
        on listing when this one opens as a continuation ("... di Pulau Jawa
        Rp 48,81 triliun. Disusul Sumatera sebesar Rp 23,83 triliun")."""
        quote = " ".join(self.text[self.start : self.end].split())
        figures = []
        last: tuple[Quantity, _Match | None] | None = None
        if carried is not None:  # the sentence continues the one before
            last = carried
        for quantity in self.quantities:
            stretch = self.stretch(quantity)
            match = self.indicator(quantity, stretch)
            compared = _BASE_VALUE_LEAD.search(
                self.text, max(stretch.clause[0], quantity.start - 24), quantity.start
            ) and _COMPARED_VALUE.search(self.text, stretch.clause[0], quantity.start)
            base = None if compared else self.base_of(quantity, stretch)
            if compared or base:
                pass  # the base's value: "dibanding April 2025 yang sebesar"
            elif last is not None and self.leads_change(quantity, *last):
                match = self.change_of(quantity, *last)
            elif (
                last is not None
                and (match is None or not _compatible(quantity, match.indicator.unit))
                and (paired := self.pair_of(quantity, *last)) is not None
            ):
                match = paired
            elif match is None and last is not None:
                before, before_match = last
                if (
                    before_match is not None
                    and not quantity.bare
                    and _KIND_OF_UNIT.get(quantity.unit or "")
                    == _KIND_OF_UNIT.get(before.unit or "")
                    and self.parallel(before.end, quantity.start)
                    and before_match.indicator.admits(quantity.value, quantity.unit)
                ):
                    match = before_match
            if match is None:
                if quantity.unit is None:
                    continue
                if quantity.unit not in MONEY and not self.economic(stretch):
                    continue
            aside = (
                match is None
                and last is not None
                and last[1] is not None
                and _PAIRED.fullmatch(self.text, last[0].end, quantity.start)
            )
            if (not quantity.bare or match is not None) and not aside:
                # not a share written beside the last figure ("4,48 miliar
                # dolar AS atau 17,25 persen, diikuti Riau 2,92 miliar"): the
                # list goes on from the figure before it
                last = (quantity, match)
            if match is not None:
                self.last_of_indicator = (quantity, match)
            scope = self.scope(quantity, stretch, match, region, national)
            if scope == ABROAD:
                continue  # another country's figure
            kind = self.kind(quantity, stretch)
            joined = None
            if base is not None:
                period, period_from = self._dated(base, previous, ahead=False), "base"
            elif compared:
                period, period_from = self.base_period(compared), "base"
                if period is None and _last_year(self.text, *compared.span("base")):
                    # "dibandingkan periode yang sama tahun lalu, yakni 29,47
                    # juta ton": the figure's own period, a year before
                    own, _ = self.period(quantity, stretch, previous)
                    low, high = compared.span("base")
                    if own is not None and low <= own.start < high:
                        period = own  # the base's own "tahun lalu", read as is
                    else:
                        period = _year_before(own)
                if period is None:
                    match = None  # another period's, not dated
            else:
                # An indicator's realised figure is published after its
                # period; other figures (a price from March, a launch in
                # November) are as often announced before it.
                ahead = match is None or kind != "realised"
                period, period_from = self.period(
                    quantity, stretch, previous, ahead=ahead
                )
                if match is not None and match.indicator.daily and not ahead:
                    period, period_from = self.day(period, period_from)
                if match is not None and match.indicator.monthly and not ahead:
                    period, period_from = self.day(period, period_from)
                    period = _month_of(period)
                if match is not None and match.indicator.flow and period is not None:
                    period = _year_to_date(period)
                if match is not None:  # "4,8% pada tahun ini dan tahun depan"
                    joined = self.joined_period(quantity, period)
                    if joined is not None:
                        joined = self._dated(joined, previous, ahead)
            periods = [(period, period_from)]
            if joined is not None:
                periods.append((joined, "clause"))
            value, value_max = quantity.value, quantity.value_max
            if match is not None and self.falls(quantity, match):
                value, value_max = _fall(value, value_max)
            for period, period_from in periods:
                figure_kind = kind
                if period_from != "base":
                    figure_kind = self.expected(kind, period, quantity, stretch, match)
                figures.append(
                    Figure(
                        indicator_id=match.indicator.id if match else None,
                        value=value,
                        value_max=value_max,
                        unit=quantity.unit or (match.indicator.unit if match else ""),
                        # Interned: a few hundred labels among 150,000 figures
                        # at 20,000 articles, each otherwise a string of its own.
                        period=sys.intern(period.label) if period else None,
                        period_year=period.year if period else None,
                        scope=scope,
                        kind=figure_kind,
                        quote=quote,
                        start=quantity.start,
                        end=quantity.end,
                        period_from=period_from,
                        text=quantity.text,
                    )
                )
        return figures

    def expected(
        self,
        kind: str,
        period: _Period | None,
        quantity: Quantity,
        stretch: _Stretch,
        match: _Match | None,
    ) -> str:
        """The kind of a figure of ``period``: nothing has happened yet in a
        period still to come ("tumbuh pada kisaran 5,8-6,5% di 2027" said in
        2026 is a forecast; next year's budget is a plan)."""
        if (
            kind == "realised"
            and period is not None
            and self.begins_later(period)
            # not a month whose year was guessed ahead ("Desember")
            and (match is not None or not period.part)
            and self._cue(quantity, stretch) is None
        ):
            return (
                "target" if match is not None and match.indicator.plan else "projection"
            )
        if (
            kind == "estimate"
            and match is not None
            and period is not None
            and self.unfinished(period)
        ):
            # "pertumbuhan diperkirakan 4,8% pada tahun ini": a forecast of a
            # period not yet over, not an estimate of one that is (an
            # indicator's: a loss "ditaksir Rp 2,3 triliun" stays an estimate)
            return "projection"
        return kind

    def unfinished(self, period: _Period) -> bool:
        """Whether ``period`` is not over by the article's day: this year,
        this quarter, this month, a day after it."""
        if self.article_day is None:
            return False
        end = _period_end(period.label or "")
        if end is None:
            return False
        year, month, day = end
        if day is not None:
            return dt.date(year, month, day) > self.article_day
        return (year, month) >= (self.article_day.year, self.article_day.month)

    def joined_period(
        self, quantity: Quantity, period: _Period | None
    ) -> _Period | None:
        """A second period joined to the one after a figure ("5% pada 2025
        dan 2026", "4,8% pada tahun ini dan tahun depan"): the figure is of
        each."""
        if (
            period is None
            or period.start < quantity.end
            or period.end > self.end
            or _BETWEEN.search(self.text, max(0, period.start - 8), period.start)
        ):
            return None  # not the span "antara tahun 2011 dan 2012"
        joined = _nearest_after(self.periods, period.end, self.end)
        if joined is None or not _PERIOD_JOIN.fullmatch(
            self.text, period.end, joined.start
        ):
            return None
        return joined


def unclassify(
    figures: Sequence[Figure], indicator_ids: frozenset[str]
) -> list[Figure]:
    """``figures`` with those of ``indicator_ids`` made figures of no
    indicator: an editor's ``Suppress:`` for a figure taken wrongly."""
    return [
        replace(figure, indicator_id=None)
        if figure.indicator_id in indicator_ids
        else figure
        for figure in figures
    ]


def extract_figures(
    text: str,
    *,
    catalogue: Catalogue,
    article_date: dt.date | dt.datetime | str | None = None,
    region: str | None = None,
    places: PlaceScopes = NO_PLACES,
) -> list[Figure]:
    """Every economic figure in ``text``, in the order they stand.

    ``article_date`` (a date or ``"YYYY-MM-DD"``) gives the year of figures
    whose text names no period and resolves "tahun lalu"; ``region`` (the
    article's Region, ``region_scope``) is the scope of figures whose sentence
    names none and whose indicator has none;
    ``places`` the regencies and cities a sentence may name bare
    (``place_scopes``).
    """
    quantities = find_quantities(text)
    if not quantities:
        return []
    region = region_scope(region, places)
    national = cache(lambda: region is None and _national_statistics(text, places))
    day = _article_day(article_date)
    year = day.year if day else None
    breaks = _Breaks(text)
    grouped: list[tuple[tuple[int, int], list[Quantity]]] = []
    for quantity in quantities:
        if grouped and quantity.start < grouped[-1][0][1]:
            grouped[-1][1].append(quantity)
        else:
            grouped.append((breaks.sentence(quantity.start), [quantity]))
    read: dict[tuple[int, int], list[_Period]] = {}

    def previous(span: tuple[int, int]) -> list[_Period]:
        """The periods of the sentence before ``span``."""
        if span not in read:
            before = breaks.before(span)
            read[span] = (
                _find_periods(_Words.read(text, before[0], before[1]), quantities, year)
                if before is not None and _may_name_period(text, *before)
                else []
            )
        return read[span]

    dateline_end = _dateline_end(text, places)
    figures: list[Figure] = []
    before: tuple[tuple[int, int], _Sentence] | None = None
    for span, members in grouped:
        sentence = _Sentence(
            text,
            span,
            members,
            catalogue,
            day,
            places,
            dateline_end,
        )
        carried = None
        if (
            before is not None
            and before[1].last_of_indicator is not None
            and sentence.continues()
            and breaks.before(span) == before[0]
        ):
            carried = before[1].last_of_indicator
        figures.extend(
            sentence.figures(partial(previous, span), region, national, carried)
        )
        before = span, sentence
    return _carry_periods(text, figures, catalogue)


# A span of years ("2012-2017") or a day ("21 Mei 2026", mostly an event's)
# is no period a later figure carries on.
_NOT_CARRIED = re.compile(r"\d{4}-\d{4}|^\d{1,2} ")


def _carry_periods(
    text: str, figures: list[Figure], catalogue: Catalogue
) -> list[Figure]:
    """An indicator's realised figure that only the article's date dates
    takes the period of the same indicator's realised figure before it whose
    own text named one ("tingkat kemiskinan ... 8,47 persen pada Maret 2025.
    ... di desa ... menjadi 11,03%": March 2025). Not the value a change
    starts from ("naik dari 6,66 persen menjadi 6,73 persen": an earlier
    period's), nor a quoted-by-the-day indicator's (``day`` dates those)."""
    last: dict[str, Figure] = {}
    carried = []
    for figure in figures:
        key = figure.indicator_id
        if key is None or figure.kind != "realised":
            carried.append(figure)
            continue
        before = last.get(key)
        if (
            before is not None
            and figure.period_from == "article"
            and not catalogue.by_id[key].daily
            and not (
                _CHANGE_FROM.search(text, max(0, figure.start - 24), figure.start)
                and _CHANGE_TO.match(text, figure.end)
            )
        ):
            figure = replace(
                figure,
                period=before.period,
                period_year=before.period_year,
                period_from="earlier figure",
            )
        elif figure.period_from in ("clause", "sentence") and not _NOT_CARRIED.search(
            figure.period or ""
        ):
            last[key] = figure
        carried.append(figure)
    return carried
