"""Discovery: agencies and people a text names that the authority files do not.

``discover_candidates`` reads capitalised phrases that open with an agency's
head word ("Dinas", "Badan", "Direktorat"...) and people's names introduced by
a quote verb, a closing quote, a title and its office, or a tagged office, and
proposes them to editors (``invoke candidates``) and to the site (a page for
each name found). Words that only look like names (positions, ranks, places,
common words capitalised at a sentence's start) are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import compress, count
from operator import add

from rapidfuzz import fuzz

from warta.authority import Authority
from warta.entities import (
    ABBREVIATIONS,
    AGENCY,
    HEAD_WORDS,
    HONORIFICS,
    PERSON,
    PLACE_PREFIXES,
    TITLE_WORDS,
    Candidate,
    Mention,
    mention_context,
    sentence_cuts,
)
from warta.name_words import (
    COUNTRY_STARTS,
    DAYS_AND_MONTHS,
    OFFICE_TITLES,
    OFFICE_WORDS,
    QUOTE_VERBS,
    RANKS,
    SHORT_TITLES,
    common_word,
    country_at,
    word_set,
)
from warta.normalize import NormalizedText, normalize, normalize_with_offsets
from warta.regencies import COMMON_WORD_NAMES, PlaceScopes

# Head words discovery reads an office's name from: those of
# ``entities.HEAD_WORDS`` that open a government unit's name, not a bank's,
# a council's or a commission's.
DISCOVERY_HEADS = word_set(
    "badan balai biro dinas direktorat ditjen inspektorat kantor kementerian "
    "kementrian sekretariat"
)
_CONNECTORS = frozenset({"dan", "serta", "&"})
# What stands before a word that opens a sentence or a quoted one.
_OPENS_SENTENCE = re.compile(r"[.!?\"“”'‘’]\s*$|\n")
_TITLES = TITLE_WORDS | SHORT_TITLES | OFFICE_TITLES
# Words discovery starts at.
_TRIGGERS = QUOTE_VERBS | DISCOVERY_HEADS | _TITLES
# Words of positions, of organisations and of the parts of an office,
# capitalised after a quote verb or a title ("ungkap Juru Bicara", "Kepala
# Pengawas Perbankan, Aset Digital, dan ..."), and of headlines ("Menteri PU
# Buka Suara"): no part of a person's name, though they may be of an office's.
_POSITION_WORDS = word_set(
    "juru bicara jubir pejabat penjabat corporate secretary chief executive officer "
    "president director manager general head bidang seksi bagian divisi sektor aset "
    "keuangan digital derivatif kripto operasional pengawas eksekutif deputi asisten "
    "staf ahli komisaris komisioner negara buka suara koordinator pelaksana harian "
    "nomor asosiasi pusat informasi lembaga komisi himpunan ikatan persatuan "
    "gabungan forum koperasi yayasan partai serikat perusahaan perseroan "
    "institute team racing sports online management research health group "
    # "Wakil Kepala Staf TNI Angkatan Darat"
    "angkatan"
)
_NOT_NAMES = (
    _TITLES
    | HEAD_WORDS
    | DISCOVERY_HEADS
    | _POSITION_WORDS
    | RANKS
    | DAYS_AND_MONTHS
    | word_set(
        "provinsi kabupaten kota pemerintah rapat data menurut dia ia mereka kami "
        # "Telegram Panglima TNI No TR/442/2025", "sebut Nabi Muhammad"
        "no nabi "
        # an amount after a name: "Badan Pengelola Dana Lingkungan Hidup Rp 30 miliar"
        "rp idr usd"
    )
)
# A title's office and the name after it: "Kapolsek Tenjo Iptu Hendrik ...".
_RUN = 8  # words at most from the title to the rank or country
_RUN_MARKS = (RANKS - {"jenderal"}) | COUNTRY_STARTS
_PREFIXES = HONORIFICS | RANKS
_NOT_IN_OFFICE_NAMES = (
    _NOT_NAMES
    - HEAD_WORDS
    - DISCOVERY_HEADS
    - _POSITION_WORDS
    - {
        "jenderal",  # "Direktorat Jenderal"
        "provinsi",
        "kabupaten",
        "kota",
        "pemerintah",
    }
)
# The last items of a list of one-word parts of an office, after a title:
# ", Kelautan, dan P" (not ", Andi Wijaya, Kepala Seksi ..., dan ...").
_OFFICE_LIST = re.compile(r",\s*(?:[A-Z][\w-]*,\s+)*(?:dan|serta)\s+[A-Z]")
# A list inside an office's name: ", Menengah, dan A", ", Usaha Kecil, dan M"
# (its last item's first word captured: no office's head word).
_LIST_AFTER_COMMA = re.compile(
    r",\s*(?:[A-Z][\w-]*,?\s+)+(?:dan|serta)\s+([A-Z][\w-]*)"
)
# The offices a president's title goes on from, inside a body's name.
_PRESIDENTS_OFFICES = frozenset({"sekretariat", "staf"})
# Between two words of one name: spaces and one line break at most.
_SPACE = r"[ \t]*\n?[ \t]*"
_JOINED = re.compile(_SPACE)
# How close (rapidfuzz's ratio, 0-100) an office's name before a known body
# is to that body's name when it is that body, misspelt.
SAME_BODY_RATIO = 90
# The same, for a name followed by the body's short form alone in brackets.
BRACKETED_BODY_RATIO = 75
# Between an office's name and the body it belongs to: also an opening
# bracket ("Badan Pengelola Investasi (BPI) Danantara").
_BODY_GAP = re.compile(_SPACE + r"|[ \t]*\([ \t]*")
# Between an office's name and its holder's: also a comma.
_HOLDER_GAP = re.compile(r"[ \t]*,?" + _SPACE)
# Between the words of a person's name: also a dot after an initial.
_NAME_GAP = re.compile(r"\.?" + _SPACE)
# Between the words of an agency's name: also "-", "&", "/".
_PHRASE_GAP = re.compile(_SPACE + r"|[ \t]*[-&/][ \t]*")


@dataclass(frozen=True)
class Vocabulary:
    """The words of the authority files' names, folded: what an office's name
    may hold, and what a place's does (``place_starts`` may open one); and
    the names themselves (``known``: the authority's agencies and people by
    every label), which are no new names wherever the matcher missed them
    ("Badan Pengelola Investasi (BPI) Daya Anagata Nusantara")."""

    office_words: frozenset[str] = OFFICE_WORDS
    place_words: frozenset[str] = frozenset()
    place_starts: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()
    # An agency's name by its id: how a unit's body is written in its name.
    agency_names: Mapping[str, str] = field(default_factory=dict)
    # Every regency's and city's name and alias as its folded words
    # (``places.yaml``), and the most words one has.
    place_names: frozenset[tuple[str, ...]] = frozenset()
    place_name_words: int = 0
    # A province's, regency's or city's name or alias, folded, written in
    # full as the authority files name offices: "jatim" -> "Provinsi Jawa
    # Timur", "sidoarjo" -> "Kabupaten Sidoarjo"; none for a name places share.
    written_places: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    # Every province's name and alias, folded -> "Provinsi" and its name.
    provinces: Mapping[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def of(cls, authority: Authority) -> Vocabulary:
        agencies = {
            normalize(label) for agency in authority.agencies for label in agency.labels
        }
        office = {token for name in agencies for token in name.split()}
        people = {
            name
            for person in authority.people
            for folded in map(normalize, person.labels)
            for name in (folded, _without_prefixes(folded))
        }
        names = [
            normalize(label).split()
            for region in authority.regions
            # The country by its name and "RI", not "Negara Kesatuan ...".
            for label in (
                (region.name, "RI") if region.kind == "country" else region.labels
            )
        ]
        places = {token for name in names for token in name} | _DIRECTIONS
        starts = {name[0] for name in names if name}
        regencies = {
            tuple(normalize(name).split())
            for entry in authority.places
            for name in (*entry.regencies, *entry.cities, *dict(entry.aliases))
        } - {()}
        return cls(
            frozenset(office | OFFICE_WORDS),
            frozenset(places - _PLACE_PREFIXES - _PLACE_GENERIC),
            frozenset(starts - _PLACE_PREFIXES - _PLACE_GENERIC - _DIRECTIONS),
            frozenset(agencies | people),
            {agency.id: agency.name for agency in authority.agencies},
            frozenset(regencies),
            max(map(len, regencies), default=0),
            *_places_in_full(authority),
        )


def _places_in_full(authority: Authority) -> tuple[dict, dict]:
    """``Vocabulary.written_places`` and ``provinces``: the regencies and
    cities of ``places.yaml`` one place bears and the provinces, by their
    names and aliases (a province's name a city bears too, "Jambi", is
    neither's there); every province."""
    regencies = PlaceScopes.of(authority.places).names
    written = {
        words: name
        for words, name in regencies.items()
        if name.startswith(("Kabupaten ", "Kota "))
    }
    provinces = {
        tuple(normalize(label).split()): f"Provinsi {region.name}"
        for region in authority.regions
        if region.kind == "province"
        for label in region.labels
    }
    for words, name in provinces.items():
        if words in regencies:
            written.pop(words, None)
        else:
            written[words] = name
    return written, provinces


def _without_prefixes(name: str) -> str:
    """A person's name less the honorifics and ranks it opens with, as
    discovery reads names ("marsdya tni mohammad syafii": "mohammad syafii")."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[0] in _PREFIXES:
        tokens = tokens[1:]
    return " ".join(tokens)


# A place's prefix ("Kab.") -> the word a name is written with in full.
_PREFIX_KINDS = {
    word: words[0].capitalize() for words in PLACE_PREFIXES.values() for word in words
}
_PLACE_PREFIXES = frozenset(_PREFIX_KINDS)
_PLACE_GENERIC = word_set("daerah khusus istimewa ibukota ibu kepulauan")
_DIRECTIONS = word_set("utara selatan barat timur tengah raya pusat laut daya")
# A short form in brackets between the words of a name: "(Dinkes)", of
# this many words at most ("(KPPBC TMP B)").
_ACRONYM_BETWEEN = re.compile(r"\)[ \t]*")
_SHORT_FORM_WORDS = 3
_PARENTHESIS = re.compile(r"\s*\([^()]*(?:\)|$)")  # closed, or cut off
# Words an office's name may be made of and no office is named by alone.
_GENERIC_OFFICE_WORDS = word_set(
    "akuntan badan balai besar biro cabang daerah dan dinas direktorat ditjen induk "
    "inspektorat jenderal jendral kantor kementerian kementrian kerja komunikasi "
    "koordinator kota layanan legislasi legislatif lembaga milik negara pelaksana "
    "pengaturan pengawasan pengusahaan perwakilan publik pusat sekretariat serta "
    "staf teknis umum unit usaha wilayah"
)
# Named like offices, and none: halls, companies, news agencies.
_NOT_OFFICES = frozenset(
    {
        ("balai", "kota"),
        ("balai", "desa"),
        ("balai", "kelurahan"),
        ("balai", "pertemuan"),
        ("balai", "kartini"),
        ("balai", "sidang"),
        ("badan", "usaha"),  # "Badan Usaha Milik Negara"
        ("kantor", "berita"),
    }
)
# A closing quote a name may follow ('"...," Budi Santoso menambahkan'): not
# one after a full stop, where a sentence begins.
_CLOSING_QUOTE = re.compile(r"(?<=[^\s.])[”\"][ \t]*")


class _Words:
    """The words of a text with their offsets, and the mentions covering them.

    Built from the text's ``NormalizedText`` (the matcher's tokens): word ``i``
    is ``text[starts[i]:ends[i]]`` and ``lowers[i]`` its folded form.
    """

    def __init__(self, doc: NormalizedText, mentions: Iterable[Mention]) -> None:
        self.text = doc.source
        self.starts = doc.source_starts
        self.ends = list(map(add, doc.source_starts, doc.lengths))
        self.lowers = doc.tokens
        self.mentions = sorted(mentions, key=lambda mention: mention.start)
        self._mention_starts = [mention.start for mention in self.mentions]
        self._marks: list[int] | None = None  # see ``next_mark``

    def word(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def __len__(self) -> int:
        return len(self.starts)

    def gap(self, index: int) -> str:
        """The text between word ``index`` and word ``index + 1``."""
        return self.text[self.ends[index] : self.starts[index + 1]]

    def capital(self, index: int) -> bool:
        return self.text[self.starts[index]].isupper()

    def lower(self, index: int) -> str:
        return self.lowers[index]

    def covered(self, index: int) -> bool:
        return self.mention_at(index) is not None

    def mention_at(self, index: int) -> Mention | None:
        """The matcher's mention word ``index`` is part of, if any."""
        found = bisect_right(self._mention_starts, self.starts[index]) - 1
        if found >= 0 and self.mentions[found].end > self.starts[index]:
            return self.mentions[found]
        return None

    def next_mark(self, index: int) -> int | None:
        """The first word after ``index`` that is a rank or may open a
        country's name."""
        if self._marks is None:
            self._marks = [
                i for i, word in enumerate(self.lowers) if word in _RUN_MARKS
            ]
        found = bisect_right(self._marks, index)
        return self._marks[found] if found < len(self._marks) else None

    def joined(self, index: int) -> bool:
        """Word ``index`` follows the one before it in the same name: only
        spaces or one line break between them."""
        return 0 < index < len(self.starts) and bool(
            _JOINED.fullmatch(self.gap(index - 1))
        )

    def index_at(self, offset: int) -> int:
        """The first word starting at or after ``offset``."""
        return bisect_left(self.starts, offset)


def discover_candidates(
    text: str,
    matcher_mentions: Iterable[Mention],
    doc: NormalizedText | None = None,
    vocabulary: Vocabulary = Vocabulary(),
) -> list[Candidate]:
    """Agency-like phrases and people that the matcher did not tag.

    Agencies: a capitalised head word (Dinas, Badan, Kementerian, Direktorat,
    Biro, Kantor, Balai...) followed by capitalised words, with "dan"/"serta"
    between them, past a short form in brackets, to the end of its place
    (``_agency_at`` says what is left out). People: two or more capitalised
    words (not counting initials) after a quote verb ("kata Budi Santoso",
    "ujar ..."), after a closing quote, after a title and its office, with a
    comma ("Kepala Dinas Koperasi, Budi Santoso"), a rank ("Kapolres Bogor
    AKBP ...") or a country ("Presiden Iran ...") between, after a minister's
    short title ("Menkes ..."), right after a tagged office that follows a
    title ("Gubernur Lampung Budi Santoso"), or at the end of an untagged one
    ("Kepala Biro Komunikasi Aji Muhawarman"). ``vocabulary`` holds the words
    of the authority files' names (``Matcher.vocabulary``).
    """
    if doc is None or doc.source is not text:
        doc = normalize_with_offsets(text)
    words = _Words(doc, matcher_mentions)
    cuts: list[int] = []  # sentence starts, found at the first candidate
    found: dict[tuple[str, str], Candidate] = {}
    taken = 0

    def add(
        kind: str, first: int, last: int, name: str = "", parent: str | None = None
    ) -> None:
        """Propose words ``first`` .. ``last``, by ``name`` if given (else as
        written); ``parent``: the id of the known body it belongs to."""
        start, end = words.starts[first], words.ends[last]
        if _in_headline(text, start):
            return
        if kind == PERSON and words.lower(first) in vocabulary.place_words:
            return  # "Ketua DPRD Bantaeng, Sulawesi Selatan (Sulsel), ..."
        name = name or _written(text[start:end])
        key = normalize(name)
        if key in vocabulary.known:
            return
        if not cuts:
            cuts.extend(sentence_cuts(text))
        found.setdefault(
            (kind, key),
            Candidate(
                kind, name, mention_context(text, cuts, start, end), start, end, parent
            ),
        )

    # Most words start nothing: the words that may are picked out in C.
    lowers = words.lowers
    for index in compress(count(), map(_TRIGGERS.__contains__, lowers)):
        lower = lowers[index]
        if lower in QUOTE_VERBS and index + 1 < len(words):
            if words.gap(index).isspace() and not _headline_verb(words, index):
                _person_at(words, index + 1, add)
        elif index < taken:
            continue  # inside the agency-like phrase found before
        elif words.capital(index) and not words.covered(index):
            if lower in DISCOVERY_HEADS:
                last = _agency_phrase(words, index)
                if last > index:
                    _agency_at(words, index, last, add, vocabulary)
                    taken = last + 1
            elif lower in _TITLES:
                _person_at(words, index, add)  # after a rank, or a minister's
                _person_after_office(words, index, add)
    for match in _CLOSING_QUOTE.finditer(text):
        index = words.index_at(match.end())
        if index < len(words) and words.starts[index] == match.end():
            _person_at(words, index, add)
    for mention in words.mentions:
        if mention.kind != AGENCY:
            continue
        before = words.index_at(mention.start) - 1
        titled = mention.method == "role" or (
            before >= 0 and words.lower(before) in TITLE_WORDS
        )
        if titled:
            _holder_after(words, mention.end, add)
    return sorted(_without_short_forms(found), key=lambda candidate: candidate.start)


def _without_short_forms(found: dict[tuple[str, str], Candidate]) -> list[Candidate]:
    """The candidates less each office the text also names in full: "Dinas
    Kesehatan" beside "Dinas Kesehatan DKI Jakarta" is that office, not one
    of its own (whose page would gather every region's)."""
    offices = [name for kind, name in found if kind == AGENCY]
    short = {
        name
        for name in offices
        if any(other.startswith(name + " ") for other in offices)
    }
    return [
        candidate
        for (kind, name), candidate in found.items()
        if kind != AGENCY or name not in short
    ]


# A headline: a short line whose longer words nearly all open with a
# capital, and that does not end a sentence with a full stop.
_LINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FULL_STOP_END = re.compile(r"(?<!\.)\.[\"'”’)]*\s*$")
HEADLINE_WORDS = 20  # at most
HEADLINE_CHARS = 250  # at most: a longer line is text, its words not split
HEADLINE_CAPITALS = 0.8  # of the words of four letters or more, at least


def _headline_verb(words: _Words, index: int) -> bool:
    """Quote verb ``index`` is capitalised inside a sentence: a headline's
    ("... : OJK Ungkap Biang Kerok IHSG"), whose capitals name no one."""
    return (
        index > 0
        and words.capital(index)
        and not _OPENS_SENTENCE.search(words.gap(index - 1))
    )


def _in_headline(text: str, offset: int) -> bool:
    """Whether the line holding ``offset`` is a headline: its words are
    capitalised whatever they are ("Menteri PU Mesti Rombak Pejabat untuk
    Kejar Sekolah Rakyat", "Prabowo Minta Tunda Bangun Kantor Baru"), so
    capitals name no one and no office there."""
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end == -1 else end
    if end - begin > HEADLINE_CHARS:
        return False
    line = _LINE_WORD.findall(text, begin, end)
    longer = [word for word in line if len(word) >= 4]
    if len(line) > HEADLINE_WORDS or len(longer) < 4:
        return False
    if _FULL_STOP_END.search(text, begin, end):
        return False
    capitals = sum(word[0].isupper() for word in longer)
    return capitals >= HEADLINE_CAPITALS * len(longer)


def _agency_phrase(words: _Words, index: int) -> int:
    """Index of the last word of the agency-like phrase that starts at ``index``."""
    last = index
    position = index + 1
    in_list = False  # after "Industri Agro, Kimia, dan ..."
    while position < len(words) and not words.covered(position):
        gap = words.gap(position - 1)
        if gap.strip() == "(":
            # "Dinas Kesehatan (Dinkes) DKI Jakarta": the name goes on after
            # its short form (of a few words: "(Disperdagkop UM) Kabupaten
            # Madiun"), if a capitalised word follows it.
            close = position
            while (
                close + 1 < len(words)
                and close - position < _SHORT_FORM_WORDS - 1
                and words.gap(close).isspace()
            ):
                close += 1
            after = close + 1
            if (
                after < len(words)
                and _ACRONYM_BETWEEN.fullmatch(words.gap(close))
                and _office_word(words, after)
            ):
                last = after
                position = after + 1
                continue
            break
        if not _PHRASE_GAP.fullmatch(gap):
            if gap.strip() == "." and words.lower(position - 1) in ABBREVIATIONS:
                pass  # "Kab. Tanggamus"
            elif gap.strip() == "," and (in_list or _list_in_name(words, position)):
                in_list = True  # "Industri Kecil, Menengah, dan Aneka"
            else:
                break
        lower = words.lower(position)
        if words.capital(position):
            if _the_presidents(words, position):
                last = position
                if lower == "presiden":
                    break  # its last word: a name may follow
                position += 1
                continue
            if lower in _NOT_IN_OFFICE_NAMES:
                break
            last = position
        elif (
            lower in _CONNECTORS
            and position + 1 < len(words)
            and words.capital(position + 1)
            and words.lower(position + 1) not in DISCOVERY_HEADS
        ):
            in_list = False  # the list ends with its last item
        else:
            break  # "Dinas Koperasi dan Dinas Pertanian" are two offices
        position += 1
    return last


def _the_presidents(words: _Words, index: int) -> bool:
    """ "Presiden" (or "Wakil Presiden") in an office's name: after
    "Sekretariat" or "Staf" ("Biro Pers, Media, dan Informasi Sekretariat
    Presiden", "Kantor Staf Presiden"), not a title ending it."""
    lower = words.lower(index)
    if lower == "wakil" and index + 1 < len(words):
        follows = words.lower(index + 1) == "presiden"
        return follows and words.lower(index - 1) in _PRESIDENTS_OFFICES
    if lower != "presiden":
        return False
    before = words.lower(index - 1)
    if before == "wakil" and index > 1:
        before = words.lower(index - 2)
    return before in _PRESIDENTS_OFFICES


def _list_in_name(words: _Words, index: int) -> bool:
    """A list of an office's parts opens at word ``index``, after a comma
    ("..., Koperasi, dan Usaha Mikro"); not a list of offices ("Dinas
    Peternakan, Dinas Kesehatan, RSUD Haji, serta Dinas ...")."""
    if words.lower(index) in DISCOVERY_HEADS:
        return False
    listed = _LIST_AFTER_COMMA.match(words.text, words.ends[index - 1])
    return listed is not None and listed.group(1).lower() not in DISCOVERY_HEADS


def _office_word(words: _Words, index: int) -> bool:
    return (
        words.capital(index)
        and not words.covered(index)
        and words.lower(index) not in _NOT_IN_OFFICE_NAMES
    )


def _agency_at(
    words: _Words, first: int, last: int, add, vocabulary: Vocabulary
) -> None:
    """Propose the agency-like phrase ``first`` .. ``last``, less what follows
    its place ("Dinas Kesehatan DKI Jakarta Ani Ruspitawati") or, after a
    title, the words no office's name holds ("Kepala Biro Komunikasi dan
    Pelayanan Publik Aji Muhawarman"): a person's name there is proposed as
    one. An initial at its end opens a name ("... Sumatera Utara M."). Not
    proposed: another country's office, a phrase of generic words only
    ("Kantor Pusat", "Direktorat Jenderal"), the office of a company ("Kantor
    Pusat BRI"), halls ("Balai Kota"), companies ("Badan Usaha Milik
    Negara") and news agencies ("Kantor Berita")."""
    if last > first + 1 and len(words.word(last)) == 1:
        last -= 1
    if words.lower(first) == "kantor" and words.lower(first + 1) == "dinas":
        first += 1  # "Kantor Dinas Kominfo Sleman": the office's building
    titled = first > 0 and words.lower(first - 1) in _TITLES and words.joined(first)
    span = _place_span(words, first, last, vocabulary)
    place = span[1] if span is not None else None
    if place is not None and place < last:
        name = place + 1
    elif (
        titled
        and place is None
        and not _comma_after(words, last)
        and not _short_form_after(words, first, last)
    ):
        # (a name after a comma is the office's holder: "Kepala Kantor
        # Masjid Agung Al Azhar, Tatang Komara"; a phrase that ends with its
        # place has none: "... Ogan Komering Ulu", nor one its short form
        # in brackets closes: "Kepala Badan Pengatur Jalan Tol (BPJT)")
        name = _unknown_tail(words, first, last, vocabulary)
    else:
        name = None
    if name is not None:
        person = name
        while person < last and words.lower(person) in _PREFIXES:
            person += 1  # "... Kabupaten Sidoarjo Dr. Eni Rustianingsih"
        person_last = _less_degrees(words, person, last)
        if titled and _a_name(words, person, person_last, vocabulary):
            add(PERSON, person, person_last)
        last = name - 1
        while last > first and "(" in words.gap(last - 1):
            last -= 1  # "Inspektorat Jenderal (Itjen) Rudi ...": "(Itjen" goes
    office_end = last  # the office's own words, before the body it belongs to
    parent = _parent_after(words, last) if name is None and place is None else None
    full_name = ""
    if parent is not None:
        # Named with its body as the authority files name it, so that
        # "... Kemenkes" and "... Kementerian Kesehatan" are one office.
        last = words.index_at(parent.end) - 1
        office = _written(words.text[words.starts[first] : words.ends[office_end]])
        body = vocabulary.agency_names.get(parent.entity_id, parent.surface)
        if titled:
            # "Kepala Biro Komunikasi dan Informasi Publik Kemenkes Aji Muhawarman"
            _holder_after(words, parent.end, add)
        bracketed = _alone_in_brackets(words, office_end, parent)
        if normalize(office) in vocabulary.known or _same_body(office, body, bracketed):
            # A known body the matcher missed ("Direktorat Jenderal (Sesditjen)
            # Minyak dan Gas Bumi (Migas) Kementerian ESDM"), or the body
            # itself ("Badan Pengelola Investasi (BPI) Danantara", "Badan
            # Riset dan Antariksa Nasional (BRIN)").
            return
        full_name = f"{office} {body}"
    elif span is not None and place == last and words.lower(first) == "dinas":
        # A regional government's office, its place written in full as the
        # authority files write it: "Dinas Kesehatan Sidoarjo" and "...
        # Kabupaten Sidoarjo" are one office.
        in_full = _place_in_full(words, span[0], place, vocabulary)
        if in_full is not None:
            office = words.text[words.starts[first] : words.ends[span[0] - 1]]
            full_name = f"{_written(office)} {in_full}"
    lowers = words.lowers[first : last + 1]
    if (
        _abroad(words, first, last)
        # generic words alone, or before the body they name ("Kantor Pusat
        # Kemensos" is Kemensos)
        or _GENERIC_OFFICE_WORDS.issuperset(words.lowers[first : office_end + 1])
        or tuple(lowers[:2]) in _NOT_OFFICES
        or (lowers[0] == "kantor" and _company_after(words, first, last))
    ):
        return
    add(AGENCY, first, last, full_name, parent.entity_id if parent else None)


def _alone_in_brackets(words: _Words, last: int, parent: Mention) -> bool:
    """The known body after the office's name ending at word ``last`` stands
    alone in brackets, as a short form does: "... Nasional (BRIN)"."""
    return (
        words.starts[last + 1] == parent.start
        and words.gap(last).strip() == "("
        and words.text[parent.end : parent.end + 1] == ")"
    )


def _same_body(office: str, body: str, bracketed: bool = False) -> bool:
    """``office`` names ``body`` itself: cut short ("Badan Pengelola
    Investasi" before "(BPI) Danantara") or misspelt ("Daya Anangata
    Nusantara (Danantara)"), more loosely when the body stands alone in
    brackets after it as its short form ("Badan Riset dan Antariksa Nasional
    (BRIN)"; not "Biro Hukum (BPS)", a unit of it)."""
    office, body = normalize(office), normalize(body)
    ratio = BRACKETED_BODY_RATIO if bracketed else SAME_BODY_RATIO
    return body.startswith(office) or fuzz.ratio(office, body) >= ratio


def _written(text: str) -> str:
    """A name as written, less what it holds in brackets ("Dinas Perhubungan
    (Dishub) DKI Jakarta")."""
    return " ".join(_PARENTHESIS.sub("", text).split())


def _parent_after(words: _Words, last: int) -> Mention | None:
    """The known body an office's name ending at ``last`` belongs to, if that
    body follows at once ("Biro Komunikasi dan Informasi Publik Kemenkes": the
    ministry's bureau, not a page of its own for every ministry's bureau of
    that name)."""
    after = last + 1
    if (
        after + 1 < len(words)
        and words.gap(last).strip() == "("
        and words.gap(after).strip() == ")"
        and not words.covered(after)
    ):
        after += 1  # past its own short form: "... Jalan Tol (BPJT) Kemenkes"
    elif after >= len(words) or not _BODY_GAP.fullmatch(words.gap(last)):
        return None
    mention = words.mention_at(after)
    if mention is None or mention.kind != AGENCY:
        return None
    return mention if mention.start == words.starts[after] else None


def _holder_after(words: _Words, end: int, add) -> None:
    """The name right after an office's name that ends at offset ``end``
    (after a title: the office's holder), past a comma or a line break."""
    after = words.index_at(end)
    if after < len(words) and _HOLDER_GAP.fullmatch(
        words.text, end, words.starts[after]
    ):
        _person_at(words, after, add, after_office=True)


def _short_form_after(words: _Words, first: int, last: int) -> bool:
    """The phrase ``first`` .. ``last`` is followed by its own short form in
    brackets, as its first letter tells: "Badan Pengatur Jalan Tol (BPJT)",
    not "Dinas Kesehatan Rudi Hartono (RH)"."""
    if last + 1 >= len(words) or not words.gap(last).strip().startswith("("):
        return False
    return words.word(last + 1)[0].lower() == words.word(first)[0].lower()


def _comma_after(words: _Words, index: int) -> bool:
    """A comma and what may open a name follow word ``index`` (not a day, a
    title: "..., Kamis (7/5)", "..., Kepala Dinas ...")."""
    return (
        index + 1 < len(words)
        and words.gap(index).strip() == ","
        and words.capital(index + 1)
        and words.lower(index + 1) not in _NOT_NAMES
    )


def _company_after(words: _Words, first: int, last: int) -> bool:
    """ "Kantor (Pusat/Cabang/Unit) BRI ...": a company's or a body's office."""
    position = first + 1
    while position < last and words.lower(position) in _GENERIC_OFFICE_WORDS:
        position += 1
    word = words.word(position)
    return len(word) > 1 and word.isupper()


def _place_span(
    words: _Words, first: int, last: int, vocabulary: Vocabulary
) -> tuple[int, int] | None:
    """The first and last word of the first place the phrase names
    ("Provinsi Jawa Barat", "Kota Bogor", "DKI Jakarta", "Kabupaten Hulu
    Sungai Selatan", "Ogan Komering Ulu"), or None."""
    for position in range(first + 1, last + 1):
        lower = words.lower(position)
        if lower in _PLACE_PREFIXES and position < last:
            end = _regency_end(words, position + 1, last, vocabulary) or position + 1
        elif lower in vocabulary.place_starts and words.capital(position):
            end = position
        elif (
            words.capital(position)
            and words.lower(position) not in COMMON_WORD_NAMES
            # A regency's or city's name, unprefixed ("Dinas Kesehatan
            # Sidoarjo", "... Ogan Komering Ulu").
            and (regency := _regency_end(words, position, last, vocabulary))
        ):
            end = regency
        else:
            continue
        while end < last and words.lower(end + 1) in vocabulary.place_words:
            end += 1
        return position, end
    return None


def _place_in_full(
    words: _Words, start: int, end: int, vocabulary: Vocabulary
) -> str | None:
    """The place of words ``start`` .. ``end`` as the authority files write it
    in an office's name ("Sidoarjo": "Kabupaten Sidoarjo", "Jatim" and
    "Provinsi DKI Jakarta": "Provinsi Jawa Timur", "Provinsi Daerah Khusus
    Ibukota Jakarta", "Kab. Tebo": "Kabupaten Tebo"); None for a place
    several bear named bare ("Bekasi") or a province the files do not know."""
    lowers = tuple(words.lowers[start : end + 1])
    prefix = _PREFIX_KINDS.get(lowers[0])
    if prefix == "Provinsi":
        return vocabulary.provinces.get(lowers[1:])
    if prefix is not None and start < end:  # "Kab. Tebo": "Kabupaten Tebo"
        rest = words.text[words.starts[start + 1] : words.ends[end]]
        return f"{prefix} {_written(rest)}"
    return vocabulary.written_places.get(lowers)


def _regency_end(
    words: _Words, start: int, last: int, vocabulary: Vocabulary, least: int = 1
) -> int | None:
    """The last word of the longest name of a regency or city, of ``least``
    words or more, that the words from ``start`` make, if they make one."""
    longest = min(vocabulary.place_name_words, last - start + 1)
    for size in range(longest, least - 1, -1):
        named = tuple(words.lower(index) for index in range(start, start + size))
        if named in vocabulary.place_names:
            return start + size - 1
    return None


def _unknown_tail(
    words: _Words, first: int, last: int, vocabulary: Vocabulary
) -> int | None:
    """Where the last words that no office's or place's name holds begin,
    if they are two or more, leave the office two words and do not end a
    list ("... Kebudayaan dan Tradisi Lita Rahmiati": "Tradisi" is the
    office's)."""
    start = last + 1
    while start - 1 >= first + 2:
        index = start - 1
        lower = words.lower(index)
        if lower in vocabulary.office_words or lower in vocabulary.place_words:
            break
        if index < last and not _NAME_GAP.fullmatch(words.gap(index)):
            break
        start = index
    if start <= last and words.lower(start - 1) in _CONNECTORS:
        start += 1
    return start if last - start >= 1 else None


def _a_name(words: _Words, first: int, last: int, vocabulary: Vocabulary) -> bool:
    """Words ``first`` .. ``last`` read as a person's name: two or more whole
    words, none a position, a common word, an acronym or a place's."""
    whole = 0
    for index in range(first, last + 1):
        if not _name_word(words, index) or words.lower(index) in vocabulary.place_words:
            return False
        if index > first and not _NAME_GAP.fullmatch(words.gap(index - 1)):
            return False
        whole += len(words.word(index)) > 1
    return whole >= 2


def _name_word(words: _Words, index: int) -> bool:
    """Word ``index`` may be a word of a person's name: capitalised, and no
    position, title, day, common word or acronym (nor a dateline's capitals)."""
    word, lower = words.word(index), words.lower(index)
    return (
        words.capital(index)
        and lower not in _NOT_NAMES
        and not common_word(lower)
        and not (word.isupper() and len(word) > 2)
    )


def _abroad(words: _Words, first: int, last: int) -> bool:
    """The phrase ends with a country's name: another country's office
    ("Kementerian Kesehatan Singapura"), none of this archive's."""
    return any(
        position + country_at(words.lowers, position, words.joined) == last + 1
        for position in range(first + 1, last + 1)
    )


def _person_at(words: _Words, index: int, add, *, after_office=False) -> None:
    """A person's name starting at word ``index``, if one does.

    Honorifics and ranks before it are left out ("Prof", "Kombes"). A title
    opens no name ("ujar Kapolsek Tenjo"), unless a rank or a country follows
    it in the same run of capitals ("Kapolsek Tenjo Iptu Hendrik Hartono",
    "Menteri Keuangan AS Scott Bessent") or the title holds its office
    ("Menkes Budi Gunadi Sadikin").
    """
    if after_office and words.lower(index) == "ri" and words.capital(index):
        index += 1  # "Kepala BPOM RI Taruna Ikrar"
    index = _past_prefixes(words, index)
    if index is None:
        return
    lower = words.lower(index)
    if lower in _TITLES:
        start = _name_start_in_run(words, index)
        if start is not None:
            index = _past_prefixes(words, start)
        elif lower in OFFICE_TITLES and words.joined(index + 1):
            index += 1
        else:
            return
        if index is None:
            return
    last = None
    position = index
    while position < len(words) and position - index < 6:
        if words.covered(position) or not _name_word(words, position):
            break
        last = position
        if position + 1 == len(words):
            break
        gap = words.gap(position)
        whole_word = len(words.word(position)) > 1
        if not _NAME_GAP.fullmatch(gap) or ("." in gap and whole_word):
            break  # punctuation, or a full stop after a whole word
        position += 1
    if last is None or index + country_at(words.lowers, index, words.joined) > last:
        return  # no name, or a country's ("Timor Leste")
    last = _less_degrees(words, index, last)
    whole = {words.lower(i) for i in range(index, last + 1) if len(words.word(i)) > 1}
    if len(whole) >= 2:  # not "Prabowo Prabowo": two sentences run together
        add(PERSON, index, last)


# Academic degrees written after a name, their dots left out as the words
# are folded ("S.Kom., M.M." and "SKom MM" are "skom" and "mm").
DEGREES = word_set(
    "sag sak se sh shi sikom sip skom sked skep skm sp spd spt ssi ssos sstp st "
    "sth shut mag mak map mba mh mhi mikom mkes mkom mm mp mpd msc msi mt "
    "phd bsc meng"
)


def _less_degrees(words: _Words, first: int, last: int) -> int:
    """The last word of the name ``first`` .. ``last`` less the degrees after
    it ("M. Zainul Arifin SKom MM", "Eni Rustianingsih, S.Pd"): a degree is
    one word with two capitals or more ("SKom", "MM"; not "Jack Ma"), or two
    joined by a dot ("S.Kom")."""
    while last > first:
        word = words.word(last)
        if words.lower(last) in DEGREES and sum(map(str.isupper, word)) >= 2:
            last -= 1
        elif (
            words.gap(last - 1) == "."
            and words.lower(last - 1) + words.lower(last) in DEGREES
            and last - 1 > first
        ):
            last -= 2
        else:
            break
    return last


def _past_prefixes(words: _Words, index: int) -> int | None:
    """The first word from ``index`` past honorifics and ranks ("Prof. Dr.",
    "Komjen Pol."), or None where punctuation other than their dots ends
    the run."""
    while index + 1 < len(words) and words.lower(index) in _PREFIXES:
        if not _NAME_GAP.fullmatch(words.gap(index)):
            return None
        index += 1
    return index if index < len(words) else None


def _name_start_in_run(words: _Words, index: int) -> int | None:
    """Where a name starts in the run of capitalised words that opens with the
    title at ``index``: after its first rank ("Kapolres Bogor AKBP ...") or
    after a country ("Presiden Iran Masoud Pezeshkian"); None if neither."""
    mark = words.next_mark(index)  # the next rank or country, if any
    if mark is None or mark - index >= _RUN:
        return None  # the usual case: "Kepala Dinas ..." with neither
    position = index + 1
    while position < len(words) and position - index < _RUN:
        if not (words.joined(position) and words.capital(position)):
            return None
        lower = words.lower(position)
        if lower in RANKS and lower != "jenderal":
            return position
        found = country_at(words.lowers, position, words.joined)
        if found:
            return position + found
        position += 1
    return None


def _person_after_office(words: _Words, index: int, add) -> None:
    """ "Kepala Dinas Koperasi, Budi Santoso": a title, its office, a comma, a name."""
    position = index + 1
    while position < len(words) and position - index < 10:
        gap = words.gap(position - 1)
        if gap.strip() == ",":
            lower = words.lower(position)
            if (
                lower not in _POSITION_WORDS
                and lower not in _CONNECTORS
                and not _OFFICE_LIST.match(words.text, words.ends[position - 1])
            ):
                _person_at(words, position, add)
                return
            # The office's name goes on: "Kepala Pengawas Perbankan, Aset
            # Digital, dan Kripto, Budi Santoso", "Kepala Dinas Ketahanan
            # Pangan, Kelautan, dan Pertanian, Budi Santoso".
        elif not _PHRASE_GAP.fullmatch(gap):
            return
        if not (words.capital(position) or words.lower(position) in _CONNECTORS):
            return
        position += 1
