"""Encoding, sanitising, the metadata chain, storage and the extraction score."""

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup

from warta.ingest.draft import ArticleDraft, text_fingerprint
from warta.ingest.encoding import decode_page
from warta.ingest.errors import ArticleExists, DuplicateArticle
from warta.ingest.evaluation import match_counts, score
from warta.ingest.mojibake import describe, repair
from warta.ingest.sanitize import clean_html, plain_text
from warta.ingest.store import ArchiveIndex, canonical_url, save
from warta.ingest.webpage import (
    from_json_ld,
    from_meta_tags,
    html_to_markdown,
    joined_dateline,
    parse_moment,
    parse_page,
    without_leading_widget,
)

# --- encoding -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "header", "expected"),
    [
        (
            "Kopi “Arabika” — Rp5 juta".encode("cp1252"),
            "windows-1252",
            "Kopi “Arabika” — Rp5 juta",
        ),
        # ISO-8859-1 declared: browsers read windows-1252, so do we.
        (
            '<meta charset="iso-8859-1">Caf\xe9 \x93x\x94'.encode("latin-1"),
            None,
            "Café “x”",
        ),
        ("Kafé".encode(), None, "Kafé"),
        ("\ufeffKafé".encode(), None, "Kafé"),
        # Declared wrongly as UTF-8 but not UTF-8: detection takes over.
        ("Kafé dan “kopi” — é à ü".encode("cp1252"), "utf-8", "Kaf"),
        # Decomposed accents are composed (NFC).
        ("Cafe\u0301".encode(), None, "Café"),
        # UTF-8 bytes declared as a one-byte charset (a server's default) are
        # UTF-8: read as declared they would spell "NestlÃ©".
        ("PT Nestlé — “kopi”".encode(), "iso-8859-1", "PT Nestlé — “kopi”"),
        ('<meta charset="windows-1252">Nestlé'.encode(), None, ">Nestlé"),
    ],
)
def test_decode_page(raw, header, expected):
    assert expected in decode_page(raw, header)


# --- mis-decoded text -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "changes"),
    [
        # Clean text, curly quotes, dashes and accents included, is left alone.
        (
            "Kopi “Arabika” — Rp5 juta, kata perajin café; suhu 30°C, 5 m².",
            "Kopi “Arabika” — Rp5 juta, kata perajin café; suhu 30°C, 5 m².",
            (),
        ),
        ("PT NestlÃ© Indonesia", "PT Nestlé Indonesia", (("NestlÃ©", "Nestlé"),)),
        (
            "ekonomiâ€”bahkan naik 5 mÂ³",
            "ekonomi—bahkan naik 5 m³",
            (("ekonomiâ€”bahkan", "ekonomi—bahkan"), ("mÂ³", "m³")),
        ),
        # Right and wrong in one text: only the wrong is changed.
        (
            "Kafé di Istana Ã\x89lysÃ©e",
            "Kafé di Istana Élysée",
            (("Ã\x89lysÃ©e", "Élysée"),),
        ),
        ("Selamat ð\x9f\x91\x8f", "Selamat 👏", (("ð\x9f\x91\x8f", "👏"),)),
    ],
)
def test_repair_puts_mis_decoded_text_right(text, expected, changes):
    fixed = repair(text)
    assert fixed.text == expected
    assert fixed.changes == changes


def test_a_draft_repairs_its_text_fields_and_the_slug_made_from_its_title():
    draft = ArticleDraft(
        title="Pabrik NestlÃ© Diperluas",
        body="Produksi naik â€” kata manajer.",
        author="RenÃ©",
        tags=["NestlÃ©", "susu"],
    )
    assert draft.slug == "pabrik-nestla-c-diperluas"
    changes = draft.repair_text()
    assert (draft.title, draft.slug) == (
        "Pabrik Nestlé Diperluas",
        "pabrik-nestle-diperluas",
    )
    assert draft.body == "Produksi naik — kata manajer."
    assert (draft.author, draft.tags) == ("René", ["Nestlé", "susu"])
    assert len(changes) == 4
    # A slug given by hand stays; clean text is left as it is.
    named = ArticleDraft(title="Kopi NestlÃ©", body="Kopi “Arabika”.", slug="kopi")
    assert named.repair_text() == (("NestlÃ©", "Nestlé"),)
    assert (named.slug, named.body) == ("kopi", "Kopi “Arabika”.")


def test_a_repair_is_shown_short_and_without_control_characters():
    fixed = repair("a NestlÃ© b Ã\x89lysÃ©e c ð\x9f\x91\x8f d mÂ³ e " + "Ã©" * 30)
    summary = describe(fixed.changes)
    assert summary.startswith("5 place(s): 'NestlÃ©' → 'Nestlé', ")
    assert "'Ã\\x89lysÃ©e' → 'Élysée'" in summary  # U+0089 written out
    assert summary.endswith(", …")
    assert not any(0x80 <= ord(char) < 0xA0 for char in summary)


# --- sanitising -----------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="data:text/html,<script>alert(1)</script>">klik</a>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://example.org"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://example.org"><input name="q"></form>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)//",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("html", HOSTILE)
def test_clean_html_leaves_nothing_executable(html):
    cleaned = clean_html(html).lower()
    for marker in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "data:",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<style",
        "<svg",
        "style=",
    ):
        assert marker not in cleaned, (html, cleaned)


def test_clean_html_keeps_article_markup():
    html = (
        '<h2>Sub</h2><p>a <strong>b</strong> <a href="https://x.id/">c</a></p>'
        '<ul><li>d</li></ul><blockquote>e</blockquote><img src="https://x.id/f.jpg" alt="g">'
    )
    cleaned = clean_html(html)
    for kept in (
        "<h2>",
        "<strong>",
        'href="https://x.id/"',
        "<li>",
        "<blockquote>",
        'alt="g"',
    ):
        assert kept in cleaned


def test_plain_text_strips_tags_and_decodes_entities():
    assert (
        plain_text("<b>Rp 5</b> &amp; <script>alert(1)</script>naik") == "Rp 5 & naik"
    )


# --- metadata chain -------------------------------------------------------------------

JSON_LD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Situs"},
 {"@type": "NewsArticle", "headline": "Judul LD", "datePublished": "2024-05-06T08:30:00+07:00",
  "author": [{"@type": "Person", "name": "Ani"}, {"@type": "Person", "name": "Budi"}],
  "publisher": {"@type": "Organization", "name": "Harian Contoh"},
  "keywords": "ekspor, kopi"}]}
</script>"""
META = """<meta property="og:title" content="Judul OG">
<meta property="og:site_name" content="Contoh.id">
<meta property="article:published_time" content="2024-05-07">
<meta name="author" content="Citra">
<link rel="canonical" href="https://contoh.id/berita/1">"""


def test_json_ld_fields():
    fields = from_json_ld(BeautifulSoup(JSON_LD, "lxml")).values
    assert fields["title"] == "Judul LD"
    assert fields["author"] == "Ani, Budi"
    assert fields["source"] == "Harian Contoh"
    assert fields["tags"] == ["ekspor", "kopi"]


def test_meta_tag_fields():
    fields = from_meta_tags(BeautifulSoup(META, "lxml")).values
    assert fields["title"] == "Judul OG"
    assert fields["source"] == "Contoh.id"
    assert fields["date"] == "2024-05-07"
    assert fields["url"] == "https://contoh.id/berita/1"


def test_broken_json_ld_is_ignored():
    html = '<script type="application/ld+json">{"@type": "NewsArticle", </script>'
    assert from_json_ld(BeautifulSoup(html, "lxml")).values == {}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-06T08:30:00+07:00", dt.datetime(2024, 5, 6, 8, 30)),
        ("2024-05-06T01:30:00Z", dt.datetime(2024, 5, 6, 8, 30)),  # Jakarta time
        ("2024-05-06", dt.date(2024, 5, 6)),
        ("Senin, 6 Mei 2024", dt.date(2024, 5, 6)),
        ("bukan tanggal", None),
        (None, None),
    ],
)
def test_parse_moment(value, expected):
    assert parse_moment(value) == expected


# --- storage ------------------------------------------------------------------------


def draft(**changes):
    values = {
        "title": "Ekspor Kopi Naik",
        "body": "Nilai ekspor kopi naik.\n\nPetani senang.",
        "date": dt.date(2024, 5, 6),
        "source_url": "https://contoh.id/berita/1",
    }
    values.update(changes)
    return ArticleDraft(**values)


def test_save_writes_once_and_refuses_a_second_time(tmp_path):
    index = ArchiveIndex(tmp_path)
    written = save(draft(), articles_dir=tmp_path, index=index, source_name="a")
    assert written.path == tmp_path / "2024" / "ekspor-kopi-naik.md"
    with pytest.raises(DuplicateArticle, match="same original URL"):
        save(
            draft(),
            articles_dir=tmp_path,
            index=ArchiveIndex(tmp_path),
            source_name="b",
        )


def test_same_text_under_another_url_is_a_duplicate(tmp_path):
    save(draft(), articles_dir=tmp_path, index=ArchiveIndex(tmp_path), source_name="a")
    copy = draft(
        source_url="https://lain.id/x",
        body="Nilai *ekspor* kopi naik.\n\nPetani senang!",
    )
    with pytest.raises(DuplicateArticle, match="same text"):
        save(copy, articles_dir=tmp_path, index=ArchiveIndex(tmp_path), source_name="b")


def test_existing_file_is_kept_without_update(tmp_path):
    save(draft(), articles_dir=tmp_path, index=ArchiveIndex(tmp_path), source_name="a")
    other = draft(source_url="https://lain.id/y", body="Teks lain sama sekali.")
    with pytest.raises(ArticleExists, match="--update"):
        save(
            other, articles_dir=tmp_path, index=ArchiveIndex(tmp_path), source_name="b"
        )
    assert "Petani senang" in (tmp_path / "2024" / "ekspor-kopi-naik.md").read_text()


def test_update_replaces_after_a_backup(tmp_path):
    first = save(
        draft(), articles_dir=tmp_path, index=ArchiveIndex(tmp_path), source_name="a"
    )
    changed = draft(body="Nilai ekspor kopi naik tajam.")
    second = save(
        changed,
        articles_dir=tmp_path,
        index=ArchiveIndex(tmp_path),
        source_name="a",
        update=True,
    )
    assert second.path == first.path
    assert "naik tajam" in second.path.read_text()
    assert "Petani senang" in second.backup.read_text()
    assert not list(tmp_path.rglob(".import-*"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.Contoh.id/berita/1/", "http://contoh.id/berita/1"),
        ("https://contoh.id/berita/1#komentar", "https://contoh.id/berita/1"),
    ],
)
def test_canonical_url(a, b):
    assert canonical_url(a) == canonical_url(b)


def test_fingerprint_ignores_markup_and_case():
    assert text_fingerprint("Kopi **naik**, [lihat](https://x.id)") == text_fingerprint(
        "kopi naik lihat"
    )


# --- extraction score -------------------------------------------------------------------


def test_perfect_and_empty_predictions():
    text = "satu dua tiga empat lima enam tujuh"
    assert match_counts(text, text) == (1.0, 0.0, 0.0)
    assert score([(text, text)]) == (1.0, 1.0)
    assert score([(text, "")]) == (0.0, 0.0)


def test_extra_text_lowers_precision_not_recall():
    truth = "satu dua tiga empat lima enam"
    precision, recall = score([(truth, truth + " iklan iklan iklan iklan iklan")])
    assert recall == 1.0
    assert 0.3 < precision < 0.6


# --- a page's body and dates, as the extractor leaves them -------------------------

TEXT = "Dinas Perindustrian membahas kopi bersama pelaku usaha."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # detik's "<strong>Jakarta</strong> - <p>…": the dateline on its own.
        (f"**Jakarta**-\n\n{TEXT}", f"**Jakarta** - {TEXT}"),
        (f"Bandar Lampung —\n\n{TEXT}", f"Bandar Lampung — {TEXT}"),
        (f"**Jakarta** - {TEXT}", f"**Jakarta** - {TEXT}"),
        # Not a dateline: too long, or the whole body.
        (f"Ini kalimat panjang yang diakhiri tanda -\n\n{TEXT}", None),
        ("**Jakarta**-", None),
    ],
)
def test_a_dateline_standing_alone_is_joined_to_its_paragraph(body, expected):
    assert joined_dateline(body) == (expected or body)


WIDGET = "##### Headline\n\nTaksiran kerugian itu belum termasuk yang diderita warga."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"{WIDGET}\n\n{TEXT}", TEXT),
        (f"## Terpopuler\n\nSatu dua tiga.\n\n{TEXT}\n\nLagi.", f"{TEXT}\n\nLagi."),
        # An article's own heading, a long paragraph, or nothing after: kept.
        (f"## Latar belakang\n\n{TEXT}\n\n{TEXT}", None),
        (f"##### Headline\n\n{TEXT * 8}\n\n{TEXT}", None),
        (WIDGET, None),
    ],
)
def test_a_box_of_the_page_at_the_body_start_is_dropped(body, expected):
    assert without_leading_widget(body) == (expected or body)


def test_a_page_with_a_fragment_url_and_modified_before_published(tmp_path):
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ekspor Kopi Naik",
        "datePublished": "2026-01-20T18:33:13+07:00",
        "dateModified": "2026-01-20T18:30:00+07:00",
        "url": "https://contoh.id/berita/1/ekspor-kopi-naik#",
    }
    paragraphs = "".join(
        f"<p>{TEXT} Kalimat {n} menambah isi berita.</p>" for n in range(6)
    )
    html = (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><article><h1>Ekspor Kopi Naik</h1>{paragraphs}</article></body></html>"
    )
    draft = parse_page(html, url="https://contoh.id/berita/1/ekspor-kopi-naik")
    assert draft.source_url == "https://contoh.id/berita/1/ekspor-kopi-naik"
    assert draft.date == dt.datetime(2026, 1, 20, 18, 33)
    assert draft.modified is None  # the site's slip is dropped, the article kept


def test_links_to_the_sites_own_listings_become_their_words():
    body = (
        '<p>Menteri Perhubungan (<a href="/tag/menhub">Menhub</a>) membahas '
        '<a href="https://www.kompas.com/tag/tiket-pesawat">tiket pesawat</a> dan '
        '<a href="/topik/avtur/">avtur</a>; data di '
        '<a href="https://bps.go.id/id/statistics-table">tabel BPS</a>.</p>'
    )
    assert html_to_markdown(body, "https://money.kompas.com/read/1") == (
        "Menteri Perhubungan (Menhub) membahas tiket pesawat dan avtur; data di "
        "[tabel BPS](https://bps.go.id/id/statistics-table)."
    )
