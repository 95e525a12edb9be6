"""The internal link check on small HTML trees written for each case."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.spies import spy
from warta.audit import links
from warta.audit.links import LinkChecker, check_links


def page(body: str, head: str = "") -> str:
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        f"<title>t</title>{head}</head><body>{body}</body></html>"
    )


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


SITE = {
    "index.html": page('<h1 id="atas">Beranda</h1>'),
    "berita/satu/index.html": page('<h1 id="judul">Satu</h1><a name="lama"></a>'),
    "arsip/index.html": page('<section id="tahun-2015"></section>'),
    "café/index.html": page('<p id="menu-kopi">kopi</p>'),
    "theme/css/warta.css": "body{}",
    "theme/js/cari.js": "",
    "favicon.svg": "<svg/>",
    "data/berkas.csv": "a,b",
}

CASES = [
    # (case id, page, links on it, expected broken: [(url, reason start)])
    (
        "good relative and root-relative links",
        "berita/dua/index.html",
        '<a href="../satu/">x</a><a href="/arsip/">x</a><a href="../../">x</a>'
        '<link rel="stylesheet" href="../../theme/css/warta.css">'
        '<script src="/theme/js/cari.js"></script><img src="../../favicon.svg" alt="">'
        '<a href="../../data/berkas.csv" download>csv</a>',
        [],
    ),
    (
        "good fragments, on the target page and on the same page",
        "berita/dua/index.html",
        '<p id="di-sini"></p><a href="#di-sini">x</a><a href="../satu/#judul">x</a>'
        '<a href="/arsip/#tahun-2015">x</a><a href="../satu/#lama">a name</a>'
        '<a href="#">top</a><a href="#top">top</a><a href="">self</a>',
        [],
    ),
    (
        "missing file",
        "berita/dua/index.html",
        '<a href="../tiga/">x</a><img src="/gambar/tidak-ada.png" alt="">'
        '<link rel="stylesheet" href="../theme/css/warta.css">',
        [
            ("../tiga/", "no such file"),
            ("/gambar/tidak-ada.png", "no such file"),
            ("../theme/css/warta.css", "no such file"),
        ],
    ),
    (
        "missing fragment",
        "berita/dua/index.html",
        '<a href="../satu/#tidak-ada">x</a><a href="#hilang">x</a>'
        '<a href="/arsip/#Tahun-2015">ids are case-sensitive</a>',
        [
            ("../satu/#tidak-ada", "no id 'tidak-ada'"),
            ("#hilang", "no id 'hilang'"),
            ("/arsip/#Tahun-2015", "no id 'Tahun-2015'"),
        ],
    ),
    (
        "folder URLs end in index.html",
        "index.html",
        '<a href="arsip/">x</a><a href="arsip">no slash: the server redirects</a>'
        '<a href="theme/">a folder without index.html</a>',
        [("theme/", "no such file")],
    ),
    (
        "query strings are dropped",
        "index.html",
        '<a href="/cari/?q=x">x</a><a href="arsip/?halaman=2#tahun-2015">x</a>'
        '<a href="/theme/css/warta.css?v=3">x</a><a href="?urut=terbaru">x</a>',
        [("/cari/?q=x", "no such file")],
    ),
    (
        "external links are not followed",
        "index.html",
        '<a href="https://teraslampung.com/x/">x</a><a href="http://a.example/">x</a>'
        '<a href="mailto:redaksi@example.org">x</a><a href="tel:+62721">x</a>'
        '<script src="//cdn.example.org/x.js"></script>'
        '<img src="data:image/png;base64,AAAA" alt="">',
        [],
    ),
    (
        "percent escapes are decoded, in paths and in fragments",
        "index.html",
        '<a href="caf%C3%A9/#menu-kopi">x</a><a href="café/#menu%2Dkopi">x</a>',
        [],
    ),
    (
        "srcset candidates, poster and form action are links too",
        "index.html",
        '<img src="favicon.svg" srcset="favicon.svg 1x, besar.svg 2x" alt="">'
        '<video poster="tidak-ada.jpg"></video><form action="cari/"></form>',
        [
            ("besar.svg", "no such file"),
            ("tidak-ada.jpg", "no such file"),
            ("cari/", "no such file"),
        ],
    ),
    (
        "SVG links in an inline chart",
        "berita/dua/index.html",
        '<svg><a href="../satu/"><circle r="1"/></a><a xlink:href="../empat/">'
        '<circle r="1"/></a><use href="#ikon"/></svg>',
        [("../empat/", "no such file"), ("#ikon", "no id 'ikon'")],
    ),
    (
        "a fragment on a file that is not HTML is not checked",
        "index.html",
        '<a href="favicon.svg#lapisan">x</a><a href="data/berkas.csv#baris=2">x</a>',
        [],
    ),
    (
        "dot-dot past the root stays at the root, as in a browser",
        "index.html",
        '<a href="../../arsip/">x</a>',
        [],
    ),
]


@pytest.mark.parametrize(
    ("page_rel", "body", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_link_check(tmp_path, page_rel, body, expected):
    files = dict(SITE)
    files[page_rel] = page(body)
    write(tmp_path, files)
    report = check_links(tmp_path)
    found = sorted((b.url, b.reason) for b in report.broken)
    assert len(found) == len(expected), found
    for (url, reason), (want_url, want_reason) in zip(
        found, sorted(expected), strict=True
    ):
        assert url == want_url
        assert reason.startswith(want_reason), reason
    for broken in report.broken:
        assert broken.page == page_rel


def test_a_base_href_changes_what_relative_links_resolve_against(tmp_path):
    files = dict(SITE)
    files["berita/dua/index.html"] = page(
        '<a href="berita/satu/#judul">x</a><a href="tidak/">x</a>',
        head='<base href="/">',
    )
    write(tmp_path, files)
    broken = check_links(tmp_path).broken
    assert [(b.url, b.target) for b in broken] == [("tidak/", "tidak/index.html")]


def test_external_links_are_counted_not_checked(tmp_path):
    files = dict(SITE)
    files["index.html"] = page(
        '<a href="https://a.example/">x</a><a href="mailto:x@example.org">x</a>'
        '<a href="arsip/">x</a>'
    )
    write(tmp_path, files)
    report = check_links(tmp_path)
    assert report.ok
    assert report.external == 2
    assert report.links == 1


def test_absolute_links_to_the_site_itself_are_checked(tmp_path):
    files = dict(SITE)
    files["index.html"] = page(
        '<a href="https://warta.example.org/arsip/#tahun-2015">x</a>'
        '<a href="https://warta.example.org/tidak/">x</a>'
        '<a href="https://lain.example.org/tidak/">x</a>'
    )
    write(tmp_path, files)
    report = check_links(tmp_path, site_urls=["https://warta.example.org"])
    assert [b.url for b in report.broken] == ["https://warta.example.org/tidak/"]
    assert report.external == 1


def test_broken_links_are_grouped_by_target(tmp_path):
    files = dict(SITE)
    for name in ("a", "b", "c"):
        files[f"{name}/index.html"] = page('<a href="/hilang/">x</a>')
    write(tmp_path, files)
    groups = check_links(tmp_path).by_target()
    assert list(groups) == [("hilang/index.html", "no such file")]
    assert sorted(b.page for b in groups[("hilang/index.html", "no such file")]) == [
        "a/index.html",
        "b/index.html",
        "c/index.html",
    ]


def test_each_file_is_parsed_once(tmp_path, monkeypatch):
    files = dict(SITE)
    for number in range(20):
        files[f"p{number}/index.html"] = page(
            '<a href="/berita/satu/#judul">x</a><a href="/arsip/#tahun-2015">x</a>'
            '<a href="/#atas">x</a>'
        )
    write(tmp_path, files)
    parsed = spy(monkeypatch, links, "parse_page")
    checker = LinkChecker(tmp_path)
    assert checker.check().ok
    html_files = [f for f in files if f.endswith(".html")]
    assert len(parsed) == len(html_files)


def test_an_empty_html_file_has_no_links(tmp_path):
    write(tmp_path, {"index.html": "", "kosong.html": "   \n"})
    report = check_links(tmp_path)
    assert report.ok
    assert report.pages == 2


def test_ten_thousand_links_take_little_time(tmp_path):
    nav = "".join(f'<a href="/p{n}/#isi">{n}</a>' for n in range(0, 500, 10))
    files = {
        f"p{n}/index.html": page(f'<main id="isi">{nav}</main>') for n in range(500)
    }
    write(tmp_path, files)
    started = time.perf_counter()
    report = check_links(tmp_path)
    elapsed = time.perf_counter() - started
    assert report.ok
    assert report.links == 500 * 50
    assert elapsed < 10, f"{elapsed:.1f} s for {report.links} links"
