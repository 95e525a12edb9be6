"""How the project runs Debian's Chromium: tests, the audit and the benchmark."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# No first-run work, no background traffic: this machine's network is closed.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# Even so Chromium looks up a few Google hosts; refuse every name but loopback.
HOST_RULES = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
