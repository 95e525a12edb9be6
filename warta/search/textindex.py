"""The archive's own static search index, written for theme/static/js/indeks.js.

Pagefind, which this replaces, computes word locations, filter counts and
the date order with loops whose cost grows with the square of the matching
pages (20 s for a common word at 20,000 articles), and needed about 250 KB
of memory per indexed page while writing its bundle. This index is written
with a few bytes per distinct word of each page in memory, and read by a
small script (theme/static/js/indeks.js) whose every step is linear in the
matching pages.

Words are compared as Pagefind compared them: NFKD, accents stripped, lower
case, split on anything but ``a-z0-9``, then stemmed with Snowball's
Indonesian stemmer; a query word matches every stem that starts with the
stem of a corpus word starting with it (``industri`` finds ``industrinya``,
``perindustrian`` and ``industrial``; ``pengola`` finds ``pengolahan``).

Every file is gzip-compressed JSON or binary (``.bin``; the script
checks the gzip signature, so a host that decompresses on the way is fine).
Numbers in binary files are little-endian. Documents are numbered so that
an article newer than all the others takes the next number and leaves every
other document's number, and so the files holding it, as they were: first
the pages without a date (``jumlah - bertanggal`` of them, by URL), then the
dated ones, oldest first (and by URL descending within one moment).
``urut=terbaru`` is the dated documents by number descending, then the
undated ones by number (``newest_first_ranks``). Stems, postings files and
first pages are named by stems (``file_name``), not numbered: a word new to
the archive leaves the names, and so the files, of every other stem as they
were. The bundle (``BUNDLE`` below) holds:

``meta.bin`` (JSON)
    ``format`` (4), ``versi`` (a hash of everything indexed, appended to
    every other file's URL so that a new build is never mixed with files
    a browser kept from an old one), ``jumlah``
    (documents), ``bertanggal`` (documents with a date: they are numbered
    last),
    ``saringan`` (``[[key, [value, ...]], ...]``: filter keys and their
    values, a value's number being its place in the list), ``kamus`` (the
    first word of each dictionary chunk), ``kata`` (``{word: [stems,
    page]}``: the dictionary entries of the words that have a first page,
    the ``META_WORDS`` matching the most documents at most, so that a search
    for them reads its postings or first page without waiting for a
    dictionary chunk first; ``stems`` and ``page`` as in ``kamus/``).
``kamus/N.bin`` (JSON)
    ``[[word, [[stem, df, file, extra], ...], page?], ...]`` for the corpus
    words from ``meta.kamus[N]`` up to the next chunk's first word: the stems
    the word matches (its own stem first, ``extra`` 0, then longer stems that
    start with it, ``extra`` being how many letters longer), how many
    documents hold each and the name of the postings file that has them;
    ``page``, when present, names the ``hal/`` file with the first page of
    the word's results.
``pos/NAME.bin`` (binary), NAME being that of its first stem
    a u32 length L, then L bytes of JSON ``{stem: [offset, length, [word,
    ...]]}`` (where the stem's postings start after the JSON, and the corpus
    words that have this stem, for highlighting), then the postings: per
    document holding the stem, in increasing order, a varint of the gap from
    the previous document number (the first counted from -1) and a u8
    impact, the stem's BM25 term weight in the document scaled to 1..255
    (the document's length weighed on a grid, ``_norm_length``).
``saringan.bin`` (binary)
    for each value of each key of ``meta.saringan``, in order: a u8 kind, a
    u32 length L and L bytes: the documents having that value, as gap
    varints (kind 0) or as a bitmap of ``jumlah`` bits, document N being
    bit N % 8 of byte N // 8 (kind 1), whichever is shorter.
``dok/N.bin`` (JSON)
    document N: ``u`` (URL, relative to the site root), ``j`` (title), ``m``
    (other ``data-cari-meta``), ``x`` (the text, for excerpts).
``hal/NAME.bin`` (JSON), NAME being that of the stem
    the first page of the results of a search for one word with that stem,
    with no filter, for the words matching at least
    ``PAGE_MIN_DOCUMENTS`` documents: what the script draws before it has
    fetched a posting. ``jumlah`` (the documents found), ``sorot`` (the words
    to mark), ``relevansi`` and ``terbaru`` (the first ``PAGE_SIZE``
    documents' numbers in either order, ranked exactly as the script ranks
    them), ``d`` (``{number: document}``, each as in ``dok/`` but with ``x``
    cut to the excerpt the script would show for this search).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import hashlib
import heapq
import itertools
import json
import math
import os
import re
import shutil
import struct
import sys
import unicodedata
import uuid
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain, compress
from pathlib import Path

import numpy as np
import snowballstemmer

from ..memory import release_free_memory
from ..spelt import usual_spelling
from ..walk import files_by_folder
from .extract import Page
from .spelling import SAME_WORD

FORMAT = 4
SORT_KEY = "tanggal"  # the data-cari-sort key that orders documents
TITLE_WEIGHT = 3  # a title word counts as this many body words
K1 = 1.2  # BM25 term saturation
B = 0.75  # BM25 length normalisation
# Documents whose postings are worked out at once (``IndexWriter._postings``).
POSTINGS_BLOCK = 1024
# Entries grouped by stem at once, at least (``IndexWriter._postings``).
POSTINGS_ENTRIES = 1 << 20
LENGTH_STEPS = 32  # grid points per doubling for the mean length (_typical_length)
NORM_STEPS = 8  # grid points per doubling for a document's length (_norm_length)
MAX_EXTENSIONS = 24  # longer stems a word may match, the most frequent kept
CHUNK_CHARS = 24_000  # JSON characters per dictionary chunk, before gzip
POSTINGS_BYTES = 8_192  # postings per file, before gzip: large stems get their own
GZIP_LEVEL = 6
PAGE_SIZE = 10  # results on a page: cari.js's PAGE_SIZE
PAGE_MIN_DOCUMENTS = 64  # a word matching fewer documents has no first page
EXCERPT_WORDS = 30  # words in an excerpt: indeks.js's excerpt() default
ELLIPSIS = "…"  # where an excerpt leaves words out: indeks.js's ELLIPSIS
PAGE_BATCH = 2_000  # first pages ranked before their documents are read
META_WORDS = 2_048  # words whose dictionary entry meta.bin holds, at most
# A postings file always begins at a stem whose hash is a multiple of this:
# a stem added or grown moves the files' borders in its stretch only.
POSTINGS_STRETCH = 256
NAME_CHARS = 48  # a stem this long at most names its file itself
# Pages dropped or added after ``IndexWriter.prepare``, at most, for
# ``finish`` to patch the postings it worked out (else made afresh): this
# many, or this share of the documents, whichever is more.
PATCH_PAGES = 64
PATCH_SHARE = 0.02
# numpy's type for the numbers of an ``array("I")`` (document and stem numbers).
UNIT = np.dtype(f"u{array('I').itemsize}")

_MARKS = re.compile("[\u0300-\u036f]")
_SEPARATORS = re.compile("[^a-z0-9]+")


def words(text: str) -> list[str]:
    """``text`` as the script's ``words()`` splits it."""
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()
    return [word for word in _SEPARATORS.split(folded) if word]


_stemmer = None
_stems: dict[str, str] = {}  # word -> stem, for this process
_reported: dict[str, set[str]] = {}  # session -> words already sent back


def stem(word: str) -> str:
    """The Snowball Indonesian stem of a ``words()`` word (numbers stay), or
    of the word it is another spelling of (``spelling.SAME_WORD``)."""
    global _stemmer
    found = _stems.get(word)
    if found is None:
        if word.isalpha():
            if _stemmer is None:
                _stemmer = snowballstemmer.stemmer("indonesian")
            same = SAME_WORD.get(word, word)
            found = _stemmer.stemWord(same) or same
        else:
            found = word
        _stems[word] = found
    return found


def _varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


# Postings at least this long are encoded by numpy (``_gap_varints``): a
# stem in 15,000 documents in 0.25 ms instead of 2 ms; below some 500
# documents numpy's fixed steps cost more (30: 0.13 ms instead of 0.016).
NUMPY_POSTINGS = 500


def _gap_varints(numbers: np.ndarray, follow: np.ndarray | None = None) -> bytes:
    """Ascending ``numbers`` (from 0) as the varints of their gaps (the first
    counted from -1), as ``_varint`` writes each, each followed by its byte
    of ``follow`` if given (a posting's impact); worked out by numpy (a
    filter value or a stem held by most of 20,000 documents took 20,000
    calls)."""
    gaps = np.diff(numbers, prepend=-1)
    tail = 0 if follow is None else 1
    if not len(gaps) or gaps.max() < 0x80:  # the common case
        if follow is None:
            return gaps.astype(np.uint8).tobytes()
        return np.column_stack([gaps.astype(np.uint8), follow]).tobytes()
    sizes = np.ones(len(gaps), np.int64)
    for bits in (7, 14, 21, 28, 35, 42, 49, 56):
        sizes += gaps >= 1 << bits
    starts = np.cumsum(sizes + tail) - sizes - tail
    out = np.zeros(int(sizes.sum()) + tail * len(gaps), np.uint8)
    for place in range(int(sizes.max())):  # the varints' bytes, place by place
        low = (gaps >> (7 * place)) & 0x7F
        more = (sizes > place + 1).astype(np.int64) << 7  # another byte follows
        written = sizes > place
        out[starts[written] + place] = (low | more)[written]
    if follow is not None:
        out[starts + sizes] = follow
    return out.tobytes()


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


# Names Windows refuses for a file, whatever its extension (a site copied
# there, or zipped and opened there).
_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{d}{n}" for d in ("com", "lpt") for n in range(10)]
)


def file_name(key: str) -> str:
    """The bundle file name for ``key`` (a stem): the stem itself, or, for a
    very long one or a device name, a hash of it (``-`` never occurs in a
    stem)."""
    if len(key) <= NAME_CHARS and key not in _DEVICE_NAMES:
        return key
    return "-" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def _stretch_starts(key: str) -> bool:
    return zlib.crc32(key.encode()) % POSTINGS_STRETCH == 0


@dataclass
class ReadPage:
    """A page as ``read_page`` leaves it: its text on disk, its stems counted."""

    slot: int
    url: str
    date: str
    filters: dict[str, list[str]]
    stems: list[str]
    counts: list[int]  # weighted: a title word counts TITLE_WEIGHT times
    length: int
    words: list[tuple[str, str]]  # (word, stem) not yet sent in this session
    digest: bytes
    # For a cache of pages read (``read_page(..., for_cache=True)``): every
    # distinct word, newline-joined, and the document file's bytes.
    all_words: str | None = None
    document: bytes | None = None


def read_page(
    page: Page, folder: Path, slot: int, session: str, for_cache: bool = False
) -> ReadPage:
    """Write ``page``'s document file as ``folder/SLOT.bin``; count its stems.

    The costly part of adding a page, and the part that needs nothing from the
    other pages: worker processes run it side by side. Each word's stem is
    sent back once per ``session`` and process; with ``for_cache`` the page's
    every word and its document file are sent too.
    """
    record = {"u": page.url, "j": page.title, "x": page.text}
    shown = {k: v for k, v in page.meta.items() if k != "title"}
    if shown:
        record["m"] = shown
    data = _json(record)
    document = _gzip(data)
    (folder / f"{slot}.bin").write_bytes(document)
    body = words(page.text)
    title = words(page.title)
    counts: Counter[str] = Counter(body)
    for word in title:
        counts[word] += TITLE_WEIGHT
    if session not in _reported:
        _reported.clear()  # a worker serves one writer at a time
    reported = _reported.setdefault(session, set())
    new = []
    by_stem: dict[str, int] = {}
    for word, count in counts.items():
        key = stem(word)
        by_stem[key] = by_stem.get(key, 0) + count
        if word not in reported:
            reported.add(word)
            new.append((word, key))
    return ReadPage(
        slot=slot,
        url=page.url,
        date=page.sort.get(SORT_KEY, ""),
        filters=page.filters,
        stems=list(by_stem),
        counts=list(by_stem.values()),
        length=len(body) + len(title) * TITLE_WEIGHT,
        words=new,
        digest=hashlib.sha1(data + _json([page.filters, page.sort])).digest(),
        all_words="\n".join(counts) if for_cache else None,
        document=document if for_cache else None,
    )


@dataclass
class _Doc:
    """What the index keeps of a page until documents are numbered."""

    slot: int  # its document file's temporary name
    url: str
    date: str  # "" for a page without one
    filters: dict[str, list[str]]
    length: int
    stems: array | None  # provisional stem numbers
    counts: array | None  # weighted term counts, parallel to ``stems``
    digest: bytes  # of what its document file holds (and more)
    # Where its document file's bytes come from when they are not in the
    # scratch folder (a page an earlier build read): asked only if needed.
    document: Callable[[], bytes] | None = None


# A bundle file as a run wrote it: the key of what it holds, its size and
# modification time (``IndexWriter.manifest``).
Written = tuple[bytes, int, int]


class IndexWriter:
    """Add pages, then ``finish``: the bundle replaces ``folder``.

    Documents' texts go to disk as they come; what stays in memory is a few
    bytes per distinct word of each page.

    ``previous``: the ``manifest`` of the run that wrote the bundle in
    ``folder``. The bundle is then updated where it is: a file whose key
    (what it holds) is the one that run wrote, and that is still as that run
    left it (size and modification time), is neither made nor written again;
    the others are replaced one by one, ``meta.bin`` last, and the files the
    new bundle lacks are removed. After one edited article, most files stay
    (a clean rebuild at 20,000 articles rewrote 22,000 files). Without it,
    the bundle is written afresh beside ``folder`` and takes its place.
    """

    def __init__(
        self,
        folder: Path,
        page_min: int = PAGE_MIN_DOCUMENTS,
        meta_words: int = META_WORDS,
        previous: dict[str, Written] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.page_min = page_min  # a word matching fewer has no first page
        self.meta_words = meta_words  # words whose entry meta.bin holds, at most
        self.work = self.folder.with_name(self.folder.name + ".baru")
        shutil.rmtree(self.work, ignore_errors=True)
        self.scratch = self.work / "tmp"  # document files until they are numbered
        self.scratch.mkdir(parents=True)
        self.in_place = bool(previous) and (self.folder / "meta.bin").is_file()
        self.previous = previous if self.in_place else {}
        self.target = self.folder if self.in_place else self.work
        # What this run's bundle holds: relative path -> ``Written``.
        self.manifest: dict[str, Written] = {}
        self.files_written = 0
        self.session = uuid.uuid4().hex
        self.vocabulary: dict[str, str] = {}  # word -> stem
        self._stem_ids: dict[str, int] = {}
        self._docs: dict[int, _Doc] = {}  # by slot
        # For ``drop``: how many pages hold each word, counted from the
        # pages that give every word (``ReadPage.all_words``), and how many
        # pages did not.
        self._word_pages: Counter[str] = Counter()
        self._uncounted = 0
        self._dropped = False
        # The documents whose file this run writes (new, or changed).
        self._renewed: set[int] = set()
        self._prepared: _Prepared | None = None

    def discard(self) -> None:
        """Write nothing: the bundle in ``folder`` stays as it is."""
        shutil.rmtree(self.work, ignore_errors=True)

    def add(self, page: Page) -> None:
        """Add one page: ``read_page`` then ``add_read`` (use one or the other)."""
        self.add_read(read_page(page, self.scratch, len(self._docs), self.session))

    def drop(self, slot: int, words: Iterable[str]) -> None:
        """Take back the page added with ``slot``, to be added again as it is
        now (it was written again since it was added); ``words`` are its
        every word as added. Nothing for a slot that added no page."""
        if self._uncounted:
            raise RuntimeError("drop needs every page's words (all_words)")
        doc = self._docs.pop(slot, None)
        if doc is None:
            return
        self._dropped = True
        counts = self._word_pages
        for word in words:
            left = counts[word] - 1
            if left > 0:
                counts[word] = left
            else:  # in no other page: not a corpus word any more
                del counts[word]
                self.vocabulary.pop(word, None)

    def add_read(
        self, read: ReadPage, document: Callable[[], bytes] | None = None
    ) -> None:
        """Add a page that ``read_page`` has read into ``self.scratch``, or
        whose ``document`` file's bytes that callable gives (asked only if
        the bundle lacks that file).

        Pages may come in any order (as they are read): they are numbered by
        date, and the bundle's version is a hash of the pages by URL.
        """
        self.vocabulary.update(read.words)
        if read.all_words is None:
            self._uncounted += 1
        else:
            self._word_pages.update(filter(None, read.all_words.split("\n")))
        ids = self._stem_ids
        numbers = array("I")
        for key in read.stems:
            found = ids.get(key)
            if found is None:
                found = ids[key] = len(ids)
            numbers.append(found)
        self._docs[read.slot] = _Doc(
            slot=read.slot,
            url=read.url,
            date=read.date,
            filters=read.filters,
            length=read.length,
            stems=numbers,
            counts=array("I", read.counts),
            digest=read.digest,
            document=document,
        )

    def prepare(self) -> None:
        """Work out the postings of the pages added so far, while the build
        still writes the rest: ``finish`` patches them for the pages dropped
        or added since, if they are few and leave every other document its
        number (an edited page, an article newer than all the others), and
        works them out afresh otherwise."""
        docs, _ = self._in_order()
        count = len(self._stem_ids)
        postings, impacts = self._postings(
            docs, array("I", range(count)), count, keep=True
        )
        self._prepared = _Prepared(docs, _typical_length(docs), postings, impacts)

    @staticmethod
    def patchable(changes: int, documents: int) -> bool:
        """Whether ``finish`` patches what ``prepare`` worked out when this
        many of ``documents`` pages were dropped or added since."""
        return changes <= max(PATCH_PAGES, PATCH_SHARE * documents)

    # -- finishing ---------------------------------------------------------

    def finish(self) -> dict:
        """Write the bundle; return figures about it."""
        docs, undated = self._order()
        stems, final = self._number_stems(docs)
        # The stems of the documents renewed: the first pages that may show
        # them are made again.
        touched = {final[p] for number in self._renewed for p in docs[number].stems}
        patched = self._patched(docs, final, len(stems))
        postings, impacts = patched or self._postings(docs, final, len(stems))
        df = array("I", (len(p) for p in postings))
        forms = self._forms(stems)
        matched = {base: self._extensions(stems, base, df) for base in sorted(forms)}
        pages = self._write_pages(
            docs, undated, stems, df, matched, forms, postings, impacts, touched
        )
        files, where = self._write_postings(stems, postings, impacts, forms)
        del postings, impacts
        chunks, frequent = self._write_dictionary(stems, df, where, matched, pages)
        filters = self._write_filters(docs)
        meta = {
            "format": FORMAT,
            "versi": self._version(docs, filters),
            "jumlah": len(docs),
            "bertanggal": len(docs) - undated,
            "saringan": filters,
            "kamus": chunks,
            "kata": frequent,
        }
        self._put("meta.bin", _json(meta))
        if self.in_place:
            self._remove_unlisted()
            shutil.rmtree(self.work)
        else:
            self.scratch.rmdir()
            # The old bundle is moved aside before the new one takes its
            # place, then deleted: the site never lacks an index for more
            # than a rename.
            old = self.folder.with_name(self.folder.name + ".lama")
            shutil.rmtree(old, ignore_errors=True)
            if self.folder.exists():
                self.folder.rename(old)
            self.work.rename(self.folder)
            shutil.rmtree(old, ignore_errors=True)
        return {
            "documents": len(docs),
            "stems": len(stems),
            "words": len(self.vocabulary),
            "postings_files": files,
            "dictionary_chunks": len(chunks),
            "first_pages": len(pages),
            "files_written": self.files_written,
            "files_kept": len(self.manifest) - self.files_written,
        }

    # -- the bundle's files --------------------------------------------------

    def _kept(self, name: str, key: bytes) -> bool:
        """Whether the bundle's file ``name`` (relative) already holds what
        ``key`` names, as the previous run wrote it; it is then listed."""
        found = self.previous.get(name)
        if found is None or found[0] != key or not self._as_written(name, found):
            return False
        self.manifest[name] = found
        return True

    def _as_written(self, name: str, found: tuple) -> bool:
        """Whether the bundle's file ``name`` is as the previous run wrote it
        (``found``: its entry in that run's manifest), not changed since (a
        run that failed half-way)."""
        try:
            # A string, not a Path: 22,000 files looked at after each build.
            now = os.stat(f"{self.target}/{name}")
        except OSError:
            return False
        return (now.st_size, now.st_mtime_ns) == found[1:]

    def _put(self, name: str, raw: bytes, key: bytes | None = None) -> None:
        """The bundle's file ``name`` holds ``raw`` gzip-compressed (named by
        ``key``; by its hash when not given): written unless it already does."""
        key = key or hashlib.blake2b(raw, digest_size=16).digest()
        self._put_made(name, key, lambda: raw)

    def _put_made(self, name: str, key: bytes, make: Callable[[], bytes]) -> None:
        """``_put(name, make(), key)``, ``make`` called only if the file is
        written: ``key`` must name what ``make`` returns."""
        if self._kept(name, key):
            return
        data = _gzip(make())
        path = self.target / name
        if self.in_place:  # never a half-written file where a reader looks
            temporary = path.with_name(path.name + ".tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)
        else:
            path.write_bytes(data)
        self._listed(name, key)

    def _listed(self, name: str, key: bytes) -> None:
        found = os.stat(f"{self.target}/{name}")
        self.manifest[name] = (key, found.st_size, found.st_mtime_ns)
        self.files_written += 1

    def _folder(self, name: str) -> None:
        (self.target / name).mkdir(exist_ok=True)

    def _remove_unlisted(self) -> None:
        """Remove what the bundle in place holds and this run did not list."""
        top = os.path.join(self.target, "")
        for parent, names in files_by_folder(top):
            folder = parent[len(top) :].replace(os.sep, "/")
            for name in names:
                if f"{folder}/{name}".lstrip("/") not in self.manifest:
                    os.unlink(os.path.join(parent, name))

    def _version(self, docs: list[_Doc], filters: list) -> str:
        # The spellings folded change the stems of unchanged pages, and the
        # filter values written (spellings merged) the layout of saringan.bin.
        digest = hashlib.sha256(f"format {FORMAT}".encode() + _json(SAME_WORD))
        digest.update(_json(filters))
        for _url, page in sorted((doc.url, doc.digest) for doc in docs):
            digest.update(page)
        return digest.hexdigest()[:12]

    def _order(self) -> tuple[list[_Doc], int]:
        """The documents in order (``_in_order``), and how many have no
        date; rename their files."""
        docs, undated = self._in_order()
        if self.in_place:
            self._write_afresh_if_renumbered(docs)
        self._folder("dok")
        for number, doc in enumerate(docs):
            name = f"dok/{number}.bin"
            if self._kept(name, doc.digest):
                continue
            if doc.document is not None:
                (self.scratch / f"{doc.slot}.bin").write_bytes(doc.document())
            os.replace(self.scratch / f"{doc.slot}.bin", self.target / name)
            self._listed(name, doc.digest)
            self._renewed.add(number)
            doc.document = None
        self._docs = {}
        return docs, undated

    def _in_order(self) -> tuple[list[_Doc], int]:
        """The pages without a date, then the dated ones oldest first (see
        the module's docstring), and how many have no date."""
        dated = sorted(
            (doc for doc in self._docs.values() if doc.date),
            key=lambda d: d.url,
            reverse=True,
        )
        dated.sort(key=lambda d: d.date)
        undated = sorted(
            (doc for doc in self._docs.values() if not doc.date), key=lambda d: d.url
        )
        return undated + dated, len(undated)

    def _write_afresh_if_renumbered(self, docs: list[_Doc]) -> None:
        """Write the bundle afresh beside ``folder`` (nothing is written yet)
        when most documents got another number (an article older than all
        the others, or a page without a date, shifts every number by one):
        then nearly every file changes, and writing them anew costs less than
        replacing them one by one."""
        previous = self.previous
        moved = sum(
            1
            for number, doc in enumerate(docs)
            if previous.get(f"dok/{number}.bin", (None,))[0] != doc.digest
        )
        if 2 * moved > len(docs):
            self.in_place = False
            self.previous = {}
            self.target = self.work

    def _number_stems(self, docs: list[_Doc]) -> tuple[list[str], array]:
        """Stems in alphabetical order; ``final[provisional]`` is a stem's
        number. Only the stems of ``docs``: a page dropped may have held
        stems no other page holds."""
        keys = sorted(self._stem_ids, key=self._stem_ids.__getitem__)
        held: Iterable[int] = range(len(keys))
        if self._dropped:
            # Marked by numpy, a block of documents at a time: a set updated
            # with every document's stems took 0.12 s at 20,000 articles.
            marks = np.zeros(len(keys), bool)
            for first in range(0, len(docs), POSTINGS_BLOCK):
                block = docs[first : first + POSTINGS_BLOCK]
                marks[np.frombuffer(b"".join(doc.stems for doc in block), UNIT)] = True
            held = np.flatnonzero(marks).tolist()
        order = sorted(held, key=keys.__getitem__)
        final = array("I", bytes(4 * len(keys)))
        for number, provisional in enumerate(order):
            final[provisional] = number
        self._stem_ids = {}
        return [keys[i] for i in order], final

    @staticmethod
    def _postings(
        docs: list[_Doc], final: array, count: int, keep: bool = False
    ) -> tuple[list[array], list[bytearray]]:
        """Per stem, the documents holding it (ascending) and its BM25 impacts.

        Worked out by numpy over every entry (five million at 20,000
        articles): appending them document by document in Python took 3 s
        after the build had written every page. The documents' stems are
        let go of as they are read, unless ``keep``."""
        average = _typical_length(docs)
        sizes = np.fromiter((len(doc.stems) for doc in docs), np.int64, len(docs))
        mapping = np.frombuffer(final, UNIT)
        # Numbers of 16 bits are sorted by radix, in a third of the time.
        stems = np.empty(int(sizes.sum()), np.uint16 if count <= 1 << 16 else UNIT)
        values = np.empty(len(stems), np.uint8)
        filled = 0
        # A block of documents at a time: the float64 temporaries of all
        # entries at once took 160 MB at 20,000 articles.
        for first in range(0, len(docs), POSTINGS_BLOCK):
            block = docs[first : first + POSTINGS_BLOCK]
            provisional, weights = _impacts(block, average)
            end = filled + len(provisional)
            stems[filled:end] = mapping[provisional]
            values[filled:end] = weights
            filled = end
            if not keep:
                for doc in block:
                    doc.stems = doc.counts = None
        # The documents' entries, freed above, back to the system before
        # numpy takes fresh pages for the grouping.
        release_free_memory()
        # Grouped by stem, a range of stems at a time (sorting all entries
        # at once took 80 MB of indices), each stem's documents in ascending
        # order. Each range is found by a pass over every entry: a range holds
        # at most POSTINGS_ENTRIES entries or an eighth of them, whichever is
        # more (or one stem's), so there are at most about sixteen passes.
        span = max(POSTINGS_ENTRIES, len(stems) // 8)
        held = np.bincount(stems, minlength=count)
        ends = np.cumsum(sizes)  # each document's entries end there
        postings, impacts = [], []
        low = 0
        while low < count:
            high = low + 1
            total = int(held[low])
            while high < count and total + int(held[high]) <= span:
                total += int(held[high])
                high += 1
            entries = np.flatnonzero((stems >= low) & (stems < high))
            entries = entries[np.argsort(stems[entries], kind="stable")]
            holders = np.searchsorted(ends, entries, side="right").astype(UNIT)
            weights = values[entries]
            start = 0
            for stem in range(low, high):
                end = start + int(held[stem])
                documents = array("I")
                documents.frombytes(holders[start:end].tobytes())
                postings.append(documents)
                impacts.append(bytearray(weights[start:end].tobytes()))
                start = end
            low = high
        return postings, impacts

    def _patched(
        self, docs: list[_Doc], final: array, count: int
    ) -> tuple[list[array], list[bytearray]] | None:
        """``_postings(docs, final, count)``, from what ``prepare`` worked
        out: the pages dropped since taken out, the pages added since put in.
        None (and nothing patched) unless every page ``prepare`` saw and
        ``docs`` still hold keeps its number, the typical length is the
        same, and few pages changed."""
        prepared, self._prepared = self._prepared, None
        if prepared is None:
            return None
        seen = prepared.docs
        slots = {doc.slot for doc in seen}
        added = [(n, doc) for n, doc in enumerate(docs) if doc.slot not in slots]
        left = {doc.slot for doc in docs}
        gone = [(n, doc) for n, doc in enumerate(seen) if doc.slot not in left]
        if (
            not self.patchable(len(added) + len(gone), len(docs))
            or prepared.average != _typical_length(docs)  # every impact may move
            or any(
                number >= len(seen) or seen[number] is not doc
                for number, doc in enumerate(docs)
                if doc.slot in slots
            )  # numbered otherwise
        ):
            return None
        postings, impacts = _patch(prepared, gone, added)
        placed: list = [None] * count
        placed_impacts: list = [None] * count
        for stem_id, found in enumerate(postings):
            if found:
                placed[final[stem_id]] = found
                placed_impacts[final[stem_id]] = impacts[stem_id]
        if any(found is None for found in placed):
            return None
        for doc in docs:
            doc.stems = doc.counts = None
        return placed, placed_impacts

    @staticmethod
    def _encode(docs: array, impacts: bytearray) -> bytes:
        """Gap varints interleaved with impacts (see the module's docstring)."""
        if len(docs) >= NUMPY_POSTINGS:  # numpy's steps cost more for a few
            numbers = np.frombuffer(docs, UNIT).astype(np.int64)
            return _gap_varints(numbers, np.frombuffer(impacts, np.uint8))
        gaps = [b - a for a, b in zip(chain((-1,), docs), docs, strict=False)]
        if max(gaps) < 0x80:  # the common case, done by slicing
            out = bytearray(2 * len(gaps))
            out[0::2] = bytes(gaps)
            out[1::2] = impacts
            return bytes(out)
        out = bytearray()
        for gap, impact in zip(gaps, impacts, strict=True):
            _varint(gap, out)
            out.append(impact)
        return bytes(out)

    def _forms(self, stems: list[str]) -> dict[int, list[str]]:
        """The corpus words of each stem (the stems of some word), sorted."""
        forms: dict[int, list[str]] = {}
        numbers = {key: number for number, key in enumerate(stems)}
        for word, key in sorted(self.vocabulary.items()):
            forms.setdefault(numbers[key], []).append(word)
        return forms

    def _write_postings(
        self,
        stems: list[str],
        postings: list[array],
        impacts: list[bytearray],
        forms: dict[int, list[str]],
    ) -> tuple[int, list[str]]:
        """Group neighbouring stems into files, each named by its first stem;
        ``where[stem]`` is its file's name. A file never spans the start of a
        stretch (``POSTINGS_STRETCH``), so a change in one stem can move the
        borders of the files of its stretch, never of the files after it."""
        where = [""] * len(stems)
        self._folder("pos")
        files = 0
        group: list[int] = []
        size = 0

        def encoded(group: list[int]) -> bytes:
            table = {}
            parts = []
            offset = 0
            for number in group:
                data = self._encode(postings[number], impacts[number])
                table[stems[number]] = [offset, len(data), forms.get(number, [])]
                offset += len(data)
                parts.append(data)
            head = _json(table)
            return b"".join([struct.pack("<I", len(head)), head, *parts])

        def flush() -> None:
            nonlocal files, group, size
            if not group:
                return
            name = file_name(stems[group[0]])
            # Named by what it is made from, so that a file the bundle holds
            # already is not encoded again to be compared (most of them,
            # after one edited article).
            key = hashlib.blake2b(b"pos", digest_size=16)
            key.update(_json([[stems[n], forms.get(n, [])] for n in group]))
            _hash_postings(key, group, postings, impacts)
            for number in group:
                where[number] = name
            self._put_made(f"pos/{name}.bin", key.digest(), lambda: encoded(group))
            for number in group:
                postings[number] = impacts[number] = None
            files += 1
            group = []
            size = 0

        for number, key in enumerate(stems):
            length = 2 * len(postings[number])  # about: a gap and an impact each
            if _stretch_starts(key):
                flush()
            if length >= POSTINGS_BYTES:
                flush()
                group = [number]
                flush()
                continue
            if size + length > POSTINGS_BYTES:
                flush()
            group.append(number)
            size += length
        flush()
        return files, where

    def _write_dictionary(
        self,
        stems: list[str],
        df: array,
        where: list[str],
        matched: dict[int, list[int]],
        pages: dict[int, str],
    ) -> tuple[list[str], dict]:
        """The corpus words with the stems each matches, in chunks; the
        entries of the words with a first page that match the most documents
        (``meta.kata``)."""
        numbers = {key: number for number, key in enumerate(stems)}
        self._folder("kamus")
        firsts: list[str] = []
        chunk: list = []
        size = 0

        def flush() -> None:
            nonlocal chunk, size
            if chunk:
                firsts.append(chunk[0][0])
                self._put(f"kamus/{len(firsts) - 1}.bin", _json(chunk))
            chunk = []
            size = 0

        described: dict[int, list[list]] = {}  # [stem, df, file, extra] each
        paged: list[tuple[int, str, list, str]] = []  # (-documents, word, ...)
        # The other spellings of corpus words are looked up as those words,
        # whether or not some page spells them so.
        entries = {
            word: stem(word)
            for word in SAME_WORD
            if word not in self.vocabulary and stem(word) in numbers
        }
        entries.update(self.vocabulary)
        for word, key in sorted(entries.items()):
            base = numbers[key]
            found = described.get(base)
            if found is None:
                length = len(stems[base])
                found = described[base] = [
                    [stems[s], df[s], where[s], len(stems[s]) - length]
                    for s in matched[base]
                ]
            page = pages.get(base)
            entry = [word, found] if page is None else [word, found, page]
            if page is not None and word in self.vocabulary:
                paged.append((-sum(s[1] for s in found), word, found, page))
            chunk.append(entry)
            size += len(word) + 16 * len(found)
            if size >= CHUNK_CHARS:
                flush()
        flush()
        kept = sorted(heapq.nsmallest(self.meta_words, paged), key=lambda item: item[1])
        return firsts, {word: [found, page] for _, word, found, page in kept}

    @staticmethod
    def _extensions(stems: list[str], base: int, df: array) -> list[int]:
        """``base`` and the most frequent longer stems that start with it."""
        prefix = stems[base]
        end = bisect.bisect_left(stems, prefix + "\uffff", lo=base)
        longer = sorted(range(base + 1, end), key=lambda s: (-df[s], s))
        return [base, *longer[:MAX_EXTENSIONS]]

    def _write_pages(
        self,
        docs: list[_Doc],
        undated: int,
        stems: list[str],
        df: array,
        matched: dict[int, list[int]],
        forms: dict[int, list[str]],
        postings: list[array],
        impacts: list[bytearray],
        touched: set[int],
    ) -> dict[int, str]:
        """The first page of each frequent word's results; the stems written,
        each with its page's name.

        Pages are ranked a batch at a time, then the batch's documents are
        read once each for the excerpts of every page that shows them. A
        page the bundle holds already is not made again if it is made from
        the same postings and none of their documents was ``touched``
        (renewed), nor written again if it holds the same ranking of the
        same documents.

        All in this process: a second one, forked to make half of a fresh
        bundle's pages, saved 1.4 s of a cold build at 20,000 articles and
        its copied pages added some 50 MB to the build's peak, which comes
        at this moment (Pelican's process still holds the site).
        """
        self._folder("hal")
        frequent = [
            (base, chosen)
            for base, chosen in matched.items()
            if sum(df[s] for s in chosen) >= self.page_min
        ]
        written: dict[int, str] = {}
        batch: dict[int, dict] = {}
        keys: dict[int, bytes] = {}

        def flush() -> None:
            shown: dict[int, list[int]] = {}
            for base, page in batch.items():
                known = self._excerpts_held(f"hal/{written[base]}.bin", page)
                page["d"].update(known)
                for doc in {*page["relevansi"], *page["terbaru"]}:
                    if str(doc) not in known:
                        shown.setdefault(doc, []).append(base)
            marks = {base: set(page["sorot"]) for base, page in batch.items()}
            for doc in sorted(shown):
                path = self.target / "dok" / f"{doc}.bin"
                record = json.loads(gzip.decompress(path.read_bytes()))
                wanted = set().union(*(marks[base] for base in shown[doc]))
                text = _Tokens(record.get("x", ""), wanted)
                for base in shown[doc]:
                    excerpt = text.excerpt(marks[base])
                    batch[base]["d"][str(doc)] = {**record, "x": excerpt}
            for base, page in batch.items():
                # Each page's "d" in the documents' order.
                page["d"] = dict(sorted(page["d"].items(), key=lambda i: int(i[0])))
                self._put(f"hal/{written[base]}.bin", _json(page), keys[base])
            batch.clear()
            keys.clear()

        for base, chosen in frequent:
            stem_file = file_name(stems[base])
            name = f"hal/{stem_file}.bin"
            # A page's key is what it is made from, then what it holds. Made
            # from the same (an edit elsewhere), it is not ranked again; made
            # from other inputs that rank the same (the archive one article
            # longer), it is not written again.
            made_from = self._page_inputs(
                len(docs), undated, stems, chosen, forms, postings, impacts
            )
            before = self.previous.get(name, (b"",))[0]
            if (
                before[:16] == made_from
                and touched.isdisjoint(chosen)
                and self._kept(name, before)
            ):
                written[base] = stem_file
                continue
            page = self._first_page(
                len(docs), undated, stems, df, base, chosen, forms, postings, impacts
            )
            if page["jumlah"] < self.page_min:
                continue
            written[base] = stem_file
            holds = hashlib.blake2b(_json(page), digest_size=16)
            for doc in sorted({*page["relevansi"], *page["terbaru"]}):
                holds.update(docs[doc].digest)
            key = made_from + holds.digest()
            if before[16:] == holds.digest() and self._kept(name, before):
                self.manifest[name] = (key, *self.manifest[name][1:])
                continue
            keys[base] = key
            batch[base] = page
            if len(batch) >= PAGE_BATCH:
                flush()
        flush()
        return written

    def _excerpts_held(self, name: str, page: dict) -> dict[str, dict]:
        """The records, with their excerpts, that the bundle's first page
        ``name`` holds already for documents of ``page`` whose files are
        unchanged, if it marks the same words: made again, each would be the
        same. An article added renews the first page of every word it holds,
        whose other documents' excerpts were all made again (the texts of
        thousands of documents read and split)."""
        found = self.previous.get(name) if self.in_place else None
        if found is None or not self._as_written(name, found):
            return {}
        try:
            held = json.loads(gzip.decompress((self.target / name).read_bytes()))
        except (OSError, ValueError, EOFError, zlib.error):
            return {}
        if not isinstance(held, dict) or held.get("sorot") != page["sorot"]:
            return {}
        records = held.get("d")
        if not isinstance(records, dict):
            return {}
        wanted = {*page["relevansi"], *page["terbaru"]} - self._renewed
        return {str(doc): records[str(doc)] for doc in wanted if str(doc) in records}

    def _page_inputs(
        self,
        count: int,
        undated: int,
        stems: list[str],
        chosen: list[int],
        forms: dict[int, list[str]],
        postings: list[array],
        impacts: list[bytearray],
    ) -> bytes:
        """What the first page of the stems ``chosen`` is made from, but for
        its documents' records: the arguments of ``_first_page``.

        The count of documents only when several stems are chosen: it moves
        their weights against each other (each stem's idf). One stem's page
        ranks its documents by impact, then newest first, whatever the count;
        an article added would otherwise rank again the first page of every
        word with no longer stem (1,029 of 1,552 at 20,000 articles)."""
        key = hashlib.blake2b(b"hal", digest_size=16)
        names = [stems[s] for s in chosen]
        counted = count if len(chosen) > 1 else None
        key.update(_json([counted, undated, self.page_min, names]))
        key.update(_json([forms.get(s, []) for s in chosen]))
        _hash_postings(key, chosen, postings, impacts)
        return key.digest()

    @staticmethod
    def _first_page(
        count: int,
        undated: int,
        stems: list[str],
        df: array,
        base: int,
        chosen: list[int],
        forms: dict[int, list[str]],
        postings: list[array],
        impacts: list[bytearray],
    ) -> dict:
        """A ``hal/`` file without its documents' records (``d`` empty).

        The script's ranking of a one-word search (``score`` and ``byScore``
        in indeks.js) is replayed for the few documents that can reach the
        first page: a document's score is its best over the stems, so the
        first page's documents are among each stem's first ``PAGE_SIZE``.
        Among equal scores the newest document comes first: the first
        ``undated`` documents have no date (``newest_first_ranks``).
        """
        length = len(stems[base])
        reach = []  # (documents, impacts, factor) of each stem
        for s in chosen:
            extra = len(stems[s]) - length
            idf = math.log(1 + (count - df[s] + 0.5) / (df[s] + 0.5))
            weight = math.exp(-(extra * extra) / 8) / (1 + 0.1 * 0)
            factor = (idf * weight) / 255
            docs, values = postings[s], impacts[s]
            if _f32(1 * factor) == 0:  # too small for a float32: no match
                kept = [i for i, v in enumerate(values) if _f32(v * factor)]
                docs = array("I", (docs[i] for i in kept))
                values = bytearray(values[i] for i in kept)
            if docs:
                numbers = np.frombuffer(docs, UNIT)
                reach.append((numbers, np.frombuffer(values, np.uint8), factor))
        if len(reach) == 1:
            total = len(reach[0][0])
        else:
            held = np.zeros(count, bool)
            for docs, _, _ in reach:
                held[docs] = True
            total = int(np.count_nonzero(held))
        # Worked out by numpy for the candidates at once (an article added
        # ranks the first page of every word again): the same float64
        # products, their best rounded to a float32 as the script keeps it.
        candidates = _union(
            docs[_best_places(values, PAGE_SIZE, docs.searchsorted(undated))]
            for docs, values, _ in reach
        )
        best = np.zeros(len(candidates))
        for docs, values, factor in reach:
            at = docs.searchsorted(candidates)
            inside = at < len(docs)
            at[~inside] = 0
            held_here = inside & (docs[at] == candidates)
            best = np.maximum(best, np.where(held_here, values[at] * factor, 0.0))
        ranks = newest_first_ranks(candidates, count, undated)
        relevant = candidates[np.lexsort((ranks, -best.astype(np.float32)))]
        # A stem's newest documents: its last dated ones, or its first
        # undated ones if it has few dated ones.
        newest = _union(
            part
            for docs, _, _ in reach
            for part in (docs[-PAGE_SIZE:], docs[:PAGE_SIZE])
        )
        latest = newest[np.argsort(newest_first_ranks(newest, count, undated))]
        return {
            "jumlah": total,
            "sorot": sorted(set(chain(*(forms.get(s, ()) for s in chosen)))),
            "relevansi": relevant[:PAGE_SIZE].tolist(),
            "terbaru": latest[:PAGE_SIZE].tolist(),
            "d": {},
        }

    def _write_filters(self, docs: list[_Doc]) -> list:
        """The documents of every filter value: a bitmap or gap varints.
        Spellings of one value (``Lampung``, ``lampung``: ``filter_fold``)
        are one value, written as most documents spell it."""
        # Half a million (key, value) pairs at 20,000 articles: no empty list
        # made for each of them (``setdefault``).
        holders: defaultdict[str, defaultdict[str, list[int]]]
        holders = defaultdict(lambda: defaultdict(list))
        for number, doc in enumerate(docs):
            for key, values in doc.filters.items():
                mine = holders[key]
                for value in values:
                    mine[value].append(number)
        for key, spelt in holders.items():
            holders[key] = _merge_spellings(spelt)
        described = []
        blob = bytearray()
        bitmap_bytes = (len(docs) + 7) // 8
        for key in sorted(holders):
            values = sorted(holders[key], key=lambda v: (-len(holders[key][v]), v))
            for value in values:
                numbers = np.array(holders[key][value], np.int64)
                gaps = _gap_varints(numbers)
                if len(gaps) < bitmap_bytes:
                    kind, data = 0, gaps
                else:
                    bits = np.zeros(8 * bitmap_bytes, np.uint8)
                    bits[numbers] = 1
                    kind, data = 1, np.packbits(bits, bitorder="little").tobytes()
                blob += struct.pack("<BI", kind, len(data))
                blob += data
            described.append([key, values])
        self._put("saringan.bin", bytes(blob))
        return described


def filter_fold(value: str) -> str:
    """What two spellings of one filter value share: their words, as
    indeks.js's ``normalise`` gives them (``Lampung``, ``LAMPUNG ``:
    ``lampung``)."""
    return " ".join(words(value))


def _merge_spellings(spelt: dict[str, list[int]]) -> dict[str, list[int]]:
    """The documents of each filter value, its spellings' put together under
    the usual one (``warta.spelt``)."""
    by_fold: defaultdict[str, list[str]] = defaultdict(list)
    for value in spelt:
        by_fold[filter_fold(value)].append(value)
    merged: dict[str, list[int]] = {}
    for spellings in by_fold.values():
        if len(spellings) == 1:
            merged[spellings[0]] = spelt[spellings[0]]
            continue
        usual = usual_spelling({v: len(spelt[v]) for v in spellings})
        merged[usual] = sorted({n for v in spellings for n in spelt[v]})
    return merged


def _impacts(docs: list[_Doc], average: float) -> tuple[np.ndarray, np.ndarray]:
    """The provisional stem and the BM25 impact (1-255) of every entry of
    ``docs``, document after document. Each impact is worked out by the same
    float64 operations in the same order as one entry at a time would be,
    and rounded half to even, as ``round`` rounds."""
    provisional = np.frombuffer(b"".join(doc.stems for doc in docs), UNIT)
    tf = np.frombuffer(b"".join(doc.counts for doc in docs), UNIT).astype(np.float64)
    norms = np.fromiter(
        (K1 * (1 - B + B * _norm_length(doc.length) / average) for doc in docs),
        np.float64,
        len(docs),
    )
    norms = np.repeat(norms, [len(doc.stems) for doc in docs])
    weights = tf * (K1 + 1) / (tf + norms) * (255 / (K1 + 1))
    return provisional, np.clip(np.rint(weights), 1, 255).astype(np.uint8)


def _patch(
    prepared: _Prepared,
    gone: list[tuple[int, _Doc]],
    added: list[tuple[int, _Doc]],
) -> tuple[list[array], list[bytearray]]:
    """The postings and impacts ``prepared`` worked out, by provisional stem,
    without the documents ``gone`` and with the documents ``added`` (each
    with its number); the stems neither touches are the same objects."""
    postings = list(prepared.postings)
    impacts = list(prepared.impacts)
    taken: defaultdict[int, list[int]] = defaultdict(list)
    for number, doc in gone:
        for stem_id in doc.stems:
            taken[stem_id].append(number)
    put: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    if added:
        provisional, weights = _impacts([doc for _, doc in added], prepared.average)
        owners = np.repeat(
            [number for number, _ in added], [len(doc.stems) for _, doc in added]
        )
        for stem_id, number, weight in zip(
            provisional.tolist(), owners.tolist(), weights.tolist(), strict=True
        ):
            put[stem_id].append((number, weight))
    grown = max(0, max(put, default=-1) + 1 - len(postings))
    postings += [array("I") for _ in range(grown)]
    impacts += [bytearray() for _ in range(grown)]
    for stem_id in taken.keys() | put.keys():
        numbers = np.frombuffer(postings[stem_id], UNIT)
        values = np.frombuffer(impacts[stem_id], np.uint8)
        kept = ~np.isin(numbers, taken.get(stem_id, ()))
        numbers, values = numbers[kept], values[kept]
        new = sorted(put.get(stem_id, ()))
        at = np.searchsorted(numbers, [number for number, _ in new])
        numbers = np.insert(numbers, at, [number for number, _ in new])
        values = np.insert(values, at, [weight for _, weight in new])
        postings[stem_id] = found = array("I")
        found.frombytes(numbers.astype(UNIT).tobytes())
        impacts[stem_id] = bytearray(values.astype(np.uint8).tobytes())
    return postings, impacts


@dataclass
class _Prepared:
    """What ``IndexWriter.prepare`` worked out: the documents in order, their
    typical length, and the postings and impacts by provisional stem."""

    docs: list[_Doc]
    average: float
    postings: list[array]
    impacts: list[bytearray]


def _hash_postings(
    key, numbers: Iterable[int], postings: list[array], impacts: list[bytearray]
) -> None:
    """Add to the hash ``key`` the documents and impacts of each stem of
    ``numbers``: what a file made from those postings is keyed by."""
    for number in numbers:
        key.update(len(postings[number]).to_bytes(4, "little"))
        key.update(postings[number])
        key.update(impacts[number])


def newest_first_ranks(numbers: np.ndarray, count: int, undated: int) -> np.ndarray:
    """Each document's place in the newest-first order (0 for the newest)
    among ``count`` documents numbered as the bundle numbers them, the first
    ``undated`` without a date: indeks.js's ``Rank``."""
    numbers = np.asarray(numbers).astype(np.int64)
    return np.where(numbers >= undated, count - 1 - numbers, count - undated + numbers)


def _union(parts: Iterable[np.ndarray]) -> np.ndarray:
    """The document numbers of ``parts``, each once, in increasing order
    (none for no part)."""
    return np.unique(np.concatenate([np.zeros(0, UNIT), *parts]))


def _typical_length(docs: list[_Doc]) -> float:
    """The documents' mean length for BM25, on a grid of steps of 2 %: an
    edit moves the exact mean a little, which would move some impacts of
    every document across a rounding border (and change most postings
    files); the grid's step is crossed by few edits."""
    mean = sum(doc.length for doc in docs) / max(1, len(docs))
    if mean <= 0:
        return 1.0
    return 2 ** (round(math.log2(mean) * LENGTH_STEPS) / LENGTH_STEPS)


@functools.cache
def _norm_length(length: int) -> float:
    """A document's length as BM25 weighs it: on a grid of ``NORM_STEPS``
    points per doubling (9 % apart), as Lucene's one-byte norms kept it.
    A sentence added to an article or taken out mostly leaves its length on
    its point, and so the impacts of the stems the change did not touch, and
    the postings files that hold them (a sentence appended to one article
    rewrote some 220 of them at 20,000 articles)."""
    if length <= 0:
        return 0.0
    return 2 ** (round(math.log2(length) * NORM_STEPS) / NORM_STEPS)


def _f32(value: float) -> float:
    """``value`` as a Float32Array keeps it."""
    return struct.unpack("<f", struct.pack("<f", value))[0]


def _best_places(values: np.ndarray, limit: int, split: int) -> np.ndarray:
    """The places of the ``limit`` highest ``values``; among equals the
    newest documents' first: the last places from ``split`` on (the dated
    documents, numbered oldest first), then the first places before it."""
    if len(values) <= limit:
        return np.arange(len(values))
    least = np.partition(values, len(values) - limit)[len(values) - limit]
    above = np.flatnonzero(values > least)
    equal = np.flatnonzero(values == least)
    at = equal.searchsorted(split)
    newest = np.concatenate([equal[at:][::-1], equal[:at]])
    return np.concatenate([above, newest[: limit - len(above)]])


# Token patterns split a text into what lies before each token and the
# token (a group), in one pass: ``_Tokens`` reads both.
_LETTERS_AND_NUMBERS = re.compile(r"([^\W_]+)")  # Unicode's L and N
# The same for a text whose tokens are all ASCII (``_token_pattern``): a
# third faster to split.
_ASCII_LETTERS_AND_NUMBERS = re.compile(r"([A-Za-z0-9]+)")


@functools.cache
def _marks() -> str:
    """The characters of Unicode's M (marks) as a regex character class."""
    ranges: list[list[int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_OTHER = re.compile("[^\x00-\x7f]")


def _token_pattern(text: str) -> tuple[re.Pattern, bool]:
    """indeks.js's ``TOKEN`` (a run of letters, numbers and marks) for
    ``text``, and whether its tokens are plain: all ASCII, and lower case
    changes no other character, so that its tokens lower cased are those of
    ``text.lower()``. True of most articles, whose only other characters are
    quotes and dashes (“ ” —): they were split a token at a time.

    A plain text is split by an ASCII pattern (a third faster); ``[^\\W_]``
    is Python's letters and numbers; marks, rare in text that is not
    decomposed, take a slower pattern. The characters outside ASCII are
    found in C (a set of every character took as long as the split)."""
    others = () if text.isascii() else set(_OTHER.findall(text))
    kinds = {char: unicodedata.category(char)[0] for char in others}
    if all(kind not in "LNM" and c.lower() == c for c, kind in kinds.items()):
        return _ASCII_LETTERS_AND_NUMBERS, True
    if "M" not in kinds.values():
        return _LETTERS_AND_NUMBERS, False
    return _with_marks(), False


@functools.cache
def _with_marks() -> re.Pattern:
    return re.compile(f"((?:[^\\W_]|[{_marks()}])+)")


def excerpt_text(text: str, marked: set[str], length: int = EXCERPT_WORDS) -> str:
    """The part of ``text`` that indeks.js's ``excerpt(text, marked)`` shows,
    with an ellipsis before or after it where the script shows one.

    The script shows the same excerpt of this part as of the whole text: it is
    the window of ``length`` words that the script chooses, and no window of
    the part holds more marked words than the whole part.
    """
    return _Tokens(text, marked).excerpt(marked, length)


class _Tokens:
    """A text's tokens as indeks.js's ``excerpt`` splits it, and where each of
    the ``wanted`` words is held: read once for the excerpts of the pages that
    show the text.
    """

    def __init__(self, text: str, wanted: set[str]) -> None:
        self.text = text
        pattern, plain = _token_pattern(text)
        # The text split once: what lies before each token, then the token
        # (at odd places), then what follows the last. A plain text is lower
        # cased at once (for ASCII, letter for letter: the lengths hold).
        self.parts = pattern.split(text.lower() if plain else text)
        tokens = self.parts[1::2]
        self.count = len(tokens)
        # The places (token numbers) of each wanted word held. A token of
        # ASCII letters and digits holds itself lower cased (the script's
        # PLAIN), any other the words it folds to.
        self.places: dict[str, list[int]] = {}
        if plain:
            # The tokens held picked in C: 450 tokens a text, thousands of
            # texts for the first pages after an article is added.
            for i in compress(itertools.count(), map(wanted.__contains__, tokens)):
                self.places.setdefault(tokens[i], []).append(i)
            return
        for i, token in enumerate(tokens):
            if token.isascii():
                found = {token.lower()} & wanted
            else:
                found = wanted.intersection(words(token))
            for word in found:
                self.places.setdefault(word, []).append(i)

    def excerpt(self, marked: set[str], length: int = EXCERPT_WORDS) -> str:
        if not self.count:
            return ""
        held = marked & self.places.keys()
        hits = sorted(set(chain.from_iterable(self.places[word] for word in held)))
        start = most = 0
        last = 0
        for h, place in enumerate(hits):
            first = max(0, place - 5)
            while last < len(hits) and hits[last] < first + length:
                last += 1
            if last - h > most:
                most = last - h
                start = first
        end = min(start + length, self.count)
        # Token N is part 2N + 1.
        before = sum(map(len, self.parts[: 2 * start + 1]))
        size = sum(map(len, self.parts[2 * start + 1 : 2 * end]))
        # An ellipsis where the script shows one for the whole text: where
        # words are left out, or where the text has one before its first
        # word or after its last.
        head = f"{ELLIPSIS} " if start or ELLIPSIS in self.parts[0] else ""
        tail = f" {ELLIPSIS}" if end < self.count or ELLIPSIS in self.parts[-1] else ""
        return head + self.text[before : before + size] + tail
