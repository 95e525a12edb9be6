"""The import commands end to end: files written, refused, or printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_build
from tests.ingest.helpers import (
    ROOT,
    article_files,
    empty_content,
    invoke,
    news_page,
    paragraphs_about,
)
from warta.metadata import parse_header

SEED_PASTE = ROOT / "tests" / "fixtures" / "seed-paste.txt"
SEED_FILE = next((ROOT / "content" / "articles" / "2015").glob("*.md"))


def split(markdown: str) -> tuple[dict[str, str], list[str]]:
    header = parse_header(markdown, "x")
    body = "\n".join(markdown.splitlines()[header.body_line - 1 :])
    return header.values, [p.strip() for p in body.split("\n\n") if p.strip()]


def test_seed_paste_gives_the_seed_article():
    run = invoke("import-text", str(SEED_PASTE), "--dry-run")
    assert run.returncode == 0, run.stderr
    imported, imported_body = split(run.stdout)
    expected, expected_body = split(SEED_FILE.read_text(encoding="utf-8"))
    for key in (
        "title",
        "date",
        "slug",
        "lang",
        "source",
        "location",
        "region",
        "caption",
    ):
        assert imported.get(key) == expected.get(key), key
    assert imported_body == expected_body


def test_seed_is_already_in_the_archive(tmp_path):
    run = invoke("import-text", str(SEED_PASTE))
    assert run.returncode == 1
    assert f"{SEED_PASTE.relative_to(ROOT)}: already in the archive as" in run.stderr
    assert "(same text)" in run.stderr


def test_import_text_writes_once_then_reports_the_duplicate(tmp_path):
    content = empty_content(tmp_path)
    first = invoke("import-text", str(SEED_PASTE), "--content", str(content))
    assert first.returncode == 0, first.stderr
    [written] = article_files(content)
    assert written.parent.name == "2015"
    before = written.read_bytes()
    again = invoke(
        "import-text", "-", "--content", str(content), stdin=SEED_PASTE.read_text()
    )
    assert again.returncode == 1
    assert "already in the archive" in again.stderr
    assert article_files(content) == [written]
    assert written.read_bytes() == before


DETIK_PASTE = """Ekspor Kopi Lampung Naik 12 Persen

https://finance.contoh.id/berita/d-123/ekspor-kopi-lampung-naik
Rina Wulandari - detikFinance
Senin, 04 Mei 2026 10:15 WIB

Jakarta - Dinas Perindustrian Provinsi Lampung mencatat ekspor kopi naik
12 persen pada triwulan pertama.

Baca juga: Harga Kopi Dunia Melonjak

Petani mulai menikmati harga yang lebih baik.
(rrd/rrd)
"""


def test_a_pasted_byline_and_date_line_fill_the_metadata(tmp_path):
    content = empty_content(tmp_path)
    run = invoke("import-text", "-", "--content", str(content), stdin=DETIK_PASTE)
    assert run.returncode == 0, run.stderr
    [written] = article_files(content)
    header, body = split(written.read_text(encoding="utf-8"))
    assert header["date"] == "2026-05-04"
    assert (header["source"], header["author"]) == ("detikFinance", "Rina Wulandari")
    assert header["source_url"] == (
        "https://finance.contoh.id/berita/d-123/ekspor-kopi-lampung-naik"
    )
    # The project's regions file knows Jakarta: the province's alias, as
    # the dateline writes it.
    assert header["location"] == "Jakarta"
    assert header["region"] == "Daerah Khusus Ibukota Jakarta"
    assert header["summary"].startswith("Dinas Perindustrian Provinsi Lampung")
    assert body == [
        "Jakarta - Dinas Perindustrian Provinsi Lampung mencatat ekspor kopi naik "
        "12 persen pada triwulan pertama.",
        "Petani mulai menikmati harga yang lebih baik.",
    ]
    # The same page pasted again is found by its address.
    again = invoke(
        "import-text", "-", "--content", str(content), stdin=DETIK_PASTE + "Tambahan."
    )
    assert again.returncode == 1
    assert "already in the archive" in again.stderr


def test_update_keeps_a_backup(tmp_path):
    content = empty_content(tmp_path)
    invoke("import-text", str(SEED_PASTE), "--content", str(content))
    run = invoke("import-text", str(SEED_PASTE), "--content", str(content), "--update")
    assert run.returncode == 0, run.stderr
    backups = list((content / "articles").rglob("*.bak"))
    assert len(backups) == 1
    assert "cadangan:" in run.stderr


def test_import_html_with_its_url(tmp_path):
    content = empty_content(tmp_path)
    page = tmp_path / "halaman.html"
    page.write_bytes(
        news_page("Sentra Tapis Diperluas", paragraphs_about("sentra tapis"))
    )
    url = "https://warta-uji.example/berita/sentra-tapis"
    run = invoke("import-html", str(page), "--url", url, "--content", str(content))
    assert run.returncode == 0, run.stderr
    [written] = article_files(content)
    values, body = split(written.read_text(encoding="utf-8"))
    assert values["title"] == "Sentra Tapis Diperluas"
    assert values["date"] == "2024-05-06 09:00"
    assert values["source"] == "Warta Uji"
    assert values["source_url"] == url
    assert values["author"] == "Redaksi Uji"
    assert values["location"] == "Bandar Lampung"
    assert body[0].startswith("BANDARLAMPUNG, Warta Uji")
    assert not any("Berita terkait" in p or "Beranda" in p for p in body)


def test_import_html_reads_a_dateline_of_a_place_alone(tmp_path):
    content = empty_content(tmp_path)
    paragraphs = paragraphs_about("sentra tapis")
    paragraphs[0] = paragraphs[0].replace("BANDARLAMPUNG, Warta Uji —", "Metro -")
    page = tmp_path / "halaman.html"
    page.write_bytes(news_page("Sentra Tapis Diperluas", paragraphs))
    run = invoke("import-html", str(page), "--content", str(content))
    assert run.returncode == 0, run.stderr
    values, body = split(article_files(content)[0].read_text(encoding="utf-8"))
    assert (values["location"], values["region"]) == ("Metro", "Lampung")
    assert body[0].startswith("Metro - Dinas Perindustrian")


def test_a_dateline_of_any_city_gives_its_province(tmp_path):
    content = empty_content(tmp_path)
    pasted = tmp_path / "tempel.txt"
    pasted.write_text(
        "Sentra Batik Diperluas\n\nSenin, 6 Mei 2024 09:00 WIB\n\n"
        "SURAKARTA, Warta Uji - Dinas Perdagangan memperluas sentra batik.\n\n"
        "Perluasan itu menampung dua ratus perajin.",
        encoding="utf-8",
    )
    run = invoke("import-text", str(pasted), "--content", str(content))
    assert run.returncode == 0, run.stderr
    values, _ = split(article_files(content)[0].read_text(encoding="utf-8"))
    assert (values["location"], values["region"]) == ("Surakarta", "Jawa Tengah")


def test_new_article_is_ready_for_hand_entry(tmp_path):
    content = empty_content(tmp_path)
    run = invoke("new", "Harga Kopi Robusta Naik", "--content", str(content))
    assert run.returncode == 0, run.stderr
    [written] = article_files(content)
    assert written.name == "harga-kopi-robusta-naik.md"
    text = written.read_text(encoding="utf-8")
    for key in (
        "Title",
        "Date",
        "Slug",
        "Source",
        "Source_url",
        "Location",
        "Region",
        "Tags",
        "Summary",
    ):
        assert f"\n{key}:" in "\n" + text, key
    assert "\nStatus: draft\n" in text  # not published until the editor says so
    built = run_build(content, tmp_path / "output")
    assert built.returncode == 0, built.stderr  # blank fields build cleanly
    assert (
        tmp_path / "output" / "draf" / "harga-kopi-robusta-naik" / "index.html"
    ).exists()
    again = invoke("new", "Harga Kopi Robusta Naik", "--content", str(content))
    assert again.returncode == 1
    assert "exists already" in again.stderr
    assert written.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d.joinpath("kosong.txt").write_text("  \n\n"), "the text is empty"),
        (lambda d: None, "cannot read the file"),
        (
            lambda d: d.joinpath("kosong.txt").write_bytes(
                b"\x89PNG\r\n" + bytes(range(256)) * 4
            ),
            "unknown text encoding",
        ),
        (
            lambda d: d.joinpath("kosong.txt").write_text("Judul saja\n"),
            "no article text",
        ),
        (
            lambda d: d.joinpath("kosong.txt").write_text(
                "Judul\n\nTanpa tanggal sama sekali."
            ),
            "no publication date",
        ),
    ],
)
def test_bad_text_names_input_and_reason(tmp_path, make, reason):
    content = empty_content(tmp_path)
    make(tmp_path)
    source = tmp_path / "kosong.txt"
    run = invoke("import-text", str(source), "--content", str(content))
    assert run.returncode == 1
    assert f"GAGAL: {source}: " in run.stderr
    assert reason in run.stderr
    assert article_files(content) == []


def test_a_page_that_is_not_news_is_refused(tmp_path):
    content = empty_content(tmp_path)
    page: Path = tmp_path / "beranda.html"
    page.write_text(
        "<html><body><nav><a href='/'>Beranda</a></nav><p>Halo.</p></body></html>"
    )
    run = invoke("import-html", str(page), "--content", str(content))
    assert run.returncode == 1
    assert f"{page}: not a news page" in run.stderr
    assert article_files(content) == []


@pytest.mark.parametrize(
    ("task", "summary"),
    [
        ("new", "Create an article file"),
        ("import-text", "Import an article from text"),
        ("crawl", "Import every new article"),
    ],
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_after_a_task_prints_its_help_and_writes_nothing(
    tmp_path, task, summary, flag
):
    # invoke 3.0.3 gives the flag to the task's positional argument:
    # "new --help" wrote an article titled "--help".
    content = empty_content(tmp_path)
    run = invoke(task, flag, "--content", str(content))
    assert run.returncode == 0, run.stderr
    assert f"Usage: inv[oke] [--core-opts] {task} [--options]" in run.stdout
    assert summary in run.stdout
    assert article_files(content) == []


@pytest.mark.parametrize("address", ["notaurl", "ftp://example.org/x", "http:///x"])
def test_import_url_of_no_web_address_says_so(tmp_path, address):
    content = empty_content(tmp_path)
    run = invoke("import-url", address, "--content", str(content))
    assert run.returncode == 1
    assert f"GAGAL: {address}: not an http(s) URL: {address}" in run.stderr
    assert article_files(content) == []


def test_new_article_without_a_title_is_refused(tmp_path):
    content = empty_content(tmp_path)
    run = invoke("new", "  ", "--content", str(content))
    assert run.returncode == 1
    assert "GAGAL: the title is empty" in run.stderr
    assert article_files(content) == []
