"""The search index's script (indeks.js) in Chromium, over a bundle built here."""

from __future__ import annotations

import contextlib
import itertools
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from warta.search.extract import Page
from warta.search.textindex import IndexWriter

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "theme" / "static" / "js" / "indeks.js"

# url, date, text, filters
PAGES = [
    ("b/kopi/", "2021-03-01", "Pengolahan kopi di Lampung naik.", {"tahun": ["2021"]}),
    (
        "b/rotan/",
        "2019-07-04",
        "Industri rotan tumbuh, industri rotan ekspor.",
        {"tahun": ["2019"], "lembaga": ["Kemenperin", "Dinas"]},
    ),
    (
        "b/dinas/",
        "2020-01-09",
        "Dinas Perindustrian membina perajin rotan.",
        {"tahun": ["2020"], "lembaga": ["Dinas"]},
    ),
    (
        "b/ikm/",
        "2022-11-30",
        "Industrinya berkembang di kawasan industri baru.",
        {"tahun": ["2022"], "lembaga": ["Kemenperin"]},
    ),
    ("lembaga/kemenperin/", "", "Kementerian Perindustrian.", {}),
]

# Pages of one text, as added; NEWEST_FIRST is their order in every search.
# More than a page of them, most without a date.
TIES = [
    ("s/u05/", ""),
    ("s/baru-b/", "2021-05-05"),
    *((f"s/u0{n}/", "") for n in (3, 8, 1)),
    ("s/lama/", "2018-01-01"),
    ("s/baru-a/", "2021-05-05"),
    *((f"s/u0{n}/", "") for n in (2, 7, 4, 6)),
    ("s/amat-lama/", "2010-01-01"),
]
NEWEST_FIRST = [
    "s/baru-a/",
    "s/baru-b/",
    "s/lama/",
    "s/amat-lama/",
    *(f"s/u0{n}/" for n in range(1, 9)),
]
# The dated pages the other way round, the undated ones still last.
OLDEST_FIRST = [*NEWEST_FIRST[3::-1], *NEWEST_FIRST[4:]]

# The words of the random bundle's pages, some stems of others.
RANDOM_WORDS = [
    *"industri industrinya perindustrian industrial industrialisasi".split(),
    *"ekspor ekspornya eksportir kopi kopiah produk produksi produktif".split(),
    *"produktivitas rotan harga naik turun lampung umkm pasar dinas".split(),
]

SPELLINGS = [
    ("e/baku/", "Kementerian Keuangan menilai risiko di tingkat provinsi."),
    ("e/lain/", "Kementrian Keuangan hadir di kantor propinsi."),
    ("e/tidak/", "Dinas Koperasi membuka pasar murah."),
]

REGIONS = [
    ("v/a/", "Lampung"),
    ("v/b/", "Lampung"),
    ("v/c/", "lampung"),
    ("v/d/", "LAMPUNG "),
    ("v/e/", "Jambi"),
]

FEW_WORDS = "batik tenun lada cengkih pala kakao karet sawit garam tembakau".split()

SEARCH = """async ([query, options]) => {
  const { SearchIndex } = await import("/indeks.js");
  const index = await SearchIndex.open(new URL("/indeks/", location.href));
  const found = await index.search(query, options);
  const urls = [];
  for (const n of found.results) urls.push((await index.document(n)).u);
  return { urls, counts: await found.counts(), highlight: [...found.highlight].sort() };
}"""


@pytest.fixture(scope="module")
def index_url(tmp_path_factory):
    import sitebuild

    root = tmp_path_factory.mktemp("indeks")
    shutil.copy(SCRIPT, root / "indeks.js")
    (root / "index.html").write_text("<!doctype html><title>uji</title>", "utf-8")
    # Every word gets a first page here (page_min=1).
    writer = IndexWriter(root / "indeks", page_min=1)
    for url, date, text, filters in PAGES:
        sort = {"tanggal": date} if date else {}
        title = url.strip("/").rsplit("/", 1)[-1]
        writer.add(Page(url, title, text, meta={}, filters=filters, sort=sort))
    writer.finish()
    # Many pages over few words, some words stems of others, many ties:
    # first pages as the index ranks them, against the script's own ranking.
    draw = random.Random(6)
    writer = IndexWriter(root / "acak", page_min=1)
    for n in range(240):
        text = " ".join(draw.choices(RANDOM_WORDS, k=draw.randint(1, 40)))
        if n % 7 == 0:
            text += " Café «Kopi» naïve—industri, ekspor."
        elif n % 7 == 3:  # other characters, none in a word
            text += " “Kopi” naik — Ekspor… industri"
        elif n % 7 == 5:  # an ellipsis before the first word and after the last
            text = f"…{text}…"
        date = f"20{10 + n % 13}-0{1 + n % 9}-1{n % 10}" if n % 11 else ""
        sort = {"tanggal": date} if date else {}
        meta = {"tanggal": date} if date else {}
        title = " ".join(draw.choices(RANDOM_WORDS, k=2))
        writer.add(Page(f"a/{n}/", title, text, meta=meta, filters={}, sort=sort))
    writer.finish()
    # Pages holding a few of some unrelated words each: many queries of
    # several of them find no page that holds them all.
    writer = IndexWriter(root / "sebagian", page_min=1)
    for n in range(80):
        text = " ".join(draw.sample(FEW_WORDS, draw.randint(1, 4)))
        sort = {"tanggal": f"20{10 + n % 13}-0{1 + n % 9}-1{n % 10}"} if n % 5 else {}
        writer.add(Page(f"p/{n}/", "", text, meta={}, filters={}, sort=sort))
    writer.finish()
    # Equal scores: the newest first (one moment: by URL), pages without a
    # date last, whichever order they are added in.
    writer = IndexWriter(root / "seri", page_min=1)
    for url, date in TIES:
        sort = {"tanggal": date} if date else {}
        writer.add(Page(url, "", "pameran batik", meta={}, filters={}, sort=sort))
    writer.finish()
    # Two spellings of a word: kementrian/kementerian, propinsi/provinsi;
    # risiko, whose other spelling (resiko) no page has.
    writer = IndexWriter(root / "ejaan", page_min=1)
    for url, text in SPELLINGS:
        writer.add(Page(url, "", text, meta={}, filters={}, sort={}))
    writer.finish()
    # Spellings of one filter value.
    writer = IndexWriter(root / "nilai", page_min=1)
    for url, region in REGIONS:
        filters = {"wilayah": [region]}
        writer.add(Page(url, "", "pasar kopi", meta={}, filters=filters, sort={}))
    writer.finish()
    with sitebuild.serving(root) as url:
        yield url + "/"


@contextlib.contextmanager
def opened(chromium, url: str):
    """A page of a new browser context at ``url``, closed after the block."""
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        yield page
    finally:
        context.close()


@pytest.fixture
def index_page(chromium, index_url):
    with opened(chromium, index_url) as page:
        yield page


@pytest.fixture(scope="module")
def search(chromium, index_url):
    with opened(chromium, index_url) as page:
        yield lambda query, **options: page.evaluate(SEARCH, [query, options])


def test_a_word_finds_its_stem_and_the_longer_stems(search):
    found = search("industri")
    assert sorted(found["urls"]) == [
        "b/dinas/",
        "b/ikm/",
        "b/rotan/",
        "lembaga/kemenperin/",
    ]
    assert {"industri", "industrinya", "perindustrian"} <= set(found["highlight"])


def test_a_word_being_typed_matches_the_words_it_begins(search):
    assert search("pengola")["urls"] == ["b/kopi/"]
    assert search("pengolahan")["urls"] == ["b/kopi/"]
    assert search("kata-yang-tidak-ada")["urls"] == []


@pytest.mark.parametrize(
    ("query", "urls", "marked"),
    [
        ("kementerian keuangan", ["e/baku/", "e/lain/"], ["kementerian", "kementrian"]),
        ("kementrian", ["e/baku/", "e/lain/"], ["kementerian", "kementrian"]),
        ("propinsi", ["e/baku/", "e/lain/"], ["propinsi", "provinsi"]),
        # Being typed, and a spelling no page has.
        ("propin", ["e/baku/", "e/lain/"], ["propinsi", "provinsi"]),
        ("resiko", ["e/baku/"], ["risiko"]),
    ],
)
def test_two_spellings_of_a_word_find_each_other(index_page, query, urls, marked):
    found = index_page.evaluate(PARTIAL, ["/ejaan/", query, {}])
    assert sorted(found["urls"]) == urls
    assert found["held"] == len(query.split())
    assert set(marked) <= set(found["highlight"])


SPELT = """async ([filters]) => {
  const { SearchIndex } = await import("/indeks.js");
  const index = await SearchIndex.open(new URL("/nilai/", location.href));
  const found = await index.search("", { filters, anyOf: ["wilayah"] });
  const urls = [];
  for (const n of found.results) urls.push((await index.document(n)).u);
  return {
    values: index.meta.saringan,
    urls: urls.sort(),
    counts: await found.counts(),
    canonical: ["lampung", "LAMPUNG", "Aceh"].map((v) => index.canonical("wilayah", v)),
  };
}"""


@pytest.mark.parametrize("chosen", ["Lampung", "lampung", "  LAMPUNG"])
def test_the_spellings_of_a_filter_value_are_one_value(index_page, chosen):
    found = index_page.evaluate(SPELT, [{"wilayah": [chosen]}])
    # Written as most documents spell it, holding the documents of each.
    assert found["values"] == [["wilayah", ["Lampung", "Jambi"]]]
    assert found["urls"] == ["v/a/", "v/b/", "v/c/", "v/d/"]
    assert found["counts"] == {"wilayah": {"Lampung": 4, "Jambi": 1}}
    assert found["canonical"] == ["Lampung", "Lampung", "Aceh"]


def test_every_word_is_required(search):
    assert sorted(search("industri rotan")["urls"]) == ["b/dinas/", "b/rotan/"]


def test_relevance_or_newest_first(search):
    assert search("rotan")["urls"][0] == "b/rotan/"  # "rotan" twice there
    assert search("rotan", sort="terbaru")["urls"] == ["b/dinas/", "b/rotan/"]
    newest = search("industri", sort="terbaru")["urls"]
    assert newest == ["b/ikm/", "b/dinas/", "b/rotan/", "lembaga/kemenperin/"]


def test_filters_are_all_required_and_counted_among_the_results(search):
    found = search("industri", filters={"lembaga": ["Dinas"]})
    assert sorted(found["urls"]) == ["b/dinas/", "b/rotan/"]
    assert found["counts"]["lembaga"] == {"Dinas": 2, "Kemenperin": 1}
    assert found["counts"]["tahun"] == {"2019": 1, "2020": 1, "2021": 0, "2022": 0}
    both = search("", filters={"lembaga": ["Dinas", "Kemenperin"]})
    assert both["urls"] == ["b/rotan/"]
    assert search("industri", filters={"lembaga": ["Tidak Ada"]})["urls"] == []


ANY_YEAR = {"anyOf": ["tahun"]}


@pytest.mark.parametrize(
    ("query", "filters", "options", "urls", "years", "agencies"),
    [
        # Either year; each year counted among the results of no year chosen.
        (
            "",
            {"tahun": ["2019", "2020"]},
            ANY_YEAR,
            ["b/dinas/", "b/rotan/"],
            {"2019": 1, "2020": 1, "2021": 1, "2022": 1},
            {"Dinas": 2, "Kemenperin": 1},
        ),
        (
            "industri",
            {"tahun": ["2019"]},
            ANY_YEAR,
            ["b/rotan/"],
            {"2019": 1, "2020": 1, "2021": 0, "2022": 1},
            {"Dinas": 1, "Kemenperin": 1},
        ),
        # The other keys' values restrict the years' counts; theirs are
        # counted among the results.
        (
            "",
            {"tahun": ["2019", "2020", "2022"], "lembaga": ["Kemenperin"]},
            ANY_YEAR,
            ["b/ikm/", "b/rotan/"],
            {"2019": 1, "2020": 0, "2021": 0, "2022": 1},
            {"Dinas": 1, "Kemenperin": 2},
        ),
        # A value no document has adds nothing.
        (
            "",
            {"tahun": ["2019", "1999"]},
            ANY_YEAR,
            ["b/rotan/"],
            {"2019": 1, "2020": 1, "2021": 1, "2022": 1},
            {"Dinas": 1, "Kemenperin": 1},
        ),
        # Without anyOf, two years are both required: no document has both.
        (
            "",
            {"tahun": ["2019", "2020"]},
            {},
            [],
            {"2019": 0, "2020": 0, "2021": 0, "2022": 0},
            {"Dinas": 0, "Kemenperin": 0},
        ),
    ],
)
def test_the_values_of_an_any_of_key_are_alternatives(
    search, query, filters, options, urls, years, agencies
):
    found = search(query, filters=filters, **options)
    assert found["urls"] == urls
    assert found["counts"]["tahun"] == years
    assert found["counts"]["lembaga"] == agencies


def test_filters_alone_list_documents_newest_first(search):
    found = search("", filters={"lembaga": ["Kemenperin"]})
    assert found["urls"] == ["b/ikm/", "b/rotan/"]
    assert found["highlight"] == []


EXCERPT = """([text, words, length]) =>
  import("/indeks.js").then(({ excerpt }) => excerpt(text, new Set(words), length))"""

SENTENCE = "Satu dua tiga. Industri rotan tumbuh, kata Perindustrian."


@pytest.mark.parametrize(
    ("text", "length", "shown"),
    [
        # [text] is marked; an ellipsis stands where words are left out.
        (SENTENCE, 6, "Satu dua tiga. [Industri] rotan tumbuh …"),
        (SENTENCE, 30, "Satu dua tiga. [Industri] rotan tumbuh, kata [Perindustrian]"),
        (
            f"a b c d e f g h i j {SENTENCE}",
            8,
            "… i j Satu dua tiga. [Industri] rotan tumbuh …",
        ),
        ("… rotan, kata Perindustrian…", 30, "… rotan, kata [Perindustrian] …"),
        ("Industri… rotan", 30, "[Industri]… rotan"),
        ("« »", 30, ""),
    ],
)
def test_excerpts_mark_the_words_found(index_page, text, length, shown):
    parts = index_page.evaluate(EXCERPT, [text, ["industri", "perindustrian"], length])
    assert "".join(f"[{p['text']}]" if p["mark"] else p["text"] for p in parts) == shown


def test_counts_are_written_as_indonesian_writes_them(index_page):
    found = index_page.evaluate(
        """async (counts) => {
          const { formatCount } = await import("/indeks.js");
          return counts.map(formatCount);
        }""",
        [0, 7, 999, 1465, 20287, 1234567],
    )
    assert found == ["0", "7", "999", "1.465", "20.287", "1.234.567"]


FIRST_PAGES = """async ([base, words]) => {
  const { SearchIndex, excerpt } = await import("/indeks.js");
  const index = await SearchIndex.open(new URL(base, location.href));
  const found = [];
  for (const word of words) {
    for (const sort of ["relevansi", "terbaru"]) {
      const first = await index.firstPage(word, { sort });
      const search = await index.search(word, { sort });
      const numbers = [...search.results.subarray(0, 10)];
      const texts = [];
      for (const n of numbers) {
        const record = await index.document(n);
        texts.push([record.u, JSON.stringify(excerpt(record.x, search.highlight))]);
      }
      found.push({
        word,
        sort,
        expected: {
          numbers,
          total: search.results.length,
          highlight: [...search.highlight].sort(),
          texts,
        },
        first: first && {
          numbers: first.documents.map(([n]) => n),
          total: first.total,
          highlight: [...first.highlight].sort(),
          texts: first.documents.map(([, record]) => [
            record.u,
            JSON.stringify(excerpt(record.x, first.highlight)),
          ]),
        },
      });
    }
  }
  return found;
}"""


def test_a_first_page_is_the_first_page_the_search_draws(index_page):
    """Every word's first page (hal/) holds the documents that search() ranks
    first, in either order, the same count, marks and excerpts."""
    words = index_page.evaluate(
        """async () => {
          const { SearchIndex } = await import("/indeks.js");
          const index = await SearchIndex.open(new URL("/acak/", location.href));
          const words = [];
          for (let n = 0; n < index.meta.kamus.length; n++) {
            for (const entry of await index.chunk(n)) words.push(entry[0]);
          }
          return words;
        }"""
    )
    assert {"industri", "perindustrian", "ekspor", "cafe", "naive"} <= set(words)
    found = index_page.evaluate(FIRST_PAGES, ["/acak/", words])
    assert len(found) == 2 * len(words)
    for item in found:
        assert item["first"] == item["expected"], (item["word"], item["sort"])


def test_equal_scores_list_the_newest_first_and_pages_without_a_date_last(
    index_page,
):
    """Also when sorted by date, newest or oldest first, with or without a
    word."""
    found = index_page.evaluate(
        """async () => {
          const { SearchIndex } = await import("/indeks.js");
          const index = await SearchIndex.open(new URL("/seri/", location.href));
          const urls = async (numbers) => {
            const found = [];
            for (const n of numbers) found.push((await index.document(n)).u);
            return found;
          };
          const out = {};
          for (const sort of ["relevansi", "terbaru", "terlama"]) {
            const search = await index.search("batik", { sort });
            const first = await index.firstPage("batik", { sort });
            out[sort] = await urls(search.results);
            out[sort + " first page"] = first?.documents.map(([, record]) => record.u);
            out[sort + ", no word"] = await urls((await index.search("", { sort })).results);
          }
          return out;
        }"""
    )
    assert found == {
        "relevansi": NEWEST_FIRST,
        "relevansi first page": NEWEST_FIRST[:10],
        "relevansi, no word": NEWEST_FIRST,
        "terbaru": NEWEST_FIRST,
        "terbaru first page": NEWEST_FIRST[:10],
        "terbaru, no word": NEWEST_FIRST,
        # Oldest first has no first page: the postings rank it.
        "terlama": OLDEST_FIRST,
        "terlama first page": None,
        "terlama, no word": OLDEST_FIRST,
    }


def test_only_one_frequent_word_without_filters_has_a_first_page(index_page):
    found = index_page.evaluate(
        """async () => {
          const { SearchIndex } = await import("/indeks.js");
          const index = await SearchIndex.open(new URL("/indeks/", location.href));
          const kinds = async (query, options) => {
            const first = await index.firstPage(query, options);
            return first && first.documents.length;
          };
          return {
            word: await kinds("rotan"),
            two: await kinds("industri rotan"),
            filtered: await kinds("rotan", { filters: { lembaga: ["Dinas"] } }),
            prefix: await kinds("pengola"),
            unknown: await kinds("tidakada"),
            empty: await kinds(""),
          };
        }"""
    )
    assert found == {
        "word": 2,
        "two": None,
        "filtered": None,
        "prefix": None,
        "unknown": None,
        "empty": None,
    }


FREQUENT_AND_CHUNKS = """async ([base, queries]) => {
  const { SearchIndex } = await import("/indeks.js");
  const url = new URL(base, location.href);
  const index = await SearchIndex.open(url);
  const chunks = await SearchIndex.open(url);
  chunks.frequent = new Map(); // as an index without meta.kata reads it
  const read = async (found) => ({
    results: [...found.results],
    highlight: [...found.highlight].sort(),
    counts: await found.counts(),
  });
  const out = [];
  for (const query of queries) {
    for (const sort of ["relevansi", "terbaru"]) {
      const first = await index.firstPage(query, { sort });
      const other = await chunks.firstPage(query, { sort });
      out.push({
        query,
        sort,
        frequent: await read(await index.search(query, { sort })),
        chunks: await read(await chunks.search(query, { sort })),
        firstPage: first && first.documents.map(([n]) => n),
        firstPageFromChunks: other && other.documents.map(([n]) => n),
      });
    }
  }
  const fetched = [...index.loads.keys()].filter((path) => path.startsWith("kamus/"));
  return { out, frequent: index.frequent.size, chunksRead: fetched };
}"""


def test_frequent_words_are_looked_up_in_meta_without_a_chunk(index_page):
    """Words of meta.kata are searched without a dictionary chunk (postings
    and first pages are fetched at once), with the results, marks and counts
    of a search through the chunks."""
    words = "industri rotan ekspor kopi produk harga lampung umkm".split()
    queries = [
        *words,
        *(f"{a} {b}" for a, b in itertools.pairwise(words)),
        "industri ekspor kopi",
        "lampung umkm pasar dinas",
    ]
    found = index_page.evaluate(FREQUENT_AND_CHUNKS, ["/acak/", queries])
    assert found["frequent"] > len(words)
    assert found["chunksRead"] == []
    for item in found["out"]:
        assert item["frequent"] == item["chunks"], (item["query"], item["sort"])
        assert item["firstPage"] == item["firstPageFromChunks"], item["query"]
        assert item["frequent"]["results"], item["query"]
    # A word being typed is still looked up in the chunks.
    prefix = index_page.evaluate(FREQUENT_AND_CHUNKS, ["/acak/", ["indus"]])
    assert prefix["chunksRead"]
    assert prefix["out"][0]["frequent"] == prefix["out"][0]["chunks"]


PARTIAL = """async ([base, query, options]) => {
  const { SearchIndex } = await import("/indeks.js");
  const index = await SearchIndex.open(new URL(base, location.href));
  const urls = async (numbers) => {
    const found = [];
    for (const n of numbers) found.push((await index.document(n)).u);
    return found;
  };
  const found = await index.search(query, { ...options, partial: true });
  return {
    highlight: [...found.highlight],
    urls: await urls(found.results),
    held: found.held,
    asked: found.asked,
    unknown: found.unknown,
    counts: await found.counts(),
  };
}"""


@pytest.mark.parametrize(
    ("query", "filters", "urls", "held"),
    [
        ("kopi rotan", {}, ["b/dinas/", "b/kopi/", "b/rotan/"], 1),
        ("rotan ekspor kopi", {}, ["b/rotan/"], 2),
        ("industri rotan", {}, ["b/dinas/", "b/rotan/"], 2),  # both held
        ("kopi rotan", {"lembaga": ["Dinas"]}, ["b/dinas/", "b/rotan/"], 1),
        ("kopi rotan", {"lembaga": ["Tidak Ada"]}, [], 1),
        ("rotan", {"lembaga": ["Tidak Ada"]}, [], 1),
    ],
)
def test_partial_finds_the_documents_holding_the_most_of_the_words(
    index_page, query, filters, urls, held
):
    found = index_page.evaluate(PARTIAL, ["/indeks/", query, {"filters": filters}])
    assert sorted(found["urls"]) == urls
    assert found["held"] == held
    assert found["asked"] == len(query.split())
    # Counted among the results.
    assert sum(found["counts"]["tahun"].values()) == len(urls)


@pytest.mark.parametrize(
    ("query", "urls", "held", "unknown"),
    [
        ("kopi tidakada", ["b/kopi/"], 1, ["tidakada"]),
        ("tidakada rotan ekspor", ["b/rotan/"], 2, ["tidakada"]),
        ("kopi rotan tidakada", ["b/dinas/", "b/kopi/", "b/rotan/"], 1, ["tidakada"]),
        ("tidakada lainnya", [], 0, ["tidakada", "lainnya"]),
    ],
)
def test_partial_leaves_out_the_words_no_document_holds(
    index_page, query, urls, held, unknown
):
    found = index_page.evaluate(PARTIAL, ["/indeks/", query, {}])
    assert sorted(found["urls"]) == urls
    assert found["held"] == held
    assert found["asked"] == len(query.split())
    assert found["unknown"] == unknown
    # Without `partial`, a word no document holds leaves nothing found.
    assert index_page.evaluate(SEARCH, [query, {}])["urls"] == []


PARTIAL_ORACLE = """async ([base, queries]) => {
  const { SearchIndex, words } = await import("/indeks.js");
  const index = await SearchIndex.open(new URL(base, location.href));
  const newest = [...(await index.search("")).results];
  const out = [];
  for (const query of queries) {
    const each = [];
    const held = [];
    for (const word of new Set(words(query))) {
      each.push([...(await index.search(word)).results]);
      if (each.at(-1).length) held.push(word);
    }
    const found = {};
    for (const sort of ["relevansi", "terbaru"]) {
      const search = await index.search(query, { sort, partial: true });
      found[sort] = { results: [...search.results], held: search.held };
    }
    const whole = [...(await index.search(query)).results];
    // The query without its words no page holds.
    const rest = [...(await index.search(held.join(" "), { partial: true })).results];
    out.push({ query, each, found, whole, rest });
  }
  return { newest, out };
}"""


def test_partial_matches_what_the_words_find_one_by_one(index_page):
    """A query some document holds whole finds what it finds without
    `partial`; one no document holds whole finds the documents that the most
    of its words find, one by one, newest first if asked. A word no document
    holds is left out: the query finds what its other words find, in the
    same order."""
    draw = random.Random(11)
    queries = [" ".join(draw.sample(FEW_WORDS, k)) for k in range(2, 8) for _ in "ab"]
    # A word no page holds is left out, wherever it stands.
    queries += [f"{queries[n]} tidakada" for n in (0, 5)] + [f"tidakada {queries[9]}"]
    found = index_page.evaluate(PARTIAL_ORACLE, ["/sebagian/", queries])
    partial = unknown = 0
    for item in found["out"]:
        held = Counter(doc for docs in item["each"] for doc in docs)
        most = max(held.values())
        relevance, newest = item["found"]["relevansi"], item["found"]["terbaru"]
        if not all(item["each"]):
            unknown += 1
            assert relevance["results"] == item["rest"], item["query"]
        if item["whole"]:
            assert relevance == {"results": item["whole"], "held": len(item["each"])}
            continue
        partial += 1
        expected = {doc for doc, count in held.items() if count == most}
        assert set(relevance["results"]) == expected, item["query"]
        assert relevance["held"] == newest["held"] == most < len(item["each"])
        assert newest["results"] == [d for d in found["newest"] if d in expected]
    assert 0 < partial < len(found["out"])
    assert unknown == 3


def test_a_word_no_document_holds_has_neighbours_with_their_counts(index_page):
    """The words a misspelling may be meant for: the frequent words, or,
    for an index without them, the words of the chunk it falls in."""
    found = index_page.evaluate(
        """async () => {
          const { SearchIndex } = await import("/indeks.js");
          const url = new URL("/indeks/", location.href);
          const index = await SearchIndex.open(url);
          const chunks = await SearchIndex.open(url);
          chunks.frequent = new Map(); // as an index without meta.kata reads it
          return [await index.neighbours("rotam"), await chunks.neighbours("rotam")];
        }"""
    )
    frequent, chunk = (dict(pairs) for pairs in found)
    assert frequent["rotan"] == chunk["rotan"] == 2
    assert frequent["kopi"] == 1
    assert "rotam" not in frequent
