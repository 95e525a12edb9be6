"""The pages the browser checks audit: this repository's, or their like."""

from pathlib import Path

from warta.audit.runner import PAGES, audit_pages


def write(output: Path, *paths: str) -> None:
    for path in paths:
        page = output / path / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("<!doctype html><title>x</title>", encoding="utf-8")


def test_the_repositorys_pages_are_taken_as_they_are(tmp_path):
    write(tmp_path, "", *(path.split("?")[0].strip("/") for _, path in PAGES))
    assert audit_pages(tmp_path) == PAGES


def test_a_site_from_other_content_gets_its_own_pages_of_each_kind(tmp_path):
    write(
        tmp_path,
        "",
        "berita/2026/05/02/kedua",
        "berita/2026/04/26/pertama",
        "lembaga/halaman/2",
        "lembaga/usulan-biro-hukum",
        "lembaga/kemenkes",
        "tokoh/usulan-budi-santoso",
        "cari",
    )
    assert audit_pages(tmp_path) == (
        ("beranda", "/"),
        ("berita", "/berita/2026/04/26/pertama/"),
        ("lembaga", "/lembaga/kemenkes/"),
        ("cari", "/cari/?q=revitalisasi"),
    )
