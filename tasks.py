"""Invoke tasks: the real work behind the Makefile's commands.

invoke build     build content/ into output/ (fails on any warning or error)
invoke serve     build, then serve output/ on http://127.0.0.1:8000
invoke test      install Chromium if missing, run the whole test suite
invoke lint      ruff check and ruff format --check
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")


def _build(settings: str, output: str | None, verbose: bool) -> Path:
    import sitebuild  # imported here: Pelican loads only for tasks that build

    report = sitebuild.build(ROOT / settings, output=output, verbose=verbose)
    if sitebuild.report_and_exit_code(report):
        raise Exit(code=1)
    return report.output


@task(
    help={
        "settings": "Pelican settings file (publishconf.py for the public site)",
        "output": "output folder (default: output/)",
        "verbose": "log every file written",
    }
)
def build(c, settings="pelicanconf.py", output=None, verbose=False):
    """Build the archive from content/; exit non-zero on any warning or error."""
    _build(settings, output, verbose)


@task(
    help={
        "port": "port to listen on (default 8000)",
        "host": "address to bind (default 127.0.0.1)",
        "settings": "Pelican settings file",
    }
)
def serve(c, port=8000, host="127.0.0.1", settings="pelicanconf.py"):
    """Build the archive, then serve it until Ctrl-C."""
    import sitebuild

    output = _build(settings, None, False)
    server = sitebuild.make_server(output, host, int(port))
    print(f"Arsip siap di http://{host}:{port}/ (Ctrl-C untuk berhenti)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nServer dihentikan.")
    finally:
        server.server_close()


def _as_root(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return command
    if shutil.which("sudo"):
        return ["sudo", *command]
    raise Exit(f"need root to run: {' '.join(command)}", code=1)


@task
def browser(c):
    """Install Debian's Chromium for the browser tests, if it is not there."""
    if CHROMIUM.exists():
        return
    print("Chromium tidak ditemukan: memasang paket Debian 'chromium' ...", flush=True)
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    c.run(" ".join(_as_root(["apt-get", "update", "-qq"])), env=env)
    c.run(" ".join(_as_root(["apt-get", "install", "-y", "-qq", "chromium"])), env=env)
    if not CHROMIUM.exists():
        raise Exit(f"{CHROMIUM} is still missing after apt-get install", code=1)


@task(
    pre=[browser],
    help={"args": "extra pytest arguments, e.g. -k seed or -x"},
)
def test(c, args=""):
    """Run the whole test suite (unit, plugin, whole-site, browser)."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


@task
def lint(c):
    """Check code style with ruff."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")


@task
def fmt(c):
    """Format the code with ruff."""
    c.run(f"{sys.executable} -m ruff check --fix .")
    c.run(f"{sys.executable} -m ruff format .")


@task
def lock(c):
    """Rewrite requirements.lock from the packages installed in .venv."""
    frozen = c.run(
        f"{sys.executable} -m pip freeze --all --exclude-editable", hide=True
    ).stdout.splitlines()
    pinned = [
        line for line in frozen if not line.startswith(("warta==", "pip==", "wheel=="))
    ]
    header = [
        "# Pinned versions of every Python package (runtime and tests).",
        "# Regenerate after changing pyproject.toml: invoke lock",
    ]
    (ROOT / "requirements.lock").write_text("\n".join(header + pinned) + "\n")
    print(f"requirements.lock: {len(pinned)} packages")
