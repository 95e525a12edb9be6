"""Shared fixtures: a real build of content/, a real HTTP server, real Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from warta.chromium import CHROMIUM, CHROMIUM_ARGS, HOST_RULES

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


@dataclass
class BuildRun:
    """One run of the build command: its exit code, its log and its output."""

    returncode: int
    stderr: str
    output: Path

    def page(self, url_path: str) -> str:
        """The HTML written for a site URL such as ``/arsip/``."""
        target = self.output / url_path.strip("/")
        if url_path.endswith("/") or not target.suffix:
            target = target / "index.html"
        return target.read_text(encoding="utf-8")


def run_build(
    content: Path, output: Path, settings: Path | None = None, env: dict | None = None
) -> BuildRun:
    """Build ``content`` with the project's own build command, in a new process
    (with ``env`` added to the environment)."""
    command = [sys.executable, "-m", "sitebuild", "--content", str(content)]
    command += ["--output", str(output)]
    if settings is not None:
        command += ["--settings", str(settings)]
    done = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **(env or {})},
    )
    return BuildRun(done.returncode, done.stderr + done.stdout, output)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuildRun:
    """content/ built once for the session, exactly as ``invoke build`` does."""
    run = run_build(CONTENT, tmp_path_factory.mktemp("site") / "output")
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of content/ that a test may break."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 by the project's server."""
    import sitebuild

    with sitebuild.serving(built_site.output) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright; a missing browser is a failure."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test' (it installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[*CHROMIUM_ARGS, f"--host-resolver-rules={HOST_RULES}"],
            headless=True,
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="id-ID")
    tab = context.new_page()
    yield tab
    context.close()
