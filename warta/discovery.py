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
from collections.abc import Iterable
from itertools import compress, count
from operator import add

from warta.entities import (
    ABBREVIATIONS,
    AGENCY,
    HEAD_WORDS,
    HONORIFICS,
    PERSON,
    TITLE_WORDS,
    Candidate,
    Mention,
    mention_context,
    sentence_cuts,
    word_set,
)
from warta.name_words import (
    OFFICE_TITLES,
    RANKS,
    SHORT_TITLES,
    common_word,
    country_at,
)
from warta.normalize import NormalizedText, normalize, normalize_with_offsets

DISCOVERY_HEADS = frozenset(
    {
        "badan",
        "balai",
        "biro",
        "dinas",
        "direktorat",
        "ditjen",
        "inspektorat",
        "kantor",
        "kementerian",
        "kementrian",
        "sekretariat",
        "unit",
    }
)
_CONNECTORS = frozenset({"dan", "serta", "&"})
_ATTRIBUTION = frozenset(
    {
        "imbuh",
        "jelas",
        "jelasnya",
        "kata",
        "katanya",
        "papar",
        "sebut",
        "tambah",
        "tegas",
        "terang",
        "tutur",
        "ucap",
        "ujar",
        "ungkap",
    }
)
# Words discovery starts at.
_TRIGGERS = _ATTRIBUTION | DISCOVERY_HEADS | TITLE_WORDS | SHORT_TITLES | OFFICE_TITLES
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
    "institute team racing sports online management research health group"
)
_NOT_NAMES = (
    TITLE_WORDS
    | HEAD_WORDS
    | DISCOVERY_HEADS
    | _POSITION_WORDS
    | SHORT_TITLES
    | OFFICE_TITLES
    | RANKS
    | word_set(
        "senin selasa rabu kamis jumat sabtu minggu januari februari maret april "
        "mei juni juli agustus september oktober november desember provinsi "
        "kabupaten kota pemerintah rapat data menurut dia ia mereka kami"
    )
)
_TITLES = TITLE_WORDS | SHORT_TITLES | OFFICE_TITLES
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
_LIST_AFTER_COMMA = re.compile(r",\s*(?:[A-Z][\w-]*,?\s+)+(?:dan|serta)\s+[A-Z]")
# Between the words of a name: spaces, one line break, a dot after an initial.
_NAME_GAP = re.compile(r"\.?[ \t]*\n?[ \t]*")
# Between the words of an agency's name: spaces, one line break, "-", "&", "/".
_PHRASE_GAP = re.compile(r"[ \t]*\n?[ \t]*|[ \t]*[-&/][ \t]*")
_JOINED = re.compile(r"[ \t]*\n?[ \t]*")
_CLOSING_QUOTE = re.compile(r"(?<=\S)[”\"][ \t]*")


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
        found = bisect_right(self._mention_starts, self.starts[index]) - 1
        return found >= 0 and self.mentions[found].end > self.starts[index]

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
) -> list[Candidate]:
    """Agency-like phrases and people that the matcher did not tag.

    Agencies: a capitalised head word (Dinas, Badan, Kementerian, Direktorat,
    Biro, Kantor, Balai...) followed by capitalised words, with "dan"/"serta"
    between them and a place at the end. People: two or more capitalised words
    (not counting initials) after a quote verb ("kata Budi Santoso", "ujar
    ..."), after a closing quote, after a title, its office and a comma
    ("Kepala Dinas Koperasi, Budi Santoso"), or right after a tagged office
    that follows a title ("Gubernur Lampung Budi Santoso").
    """
    if doc is None or doc.source is not text:
        doc = normalize_with_offsets(text)
    words = _Words(doc, matcher_mentions)
    cuts: list[int] = []  # sentence starts, found at the first candidate
    found: dict[tuple[str, str], Candidate] = {}
    taken = 0

    def add(kind: str, first: int, last: int) -> None:
        start, end = words.starts[first], words.ends[last]
        if _in_headline(text, start):
            return
        name = " ".join(text[start:end].split())
        if not cuts:
            cuts.extend(sentence_cuts(text))
        found.setdefault(
            (kind, normalize(name)),
            Candidate(kind, name, mention_context(text, cuts, start, end), start, end),
        )

    # Most words start nothing: the words that may are picked out in C.
    lowers = words.lowers
    for index in compress(count(), map(_TRIGGERS.__contains__, lowers)):
        lower = lowers[index]
        if lower in _ATTRIBUTION and index + 1 < len(words):
            if words.gap(index).isspace():
                _person_at(words, index + 1, add)
        elif index < taken:
            continue  # inside the agency-like phrase found before
        elif words.capital(index) and not words.covered(index):
            if lower in DISCOVERY_HEADS:
                last = _agency_phrase(words, index)
                if last > index and not _abroad(words, index, last):
                    add(AGENCY, index, last)
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
        after = words.index_at(mention.end)
        titled = mention.method == "role" or (
            before >= 0 and words.lower(before) in TITLE_WORDS
        )
        if titled and after < len(words):
            gap = text[mention.end : words.starts[after]]
            if re.fullmatch(r"[ \t]*,?[ \t]*\n?[ \t]*", gap):
                _person_at(words, after, add, after_office=True)
    return sorted(found.values(), key=lambda candidate: candidate.start)


# A headline: a short line whose longer words nearly all open with a
# capital, and that does not end a sentence with a full stop.
_LINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FULL_STOP_END = re.compile(r"(?<!\.)\.[\"'”’)]*\s*$")
HEADLINE_WORDS = 20  # at most
HEADLINE_CHARS = 250  # at most: a longer line is text, its words not split
HEADLINE_CAPITALS = 0.8  # of the words of four letters or more, at least


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
        if not _PHRASE_GAP.fullmatch(gap):
            if gap.strip() == "." and words.lower(position - 1) in ABBREVIATIONS:
                pass  # "Kab. Tanggamus"
            elif gap.strip() == "," and (
                in_list or _LIST_AFTER_COMMA.match(words.text, words.ends[position - 1])
            ):
                in_list = True  # "Industri Kecil, Menengah, dan Aneka"
            else:
                break
        lower = words.lower(position)
        if words.capital(position):
            if lower in _NOT_IN_OFFICE_NAMES:
                break
            last = position
        elif not (
            lower in _CONNECTORS
            and position + 1 < len(words)
            and words.capital(position + 1)
            and words.lower(position + 1) not in DISCOVERY_HEADS
        ):
            break  # "Dinas Koperasi dan Dinas Pertanian" are two offices
        position += 1
    return last


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
        rank = _name_start_in_run(words, index)
        if rank is not None:
            index = _past_prefixes(words, rank)
        elif lower in OFFICE_TITLES and words.joined(index + 1):
            index += 1
        else:
            return
        if index is None:
            return
    last = None
    position = index
    while position < len(words) and position - index < 6:
        word = words.word(position)
        lower = words.lower(position)
        if (
            not words.capital(position)
            or words.covered(position)
            or lower in _NOT_NAMES
            or common_word(lower)
            or (word.isupper() and len(word) > 2)  # an acronym, a dateline
        ):
            break
        last = position
        if position + 1 == len(words):
            break
        gap = words.gap(position)
        if not _NAME_GAP.fullmatch(gap) or ("." in gap and len(word) > 1):
            break  # punctuation, or a full stop after a whole word
        position += 1
    if last is None or index + country_at(words.lowers, index, words.joined) > last:
        return  # no name, or a country's ("Timor Leste")
    whole_words = [i for i in range(index, last + 1) if len(words.word(i)) > 1]
    if len(whole_words) >= 2:
        add(PERSON, index, last)


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
    position = index + 1
    while position < len(words) and position - index < 8:
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
            if lower not in _POSITION_WORDS and lower not in _CONNECTORS:
                _person_at(words, position, add)
                return
            # The office's name goes on: "Kepala Pengawas Perbankan, Aset
            # Digital, dan Kripto, Budi Santoso".
        elif not _PHRASE_GAP.fullmatch(gap):
            return
        if not (words.capital(position) or words.lower(position) in _CONNECTORS):
            return
        position += 1
