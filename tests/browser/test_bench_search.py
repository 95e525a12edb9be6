"""The bench's first-results figures, measured on the built seed site."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

import pytest

pytestmark = pytest.mark.browser

# Playwright's sync API runs once per thread: the measurement, which starts
# its own browser, runs in a process of its own, as the bench runs it.
MEASURE = """
import json, sys
from pathlib import Path
from warta.bench.measure import measure_first_results
queries = json.loads(sys.argv[2])
print(json.dumps(measure_first_results(Path(sys.argv[1]), queries, loads=2)))
"""


def test_first_results_are_timed_on_fresh_pages_by_the_page_itself(
    built_site, chromium
):
    # (``chromium``: a missing browser fails here with what to run, not in
    # the measuring process.)
    queries = ["revitalisasi", "revitalisasi xqzvw", "xqzvw"]
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(built_site.output), json.dumps(queries)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    found = json.loads(run.stdout)
    assert [item["query"] for item in found] == queries
    for item in found:
        assert len(item["ms"]) == 2, item
        assert all(0 < ms < 30_000 for ms in item["ms"]), item
        assert item["median_ms"] == statistics.median(item["ms"])
    statuses = [item["status"] for item in found]
    count = statuses[0].split(" ")[0]
    assert statuses[0] == f"{count} hasil untuk “revitalisasi”."
    assert statuses[1].endswith(f"{count} hasil untuk “revitalisasi”.")
    # Nothing found is drawn too, and timed.
    assert statuses[2] == "Tidak ada hasil untuk “xqzvw”."
