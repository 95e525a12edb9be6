"""Running the import commands as an editor does, and pages written for the tests."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def invoke(*args: str, stdin: str | None = None, timeout: float = 120) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def empty_content(tmp_path: Path) -> Path:
    """A content folder with the project's authority files and no articles."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    authority = ROOT / "content" / "authority"
    if authority.is_dir():
        shutil.copytree(authority, content / "authority")
    return content


def article_files(content: Path) -> list[Path]:
    return sorted((content / "articles").rglob("*.md"))


def news_page(
    title: str,
    paragraphs: list[str],
    *,
    date: str = "2024-05-06T09:00:00+07:00",
    publisher: str = "Warta Uji",
    charset: str = "utf-8",
    extra_head: str = "",
    extra_body: str = "",
) -> bytes:
    """A news page as a real site would serve it, written for the tests."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": date,
        "author": {"@type": "Person", "name": "Redaksi Uji"},
        "publisher": {"@type": "Organization", "name": publisher},
    }
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    html = f"""<!doctype html>
<html lang="id"><head><meta charset="{charset}">
<title>{title} - {publisher}</title>
<script type="application/ld+json">{json.dumps(ld)}</script>
{extra_head}
</head><body>
<nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav>
<article><h1>{title}</h1>
{body}
{extra_body}
</article>
<aside class="terkait"><h3>Berita terkait</h3><ul><li><a href="/x">Lain</a></li></ul></aside>
<footer>Hak cipta</footer>
</body></html>"""
    return html.encode(charset)


def paragraphs_about(topic: str) -> list[str]:
    """Five plain Indonesian paragraphs, enough for the extractor to see an article."""
    return [
        f"BANDARLAMPUNG, Warta Uji — Dinas Perindustrian membahas {topic} bersama "
        "pelaku usaha kecil dan menengah dalam rapat di kantor gubernur, Senin (6/5/2024).",
        f"Kepala dinas mengatakan, program {topic} akan dijalankan di lima kabupaten "
        "mulai tahun depan dengan melibatkan koperasi dan perbankan daerah.",
        "Menurut dia, pelatihan bagi perajin dan bantuan peralatan menjadi bagian "
        "penting agar produk daerah mampu bersaing di pasar nasional maupun ekspor.",
        "Para pelaku usaha menyambut baik rencana itu. Mereka berharap perizinan "
        "dipermudah dan pemasaran produk dibantu melalui pameran dagang.",
        f"Pemerintah provinsi menargetkan {topic} rampung dalam dua tahun dan akan "
        "mengevaluasi hasilnya setiap enam bulan bersama pemerintah kabupaten.",
    ]
