"""A broken article fails the build with its file and reason; nothing else is lost."""

from __future__ import annotations

import pytest

from tests.conftest import run_build

pytestmark = pytest.mark.site

BROKEN = {
    "invalid-date": (
        "Title: Berita rusak\nDate: 2015-02-30\nSource: Contoh\n\nIsi.\n",
        ":2: invalid 'date': '2015-02-30' is not a real calendar date",
    ),
    "missing-title": (
        "Date: 2015-03-16\nSource: Contoh\n\nIsi tanpa judul.\n",
        ": required metadata 'Title' is missing",
    ),
    "unknown-key": (
        "Title: Berita\nDate: 2015-03-16\nSumber: Contoh\n\nIsi.\n",
        ":3: unknown metadata key 'sumber'",
    ),
    "not-utf8": (
        b"Title: Berita\nDate: 2015-03-16\n\nIsi \xe9\xe9.\n",
        ":4: not UTF-8 text",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_article_fails_the_build_naming_file_and_reason(
    case, content_copy, tmp_path
):
    text, reason = BROKEN[case]
    path = content_copy / "articles" / "2015" / f"{case}.md"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    run = run_build(content_copy, tmp_path / "output")
    assert run.returncode == 1, run.stderr
    assert f"{path}{reason}" in run.stderr
    assert "build FAILED" in run.stderr


def test_duplicate_slugs_fail_naming_both_files(content_copy, tmp_path):
    articles = content_copy / "articles" / "2015"
    seed = next(articles.glob("*.md"))
    twin = articles / "salinan.md"
    twin.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    run = run_build(content_copy, tmp_path / "output")
    assert run.returncode == 1
    assert f"{twin}: same URL as {seed}" in run.stderr


@pytest.mark.parametrize("name", ["agencies.yaml", "places.yaml", "indicators.yaml"])
def test_a_broken_authority_file_fails_the_build_named_once(
    name, content_copy, tmp_path
):
    path = content_copy / "authority" / name
    with path.open("a", encoding="utf-8") as file:
        file.write("- id: [\n")
    run = run_build(content_copy, tmp_path / "output")
    assert run.returncode == 1
    reported = [line for line in run.stderr.splitlines() if line.startswith("ERROR:")]
    assert len(reported) == 1, run.stderr
    where, reason = reported[0].removeprefix(f"ERROR: {path}:").split(": ", 1)
    assert where.isdigit(), reported[0]
    assert reason.startswith("YAML syntax error")
    assert "build FAILED: 1 error(s)" in run.stderr
