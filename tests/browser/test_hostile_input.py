"""Hostile pages and pastes are imported and built; in Chromium nothing runs."""

from __future__ import annotations

import pytest

import sitebuild
from tests.conftest import run_build
from tests.ingest.helpers import invoke, news_page, paragraphs_about

pytestmark = pytest.mark.browser

MARKER = "XSS-DIJALANKAN"
EVIL = "http://evil.invalid"
VECTORS = [
    f"<script>console.log('{MARKER}');alert(1)</script>",
    f"<img src=x onerror=\"console.log('{MARKER}');fetch('{EVIL}/img')\">",
    f"<a href=\"javascript:console.log('{MARKER}')\">tautan jahat</a>",
    f"<a href=\"data:text/html,<script>alert('{MARKER}')</script>\">data</a>",
    f"<svg onload=\"console.log('{MARKER}')\"><script>console.log('{MARKER}')</script></svg>",
    f'<iframe src="{EVIL}/frame"></iframe>',
    f'<object data="{EVIL}/x.swf"></object>',
    f'<form action="{EVIL}/form"><input name=q value=x><button>kirim</button></form>',
    f'<p style="background:url({EVIL}/bg)">gaya</p>',
    f"<scr<script>ipt>console.log('{MARKER}')</scr</script>ipt>",
    f"<p>markup rusak <b><i>tanpa penutup <img src=x onerror=console.log('{MARKER}')//",
    f"<math><mtext><table><mglyph><style><img src=x onerror=console.log('{MARKER}')>",
    f"<details open ontoggle=\"console.log('{MARKER}')\">detail</details>",
]


def hostile_page() -> bytes:
    title = f"Pameran Dagang Daerah <img src=x onerror=console.log('{MARKER}')>"
    paragraphs = paragraphs_about("pameran dagang")
    mixed = [p + " " + v for p, v in zip(paragraphs * 3, VECTORS, strict=False)]
    return news_page(
        title,
        paragraphs + mixed,
        extra_head=f'<meta property="og:image" content="javascript:alert(\'{MARKER}\')">'
        f"<script>console.log('{MARKER}')</script>",
        extra_body=f"<div onmouseover=\"console.log('{MARKER}')\">hover</div>",
    )


HOSTILE_PASTE = f"""Koperasi Kopi <script>alert('{MARKER}')</script> Meraih Penghargaan

METRO, Warta Uji — Koperasi kopi di Kota Metro meraih penghargaan, Rabu (8/5/2024).
<img src=x onerror="console.log('{MARKER}')"> Pengurus koperasi berterima kasih.
[tautan](javascript:console.log('{MARKER}')) dan <a href="javascript:alert(1)">ini</a>.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    import shutil

    from tests.conftest import CONTENT

    content = work / "content"
    shutil.copytree(CONTENT, content)
    page = work / "jahat.html"
    page.write_bytes(hostile_page())
    html_run = invoke(
        "import-html",
        str(page),
        "--url",
        "https://warta-uji.example/b/1",
        "--content",
        str(content),
    )
    assert html_run.returncode == 0, html_run.stderr
    paste = work / "jahat.txt"
    paste.write_text(HOSTILE_PASTE, encoding="utf-8")
    text_run = invoke("import-text", str(paste), "--content", str(content))
    assert text_run.returncode == 0, text_run.stderr
    built = run_build(content, work / "output")
    assert built.returncode == 0, built.stderr
    pages = sorted(
        "/" + p.parent.relative_to(built.output).as_posix() + "/"
        for p in built.output.glob("berita/2024/*/*/*/index.html")
    )
    with sitebuild.serving(built.output) as base:
        yield base, pages, built.output


def test_both_hostile_articles_were_published(hostile_site):
    _, pages, _ = hostile_site
    assert len(pages) == 2


def test_nothing_runs_in_chromium(hostile_site, page):
    base, pages, _ = hostile_site
    dialogs, console, foreign = [], [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: console.append(message.text))
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(base) else foreign.append(request.url)
        ),
    )
    for path in ["/", *pages]:
        page.goto(base + path)
        page.wait_for_load_state("load")
        for element in page.locator(
            ".berita__isi a, .berita__isi details, .berita__isi p"
        ).all():
            element.hover()
        page.wait_for_timeout(200)
        # Only the archive's own scripts: its modules and JSON-LD data blocks.
        unshipped = page.evaluate(
            "[...document.querySelectorAll('script')].filter(s => "
            "s.type !== 'application/ld+json' && !(s.src || '').includes('/theme/js/'))"
            ".length + document.querySelectorAll("
            "'iframe, object, embed, main form, main svg').length"
        )
        assert unshipped == 0, path
        data = page.evaluate(
            "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
            ".map(s => JSON.parse(s.textContent))"
        )
        assert data, path  # parsed: the hostile title did not break out of the block
        handlers = page.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
            ".filter(a => a.name.startsWith('on') || a.name === 'style'"
            " || /^(javascript|data):/i.test(a.value)).map(a => a.name))"
        )
        assert handlers == [], path
    assert dialogs == []
    assert [text for text in console if MARKER in text] == []
    assert foreign == []


def test_hostile_text_is_shown_as_text(hostile_site, page):
    base, pages, _ = hostile_site
    koperasi = next(p for p in pages if "koperasi" in p)
    page.goto(base + koperasi)
    heading = page.get_by_role("heading", level=1).inner_text()
    assert (
        heading
        == f"Koperasi Kopi <script>alert('{MARKER}')</script> Meraih Penghargaan"
    )
    body = page.locator(".berita__isi").inner_text()
    assert "<img src=x onerror=" in body  # shown, not rendered
