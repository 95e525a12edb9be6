"""Numbers and quantities as Indonesian news text writes them.

Indonesian writes a decimal comma and a thousands dot: ``34,27`` is 34.27 and
``1.234.567`` is 1234567. A dot followed by anything but groups of three digits
is taken as a decimal point (``5.25 persen``), and ``1,234,567`` (commas between
groups of three) as English thousands.

``find_quantities`` finds every quantity in a text: the number, an optional
currency (``Rp``, ``US$``, ``USD``), multiplier (``ribu``, ``juta``,
``miliar``, ``triliun``, ``kuadriliun``; ``M`` and ``T`` after a currency) and
unit (``persen``, ``%``, ``ton``, ``orang``, ``unit``...), and ranges (``5-6
persen``, ``5 hingga 6 persen``, ``antara 5 dan 6 persen``). Values are in base
units: ``Rp 1,2 triliun`` is 1.2e12 rupiah.

It leaves out numbers that are not quantities: dates (``16/03/2015``, ``(16/3)``,
``16 Maret 2015``), bare years (``Tahun Anggaran 2016``, ``2015-2019``), phone
numbers, times (``pukul 10.00``, ``10.00 WIB``), ages and durations (``45
tahun``), page counts, regulation and article numbers (``Nomor 5``, ``No.
3/2014``, ``Pasal 12``) and ranks (``peringkat 3``, ``ke-5``). Numbers written
as words (``dua kali lipat``) are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

PERCENT = "percent"
RUPIAH = "rupiah"
USD = "usd"
MONEY = frozenset({RUPIAH, USD})

MULTIPLIERS = {
    "ribu": 10**3,
    "rb": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "m": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
    "t": 10**12,
    "kuadriliun": 10**15,
    "kuadrilyun": 10**15,
}
CURRENCIES = {"rp": RUPIAH, "idr": RUPIAH, "us$": USD, "usd": USD, "$": USD}
# Words written after a number, and the unit they give it.
UNIT_WORDS = {
    "persen": PERCENT,
    "%": PERCENT,
    "rupiah": RUPIAH,
    "dolar amerika serikat": USD,
    "dolar amerika": USD,
    "dolar as": USD,
    "dollar as": USD,
    "dolar": USD,
    "dollar": USD,
    "usd": USD,
    "ton": "tonnes",
    "hektare": "hectares",
    "hektar": "hectares",
    "ha": "hectares",
    "orang": "person",
    "jiwa": "person",
    "pekerja": "person",
    "tenaga kerja": "person",
    "karyawan": "person",
    "buruh": "person",
    "penduduk": "person",
    "petani": "person",
    "wisatawan": "person",
    "wirausaha baru": "person",
    "wirausaha": "person",
    "unit usaha": "unit",
    "unit": "unit",
    "pelaku usaha": "unit",
    "usaha": "unit",
    "ikm": "unit",
    "umkm": "unit",
    "ukm": "unit",
    "perusahaan": "unit",
    "sentra": "unit",
    "koperasi": "unit",
    "kepala keluarga": "household",
    "rumah tangga": "household",
    "kk": "household",
    "poin": "index",
}


def trie_pattern(words) -> str:
    """A regex for any of ``words`` built as a prefix tree (no capture groups).

    The engine then decides on each character once instead of trying every
    word; a longer word is preferred to its prefix ("unit usaha" over "unit").
    A space in a word matches any run of spaces.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


# The quantity pattern starts at a digit (so that the regex engine skips other
# text at the speed of a character search); what may stand before the number
# (a currency, "minus", "antara") is read afterwards, looking back.
_NUMBER_REST = (
    r"(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?"  # 1.234.567,89
    r"|\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?"  # 1,234,567.89
    r"|\d*(?:[.,]\d+)?)"  # 34,27  5.25  2015
)
# The first digit stands alone, or right after a currency ("Rp1,2 T").
_FIRST_DIGIT = (
    r"\d(?:(?<=Rp\d)|(?<=Rp\.\d)|(?<=\$\d)|(?<=USD\d)|(?<=IDR\d)"
    r"|(?<![\w.,/:]\d)(?<!\w-\d))"
)
_NUMBER_END = r"(?![\d/]|[.,:]\d)"
_CURRENCY = r"(?:Rp\.?|IDR|US\s?\$|USD|\$)"
# "-an" after a multiplier: about so many ("Rp 19 jutaan": some Rp 19 million).
_MULT = (
    r"(?:(?i:(?:ribu|juta|miliar|milyar|triliun|trilyun|kuadriliun|kuadrilyun)(?:an)?"
    r"|rb\.?|jt\.?)(?!\w)|[MT](?!\w))"
)
_UNIT = rf"(?i:{trie_pattern(UNIT_WORDS)})(?!\w)"
_SP = r"[^\S\n]*\n?[^\S\n]*"  # spaces, at most one line break


def _quantity_pattern(separators: str) -> re.Pattern:
    return re.compile(
        rf"""
        (?P<num>{_FIRST_DIGIT}{_NUMBER_REST}){_NUMBER_END}(?:-an\b)?
        (?:{_SP}(?P<mult>{_MULT}))?
        (?:{_SP}(?P<unit1>{_UNIT}))?
        (?:
            {_SP}(?P<sep>{separators}){_SP}
            (?:(?<!\w)(?P<cur2>{_CURRENCY}){_SP}|(?<![\w.,/:]))
            (?P<num2>\d{_NUMBER_REST}){_NUMBER_END}
            (?:{_SP}(?P<mult2>{_MULT}))?
        )?
        (?:{_SP}(?P<unit>{_UNIT}))?
        """,
        re.VERBOSE,
    )


_RANGE = r"-|–|—|(?i:hingga|sampai\s+dengan|sampai|s/d|s\.d\.?)"
_QUANTITY = _quantity_pattern(rf"(?:{_RANGE}|(?i:dan)\b)")
_QUANTITY_NO_DAN = _quantity_pattern(rf"(?:{_RANGE})")  # "dan" only after "antara"
_CURRENCY_BEFORE = re.compile(rf"(?<!\w)(?P<cur>{_CURRENCY}){_SP}$")
# "minus 1,2 persen", not "plus minus 1 persen": about, or a tolerance.
_MINUS_BEFORE = re.compile(r"(?<!plus )(?<!plus-)\bminus\s+$", re.IGNORECASE)
# A tolerance after a figure: "3 persen plus minus 1 persen", "3% ± 1%",
# "sasaran 2,5% dengan deviasi 1%".
_TOLERANCE_BEFORE = re.compile(
    r"(?:\bplus[\s-]minus|\u00b1|\+/-|\bdengan\s+deviasi(?:\s+sebesar)?)\s*$",
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(r"\b(?i:antara)\s+$")

_YEAR = re.compile(r"(?:19|20)\d{2}")
_MONTH_WORDS = (
    "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|"
    "oktober|november|nopember|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|"
    "sep|sept|okt|nov|nop|des"
)
# Words after a bare number that make it something other than a figure.
_AFTER_EXCLUDED = re.compile(
    r"[^\S\n]*(?:-\s*)?(?i:tahun|thn|bulan|hari|minggu|pekan|jam|menit|detik|"
    r"halaman|hlm|lembar|kali|lipat|km|kilometer|meter|m|cm|mm|kg|kilogram|gram|"
    r"liter|wib|wita|wit|kabupaten|kota|provinsi|kecamatan|desa|kelurahan|"
    r"negara|daerah|wilayah|jenis|macam|besar|pasal|ayat|"
    rf"{_MONTH_WORDS})(?!\w)"
)
# Words before a number that make it a rank, a reference, a time or an age.
_BEFORE_EXCLUDED = frozenset(
    "no nomor nomer nmr pasal ayat huruf halaman hal hlm pukul jam peringkat urutan "
    "ranking rangking tahap angkatan jilid bab lampiran kode telp telepon tel hp wa "
    "fax faks rt rw km lantai ruang jalan jl jln gang blok kav kavling edisi vol "
    "volume seri tipe kelas golongan gol level eselon usia berusia umur berumur "
    "tahun thn periode triwulan kuartal kwartal semester tw q sila butir uu pp "
    "perda perpres permen pergub perbup perwal keppres inpres sk".split()
)
# Of those, the words an index's value follows with its decimals.
_INDEX_LEVEL = frozenset({"level"})
_DATE_OR_PHONE = re.compile(
    r"(?<!\d)(?:"
    r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}"  # 16/03/2015, 16-3-15
    r"|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"  # 2015-03-16
    r"|\(\s*\d{1,2}/\d{1,2}\s*\)"  # (16/3)
    r"|(?:\+62|\(0\d{2,4}\)|0\d{2,4})[\s-]?\d{3,4}[\s/-]?\d{2,5}(?:[\s/-]\d{2,5})?"
    r")(?!\d)"
)


_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")


def parse_number(literal: str) -> Decimal:
    """``"34,27"`` -> 34.27; ``"1.234.567"`` -> 1234567; ``"5.25"`` -> 5.25."""
    text = literal.strip()
    if text.isdigit():
        return Decimal(text)
    if _DOT_THOUSANDS.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif _COMMA_THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    elif _PLAIN.fullmatch(text):
        text = text.replace(",", ".")
    else:
        raise ValueError(f"{literal!r} is not a number")
    return Decimal(text)


@dataclass(frozen=True)
class Quantity:
    """A number found in text, in base units.

    ``unit`` is ``None`` for a bare number (no currency, multiplier or unit
    word); ``start``/``end`` cover the whole quantity as written, currency and
    unit included.
    """

    value: float
    value_max: float | None
    unit: str | None
    start: int
    end: int
    text: str
    multiplied: bool = False

    @property
    def bare(self) -> bool:
        return self.unit is None and not self.multiplied


def _multiplier(word: str | None, currency: str | None) -> int | None:
    if word is None:
        return None
    key = word.rstrip(".").lower()
    if key not in MULTIPLIERS and key.endswith("an"):
        key = key[:-2]  # "jutaan": about so many millions
    if key in ("m", "t") and (currency is None or word not in ("M", "T")):
        return None
    return MULTIPLIERS[key]


def _unit_of(word: str | None) -> str | None:
    if word is None:
        return None
    return UNIT_WORDS[" ".join(word.lower().split())]


def _is_year(literal: str) -> bool:
    return len(literal) == 4 and _YEAR.fullmatch(literal) is not None


def _masked(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is part of a date or a phone number."""
    low, high = max(0, start - 24), min(len(text), end + 24)
    return any(
        match.start() < end and start < match.end()
        for match in _DATE_OR_PHONE.finditer(text, low, high)
    )


def _excluded_before(text: str, start: int, literal: str = "") -> bool:
    """True after "Nomor", "pukul", "peringkat", "ke-"...: no figure follows;
    after "level", only a whole number ("PPKM level 3"; an index stands "di
    level 53,56")."""
    before = text[max(0, start - 16) : start]
    if before.rstrip().lower().endswith("ke-"):
        return True
    words = before.rstrip(" \t\n.:#").rsplit(None, 1)
    if not words or words[-1].lower() not in _BEFORE_EXCLUDED:
        return False
    return not (words[-1].lower() in _INDEX_LEVEL and "," in literal)


def _quantity(text: str, match: re.Match, prefix: _Prefix) -> Quantity | None:
    """The quantity a match stands for, or None when it is no figure."""
    groups = match.groupdict()
    currency_word = prefix.currency or groups["cur2"]
    currency = None
    if currency_word:
        currency = CURRENCIES["".join(currency_word.lower().rstrip(".").split())]
    literal = groups["num"]
    value = parse_number(literal)
    mult = _multiplier(groups["mult"], currency_word)
    unit1 = _unit_of(groups["unit1"])
    unit = _unit_of(groups["unit"])
    end = match.end()
    value_max = None

    if groups["num2"] is not None:
        literal2 = groups["num2"]
        value2 = parse_number(literal2)
        mult2 = _multiplier(groups["mult2"], currency_word)
        if mult2 is not None:
            value2 *= mult2
        first = value * (mult or mult2 or 1)
        both_years = _is_year(literal) and _is_year(literal2)
        units_agree = unit1 is None or unit is None or unit1 == unit
        year_after_unit = unit1 is not None and unit is None and _is_year(literal2)
        if both_years and not (currency or mult or mult2 or unit1 or unit):
            return None  # 2015-2019: a period
        if value2 > first and units_agree and not year_after_unit:
            value, value_max = first, value2
            unit = unit or unit1
            mult = mult or mult2
        else:  # not a range: keep the first quantity only
            end = match.end("unit1") if unit1 else match.end("num")
            if mult is not None:
                end = max(end, match.end("mult"))
            unit = unit1
            value *= mult or 1
    else:
        if unit1 is not None:  # "12.500 unit usaha IKM": the first unit word
            end, unit = match.end("unit1"), unit1
        if groups["mult"] and mult is None:
            end = match.end("num")  # "5 M" without a currency
        value *= mult or 1

    unit = currency or unit
    start = prefix.start
    if prefix.minus:
        if value_max is None:
            value = -value
        else:
            value, value_max = -value_max, -value

    bare = unit is None and mult is None
    if currency is None and unit != PERCENT:
        if _excluded_before(text, start, literal):
            return None
        if bare and _AFTER_EXCLUDED.match(text, end):
            return None
    leading_zero = literal.isdigit() and literal.startswith("0") and len(literal) > 1
    if bare and (_is_year(literal) or leading_zero):
        return None
    if (
        unit not in (None, PERCENT)
        and currency is None
        and mult is None
        and _is_year(literal)
        and value_max is None
    ):
        return None  # "pada 2014 IKM ...": a year before a unit-like word
    return Quantity(
        value=float(value),
        value_max=float(value_max) if value_max is not None else None,
        unit=unit,
        start=start,
        end=end,
        text=text[start:end],
        multiplied=mult is not None,
    )


# Characters next to a number that may make it part of a date or phone number.
_DATE_OR_PHONE_HINT = re.compile(r"[/()+-]|\s0|\d\s\d")


@dataclass(frozen=True)
class _Prefix:
    """What stands before a number: where the quantity starts, its currency."""

    start: int
    currency: str | None = None
    minus: bool = False
    between: bool = False


def _prefix(text: str, start: int) -> _Prefix:
    currency = None
    near = text[max(0, start - 8) : start]
    if "Rp" in near or "$" in near or "USD" in near or "IDR" in near:
        found = _CURRENCY_BEFORE.search(text, max(0, start - 8), start)
        if found:
            currency, start = found.group("cur"), found.start()
    near = text[max(0, start - 16) : start].lower()
    minus = between = False
    if "minus" in near:
        found = _MINUS_BEFORE.search(text, max(0, start - 10), start)
        if found:
            minus, start = True, found.start()
            near = text[max(0, start - 16) : start].lower()
    elif _signed(text, start):
        minus, start = True, start - 1  # "tercatat -2,15 persen"
    if "antara" in near:
        between = _BETWEEN_BEFORE.search(text, max(0, start - 10), start) is not None
    return _Prefix(start, currency, minus, between)


def _signed(text: str, start: int) -> bool:
    """A minus sign right before the number, not a range's dash ("2-3") nor a
    hyphen inside a word ("triwulan-2")."""
    if start == 0 or text[start - 1] not in "-\u2212":
        return False
    return start == 1 or text[start - 2] in " \t\n(:"


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order; numbers that are no figure left out."""
    found = []
    position = 0
    while (match := _QUANTITY.search(text, position)) is not None:
        low, high = match.span("num")
        if (
            match.end() == high
            and _is_year(match.group("num"))
            and not _CURRENCY_BEFORE.search(text, max(0, low - 8), low)
        ):
            position = high  # a year alone ("Tahun Anggaran 2016"): no figure
            continue
        prefix = _prefix(text, low)
        sep = match.group("sep")
        if sep and sep.lower() == "dan" and not prefix.between:
            match = _QUANTITY_NO_DAN.match(text, low) or match
        position = match.end()
        if _DATE_OR_PHONE_HINT.search(text, max(0, low - 2), high + 2) and _masked(
            text, low, high
        ):
            continue
        quantity = _quantity(text, match, prefix)
        if quantity is None:
            continue
        if found and _tolerance(text, found[-1], quantity):
            if found[-1].unit is None:  # "2,5 plus minus 1 persen": 2.5 %
                found[-1] = replace(found[-1], unit=quantity.unit)
            continue
        found.append(quantity)
    return found


def _tolerance(text: str, before: Quantity, quantity: Quantity) -> bool:
    """``quantity`` is the margin of the figure right before it ("3% plus
    minus 1%", "2,5 plus minus 1%"), not a figure of its own; "plus minus 200
    orang" alone is one (about 200)."""
    between = text[before.end : quantity.start]
    return (
        before.unit in (None, quantity.unit)
        and len(between) <= 24
        and _TOLERANCE_BEFORE.search(between) is not None
    )
